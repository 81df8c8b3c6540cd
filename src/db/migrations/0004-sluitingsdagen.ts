import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Closure days (sluitingsdagen) of a gemeente: days its offices are closed although they are
 * no weekend or public holiday. Service norms in werkdagen skip them; statutory terms do not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table sluitingsdag (
      gemeente text not null references gemeente(code),
      datum date not null,
      naam text not null check (length(naam) between 1 and 100),
      aangemaakt_op timestamptz not null default now(),
      aangemaakt_door uuid references gebruiker(id),
      primary key (gemeente, datum)
    )`,
  ]);
}
