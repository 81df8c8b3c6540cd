import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * A concept's photos without a foreign key (ADR 0101). Every melding sent from the resident form
 * deletes its concept in the melding's one statement (ADR 0100); the foreign key of
 * `melding_concept_foto` made PostgreSQL run its cascade for every such delete, photos or not
 * (a query of its own per concept). The same rules now hold by triggers that run only when there
 * is something to do:
 * - `melding_concept.aantal_fotos` counts the concept's photos, kept by the photo triggers alone;
 * - a photo is added only to a concept that is there: its insert raises the count, in the
 *   concept's row, and fails with SQLSTATE 23503 (as the foreign key did) when there is none;
 *   a concurrent delete of the concept waits for that row, and then deletes the photo too;
 * - a photo deleted lowers the count;
 * - a concept deleted deletes its photos, only when it has any (`when (old.aantal_fotos > 0)`);
 * - the keys of both tables never change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table melding_concept add column aantal_fotos smallint not null default 0 check (aantal_fotos between 0 and 3)`,
    `update melding_concept c set aantal_fotos = f.aantal
     from (select gemeente, sleutel_hash, count(*) as aantal from melding_concept_foto group by gemeente, sleutel_hash) f
     where f.gemeente = c.gemeente and f.sleutel_hash = c.sleutel_hash`,
    `alter table melding_concept_foto drop constraint melding_concept_foto_gemeente_sleutel_hash_fkey`,
    `create function melding_concept_foto_tel() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    update melding_concept set aantal_fotos = aantal_fotos + 1 where gemeente = new.gemeente and sleutel_hash = new.sleutel_hash;
    if not found then
      raise exception using errcode = 'foreign_key_violation', message = 'melding_concept_foto: no concept ' || new.gemeente || '/' || new.sleutel_hash;
    end if;
    return new;
  end if;
  update melding_concept set aantal_fotos = aantal_fotos - 1 where gemeente = old.gemeente and sleutel_hash = old.sleutel_hash;
  return old;
end
$$`,
    `create trigger melding_concept_foto_erbij before insert on melding_concept_foto for each row execute function melding_concept_foto_tel()`,
    `create trigger melding_concept_foto_eraf after delete on melding_concept_foto for each row execute function melding_concept_foto_tel()`,
    `create function melding_concept_fotos_weg() returns trigger language plpgsql as $$
begin
  delete from melding_concept_foto where gemeente = old.gemeente and sleutel_hash = old.sleutel_hash;
  return null;
end
$$`,
    `create trigger melding_concept_fotos_weg after delete on melding_concept for each row when (old.aantal_fotos > 0) execute function melding_concept_fotos_weg()`,
    `create function melding_concept_sleutel_vast() returns trigger language plpgsql as $$
begin
  raise exception using errcode = 'restrict_violation', message = tg_table_name || ': the key (gemeente, sleutel_hash) never changes';
end
$$`,
    `create trigger melding_concept_sleutel_vast before update of gemeente, sleutel_hash on melding_concept for each row
     when (old.gemeente is distinct from new.gemeente or old.sleutel_hash is distinct from new.sleutel_hash) execute function melding_concept_sleutel_vast()`,
    `create trigger melding_concept_foto_sleutel_vast before update of gemeente, sleutel_hash on melding_concept_foto for each row
     when (old.gemeente is distinct from new.gemeente or old.sleutel_hash is distinct from new.sleutel_hash) execute function melding_concept_sleutel_vast()`,
  ]);
}
