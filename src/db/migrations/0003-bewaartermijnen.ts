import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The logs stay append-only, except for destruction at the end of a retention term: a
 * transaction that sets `loket.vernietigen = 'aan'` (only the retention job does) may delete.
 * Updates stay refused always.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create or replace function weiger_wijziging() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and coalesce(current_setting('loket.vernietigen', true), '') = 'aan' then
        return old;
      end if;
      raise exception 'tabel % is alleen-toevoegen', tg_table_name;
    end $$`,
  ]);
}
