import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * A resident's journey (issue 10, klantreizen) finds the person's klantcontacten by e-mail
 * address, as the KCC's search finds zaken by the betrokkene's (index betrokkene_email, 0018).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`create index klantcontact_persoon_email on klantcontact_persoon (gemeente, lower(email)) where email is not null`]);
}
