import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Two parts of the klantcontactcentrum.
 *
 * Contactverzoeken (callback requests, ADR 0048): a request from the KCC to a team or a named
 * staff member to contact a resident, with a deadline from the calendar (a norm per onderwerp in
 * werkdagen), a status, attempts and an outcome. What happens to a request is appended to its
 * history; the resident's data is a row of its own, erased after its retention term. The
 * reminder and the escalation are recorded once per request (`contactverzoek_melding`).
 *
 * The knowledge base (ADR 0049): articles per onderwerp with an owning team and a review date,
 * each change a new version in an append-only history; Dutch full-text search (the `dutch`
 * stemmer after `unaccent`) plus trigrams (pg_trgm) for typos; reports that an article or a
 * process is wrong become a task for the owning team, who answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    -- The norm per onderwerp (werkdagen); an onderwerp without one gets the default (2).
    create table contactverzoek_norm (
      gemeente text not null references gemeente(code),
      onderwerp text not null,
      werkdagen integer not null check (werkdagen between 1 and 60),
      primary key (gemeente, onderwerp)
    )`,
    `
    create table contactverzoek (
      gemeente text not null references gemeente(code),
      id uuid not null,
      onderwerp text not null,
      vraag text not null,
      -- For the staff member who calls back; never shown to the resident.
      toelichting text not null default '',
      team_id uuid,
      medewerker_id uuid references gebruiker(id),
      -- The klantcontact this request came from (its outcome: contactverzoek-gemaakt).
      klantcontact_id uuid,
      status text not null default 'open' check (status in ('open', 'in-behandeling', 'afgerond', 'niet-bereikt')),
      norm_werkdagen integer not null check (norm_werkdagen >= 1),
      -- The last day (Europe/Amsterdam) the resident should have been contacted.
      uiterlijk_op date not null,
      behandelaar_id uuid references gebruiker(id),
      uitkomst text,
      aangemaakt_op timestamptz not null,
      afgehandeld_op timestamptz,
      door_type text not null check (door_type in ('gebruiker', 'token', 'cli', 'systeem')),
      door_gebruiker uuid references gebruiker(id),
      door_naam text,
      versie integer not null default 1,
      primary key (gemeente, id),
      foreign key (gemeente, team_id) references team(gemeente, id),
      foreign key (gemeente, klantcontact_id) references klantcontact(gemeente, id),
      check (team_id is not null or medewerker_id is not null),
      check ((status in ('afgerond', 'niet-bereikt')) = (afgehandeld_op is not null)),
      check (status <> 'afgerond' or uitkomst is not null)
    )`,
    `
    -- The queues: open requests of a team or a person by deadline.
    create index contactverzoek_team_open on contactverzoek (gemeente, team_id, uiterlijk_op, id) where afgehandeld_op is null`,
    `
    create index contactverzoek_medewerker_open on contactverzoek (gemeente, medewerker_id, uiterlijk_op, id) where afgehandeld_op is null`,
    `
    -- The watcher: every open request by deadline.
    create index contactverzoek_open on contactverzoek (gemeente, uiterlijk_op, id) where afgehandeld_op is null`,
    `
    -- The measure: requests handled in a period.
    create index contactverzoek_afgehandeld on contactverzoek (gemeente, afgehandeld_op) include (uiterlijk_op) where afgehandeld_op is not null`,
    `
    -- The resident to call back: only what is needed. Erased a year after the request was handled.
    create table contactverzoek_persoon (
      gemeente text not null,
      contactverzoek_id uuid not null,
      naam text not null default '',
      telefoon text,
      email text,
      primary key (gemeente, contactverzoek_id),
      foreign key (gemeente, contactverzoek_id) references contactverzoek(gemeente, id),
      check (telefoon is not null or email is not null)
    )`,
    `
    -- Everything that happened to a request, attempts included. Append-only.
    create table contactverzoek_gebeurtenis (
      gemeente text not null,
      contactverzoek_id uuid not null,
      volgnummer integer not null check (volgnummer >= 1),
      soort text not null check (soort in ('aangemaakt', 'opgepakt', 'poging', 'afgerond', 'niet-bereikt', 'herinnering', 'escalatie', 'bevestiging', 'persoon-gewist')),
      gegevens jsonb not null default '{}'::jsonb,
      door_gebruiker uuid references gebruiker(id),
      door_naam text,
      op timestamptz not null,
      primary key (gemeente, contactverzoek_id, volgnummer),
      foreign key (gemeente, contactverzoek_id) references contactverzoek(gemeente, id)
    )`,
    `
    create trigger contactverzoek_gebeurtenis_alleen_toevoegen before update or delete on contactverzoek_gebeurtenis
      for each row execute function weiger_wijziging()`,
    `
    create trigger contactverzoek_gebeurtenis_geen_truncate before truncate on contactverzoek_gebeurtenis
      for each statement execute function weiger_wijziging()`,
    `
    -- The reminder before and the escalation after the deadline: each once per request.
    create table contactverzoek_melding (
      gemeente text not null,
      contactverzoek_id uuid not null,
      soort text not null check (soort in ('herinnering', 'escalatie')),
      ontvangers jsonb not null default '[]',
      verstuurd_op timestamptz not null,
      primary key (gemeente, contactverzoek_id, soort),
      foreign key (gemeente, contactverzoek_id) references contactverzoek(gemeente, id)
    )`,
    `
    create extension if not exists pg_trgm`,
    `
    create extension if not exists unaccent`,
    `
    -- unaccent() is only stable (its dictionary could change); the search needs it in a generated
    -- column and an index, so this wrapper names the dictionary and is declared immutable.
    create or replace function loket_unaccent(tekst text) returns text
      language sql immutable parallel safe strict
      as $$ select public.unaccent('public.unaccent'::regdictionary, tekst) $$`,
    `
    -- Dutch stemming after removing accents: "reïntegratie" finds "reintegratie", "café" "cafe".
    create text search configuration loket_nl (copy = dutch)`,
    `
    alter text search configuration loket_nl alter mapping for hword, hword_part, word with unaccent, dutch_stem`,
    `
    create table kennisartikel (
      gemeente text not null references gemeente(code),
      id uuid not null,
      soort text not null check (soort in ('vraag-antwoord', 'werkinstructie', 'webpagina')),
      onderwerp text not null,
      titel text not null,
      -- The answer, the instruction, or a summary of the web page.
      inhoud text not null default '',
      trefwoorden text not null default '',
      url text,
      team_id uuid not null,
      -- The owning team looks at the article again on or before this day.
      herzien_op date not null,
      versie integer not null default 1,
      gewijzigd_op timestamptz not null,
      zoekvector tsvector generated always as (
        setweight(to_tsvector('loket_nl'::regconfig, titel), 'A')
        || setweight(to_tsvector('loket_nl'::regconfig, onderwerp || ' ' || trefwoorden), 'B')
        || setweight(to_tsvector('loket_nl'::regconfig, inhoud), 'C')
      ) stored,
      -- Title, onderwerp and keywords only: what the search ranks by (small, so cheap to rank).
      kopvector tsvector generated always as (
        setweight(to_tsvector('loket_nl'::regconfig, titel), 'A')
        || setweight(to_tsvector('loket_nl'::regconfig, onderwerp || ' ' || trefwoorden), 'B')
      ) stored,
      -- Title, onderwerp and keywords without accents, in lower case: the trigram search for typos.
      zoektekst text generated always as (lower(loket_unaccent(titel || ' ' || onderwerp || ' ' || trefwoorden))) stored,
      primary key (gemeente, id),
      foreign key (gemeente, team_id) references team(gemeente, id),
      check (soort <> 'webpagina' or url is not null)
    )`,
    `
    create index kennisartikel_zoekvector on kennisartikel using gin (zoekvector)`,
    `
    create index kennisartikel_zoektekst on kennisartikel using gin (zoektekst gin_trgm_ops)`,
    `
    create index kennisartikel_team_herzien on kennisartikel (gemeente, team_id, herzien_op)`,
    `
    create index kennisartikel_titel on kennisartikel (gemeente, titel, id)`,
    `
    -- Every version of an article as it was written. Append-only.
    create table kennisartikel_versie (
      gemeente text not null,
      artikel_id uuid not null,
      versie integer not null check (versie >= 1),
      soort text not null,
      onderwerp text not null,
      titel text not null,
      inhoud text not null,
      trefwoorden text not null,
      url text,
      team_id uuid not null,
      herzien_op date not null,
      -- Why it changed (e.g. the report it answers).
      toelichting text not null default '',
      door_gebruiker uuid references gebruiker(id),
      door_naam text,
      op timestamptz not null,
      primary key (gemeente, artikel_id, versie),
      foreign key (gemeente, artikel_id) references kennisartikel(gemeente, id)
    )`,
    `
    create trigger kennisartikel_versie_alleen_toevoegen before update or delete on kennisartikel_versie
      for each row execute function weiger_wijziging()`,
    `
    create trigger kennisartikel_versie_geen_truncate before truncate on kennisartikel_versie
      for each statement execute function weiger_wijziging()`,
    `
    -- "Deze informatie klopt niet / is onvolledig / is onduidelijk" on an article, or an error in
    -- information or a process reported by any staff member: a task for the owning team.
    create table kennis_melding (
      gemeente text not null references gemeente(code),
      id uuid not null,
      artikel_id uuid,
      -- The version the reporter read.
      artikel_versie integer,
      soort text not null check (soort in ('klopt-niet', 'onvolledig', 'onduidelijk', 'fout-in-informatie', 'fout-in-proces')),
      toelichting text not null,
      team_id uuid not null,
      status text not null default 'open' check (status in ('open', 'afgehandeld')),
      antwoord text,
      -- The version of the article that corrects it, if the article changed.
      gecorrigeerd_in_versie integer,
      gemeld_door uuid references gebruiker(id),
      gemeld_door_naam text not null,
      gemeld_op timestamptz not null,
      afgehandeld_door uuid references gebruiker(id),
      afgehandeld_door_naam text,
      afgehandeld_op timestamptz,
      primary key (gemeente, id),
      foreign key (gemeente, artikel_id) references kennisartikel(gemeente, id),
      foreign key (gemeente, team_id) references team(gemeente, id),
      check ((status = 'afgehandeld') = (afgehandeld_op is not null)),
      check (status = 'open' or antwoord is not null),
      check (artikel_id is not null or soort in ('fout-in-informatie', 'fout-in-proces'))
    )`,
    `
    create index kennis_melding_team_open on kennis_melding (gemeente, team_id, gemeld_op) where status = 'open'`,
    `
    create index kennis_melding_melder on kennis_melding (gemeente, gemeld_door, gemeld_op desc)`,
  ]);
}
