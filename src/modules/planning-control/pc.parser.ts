/**
 * Reads the plain text of a programme chapter (begroting or jaarstukken, Diemen's layout, as
 * extracted from the PDF) into a PcHoofdstuk. See docs/pc-import.md for the layout rules and
 * docs/adr/0008-pc-hoofdstuk-parser.md for the approach: a line-oriented recursive descent over
 * the normalised lines, with a ledger that records for every line which field took it. Lines
 * that no rule takes end up in `waarschuwingen`; nothing is dropped silently.
 * Pure: no I/O, no clock.
 */
import { PcImportFout } from './pc.errors.ts';
import { isBedrag, leesBedrag, leesWaarde, lexCellen, splitsBedragRegel, splitsWaarden, splitsWaardenMetOpmerking } from './pc.getal.ts';
import type { PcControle, PcFinancienRegel, PcHoofdstuk, PcIndicator, PcSoort } from './pc.hoofdstuk.ts';

export interface PcParseOpties {
  gemeente: string;
  /** Used only as a last resort to find the soort and the jaar ("programmabegroting-2022.txt"). */
  bestandsnaam?: string;
  /** The title of the whole document this chapter is a part of (pc.document.ts): soort and jaar when the chapter itself has no title line. */
  document?: { soort: PcSoort; jaar: number };
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

// ---------------------------------------------------------------------------------------------
// Patterns of the layout

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** The layout's patterns (also used by pc.document.ts to find programme boundaries). */
export const P = {
  documenttitel: /^(programmabegroting|begroting|jaarstukken|jaarverslag|jaarrekening|programmarekening|jaarverslag en jaarrekening)\s+(\d{4})$/i,
  versie: /^versie\s*:\s*(.+)$/i,
  datum: new RegExp(`^(\\d{1,2})\\s+(${MAANDEN.join('|')})\\s+(\\d{4})$`, 'i'),
  portefeuille: /^portefeuillehouders?\s*:\s*(.*)$/i,
  concern: /^concerndirecteur(?:en|s)?\s*:\s*(.*)$/i,
  programma: /^programma\s+(?:\d+\s*)?[:.\-–]\s*(.+)$/i,
  /** "Programma 2 Sociaal", "Programma 3. Wonen": a programme heading without colon (name capitalised, at most 80 characters). */
  programmaKop: /^[Pp]rogramma\s+(\d{1,2})\s*[:.\-–]?\s*(\p{Lu}[^.;:]{0,79})$/u,
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
  /** The heading of an indicator table; a footnote number may be glued to it ("Prestatie-indicatoren10"). */
  indicatorKop:
    /^(prestatie-?\s?indicatoren|prestatie-?\s?indicator|indicatoren maatschappelijke? effect(?:en)?|indicator maatschappelijke? effect(?:en)?|effect-?\s?indicatoren|effect-?\s?indicator)(\d{1,3})?(?![\p{L}\d])\s*(.*)$/iu,
  /** "1.1.1 - …", "2 - …", "Algemeen - …"; a name follows (not a value: "0 - 0%" and "1.000 - 5" are lines of values). */
  indicatorRij: /^(?:(\d+(?:\.\d+)+)\s*[-–](?=\s*[\p{L}(%])|(\d+)\s+[-–](?=\s*[\p{L}(%])|(algemeen)\s*[-–])\s*(\S.*)$/iu,
  /** Inside an indicator table also a code without a dash: "5.1.1 Mate van eenzaamheid …". */
  indicatorRijLos: /^(\d{1,2}(?:\.\d{1,2})+)\s+([\p{Lu}%€(].*)$/u,
  voetnoot: /^(\d{1,3})\s+(\p{Lu}.*)$/u,
  visie: /^visie(?:\s*\/\s*strategisch doel)?$/i,
  structureleGevolgen: /^structurele gevolgen (?:jaarstukken|jaarrekening|rekening)\s+(\d{4})$/i,
  opsomming: /^[•●▪◦‣∙]\s*/,
  paginanummer: /^\d{1,3}$/,
  /** A page number that says so: "Pagina 58", "pagina 58 van 212", "blz. 58". */
  paginaAanduiding: /^(?:pagina|blz\.?)\s*\d{1,4}(?:\s+van\s+\d{1,4})?$/i,
  /** A page number beside the running page header or footer: "Jaarstukken 2023 58", "58 | Jaarstukken 2023", "Jaarstukken 2023 - pagina 58". */
  titelMetPagina: /^(?:(?:(?:pagina|blz\.?)\s*)?\d{1,3}\s*[|·•–-]?\s*(.+?)|(.+?)\s*[|·•–-]?\s*(?:(?:pagina|blz\.?)\s*)?\d{1,3})$/i,
  grafiek: /^(lasten en baten|verdeling\b|grafiek\b)/i,
  eenheid: /(?:x|×)\s*€\s*(1\s*mln|1\s*miljoen|1(?:\.000)*)/i,
  /** A line that only states the unit: "(bedragen x € 1.000)", "x € 1.000". */
  eenheidRegel: /^\(?\s*(?:bedragen\s+)?(?:in\s+)?(?:x|×)\s*€\s*(?:1(?:\.000)*|1\s*mln|1\s*miljoen)\s*\)?$/i,
  overhevelingenKop:
    /^(?:voorgestelde\s+|overzicht\s+(?:van\s+)?(?:de\s+)?)?(?:budget)?overhevelingen(?:\s+(?:van\s+)?(?:19|20)\d{2}(?:\s*(?:naar|-|–|t\/m)\s*(?:19|20)\d{2})?)?(?:\s*\((?:bedragen\s+)?(?:x|×)\s*€\s*(?:1(?:\.000)*|1\s*mln|1\s*miljoen)\))?:?$/i,
  /** Header of an overhevelingen table: name, amount and (usually) motivation columns. */
  overhevelingKolomkop: /^(?:omschrijving|naam|onderwerp|overheveling|budget|project)\b.*\b(?:bedrag|bedragen)\b/i,
  toelichtingKop:
    /^(?:toelichting(?:\s+op\s+(?:de\s+|het\s+)?(?:financiën|financien|cijfers|afwijkingen|budgetresultaat|resultaat|financiële tabel|financieel resultaat|verschillen))?|financiële toelichting|toelichting afwijkingen|analyse\s+(?:van\s+(?:de\s+|het\s+)?)?(?:afwijkingen|verschillen|budgetresultaat)|verschillenanalyse)(?:\s+(?:19|20)\d{2})?:?$/i,
  investeringKop: /^(?:overzicht\s+(?:van\s+)?(?:de\s+)?)?(?:investeringen|investeringskredieten|investeringskrediet|investering)\b(.*)$/i,
  /** Words of an investment table's header (besides years and the finance column words). */
  investeringWoord:
    /^(?:krediet|kredieten|uitgaven|uitgave|t\/m|tot|en|met|restant|restantkrediet|beschikbaar|gesteld|gestelde|besteed|bestede|werkelijke|cumulatief|cumulatieve|totale|vrijval|saldo|nog|te|besteden|bedrag|geraamd|geraamde|jaar|van|in|gereed|gereedmelding|afgesloten|voorgesteld|bruto|netto|bijdrage|bijdragen|derden|dekking|kapitaallasten)$/i,
  /** The name column of an investment or overheveling table. */
  naamKolom: /^(?:investering|investeringen|investeringskrediet|investeringskredieten|omschrijving|project|projecten|naam|object|onderwerp|overzicht)$/i,
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
  return groepeerKolommenMetIndex(tokens).kolommen;
}

/** groepeerKolommen, plus for every token the index of the column it went to. */
function groepeerKolommenMetIndex(tokens: string[]): { kolommen: string[]; kolomVan: number[] } {
  const kolommen: string[][] = [];
  const kolomVan: number[] = [];
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
    kolomVan.push(kolommen.length); // the column still open holds the token
  }
  if (huidig.length > 0) kolommen.push(huidig);
  return { kolommen: kolommen.map((k) => k.join(' ')), kolomVan };
}

function jaarVan(kolom: string): number | null {
  const m = /\b((?:19|20)\d{2})\b/.exec(kolom);
  return m ? Number(m[1]) : null;
}

/** The unit of a table stated on a line ("(bedragen x € 1.000)" → 1000, "x € 1 mln" → 1 000 000); null when none. */
function eenheidVan(s: string): number | null {
  const e = P.eenheid.exec(s);
  if (!e) return null;
  return /mln|miljoen|1\.000\.000/i.test(e[1] ?? '') ? 1_000_000 : Number((e[1] ?? '1').replace(/\./g, ''));
}

/** The words of a header line without its unit ("Krediet (x € 1.000)" → ["Krediet"]). */
const zonderEenheid = (s: string): string[] =>
  s
    .replace(/\(?\s*(?:bedragen\s+)?(?:in\s+)?(?:x|×)\s*€\s*(?:1(?:\.000)*|1\s*mln|1\s*miljoen)\s*\)?/i, ' ')
    .split(' ')
    .filter((w) => w !== '');

/** A header word of an investment table. */
const isInvesteringKopWoord = (w: string) => P.jaartal.test(w) || P.investeringWoord.test(w) || P.kolomWoord.test(w) || P.naamKolom.test(w);

/** Header words without the leading name-column words ("Investering", "Omschrijving", "Overzicht investeringen"). */
const naarKop = (woorden: string[]) => {
  let k = 0;
  while (k < woorden.length && P.naamKolom.test(woorden[k] ?? '')) k++;
  return woorden.slice(k);
};

/** A line of an investment table's header: only header words and years, or a unit line. */
const isInvesteringKopRegel = (s: string) => {
  const w = zonderEenheid(s);
  return (w.length > 0 || P.eenheidRegel.test(s)) && w.every(isInvesteringKopWoord);
};

/**
 * Groups the header words of an investment table into columns: a capitalised word starts a column,
 * lower-case words and a year join it ("Uitgaven t/m 2022", "Restant krediet"), a year after a year
 * is a column of its own ("2024 2025").
 */
export function groepeerInvesteringKolommen(tokens: string[]): string[] {
  const kolommen: string[][] = [];
  let huidig: string[] = [];
  let heeftJaar = false;
  for (const w of tokens) {
    const jaar = P.jaartal.test(w);
    if (huidig.length > 0 && (jaar ? heeftJaar : /^\p{Lu}/u.test(w))) {
      kolommen.push(huidig);
      huidig = [];
      heeftJaar = false;
    }
    huidig.push(w);
    if (jaar) heeftJaar = true;
  }
  if (huidig.length > 0) kolommen.push(huidig);
  return kolommen.map((k) => k.join(' '));
}

/** Rounds away floating-point noise of unit conversions (45.5 stays 45.5). */
const rond = (x: number) => Math.round(x * 1e6) / 1e6;

/** A finance row: a name and `aantal` amounts; `fout` when amounts are missing; null when no amounts. */
function financienRij(s: string, aantal: number): { naam: string; bedragen: string[] } | { fout: string; naam: string; aantal: number } | null {
  const tokens = s.split(' ');
  let k = 0;
  while (k < tokens.length && isBedrag(tokens[tokens.length - 1 - k] ?? '')) k++;
  if (k === 0) return null;
  const naam = tokens.slice(0, tokens.length - k).join(' ');
  if (k < aantal) {
    return naam ? { fout: `financiële regel "${naam}" heeft ${k} bedrag(en), ${aantal} kolommen verwacht: er ontbreekt een kolom`, naam, aantal: k } : null;
  }
  return { naam: tokens.slice(0, tokens.length - aantal).join(' '), bedragen: tokens.slice(tokens.length - aantal) };
}

// ---------------------------------------------------------------------------------------------
// The parser

interface Hint {
  soort: PcSoort;
  regel: number;
}

/** A value cell as printed, its line, and a remark printed after it in the same cell. */
interface Cel {
  tekst: string;
  regel: number;
  opmerking?: string;
}

interface OpenIndicator {
  indicator: PcIndicator;
  cellen: Cel[];
  kolommen: string[];
  /** Per column: footnotes of the column header and of the indicator's name, for every value. */
  extraVoetnoten: number[][];
}

/** The first line of an indicator row; not a line of values that happens to start like one ("0 - nnb", "2 - NB 40%"). */
function isRijBegin(s: string): boolean {
  const m = P.indicatorRij.exec(s);
  return m !== null && lexCellen((m[4] ?? '').split(' ')) === null;
}

/** a, b, …, z, aa, ab, …: the letters of sub-indicators. */
const letter = (x: number): string => (x < 26 ? String.fromCharCode(97 + x) : `${letter(Math.floor(x / 26) - 1)}${letter(x % 26)}`);

/**
 * Where a text shows binary data: the first control character other than tab, line ends, vertical
 * tab and form feed, or the first of three undecodable bytes (U+FFFD) close together; -1 when none.
 */
function binairePlek(tekst: string): number {
  let vervangen: number[] = [];
  for (let k = 0; k < tekst.length; k++) {
    const c = tekst.charCodeAt(k);
    if (c < 9 || (c > 13 && c < 32)) return k;
    if (c === 0xfffd) {
      vervangen = [...vervangen.filter((x) => k - x <= 80), k];
      if (vervangen.length >= 3) return vervangen[0] ?? k;
    }
  }
  return -1;
}

/** The end of a name part is a value with a unit, a range in % or a status (`€ 412`, `45%`, `NB`): a value, not a word of the name. */
const eindigtOpWaarde = (voor: string): boolean => {
  const woorden = voor.split(' ');
  return [1, 2].some((m) => {
    if (woorden.length <= m) return false;
    const staart = woorden.slice(-m).join(' ');
    if (lexCellen(woorden.slice(-m))?.cellen.length !== 1) return false;
    const w = leesWaarde(staart, '').waarde;
    return w.eenheid === '%' || w.eenheid === '€' || (w.eenheid === 'bereik' && staart.includes('%')) || (w.status !== undefined && w.status !== '-');
  });
};

/** The lines of a name as one: a line ending in `letter-` (`veiligheidshuis-` / `traject`) is joined without a space, as in running text. */
const voegNaamSamen = (delen: string[]): string =>
  delen
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .reduce((acc, d) => (acc === '' ? d : /\p{L}-$/u.test(acc) && /^\p{Ll}/u.test(d) ? acc + d : `${acc} ${d}`), '')
    .replace(/\s+/g, ' ');

export function leesHoofdstuk(tekst: string, opties: PcParseOpties): PcLeesResultaat {
  // Control characters (or a run of undecodable bytes) mean binary data, not text.
  const binair = binairePlek(tekst);
  if (binair >= 0) {
    const regel = tekst.slice(0, binair).split(/\r\n|\n|\r/).length;
    throw new PcImportFout(regel, `binaire gegevens (teken U+${tekst.charCodeAt(binair).toString(16).toUpperCase().padStart(4, '0')}): dit is geen platte tekst van een hoofdstuk`);
  }
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
  // Units of the overhevelingen and investeringen as printed (null: the finance table's unit),
  // parallel to h.overhevelingen / h.investeringen; converted to financien.eenheid at the end.
  const overhevelingEenheden: (number | null)[] = [];
  const investeringEenheden: (number | null)[] = [];
  /** Controles of those tables, in the printed unit until the end (same conversion). */
  const controleEenheden: { controle: PcControle; eenheid: number | null; cellen: number }[] = [];
  /** "Totaal" lines of overhevelingen: checked at the end against the items van..tot, all in the finance unit (items may mix € and thousands). */
  const overhevelingTotalen: { controle: PcControle; van: number; tot: number }[] = [];

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
  // Footnote markers outside values: glued to a table heading or column word ("Prestatie-indicatoren10",
  // "Realisatie12"), to a year ("202212"), on a line of their own under a year ("2022" / "12"), or to
  // a word of an indicator's name ("eenzaamheid3"). Only numbers that a footnote line "N Tekst" has.
  const voetnootLijn = new Set<number>();
  for (const regel of r) {
    const m = P.voetnoot.exec(regel);
    if (m) voetnootLijn.add(Number(m[1]));
  }
  const kopMerk = (token: string): { woord: string; nummer: number } | null => {
    const m = /^((?:19|20)\d{2}|\p{L}[\p{L}-]*)(\d{1,3})$/u.exec(token);
    if (!m || !voetnootLijn.has(Number(m[2]))) return null;
    const woord = m[1] ?? '';
    return P.jaartal.test(woord) || P.kolomWoord.test(woord) ? { woord, nummer: Number(m[2]) } : null;
  };
  let vorigeEindigtOpJaar = false;
  for (const regel of r) {
    if (regel === '') continue;
    const tokens = regel.split(' ');
    const kop = P.indicatorKop.exec(regel);
    if (kop?.[2]) verwezen.add(Number(kop[2]));
    for (const token of tokens) {
      const merk = kopMerk(token);
      if (merk) verwezen.add(merk.nummer);
    }
    if (/^\d{1,3}$/.test(regel) && vorigeEindigtOpJaar && voetnootLijn.has(Number(regel))) verwezen.add(Number(regel));
    if (isRijBegin(regel) || P.indicatorRijLos.test(regel)) {
      for (const token of tokens) {
        const m = /[\p{Ll})](\d{1,3})$/u.exec(token);
        if (m && voetnootLijn.has(Number(m[1])) && !/^\p{Lu}{1,3}\d/u.test(token)) verwezen.add(Number(m[1]));
      }
    }
    const laatste = tokens.at(-1) ?? '';
    vorigeEindigtOpJaar = P.jaartal.test(laatste) || (kopMerk(laatste) !== null && /^\d/.test(laatste));
  }
  /**
   * The words of a header line of a table (column words and years only), footnote markers taken
   * off: `voetnoten` pairs the index of the word (in `woorden`) a marker belongs to with its number.
   * `naJaar`: the header so far ends with a year (a marker on a line of its own may follow). Null
   * when the line is not a header line.
   */
  const kopWoorden = (s: string, naJaar: boolean): { woorden: string[]; voetnoten: { index: number; nummer: number }[] } | null => {
    const woorden: string[] = [];
    const voetnoten: { index: number; nummer: number }[] = [];
    let jaar = naJaar;
    for (const w of s.split(' ')) {
      if (P.jaartal.test(w) || P.kolomWoord.test(w)) {
        woorden.push(w);
        jaar = P.jaartal.test(w);
        continue;
      }
      const merk = kopMerk(w);
      if (merk && verwezen.has(merk.nummer)) {
        woorden.push(merk.woord);
        voetnoten.push({ index: woorden.length - 1, nummer: merk.nummer });
        jaar = P.jaartal.test(merk.woord);
        continue;
      }
      if (/^\d{1,3}$/.test(w) && jaar && verwezen.has(Number(w))) {
        voetnoten.push({ index: woorden.length - 1, nummer: Number(w) });
        jaar = false;
        continue;
      }
      return null;
    }
    return { woorden, voetnoten };
  };
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
      P.programmaKop.test(s) ||
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
      P.overhevelingenKop.test(s) ||
      P.toelichtingKop.test(s) ||
      isInvesteringKop(i) ||
      isVerwezenVoetnoot(i) ||
      isFinancienKop(i) ||
      (metDoel && isDoel(i))
    );
  }

