/**
 * Open-data CSV as Loket writes it (RFC 4180 quoting, CRLF, numbers with a decimal point), UTF-8
 * with a byte order mark so spreadsheet programs read the accents. Pure.
 */

export type CsvCel = string | number | boolean | null | undefined;

/** One cell: empty for null, `ja`/`nee` for a boolean, quoted when it holds a quote, the separator or a line break. */
function cel(waarde: CsvCel, scheidingsteken: string): string {
  if (waarde === null || waarde === undefined) return '';
  const tekst = typeof waarde === 'boolean' ? (waarde ? 'ja' : 'nee') : String(waarde);
  return tekst.includes('"') || tekst.includes(scheidingsteken) || /[\r\n]/.test(tekst) ? `"${tekst.replaceAll('"', '""')}"` : tekst;
}

/** The rows (the first the header) as one CSV text with a BOM, each row ended by CRLF. */
export function naarCsvTekst(rijen: readonly (readonly CsvCel[])[], scheidingsteken: ',' | ';' = ','): string {
  return `\uFEFF${rijen.map((r) => r.map((w) => cel(w, scheidingsteken)).join(scheidingsteken)).join('\r\n')}\r\n`;
}
