import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The public map's cache per grid cell (issue 12, ADR 0076). Every node keeps the open public
 * meldingen of a cell of 0.01° × 0.01°; these triggers tell every node, in the transaction of the
 * change (so at commit, ADR 0023), which cell changed, whatever code path made the change:
 * - a melding inserted, moved, re-categorised or deleted: the cell of its old and new point;
 * - its zaak closed or reopened (`zaak.afgesloten_op`): the cell of its melding;
 * - a category changed (for instance taken off the public map): every cell (`*`).
 * A cell is `floor(lon * 100):floor(lat * 100)` in double precision, as `meldingen.kaart.ts`
 * computes it, so both sides agree to the bit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create function melding_kaartcel_sein() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.lat is not null then
        perform pg_notify('loket_meldingen_kaart', floor(old.lon * 100)::bigint || ':' || floor(old.lat * 100)::bigint);
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.lat is not null then
        perform pg_notify('loket_meldingen_kaart', floor(new.lon * 100)::bigint || ':' || floor(new.lat * 100)::bigint);
      end if;
      return null;
    end $$`,
    `create trigger melding_kaartcel after insert or update or delete on melding for each row execute function melding_kaartcel_sein()`,
    `create function zaak_kaartcel_sein() returns trigger language plpgsql as $$
    declare
      m record;
    begin
      for m in select lat, lon from melding where gemeente = new.gemeente and zaak_id = new.id and lat is not null loop
        perform pg_notify('loket_meldingen_kaart', floor(m.lon * 100)::bigint || ':' || floor(m.lat * 100)::bigint);
      end loop;
      return null;
    end $$`,
    `create trigger zaak_kaartcel after update of afgesloten_op on zaak for each row when (old.afgesloten_op is distinct from new.afgesloten_op) execute function zaak_kaartcel_sein()`,
    `create function melding_categorie_kaart_sein() returns trigger language plpgsql as $$
    begin
      perform pg_notify('loket_meldingen_kaart', '*');
      return null;
    end $$`,
    `create trigger melding_categorie_kaart after insert or update or delete on melding_categorie for each statement execute function melding_categorie_kaart_sein()`,
  ]);
}
