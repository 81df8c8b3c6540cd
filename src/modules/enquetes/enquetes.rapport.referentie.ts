/**
 * The survey report computed the straightforward way, every respondent written out: a weight and
 * an answer per respondent, `rake` over all of them and `vraaguitkomst` per question (the report's
 * code before the speed-up of issue 15). Not used by the app: it is the oracle that
 * `enquetes.rapport.gelijk.test.ts` holds the fast report against (exactly the same, bit for bit),
 * and the anchor `bench/enquete-rapport` measures in the same run.
 */
import { MIN_CEL, type Antwoordtelling, type Profieltelling, type Rapportinvoer } from './enquetes.rapport.ts';
import { CATEGORIEEN, KENMERKEN, waarden, type Kenmerknaam, type Marge, type Rapport, type Vraag, type Vraagrapport } from './enquetes.schemas.ts';
import { effectieveSteekproef, rake, vraaguitkomst, wilson, type Kenmerk } from './enquetes.weging.ts';

const sleutel = (p: readonly (string | null)[]): string => p.join('\u0001');
const optietekst = (vraag: Vraag, w: string): string => vraag.opties?.find((o) => o.waarde === w)?.tekst.nl ?? w;

interface Weging {
  rapport: Rapport['panel']['weging'];
  gewicht?: Map<string, number>;
}

/** The panel raked respondent by respondent (`rake` over every respondent written out). */
function eenvoudigWegen(profielen: readonly Profieltelling[], marges: readonly Marge[], maxGewicht?: number): Weging {
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

/** One question, every respondent written out: a weight and an answer per respondent. */
function eenvoudigeVraag(vraag: Vraag, tellingen: readonly Antwoordtelling[], gewicht?: ReadonlyMap<string, number>): Vraagrapport {
  const eigen = tellingen.filter((t) => t.vraag === vraag.id);
  const w: number[] = [];
  const respondenten: Antwoordtelling[] = [];
  for (const t of eigen) {
    for (let k = 0; k < t.aantal; k++) {
      w.push(gewicht?.get(sleutel(t.profiel)) ?? 1);
      respondenten.push(t);
    }
  }
  const n = respondenten.length;
  const gewogen = gewicht !== undefined;
  const basis = { vraag: vraag.id, tekst: vraag.tekst.nl, soort: vraag.soort, n, nEff: gewogen ? effectieveSteekproef(w) : n, gemiddelde: null };
  if (vraag.soort === 'open' || n === 0) return { ...basis, nEff: n === 0 ? 0 : basis.nEff, antwoorden: [] };
  const regel = (waarde: string, uitkomst: ReturnType<typeof vraaguitkomst>, als: string) => {
    const a = uitkomst.antwoorden.find((x) => x.antwoord === als);
    const ongewogen = a?.ongewogen ?? 0;
    return {
      waarde,
      tekst: optietekst(vraag, waarde),
      aantal: Math.round(ongewogen * n),
      ongewogen,
      gewogen: gewogen ? (a?.gewogen ?? 0) : null,
      interval: gewogen ? (a?.interval ?? wilson(0, uitkomst.effectieveSteekproef)) : wilson(ongewogen, n),
    };
  };
  if (vraag.soort === 'meerkeuze') {
    return { ...basis, antwoorden: waarden(vraag).map((m) => regel(m, vraaguitkomst(vraag.id, respondenten.map((t) => (Array.isArray(t.waarde) && t.waarde.includes(m) ? 'ja' : 'nee')), w), 'ja')) };
  }
  const uitkomst = vraaguitkomst(vraag.id, respondenten.map((t) => (Array.isArray(t.waarde) ? (t.waarde[0] ?? '') : t.waarde)), w);
  const gemiddelde = vraag.soort === 'schaal' || vraag.soort === 'rapportcijfer' ? uitkomst.antwoorden.reduce((s, a) => s + Number(a.antwoord) * (gewogen ? a.gewogen : a.ongewogen), 0) : null;
  return { ...basis, gemiddelde, antwoorden: waarden(vraag).map((m) => regel(m, uitkomst, m)) };
}

export function eenvoudigRapport(invoer: Rapportinvoer): Rapport {
  const { definitie, marges } = invoer;
  const weging = eenvoudigWegen(invoer.panel.profielen, marges, invoer.maxGewicht);
  const tellingen = invoer.panel.antwoorden;
  let uitsplitsing: Rapport['panel']['uitsplitsing'] = null;
  if (invoer.uitsplitsing) {
    const kenmerk: Kenmerknaam = invoer.uitsplitsing;
    const positie = KENMERKEN.indexOf(kenmerk);
    const vast: readonly string[] = kenmerk === 'wijk' ? marges.filter((m) => m.kenmerk === 'wijk').map((m) => m.categorie) : CATEGORIEEN[kenmerk];
    const categorieen = [...vast, ...new Set(tellingen.map((t) => t.profiel[positie] ?? '').filter((c) => c && !vast.includes(c)))];
    uitsplitsing = {
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
          groepen: groepen.map((g) => (klein.has(g.categorie) ? { categorie: g.categorie, onderdrukt: true, uitkomst: null } : { categorie: g.categorie, onderdrukt: false, uitkomst: eenvoudigeVraag(vraag, g.eigen, weging.gewicht) })),
        };
      }),
    };
  }
  return {
    enquete: invoer.enquete,
    titel: definitie.titel.nl,
    panel: {
      respondenten: invoer.panel.profielen.reduce((s, p) => s + p.aantal, 0),
      weging: weging.rapport,
      vragen: definitie.vragen.map((v) => eenvoudigeVraag(v, tellingen, weging.gewicht)),
      uitsplitsing,
    },
    open: { respondenten: invoer.open.respondenten, vragen: definitie.vragen.map((v) => eenvoudigeVraag(v, invoer.open.antwoorden)) },
  };
}
