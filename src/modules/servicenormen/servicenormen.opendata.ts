import { naarCsvTekst, type CsvCel } from '../../csv.ts';
import type { KpiWaarde } from '../kpi/kpi.service.ts';
import { PERIODEN, type PeriodeSoort, type Servicenormen } from './servicenormen.service.ts';

/** One value of the open data: one measure, one scope (every zaak, or one zaaktype), one period. */
export interface ServicenormWaarde {
  periode: PeriodeSoort;
  van: string;
  tot: string;
  /** null: every zaak together; otherwise the zaaktype's code. */
  zaaktype: string | null;
  waarde: number | null;
  teller: number | null;
  noemer: number;
  eenheid: string;
  status: 'bekend' | 'niet-bekend';
  reden: string | null;
  norm: { waarde: number; bron: string; geldigVanaf: string | null } | null;
  normGehaald: boolean | null;
  berekendOp: string;
}

/** The open data of the servicenormen page (`/{slug}/servicenormen.json`): the same numbers as the page. */
export function servicenormenData(gemeente: { code: string; naam: string; slug: string }, s: Servicenormen) {
  return {
    gemeente,
    vandaag: s.vandaag,
    perioden: { maand: s.maand, kwartaal: s.kwartaal, jaar: s.jaar },
    producten: s.producten.map((p) => ({
      zaaktype: p.code,
      naam: p.naam,
      termijn: p.norm,
      maxVerlenging: p.maxVerlenging,
      opschortingToegestaan: p.opschortingToegestaan,
      rechtsgrond: p.rechtsgrond || null,
    })),
    kpis: s.kpis.map((k) => ({
      code: k.definitie.code,
      versie: k.definitie.versie,
      naam: k.definitie.naam,
      eenheid: k.definitie.eenheid,
      richting: k.definitie.richting,
      definitie: `/api/v1/kpi-definities/${k.definitie.code}`,
      waarden: PERIODEN.flatMap((p) => waarden(p, k[p])),
    })),
  };
}

/** Every zaak together, then each zaaktype with a value, for one period. */
function waarden(periode: PeriodeSoort, w: KpiWaarde): ServicenormWaarde[] {
  const een = (zaaktype: string | null, m: Pick<KpiWaarde, 'waarde' | 'teller' | 'noemer' | 'status' | 'reden' | 'normGehaald'>): ServicenormWaarde => ({
    periode,
    van: w.periode.van,
    tot: w.periode.tot,
    zaaktype,
    waarde: m.waarde,
    teller: m.teller,
    noemer: m.noemer,
    eenheid: w.eenheid,
    status: m.status,
    reden: m.reden,
    norm: w.norm,
    normGehaald: m.normGehaald,
    berekendOp: w.berekendOp,
  });
  return [een(null, w), ...(w.uitsplitsing ?? []).map((u) => een(u.zaaktype ?? null, u))];
}

/** Columns of `/{slug}/servicenormen.csv` (README, "Open data"). */
export const SERVICENORMEN_KOLOMMEN = [
  'gemeente',
  'soort',
  'kpi',
  'versie',
  'naam',
  'periode',
  'van',
  'tot',
  'zaaktype',
  'waarde',
  'teller',
  'noemer',
  'eenheid',
  'status',
  'reden',
  'norm',
  'norm_bron',
  'norm_gehaald',
  'berekend_op',
  'termijn',
  'max_verlenging',
  'opschorting_toegestaan',
  'rechtsgrond',
] as const;

/**
 * The same data as one CSV, `;`-separated (Dutch spreadsheets read a comma as the decimal sign),
 * numbers with a decimal point, UTF-8 with a BOM: one row `soort=waarde` per measure, scope and
 * period, then one row `soort=termijn` per zaaktype with its promise.
 */
export function servicenormenCsv(data: ReturnType<typeof servicenormenData>): string {
  const g = data.gemeente.code;
  const rijen: CsvCel[][] = [[...SERVICENORMEN_KOLOMMEN]];
  for (const k of data.kpis) {
    for (const w of k.waarden) {
      rijen.push([g, 'waarde', k.code, k.versie, k.naam.nl, w.periode, w.van, w.tot, w.zaaktype, w.waarde, w.teller, w.noemer, w.eenheid, w.status, w.reden, w.norm?.waarde, w.norm?.bron, w.normGehaald, w.berekendOp, null, null, null, null]);
    }
  }
  for (const p of data.producten) {
    rijen.push([g, 'termijn', null, null, p.naam.nl, null, null, null, p.zaaktype, null, null, null, null, null, null, null, null, null, null, p.termijn, p.maxVerlenging, p.opschortingToegestaan, p.rechtsgrond]);
  }
  return naarCsvTekst(rijen, ';');
}
