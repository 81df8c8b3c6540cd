import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Klachten (Awb titel 9.1, issue 13, ADR 0060). A klacht is a zaak of zaaktype `klacht`; the
 * procedure's own data is kept beside it, written in the transaction of a zaak change:
 * `klacht` — the current state of one klacht (category, the team complained about, the terms,
 * the outcome), one row per zaak; `klacht_stap` — every step of the procedure, append-only;
 * `klacht_maatregel` — verbetermaatregelen of (deels) gegronde klachten with owner team, due
 * date and status; `klacht_instelling` — per gemeente the informal-contact norm and the
 * ombudsman named in the decision letter. Personal data (the conversation, the hoorverslag, the
 * person complained about) goes with the zaak: the rows are removed with it (on delete cascade).
 * The role `klachtcoordinator` joins the roles a user can hold.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'alter table gebruiker_rol drop constraint gebruiker_rol_rol_check',
    `alter table gebruiker_rol add constraint gebruiker_rol_rol_check check (rol in (
      'beheerder','teamleider','behandelaar','kcc-medewerker','webredacteur','pc-adviseur','externe-partner','klachtcoordinator'))`,
    `create table klacht_instelling (
      gemeente text primary key references gemeente (code),
      informeel_werkdagen smallint not null check (informeel_werkdagen between 1 and 20),
      ombudsman_naam text not null check (length(ombudsman_naam) between 1 and 200),
      ombudsman_website text not null check (ombudsman_website ~ '^https://')
    )`,
    `create table klacht (
      gemeente text not null,
      zaak_id uuid not null,
      identificatie text not null,
      ontvangen date not null,
      categorie text not null check (categorie in ('bejegening','informatie','bereikbaarheid','termijn','dienstverlening','anders')),
      team_id uuid not null,
      beklaagde text check (length(beklaagde) between 1 and 200),
      gedraging_datum date,
      commissie boolean not null default false,
      verdaging_weken smallint not null default 0 check (verdaging_weken between 0 and 4),
      uitstel_weken smallint not null default 0 check (uitstel_weken between 0 and 104),
      informeel_contact_uiterlijk date not null,
      niet_behandelen_uiterlijk date not null,
      afhandeltermijn_einde date not null,
      eerste_contact date,
      horen text check (horen in ('gepland','gehoord','overgeslagen')),
      hoorzitting_op timestamptz,
      uitkomst text check (uitkomst in ('gegrond','deels-gegrond','ongegrond','informeel-opgelost','niet-behandeld')),
      afgehandeld_op date,
      binnen_termijn boolean,
      primary key (gemeente, zaak_id),
      foreign key (gemeente, zaak_id) references zaak (gemeente, id) on delete cascade,
      foreign key (gemeente, team_id) references team (gemeente, id)
    )`,
    'create index klacht_ontvangen on klacht (gemeente, ontvangen)',
    'create index klacht_open on klacht (gemeente, afhandeltermijn_einde) where uitkomst is null',
    `create table klacht_stap (
      gemeente text not null,
      zaak_id uuid not null,
      volgnummer integer not null,
      soort text not null check (soort in ('ontvangen','contact','niet-behandelen','hoorzitting','hoorverslag','horen-overslaan','verdaging','uitstel','besluit','maatregel')),
      gegevens jsonb not null,
      door_gebruiker uuid,
      door_naam text,
      op timestamptz not null,
      primary key (gemeente, zaak_id, volgnummer),
      foreign key (gemeente, zaak_id) references klacht (gemeente, zaak_id) on delete cascade
    )`,
    `create table klacht_maatregel (
      gemeente text not null,
      id uuid not null,
      zaak_id uuid not null,
      omschrijving text not null check (length(omschrijving) between 1 and 2000),
      team_id uuid not null,
      uiterlijk date not null,
      status text not null check (status in ('open','uitgevoerd','vervallen')),
      aangemaakt_op timestamptz not null,
      gewijzigd_op timestamptz not null,
      primary key (gemeente, id),
      foreign key (gemeente, zaak_id) references klacht (gemeente, zaak_id) on delete cascade,
      foreign key (gemeente, team_id) references team (gemeente, id)
    )`,
    'create index klacht_maatregel_team on klacht_maatregel (gemeente, team_id, status, uiterlijk)',
  ]);
}
