import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Aggregated customer journeys per product (issue 10, ADR 0081) read the zaken of one zaaktype
 * registered in a period; the KPI klantcontacten-herhaalcontact finds a person's earlier contacts
 * by telephone number as 0048 finds them by e-mail address.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index zaak_zaaktype_registratie on zaak (gemeente, zaaktype_id, registratie_op)`,
    `create index klantcontact_persoon_telefoon on klantcontact_persoon (gemeente, telefoon) where telefoon is not null`,
  ]);
}
