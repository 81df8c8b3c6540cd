import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The English name of a step for the staff app's English pages (the Dutch `naam` stays the
 * internal name; `tekst_en` is what the resident reads). Empty for existing steps: the staff
 * app then shows the Dutch name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`alter table statustype add column naam_en text not null default ''`]);
}
