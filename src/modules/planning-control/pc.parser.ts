/**
 * Reads the plain text of a programme chapter (begroting or jaarstukken, Diemen's layout, as
 * extracted from the PDF) into a PcHoofdstuk. See docs/pc-import.md for the layout rules and
 * docs/adr/0008-pc-hoofdstuk-parser.md for the approach: a line-oriented recursive descent over
 * the normalised lines, with a ledger that records for every line which field took it. Lines
 * that no rule takes end up in `waarschuwingen`; nothing is dropped silently.
 * Pure: no I/O, no clock.
 */
import { PcImportFout } from './pc.errors.ts';
import { isBedrag, leesBedrag, leesWaarde, lexCellen, splitsWaarden } from './pc.getal.ts';
import type { PcControle, PcFinancienRegel, PcHoofdstuk, PcIndicator, PcSoort } from './pc.hoofdstuk.ts';

export interface PcParseOpties {
  gemeente: string;
  /** Used only as a last resort to find the soort and the jaar ("programmabegroting-2022.txt"). */
  bestandsnaam?: string;
}

/** The chapter plus, per 1-based line number, the field that took the line (for coverage tests). */
export interface PcLeesResultaat {
  hoofdstuk: PcHoofdstuk;
  verantwoording: ReadonlyMap<number, string>;
}

export function parseHoofdstuk(tekst: string, opties: PcParseOpties): PcHoofdstuk {
  return leesHoofdstuk(tekst, opties).hoofdstuk;
}

/** Widest line (in characters) of the left column of the activity table; see splitsActiviteitregel. */
export const ACTIVITEIT_KOLOMBREEDTE = 60;

// ---------------------------------------------------------------------------------------------
// Normalisation

/** PDF artefacts: the ĳ ligature, fi/fl ligatures, odd spaces, soft hyphens, zero-width characters. */
export function normaliseerRegel(regel: string): string {
  return regel
    .normalize('NFC')
    .replace(/\u0133/g, 'ij')
    .replace(/\u0132/g, 'IJ')
    .replace(/\uFB00/g, 'ff')
    .replace(/\uFB01/g, 'fi')
    .replace(/\uFB02/g, 'fl')
    .replace(/\uFB03/g, 'ffi')
    .replace(/\uFB04/g, 'ffl')
    .replace(/[\u00A0\u2007\u2009\u200A\u202F\u205F\u3000\t\v]/g, ' ')
    .replace(/\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF|\f/g, '')
    .replace(/\u2212/g, '-')
    .replace(/ {2,}/g, ' ');
}

export function splitsRegels(tekst: string): string[] {
  return tekst.split(/\r\n|\n|\r/).map(normaliseerRegel);
}

// ---------------------------------------------------------------------------------------------
// Patterns of the layout

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const P = {
  documenttitel: /^(programmabegroting|begroting|jaarstukken|jaarverslag|jaarrekening|programmarekening|jaarverslag en jaarrekening)\s+(\d{4})$/i,
  versie: /^versie\s*:\s*(.+)$/i,
  datum: new RegExp(`^(\\d{1,2})\\s+(${MAANDEN.join('|')})\\s+(\\d{4})$`, 'i'),
  portefeuille: /^portefeuillehouders?\s*:\s*(.*)$/i,
  concern: /^concerndirecteur(?:en|s)?\s*:\s*(.*)$/i,
  programma: /^programma\s+(?:\d+\s*)?[:.\-–]\s*(.+)$/i,
  bereiktEnGedaan: /^wat hebben we bereikt\b/i,
  willenBereiken: /^wat willen we bereiken\b/i,
  wildenBereiken: /^wat wilden we bereiken\b/i,
  gaanDoen: /^wat gaan we (?:er|daar)\s?voor doen\b/i,
  hebbenGedaan: /^wat hebben we (?:er|daar)\s?voor gedaan\b/i,
  gekost: /^wat heeft het gekost\b/i,
  kosten: /^wat mag het kosten\b/i,
  doel: /^(\d+)\.\s+(\S.*)$/,
  doelKop: /^wat (?:wilden|willen) we bereiken\??$/i,
  subdoelen: /^subdoelen:?$/i,
  subdoelItem: /^(\d+\.\d+)\s*[-–]\s*(\S.*)$/,
  subdoelKop: /^subdoel\s+(\d+(?:\.\d+)+)\s*[-–:]?\s*(.*)$/i,
  activiteitenKop: /^activiteiten\b/i,
  activiteit: /^(\d+\.\d+\.\d+)\s*[-–]\s*(.*)$/,
  indicatorKop:
    /^(prestatie-?\s?indicatoren|prestatie-?\s?indicator|indicatoren maatschappelijke? effect(?:en)?|indicator maatschappelijke? effect(?:en)?|effect-?\s?indicatoren|effect-?\s?indicator)\b\s*(.*)$/i,
  indicatorRij: /^(?:(\d+(?:\.\d+)+)\s*[-–]|(\d+)\s+[-–]|(algemeen)\s*[-–])\s*(\S.*)$/i,
  voetnoot: /^(\d{1,3})\s+(\p{Lu}.*)$/u,
  visie: /^visie(?:\s*\/\s*strategisch doel)?$/i,
  structureleGevolgen: /^structurele gevolgen (?:jaarstukken|jaarrekening|rekening)\s+(\d{4})$/i,
  opsomming: /^[•●▪◦‣∙]\s*/,
  paginanummer: /^\d{1,3}$/,
  grafiek: /^(lasten en baten|verdeling\b|grafiek\b)/i,
  eenheid: /(?:x|×)\s*€\s*(1(?:\.000)*|1\s*mln|1\s*miljoen)/i,
  jaartal: /^(?:19|20)\d{2}$/,
  kolomWoord:
    /^(realisatie|begroting|rekening|jaarrekening|streefwaarde|streven|norm|nulmeting|prognose|raming|meerjarenraming|primitief|primitieve|totaal|gewijzigd|gewijzigde|actueel|actuele|na|wijziging|budget|budgetresultaat|resultaat|verschil|begroot|werkelijk|bijgesteld|bijgestelde|stand|afwijking)$/i,
  kolomBegin: /^(realisatie|begroting|rekening|jaarrekening|streefwaarde|norm|nulmeting|prognose|raming|meerjarenraming|primitieve|gewijzigde|actuele|budget|budgetresultaat|verschil|begroot|werkelijk|bijgestelde|afwijking)$/i,
};

