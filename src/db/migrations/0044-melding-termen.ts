import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The category suggestion learns from earlier meldingen (issue 12, ADR 0075).
 *
 * `melding_term`: per gemeente, category code and word, in how many closed meldingen of that
 * category the word occurred (document frequency). Rebuilt whole per gemeente by the housekeeping
 * job (`meldingen.herbouwTermen`); the classifier reads it. Words only, never a whole text or a
 * reporter. `melding_termen_stand`: when it was rebuilt and from how many meldingen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table melding_term (
      gemeente text not null references gemeente (code),
      categorie_code text not null check (length(categorie_code) between 1 and 50),
      term text not null check (length(term) between 1 and 40),
      aantal integer not null check (aantal >= 1),
      primary key (gemeente, term, categorie_code)
    )`,
    `create table melding_termen_stand (
      gemeente text primary key references gemeente (code),
      herbouwd_op timestamptz not null,
      meldingen integer not null check (meldingen >= 0),
      termen integer not null check (termen >= 0)
    )`,
  ]);
}
