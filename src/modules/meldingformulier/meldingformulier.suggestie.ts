/**
 * The category suggestion (issue 12, ADR 0075): an explainable classifier that combines two
 * sources of points per sub category.
 *
 * 1. Keywords: one point per keyword of the category (its `trefwoorden`, and the words of its
 *    name) found in the description — a word that starts with a keyword of four letters or more
 *    counts, so "containers" finds "container".
 * 2. Earlier meldingen: per word of the description, the closed meldingen of the gemeente that
 *    contained that word (their document frequency per category, `melding_term`, rebuilt by the
 *    housekeeping job). A word seen in at least MIN_MELDINGEN of them gives LEER_GEWICHT points,
 *    shared over the categories in proportion: seen 3× under A and 1× under B, A gets 0.75 and
 *    B 0.25. A word every category has seen so counts for none in particular.
 *
 * The best category is suggested only when it has at least MIN_SCORE points and DREMPEL of all
 * points; the explanation names each word that counted, its source and its points. The resident
 * (or the KCC) always chooses. Pure: the same answer on PGlite and PostgreSQL.
 */

/** The share of all points the best category needs to be suggested. */
export const DREMPEL = 0.6;
/** The points the best category needs at least. */
export const MIN_SCORE = 1;
/** The points one word of earlier meldingen gives, shared over the categories it was seen in. */
export const LEER_GEWICHT = 1;
/** A word of earlier meldingen counts only once it was seen in at least this many of them. */
export const MIN_MELDINGEN = 3;

export type Bron = 'trefwoord' | 'eerdere-meldingen';

export interface Onderbouwing {
  woord: string;
  bron: Bron;
  /** Points this word gave the suggested category. */
  punten: number;
  /** For `eerdere-meldingen`: in how many earlier meldingen of this category the word occurred, and of all categories. */
  meldingen?: { categorie: number; totaal: number };
}

export interface Suggestie {
  code: string;
  zekerheid: number;
  /** The words that counted (unique, keywords first): the short explanation. */
  woorden: string[];
  /** Every word that counted, with its source and points: the whole explanation. */
  uitleg: Onderbouwing[];
}

/** Document frequencies learnt from earlier meldingen: word → category code → number of meldingen. */
export type Termen = ReadonlyMap<string, ReadonlyMap<string, number>>;

const STOPWOORDEN = new Set([
  'de', 'het', 'een', 'en', 'van', 'op', 'in', 'of', 'the', 'a', 'an', 'on', 'and', 'is', 'bij', 'aan', 'met',
  'er', 'ik', 'je', 'u', 'te', 'dat', 'die', 'dit', 'al', 'nog', 'ook', 'niet', 'wel', 'is', 'zijn', 'was', 'voor', 'naar', 'om', 'als', 'maar', 'to', 'it', 'at', 'there', 'this', 'that', 'not',
]);

/** Lower case, without accents, split into words. */
export function woordenVan(tekst: string): string[] {
  return tekst
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOPWOORDEN.has(w));
}

/** The words of a description that count as terms for learning: unique, three letters or more, not only digits. */
export function termenVan(tekst: string): string[] {
  return [...new Set(woordenVan(tekst).filter((w) => w.length >= 3 && w.length <= 40 && !/^\p{N}+$/u.test(w)))];
}

/** Whether a keyword (one or more words) occurs in the words of the text. */
function komtVoor(trefwoord: string[], woorden: readonly string[]): boolean {
  if (trefwoord.length === 0) return false;
  for (let i = 0; i + trefwoord.length <= woorden.length; i++) {
    if (trefwoord.every((t, j) => (woorden[i + j] ?? '').startsWith(t) && (t.length >= 4 || woorden[i + j] === t))) return true;
  }
  return false;
}

const punten = (s: { uitleg: readonly Onderbouwing[] }): number => s.uitleg.reduce((som, o) => som + o.punten, 0);

export function stelCategorieVoor(beschrijving: string, categorieen: readonly { code: string; naam: string; trefwoorden: readonly string[] }[], termen: Termen = new Map()): Suggestie | undefined {
  const woorden = woordenVan(beschrijving);
  if (woorden.length === 0) return undefined;
  const codes = new Set(categorieen.map((c) => c.code));
  const scores = categorieen.map((c) => {
    const kandidaten = [...new Set([...c.trefwoorden, ...woordenVan(c.naam)].map((t) => woordenVan(t).join(' ')).filter(Boolean))];
    const uitleg: Onderbouwing[] = kandidaten.filter((t) => komtVoor(t.split(' '), woorden)).map((woord) => ({ woord, bron: 'trefwoord', punten: 1 }));
    return { code: c.code, uitleg };
  });
  const perCode = new Map(scores.map((s) => [s.code, s]));
  for (const woord of termenVan(beschrijving)) {
    const gezien = [...(termen.get(woord) ?? new Map<string, number>())].filter(([code, n]) => codes.has(code) && n > 0);
    const totaal = gezien.reduce((som, [, n]) => som + n, 0);
    if (totaal < MIN_MELDINGEN) continue;
    for (const [code, n] of gezien) perCode.get(code)?.uitleg.push({ woord, bron: 'eerdere-meldingen', punten: (LEER_GEWICHT * n) / totaal, meldingen: { categorie: n, totaal } });
  }
  const totaal = scores.reduce((som, s) => som + punten(s), 0);
  const beste = scores.toSorted((a, b) => punten(b) - punten(a))[0];
  if (!beste || punten(beste) < MIN_SCORE || totaal === 0) return undefined;
  const zekerheid = punten(beste) / totaal;
  if (zekerheid < DREMPEL) return undefined;
  return { code: beste.code, zekerheid, woorden: [...new Set(beste.uitleg.map((o) => o.woord))], uitleg: beste.uitleg };
}
