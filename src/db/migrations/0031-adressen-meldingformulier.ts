import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The resident's melding form (issue 12, ADR 0054 and 0055): a local gazetteer for geocoding
 * (`loket adressen import`), the form's concepts between its steps (with their photos, already
 * re-encoded), and residents who follow an existing melding instead of reporting it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    -- The local gazetteer (ADR 0054): addresses with a point, per gemeente. Public data (BAG), no
    -- personal data. Read by the gazetteer geocoder; PDOK Locatieserver replaces it in production.
    create table adres (
      gemeente text not null references gemeente(code),
      postcode text not null check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
      huisnummer integer not null check (huisnummer between 1 and 99999),
      toevoeging text not null default '' check (length(toevoeging) <= 10),
      straat text not null check (length(straat) between 1 and 200),
      woonplaats text not null check (length(woonplaats) between 1 and 100),
      lat double precision not null check (lat between -90 and 90),
      lon double precision not null check (lon between -180 and 180),
      ingelezen_op timestamptz not null,
      primary key (gemeente, postcode, huisnummer, toevoeging)
    )`,
    `
    -- Street search: the start of a street name, case-insensitive.
    create index adres_straat on adres (gemeente, lower(straat) text_pattern_ops, huisnummer)`,
    `
    -- A melding being filled in on the resident form (ADR 0055), found by the hash of the secret
    -- in its address. Personal data (contact, photos): gone when sent, or deleted by housekeeping
    -- once verloopt_op has passed (a few hours).
    create table melding_concept (
      gemeente text not null references gemeente(code),
      sleutel_hash text not null,
      gegevens jsonb not null default '{}'::jsonb,
      aangemaakt_op timestamptz not null,
      verloopt_op timestamptz not null,
      primary key (gemeente, sleutel_hash)
    )`,
    `
    create index melding_concept_verloopt on melding_concept (verloopt_op)`,
    `
    -- The photos of a concept, already checked and re-encoded without metadata; on sending they
    -- become documents of the zaak (through the zaken service) and these rows go.
    create table melding_concept_foto (
      gemeente text not null,
      sleutel_hash text not null,
      volgnummer integer not null check (volgnummer between 1 and 3),
      mediatype text not null check (mediatype in ('image/jpeg', 'image/png', 'image/webp')),
      inhoud bytea not null,
      breedte integer not null,
      hoogte integer not null,
      primary key (gemeente, sleutel_hash, volgnummer),
      foreign key (gemeente, sleutel_hash) references melding_concept(gemeente, sleutel_hash) on delete cascade
    )`,
    `
    -- A resident who follows an existing melding ("Dit is dezelfde, houd mij op de hoogte") gets
    -- its status mails. Personal data: erased by housekeeping with the zaak's contact data.
    create table melding_volger (
      gemeente text not null,
      zaak_id uuid not null,
      email text not null check (length(email) <= 254),
      taal text not null check (taal in ('nl', 'en')),
      sinds timestamptz not null,
      primary key (gemeente, zaak_id, email),
      foreign key (gemeente, zaak_id) references melding(gemeente, zaak_id)
    )`,
  ]);
}
