import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Call records from the telephony platform (ADR 0031): one row per call, keyed by the platform's
 * own id within the gemeente, so importing the same file again adds nothing. A call record holds
 * no caller data (no number, no name), only the queue, times and outcome. Measures read it by the
 * Europe/Amsterdam date of `begin_op` through the index on (gemeente, begin_op).
 *
 * No foreign key to `gemeente`: its check runs once per row and took a third of the database's
 * time of a million-row import (BENCHMARKS.md); the import checks the gemeente once instead, and
 * gemeenten are never deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table kcc_gesprek (
      gemeente text not null,
      gesprek_id text not null check (length(gesprek_id) between 1 and 200),
      wachtrij text not null check (length(wachtrij) between 1 and 200),
      begin_op timestamptz not null,
      wachttijd_s integer not null check (wachttijd_s >= 0),
      afloop text not null check (afloop in ('beantwoord', 'opgehangen', 'buiten-openingstijd')),
      gespreksduur_s integer not null check (gespreksduur_s >= 0),
      doorverbonden_naar text check (length(doorverbonden_naar) between 1 and 200),
      geimporteerd_op timestamptz not null,
      primary key (gemeente, gesprek_id)
    )`,
    'create index kcc_gesprek_begin on kcc_gesprek (gemeente, begin_op)',
  ]);
}
