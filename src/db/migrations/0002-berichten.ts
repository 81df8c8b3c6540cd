import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/** Outbox: a send attempt claims a message until bezig_tot, so two runs of one job never both send it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    alter table bericht add column bezig_tot timestamptz`,
  ]);
}
