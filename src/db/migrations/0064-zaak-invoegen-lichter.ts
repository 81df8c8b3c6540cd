import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Less work for PostgreSQL per new zaak (issue 12, the intake's speed), with the same guarantees:
 *
 * - The KPI outbox's insert trigger (migration 0024) ran for every statement that inserts zaken: a
 *   PL/pgSQL call and a query over the statement's new rows, though only a zaak inserted already
 *   closed (an import) gives a closing day to recompute, and the zaken service registers zaken
 *   open. It is now a row trigger that fires only for such a row (`when`), so a new open zaak
 *   costs nothing here. It appends one outbox row per such zaak instead of one per day and
 *   statement; the rollup groups its outbox rows by day, so the result is the same.
 * - Two foreign keys of `zaak` were implied by a third: its status `(gemeente, zaaktype_id,
 *   status_volgnummer)`, all three required, references `statustype`, whose `(gemeente,
 *   zaaktype_id)` references `zaaktype`, whose `gemeente` references `gemeente`. A zaak's zaaktype
 *   and gemeente therefore exist as long as its status type does (the cascade from a deleted
 *   zaaktype to its status types is refused while a zaak holds one). The checks of `zaak → gemeente`
 *   and `zaak → zaaktype` went, each a lookup and a row lock on a row every registration shares.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `drop trigger kpi_zaak_werk_invoegen on zaak`,
    `drop function kpi_zaak_werk_na_invoegen()`,
    `
    create function kpi_zaak_werk_na_invoegen() returns trigger language plpgsql as $$
    begin
      insert into kpi_rollup_werk (gemeente, dag, reden)
      values (new.gemeente, (new.afgesloten_op at time zone 'Europe/Amsterdam')::date, 'zaak-afgesloten');
      return null;
    end $$`,
    `create trigger kpi_zaak_werk_invoegen after insert on zaak for each row when (new.afgesloten_op is not null) execute function kpi_zaak_werk_na_invoegen()`,
    `alter table zaak drop constraint zaak_gemeente_fkey`,
    `alter table zaak drop constraint zaak_gemeente_zaaktype_id_fkey`,
  ]);
}
