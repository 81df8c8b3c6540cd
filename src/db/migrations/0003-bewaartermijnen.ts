import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The logs stay append-only: updates and TRUNCATE are always refused. The one delete allowed is
 * destruction at the end of a retention term, and only of what has one: login records in the
 * audit log older than six months (VNG Selectielijst 2020, 19.24), by a transaction that sets
 * `loket.vernietigen = 'aan'` (the retention job).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create or replace function weiger_wijziging() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and tg_table_name = 'audit_log' and coalesce(current_setting('loket.vernietigen', true), '') = 'aan' then
        if old.actie in ('aanmelden', 'afmelden', 'overal-afmelden') and old.tijdstip < now() - interval '6 months' then
          return old;
        end if;
      end if;
      raise exception 'tabel % is alleen-toevoegen', tg_table_name;
    end $$`,
    `create trigger audit_log_geen_truncate before truncate on audit_log
      for each statement execute function weiger_wijziging()`,
    `create trigger verwerking_log_geen_truncate before truncate on verwerking_log
      for each statement execute function weiger_wijziging()`,
  ]);
}
