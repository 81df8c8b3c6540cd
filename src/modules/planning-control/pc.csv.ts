import { naarCsvTekst, type CsvCel as Cel } from '../../csv.ts';
import { verdereGeldTabellen, type GeldTabel } from './pc.analyse.ts';
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
  'tabel',
  'toelichting',
] as const;

const bedrag = (b: number | null, eenheid: number): number | null => (b === null ? null : b * eenheid);

/**
 * Open data of chapters: one row per value — every indicator value (with its footnotes' texts),
 * every amount of the finance tables (the main one, the further ones, the investments) and every
 * proposed overheveling, amounts in euro. RFC 4180 (comma, CRLF, double quotes), numbers with a
 * decimal point, UTF-8 with a byte order mark so spreadsheet programs read the accents.
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
        rijen.push([...kop, 'indicator', i.code, i.naam, i.soort, i.verplicht, w.kolom, w.tekst, w.getal, w.eenheid, w.tot, w.status, w.reden, w.voetnoten.map(voetnoot).join(' | '), '', i.aanvulling?.toelichting]);
      }
    }
    const tabel = (onderdeel: string, t: Pick<GeldTabel, 'eenheid' | 'kolommen' | 'regels'>, titel: string) => {
      for (const r of t.regels as readonly { naam: string; bedragen: readonly (number | null)[]; toelichting?: string }[]) {
        r.bedragen.forEach((b, k) => {
          rijen.push([...kop, onderdeel, '', r.naam, '', '', t.kolommen[k], b === null ? '' : String(b), bedrag(b, t.eenheid), '€', null, null, null, '', titel, r.toelichting]);
        });
      }
    };
    if (h.financien) tabel('financien', h.financien, '');
    for (const t of verdereGeldTabellen(h)) tabel(t.tabel === 'investeringen' ? 'investering' : 'financien', t, t.tabel === 'investeringen' ? '' : t.titel);
    const eenheid = h.financien?.eenheid ?? 1000;
    for (const o of h.overhevelingen) {
      rijen.push([...kop, 'overheveling', '', o.naam, '', '', 'bedrag', String(o.bedrag), bedrag(o.bedrag, eenheid), '€', null, null, null, '', '', o.motivering]);
    }
  }
  return naarCsvTekst(rijen);
}
