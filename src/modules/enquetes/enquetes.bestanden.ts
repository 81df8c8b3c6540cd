/**
 * The files of `loket enquete weeg` (ADR 0038): the answers (`respondent`, one column per
 * weighting characteristic, every other column a question) and the population margins
 * (`kenmerk,categorie,aandeel`), read with the shared CSV reader (`src/csv.ts`: `,` or `;`, RFC 4180
 * quotes, a BOM skipped), checked, weighted and summarised. Pure: texts in, an outcome out. Every
 * problem is collected with its file and line, and thrown together as `WegingBestandFout`.
 */
import { csvRecords, leesCsvKop, type CsvRecord } from '../../csv.ts';
import { heeftOngeldigTeken } from '../../tekst.ts';
import { WegingBestandFout, type Bestandsfout } from './enquetes.errors.ts';
import { effectieveSteekproef, rake, vraaguitkomst, type Kenmerk, type Vraaguitkomst } from './enquetes.weging.ts';

/** How far the shares of one characteristic may sum from 1 (rounding in a published table); within it they are scaled to sum to exactly 1. */
export const SOM_TOLERANTIE = 0.001;

export interface Margekenmerk {
  naam: string;
  categorieen: string[];
  aandelen: number[];
  /** Per category the line in the margins file. */
  regels: number[];
}

export interface Bestand {
  /** The name in messages (as the user gave it). */
  naam: string;
  tekst: string;
}

const zonderBom = (tekst: string) => (tekst.charCodeAt(0) === 0xfeff ? tekst.slice(1) : tekst);
const leeg = (r: CsvRecord) => r.velden.length === 1 && r.velden[0]?.trim() === '' && r.fout === undefined;
const kort = (t: string) => (t.length > 40 ? `${t.slice(0, 40)}…` : t);
const AANDEEL = /^(?:0|1|0?[.,][0-9]+|1[.,]0+)$/;

/** The records after the header that have as many fields as the header; an empty line is skipped, another record is reported through `fout`. */
function* goedeRecords(tekst: string, kop: ReturnType<typeof leesCsvKop>, fout: (regel: number, reden: string) => void): Generator<CsvRecord> {
  for (const r of csvRecords(tekst, kop.sep, kop.volgende.pos, kop.volgende.regel)) {
    if (leeg(r)) continue;
    const reden = aantalVelden(r, kop.velden.length, kop.sep);
    if (reden) fout(r.regel, reden);
    else yield r;
  }
}

function aantalVelden(r: CsvRecord, kop: number, sep: string): string | undefined {
  if (r.fout) return r.fout;
  if (r.velden.length === kop) return undefined;
  return `Deze regel heeft ${r.velden.length} ${r.velden.length === 1 ? 'veld' : 'velden'}, de kop heeft er ${kop}. Staat er een ${sep === ',' ? 'komma' : 'puntkomma'} in een waarde? Zet die waarde dan tussen aanhalingstekens (").`;
}

