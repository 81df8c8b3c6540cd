/**
 * The category suggestion on the resident form (issue 12): an explainable keyword classifier.
 * Each sub category scores one point per keyword (its `trefwoorden`, and the words of its name)
 * found in the description — a word that starts with the keyword counts, so "containers" finds
 * "container". The best category is suggested only when it has at least MIN_SCORE points and
 * DREMPEL of all points: then the resident sees it with the words that led to it. The resident
 * always chooses. Pure.
 */

/** The share of all points the best category needs to be suggested. */
export const DREMPEL = 0.6;
/** The points the best category needs at least. */
export const MIN_SCORE = 1;

export interface Suggestie {
  code: string;
  zekerheid: number;
  /** The keywords found in the description: the explanation. */
  woorden: string[];
}

const STOPWOORDEN = new Set(['de', 'het', 'een', 'en', 'van', 'op', 'in', 'of', 'the', 'a', 'an', 'of', 'on', 'and', 'is', 'bij', 'aan', 'met']);

/** Lower case, without accents, split into words. */
export function woordenVan(tekst: string): string[] {
  return tekst
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOPWOORDEN.has(w));
}

/** Whether a keyword (one or more words) occurs in the words of the text. */
function komtVoor(trefwoord: string[], woorden: readonly string[]): boolean {
  if (trefwoord.length === 0) return false;
  for (let i = 0; i + trefwoord.length <= woorden.length; i++) {
    if (trefwoord.every((t, j) => (woorden[i + j] ?? '').startsWith(t) && (t.length >= 4 || woorden[i + j] === t))) return true;
  }
  return false;
}

export function stelCategorieVoor(beschrijving: string, categorieen: readonly { code: string; naam: string; trefwoorden: readonly string[] }[]): Suggestie | undefined {
  const woorden = woordenVan(beschrijving);
  if (woorden.length === 0) return undefined;
  const scores = categorieen.map((c) => {
    const kandidaten = [...new Set([...c.trefwoorden, ...woordenVan(c.naam)].map((t) => woordenVan(t).join(' ')).filter(Boolean))];
    const gevonden = kandidaten.filter((t) => komtVoor(t.split(' '), woorden));
    return { code: c.code, score: gevonden.length, woorden: gevonden };
  });
  const totaal = scores.reduce((som, s) => som + s.score, 0);
  const beste = scores.toSorted((a, b) => b.score - a.score)[0];
  if (!beste || beste.score < MIN_SCORE || totaal === 0) return undefined;
  const zekerheid = beste.score / totaal;
  return zekerheid >= DREMPEL ? { code: beste.code, zekerheid, woorden: beste.woorden } : undefined;
}
