import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/** A zaak's history can record that staff issued a new tracking code (ADR 0019). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table zaak_gebeurtenis drop constraint zaak_gebeurtenis_soort_check`,
    `alter table zaak_gebeurtenis add constraint zaak_gebeurtenis_soort_check check (soort in (
      'aangemaakt', 'status', 'notitie', 'bericht', 'opschorting', 'opschorting-einde', 'verlenging',
      'toewijzing', 'resultaat', 'document', 'reactie', 'relatie', 'volgcode'))`,
  ]);
}
