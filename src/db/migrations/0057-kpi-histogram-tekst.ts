import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The histograms of the zaken and telephony rollups (migrations 0024 and 0037) also as text
 * (ADR 0089): a stored generated column with the array's own text form (`{3,0,7}`), so a read that
 * joins a period's histograms (`string_agg`) copies text instead of writing every element of every
 * bucket out again per request. `kpi_histogram_tekst` is the cast `int[]::text`, declared immutable
 * because a generated column asks for that: the text of an integer array depends on no setting.
 * Adding the columns fills them for the buckets already there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create function kpi_histogram_tekst(histogram int[]) returns text language sql immutable strict parallel safe as $$ select histogram::text $$`,
    `alter table kpi_zaak_afgesloten_dag add column doorlooptijd_tekst text not null generated always as (kpi_histogram_tekst(doorlooptijd)) stored`,
    `alter table kpi_zaak_afgesloten_maand add column doorlooptijd_tekst text not null generated always as (kpi_histogram_tekst(doorlooptijd)) stored`,
    `alter table kpi_kcc_gesprek_dag add column wachttijd_tekst text not null generated always as (kpi_histogram_tekst(wachttijd)) stored`,
    `alter table kpi_kcc_gesprek_maand add column wachttijd_tekst text not null generated always as (kpi_histogram_tekst(wachttijd)) stored`,
  ]);
}
