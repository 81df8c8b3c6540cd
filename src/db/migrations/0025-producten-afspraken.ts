import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The product catalogue (producten- en dienstencatalogus) and appointments at the balie
 * (issue 14, ADR 0044 and 0045). A slot is never booked twice: an exclusion constraint on the
 * time range of a desk (and of an official) refuses the second booking in the database, also
 * when many residents book at the same moment. Mails can carry attachments (the iCalendar file).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Trusted since PostgreSQL 13: the database owner may create it; PGlite loads it from contrib.
    `create extension if not exists btree_gist`,
    `
    -- Attachments of an outgoing message: [{naam, type, inhoud (base64)}]; small files only (an .ics).
    alter table bericht add column bijlagen jsonb not null default '[]'::jsonb`,
    `
    create table product (
      gemeente text not null references gemeente(code),
      code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      naam_nl text not null,
      naam_en text not null,
      thema text not null,
      -- B1 texts in Dutch and English: {omschrijving, voorWie, kosten, meenemen, aanvragen}: {nl, en}.
      teksten jsonb not null,
      -- How a resident asks for it: an online form, an appointment at the balie, or both.
      aanvragen text not null check (aanvragen in ('formulier', 'afspraak', 'beide')),
      -- Where the online form starts (until Loket has its own forms), or null.
      formulier_url text,
      -- The code of the zaaktype behind it (the catalogue's version applies), or null.
      zaaktype text,
      -- Minutes of one appointment; set when it can be booked.
      afspraak_minuten integer check (afspraak_minuten between 5 and 240),
      -- A ceremony: a room and an official (trouwambtenaar/BABS) the resident picks.
      ambtenaar_kiezen boolean not null default false,
      gepubliceerd boolean not null default true,
      revisie integer not null default 1,
      aangemaakt_op timestamptz not null,
      gewijzigd_op timestamptz not null,
      primary key (gemeente, code),
      check ((aanvragen = 'formulier') = (afspraak_minuten is null))
    )`,
    `
    create table afspraak_locatie (
      gemeente text not null references gemeente(code),
      id uuid not null,
      naam text not null,
      adres text not null,
      primary key (gemeente, id)
    )`,
    `
    -- Opening hours of a location per weekday (1 = Monday … 7 = Sunday), local time (Europe/Amsterdam).
    create table afspraak_openingstijd (
      gemeente text not null,
      locatie_id uuid not null,
      weekdag smallint not null check (weekdag between 1 and 7),
      van time not null,
      tot time not null check (tot > van),
      primary key (gemeente, locatie_id, weekdag, van),
      foreign key (gemeente, locatie_id) references afspraak_locatie(gemeente, id)
    )`,
    `
    -- A desk (balie) or a room (ruimte, for ceremonies) at a location.
    create table afspraak_balie (
      gemeente text not null,
      id uuid not null,
      locatie_id uuid not null,
      naam text not null,
      primary key (gemeente, id),
      foreign key (gemeente, locatie_id) references afspraak_locatie(gemeente, id)
    )`,
    `
    create table afspraak_balie_product (
      gemeente text not null,
      balie_id uuid not null,
      product text not null,
      primary key (gemeente, balie_id, product),
      foreign key (gemeente, balie_id) references afspraak_balie(gemeente, id),
      foreign key (gemeente, product) references product(gemeente, code)
    )`,
    `
    create index afspraak_balie_product_product on afspraak_balie_product (gemeente, product)`,
    `
    -- An official a resident may choose (trouwambtenaar, BABS), with the weekdays they work.
    create table afspraak_ambtenaar (
      gemeente text not null references gemeente(code),
      id uuid not null,
      naam text not null,
      weekdagen smallint[] not null,
      actief boolean not null default true,
      primary key (gemeente, id)
    )`,
    `
    create table afspraak (
      gemeente text not null,
      id uuid not null,
      product text not null,
      balie_id uuid not null,
      ambtenaar_id uuid,
      start timestamptz not null,
      eind timestamptz not null check (eind > start),
      status text not null default 'gepland' check (status in ('gepland', 'geannuleerd', 'ingecheckt', 'geholpen', 'niet-verschenen')),
      -- The resident's data: erased (null) after the retention term by the housekeeping.
      naam text,
      email text,
      telefoon text,
      -- The language of the resident's mails.
      taal text not null default 'nl' check (taal in ('nl', 'en')),
      -- SHA-256 of the secret in the resident's link (cancel, move); the secret itself is never stored.
      token_hash text not null,
      herinnerd_op timestamptz,
      persoon_gewist_op timestamptz,
      aangemaakt_op timestamptz not null,
      gewijzigd_op timestamptz not null,
      primary key (gemeente, id),
      unique (gemeente, token_hash),
      foreign key (gemeente, product) references product(gemeente, code),
      foreign key (gemeente, balie_id) references afspraak_balie(gemeente, id),
      foreign key (gemeente, ambtenaar_id) references afspraak_ambtenaar(gemeente, id),
      -- A desk (or room) holds one appointment at a time, and so does an official: checked by the
      -- database for every insert and update, concurrent ones included (ADR 0044).
      constraint afspraak_balie_vrij exclude using gist (gemeente with =, balie_id with =, tstzrange(start, eind) with &&) where (status <> 'geannuleerd'),
      constraint afspraak_ambtenaar_vrij exclude using gist (gemeente with =, ambtenaar_id with =, tstzrange(start, eind) with &&)
        where (ambtenaar_id is not null and status <> 'geannuleerd')
    )`,
    `
    -- Availability reads the appointments of a period per desk; the reminder and the desk view by start.
    create index afspraak_start on afspraak (gemeente, start) where status <> 'geannuleerd'`,
    `
    -- The limit of open appointments per e-mail address.
    create index afspraak_email on afspraak (gemeente, lower(email)) where status = 'gepland'`,
    `
    -- What happened to an appointment: made, moved, cancelled, reminded, the person's data erased. Append-only.
    create table afspraak_gebeurtenis (
      gemeente text not null,
      afspraak_id uuid not null,
      volgnummer integer not null check (volgnummer >= 1),
      soort text not null check (soort in ('gemaakt', 'verzet', 'geannuleerd', 'herinnerd', 'ingecheckt', 'geholpen', 'niet-verschenen', 'persoon-gewist')),
      gegevens jsonb not null default '{}'::jsonb,
      op timestamptz not null,
      primary key (gemeente, afspraak_id, volgnummer),
      foreign key (gemeente, afspraak_id) references afspraak(gemeente, id)
    )`,
    `
    create trigger afspraak_gebeurtenis_alleen_toevoegen before update or delete on afspraak_gebeurtenis
      for each row execute function weiger_wijziging()`,
  ]);
}
