/**
 * The report of a survey (issue 15, ADR 0068): the panel's answers weighted by raking to the
 * gemeente's margins with `enquetes.weging.ts` (no second implementation), per question the
 * weighted and unweighted shares, n, n_eff and 95% intervals; a breakdown by one characteristic
 * with small cells suppressed; the answers by open link apart and unweighted. Pure: counts in
 * (the repository groups the answers by profile), a report out.
 */
import { effectieveSteekproef, rake, vraaguitkomst, wilson, type Kenmerk } from './enquetes.weging.ts';
import { CATEGORIEEN, KENMERKEN, waarden, type Definitie, type Kenmerknaam, type Marge, type Rapport, type Vraag, type Vraagrapport } from './enquetes.schemas.ts';

/** A cell of the breakdown with fewer respondents than this (and more than 0) is not shown. */
export const MIN_CEL = 5;

/** The four characteristics of a response, in the order of KENMERKEN (null: an answer by open link). */
export type Profiel = readonly (string | null)[];
export interface Profieltelling {
  profiel: Profiel;
  aantal: number;
}
export interface Antwoordtelling {
  profiel: Profiel;
  vraag: string;
  waarde: string | string[];
  aantal: number;
}
export interface Rapportinvoer {
  enquete: string;
  definitie: Definitie;
  marges: readonly Marge[];
  panel: { profielen: readonly Profieltelling[]; antwoorden: readonly Antwoordtelling[] };
  open: { respondenten: number; antwoorden: readonly Antwoordtelling[] };
  uitsplitsing?: Kenmerknaam;
  maxGewicht?: number;
}

const sleutel = (p: Profiel): string => p.join('\u0001');

interface Weging {
  rapport: Rapport['panel']['weging'];
  /** Per profile key its weight (mean 1 over the respondents); undefined: not weighted. */
  gewicht?: Map<string, number>;
}

/** Rakes the panel's profiles to the margins of the characteristics that have margins. */
export function weegPanel(profielen: readonly Profieltelling[], marges: readonly Marge[], maxGewicht?: number): Weging {
  const gebruikt = KENMERKEN.filter((k) => marges.some((m) => m.kenmerk === k));
  const n = profielen.reduce((s, p) => s + p.aantal, 0);
  const leeg = { kenmerken: gebruikt, iteraties: 0, geconvergeerd: false, effectieveSteekproef: n, designeffect: n > 0 ? 1 : 0, maxGewicht: maxGewicht ?? null };
  if (gebruikt.length === 0) return { rapport: { status: 'geen-marges', redenen: [], ...leeg } };
  if (n === 0) return { rapport: { status: 'niet-gewogen', redenen: ['Er zijn nog geen antwoorden van panelleden.'], ...leeg } };
  const redenen: string[] = [];
  const kenmerken: Kenmerk[] = gebruikt.map((naam) => {
    const eigen = marges.filter((m) => m.kenmerk === naam);
    const som = eigen.reduce((s, m) => s + m.aandeel, 0);
    const categorieen = eigen.map((m) => m.categorie);
    const codes = new Uint16Array(n);
    const gezien = new Uint32Array(categorieen.length);
    const positie = KENMERKEN.indexOf(naam);
    let i = 0;
    for (const p of profielen) {
      const waarde = p.profiel[positie] ?? '';
      const c = categorieen.indexOf(waarde);
      if (c === -1) {
        const reden = `De categorie "${waarde}" van ${naam} staat niet in de marges van de bevolking. Voeg die toe.`;
        if (!redenen.includes(reden)) redenen.push(reden);
      } else gezien[c] = (gezien[c] as number) + p.aantal;
      codes.fill(Math.max(c, 0), i, i + p.aantal);
      i += p.aantal;
    }
    categorieen.forEach((c, j) => {
      if (gezien[j] === 0) redenen.push(`Geen respondenten in ${naam} "${c}": een lege cel kan niet gewogen worden. Voeg die categorie in de marges samen met een andere.`);
    });
    return { naam, categorieen, marges: eigen.map((m) => m.aandeel / som), codes };
  });
  if (redenen.length > 0) return { rapport: { status: 'niet-gewogen', redenen, ...leeg } };
  const r = rake(n, kenmerken, maxGewicht === undefined ? {} : { maxGewicht });
  const gewicht = new Map<string, number>();
  let i = 0;
  for (const p of profielen) {
    gewicht.set(sleutel(p.profiel), r.gewichten[i] as number);
    i += p.aantal;
  }
  const nEff = effectieveSteekproef(r.gewichten);
  return {
    rapport: { status: 'gewogen', redenen: [], kenmerken: gebruikt, iteraties: r.iteraties, geconvergeerd: r.geconvergeerd, effectieveSteekproef: nEff, designeffect: n / nEff, maxGewicht: maxGewicht ?? null },
    gewicht,
  };
}

