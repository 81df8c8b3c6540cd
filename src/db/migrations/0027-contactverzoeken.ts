import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Contactverzoeken (callback requests, ADR 0048): a request from the KCC to a team or a named
 * staff member to contact a resident, with a deadline from the calendar (a norm per onderwerp in
 * werkdagen), a status, attempts and an outcome. What happens to a request is appended to its
 * history; the resident's data is a row of its own, erased after its retention term. The
 * reminder and the escalation are recorded once per request (`contactverzoek_melding`).
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
  ]);
}
