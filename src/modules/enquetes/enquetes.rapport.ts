/**
 * The report of a survey (issue 15, ADR 0068): the panel's answers weighted by raking to the
 * gemeente's margins with `enquetes.weging.ts` (no second implementation), per question the
 * weighted and unweighted shares, n, n_eff and 95% intervals; a breakdown by one characteristic
 * with small cells suppressed; the answers by open link apart and unweighted. Pure: counts in
 * (the repository groups the answers by profile), a report out.
 */
import { rakeGroepen, vraaguitkomstPerGroep, wilson, type Kenmerk, type Vraaguitkomst } from './enquetes.weging.ts';
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
  // One row per profile (its respondents have the same weight): rakeGroepen sums them one by one.
  const aantallen = Uint32Array.from(profielen, (p) => p.aantal);
  const kenmerken: Kenmerk[] = gebruikt.map((naam) => {
    const eigen = marges.filter((m) => m.kenmerk === naam);
    const som = eigen.reduce((s, m) => s + m.aandeel, 0);
    const categorieen = eigen.map((m) => m.categorie);
    const codes = new Uint16Array(profielen.length);
    const gezien = new Uint32Array(categorieen.length);
    const positie = KENMERKEN.indexOf(naam);
    profielen.forEach((p, i) => {
      const waarde = p.profiel[positie] ?? '';
      const c = categorieen.indexOf(waarde);
      if (c === -1) {
        const reden = `De categorie "${waarde}" van ${naam} staat niet in de marges van de bevolking. Voeg die toe.`;
        if (!redenen.includes(reden)) redenen.push(reden);
      } else gezien[c] = (gezien[c] as number) + p.aantal;
      codes[i] = Math.max(c, 0);
    });
    categorieen.forEach((c, j) => {
      if (gezien[j] === 0) redenen.push(`Geen respondenten in ${naam} "${c}": een lege cel kan niet gewogen worden. Voeg die categorie in de marges samen met een andere.`);
    });
    return { naam, categorieen, marges: eigen.map((m) => m.aandeel / som), codes };
  });
  if (redenen.length > 0) return { rapport: { status: 'niet-gewogen', redenen, ...leeg } };
  const r = rakeGroepen(aantallen, kenmerken, maxGewicht === undefined ? {} : { maxGewicht });
  const gewicht = new Map<string, number>();
  // Kish's n_eff over the respondents' weights, summed one by one as effectieveSteekproef() does.
  let somW = 0;
  let kwadraten = 0;
  profielen.forEach((p, i) => {
    const x = r.gewichten[i] as number;
    gewicht.set(sleutel(p.profiel), x);
    for (let k = 0; k < p.aantal; k++) {
      somW += x;
      kwadraten += x * x;
    }
  });
  const nEff = kwadraten > 0 ? (somW * somW) / kwadraten : 0;
  return {
    rapport: { status: 'gewogen', redenen: [], kenmerken: gebruikt, iteraties: r.iteraties, geconvergeerd: r.geconvergeerd, effectieveSteekproef: nEff, designeffect: n / nEff, maxGewicht: maxGewicht ?? null },
    gewicht,
  };
}

const optietekst = (vraag: Vraag, w: string): string => vraag.opties?.find((o) => o.waarde === w)?.tekst.nl ?? w;

/** A count with the weight of its profile (1 when not weighted), looked up once per report. */
interface Gewogen {
  telling: Antwoordtelling;
  gewicht: number;
}

/** The counts with their weights, grouped by question (one pass; the order of the counts is kept). */
function perVraag(tellingen: readonly Antwoordtelling[], gewicht?: ReadonlyMap<string, number>): Map<string, Gewogen[]> {
  const uit = new Map<string, Gewogen[]>();
  for (const telling of tellingen) {
    const g = { telling, gewicht: gewicht?.get(sleutel(telling.profiel)) ?? 1 };
    const lijst = uit.get(telling.vraag);
    if (lijst) lijst.push(g);
    else uit.set(telling.vraag, [g]);
  }
  return uit;
}

/** The outcome of one question over these counts; weights per profile, or none (unweighted). */
export function vraagrapport(vraag: Vraag, tellingen: readonly Antwoordtelling[], gewicht?: ReadonlyMap<string, number>): Vraagrapport {
  return vraagrapportGewogen(vraag, perVraag(tellingen, gewicht).get(vraag.id) ?? [], gewicht !== undefined);
}

/**
 * One question over its own counts. Works on the counts (a few thousand) rather than one entry
 * per respondent (tens of thousands): `vraaguitkomstPerGroep` sums respondent by respondent in
 * the order of the counts, so the numbers are exactly those of writing every respondent out.
 */
