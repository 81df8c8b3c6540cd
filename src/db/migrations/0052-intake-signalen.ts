import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The meldingen intake in fewer round trips (issue 12, ADR 0084).
 *
 * - A new melding no longer signals its map cell from a trigger. A NOTIFY inside the intake's
 *   transaction holds PostgreSQL's notify lock from before the commit until after its flush, so
 *   the commits of all notifying transactions on the server go one after the other, each with its
 *   own fsync. The meldingen service sends the signal right after the commit instead
 *   (`naCommit`); a melding moved, re-categorised or deleted, a zaak closed or reopened and a
 *   category changed still signal from their triggers (migration 0045): they are rare, and a
 *   trigger cannot be forgotten by a code path.
 * - Gemeenten, zaaktypen and Open311 keys are kept per node (every registration or Open311 post
 *   read them): a statement trigger on each table tells every node, at the commit of any change,
 *   by the table's name on `loket_stamgegevens`. Statement level: one signal per statement,
 *   whatever it changed; these tables change seldom.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `drop trigger melding_kaartcel on melding`,
    `create trigger melding_kaartcel after update or delete on melding for each row execute function melding_kaartcel_sein()`,
    `create function stamgegevens_sein() returns trigger language plpgsql as $$
    begin
      perform pg_notify('loket_stamgegevens', tg_table_name);
      return null;
    end $$`,
    `create trigger gemeente_stamgegevens after insert or update or delete or truncate on gemeente for each statement execute function stamgegevens_sein()`,
    `create trigger zaaktype_stamgegevens after insert or update or delete or truncate on zaaktype for each statement execute function stamgegevens_sein()`,
    `create trigger open311_sleutel_stamgegevens after insert or update or delete or truncate on open311_sleutel for each statement execute function stamgegevens_sein()`,
  ]);
}
