import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Teams are kept per node like gemeenten, zaaktypen and Open311 keys (migration 0052, ADR 0084):
 * every zaak's registration reads its team for the receipt mail. A statement trigger tells every
 * node, at the commit of any change to `team`, by the table's name on `loket_stamgegevens`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create trigger team_stamgegevens after insert or update or delete or truncate on team for each statement execute function stamgegevens_sein()`,
  ]);
}
