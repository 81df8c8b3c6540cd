/**
 * The dashboards' data as CSV (ADR 0082): a series, a value with its breakdown, and the zaken
 * behind a value, with the shared writer (src/csv.ts: `;`, BOM, CRLF, decimal point) as the
 * servicenormen open data. Pure: the same numbers as the JSON answer.
 */
import { naarCsvTekst, type CsvCel } from '../../csv.ts';
import type { KpiService, KpiWaarde } from './kpi.service.ts';

type Reeks = Awaited<ReturnType<KpiService['reeks']>>;
type Zaken = Awaited<ReturnType<KpiService['zaken']>>;

const METING = ['waarde', 'eenheid', 'teller', 'noemer', 'status', 'reden', 'inBehandeling', 'normGehaald'] as const;

interface Meting {
  waarde: number | null;
  teller: number | null;
  noemer: number;
  status: string;
  reden: string | null;
  inBehandeling: number | null;
  normGehaald: boolean | null;
}

const meting = (m: Meting, eenheid: string): CsvCel[] => [m.waarde, eenheid, m.teller, m.noemer, m.status, m.reden, m.inBehandeling, m.normGehaald];

/** A series: one row per period, oldest first. */
export function reeksAlsCsv(r: Reeks): string {
  return naarCsvTekst(
    [
      ['kpi', 'versie', 'gemeente', 'periodeVan', 'periodeTot', 'voorlopig', ...METING, 'norm'],
      ...r.waarden.map((w) => [r.code, r.definitie.versie, r.gemeente, w.periode.van, w.periode.tot, w.voorlopig, ...meting(w, r.eenheid), w.norm?.waarde ?? null]),
    ],
    ';',
  );
}

/** The group of a breakdown's row: its zaaktype, wachtrij, team, categorie or locatie. */
const groep = (r: { zaaktype?: string; wachtrij?: string; team?: string; categorie?: string; locatie?: string }) => r.zaaktype ?? r.wachtrij ?? r.team ?? r.categorie ?? r.locatie ?? null;

/** A value: the whole selection first (groep empty), then each group of the breakdown asked for. */
export function waardeAlsCsv(w: KpiWaarde, uitsplitsing: string | undefined): string {
  return naarCsvTekst(
    [
      ['kpi', 'versie', 'gemeente', 'periodeVan', 'periodeTot', 'uitsplitsing', 'groep', ...METING],
      [w.code, w.definitie.versie, w.gemeente, w.periode.van, w.periode.tot, null, null, ...meting(w, w.eenheid)],
      ...(w.uitsplitsing ?? []).map((r) => [w.code, w.definitie.versie, w.gemeente, w.periode.van, w.periode.tot, uitsplitsing ?? null, groep(r), ...meting(r, w.eenheid)]),
    ],
    ';',
  );
}

/** Free text typed by people (a zaak's onderwerp): a leading `=`, `+`, `-` or `@` would be read as a formula by a spreadsheet, so it gets a `'` before it. */
const vrijeTekst = (tekst: string) => (/^[=+\-@\t\r]/.test(tekst) ? `'${tekst}` : tekst);

/** The zaken behind a value the reader may see (those hidden for confidentiality are counted in the JSON answer, not listed). */
export function zakenAlsCsv(z: Zaken): string {
  return naarCsvTekst(
    [
      ['kpi', 'periodeVan', 'periodeTot', 'deel', 'zaak', 'zaaktype', 'onderwerp', 'datum', 'teller', 'waarde', 'ontvangstdatum', 'afgeslotenOp', 'uiterlijkeEinddatum', 'opgeschort', 'team'],
      ...z.zaken.map((r) => [
        z.code,
        z.periode.van,
        z.periode.tot,
        z.deel,
        r.identificatie,
        r.zaaktype,
        vrijeTekst(r.onderwerp),
        r.datum,
        r.teller,
        r.waarde,
        r.ontvangstdatum,
        r.afgeslotenOp,
        r.uiterlijkeEinddatum,
        r.opgeschort,
        r.team,
      ]),
    ],
    ';',
  );
}