const optietekst = (vraag: Vraag, w: string): string => vraag.opties?.find((o) => o.waarde === w)?.tekst.nl ?? w;

/** The outcome of one question over these counts; weights per profile, or none (unweighted). */
export function vraagrapport(vraag: Vraag, tellingen: readonly Antwoordtelling[], gewicht?: ReadonlyMap<string, number>): Vraagrapport {
  const eigen = tellingen.filter((t) => t.vraag === vraag.id);
  const n = eigen.reduce((s, t) => s + t.aantal, 0);
  const w = new Float64Array(n);
  const gewogen = gewicht !== undefined;
  let i = 0;
  for (const t of eigen) {
    w.fill(gewicht?.get(sleutel(t.profiel)) ?? 1, i, i + t.aantal);
    i += t.aantal;
  }
  const basis = { vraag: vraag.id, tekst: vraag.tekst.nl, soort: vraag.soort, n, nEff: gewogen ? effectieveSteekproef(w) : n, gemiddelde: null };
  if (vraag.soort === 'open' || n === 0) return { ...basis, nEff: n === 0 ? 0 : basis.nEff, antwoorden: [] };
  // Per answer value (multiple choice: per option "chosen or not"), one entry per respondent.
  const waardenPer = (kies: (t: Antwoordtelling) => string): string[] => {
    const uit = Array.from<string>({ length: n });
    let j = 0;
    for (const t of eigen) {
      uit.fill(kies(t), j, j + t.aantal);
      j += t.aantal;
    }
    return uit;
  };
  const mogelijk = waarden(vraag);
  const regel = (waarde: string, uitkomst: ReturnType<typeof vraaguitkomst>, als: string) => {
    const a = uitkomst.antwoorden.find((x) => x.antwoord === als);
    const ongewogen = a?.ongewogen ?? 0;
    const aandeel = a?.gewogen ?? 0;
    return {
      waarde,
      tekst: optietekst(vraag, waarde),
      aantal: Math.round(ongewogen * n),
      ongewogen,
      gewogen: gewogen ? aandeel : null,
      interval: gewogen ? (a?.interval ?? wilson(0, uitkomst.effectieveSteekproef)) : wilson(ongewogen, n),
    };
  };
  if (vraag.soort === 'meerkeuze') {
    return { ...basis, antwoorden: mogelijk.map((m) => regel(m, vraaguitkomst(vraag.id, waardenPer((t) => (Array.isArray(t.waarde) && t.waarde.includes(m) ? 'ja' : 'nee')), w), 'ja')) };
  }
  const uitkomst = vraaguitkomst(vraag.id, waardenPer((t) => (Array.isArray(t.waarde) ? (t.waarde[0] ?? '') : t.waarde)), w);
  let gemiddelde: number | null = null;
  if (vraag.soort === 'schaal' || vraag.soort === 'rapportcijfer') {
    const telt = uitkomst.antwoorden.reduce((s, a) => s + Number(a.antwoord) * (gewogen ? a.gewogen : a.ongewogen), 0);
    gemiddelde = telt;
  }
  return { ...basis, gemiddelde, antwoorden: mogelijk.map((m) => regel(m, uitkomst, m)) };
}

/**
 * Per question the groups of one characteristic; a group with 1–4 respondents to the question is
 * suppressed, and when that leaves exactly one suppressed group, the smallest other group with
 * respondents too, so the suppressed one cannot be worked out from the total (secondary suppression).
 */