/** The margins file: per characteristic its categories and population shares (scaled to sum to 1). */
export function leesMarges(bestand: Bestand): { kenmerken: Margekenmerk[]; fouten: Bestandsfout[] } {
  const fouten: Bestandsfout[] = [];
  const fout = (regel: number, reden: string) => fouten.push({ bestand: bestand.naam, regel, reden });
  const tekst = zonderBom(bestand.tekst);
  const kop = leesCsvKop(tekst);
  const namen = kop.velden.map((v) => v.trim().toLowerCase());
  const positie = { kenmerk: namen.indexOf('kenmerk'), categorie: namen.indexOf('categorie'), aandeel: namen.indexOf('aandeel') };
  const ontbreekt = Object.entries(positie).filter(([, p]) => p === -1).map(([k]) => k);
  if (ontbreekt.length > 0) {
    fout(1, `De kop mist ${ontbreekt.length === 1 ? 'de kolom' : 'de kolommen'} ${ontbreekt.join(', ')}. De kop moet zijn: kenmerk,categorie,aandeel.`);
    return { kenmerken: [], fouten };
  }
  const perNaam = new Map<string, Margekenmerk & { laatsteRegel: number }>();
  for (const r of goedeRecords(tekst, kop, fout)) {
    const kenmerk = (r.velden[positie.kenmerk] ?? '').trim();
    const categorie = (r.velden[positie.categorie] ?? '').trim();
    const ruw = (r.velden[positie.aandeel] ?? '').trim();
    const redenen: string[] = [];
    if (kenmerk === '') redenen.push('kenmerk is leeg.');
    else if (kenmerk.toLowerCase() === 'respondent') redenen.push('Een kenmerk kan niet "respondent" heten: dat is de kolom met de respondenten.');
    if (categorie === '') redenen.push('categorie is leeg.');
    if ([kenmerk, categorie].some(heeftOngeldigTeken)) redenen.push('Deze regel bevat een teken dat niet mag (zoals een nul-teken).');
    const aandeel = AANDEEL.test(ruw) ? Number(ruw.replace(',', '.')) : Number.NaN;
    if (ruw === '') redenen.push('aandeel is leeg; geef het aandeel in de bevolking als getal tussen 0 en 1, bijvoorbeeld 0.275.');
    else if (Number.isNaN(aandeel)) redenen.push(`aandeel "${kort(ruw)}" is geen getal tussen 0 en 1 (bijvoorbeeld 0.275).`);
    else if (aandeel === 0) redenen.push(`aandeel is 0: laat een categorie zonder inwoners weg.`);
    const eerder = perNaam.get(kenmerk);
    if (eerder && categorie !== '' && eerder.categorieen.includes(categorie)) {
      redenen.push(`${kenmerk} ${kort(categorie)} staat ook op regel ${eerder.regels[eerder.categorieen.indexOf(categorie)]}.`);
    }
    if (redenen.length > 0) {
      fout(r.regel, redenen.join(' '));
      continue;
    }
    const k = eerder ?? { naam: kenmerk, categorieen: [], aandelen: [], regels: [], laatsteRegel: r.regel };
    k.categorieen.push(categorie);
    k.aandelen.push(aandeel);
    k.regels.push(r.regel);
    k.laatsteRegel = r.regel;
    perNaam.set(kenmerk, k);
  }
  if (perNaam.size === 0 && fouten.length === 0) fout(1, 'Er staan geen marges in het bestand: na de kop hoort per kenmerk en categorie een regel met het aandeel.');
  const kenmerken: Margekenmerk[] = [];
  for (const { laatsteRegel, ...k } of perNaam.values()) {
    const som = k.aandelen.reduce((a, b) => a + b, 0);
    if (Math.abs(som - 1) > SOM_TOLERANTIE) {
      fout(laatsteRegel, `De aandelen van ${k.naam} tellen op tot ${Number(som.toFixed(6))}; dat moet 1 zijn (op ${SOM_TOLERANTIE} na).`);
      continue;
    }
    kenmerken.push({ ...k, aandelen: k.aandelen.map((a) => a / som) });
  }
  return { kenmerken, fouten };
}

export interface GelezenAntwoorden {
  respondenten: string[];
  kenmerken: Kenmerk[];
  vragen: { vraag: string; antwoorden: (string | null)[] }[];
}