  /**
   * Page furniture between the lines of a block: a running page header (taken), a footnote at the
   * bottom of a page (read, when `voetnoten`), a bare page number (warned about). Returns the line
   * after it, or -1 when line j is none of these.
   */
  function overPaginarand(j: number, voetnoten = true): number {
    if (isHerhaaldeTitel(j)) {
      neem(j, 'soort, jaar (herhaald, paginakop)');
      return j + 1;
    }
    if (voetnoten && isVerwezenVoetnoot(j)) return leesVoetnoot(j);
    if (P.paginaAanduiding.test(t(j))) {
      neem(j, 'paginanummer');
      return j + 1;
    }
    if (P.paginanummer.test(t(j))) {
      waarschuw(j, 'losse regel met alleen een getal (paginanummer?)');
      return j + 1;
    }
    return -1;
  }

  /**
   * The document title again (a running page header or footer), the same as the first one; also
   * with the page number before or after it (`Jaarstukken 2023 58`, `58 | Jaarstukken 2023`).
   */
  function isHerhaaldeTitel(i: number): boolean {
    // in a programme of a whole document, the document's title (the part itself may not print it)
    const eerste = titel ?? opties.document ?? null;
    if (eerste === null) return false;
    const zelfde = (s: string) => {
      const m = P.documenttitel.exec(s);
      const soort: PcSoort = /begroting/i.test(m?.[1] ?? '') ? 'begroting' : 'jaarstukken';
      return m !== null && eerste.soort === soort && eerste.jaar === Number(m[2]);
    };
    if (zelfde(t(i))) return true;
    // a title with a page number is short and starts or ends with a digit
    if (t(i).length > 60 || !/^\d|\d$/.test(t(i))) return false;
    const p = P.titelMetPagina.exec(t(i));
    return p !== null && zelfde((p[1] ?? p[2] ?? '').trim());
  }

