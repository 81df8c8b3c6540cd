import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The bezwaar procedure (Awb hoofdstuk 6 and 7, issue 13, ADR 0063) on the zaken engine. `bezwaar`:
 * one row per bezwaar zaak with the contested besluit (its bekendmaking, the deciding team, the
 * zaak it came from), the receipt and postmark and whether an adviescommissie was announced; written
 * once in the zaak's registration transaction. `bezwaar_stap`: the procedure's append-only history
 * (herstel, verdaging, uitstel, the informal route, hearing, advice, ingebrekestelling, decision),
 * each step written in the transaction of the zaak change that records it. The role
 * `secretaris-bezwaarcommissie` joins the table of rights.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'alter table gebruiker_rol drop constraint gebruiker_rol_rol_check',
    `alter table gebruiker_rol add constraint gebruiker_rol_rol_check
      check (rol in ('beheerder','teamleider','behandelaar','kcc-medewerker','webredacteur','pc-adviseur','externe-partner','klachtcoordinator','secretaris-bezwaarcommissie'))`,
    `create table bezwaar (
      gemeente text not null references gemeente (code),
      zaak_id uuid not null,
      besluit text not null check (length(besluit) between 1 and 500),
      bekendmaking date not null,
      besluit_team_id uuid,
      besluit_zaak_id uuid,
      ontvangen date not null,
      verzonden date,
      commissie boolean not null,
      aangemaakt_op timestamptz not null,
      primary key (gemeente, zaak_id)
    )`,
    `create table bezwaar_stap (
      gemeente text not null,
      zaak_id uuid not null,
      volgnummer integer not null,
      soort text not null check (soort in ('verschoonbaarheid', 'herstel-verzocht', 'hersteld', 'verdaging', 'uitstel', 'informeel',
        'hoorzitting', 'hoorverslag', 'horen-overgeslagen', 'advies', 'ingebrekestelling', 'beslissing')),
      gegevens jsonb not null,
      op timestamptz not null,
      door_gebruiker uuid,
      door_naam text,
      primary key (gemeente, zaak_id, volgnummer),
      foreign key (gemeente, zaak_id) references bezwaar (gemeente, zaak_id)
    )`,
    'create index bezwaar_stap_soort on bezwaar_stap (gemeente, soort)',
  ]);
}

