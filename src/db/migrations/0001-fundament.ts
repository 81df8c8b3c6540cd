import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/** Foundation: gemeenten, staff, teams, sessions, tokens, audit and processing logs, idempotency, mail outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table gemeente (
      code text primary key check (code ~ '^GM[0-9]{4}$'),
      naam text not null,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      domein text,
      thema jsonb not null default '{}'::jsonb,
      aangemaakt_op timestamptz not null default now()
    )`,
    `
    -- A staff identity is installation-wide (Duo+ staff work for several gemeenten);
    -- what they may do is always per gemeente (gebruiker_rol).
    create table gebruiker (
      id uuid primary key,
      email text not null,
      naam text not null,
      wachtwoord_hash text not null,
      totp_geheim text,
      totp_bevestigd boolean not null default false,
      totp_laatste_stap bigint not null default 0,
      actief boolean not null default true,
      mislukte_pogingen integer not null default 0,
      geblokkeerd_tot timestamptz,
      versie integer not null default 1,
      aangemaakt_op timestamptz not null default now(),
      gewijzigd_op timestamptz not null default now()
    )`,
    `
    create unique index gebruiker_email_uniek on gebruiker (lower(email))`,
    `
    create table gebruiker_rol (
      gemeente text not null references gemeente(code),
      gebruiker_id uuid not null references gebruiker(id),
      rol text not null check (rol in ('beheerder','teamleider','behandelaar','kcc-medewerker','webredacteur','pc-adviseur','externe-partner')),
      primary key (gemeente, gebruiker_id, rol)
    )`,
    `
    create index gebruiker_rol_gebruiker on gebruiker_rol (gebruiker_id)`,
    `
    create table team (
      gemeente text not null references gemeente(code),
      id uuid not null,
      naam text not null,
      omschrijving text not null default '',
      versie integer not null default 1,
      aangemaakt_op timestamptz not null default now(),
      gewijzigd_op timestamptz not null default now(),
      primary key (gemeente, id)
    )`,
    `
    create unique index team_naam_uniek on team (gemeente, lower(naam))`,
    `
    create table team_lid (
      gemeente text not null,
      team_id uuid not null,
      gebruiker_id uuid not null references gebruiker(id),
      primary key (gemeente, team_id, gebruiker_id),
      foreign key (gemeente, team_id) references team(gemeente, id) on delete cascade
    )`,
    `
    create table sessie (
      id_hash text primary key,
      gebruiker_id uuid not null references gebruiker(id),
      mfa_voltooid boolean not null default false,
      csrf_token text not null,
      aangemaakt_op timestamptz not null default now(),
      laatst_actief_op timestamptz not null default now(),
      verloopt_op timestamptz not null
    )`,
    `
    create index sessie_gebruiker on sessie (gebruiker_id)`,
    `
    create table api_token (
      gemeente text not null references gemeente(code),
      id uuid not null,
      naam text not null,
      token_hash text not null unique,
      rollen text[] not null,
      verloopt_op timestamptz not null,
      ingetrokken_op timestamptz,
      aangemaakt_door uuid references gebruiker(id),
      aangemaakt_op timestamptz not null default now(),
      primary key (gemeente, id)
    )`,
    `
    -- Append-only security/audit log (BIO2 8.15.01: action, object, result, origin, actor, time).
    -- gemeente is null for installation-wide events such as a login.
    create table audit_log (
      id bigint generated always as identity primary key,
      gemeente text references gemeente(code),
      tijdstip timestamptz not null default now(),
      actor_type text not null,
      actor_id text,
      actor_naam text,
      actie text not null,
      object_type text,
      object_id text,
      resultaat text not null,
      herkomst text,
      trace_id text,
      details jsonb not null default '{}'::jsonb
    )`,
    `
    create index audit_log_gemeente_tijd on audit_log (gemeente, tijdstip desc)`,
    `
    -- Logboek Dataverwerkingen: one record per action per data subject; no user identity
    -- (joined to audit_log through trace_id).
    create table verwerking_log (
      id bigint generated always as identity primary key,
      gemeente text not null references gemeente(code),
      trace_id text not null,
      span_id text not null,
      naam text not null,
      verwerkingsactiviteit text not null,
      grondslag text not null,
      betrokkene_type text not null,
      betrokkene_id text not null,
      status text not null,
      begin_op timestamptz not null,
      eind_op timestamptz not null
    )`,
    `
    create index verwerking_log_gemeente_tijd on verwerking_log (gemeente, begin_op desc)`,
    `
    create index verwerking_log_trace on verwerking_log (trace_id)`,
    `
    create or replace function weiger_wijziging() returns trigger language plpgsql as $$
    begin
      raise exception 'tabel % is alleen-toevoegen', tg_table_name;
    end $$`,
    `
    create trigger audit_log_alleen_toevoegen before update or delete on audit_log
      for each row execute function weiger_wijziging()`,
    `
    create trigger verwerking_log_alleen_toevoegen before update or delete on verwerking_log
      for each row execute function weiger_wijziging()`,
    `
    create table idempotentie (
      sleutel text not null,
      principaal text not null,
      methode text not null,
      pad text not null,
      verzoek_hash text not null,
      status integer not null,
      antwoord jsonb,
      headers jsonb not null default '{}'::jsonb,
      aangemaakt_op timestamptz not null default now(),
      primary key (principaal, sleutel)
    )`,
    `
    create table bericht (
      gemeente text not null references gemeente(code),
      id uuid not null,
      aan text not null,
      onderwerp text not null,
      tekst text not null,
      html text,
      status text not null default 'wachtend' check (status in ('wachtend','verzonden','mislukt','niet-verzonden')),
      pogingen integer not null default 0,
      laatste_fout text,
      aangemaakt_op timestamptz not null default now(),
      verzonden_op timestamptz,
      primary key (gemeente, id)
    )`,
    `
    create index bericht_gemeente_tijd on bericht (gemeente, aangemaakt_op desc)`,
  ]);
}
