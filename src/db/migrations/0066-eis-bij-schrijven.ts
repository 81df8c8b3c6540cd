import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * `loket_eis(voldaan, code)`: true when `voldaan`, else it fails the statement it is in with
 * SQLSTATE LK001 (class LK: Loket's own; `EIS_SQLSTATE` in verzoek-transactie.ts) and `code` as
 * its message (ADR 0100). The kept writes of a request, sent as one statement without BEGIN
 * (ADR 0096), use it for a write that must touch a row: the statement as a whole — every write in
 * it — then fails inside PostgreSQL, before anything is committed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create function loket_eis(voldaan boolean, code text) returns boolean language plpgsql volatile as $$
begin
  if voldaan is not true then
    raise exception using errcode = 'LK001', message = code;
  end if;
  return true;
end
$$`,
  ]);
}