function vraagrapportGewogen(vraag: Vraag, eigen: readonly Gewogen[], gewogen: boolean): Vraagrapport {
  let n = 0;
  let som = 0;
  let kwadraten = 0;
  for (const { telling, gewicht: x } of eigen) {
    n += telling.aantal;
    for (let k = 0; k < telling.aantal; k++) {
      som += x;
      kwadraten += x * x;
    }
  }
  // Kish's n_eff as effectieveSteekproef() over the weights written out (same order of sums).
  const nEffAlle = kwadraten > 0 ? (som * som) / kwadraten : 0;
  const basis = { vraag: vraag.id, tekst: vraag.tekst.nl, soort: vraag.soort, n, nEff: gewogen ? nEffAlle : n, gemiddelde: null };
  if (vraag.soort === 'open' || n === 0) return { ...basis, nEff: n === 0 ? 0 : basis.nEff, antwoorden: [] };
  // Per answer value (multiple choice: per option "chosen or not"), one run per count.
  const groepen = (kies: (t: Antwoordtelling) => string) => eigen.map(({ telling, gewicht }) => ({ antwoord: kies(telling), aantal: telling.aantal, gewicht }));
  const mogelijk = waarden(vraag);
  const regel = (waarde: string, uitkomst: Vraaguitkomst, als: string) => {
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
    return { ...basis, antwoorden: mogelijk.map((m) => regel(m, vraaguitkomstPerGroep(vraag.id, groepen((t) => (Array.isArray(t.waarde) && t.waarde.includes(m) ? 'ja' : 'nee'))), 'ja')) };
  }
  const uitkomst = vraaguitkomstPerGroep(vraag.id, groepen((t) => (Array.isArray(t.waarde) ? (t.waarde[0] ?? '') : t.waarde)));
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
  return uitsplitsingPerVraag(definitie, kenmerk, tellingen, perVraag(tellingen, gewicht), gewicht !== undefined, marges);
}

function uitsplitsingPerVraag(
  definitie: Definitie,
  kenmerk: Kenmerknaam,
  tellingen: readonly Antwoordtelling[],
  vragen: ReadonlyMap<string, readonly Gewogen[]>,
  gewogen: boolean,
  marges: readonly Marge[],
): NonNullable<Rapport['panel']['uitsplitsing']> {
  const positie = KENMERKEN.indexOf(kenmerk);
  const vast: readonly string[] = kenmerk === 'wijk' ? marges.filter((m) => m.kenmerk === 'wijk').map((m) => m.categorie) : CATEGORIEEN[kenmerk];
  const gezien = new Set<string>();
  for (const t of tellingen) {
    const c = t.profiel[positie] ?? '';
    if (c && !vast.includes(c)) gezien.add(c);
  }
  const categorieen = [...vast, ...gezien];
  return {
    kenmerk,
    vragen: definitie.vragen.map((vraag) => {
      // The question's counts per group, in their order (one pass).
      const perGroep = new Map<string | null, Gewogen[]>();
      for (const g of vragen.get(vraag.id) ?? []) {
        const c = g.telling.profiel[positie] ?? null;
        const lijst = perGroep.get(c);
        if (lijst) lijst.push(g);
        else perGroep.set(c, [g]);
      }
      const groepen = categorieen.map((categorie) => {
        const eigen = perGroep.get(categorie) ?? [];
        return { categorie, n: eigen.reduce((s, g) => s + g.telling.aantal, 0), eigen };
      });
      const klein = new Set(groepen.filter((g) => g.n > 0 && g.n < MIN_CEL).map((g) => g.categorie));
      if (klein.size === 1) {
        const volgende = groepen.filter((g) => g.n >= MIN_CEL).toSorted((a, b) => a.n - b.n)[0];
        if (volgende) klein.add(volgende.categorie);
      }
      return {
        vraag: vraag.id,
        groepen: groepen.map((g) => (klein.has(g.categorie) ? { categorie: g.categorie, onderdrukt: true, uitkomst: null } : { categorie: g.categorie, onderdrukt: false, uitkomst: vraagrapportGewogen(vraag, g.eigen, gewogen) })),
      };
    }),
  };
}

export function maakRapport(invoer: Rapportinvoer): Rapport {
  const { definitie, marges } = invoer;
  const weging = weegPanel(invoer.panel.profielen, marges, invoer.maxGewicht);
  const respondenten = invoer.panel.profielen.reduce((s, p) => s + p.aantal, 0);
  const gewogen = weging.gewicht !== undefined;
  const panel = perVraag(invoer.panel.antwoorden, weging.gewicht);
  const open = perVraag(invoer.open.antwoorden);
  return {
    enquete: invoer.enquete,
    titel: definitie.titel.nl,
    panel: {
      respondenten,
      weging: weging.rapport,
      vragen: definitie.vragen.map((v) => vraagrapportGewogen(v, panel.get(v.id) ?? [], gewogen)),
      uitsplitsing: invoer.uitsplitsing ? uitsplitsingPerVraag(definitie, invoer.uitsplitsing, invoer.panel.antwoorden, panel, gewogen, marges) : null,
    },
    open: { respondenten: invoer.open.respondenten, vragen: definitie.vragen.map((v) => vraagrapportGewogen(v, open.get(v.id) ?? [], false)) },
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