export function uitsplitsing(definitie: Definitie, kenmerk: Kenmerknaam, tellingen: readonly Antwoordtelling[], gewicht: ReadonlyMap<string, number> | undefined, marges: readonly Marge[]): NonNullable<Rapport['panel']['uitsplitsing']> {
  const positie = KENMERKEN.indexOf(kenmerk);
  const vast: readonly string[] = kenmerk === 'wijk' ? marges.filter((m) => m.kenmerk === 'wijk').map((m) => m.categorie) : CATEGORIEEN[kenmerk];
  const gezien = tellingen.map((t) => t.profiel[positie] ?? '').filter((c) => c && !vast.includes(c));
  const categorieen = [...vast, ...new Set(gezien)];
  return {
    kenmerk,
    vragen: definitie.vragen.map((vraag) => {
      const groepen = categorieen.map((categorie) => {
        const eigen = tellingen.filter((t) => t.vraag === vraag.id && t.profiel[positie] === categorie);
        return { categorie, n: eigen.reduce((s, t) => s + t.aantal, 0), eigen };
      });
      const klein = new Set(groepen.filter((g) => g.n > 0 && g.n < MIN_CEL).map((g) => g.categorie));
      if (klein.size === 1) {
        const volgende = groepen.filter((g) => g.n >= MIN_CEL).toSorted((a, b) => a.n - b.n)[0];
        if (volgende) klein.add(volgende.categorie);
      }
      return {
        vraag: vraag.id,
        groepen: groepen.map((g) => (klein.has(g.categorie) ? { categorie: g.categorie, onderdrukt: true, uitkomst: null } : { categorie: g.categorie, onderdrukt: false, uitkomst: vraagrapport(vraag, g.eigen, gewicht) })),
      };
    }),
  };
}

export function maakRapport(invoer: Rapportinvoer): Rapport {
  const { definitie, marges } = invoer;
  const weging = weegPanel(invoer.panel.profielen, marges, invoer.maxGewicht);
  const respondenten = invoer.panel.profielen.reduce((s, p) => s + p.aantal, 0);
  return {
    enquete: invoer.enquete,
    titel: definitie.titel.nl,
    panel: {
      respondenten,
      weging: weging.rapport,
      vragen: definitie.vragen.map((v) => vraagrapport(v, invoer.panel.antwoorden, weging.gewicht)),
      uitsplitsing: invoer.uitsplitsing ? uitsplitsing(definitie, invoer.uitsplitsing, invoer.panel.antwoorden, weging.gewicht, marges) : null,
    },
    open: { respondenten: invoer.open.respondenten, vragen: definitie.vragen.map((v) => vraagrapport(v, invoer.open.antwoorden)) },
  };
}

const getal = (x: number | null): string => (x === null ? '' : String(Math.round(x * 1e6) / 1e6));
const veld = (t: string): string => (/[",\n\r]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t);

/** The report as CSV: one line per answer (and per group of the breakdown), shares as fractions. */
export function rapportAlsCsv(r: Rapport): string {
  const regels = ['bron,groep,vraag,antwoord,aantal,n,n_eff,ongewogen,gewogen,interval_laag,interval_hoog'];
  const voeg = (bron: string, groep: string, v: Vraagrapport) => {
    for (const a of v.antwoorden) regels.push([bron, groep, v.vraag, a.waarde, String(a.aantal), String(v.n), getal(v.nEff), getal(a.ongewogen), getal(a.gewogen), getal(a.interval[0]), getal(a.interval[1])].map(veld).join(','));
  };
  for (const v of r.panel.vragen) voeg('panel', '', v);
  for (const u of r.panel.uitsplitsing?.vragen ?? []) {
    for (const g of u.groepen) {
      if (g.uitkomst) voeg('panel', `${r.panel.uitsplitsing?.kenmerk}=${g.categorie}`, g.uitkomst);
      else regels.push(['panel', `${r.panel.uitsplitsing?.kenmerk}=${g.categorie}`, u.vraag, 'onderdrukt', '', '', '', '', '', '', ''].map(veld).join(','));
    }
  }
  for (const v of r.open.vragen) voeg('open-link', '', v);
  return `${regels.join('\r\n')}\r\n`;
}
