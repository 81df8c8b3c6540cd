import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Zaaktypen (versioned catalogue per gemeente) and zaken with their append-only history
 * (ADR 0012). A zaak's deadline columns are a cached projection of its history, recomputed by
 * the service in the transaction that appends an event; the history is the source of truth.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table zaaktype (
      gemeente text not null references gemeente(code),
      id uuid not null,
      code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      versie integer not null check (versie >= 1),
      naam_nl text not null,
      naam_en text not null,
      omschrijving_nl text not null default '',
      omschrijving_en text not null default '',
      rechtsgrond text not null default '',
      norm text not null,
      opschorting_toegestaan boolean not null default false,
      verlenging_toegestaan boolean not null default false,
      max_verlenging text,
      standaard_team_id uuid,
      vertrouwelijkheid text not null default 'zaakvertrouwelijk',
      geldig_vanaf date,
      status text not null default 'concept' check (status in ('concept', 'gepubliceerd')),
      gepubliceerd_op timestamptz,
      revisie integer not null default 1,
      aangemaakt_op timestamptz not null default now(),
      gewijzigd_op timestamptz not null default now(),
      primary key (gemeente, id),
      unique (gemeente, code, versie),
      foreign key (gemeente, standaard_team_id) references team(gemeente, id),
      check (verlenging_toegestaan = (max_verlenging is not null))
    )`,
    `
    -- At most one concept per code: a new version is drafted, then published.
    create unique index zaaktype_een_concept on zaaktype (gemeente, code) where status = 'concept'`,
    `
    create table statustype (
      gemeente text not null,
      zaaktype_id uuid not null,
      volgnummer integer not null check (volgnummer between 1 and 99),
      naam text not null,
      tekst_nl text not null,
      tekst_en text not null,
      informeren boolean not null default false,
      primary key (gemeente, zaaktype_id, volgnummer),
      foreign key (gemeente, zaaktype_id) references zaaktype(gemeente, id) on delete cascade
    )`,
    `
    create table resultaattype (
      gemeente text not null,
      zaaktype_id uuid not null,
      id uuid not null,
      naam text not null,
      tekst_nl text not null default '',
      tekst_en text not null default '',
      archiefnominatie text not null check (archiefnominatie in ('blijvend_bewaren', 'vernietigen')),
      bewaartermijn text check (bewaartermijn ~ '^P[0-9]{1,3}[YM]$'),
      selectielijstklasse text not null,
      primary key (gemeente, id),
      foreign key (gemeente, zaaktype_id) references zaaktype(gemeente, id) on delete cascade,
      check ((archiefnominatie = 'vernietigen') = (bewaartermijn is not null))
    )`,
    `
    create index resultaattype_zaaktype on resultaattype (gemeente, zaaktype_id)`,
    `
    -- Zaak numbers per gemeente and year: Z-2026-000123.
    create table zaak_teller (
      gemeente text not null references gemeente(code),
      jaar integer not null,
      laatste integer not null,
      primary key (gemeente, jaar)
    )`,
    `
    create table zaak (
      gemeente text not null references gemeente(code),
      id uuid not null,
      identificatie text not null,
      zaaktype_id uuid not null,
      onderwerp text not null,
      omschrijving text not null default '',
      kanaal text not null check (kanaal in ('balie', 'telefoon', 'e-mail', 'web', 'app', 'post', 'sociale-media')),
      ontvangstdatum date not null,
      registratie_op timestamptz not null,
      vertrouwelijkheid text not null check (vertrouwelijkheid in ('openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim')),
      team_id uuid not null,
      behandelaar_id uuid references gebruiker(id),
      status_volgnummer integer not null,
      oorspronkelijke_einddatum date not null,
      uiterlijke_einddatum date not null,
      opgeschort boolean not null default false,
      afgesloten_op timestamptz,
      resultaattype_id uuid,
      archiefactiedatum date,
      volgcode_hash text not null,
      taal text not null default 'nl' check (taal in ('nl', 'en')),
      versie integer not null default 1,
      primary key (gemeente, id),
      unique (gemeente, identificatie),
      unique (gemeente, volgcode_hash),
      foreign key (gemeente, zaaktype_id) references zaaktype(gemeente, id),
      foreign key (gemeente, team_id) references team(gemeente, id),
      foreign key (gemeente, zaaktype_id, status_volgnummer) references statustype(gemeente, zaaktype_id, volgnummer),
      foreign key (gemeente, resultaattype_id) references resultaattype(gemeente, id)
    )`,
    `
    -- Work queues: open zaken per team / per behandelaar / of the whole gemeente, by deadline.
    create index zaak_open_team on zaak (gemeente, team_id, uiterlijke_einddatum, id) where afgesloten_op is null`,
    `
    create index zaak_open_behandelaar on zaak (gemeente, behandelaar_id, uiterlijke_einddatum, id) where afgesloten_op is null`,
    `
    create index zaak_open on zaak (gemeente, uiterlijke_einddatum, id) where afgesloten_op is null`,
    `
    create index zaak_gesloten on zaak (gemeente, uiterlijke_einddatum, id) where afgesloten_op is not null`,
    `
    -- The resident of a zaak: only the contact data needed to keep them informed.
    create table betrokkene (
      gemeente text not null,
      zaak_id uuid not null,
      naam text not null default '',
      email text,
      telefoon text,
      taal text not null default 'nl' check (taal in ('nl', 'en')),
      primary key (gemeente, zaak_id),
      foreign key (gemeente, zaak_id) references zaak(gemeente, id)
    )`,
    `
    -- The zaak's history: append-only, the source of truth for status, deadline and result.
    create table zaak_gebeurtenis (
      gemeente text not null,
      zaak_id uuid not null,
      volgnummer integer not null,
      soort text not null check (soort in ('aangemaakt', 'status', 'notitie', 'bericht', 'opschorting', 'opschorting-einde', 'verlenging', 'toewijzing', 'resultaat', 'document', 'reactie', 'relatie')),
      gegevens jsonb not null default '{}'::jsonb,
      extern boolean not null default false,
      door_gebruiker uuid references gebruiker(id),
      door_naam text,
      door_inwoner boolean not null default false,
      op timestamptz not null,
      primary key (gemeente, zaak_id, volgnummer),
      foreign key (gemeente, zaak_id) references zaak(gemeente, id)
    )`,
    `
    create trigger zaak_gebeurtenis_alleen_toevoegen before update or delete on zaak_gebeurtenis
      for each row execute function weiger_wijziging()`,
    `
    create trigger zaak_gebeurtenis_geen_truncate before truncate on zaak_gebeurtenis
      for each statement execute function weiger_wijziging()`,
    `
    create table zaak_relatie (
      gemeente text not null,
      zaak_id uuid not null,
      andere_zaak_id uuid not null,
      soort text not null check (soort in ('vervolg', 'onderwerp', 'bijdrage', 'gerelateerd')),
      aangemaakt_op timestamptz not null,
      primary key (gemeente, zaak_id, andere_zaak_id),
      foreign key (gemeente, zaak_id) references zaak(gemeente, id),
      foreign key (gemeente, andere_zaak_id) references zaak(gemeente, id),
      check (zaak_id <> andere_zaak_id)
    )`,
    `
    create table zaak_document (
      gemeente text not null,
      zaak_id uuid not null,
      id uuid not null,
      bestandsnaam text not null,
      mediatype text not null,
      grootte integer not null,
      sha256 text not null,
      inhoud bytea not null,
      extern boolean not null default false,
      aangemaakt_op timestamptz not null,
      door_gebruiker uuid references gebruiker(id),
      primary key (gemeente, id),
      foreign key (gemeente, zaak_id) references zaak(gemeente, id)
    )`,
    `
    create index zaak_document_zaak on zaak_document (gemeente, zaak_id)`,
  ]);
}
