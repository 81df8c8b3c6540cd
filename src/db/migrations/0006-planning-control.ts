import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Planning & control register (ADR 0009): documents per gemeente, soort and jaar; their numbered
 * versions (concept → aangeboden → vastgesteld); per version the programme chapters as validated
 * JSON documents. A vastgesteld version never changes: the triggers below refuse any change to
 * it or its chapters (SQLSTATE LK409), whatever code tries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table pc_document (
      gemeente text not null references gemeente(code),
      id uuid not null,
      soort text not null check (soort in ('programmabegroting','voorjaarsnota','jaarstukken')),
      jaar integer not null check (jaar between 1900 and 2200),
      aangemaakt_op timestamptz not null default now(),
      primary key (gemeente, id),
      unique (gemeente, soort, jaar)
    )`,
    `
    create table pc_versie (
      gemeente text not null,
      id uuid not null,
      document_id uuid not null,
      volgnummer integer not null check (volgnummer > 0),
      naam text not null default '',
      status text not null default 'concept' check (status in ('concept','aangeboden','vastgesteld')),
      vastgesteld_op date,
      versie integer not null default 1,
      aangemaakt_op timestamptz not null default now(),
      gewijzigd_op timestamptz not null default now(),
      primary key (gemeente, id),
      unique (gemeente, document_id, volgnummer),
      foreign key (gemeente, document_id) references pc_document(gemeente, id),
      -- Only a vastgesteld version has a council date; the API requires it when setting the status,
      -- a document imported after the fact may lack it when the text does not print it.
      check (status = 'vastgesteld' or vastgesteld_op is null)
    )`,
    `
    create table pc_programma (
      gemeente text not null,
      versie_id uuid not null,
      slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      naam text not null,
      volgorde integer not null,
      hoofdstuk jsonb not null,
      aanvullingen jsonb not null,
      versie integer not null default 1,
      gewijzigd_op timestamptz not null default now(),
      primary key (gemeente, versie_id, slug),
      foreign key (gemeente, versie_id) references pc_versie(gemeente, id)
    )`,
    `
    create or replace function pc_vastgesteld_onveranderlijk() returns trigger language plpgsql as $$
    declare
      rij record;
      status_nu text;
    begin
      if tg_table_name = 'pc_versie' then
        if old.status = 'vastgesteld' then
          raise exception 'versie % is vastgesteld en verandert niet meer', old.volgnummer using errcode = 'LK409';
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end if;
      if tg_op = 'DELETE' then rij := old; else rij := new; end if;
      select status into status_nu from pc_versie where gemeente = rij.gemeente and id = rij.versie_id;
      if status_nu = 'vastgesteld' then
        raise exception 'de versie van programma % is vastgesteld en verandert niet meer', rij.slug using errcode = 'LK409';
      end if;
      if tg_op = 'UPDATE' and (old.gemeente <> new.gemeente or old.versie_id <> new.versie_id) then
        raise exception 'een programma verhuist niet naar een andere versie' using errcode = 'LK409';
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$`,
    `
    create trigger pc_versie_vastgesteld before update or delete on pc_versie
      for each row execute function pc_vastgesteld_onveranderlijk()`,
    `
    create trigger pc_programma_vastgesteld before insert or update or delete on pc_programma
      for each row execute function pc_vastgesteld_onveranderlijk()`,
    `
    create trigger pc_geen_truncate before truncate on pc_versie
      for each statement execute function weiger_wijziging()`,
  ]);
}
