import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Merging duplicate meldingen and reopening after "nee" (issue 12, ADR 0074).
 *
 * `melding_samenvoeging`: a melding merged into a main melding (`hoofd_zaak_id`), once; the merged
 * melding's zaak is closed through the zaken service, its reporter and followers follow the main
 * melding from then on (`melding_volger`). Append-only: there is no undo.
 *
 * `melding_heropenverzoek`: a reporter answered "nee" on the question after closing within 14 days
 * of closing; the team accepts (the zaak reopens: event `heropening`) or declines with a reason.
 * At most one open request per melding.
 *
 * `zaak_gebeurtenis.soort` gets `heropening`: a closed zaak opens again with a new term.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table melding_samenvoeging (
      gemeente text not null references gemeente (code),
      zaak_id uuid not null,
      hoofd_zaak_id uuid not null,
      door_gebruiker uuid,
      door_naam text,
      op timestamptz not null,
      primary key (gemeente, zaak_id),
      foreign key (gemeente, zaak_id) references melding (gemeente, zaak_id),
      foreign key (gemeente, hoofd_zaak_id) references melding (gemeente, zaak_id),
      check (zaak_id <> hoofd_zaak_id)
    )`,
    `create index melding_samenvoeging_hoofd on melding_samenvoeging (gemeente, hoofd_zaak_id)`,
    `create index melding_samenvoeging_op on melding_samenvoeging (gemeente, op)`,
    `create table melding_heropenverzoek (
      gemeente text not null references gemeente (code),
      id uuid not null,
      zaak_id uuid not null,
      aangevraagd_op timestamptz not null,
      status text not null default 'open' check (status in ('open', 'geaccepteerd', 'afgewezen')),
      besloten_op timestamptz,
      besloten_door uuid,
      besloten_naam text,
      reden text not null default '' check (length(reden) <= 2000),
      primary key (gemeente, id),
      foreign key (gemeente, zaak_id) references melding (gemeente, zaak_id),
      check ((status = 'open') = (besloten_op is null))
    )`,
    `create unique index melding_heropenverzoek_een_open on melding_heropenverzoek (gemeente, zaak_id) where status = 'open'`,
    `create index melding_heropenverzoek_op on melding_heropenverzoek (gemeente, aangevraagd_op)`,
    `alter table zaak_gebeurtenis drop constraint zaak_gebeurtenis_soort_check`,
    `alter table zaak_gebeurtenis add constraint zaak_gebeurtenis_soort_check check (soort in (
      'aangemaakt', 'status', 'notitie', 'bericht', 'opschorting', 'opschorting-einde', 'verlenging',
      'toewijzing', 'resultaat', 'document', 'reactie', 'relatie', 'volgcode', 'termijn', 'heropening'))`,
  ]);
}
