import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Zaak numbers from a sequence per gemeente and year instead of a counter row (ADR 0042). The
 * counter row was locked by each new zaak until its transaction committed, so one gemeente's
 * intake ran one zaak at a time; `nextval` holds no lock that lasts. Every counter carries over:
 * its sequence starts after the last number it gave (or after the highest number of that year in
 * `zaak`, should that be higher), so no number is given twice. The sequence's name is
 * `zaaknummer_<gemeente in lower case>_<jaar>`, the same rule as `nummerreeks()` in
 * zaken.repository.ts. Every node must run this version once the migration has run (the old
 * code writes the counter table, which is gone).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    do $$
    declare
      r record;
    begin
      for r in
        select t.gemeente, t.jaar,
               greatest(t.laatste, coalesce((select max(substr(z.identificatie, 8)::bigint) from zaak z
                                             where z.gemeente = t.gemeente and z.identificatie ~ ('^Z-' || t.jaar || '-[0-9]+$')), 0)) as laatste
        from zaak_teller t
      loop
        execute format('create sequence %I as bigint minvalue 1 start with %s cache 1', 'zaaknummer_' || lower(r.gemeente) || '_' || r.jaar, r.laatste + 1);
      end loop;
    end
    $$`,
    `drop table zaak_teller`,
  ]);
}
