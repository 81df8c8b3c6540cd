import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Meldingen openbare ruimte (ADR 0040) and their Open311 GeoReport v2 clients (ADR 0041). A
 * melding is a zaak (zaaktype `melding-openbare-ruimte`) registered through the zaken service;
 * these tables hold only what the zaak does not: its category, location and extra answers.
 * The reporter's contact data is the zaak's betrokkene, erased by the zaken module's retention.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    -- jurisdiction_id of Open311 is the gemeente's domain: one gemeente per domain.
    create unique index gemeente_domein on gemeente (lower(domein)) where domein is not null`,
    `
    -- Categories per gemeente, main (hoofdcategorie null) and sub, versioned like zaaktypen: a
    -- concept is changed until it is published; a published version never changes, a melding
    -- keeps the version it was made under.
    create table melding_categorie (
      gemeente text not null references gemeente(code),
      id uuid not null,
      code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      versie integer not null check (versie >= 1),
      status text not null default 'concept' check (status in ('concept', 'gepubliceerd')),
      hoofdcategorie text check (hoofdcategorie is null or hoofdcategorie ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      naam_nl text not null,
      naam_en text not null,
      uitleg_nl text not null default '',
      uitleg_en text not null default '',
      trefwoorden text not null default '',
      openbaar boolean not null default true,
      team_id uuid,
      norm_werkdagen integer check (norm_werkdagen between 1 and 250),
      -- Extra questions: [{code, type, verplicht, vraag {nl,en}, uitleg {nl,en}, waarden, patroon, max}]
      vragen jsonb not null default '[]'::jsonb,
      volgorde integer not null default 0,
      geldig_vanaf date,
      gepubliceerd_op timestamptz,
      revisie integer not null default 1,
      aangemaakt_op timestamptz not null default now(),
      gewijzigd_op timestamptz not null default now(),
      primary key (gemeente, id),
      unique (gemeente, code, versie),
      foreign key (gemeente, team_id) references team(gemeente, id),
      check (hoofdcategorie is not null or (team_id is null and norm_werkdagen is null and vragen = '[]'::jsonb)),
      check (hoofdcategorie is null or (team_id is not null and norm_werkdagen is not null))
    )`,
    `
    create unique index melding_categorie_een_concept on melding_categorie (gemeente, code) where status = 'concept'`,
    `
    -- A melding: the zaak it is, and what the zaak does not hold. The zaak number is kept (numbers
    -- never change), so Open311 finds a melding without reading zaak tables. lat/lon are WGS84;
    -- locatie is the same point as a core geometric type, for a box query on a GiST index (no
    -- PostGIS: PGlite has none).
    create table melding (
      gemeente text not null,
      zaak_id uuid not null,
      identificatie text not null,
      categorie_id uuid not null,
      categorie_code text not null,
      lat double precision check (lat between -90 and 90),
      lon double precision check (lon between -180 and 180),
      locatie point generated always as (case when lat is null or lon is null then null else point(lon, lat) end) stored,
      adres text not null default '',
      locatie_controle text not null check (locatie_controle in ('binnen', 'nabij-grens', 'geen-grens', 'alleen-adres')),
      antwoorden jsonb not null default '{}'::jsonb,
      media_url text,
      bron text not null check (bron in ('open311', 'formulier', 'medewerker')),
      open311_sleutel_id uuid,
      ontvangen_op timestamptz not null,
      primary key (gemeente, zaak_id),
      unique (gemeente, identificatie),
      foreign key (gemeente, zaak_id) references zaak(gemeente, id),
      foreign key (gemeente, categorie_id) references melding_categorie(gemeente, id),
      check ((lat is null) = (lon is null))
    )`,
    `
    -- Open311 GET requests: by time received (the default window is the last 90 days).
    create index melding_ontvangen on melding (gemeente, ontvangen_op, zaak_id)`,
    `
    -- The public map and any box query: locatie <@ box(…).
    create index melding_locatie on melding using gist (locatie)`,
    `
    -- Open311 API keys, per gemeente and client. Only the SHA-256 of a key is stored. No expiry
    -- unless one is given (a client such as FixMyStreet would otherwise stop without a sound).
    create table open311_sleutel (
      gemeente text not null references gemeente(code),
      id uuid not null,
      naam text not null,
      sleutel_hash text not null,
      verloopt_op timestamptz,
      ingetrokken_op timestamptz,
      aangemaakt_door uuid references gebruiker(id),
      aangemaakt_op timestamptz not null,
      primary key (gemeente, id),
      unique (gemeente, sleutel_hash)
    )`,
    `
    alter table melding add foreign key (gemeente, open311_sleutel_id) references open311_sleutel(gemeente, id)`,
    `
    -- FixMyStreet's servicerequestupdates: the status changes and closings of meldingen in a time
    -- window. A read index on the zaken module's history; the zaken module still writes it alone.
    create index zaak_gebeurtenis_status_op on zaak_gebeurtenis (gemeente, op) where soort in ('status', 'resultaat')`,
  ]);
}