/** The answers file, checked against the margins: every respondent has a category of each characteristic that the margins know, and every margin category has a respondent. */
export function leesAntwoorden(bestand: Bestand, marges: { bestand: string; kenmerken: readonly Margekenmerk[] }): { gelezen: GelezenAntwoorden; fouten: Bestandsfout[] } {
  const fouten: Bestandsfout[] = [];
  const fout = (regel: number, reden: string, naam = bestand.naam) => fouten.push({ bestand: naam, regel, reden });
  const tekst = zonderBom(bestand.tekst);
  const kop = leesCsvKop(tekst);
  const namen = kop.velden.map((v) => v.trim());
  const laag = namen.map((n) => n.toLowerCase());
  const leeg0: GelezenAntwoorden = { respondenten: [], kenmerken: [], vragen: [] };
  const kopfouten: string[] = [];
  const respondentKolom = laag.indexOf('respondent');
  if (respondentKolom === -1) kopfouten.push('De kop mist de kolom respondent.');
  const kenmerkKolom = marges.kenmerken.map((k) => laag.indexOf(k.naam.toLowerCase()));
  const ontbreekt = marges.kenmerken.filter((_, j) => kenmerkKolom[j] === -1).map((k) => k.naam);
  if (ontbreekt.length > 0) {
    kopfouten.push(`De kop mist ${ontbreekt.length === 1 ? 'het kenmerk' : 'de kenmerken'} ${ontbreekt.join(', ')} uit ${marges.bestand}: geef elke respondent een waarde voor elk kenmerk van de marges.`);
  }
  const dubbel = [...new Set(laag.filter((n, i) => n !== '' && laag.indexOf(n) !== i))];
  if (dubbel.length > 0) kopfouten.push(`De kop noemt ${dubbel.map((d) => namen[laag.indexOf(d)]).join(', ')} meer dan één keer.`);
  const naamloos = namen.map((n, i) => (n === '' ? i + 1 : 0)).filter(Boolean);
  if (naamloos.length > 0 && !(naamloos.length === 1 && naamloos[0] === namen.length && namen.length > 1)) {
    kopfouten.push(`${naamloos.length === 1 ? 'Kolom' : 'Kolommen'} ${naamloos.join(', ')} ${naamloos.length === 1 ? 'heeft' : 'hebben'} geen naam.`);
  }
  if (kopfouten.length > 0) {
    fout(1, kopfouten.join(' '));
    return { gelezen: leeg0, fouten };
  }
  const vraagKolommen = namen.map((_, i) => i).filter((i) => i !== respondentKolom && !kenmerkKolom.includes(i) && namen[i] !== '');
  const codes = marges.kenmerken.map(() => [] as number[]);
  const index = marges.kenmerken.map((k) => new Map(k.categorieen.map((c, i) => [c, i])));
  const respondenten: string[] = [];
  const antwoorden = vraagKolommen.map(() => [] as (string | null)[]);
  const gezien = new Map<string, number>();
  for (const r of goedeRecords(tekst, kop, fout)) {
    const redenen: string[] = [];
    const respondent = (r.velden[respondentKolom] ?? '').trim();
    if (respondent === '') redenen.push('respondent is leeg.');
    else if (gezien.has(respondent)) redenen.push(`Respondent ${kort(respondent)} staat ook op regel ${gezien.get(respondent)}.`);
    if (r.velden.some(heeftOngeldigTeken)) redenen.push('Deze regel bevat een teken dat niet mag (zoals een nul-teken).');
    const wie = respondent === '' ? 'Deze respondent' : `Respondent ${kort(respondent)}`;
    const categorie = marges.kenmerken.map((k, j) => {
      const waarde = (r.velden[kenmerkKolom[j] as number] ?? '').trim();
      const c = index[j]?.get(waarde);
      if (waarde === '') redenen.push(`${wie} heeft geen waarde voor ${k.naam}.`);
      else if (c === undefined) {
        redenen.push(`${k.naam} "${kort(waarde)}" staat niet in ${marges.bestand}; daar staan voor ${k.naam}: ${k.categorieen.map(kort).join(', ')}.`);
      }
      return c ?? -1;
    });
    if (redenen.length > 0) {
      fout(r.regel, redenen.join(' '));
      continue;
    }
    gezien.set(respondent, r.regel);
    respondenten.push(respondent);
    categorie.forEach((c, j) => codes[j]?.push(c));
    vraagKolommen.forEach((kolom, v) => {
      const a = (r.velden[kolom] ?? '').trim();
      antwoorden[v]?.push(a === '' ? null : a);
    });
  }
  if (fouten.length === 0) {
    if (respondenten.length === 0) fout(1, 'Er staan geen respondenten in het bestand: na de kop hoort per respondent een regel.');
    else {
      marges.kenmerken.forEach((k, j) => {
        const aantal = Array.from({ length: k.categorieen.length }, () => 0);
        for (const c of codes[j] ?? []) aantal[c] = (aantal[c] ?? 0) + 1;
        aantal.forEach((n, c) => {
          if (n === 0) {
            fout(
              k.regels[c] as number,
              `Geen enkele respondent in ${bestand.naam} heeft ${k.naam} ${kort(k.categorieen[c] as string)}, dus kan daar niet naar gewogen worden. Voeg die categorie samen met een andere, in de marges en in de antwoorden.`,
              marges.bestand,
            );
          }
        });
      });
    }
  }
  return {
    gelezen: {
      respondenten,
      kenmerken: marges.kenmerken.map((k, j) => ({ naam: k.naam, categorieen: k.categorieen, marges: k.aandelen, codes: codes[j] ?? [] })),
      vragen: vraagKolommen.map((kolom, v) => ({ vraag: namen[kolom] as string, antwoorden: antwoorden[v] ?? [] })),
    },
    fouten,
  };
}