/** Splits "E. Boog en H. Prins", "M.R.A. Cornelissen & M. Pronk", "A, B en C" into names. */
function splitsNamen(tekst: string): string[] {
  return tekst
    .split(/\s*(?:,|&|\ben\b|\/)\s*/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

function isoDatum(m: RegExpExecArray): string {
  const maand = MAANDEN.indexOf((m[2] ?? '').toLowerCase()) + 1;
  return `${m[3]}-${String(maand).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}`;
}

/** Groups header tokens into columns: each column has one year; lowercase words after it belong to it. */
export function groepeerKolommen(tokens: string[]): string[] {
  const kolommen: string[][] = [];
  let huidig: string[] = [];
  let heeftJaar = false;
  for (const token of tokens) {
    if (P.jaartal.test(token)) {
      if (heeftJaar) {
        kolommen.push(huidig);
        huidig = [];
      }
      huidig.push(token);
      heeftJaar = true;
    } else if (heeftJaar && /^\p{Lu}/u.test(token)) {
      kolommen.push(huidig);
      huidig = [token];
      heeftJaar = false;
    } else {
      huidig.push(token);
    }
  }
  if (huidig.length > 0) kolommen.push(huidig);
  return kolommen.map((k) => k.join(' '));
}

function jaarVan(kolom: string): number | null {
  const m = /\b((?:19|20)\d{2})\b/.exec(kolom);
  return m ? Number(m[1]) : null;
}

/** A header line: only column words and years. */
const isKopRegel = (s: string) => s.split(' ').every((w) => P.jaartal.test(w) || P.kolomWoord.test(w));

/** A finance row: a name and `aantal` amounts; `fout` when amounts are missing; null when no amounts. */
function financienRij(s: string, aantal: number): { naam: string; bedragen: string[] } | { fout: string } | null {
  const tokens = s.split(' ');
  let k = 0;
  while (k < tokens.length && isBedrag(tokens[tokens.length - 1 - k] ?? '')) k++;
  if (k === 0) return null;
  const naam = tokens.slice(0, tokens.length - k).join(' ');
  if (k < aantal) {
    return naam ? { fout: `financiële regel "${naam}" heeft ${k} bedrag(en), ${aantal} kolommen verwacht: er ontbreekt een kolom` } : null;
  }
  return { naam: tokens.slice(0, tokens.length - aantal).join(' '), bedragen: tokens.slice(tokens.length - aantal) };
}

// ---------------------------------------------------------------------------------------------
// The parser

interface Hint {
  soort: PcSoort;
  regel: number;
}

interface OpenIndicator {
  indicator: PcIndicator;
  cellen: { tekst: string; regel: number }[];
  kolommen: string[];
}

export function leesHoofdstuk(tekst: string, opties: PcParseOpties): PcLeesResultaat {
  const ruw = tekst.split(/\r\n|\n|\r/);
  const r = ruw.map((regel) => normaliseerRegel(regel).trim());
  const n = r.length;
  if (r.every((regel) => regel === '')) throw new PcImportFout(1, 'het bestand is leeg');

  const verantwoording = new Map<number, string>();
  const h: PcHoofdstuk = {
    gemeente: opties.gemeente,
    programma: '',
    soort: 'begroting',
    jaar: 0,
    portefeuillehouders: [],
    concerndirecteuren: [],
    visie: [],
    paragrafen: [],
    financien: null,
    controles: [],
    overhevelingen: [],
    investeringen: [],
    doelen: [],
    activiteiten: [],
    indicatoren: [],
    voetnoten: [],
    waarschuwingen: [],
  };
  const soortHints: Hint[] = [];
  let titel: { soort: PcSoort; jaar: number; regel: number } | null = null;
  let gevolgenJaar: number | null = null;
  let programmaRegel = 0;
  let structuur = 0; // lines that show this is a programme chapter
  let algemeen = 0;
  const open: OpenIndicator[] = [];
  const indicatorKolommen: string[] = [];

  const t = (i: number): string => r[i] ?? '';
  // Footnote numbers glued to values anywhere in the chapter (NB29, 4%3): a line "29 Cijfers …"
  // with such a number is a footnote wherever the PDF put it (page bottoms fall between any blocks).
  const verwezen = new Set<number>();
  for (const regel of r) {
    const tokens = regel.split(' ');
    tokens.forEach((token, k) => {
      const cel = /^%\d{1,3}$/.test(token) ? `${tokens[k - 1] ?? ''} ${token}` : token; // "19 %3"
      if (/\d$/.test(cel) && !/^\d+$/.test(cel)) for (const nummer of leesWaarde(cel, '').waarde.voetnoten) verwezen.add(nummer);
    });
  }
  const isVerwezenVoetnoot = (i: number): boolean => {
    const m = P.voetnoot.exec(t(i));
    return m !== null && verwezen.has(Number(m[1])) && lexCellen(t(i).split(' ')) === null;
  };
  const neem = (i: number, veld: string) => verantwoording.set(i + 1, veld);
  const waarschuw = (i: number, reden: string) => h.waarschuwingen.push({ regel: i + 1, tekst: t(i), reden });
  const volgende = (i: number): number => {
    let j = i;
    while (j < n && t(j) === '') j++;
    return j < n ? j : -1;
  };
  const ruwEindigtMetSpatie = (i: number) => /\s$/.test(ruw[i] ?? '');

  /** A doel line ("2. Burger is tevreden …") followed, after at most two wrapped lines, by its heading. */
  const isDoel = (i: number): boolean => {
    if (!P.doel.test(t(i))) return false;
    let j = i;
    for (let stap = 0; stap < 3; stap++) {
      j = volgende(j + 1);
      if (j < 0) return false;
      if (P.doelKop.test(t(j)) || P.subdoelen.test(t(j))) return true;
      if (isStructuur(j, false)) return false;
    }
    return false;
  };

  /** Lines that start a block of their own; every block parser stops at them. */
  function isStructuur(i: number, metDoel = true): boolean {
    const s = t(i);
    if (s === '') return false;
    return (
      P.documenttitel.test(s) ||
      P.versie.test(s) ||
      P.portefeuille.test(s) ||
      P.concern.test(s) ||
      P.bereiktEnGedaan.test(s) ||
      P.willenBereiken.test(s) ||
      P.wildenBereiken.test(s) ||
      P.gaanDoen.test(s) ||
      P.hebbenGedaan.test(s) ||
      P.gekost.test(s) ||
      P.kosten.test(s) ||
      P.subdoelen.test(s) ||
      P.activiteitenKop.test(s) ||
      P.indicatorKop.test(s) ||
      P.visie.test(s) ||
      isVerwezenVoetnoot(i) ||
      (metDoel && isDoel(i))
    );
  }

  /** A title: a short line on its own (blank line or start before, blank line or end after), no closing punctuation. */
  const isKop = (i: number): boolean => {
    const s = t(i);
    if (s === '' || s.length > 80 || /[.,;:]$/.test(s) || P.opsomming.test(s) || !/^\p{Lu}/u.test(s)) return false;
    const ervoorLeeg = i === 0 || t(i - 1) === '';
    const erna = i + 1 >= n || t(i + 1) === '';
    return ervoorLeeg && erna;
  };

  const hint = (soort: PcSoort, i: number) => soortHints.push({ soort, regel: i + 1 });

  /**
   * Reads running text into paragraphs from line i until `stop(j)` is true for a non-blank line.
   * Wrapped lines are joined; a bullet (•) starts an item; after a blank line a line that starts
   * in lower case, or follows a line the PDF wrapped (trailing space, no closing punctuation),
   * continues the paragraph (page and column breaks).
   */
  function leesAlineas(i: number, veld: string, stop: (j: number) => boolean): { alineas: string[]; einde: number } {
    const alineas: string[] = [];
    let huidig: string | null = null;
    let naLeeg = false;
    let vorige = -1;
    let j = i;
    while (j < n) {
      const s = t(j);
      if (s === '') {
        naLeeg = true;
        j++;
        continue;
      }
      if (stop(j)) break;
      if (P.paginanummer.test(s)) {
        waarschuw(j, 'losse regel met alleen een getal (paginanummer?)');
        j++;
        continue;
      }
      neem(j, veld);
      const opsomming = P.opsomming.test(s);
      const tekstRegel = opsomming ? `• ${s.replace(P.opsomming, '')}` : s;
      const doorlopend =
        huidig !== null &&
        !opsomming &&
        (!naLeeg || /^\p{Ll}/u.test(s) || (vorige >= 0 && ruwEindigtMetSpatie(vorige) && !/[.!?:;]$/.test(huidig)));
      if (doorlopend && huidig !== null) {
        huidig = /\p{L}-$/u.test(huidig) ? huidig + s : `${huidig} ${s}`;
      } else {
        if (huidig !== null) alineas.push(huidig);
        huidig = tekstRegel;
      }
      naLeeg = false;
      vorige = j;
      j++;
    }
    if (huidig !== null) alineas.push(huidig);
    return { alineas, einde: j };
  }

  // --- preamble ------------------------------------------------------------------------------

  function leesVersie(i: number): number {
    const m = P.versie.exec(t(i));
    neem(i, 'documentstatus.tekst');
    h.documentstatus = { tekst: (m?.[1] ?? '').trim(), datum: null };
    const j = volgende(i + 1);
    if (j >= 0) {
      const d = P.datum.exec(t(j));
      if (d) {
        h.documentstatus.datum = isoDatum(d);
        neem(j, 'documentstatus.datum');
        return j + 1;
      }
    }
    return i + 1;
  }

  function leesSectie(i: number): number {
    const kop = t(i);
    const isVisie = P.visie.test(kop);
    structuur += isVisie ? 1 : 0;
    const gevolgen = P.structureleGevolgen.exec(kop);
    if (gevolgen) gevolgenJaar = Number(gevolgen[1]);
    neem(i, isVisie ? 'visie.titel' : 'paragrafen.titel');
    const { alineas, einde } = leesAlineas(i + 1, isVisie ? 'visie' : 'paragrafen.tekst', (j) => isStructuur(j) || isKop(j) || isProgrammanaam(j));
    if (isVisie) h.visie.push(...alineas);
    else h.paragrafen.push({ titel: kop, tekst: alineas });
    return einde;
  }

  /** A short line right before "Portefeuillehouder:" / "Concerndirecteur:" is the programme's name. */
  function isProgrammanaam(i: number): boolean {
    const s = t(i);
    if (s === '' || s.length > 80 || /[.:;,]$/.test(s) || !/^\p{Lu}/u.test(s) || isStructuur(i)) return false;
    const j = volgende(i + 1);
    return j >= 0 && (P.portefeuille.test(t(j)) || P.concern.test(t(j)));
  }

  function zetProgramma(naam: string, i: number, veld: string) {
    if (h.programma === '') {
      h.programma = naam;
      programmaRegel = i + 1;
      neem(i, veld);
    } else if (h.programma.toLowerCase() === naam.toLowerCase()) {
      neem(i, veld);
    } else {
      waarschuw(i, `andere programmanaam dan "${h.programma}" (regel ${programmaRegel})`);
    }
  }

  // --- doelen and subdoelen ----------------------------------------------------------------

  function zoekDoel(code: string) {
    const doelCode = code.split('.')[0] ?? code;
    return h.doelen.find((d) => d.code === doelCode);
  }

  function leesDoel(i: number): number {
    structuur++;
    const m = P.doel.exec(t(i));
    const doel = { code: m?.[1] ?? '', naam: (m?.[2] ?? '').trim(), subdoelen: [] as { code: string; naam: string }[] };
    if (h.doelen.some((d) => d.code === doel.code)) waarschuw(i, `doel ${doel.code} staat er twee keer in`);
    h.doelen.push(doel);
    neem(i, 'doelen.naam');
    let j = i + 1;
    // wrapped doel name
    while (j < n && t(j) !== '' && !P.doelKop.test(t(j)) && !P.subdoelen.test(t(j)) && !isStructuur(j)) {
      doel.naam += ` ${t(j)}`;
      neem(j, 'doelen.naam');
      j++;
    }
    let kop = '';
    const losseTekst: string[] = [];
    let huidig: { code: string; naam: string } | null = null;
    while (j < n) {
      const s = t(j);
      if (s === '') {
        const k = volgende(j);
        if (k < 0 || !(P.subdoelItem.test(t(k)) || P.subdoelen.test(t(k)) || P.doelKop.test(t(k)))) break;
        huidig = null;
        j = k;
        continue;
      }
      if (P.doelKop.test(s)) {
        kop = s;
        hint(P.wildenBereiken.test(s) ? 'jaarstukken' : 'begroting', j);
        neem(j, 'doelen (kop)');
      } else if (P.subdoelen.test(s)) {
        neem(j, 'doelen.subdoelen (kop)');
      } else if (P.subdoelItem.test(s) && !P.activiteit.test(s)) {
        const sm = P.subdoelItem.exec(s);
        huidig = { code: sm?.[1] ?? '', naam: (sm?.[2] ?? '').trim() };
        if (!huidig.code.startsWith(`${doel.code}.`)) waarschuw(j, `subdoel ${huidig.code} hoort niet bij doel ${doel.code}`);
        doel.subdoelen.push(huidig);
        neem(j, 'doelen.subdoelen');
      } else if (isStructuur(j) || P.activiteit.test(s) || P.subdoelKop.test(s) || P.indicatorRij.test(s)) {
        break;
      } else if (huidig !== null) {
        huidig.naam += ` ${s}`;
        neem(j, 'doelen.subdoelen');
      } else {
        losseTekst.push(s);
        neem(j, 'paragrafen.tekst');
      }
      j++;
    }
    if (losseTekst.length > 0) h.paragrafen.push({ titel: `${doel.code}. ${doel.naam}${kop ? ` — ${kop}` : ''}`, tekst: [losseTekst.join(' ')] });
    return j;
  }

  // --- activiteiten --------------------------------------------------------------------------

  /** Stop lines for the activity table. */
  const eindeActiviteit = (j: number) => isStructuur(j) || P.activiteit.test(t(j)) || P.subdoelKop.test(t(j));

  function leesActiviteiten(i: number): number {
    let j = i;
    if (P.activiteitenKop.test(t(j))) {
      structuur++;
      const s = t(j);
      if (/hebben we|wilden we|realisatie/i.test(s)) hint('jaarstukken', j);
      else if (/gaan we/i.test(s)) hint('begroting', j);
      neem(j, 'activiteiten (kop)');
      j++;
    }
    while (j < n) {
      const s = t(j);
      if (s === '') {
        j++;
        continue;
      }
      if (P.subdoelKop.test(s)) {
        j = leesSubdoelKop(j);
      } else if (P.activiteit.test(s)) {
        j = leesActiviteit(j);
      } else {
        break;
      }
    }
    return j;
  }

  function leesSubdoelKop(i: number): number {
    const m = P.subdoelKop.exec(t(i));
    const code = m?.[1] ?? '';
    let naam = (m?.[2] ?? '').trim();
    neem(i, 'doelen.subdoelen (kop activiteiten)');
    let j = i + 1;
    while (j < n && t(j) !== '' && !eindeActiviteit(j)) {
      naam += ` ${t(j)}`;
      neem(j, 'doelen.subdoelen (kop activiteiten)');
      j++;
    }
    const doel = zoekDoel(code);
    const bekend = doel?.subdoelen.find((s) => s.code === code);
    if (!doel) {
      waarschuw(i, `subdoel ${code} zonder doel ${code.split('.')[0]}`);
    } else if (!bekend) {
      doel.subdoelen.push({ code, naam });
    } else if (bekend.naam !== naam) {
      waarschuw(i, `subdoel ${code} heet in de lijst van subdoelen "${bekend.naam}"; boven de activiteiten: "${naam}"`);
    }
    return j;
  }

  function leesActiviteit(i: number): number {
    const m = P.activiteit.exec(t(i));
    const code = m?.[1] ?? '';
    // Name block: this line and the lines after it up to the first blank line.
    const blok: number[] = [];
    let j = i;
    while (j < n && t(j) !== '' && (j === i || !eindeActiviteit(j))) {
      blok.push(j);
      j++;
    }
    const naamDelen: string[] = [];
    const tekstDelen: string[] = [];
    let tekstBegonnen = false;
    for (const k of blok) {
      const s = k === i ? (m?.[2] ?? '') : t(k);
      const prefix = k === i ? t(i).length - s.length : 0;
      if (tekstBegonnen) {
        tekstDelen.push(s);
        neem(k, 'activiteiten.tekst');
        continue;
      }
      const [naamDeel, tekstDeel] = splitsActiviteitregel(s, prefix);
      if (naamDeel) naamDelen.push(naamDeel);
      neem(k, 'activiteiten.naam');
      if (tekstDeel) {
        tekstDelen.push(tekstDeel);
        tekstBegonnen = true;
        neem(k, 'activiteiten.naam+tekst');
      }
    }
    const verder = leesAlineas(j, 'activiteiten.tekst', eindeActiviteit);
    const alineas = tekstDelen.length > 0 ? [tekstDelen.join(' ')] : [];
    // A text that began beside the name continues in the first paragraph after the blank line when that
    // line was wrapped by the PDF (trailing space, no closing punctuation) or starts in lower case.
    const [eerste, ...rest] = verder.alineas;
    const laatsteBlok = blok.at(-1) ?? i;
    if (eerste !== undefined && alineas.length > 0 && (/^\p{Ll}/u.test(eerste) || (ruwEindigtMetSpatie(laatsteBlok) && !/[.!?:;]$/.test(alineas[0] ?? '')))) {
      alineas[0] = `${alineas[0]} ${eerste}`;
      alineas.push(...rest);
    } else {
      alineas.push(...verder.alineas);
    }
    const activiteit = { code, naam: naamDelen.join(' ').trim(), tekst: alineas.join('\n') };
    if (h.activiteiten.some((a) => a.code === code)) waarschuw(i, `activiteit ${code} staat er twee keer in`);
    h.activiteiten.push(activiteit);
    return verder.einde;
  }

  // --- indicatoren ------------------------------------------------------------------------------

  const isIndicatorRij = (j: number) => P.indicatorRij.test(t(j)) && !isStructuur(j);

  function leesIndicatoren(i: number): number {
    structuur++;
    const m = P.indicatorKop.exec(t(i));
    const tabel = m?.[1] ?? '';
    const soort: 'effect' | 'prestatie' = /effect/i.test(tabel) ? 'effect' : 'prestatie';
    neem(i, 'indicatoren (kop)');
    const tokens = (m?.[2] ?? '').split(/\s+/).filter((w) => w !== '');
    let j = i + 1;
    while (j < n && (t(j) === '' || (isKopRegel(t(j)) && !isIndicatorRij(j)))) {
      if (t(j) !== '') {
        tokens.push(...t(j).split(' '));
        neem(j, 'indicatoren (kolomkop)');
      }
      j++;
    }
    const kolommen = groepeerKolommen(tokens);
    if (kolommen.length === 0) throw new PcImportFout(i + 1, `indicatorentabel "${tabel}" zonder kolomkoppen (zoals "Realisatie 2023")`);
    indicatorKolommen.push(...kolommen);
    while (j < n) {
      if (t(j) === '') {
        j++;
        continue;
      }
      if (isIndicatorRij(j)) j = leesIndicatorRij(j, soort, kolommen);
      else if (P.voetnoot.test(t(j)) && !lexCellen(t(j).split(' '))) j = leesVoetnoot(j);
      else break;
    }
    return j;
  }

  /** Ends an indicator row (or a footnote): another row, a footnote, or a block start. */
  const eindeRij = (j: number) => isIndicatorRij(j) || (P.voetnoot.test(t(j)) && !lexCellen(t(j).split(' '))) || isStructuur(j);

  function leesIndicatorRij(i: number, soort: 'effect' | 'prestatie', kolommen: string[]): number {
    const m = P.indicatorRij.exec(t(i));
    const isAlgemeen = m?.[3] !== undefined;
    const code = isAlgemeen ? `A${++algemeen}` : (m?.[1] ?? m?.[2] ?? '');
    const regels: number[] = [i];
    let j = i + 1;
    while (j < n && (t(j) === '' || !eindeRij(j))) {
      if (t(j) !== '') regels.push(j);
      j++;
    }
    // Blank lines at the end belong to nobody.
    const naamDelen: string[] = [];
    let cellen: { tekst: string; regel: number }[] | null = null;
    let vrijOpen = false;
    for (const k of regels) {
      const s = k === i ? (m?.[4] ?? '') : t(k);
      if (cellen === null) {
        const gesplitst = splitsWaarden(s, kolommen.length);
        if (gesplitst) {
          if (gesplitst.voor) naamDelen.push(gesplitst.voor);
          cellen = gesplitst.cellen.map((c) => ({ tekst: c, regel: k + 1 }));
          vrijOpen = gesplitst.open;
          neem(k, gesplitst.voor ? 'indicatoren.naam+waarden' : 'indicatoren.waarden');
        } else {
          naamDelen.push(s);
          neem(k, 'indicatoren.naam');
        }
      } else if (vrijOpen) {
        const laatste = cellen.at(-1);
        if (laatste) laatste.tekst += ` ${s}`;
        vrijOpen = !s.endsWith('.');
        neem(k, 'indicatoren.waarden');
      } else {
        naamDelen.push(s);
        neem(k, 'indicatoren.naam');
      }
    }
    let naam = naamDelen.join(' ').replace(/\s+/g, ' ').trim();
    const verplicht = /\(verplicht\)/i.test(naam);
    naam = naam.replace(/\s*\(verplicht\)\s*/gi, ' ').trim();
    const indicator: PcIndicator = { code, naam, soort, verplicht, waarden: [] };
    if (cellen === null) {
      // No line with one value per column: the row lacks a value. Say which line held the values.
      const kandidaat = regels.toReversed().find((k) => k !== i && lexCellen(t(k).split(' ')) !== null);
      if (kandidaat !== undefined) {
        verantwoording.delete(kandidaat + 1);
        const aantal = lexCellen(t(kandidaat).split(' '))?.cellen.length ?? 0;
        waarschuw(kandidaat, `indicator ${code}: ${aantal} waarde(n), ${kolommen.length} kolommen verwacht; waarden niet toegekend`);
        indicator.naam = regels
          .filter((k) => k !== kandidaat)
          .map((k) => (k === i ? (m?.[4] ?? '') : t(k)))
          .join(' ')
          .replace(/\s*\(verplicht\)\s*/gi, ' ')
          .replace(/\s+/g, ' ')
          .trim();
      } else {
        waarschuw(i, `indicator ${code}: geen waarden gevonden`);
      }
    } else {
      open.push({ indicator, cellen, kolommen });
    }
    h.indicatoren.push(indicator);
    return j;
  }

  function leesVoetnoot(i: number): number {
    const m = P.voetnoot.exec(t(i));
    const voetnoot = { nummer: Number(m?.[1]), tekst: (m?.[2] ?? '').trim() };
    neem(i, 'voetnoten');
    let j = i + 1;
    while (j < n && t(j) !== '' && !eindeRij(j)) {
      voetnoot.tekst += ` ${t(j)}`;
      neem(j, 'voetnoten');
      j++;
    }
    if (h.voetnoten.some((v) => v.nummer === voetnoot.nummer)) waarschuw(i, `voetnoot ${voetnoot.nummer} staat er twee keer in`);
    h.voetnoten.push(voetnoot);
    return j;
  }

  // --- financien ----------------------------------------------------------------------------

  function leesFinancien(i: number): number {
    let j = volgende(i);
    if (j < 0) return n;
    structuur++;
    let eenheid = 1000;
    const eenheidVan = (s: string): number | null => {
      const e = P.eenheid.exec(s);
      if (!e) return null;
      return /mln|miljoen|1\.000\.000/i.test(e[1] ?? '') ? 1_000_000 : Number((e[1] ?? '1').replace(/\./g, ''));
    };
    let kopRegel = -1;
    // Header: first line (table title + column words), then lines of column words and years.
    const tokens: string[] = [];
    let titelWoorden: string[] = [];
    let inTitel = true;
    while (j < n) {
      const s = t(j);
      if (s === '') {
        j++;
        continue;
      }
      const e = eenheidVan(s);
      if (e !== null) {
        eenheid = e;
        neem(j, 'financien.eenheid');
        j++;
        continue;
      }
      if (kopRegel < 0) kopRegel = j;
      else if (!isKopRegel(s)) break;
      for (const w of s.split(' ')) {
        if (inTitel && (P.kolomBegin.test(w) || P.jaartal.test(w))) inTitel = false;
        if (inTitel) titelWoorden.push(w);
        else tokens.push(w);
      }
      neem(j, 'financien.kolommen');
      j++;
    }
    const kolommen = groepeerKolommen(tokens);
    if (kolommen.length === 0) throw new PcImportFout(kopRegel + 1, 'financiële tabel zonder kolomkoppen (zoals "Rekening 2023", "Begroting 2024")');
    const titel = titelWoorden.join(' ').trim();
    titelWoorden = [];
    if (titel) zetProgramma(titel, kopRegel, 'financien (titel) → programma');
    const regels: PcFinancienRegel[] = [];
    let wachtendeNaam: number[] = [];
    while (j < n) {
      const s = t(j);
      if (s === '') {
        const k = volgende(j);
        if (k < 0) break;
        const rij = financienRij(t(k), kolommen.length);
        if (rij === null || 'fout' in rij) {
          if (rij !== null) throw new PcImportFout(k + 1, rij.fout);
          break;
        }
        j = k;
        continue;
      }
      const rij = financienRij(s, kolommen.length);
      if (rij !== null && 'fout' in rij) throw new PcImportFout(j + 1, rij.fout);
      if (rij === null) {
        // A wrapped row name, when a row follows directly.
        const k = j + 1 < n ? financienRij(t(j + 1), kolommen.length) : null;
        if (k !== null && !('fout' in k) && !isStructuur(j)) {
          wachtendeNaam.push(j);
          j++;
          continue;
        }
        break;
      }
      const naam = [...wachtendeNaam.map((k) => t(k)), rij.naam].join(' ').trim();
      if (naam === '') throw new PcImportFout(j + 1, 'financiële regel zonder naam');
      for (const k of wachtendeNaam) neem(k, 'financien.regels.naam');
      wachtendeNaam = [];
      regels.push({ naam, bedragen: rij.bedragen.map((b) => leesBedrag(b) ?? null) });
      neem(j, 'financien.regels');
      j++;
    }
    if (regels.length === 0) throw new PcImportFout(j + 1, 'financiële tabel zonder regels met bedragen');
    if (h.financien !== null) waarschuw(kopRegel, 'tweede financiële tabel; alleen de eerste staat in financien');
    else {
      h.financien = { eenheid, kolommen, regels };
      h.controles = controleer(kolommen, regels);
    }
    // What follows the table up to the next block: chart legends ("Lasten en baten …").
    let k = volgende(j);
    if (k >= 0 && P.grafiek.test(t(k))) {
      while (k < n && !isStructuur(k)) {
        if (t(k) !== '') waarschuw(k, 'grafiek bij de financiële tabel: alleen de legenda staat in de tekst');
        k++;
      }
      return k;
    }
    return j;
  }

  // --- main loop ----------------------------------------------------------------------------

  let i = 0;
  while (i < n) {
    const s = t(i);
    if (s === '') {
      i++;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = P.documenttitel.exec(s))) {
      structuur++;
      const soort: PcSoort = /begroting/i.test(m[1] ?? '') ? 'begroting' : 'jaarstukken';
      const jaar = Number(m[2]);
      if (titel === null) {
        titel = { soort, jaar, regel: i + 1 };
        neem(i, 'soort, jaar');
      } else if (titel.soort === soort && titel.jaar === jaar) {
        neem(i, 'soort, jaar (herhaald, paginakop)');
      } else {
        waarschuw(i, `andere documenttitel dan op regel ${titel.regel}`);
      }
      i++;
    } else if (P.versie.test(s)) {
      i = leesVersie(i);
    } else if ((m = P.datum.exec(s))) {
      if (h.documentstatus && h.documentstatus.datum === null) {
        h.documentstatus.datum = isoDatum(m);
        neem(i, 'documentstatus.datum');
      } else waarschuw(i, 'losse datum');
      i++;
    } else if ((m = P.portefeuille.exec(s))) {
      structuur++;
      h.portefeuillehouders.push(...splitsNamen(m[1] ?? ''));
      neem(i, 'portefeuillehouders');
      i++;
    } else if ((m = P.concern.exec(s))) {
      structuur++;
      h.concerndirecteuren.push(...splitsNamen(m[1] ?? ''));
      neem(i, 'concerndirecteuren');
      i++;
    } else if ((m = P.programma.exec(s))) {
      structuur++;
      zetProgramma((m[1] ?? '').trim(), i, 'programma');
      i++;
    } else if (P.gekost.test(s) || P.kosten.test(s)) {
      hint(P.gekost.test(s) ? 'jaarstukken' : 'begroting', i);
      neem(i, 'financien (kop)');
      i = leesFinancien(i + 1);
    } else if (P.bereiktEnGedaan.test(s) || P.wildenBereiken.test(s) || P.hebbenGedaan.test(s)) {
      structuur++;
      hint('jaarstukken', i);
      neem(i, 'soort (kop)');
      i++;
    } else if (P.willenBereiken.test(s) || P.gaanDoen.test(s)) {
      structuur++;
      hint('begroting', i);
      neem(i, 'soort (kop)');
      i++;
    } else if (isDoel(i)) {
      i = leesDoel(i);
    } else if (P.activiteitenKop.test(s) || P.subdoelKop.test(s) || (P.activiteit.test(s) && h.doelen.length > 0)) {
      i = leesActiviteiten(i);
    } else if (P.indicatorKop.test(s)) {
      i = leesIndicatoren(i);
    } else if (isVerwezenVoetnoot(i) || (P.voetnoot.test(s) && h.indicatoren.length > 0 && !lexCellen(s.split(' ')))) {
      i = leesVoetnoot(i);
    } else if (P.visie.test(s)) {
      i = leesSectie(i);
    } else if (isProgrammanaam(i)) {
      zetProgramma(s, i, 'programma');
      i++;
    } else if (isKop(i)) {
      i = leesSectie(i);
    } else if (P.paginanummer.test(s)) {
      waarschuw(i, 'losse regel met alleen een getal (paginanummer?)');
      i++;
    } else {
      waarschuw(i, 'regel past in geen onderdeel van de opmaak');
      i++;
    }
  }

  // --- values need the complete footnote list --------------------------------------------
  const voetnootNummers = new Set(h.voetnoten.map((v) => v.nummer));
  for (const { indicator, cellen, kolommen } of open) {
    indicator.waarden = cellen.map((cel, k) => {
      const gelezen = leesWaarde(cel.tekst, kolommen[k] ?? '', { naam: indicator.naam, voetnoten: voetnootNummers });
      if (gelezen.fout) h.waarschuwingen.push({ regel: cel.regel, tekst: t(cel.regel - 1), reden: `indicator ${indicator.code}, ${kolommen[k]}: ${gelezen.fout}` });
      return gelezen.waarde;
    });
  }

  // --- is it a programme chapter at all? ------------------------------------------------
  if (structuur === 0) {
    throw new PcImportFout(volgende(0) + 1, 'geen programmahoofdstuk: geen programmanaam, doelen, indicatoren, financiële tabel of "Wat …"-koppen gevonden');
  }

  // --- soort and jaar ------------------------------------------------------------------------
  const alleKolommen = [...indicatorKolommen, ...(h.financien?.kolommen ?? [])];
  const realisatieJaren = alleKolommen.filter((k) => /^(realisatie|rekening|jaarrekening)\b/i.test(k)).map(jaarVan).filter((j): j is number => j !== null);
  const begrotingJaren = alleKolommen.filter((k) => /^begroting\b/i.test(k)).map(jaarVan).filter((j): j is number => j !== null);
  const naam = opties.bestandsnaam ?? '';
  const gevolgen = gevolgenJaar as number | null;

  let soort: PcSoort | null = titel?.soort ?? null;
  if (soort === null) {
    const j = soortHints.filter((x) => x.soort === 'jaarstukken').length;
    const b = soortHints.filter((x) => x.soort === 'begroting').length;
    if (j > 0 || b > 0) soort = j >= b ? 'jaarstukken' : 'begroting';
  }
  if (soort === null && gevolgen !== null) soort = 'begroting';
  if (soort === null && /begroting/i.test(naam)) soort = 'begroting';
  if (soort === null && /jaarstukken|jaarverslag|jaarrekening/i.test(naam)) soort = 'jaarstukken';
  if (soort === null) throw new PcImportFout(1, 'niet te bepalen of dit een begroting of jaarstukken is');

  let jaar: number | null = titel?.jaar ?? null;
  if (jaar === null && soort === 'jaarstukken' && realisatieJaren.length > 0) jaar = Math.max(...realisatieJaren);
  if (jaar === null && soort === 'begroting' && realisatieJaren.length > 0) jaar = Math.max(...realisatieJaren) + 2;
  if (jaar === null && soort === 'begroting' && gevolgen !== null) jaar = gevolgen + 2;
  if (jaar === null && soort === 'begroting' && begrotingJaren.length > 0) jaar = Math.max(...begrotingJaren);
  if (jaar === null) {
    const uitNaam = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(naam);
    if (uitNaam) jaar = Number(uitNaam[1]);
  }
  if (jaar === null) throw new PcImportFout(1, `het jaar van deze ${soort} is niet te bepalen`);
  h.soort = soort;
  h.jaar = jaar;

  if (h.programma === '') throw new PcImportFout(1, 'de naam van het programma staat nergens (geen regel voor "Portefeuillehouder:", geen titel boven de financiële tabel)');

  // --- safety net: no line may go unaccounted for ---------------------------------------
  const gewaarschuwd = new Set(h.waarschuwingen.map((w) => w.regel));
  for (let k = 0; k < n; k++) {
    if (t(k) !== '' && !verantwoording.has(k + 1) && !gewaarschuwd.has(k + 1)) waarschuw(k, 'niet verwerkt');
  }
  h.waarschuwingen.sort((a, b) => a.regel - b.regel);
  return { hoofdstuk: h, verantwoording };
}

// ---------------------------------------------------------------------------------------------
// Activity lines: name (left column) and text (right column) on one line

/**
 * The activity table has the name in a narrow left column and the text in the right one. The PDF
 * text sometimes puts the last line of the name and the first line of the text on one line
 * ("betrekken bij bewonersinitiatieven Eerste contacten …"). A line wider than the left column
 * (`ACTIVITEIT_KOLOMBREEDTE`, counting `prefix` characters of code before it) is split before the
 * capitalised word that leaves the longest name still within the column.
 */
export function splitsActiviteitregel(regel: string, prefix = 0): [string, string] {
  if (prefix + regel.length <= ACTIVITEIT_KOLOMBREEDTE) return [regel, ''];
  const woorden = regel.split(' ');
  let beste = -1;
  let lengte = prefix;
  for (let k = 1; k < woorden.length; k++) {
    lengte += (woorden[k - 1] ?? '').length + 1;
    if (lengte - 1 > ACTIVITEIT_KOLOMBREEDTE) break;
    const vorig = woorden[k - 1] ?? '';
    const woord = woorden[k] ?? '';
    if (/[\p{Ll}\d)]$/u.test(vorig) && /^[\p{Lu}•]/u.test(woord)) beste = k;
  }
  if (beste < 0) return [regel, ''];
  return [woorden.slice(0, beste).join(' '), woorden.slice(beste).join(' ')];
}

