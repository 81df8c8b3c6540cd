import type { PcProgramma } from './pc.service.ts';

/** Columns of the open-data CSV (README, "Open data"). */
export const CSV_KOLOMMEN = [
  'gemeente',
  'document',
  'jaar',
  'versie',
  'status',
  'vastgesteld_op',
  'programma',
  'onderdeel',
  'code',
  'naam',
  'soort',
  'verplicht',
  'kolom',
  'tekst',
  'getal',
  'eenheid',
  'tot',
  'waardestatus',
  'reden',
  'voetnoten',
] as const;

type Cel = string | number | boolean | null | undefined;

function cel(waarde: Cel): string {
  if (waarde === null || waarde === undefined) return '';
  const tekst = typeof waarde === 'boolean' ? (waarde ? 'ja' : 'nee') : String(waarde);
  return /[",\r\n]/.test(tekst) ? `"${tekst.replaceAll('"', '""')}"` : tekst;
}

/**
 * Open data of chapters: one row per value — every indicator value (with its footnotes' texts)
 * and every amount of the finance table in euro. RFC 4180 (comma, CRLF, double quotes), numbers
 * with a decimal point, UTF-8 with a byte order mark so spreadsheet programs read the accents.
 */
export function naarCsv(programmas: readonly PcProgramma[]): string {
  const rijen: Cel[][] = [[...CSV_KOLOMMEN]];
  for (const p of programmas) {
    const h = p.hoofdstuk;
    const v = p.versie;
    const kop: Cel[] = [h.gemeente, v.soort, h.jaar, v.volgnummer, v.status, v.vastgesteldOp, h.programma];
    const voetnoot = (n: number) => `${n}. ${h.voetnoten.find((x) => x.nummer === n)?.tekst ?? ''}`.trim();
    for (const i of h.indicatoren) {
      for (const w of i.waarden) {
        rijen.push([...kop, 'indicator', i.code, i.naam, i.soort, i.verplicht, w.kolom, w.tekst, w.getal, w.eenheid, w.tot, w.status, w.reden, w.voetnoten.map(voetnoot).join(' | ')]);
      }
    }
    const f = h.financien;
    if (f) {
      for (const r of f.regels) {
        r.bedragen.forEach((b, k) => {
          rijen.push([...kop, 'financien', '', r.naam, '', '', f.kolommen[k], b === null ? '' : String(b), b === null ? null : b * f.eenheid, '€', null, null, null, '']);
        });
      }
    }
  }
  return `\uFEFF${rijen.map((r) => r.map(cel).join(',')).join('\r\n')}\r\n`;
}
