/**
 * Rules for text that comes in from outside (ADR 0020): what Loket refuses at the edge, and how a
 * name that people see is cleaned.
 */

/**
 * Whether the text holds a character Loket refuses: NUL (U+0000, PostgreSQL cannot store it) or a
 * lone surrogate (half of a UTF-16 pair, which has no UTF-8 form and which PostgreSQL refuses in
 * JSON). Other control characters are allowed in text (a form feed from pdftotext, a vertical
 * tab from a word processor) and removed from names by `schoneNaam`.
 */
export function heeftOngeldigTeken(tekst: string): boolean {
  return tekst.includes('\u0000') || !tekst.isWellFormed();
}

/** The text with each refused character replaced by U+FFFD (�), to show a resident where it was. */
export function metVervangenTekens(tekst: string): string {
  return tekst.replaceAll('\u0000', '\uFFFD').toWellFormed();
}

/**
 * Control characters (Unicode category Cc: C0, DEL and C1) and the bidirectional controls (LRM,
 * RLM, ALM, the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069). In a name
 * they are invisible or make it look like something else (`factuur\u202Efdp.exe` shows as
 * `factuurexe.pdf`).
 */
const ONZICHTBAAR = /[\p{Cc}\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]+/gu;

/**
 * A name as people see it (a file name, a person's or team's name): without control characters
 * and bidirectional controls (a run with a tab or line break becomes one space), trimmed. Free text that may span lines (notes, messages) keeps its
 * line breaks and is not cleaned with this.
 */
export function schoneNaam(naam: string): string {
  return naam.replace(ONZICHTBAAR, (tekens) => (/\s/.test(tekens) ? ' ' : '')).trim();
}
