import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * A zaak's term can start at another event than receipt and get another norm of its zaaktype
 * (issue 13, ADR 0036): the zaaktype says whether staff record the start day (`termijn_start`
 * 'gebeurtenis', e.g. the end of the bezwaartermijn) and which other norms a zaak may get
 * (`norm_keuze`, e.g. {P12W} with an adviescommissie); the zaak records it as an event `termijn`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table zaaktype add column termijn_start text not null default 'ontvangst' check (termijn_start in ('ontvangst', 'gebeurtenis'))`,
    `alter table zaaktype add column norm_keuze text[] not null default '{}'`,
    `alter table zaak_gebeurtenis drop constraint zaak_gebeurtenis_soort_check`,
    `alter table zaak_gebeurtenis add constraint zaak_gebeurtenis_soort_check check (soort in (
      'aangemaakt', 'status', 'notitie', 'bericht', 'opschorting', 'opschorting-einde', 'verlenging',
      'toewijzing', 'resultaat', 'document', 'reactie', 'relatie', 'volgcode', 'termijn'))`,
  ]);
}
