/**
 * The kinds of field a form has (formulieren.velden.ts checks each kind's answers). A plain
 * constant without imports: the schemas and the staff app's form editor share it.
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
] as const;
export type Veldsoort = (typeof VELDSOORTEN)[number];
