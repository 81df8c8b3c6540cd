import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Meldingen openbare ruimte for staff and partners (issue 12, ADR 0056).
 *
 * `melding_partner`: an external organisation that handles some meldingen for the gemeente (a
 * waste collector, a lighting contractor); `melding_partner_lid`: the staff users (role
 * externe-partner) who act for it. A category may name a partner that receives its meldingen by
 * default (`melding_categorie.partner_id`).
 *
 * `melding_partner_gebeurtenis`: the append-only history of a melding's routing to partners:
 * forwarded (`doorgezet`), a status the partner reports, an "after" photo. The partner a melding
 * is routed to now is the one of its last `doorgezet` entry; only that partner sees it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table melding_partner (
      gemeente text not null references gemeente (code),
      id uuid not null,
      naam text not null check (length(naam) between 1 and 200),
      email text check (length(email) between 3 and 320),
      aangemaakt_op timestamptz not null,
      primary key (gemeente, id),
      unique (gemeente, naam)
    )`,
    `create table melding_partner_lid (
      gemeente text not null,
      partner_id uuid not null,
      gebruiker_id uuid not null references gebruiker (id) on delete cascade,
      primary key (gemeente, partner_id, gebruiker_id),
      foreign key (gemeente, partner_id) references melding_partner (gemeente, id) on delete cascade
    )`,
    'create index melding_partner_lid_gebruiker on melding_partner_lid (gemeente, gebruiker_id)',
    'alter table melding_categorie add column partner_id uuid',
    'alter table melding_categorie add foreign key (gemeente, partner_id) references melding_partner (gemeente, id)',
    `create table melding_partner_gebeurtenis (
      gemeente text not null,
      zaak_id uuid not null,
      volgnummer integer not null check (volgnummer >= 1),
      partner_id uuid not null,
      soort text not null check (soort in ('doorgezet', 'status', 'foto')),
      status text check (status in ('ingepland', 'in-behandeling', 'gereed', 'niet-mogelijk')),
      toelichting text not null default '' check (length(toelichting) <= 2000),
      document_id uuid,
      door_gebruiker uuid,
      door_naam text,
      op timestamptz not null,
      primary key (gemeente, zaak_id, volgnummer),
      foreign key (gemeente, zaak_id) references melding (gemeente, zaak_id) on delete cascade,
      foreign key (gemeente, partner_id) references melding_partner (gemeente, id),
      check ((soort = 'status') = (status is not null)),
      check ((soort = 'foto') = (document_id is not null))
    )`,
    'create index melding_partner_gebeurtenis_partner on melding_partner_gebeurtenis (gemeente, partner_id, soort, op)',
  ]);
}