/** The outcome as `loket enquete weeg --json` prints it (issue 15), plus what the text table shows. */
export interface Weging {
  respondenten: number;
  iteraties: number;
  geconvergeerd: boolean;
  effectieveSteekproef: number;
  designeffect: number;
  gewichten: { respondent: string; gewicht: number }[];
  resultaten: Vraaguitkomst[];
  /** Largest |weighted share − margin| at the end. */
  grootsteAfwijking: number;
  kenmerken: { naam: string; categorieen: { categorie: string; marge: number; ongewogen: number; gewogen: number }[] }[];
}

/** Reads both files, rakes and summarises; throws `WegingBestandFout` with every problem found. */
export function weegBestanden(antwoordenBestand: Bestand, margesBestand: Bestand, opties: { maxGewicht?: number } = {}): Weging {
  const marges = leesMarges(margesBestand);
  if (marges.fouten.length > 0) throw new WegingBestandFout(marges.fouten);
  const { gelezen, fouten } = leesAntwoorden(antwoordenBestand, { bestand: margesBestand.naam, kenmerken: marges.kenmerken });
  if (fouten.length > 0) throw new WegingBestandFout(fouten);
  const n = gelezen.respondenten.length;
  const raking = rake(n, gelezen.kenmerken, { maxGewicht: opties.maxGewicht });
  const w = raking.gewichten;
  const nEff = effectieveSteekproef(w);
  return {
    respondenten: n,
    iteraties: raking.iteraties,
    geconvergeerd: raking.geconvergeerd,
    effectieveSteekproef: nEff,
    designeffect: n / nEff,
    gewichten: gelezen.respondenten.map((respondent, i) => ({ respondent, gewicht: w[i] as number })),
    resultaten: gelezen.vragen.map((v) => vraaguitkomst(v.vraag, v.antwoorden, w)),
    grootsteAfwijking: raking.grootsteAfwijking,
    kenmerken: gelezen.kenmerken.map((k) => {
      const aantal = new Float64Array(k.categorieen.length);
      const gewicht = new Float64Array(k.categorieen.length);
      for (let i = 0; i < n; i++) {
        const c = k.codes[i] as number;
        aantal[c] = (aantal[c] as number) + 1;
        gewicht[c] = (gewicht[c] as number) + (w[i] as number);
      }
      return {
        naam: k.naam,
        categorieen: k.categorieen.map((categorie, c) => ({ categorie, marge: k.marges[c] as number, ongewogen: (aantal[c] as number) / n, gewogen: (gewicht[c] as number) / n })),
      };
    }),
  };
}

/** Exactly the JSON of issue 15. */
export function wegingAlsJson(w: Weging) {
  return {
    respondenten: w.respondenten,
    iteraties: w.iteraties,
    geconvergeerd: w.geconvergeerd,
    effectieveSteekproef: w.effectieveSteekproef,
    designeffect: w.designeffect,
    gewichten: w.gewichten,
    resultaten: w.resultaten.map((r) => ({
      vraag: r.vraag,
      antwoorden: r.antwoorden.map((a) => ({ antwoord: a.antwoord, ongewogen: a.ongewogen, gewogen: a.gewogen, interval: a.interval })),
    })),
  };
}