// ---------------------------------------------------------------------------------------------
// Finance checks

const som = (rijen: PcFinancienRegel[], k: number) => rijen.reduce((acc, rij) => acc + (rij.bedragen[k] ?? 0), 0);

/**
 * Recomputes the finance table:
 * - every "Saldo …" row is the sum of the rows since the previous saldo row (structurele lasten
 *   and baten plus the reserve mutations above it); a saldo row that directly follows another, or
 *   "Saldo van de baten en lasten", is the sum of the saldo rows before it;
 * - a budget-result column ("Budget resultaat 2023", "Verschil") is Rekening − Begroting totaal of
 *   the same year, row by row.
 * Empty cells count as 0 in sums. A difference is a controle with ok false, never an error.
 */
export function controleer(kolommen: string[], regels: PcFinancienRegel[]): PcControle[] {
  const controles: PcControle[] = [];
  let groep: PcFinancienRegel[] = [];
  let saldi: PcFinancienRegel[] = [];
  for (const rij of regels) {
    if (/^(saldo|totaal)\b/i.test(rij.naam)) {
      const vanSaldi = groep.length === 0 || /baten en lasten|^totaal saldo/i.test(rij.naam);
      const basis = vanSaldi ? saldi : groep;
      kolommen.forEach((kolom, k) => {
        const berekend = som(basis, k);
        const document = rij.bedragen[k] ?? null;
        controles.push({ regel: rij.naam, kolom, document, berekend, ok: document === berekend });
      });
      if (vanSaldi) saldi = [];
      else saldi.push(rij);
      groep = [];
    } else {
      groep.push(rij);
    }
  }

  const resultaat = kolommen.findIndex((k) => /resultaat|verschil|afwijking/i.test(k));
  if (resultaat >= 0) {
    const jaar = jaarVan(kolommen[resultaat] ?? '');
    const metJaar = (k: string) => jaar === null || jaarVan(k) === jaar;
    const rekening = kolommen.findLastIndex((k, idx) => idx < resultaat && /^(rekening|realisatie|jaarrekening)\b/i.test(k) && metJaar(k));
    const begrotingen = kolommen.map((k, idx) => ({ k, idx })).filter(({ k, idx }) => idx < resultaat && /^begroting\b/i.test(k) && metJaar(k));
    const totaal = begrotingen.find(({ k }) => /totaal|na wijziging|gewijzigd|actueel/i.test(k)) ?? (begrotingen.length === 1 ? begrotingen[0] : undefined);
    if (rekening >= 0 && totaal !== undefined) {
      for (const rij of regels) {
        const berekend = (rij.bedragen[rekening] ?? 0) - (rij.bedragen[totaal.idx] ?? 0);
        const document = rij.bedragen[resultaat] ?? null;
        controles.push({ regel: rij.naam, kolom: kolommen[resultaat] ?? '', document, berekend, ok: document === berekend });
      }
    }
  }
  return controles;
}
