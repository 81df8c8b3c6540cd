/**
 * The kinds of field a form has (formulieren.velden.ts checks each kind's answers). A plain
 * constant without imports: the schemas and the staff app's form editor share it. A `bestand`
 * (file upload, ADR 0078) answer is the checked file's name; the file itself is stored with the draft.
 */
export const VELDSOORTEN = [
  'tekst',
  'lange-tekst',
  'getal',
  'datum',
  'keuze',
  'meerkeuze',
  'ja-nee',
  'email',
  'telefoon',
  'adres',
  'bsn',
  'iban',
  'toestemming',
  'bestand',
] as const;
export type Veldsoort = (typeof VELDSOORTEN)[number];
