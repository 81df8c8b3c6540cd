import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * A resident's reply that staff have not acted on yet (docs/zaken-api.md): part of the stored
 * projection of a zaak (ADR 0012), for the marker and the filter of the work queue. Existing
 * zaken get it from their history: the first reply by the resident after the last event by
 * staff, an assignment not counted (the same rule as `staffHandeling` in zaken.projectie.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table zaak add column nieuwe_reactie_op timestamptz`,
    `
    update zaak z set nieuwe_reactie_op = (
      select min(r.op) from zaak_gebeurtenis r
      where r.gemeente = z.gemeente and r.zaak_id = z.id and r.soort = 'reactie' and r.door_inwoner
        and r.volgnummer > coalesce((
          select max(s.volgnummer) from zaak_gebeurtenis s
          where s.gemeente = z.gemeente and s.zaak_id = z.id and not s.door_inwoner
            and (s.door_gebruiker is not null or s.door_naam is not null) and s.soort <> 'toewijzing'
        ), 0)
    )
    where exists (select 1 from zaak_gebeurtenis r where r.gemeente = z.gemeente and r.zaak_id = z.id and r.soort = 'reactie')`,
    `
    create index zaak_open_nieuwe_reactie on zaak (gemeente, uiterlijke_einddatum, id) where afgesloten_op is null and nieuwe_reactie_op is not null`,
  ]);
}