  /** A running page header or footer, "Pagina N", or a page number beside one of them (where no value can stand: a finance table, a footnote). */
  const isPaginameubel = (i: number): boolean => isHerhaaldeTitel(i) || P.paginaAanduiding.test(t(i)) || isPaginanummerBijKop(i, true);

  /**
   * A bare number right below a running page header or footer (the bare title): a page number; with
   * `ookErboven` also right above one. In an indicator table only below: a bare number above the
   * page header may be the last value of a row.
   */
  function isPaginanummerBijKop(i: number, ookErboven = false): boolean {
    if (!P.paginanummer.test(t(i))) return false;
    // only beside the bare title: a header or footer that prints its page number has it already
    const buur = (j: number) => j >= 0 && j < n && P.documenttitel.test(t(j)) && isHerhaaldeTitel(j);
    let voor = i - 1;
    while (voor >= 0 && t(voor) === '') voor--;
    return buur(voor) || (ookErboven && buur(volgende(i + 1)));
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
  function leesAlineas(i: number, veld: string, stop: (j: number) => boolean, eigenAlinea?: (j: number) => boolean): { alineas: string[]; einde: number } {
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
      // a running page header or page number inside the text: the text continues after it
      const verder = overPaginarand(j, false);
      if (verder >= 0) {
        j = verder;
        continue;
      }
      if (stop(j)) break;
      if (eigenAlinea?.(j)) {
        if (huidig !== null) alineas.push(huidig);
        alineas.push(s);
        neem(j, veld);
        huidig = null;
        naLeeg = false;
        vorige = j;
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
      } else if (isStructuur(j) || P.activiteit.test(s) || P.subdoelKop.test(s) || isRijBegin(s)) {
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

  const isIndicatorRij = (j: number) => (isRijBegin(t(j)) || (inIndicatorTabel && P.indicatorRijLos.test(t(j)))) && !isStructuur(j);
  /** Code ("5.1.1", "A3") and the rest of an indicator row's first line. */
  const rijKop = (s: string): { code: string; rest: string } => {
    const m = P.indicatorRij.exec(s);
    if (m) return { code: m[3] !== undefined ? `A${++algemeen}` : (m[1] ?? m[2] ?? ''), rest: m[4] ?? '' };
    const los = P.indicatorRijLos.exec(s);
    return { code: los?.[1] ?? '', rest: los?.[2] ?? '' };
  };
  let inIndicatorTabel = false;

  /**
   * The header of an indicator table from line i: the heading (`Prestatie-indicatoren10 Realisatie`)
   * and the lines of column words and years after it. No side effects: `genomen` and `meldingen`
   * say what the caller takes and warns about.
   */
  function leesIndicatorKop(i: number) {
    const m = P.indicatorKop.exec(t(i));
    const tabel = m?.[1] ?? '';
    const soort: 'effect' | 'prestatie' = /effect/i.test(tabel) ? 'effect' : 'prestatie';
    const genomen: { j: number; veld: string }[] = [{ j: i, veld: m?.[2] ? `indicatoren (kop, voetnoot ${m[2]})` : 'indicatoren (kop)' }];
    const meldingen: { j: number; reden: string }[] = [];
    if (m?.[2] && !voetnootLijn.has(Number(m[2]))) meldingen.push({ j: i, reden: `"${tabel}${m[2]}": voetnoot ${m[2]} staat niet in de voetnoten van dit hoofdstuk` });
    const tokens: string[] = [];
    const merken: { index: number; nummer: number }[] = [];
    const voegToe = (w: NonNullable<ReturnType<typeof kopWoorden>>) => {
      for (const v of w.voetnoten) merken.push({ index: tokens.length + v.index, nummer: v.nummer });
      tokens.push(...w.woorden);
    };
    const eerste = kopWoorden((m?.[3] ?? '').trim(), false);
    if (eerste) voegToe(eerste);
    else if ((m?.[3] ?? '').trim() !== '') meldingen.push({ j: i, reden: `indicatorentabel: "${m?.[3]}" is geen kolomkop` });
    let j = i + 1;
    while (j < n) {
      if (t(j) === '') {
        j++;
        continue;
      }
      const w = isIndicatorRij(j) ? null : kopWoorden(t(j), P.jaartal.test(tokens.at(-1) ?? ''));
      if (!w) break;
      voegToe(w);
      genomen.push({ j, veld: w.voetnoten.length > 0 ? 'indicatoren (kolomkop, voetnoot)' : 'indicatoren (kolomkop)' });
      j++;
    }
    const { kolommen, kolomVan } = groepeerKolommenMetIndex(tokens);
    const kolomVoetnoten = kolommen.map(() => [] as number[]);
    for (const merk of merken) kolomVoetnoten[kolomVan[merk.index] ?? 0]?.push(merk.nummer);
    return { tabel, soort, kolommen, kolomVoetnoten, einde: j, genomen, meldingen };
  }

  /**
   * A page break inside an indicator table, from line j: running page headers or footers (the
   * document title, also with a page number: `Jaarstukken 2023 58`), page numbers (`58`,
   * `Pagina 58`) and the table's header repeated (same kind, same columns), blank lines between
   * them. Returns the first line after it, or -1 when line j starts none. Bare numbers alone are no
   * page break (they may be values): the break needs a running header, `Pagina N` or the repeated
   * table header. A bare number right above the running header or footer is its page number only
   * when `ookErboven` (between rows, or in a row that has its values already). The lines are taken
   * only when `nemen`.
   */
  function paginabreukInTabel(j: number, soort: 'effect' | 'prestatie', kolommen: string[], kolomVoetnoten: number[][], nemen: boolean, ookErboven = true): number {
    let k = j;
    let zeker = false;
    const genomen: { j: number; veld: string }[] = [];
    while (k < n) {
      if (t(k) === '') {
        k++;
        continue;
      }
      if (isHerhaaldeTitel(k) || P.paginaAanduiding.test(t(k))) {
        zeker = true;
        genomen.push({ j: k, veld: 'paginakop of paginavoet' });
        k++;
        continue;
      }
      if (isPaginanummerBijKop(k, ookErboven)) {
        genomen.push({ j: k, veld: 'paginanummer' });
        k++;
        continue;
      }
      if (P.indicatorKop.test(t(k))) {
        // the header repeated ends the break: what follows is the table's (a bare number too: a
        // number under the last year that the first header did not have is a value, not a footnote)
        const kop = leesIndicatorKop(k);
        if (kop.soort === soort && kop.meldingen.length === 0 && kop.kolommen.join('|') === kolommen.join('|')) {
          zeker = true;
          const laatste = kop.genomen.at(-1);
          const extraMerk = JSON.stringify(kop.kolomVoetnoten) !== JSON.stringify(kolomVoetnoten) && laatste !== undefined && P.paginanummer.test(t(laatste.j));
          const header = extraMerk ? kop.genomen.slice(0, -1) : kop.genomen;
          genomen.push(...header.map((g) => ({ ...g, veld: `${g.veld}, herhaald na de paginarand` })));
          k = extraMerk && laatste ? laatste.j : kop.einde;
        }
      }
      break;
    }
    if (!zeker) return -1;
    if (nemen) for (const g of genomen) neem(g.j, g.veld);
    return k;
  }

  function leesIndicatoren(i: number): number {
    structuur++;
    const kop = leesIndicatorKop(i);
    const { tabel, soort, kolommen, kolomVoetnoten } = kop;
    for (const g of kop.genomen) neem(g.j, g.veld);
    for (const w of kop.meldingen) waarschuw(w.j, w.reden);
    let j = kop.einde;
    if (kolommen.length === 0) throw new PcImportFout(i + 1, `indicatorentabel "${tabel}" zonder kolomkoppen (zoals "Realisatie 2023")`);
    indicatorKolommen.push(...kolommen);
    inIndicatorTabel = true;
    let rijen = 0;
    while (j < n) {
      if (t(j) === '') {
        j++;
        continue;
      }
      const verder = paginabreukInTabel(j, soort, kolommen, kolomVoetnoten, true);
      if (verder >= 0) {
        j = verder;
      } else if (isIndicatorRij(j)) {
        j = leesIndicatorRij(j, soort, kolommen, kolomVoetnoten);
        rijen++;
      } else if (P.voetnoot.test(t(j)) && !lexCellen(t(j).split(' '))) j = leesVoetnoot(j);
      else {
        // Lines that continue something (lower case) or hold only values, and then a row: the rest of
        // a row the reader could not join; warned about, and the table goes on (its rows are not
        // activities).
        const los: number[] = [];
        let k = j;
        while (k < n && los.length <= 3 && (t(k) === '' || (!isStructuur(k) && !isIndicatorRij(k) && (/^\p{Ll}/u.test(t(k)) || lexCellen(t(k).split(' ')) !== null)))) {
          if (t(k) !== '') los.push(k);
          k++;
        }
        if (los.length === 0 || los.length > 3 || k >= n || !isIndicatorRij(k)) break;
        for (const x of los) waarschuw(x, `indicatorentabel "${tabel}": regel hoort bij geen rij (een afgebroken rij?); niet gebruikt`);
        j = k;
      }
    }
    inIndicatorTabel = false;
    if (rijen === 0 && j >= n) waarschuw(i, `indicatorentabel "${tabel}" zonder rijen: de tekst houdt hier op (afgebroken?)`);
    return j;
  }

  /** The first line after the footnotes (with their wrapped text) starting at line j; j itself when it is no footnote. */
  const naVoetnoten = (j: number): number => {
    let k = j;
    while (k < n) {
      if (t(k) === '') {
        k++;
        continue;
      }
      if (!P.voetnoot.test(t(k)) || lexCellen(t(k).split(' ')) !== null || isPaginameubel(k)) break;
      k++;
      while (k < n && t(k) !== '' && !eindeRij(k) && !isPaginameubel(k)) k++;
    }
    return k === j ? j : k;
  };

  /** Ends an indicator row (or a footnote): another row, a footnote, or a block start. */
  const eindeRij = (j: number) => isIndicatorRij(j) || (P.voetnoot.test(t(j)) && !lexCellen(t(j).split(' '))) || isStructuur(j);

  /** Footnote markers glued to words of a name ("eenzaamheid3"): the name without them, and their numbers. */
  const zonderNaamVoetnoten = (naam: string): { naam: string; voetnoten: number[] } => {
    const voetnoten: number[] = [];
    const woorden = naam.split(' ').map((w) => {
      const m = /^(.*[\p{Ll})])(\d{1,3})([:,]?)$/u.exec(w);
      if (!m || !voetnootLijn.has(Number(m[2])) || /^\p{Lu}{1,3}\d/u.test(w)) return w;
      voetnoten.push(Number(m[2]));
      return `${m[1]}${m[3]}`;
    });
    return { naam: woorden.join(' '), voetnoten };
  };

  function leesIndicatorRij(i: number, soort: 'effect' | 'prestatie', kolommen: string[], kolomVoetnoten: number[][]): number {
    const kop = rijKop(t(i));
    const code = kop.code;
    const regels: number[] = [i];
    let j = i + 1;
    while (j < n) {
      if (t(j) === '') {
        j++;
        continue;
      }
      // a page break inside the row (the footnotes at the bottom of the page, the page header,
      // a page number, the table's header again): the row continues after it, unless a new row
      // or block starts there
      const k = naVoetnoten(j);
      // (asked only for a bare number:) the row has its values already: one line with a value per
      // column, or enough values on lines of their own
      const compleet =
        P.paginanummer.test(t(k)) &&
        (regels.some((x) => splitsWaarden(x === i ? kop.rest : t(x), kolommen.length) !== null || splitsWaardenMetOpmerking(x === i ? kop.rest : t(x), kolommen.length) !== null) ||
          regels.reduce((som, x) => som + (x === i ? 0 : (lexCellen(t(x).split(' '))?.cellen.length ?? 0)), 0) >= kolommen.length);
      const verder = paginabreukInTabel(k, soort, kolommen, kolomVoetnoten, false, compleet);
      if (verder >= 0) {
        const na = volgende(verder);
        if (na < 0 || eindeRij(na)) break;
        for (let x = j; x < k; ) x = t(x) === '' ? x + 1 : leesVoetnoot(x);
        paginabreukInTabel(k, soort, kolommen, kolomVoetnoten, true, compleet);
        j = na;
        continue;
      }
      if (eindeRij(j)) break;
      regels.push(j);
      j++;
    }
    // Blank lines at the end belong to nobody.
    const tekstVan = (k: number) => (k === i ? kop.rest : t(k));
    if (regels.some((k) => k !== i && P.opsomming.test(t(k)))) {
      leesIndicatorMetOpsomming(i, code, regels, soort, kolommen, kolomVoetnoten);
      return j;
    }
    const naamDelen: string[] = [];
    let cellen: Cel[] | null = null;
    let vrijOpen = false;
    let vrijIndex = -1;
    for (const [idx, k] of regels.entries()) {
      const s = tekstVan(k);
      if (cellen === null) {
        const gesplitst = splitsWaarden(s, kolommen.length);
        // A number at the end of a name line ("… in groep 8"), or a wrapped bit of the name that
        // looks like a value ("8" on a line of its own), is not the value when a later line of the
        // row holds nothing but values ("64"): the last such line is the value line.
        const laterAlleenWaarden =
          gesplitst !== null && !gesplitst.open && regels.slice(idx + 1).some((l) => splitsWaarden(t(l), kolommen.length)?.voor === '');
        // A later line that holds only values, more than there are columns ("120 130 125 140"): no
        // value is dropped into the name; the row gets a waarschuwing below.
        // The same on the name's own line: a name does not end in a value with a unit or a status
        // ("Kosten per inwoner € 412 € 405 € 431 € 440"); a bare number may end it ("in groep 8").
        const teVeel = gesplitst !== null && gesplitst.voor !== '' && (k !== i ? lexCellen(gesplitst.voor.split(' ')) !== null : eindigtOpWaarde(gesplitst.voor));
        if (gesplitst && !laterAlleenWaarden && !teVeel) {
          if (gesplitst.voor) naamDelen.push(gesplitst.voor);
          cellen = gesplitst.cellen.map((c) => ({ tekst: c, regel: k + 1 }));
          vrijOpen = gesplitst.open;
          vrijIndex = gesplitst.openIndex;
          neem(k, gesplitst.voor ? 'indicatoren.naam+waarden' : 'indicatoren.waarden');
        } else {
          naamDelen.push(s);
          neem(k, 'indicatoren.naam');
        }
      } else if (vrijOpen) {
        // the free-text cell continues (in whichever column it stands)
        const vrij = cellen[vrijIndex];
        if (vrij) vrij.tekst += ` ${s}`;
        vrijOpen = !s.endsWith('.');
        neem(k, 'indicatoren.waarden');
      } else if (lexCellen(s.split(' ')) !== null) {
        // a line of values (or a bare number: a page number?) after the row's values: not its name
        waarschuw(k, `indicator ${code}: een regel met alleen waarden na de waarden van de rij (paginanummer?); niet gebruikt`);
      } else {
        naamDelen.push(s);
        neem(k, 'indicatoren.naam');
      }
    }
    if (cellen === null) {
      const alt = waardenElders(regels, tekstVan, kolommen.length);
      if (alt) {
        naamDelen.length = 0;
        for (const k of regels) {
          const deel = alt.naam.get(k);
          if (deel) naamDelen.push(deel);
          neem(k, alt.waarden.has(k) ? (deel ? 'indicatoren.naam+waarden' : 'indicatoren.waarden') : 'indicatoren.naam');
        }
        cellen = alt.cellen;
      }
    }
    const { naam: schoon, voetnoten: naamVoetnoten } = zonderNaamVoetnoten(voegNaamSamen(naamDelen));
    const verplicht = /\(verplicht\)/i.test(schoon);
    const naam = schoon.replace(/\s*\(verplicht\)\s*/gi, ' ').trim();
    const indicator: PcIndicator = { code, naam, soort, verplicht, waarden: [] };
    if (cellen === null) {
      // No line with one value per column: the row lacks a value. Say which line held the values.
      const kandidaat = regels.toReversed().find((k) => k !== i && lexCellen(t(k).split(' ')) !== null);
      if (kandidaat !== undefined) {
        verantwoording.delete(kandidaat + 1);
        const aantal = lexCellen(t(kandidaat).split(' '))?.cellen.length ?? 0;
        const reden = aantal > kolommen.length ? `meer waarden dan kolommen (${kolommen.join(', ')})` : `er ontbreekt een waarde (kolommen: ${kolommen.join(', ')})`;
        waarschuw(kandidaat, `indicator ${code}: ${aantal} waarde(n), ${kolommen.length} kolommen verwacht; ${reden}; waarden niet toegekend`);
        indicator.naam = zonderNaamVoetnoten(
          regels
            .filter((k) => k !== kandidaat)
            .map(tekstVan)
            .join(' ')
            .replace(/\s*\(verplicht\)\s*/gi, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        ).naam;
      } else {
        // values at the end of the row's own line, fewer than the columns ("Aantal meldingen 12 15")
        const woorden = kop.rest.split(' ');
        let staart = 0;
        while (staart < woorden.length - 1 && lexCellen(woorden.slice(woorden.length - staart - 1)) !== null) staart++;
        const aantal = staart > 0 ? (lexCellen(woorden.slice(woorden.length - staart))?.cellen.length ?? 0) : 0;
        const reden = aantal > kolommen.length ? 'meer waarden dan kolommen' : 'er ontbreekt een waarde';
        waarschuw(
          i,
          aantal > 0
            ? `indicator ${code}: de regel eindigt op ${aantal} waarde(n), ${kolommen.length} kolommen verwacht (${kolommen.join(', ')}); ${reden}; waarden niet toegekend, ze staan nog in de naam`
            : `indicator ${code}: geen waarden gevonden`,
        );
      }
    } else {
      open.push({ indicator, cellen, kolommen, extraVoetnoten: kolommen.map((_, k) => [...(kolomVoetnoten[k] ?? []), ...naamVoetnoten]) });
    }
    h.indicatoren.push(indicator);
    return j;
  }

  /**
   * Values not on one line of their own: a value with a remark after it ("18% corona jeugdmonitor
   * 2021-2022") on any line of the row, or the values spread over the last lines of the row, one
   * or more per line ("17%" / "11%" / "40%"). Null when neither gives one value per column.
   */
  function waardenElders(regels: number[], tekstVan: (k: number) => string, aantal: number): { cellen: Cel[]; naam: Map<number, string>; waarden: Set<number> } | null {
    for (const k of regels) {
      const m = splitsWaardenMetOpmerking(tekstVan(k), aantal);
      if (!m) continue;
      const naam = new Map<number, string>();
      for (const l of regels) {
        if (l < k) naam.set(l, tekstVan(l));
        else if (l === k && m.voor) naam.set(l, m.voor);
        else if (l > k) naam.set(l, tekstVan(l));
      }
      const cellen = m.cellen.map((c, x) => ({ tekst: c, regel: k + 1, ...(m.opmerkingen[x] ? { opmerking: m.opmerkingen[x] } : {}) }));
      return { cellen, naam, waarden: new Set([k]) };
    }
    // values over the last lines of the row (not the first line: that holds the name)
    const cellen: Cel[] = [];
    const waarden = new Set<number>();
    for (let x = regels.length - 1; x >= 1; x--) {
      const k = regels[x] ?? 0;
      const lex = lexCellen(t(k).split(' '));
      if (!lex || lex.open) return null;
      cellen.unshift(...lex.cellen.map((c) => ({ tekst: c, regel: k + 1 })));
      waarden.add(k);
      if (cellen.length === aantal && waarden.size > 1) {
        const naam = new Map<number, string>();
        for (const l of regels) if (!waarden.has(l)) naam.set(l, tekstVan(l));
        return { cellen, naam, waarden };
      }
      if (cellen.length >= aantal) return null;
    }
    return null;
  }

  /**
   * An indicator row with bullet items under its name ("Mate van genotsmiddelengebruik:" / "• Roken
   * • Alcohol • Drugs"): each item is a sub-indicator, code `<code>a`, `<code>b`, …, named
   * "<name>: <item>". Its values stand after the item on its line, or on the lines below the items:
   * one line per item with one value per column, or one value per line column by column (the PDF
   * prints each cell's lines together). When the lines below hold exactly one value per column, the
   * items are part of the name and the values belong to the row itself. Anything else: a waarschuwing.
   */
  function leesIndicatorMetOpsomming(i: number, code: string, regels: number[], soort: 'effect' | 'prestatie', kolommen: string[], kolomVoetnoten: number[][]) {
    const aantal = kolommen.length;
    const naamDelen: string[] = [];
    const items: { naam: string; cellen: Cel[] | null; regel: number }[] = [];
    const waardeRegels: { k: number; cellen: string[] }[] = [];
    const kop = rijKop(t(i));
    for (const k of regels) {
      const s = k === i ? kop.rest : t(k);
      if (P.opsomming.test(s)) {
        const delen = s.split(/\s*[•●▪◦‣∙]\s*/).filter((d) => d !== '');
        for (const deel of delen) {
          const g = splitsWaarden(deel, aantal);
          if (g && g.voor && !g.open) items.push({ naam: g.voor, cellen: g.cellen.map((c) => ({ tekst: c, regel: k + 1 })), regel: k });
          else items.push({ naam: deel, cellen: null, regel: k });
        }
        neem(k, 'indicatoren.naam (opsomming)');
        continue;
      }
      const lex = k === i ? null : lexCellen(s.split(' '));
      if (lex && !lex.open && items.length > 0) {
        waardeRegels.push({ k, cellen: lex.cellen });
        neem(k, 'indicatoren.waarden');
      } else if (items.length > 0 && waardeRegels.length === 0) {
        const laatste = items.at(-1);
        if (laatste) laatste.naam += ` ${s}`;
        neem(k, 'indicatoren.naam (opsomming)');
      } else {
        naamDelen.push(s);
        neem(k, 'indicatoren.naam');
      }
    }
    const { naam: schoon, voetnoten: naamVoetnoten } = zonderNaamVoetnoten(voegNaamSamen(naamDelen));
    const verplicht = /\(verplicht\)/i.test(schoon);
    const ouder = schoon.replace(/\s*\(verplicht\)\s*/gi, ' ').trim();
    const extra = kolommen.map((_, k) => [...(kolomVoetnoten[k] ?? []), ...naamVoetnoten]);
    const los = waardeRegels.flatMap((w) => w.cellen.map((c) => ({ tekst: c, regel: w.k + 1 })));
    const zonder = items.filter((it) => it.cellen === null);
    if (zonder.length === items.length && los.length === aantal) {
      // the values of the row itself; the items are part of its name
      const indicator: PcIndicator = { code, naam: `${ouder} ${items.map((it) => `• ${it.naam}`).join(' ')}`.trim(), soort, verplicht, waarden: [] };
      h.indicatoren.push(indicator);
      open.push({ indicator, cellen: los, kolommen, extraVoetnoten: extra });
      return;
    }
    if (zonder.length === items.length && los.length === items.length * aantal) {
      const perRegel = waardeRegels.length === items.length && waardeRegels.every((w) => w.cellen.length === aantal);
      items.forEach((it, x) => {
        it.cellen = kolommen.map((_, c) => los[perRegel ? x * aantal + c : c * items.length + x] as Cel);
      });
    } else if (los.length > 0 || zonder.length > 0) {
      for (const it of zonder) waarschuw(it.regel, `indicator ${code}: ${items.length} opsomming(en) en ${los.length} losse waarde(n) bij ${aantal} kolom(men); waarden van "${it.naam}" niet toegekend`);
      for (const w of waardeRegels) verantwoording.delete(w.k + 1);
      for (const w of waardeRegels) waarschuw(w.k, `indicator ${code}: waarden niet toe te kennen aan de opsomming`);
    }
    items.forEach((it, x) => {
      const indicator: PcIndicator = { code: `${code}${letter(x)}`, naam: `${ouder.replace(/:$/, '')}: ${it.naam}`, soort, verplicht, waarden: [] };
      h.indicatoren.push(indicator);
      if (it.cellen) open.push({ indicator, cellen: it.cellen, kolommen, extraVoetnoten: extra });
    });
  }

  function leesVoetnoot(i: number): number {
    const m = P.voetnoot.exec(t(i));
    const voetnoot = { nummer: Number(m?.[1]), tekst: (m?.[2] ?? '').trim() };
    neem(i, 'voetnoten');
    let j = i + 1;
    while (j < n && t(j) !== '' && !eindeRij(j) && !isPaginameubel(j)) {
      voetnoot.tekst += ` ${t(j)}`;
      neem(j, 'voetnoten');
      j++;
    }
    if (h.voetnoten.some((v) => v.nummer === voetnoot.nummer)) waarschuw(i, `voetnoot ${voetnoot.nummer} staat er twee keer in`);
    h.voetnoten.push(voetnoot);
    return j;
  }

  // --- financien ----------------------------------------------------------------------------

  interface FinancienKop {
    eenheid: number;
    eenheidRegels: number[];
    kopRegels: number[];
    titel: string;
    kolommen: string[];
    /** The first line after the header (the first row, if any). */
    einde: number;
  }

  /**
   * Reads the header of a finance table from line i, without taking any line: an optional unit
   * line, a first line (table title + column words), then lines of column words and years.
   */
  function kopVanFinancien(i: number): FinancienKop {
    let eenheid = 1000;
    const eenheidRegels: number[] = [];
    const kopRegels: number[] = [];
    const tokens: string[] = [];
    const titelWoorden: string[] = [];
    let inTitel = true;
    let j = i;
    while (j < n) {
      const s = t(j);
      if (s === '') {
        j++;
        continue;
      }
      const e = eenheidVan(s);
      if (e !== null) {
        eenheid = e;
        eenheidRegels.push(j);
        j++;
        continue;
      }
      // later header lines: column words and years only (footnote markers taken off)
      const vervolg = kopRegels.length > 0 ? kopWoorden(s, P.jaartal.test(tokens.at(-1) ?? '')) : null;
      if (kopRegels.length > 0 && !vervolg) break;
      const woorden = vervolg ? vervolg.woorden : s.split(' ').map((w) => (kopMerk(w) !== null && verwezen.has(kopMerk(w)?.nummer ?? 0) ? (kopMerk(w)?.woord ?? w) : w));
      for (const w of woorden) {
        if (inTitel && (P.kolomBegin.test(w) || P.jaartal.test(w))) inTitel = false;
        if (inTitel) titelWoorden.push(w);
        else tokens.push(w);
      }
      kopRegels.push(j);
      j++;
    }
    return { eenheid, eenheidRegels, kopRegels, titel: titelWoorden.join(' ').trim(), kolommen: groepeerKolommen(tokens), einde: j };
  }

  /**
   * A finance table without a "Wat … kosten?" heading (a second table, "Reserve Mobiliteitsfonds
   * Begroting 2026 2027 …"): an optional unit line, a first line of at most eight title words
   * followed by only column words and years, and a first row with one amount per column.
   */
  function isFinancienKop(i: number): boolean {
    const s = t(i);
    if (s === '' || !/^[\p{Lu}(]/u.test(s)) return false;
    const woorden = s.split(' ');
    if (!P.eenheidRegel.test(s) && !woorden.some((w) => P.kolomBegin.test(w) || P.jaartal.test(w))) return false;
    const kop = kopVanFinancien(i);
    const eerste = kop.kopRegels[0];
    if (eerste === undefined || kop.kolommen.length === 0) return false;
    const kopWoorden = t(eerste).split(' ');
    const begin = kopWoorden.findIndex((w) => P.kolomBegin.test(w) || P.jaartal.test(w));
    if (begin < 0 || begin > 8 || !kopWoorden.slice(begin).every((w) => P.kolomWoord.test(w) || P.jaartal.test(w))) return false;
    if (begin > 0 && !/^\p{Lu}/u.test(t(eerste))) return false;
    const rij = financienRij(t(kop.einde), kop.kolommen.length);
    return rij !== null && !('fout' in rij) && rij.naam !== '';
  }

  function leesFinancien(i: number): number {
    if (volgende(i) < 0) return n;
    structuur++;
    const kop = kopVanFinancien(i);
    for (const k of kop.eenheidRegels) neem(k, 'financien.eenheid');
    for (const k of kop.kopRegels) neem(k, 'financien.kolommen');
    const kopRegel = kop.kopRegels[0] ?? kop.einde;
    const { kolommen, eenheid, titel } = kop;
    if (kolommen.length === 0) throw new PcImportFout(kopRegel + 1, 'financiële tabel zonder kolomkoppen (zoals "Rekening 2023", "Begroting 2024")');
    const hoofdtabel = h.financien === null;
    if (titel && hoofdtabel) zetProgramma(titel, kopRegel, 'financien (titel) → programma');
    if (!hoofdtabel && titel !== '' && titel.toLowerCase() === h.programma.toLowerCase()) {
      waarschuw(kopRegel, `tweede financiële tabel voor programma "${titel}": bewaard onder financienOverig; kijk of hier een nieuw programma begint of een tabel dubbel staat`);
    }
    const regels: PcFinancienRegel[] = [];
    let wachtendeNaam: number[] = [];
    let j = kop.einde;
    while (j < n) {
      const s = t(j);
      // A page break inside the table: the running page header or footer and page numbers, then
      // perhaps the table's header again (same title and columns); the rows continue after it.
      if (s !== '' && isPaginameubel(j)) {
        let k = j;
        while (k < n && (t(k) === '' || isPaginameubel(k))) {
          if (t(k) !== '') neem(k, 'paginakop, paginavoet of paginanummer');
          k++;
        }
        if (k < n && P.kosten.test(t(k)) === false && P.gekost.test(t(k)) === false && isFinancienKop(k)) {
          const herhaald = kopVanFinancien(k);
          if (herhaald.titel === titel && herhaald.kolommen.join('|') === kolommen.join('|')) {
            for (const x of [...herhaald.eenheidRegels, ...herhaald.kopRegels]) neem(x, 'financien.kolommen (herhaald na de paginarand)');
            k = herhaald.einde;
          }
        }
        j = k;
        continue;
      }
      if (s === '') {
        const k = volgende(j);
        if (k >= 0 && isPaginameubel(k)) {
          j = k;
          continue;
        }
        if (k < 0 || isStructuur(k)) break; // e.g. "Investeringen 2026 2027 …", another table
        const rij = financienRij(t(k), kolommen.length);
        if (rij === null || 'fout' in rij) {
          if (rij !== null) throw new PcImportFout(k + 1, rij.fout);
          break;
        }
        j = k;
        continue;
      }
      if (isStructuur(j)) break;
      const rij = financienRij(s, kolommen.length);
      if (rij !== null && 'fout' in rij) throw new PcImportFout(j + 1, rij.fout);
      if (rij === null) {
        // A row name wrapped over at most three lines, when a row (or a line of amounts only)
        // follows directly: "Onttrekkingen aan" / "reserves" / "1.204 600 850 …".
        let k = j + 1;
        while (k < n && k <= j + 2 && t(k) !== '' && !isStructuur(k) && financienRij(t(k), kolommen.length) === null) k++;
        const rijNa = k < n && t(k) !== '' && !isStructuur(k) ? financienRij(t(k), kolommen.length) : null;
        if (rijNa !== null && !('fout' in rijNa) && !isStructuur(j)) {
          for (let x = j; x < k; x++) wachtendeNaam.push(x);
          j = k;
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
    // The programme's table ends with its saldo ("Saldo van de baten en lasten"): a text that stops
    // before it was cut off.
    const laatste = regels.at(-1);
    if (hoofdtabel && volgende(j) < 0 && laatste && !/^saldo\b/i.test(laatste.naam)) {
      const regel = (() => {
        let k = j - 1;
        while (k > 0 && t(k) === '') k--;
        return k;
      })();
      waarschuw(regel, `de tekst houdt op in de financiële tabel na "${laatste.naam}", zonder saldo (afgebroken?): de controles missen de rest van de tabel`);
    }
    if (hoofdtabel) {
      h.financien = { eenheid, kolommen, regels };
      h.controles.push(...controleer(kolommen, regels));
    } else {
      (h.financienOverig ??= []).push({ titel, eenheid, kolommen, regels });
      h.controles.push(...controleer(kolommen, regels).map((c) => ({ ...c, tabel: titel })));
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

  // --- toelichting op de financiën ----------------------------------------------------------

  /** A line of an explanation that names a finance row, with or without its amount ("Structurele lasten -339", "Incidentele baten € 15.000 voordelig"). */
  function isRijToelichting(j: number): boolean {
    const s = t(j).toLowerCase();
    const namen = [...(h.financien?.regels ?? []), ...(h.financienOverig ?? []).flatMap((f) => f.regels)].map((r) => r.naam.toLowerCase());
    const naam = namen.filter((x) => s === x || s.startsWith(`${x} `)).toSorted((a, b) => b.length - a.length)[0];
    if (naam === undefined) return false;
    return s
      .slice(naam.length)
      .split(' ')
      .filter((w) => w !== '')
      .every((w) => /^[-–:()€vn]+$/.test(w) || /^\(?-?€?-?\d{1,3}(?:\.\d{3})*(?:,\d+)?\)?$/.test(w) || /^\(?(?:voordelig|nadelig|voordeel|nadeel)\)?$/.test(w));
  }

  /**
   * "Toelichting op de financiën", "Analyse afwijkingen": running text into paragrafen. A line that
   * names a finance row (with its amount) is a paragraph of its own, and does not end the section
   * even when it stands between blank lines like a title.
   */
  function leesToelichting(i: number): number {
    neem(i, 'paragrafen.titel');
    const { alineas, einde } = leesAlineas(
      i + 1,
      'paragrafen.tekst',
      (j) => isStructuur(j) || (isKop(j) && !isRijToelichting(j)) || isProgrammanaam(j),
      isRijToelichting,
    );
    h.paragrafen.push({ titel: t(i), tekst: alineas });
    return einde;
  }

  // --- overhevelingen -----------------------------------------------------------------------

  /** Joins a line to running text: within a paragraph with a space, a new paragraph with "\n" (rules of leesAlineas). */
  function voegTekstToe(tekst: string, j: number, naLeeg: boolean, vorige: number): string {
    const s = t(j);
    if (P.opsomming.test(s)) return `${tekst === '' ? '' : `${tekst}\n`}• ${s.replace(P.opsomming, '')}`;
    if (tekst === '') return s;
    const doorlopend = !naLeeg || /^\p{Ll}/u.test(s) || (vorige >= 0 && ruwEindigtMetSpatie(vorige) && !/[.!?:;]$/.test(tekst));
    if (!doorlopend) return `${tekst}\n${s}`;
    return /\p{L}-$/u.test(tekst) ? tekst + s : `${tekst} ${s}`;
  }

  /**
   * "Voorgestelde overhevelingen": a table "Omschrijving | Bedrag | Motivering" or items "<naam>
   * <bedrag>" each followed by a motivation. An item line has a name, an amount and optionally the
   * start of the motivation (splitsBedragRegel); the motivation runs over the following lines. A new
   * item starts only after the motivation has ended with a full stop (or when the table has no
   * motivation column). Lines without punctuation right before an item line are its wrapped name.
   * Text before the first item goes to paragrafen under the section title.
   */
  function leesOverhevelingen(i: number): number {
    const kop = t(i);
    neem(i, 'overhevelingen (kop)');
    let eenheid = eenheidVan(kop);
    let motiveringKolom = true;
    let inleiding = '';
    type Item = { naam: string; bedrag: number; euro: boolean; motivering: string; regel: number };
    const items: Item[] = [];
    const totalen: Item[] = [];
    let huidig: Item | null = null;
    let naLeeg = false;
    let vorige = -1;
    const klaar = () => !motiveringKolom || huidig === null || (huidig.motivering !== '' && /[.!?]$/.test(huidig.motivering));
    /** Lines j.. (at most two, none ending in punctuation, no blank between) up to an item line: the index of that item line, else -1. */
    const naamTot = (j: number): number => {
      for (let k = j; k < n && k <= j + 2; k++) {
        if (t(k) === '' || isStructuur(k)) return -1;
        if (k > j && splitsBedragRegel(t(k), true) !== null) return k;
        if (/[.!?:;]$/.test(t(k))) return -1;
      }
      return -1;
    };
    let voorvoegsel: number[] = [];
    let j = i + 1;
    while (j < n) {
      const s = t(j);
      if (s === '') {
        naLeeg = true;
        j++;
        continue;
      }
      const verder = overPaginarand(j);
      if (verder >= 0) {
        j = verder;
        continue;
      }
      if (isStructuur(j)) break;
      if (P.eenheidRegel.test(s)) {
        eenheid = eenheidVan(s);
        neem(j, 'overhevelingen (eenheid)');
        j++;
        continue;
      }
      if (items.length === 0 && huidig === null && voorvoegsel.length === 0 && P.overhevelingKolomkop.test(s) && splitsBedragRegel(s) === null) {
        motiveringKolom = /\b(?:motivering|toelichting|reden|onderbouwing)\b/i.test(s);
        eenheid = eenheidVan(s) ?? eenheid;
        neem(j, 'overhevelingen (kolomkop)');
        j++;
        continue;
      }
      const item = klaar() ? splitsBedragRegel(s, voorvoegsel.length > 0) : null;
      if (item) {
        if (huidig) items.push(huidig);
        const naam = [...voorvoegsel.map((k) => t(k)), item.naam].join(' ');
        const nieuw = { naam, bedrag: item.bedrag, euro: item.euro, motivering: item.rest, regel: j };
        if (/^totaal\b/i.test(naam)) {
          totalen.push(nieuw);
          huidig = null;
          neem(j, 'overhevelingen (totaal) → controles');
        } else {
          huidig = nieuw;
          neem(j, item.rest ? 'overhevelingen.naam+bedrag+motivering' : 'overhevelingen.naam+bedrag');
        }
        voorvoegsel = [];
        naLeeg = false;
        vorige = j;
        j++;
        continue;
      }
      if (klaar() && isKop(j)) break; // a titled section of its own
      if (klaar() && voorvoegsel.length === 0) {
        const k = naamTot(j);
        if (k >= 0) {
          for (let l = j; l < k; l++) {
            voorvoegsel.push(l);
            neem(l, 'overhevelingen.naam');
          }
          j = k;
          continue;
        }
      }
      if (huidig === null) {
        inleiding = voegTekstToe(inleiding, j, naLeeg, vorige);
        neem(j, 'paragrafen.tekst');
      } else {
        huidig.motivering = voegTekstToe(huidig.motivering, j, naLeeg, vorige);
        neem(j, 'overhevelingen.motivering');
      }
      naLeeg = false;
      vorige = j;
      j++;
    }
    if (huidig) items.push(huidig);
    if (inleiding !== '') h.paragrafen.push({ titel: kop, tekst: inleiding.split('\n') });
    for (const item of items) {
      h.overhevelingen.push({ naam: item.naam, bedrag: item.bedrag, motivering: item.motivering });
      overhevelingEenheden.push(item.euro ? (eenheid ?? 1) : eenheid);
    }
    for (const totaal of totalen) {
      const controle: PcControle = { regel: totaal.naam, kolom: 'bedrag', document: totaal.bedrag, berekend: 0, ok: false, tabel: 'overhevelingen' };
      h.controles.push(controle);
      controleEenheden.push({ controle, eenheid: totaal.euro ? (eenheid ?? 1) : eenheid, cellen: items.length });
      overhevelingTotalen.push({ controle, van: h.overhevelingen.length - items.length, tot: h.overhevelingen.length });
    }
    return j;
  }

  // --- investeringen ------------------------------------------------------------------------

  /**
   * "Investeringen", "Investeringen 2024 2025 2026 2027", "Investering Krediet Uitgaven t/m 2022 …",
   * or a header of header words that names a krediet ("Omschrijving Krediet Uitgaven 2023 …"):
   * the start of an investment table.
   */
  function isInvesteringKop(i: number): boolean {
    const s = t(i);
    if (s.length > 140 || /[.,;]$/.test(s)) return false;
    const m = P.investeringKop.exec(s);
    if (m) return zonderEenheid((m[1] ?? '').replace(/:$/, '')).every(isInvesteringKopWoord);
    const w = zonderEenheid(s);
    return P.naamKolom.test(w[0] ?? '') && w.some((x) => /^krediet/i.test(x)) && w.every(isInvesteringKopWoord);
  }

  /**
   * An investment table: "Investering | Krediet | Uitgaven t/m 2022 | Uitgaven 2023 | Restant
   * krediet" (jaarstukken) or "Investeringen | 2024 | 2025 | …" (begroting). The header runs from
   * the heading over the lines of header words and years (a line starting with a name-column word
   * such as "Investering" or "Omschrijving" starts the header afresh: what came before was a title).
   * Rows are a name and one amount per column, as in the finance table; a "Totaal" row becomes a
   * controle. A heading without columns is an ordinary titled text section.
   */
  function leesInvesteringen(i: number): number {
    const genomen: number[] = [i];
    let eenheid = eenheidVan(t(i));
    let tokens = naarKop(zonderEenheid(t(i).replace(/:$/, '')));
    let j = i + 1;
    while (j < n) {
      const s = t(j);
      if (s === '') {
        j++;
        continue;
      }
      if (isHerhaaldeTitel(j)) {
        j = overPaginarand(j);
        continue;
      }
      // ("Project Krediet Uitgaven 2025" would also pass for a finance table's header)
      if (!isInvesteringKopRegel(s) || P.documenttitel.test(s)) break;
      const w = zonderEenheid(s);
      eenheid = eenheidVan(s) ?? eenheid;
      if (P.naamKolom.test(w[0] ?? '')) tokens = [];
      tokens.push(...naarKop(w));
      genomen.push(j);
      j++;
    }
    const kolommen = groepeerInvesteringKolommen(tokens);
    if (kolommen.length === 0) return leesSectie(i);
    neem(i, 'investeringen (kop)');
    for (const k of genomen.slice(1)) neem(k, 'investeringen (kolomkop)');

    type Rij = { naam: string; bedragen: (number | null)[]; kolommen: string[] };
    const rijen: Rij[] = [];
    let wachtend: number[] = [];
    let vorigeRij = -1;
    while (j < n) {
      const s = t(j);
      if (s === '') {
        j++;
        continue;
      }
      const verder = overPaginarand(j);
      if (verder >= 0) {
        j = verder;
        continue;
      }
      if (isStructuur(j)) break;
      const rij = financienRij(s, kolommen.length);
      if (rij === null || rij.naam === '') {
        const laatste = rijen.at(-1);
        if (laatste && wachtend.length === 0 && vorigeRij === j - 1 && /^[\p{Ll}(]/u.test(s)) {
          // the name of the row above continues under its amounts
          laatste.naam += ` ${s}`;
          neem(j, 'investeringen.naam');
          j++;
          continue;
        }
        const volgend = j + 1 < n ? financienRij(t(j + 1), kolommen.length) : null;
        if (volgend !== null && volgend.naam !== '' && wachtend.length < 2) {
          wachtend.push(j);
          j++;
          continue;
        }
        break;
      }
      const naam = [...wachtend.map((k) => t(k)), rij.naam].join(' ').trim();
      for (const k of wachtend) neem(k, 'investeringen.naam');
      wachtend = [];
      vorigeRij = j;
      if ('fout' in rij) {
        waarschuw(j, `investering "${naam}": ${rij.aantal} bedrag(en), ${kolommen.length} kolommen verwacht; bedragen niet toegekend`);
        rijen.push({ naam, bedragen: [], kolommen });
      } else {
        const bedragen = rij.bedragen.map((b) => leesBedrag(b) ?? null);
        if (/^totaal\b/i.test(naam)) {
          kolommen.forEach((kolom, k) => {
            const berekend = rijen.reduce((acc, x) => acc + (x.bedragen[k] ?? 0), 0);
            const controle: PcControle = { ...maakControle(naam, kolom, bedragen[k] ?? null, berekend, rijen.length), tabel: 'investeringen' };
            h.controles.push(controle);
            controleEenheden.push({ controle, eenheid, cellen: rijen.length });
          });
          neem(j, 'investeringen (totaal) → controles');
        } else {
          rijen.push({ naam, bedragen, kolommen });
          neem(j, 'investeringen');
        }
      }
      j++;
    }
    // Restant krediet = krediet − uitgaven, row by row, when the columns say so.
    const krediet = kolommen.findIndex((k) => /^(?:krediet|beschikbaar|investeringskrediet|totaal krediet)/i.test(k));
    const restant = kolommen.findIndex((k) => /^restant/i.test(k));
    const uitgaven = kolommen.flatMap((k, idx) => (/^(?:uitgaven|uitgave|besteed|bestede|werkelijke)/i.test(k) ? [idx] : []));
    if (krediet >= 0 && restant >= 0 && uitgaven.length > 0) {
      for (const rij of rijen) {
        if (rij.bedragen.length === 0) continue;
        const berekend = (rij.bedragen[krediet] ?? 0) - uitgaven.reduce((acc, k) => acc + (rij.bedragen[k] ?? 0), 0);
        const controle: PcControle = { ...maakControle(rij.naam, kolommen[restant] ?? '', rij.bedragen[restant] ?? null, berekend, 1 + uitgaven.length), tabel: 'investeringen' };
        h.controles.push(controle);
        controleEenheden.push({ controle, eenheid, cellen: 1 + uitgaven.length });
      }
    }
    for (const rij of rijen) {
      h.investeringen.push(rij);
      investeringEenheden.push(eenheid);
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
    if (!P.documenttitel.test(s) && (isHerhaaldeTitel(i) || P.paginaAanduiding.test(s))) {
      neem(i, 'paginakop, paginavoet of paginanummer');
      i++;
    } else if ((m = P.documenttitel.exec(s))) {
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
    } else if ((m = P.programmaKop.exec(s))) {
      structuur++;
      zetProgramma((m[2] ?? '').trim(), i, 'programma');
      i++;
    } else if (P.gekost.test(s) || P.kosten.test(s)) {
      hint(P.gekost.test(s) ? 'jaarstukken' : 'begroting', i);
      neem(i, 'financien (kop)');
      i = leesFinancien(i + 1);
    } else if (P.overhevelingenKop.test(s)) {
      i = leesOverhevelingen(i);
    } else if (isInvesteringKop(i)) {
      i = leesInvesteringen(i);
    } else if (P.toelichtingKop.test(s)) {
      i = leesToelichting(i);
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
    } else if (isFinancienKop(i)) {
      i = leesFinancien(i);
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

  // --- a text that stops in the middle of a sentence or name, before any finance table ----
  // (the opening pages of a chapter end with a full sentence: they are read as they are)
  const laatsteRegel = (() => {
    let k = n - 1;
    while (k > 0 && t(k) === '') k--;
    return k;
  })();
  const laatsteVeld = verantwoording.get(laatsteRegel + 1) ?? '';
  const inTekst = /^(visie|paragrafen\.tekst|doelen|activiteiten|indicatoren\.naam)/.test(laatsteVeld);
  if (structuur > 0 && h.financien === null && inTekst && !/[.!?]$/.test(t(laatsteRegel)) && !h.waarschuwingen.some((w) => w.regel === laatsteRegel + 1)) {
    waarschuw(laatsteRegel, 'de tekst houdt hier midden in een zin of regel op, zonder financiële tabel ("Wat heeft het gekost?" / "Wat mag het kosten?"): afgebroken?');
  }

  // --- values need the complete footnote list --------------------------------------------
  const voetnootNummers = new Set(h.voetnoten.map((v) => v.nummer));
  for (const { indicator, cellen, kolommen, extraVoetnoten } of open) {
    indicator.waarden = cellen.map((cel, k) => {
      const gelezen = leesWaarde(cel.tekst, kolommen[k] ?? '', { naam: indicator.naam, voetnoten: voetnootNummers });
      if (gelezen.fout) h.waarschuwingen.push({ regel: cel.regel, tekst: t(cel.regel - 1), reden: `indicator ${indicator.code}, ${kolommen[k]}: ${gelezen.fout}` });
      const waarde = gelezen.waarde;
      for (const nummer of extraVoetnoten[k] ?? []) if (voetnootNummers.has(nummer) && !waarde.voetnoten.includes(nummer)) waarde.voetnoten.push(nummer);
      if (cel.opmerking) waarde.toelichting = cel.opmerking;
      return waarde;
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

  let soort: PcSoort | null = titel?.soort ?? opties.document?.soort ?? null;
  if (soort === null) {
    const j = soortHints.filter((x) => x.soort === 'jaarstukken').length;
    const b = soortHints.filter((x) => x.soort === 'begroting').length;
    if (j > 0 || b > 0) soort = j >= b ? 'jaarstukken' : 'begroting';
  }
  if (soort === null && gevolgen !== null) soort = 'begroting';
  if (soort === null && /begroting/i.test(naam)) soort = 'begroting';
  if (soort === null && /jaarstukken|jaarverslag|jaarrekening/i.test(naam)) soort = 'jaarstukken';
  if (soort === null) throw new PcImportFout(1, 'niet te bepalen of dit een begroting of jaarstukken is');

  let jaar: number | null = titel?.jaar ?? opties.document?.jaar ?? null;
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

  // --- overhevelingen and investeringen in the unit of the finance table --------------------
  const eenheid = h.financien?.eenheid ?? 1000;
  const omgerekend = (bedrag: number, van: number | null) => (van === null || van === eenheid ? bedrag : rond((bedrag * van) / eenheid));
  h.overhevelingen.forEach((o, k) => {
    o.bedrag = omgerekend(o.bedrag, overhevelingEenheden[k] ?? null);
  });
  h.investeringen.forEach((inv, k) => {
    inv.bedragen = inv.bedragen.map((b) => (b === null ? null : omgerekend(b, investeringEenheden[k] ?? null)));
  });
  const schaalVan = (van: number | null) => (van === null ? 1 : van / eenheid);
  for (const { controle, eenheid: van, cellen } of controleEenheden) {
    controle.berekend = omgerekend(controle.berekend, van);
    if (controle.document !== null) controle.document = omgerekend(controle.document, van);
    Object.assign(controle, beoordeel(controle.document, controle.berekend, cellen, schaalVan(van)));
  }
  for (const { controle, van, tot } of overhevelingTotalen) {
    controle.berekend = rond(h.overhevelingen.slice(van, tot).reduce((acc, o) => acc + o.bedrag, 0));
    const eigen = controleEenheden.find((c) => c.controle === controle);
    Object.assign(controle, beoordeel(controle.document, controle.berekend, tot - van, schaalVan(eigen?.eenheid ?? null)));
  }

  // A title of its own without text that is the programme's name (the name above "Wat willen we
  // bereiken?", the same as the finance table's title): the programme's heading, not a section.
  h.paragrafen = h.paragrafen.filter((p) => !(p.tekst.length === 0 && h.programma !== '' && p.titel.toLowerCase() === h.programma.toLowerCase()));

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
 * capitalised word that leaves the longest name still within the column; a word in capitals only
 * (an abbreviation: `GGD`) only when no other word qualifies.
 */
export function splitsActiviteitregel(regel: string, prefix = 0): [string, string] {
  if (prefix + regel.length <= ACTIVITEIT_KOLOMBREEDTE) return [regel, ''];
  const woorden = regel.split(' ');
  let beste = -1;
  let acroniem = -1; // an abbreviation in capitals (GGD, SWD) rarely opens a sentence: only when nothing else does
  let lengte = prefix;
  for (let k = 1; k < woorden.length; k++) {
    lengte += (woorden[k - 1] ?? '').length + 1;
    if (lengte - 1 > ACTIVITEIT_KOLOMBREEDTE) break;
    const vorig = woorden[k - 1] ?? '';
    const woord = woorden[k] ?? '';
    if (/[\p{Ll}\d)]$/u.test(vorig) && /^[\p{Lu}•]/u.test(woord)) {
      if (/^\p{Lu}{2,}[^\p{Ll}]*$/u.test(woord)) acroniem = k;
      else beste = k;
    }
  }
  if (beste < 0) beste = acroniem;
  if (beste < 0) return [regel, ''];
  return [woorden.slice(0, beste).join(' '), woorden.slice(beste).join(' ')];
}

// ---------------------------------------------------------------------------------------------
// Finance checks

/**
 * The verdict of a controle (ADR 0034). Every printed amount is rounded to the table's unit, so the
 * sum of `cellen` rounded cells may differ from the rounded total by up to half a unit per cell
 * plus half a unit for the total itself. `schaal`: the printed unit in units of the compared amounts
 * (an overheveling section in euros compared in thousands: 0.001).
 */
export function beoordeel(document: number | null, berekend: number, cellen: number, schaal = 1): Pick<PcControle, 'verschil' | 'oordeel' | 'ok'> {
  if (document === null) return { verschil: null, oordeel: 'verschil', ok: false };
  const verschil = rond(document - berekend);
  if (verschil === 0) return { verschil, oordeel: 'klopt', ok: true };
  const marge = 0.5 * (Math.max(cellen, 1) + 1) * schaal;
  return Math.abs(verschil) <= marge + 1e-9 ? { verschil, oordeel: 'afrondingsverschil', ok: true } : { verschil, oordeel: 'verschil', ok: false };
}

/** A controle: what the document prints against what its `cellen` summed cells give. */
export function maakControle(regel: string, kolom: string, document: number | null, berekend: number, cellen: number, schaal = 1): PcControle {
  return { regel, kolom, document, berekend, ...beoordeel(document, berekend, cellen, schaal) };
}

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
        controles.push(maakControle(rij.naam, kolom, rij.bedragen[k] ?? null, berekend, basis.length));
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
        controles.push(maakControle(rij.naam, kolommen[resultaat] ?? '', rij.bedragen[resultaat] ?? null, berekend, 2));
      }
    }
  }
  return controles;
}
