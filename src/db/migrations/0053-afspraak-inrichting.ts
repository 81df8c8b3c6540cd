import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Beheerders set up the balie in the staff app (issue 14, ADR 0085).
 *
 * - `afspraak_balie.actief`: a desk can be taken out of service without losing its history; an
 *   inactive desk offers no slots.
 * - `afspraak_sluiting`: a location (balie_id null) or one of its desks closed on the days
 *   `van` … `tot` (both included, Amsterdam calendar days), with the reason staff gave. No slots
 *   are offered then. Removed by a beheerder when it no longer holds; no personal data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table afspraak_balie add column actief boolean not null default true`,
    `create table afspraak_sluiting (
      gemeente text not null,
      id uuid not null,
      locatie_id uuid not null,
      balie_id uuid,
      van date not null,
      tot date not null check (tot >= van),
      reden text not null check (length(reden) between 1 and 200),
      aangemaakt_op timestamptz not null default now(),
      primary key (gemeente, id),
      foreign key (gemeente, locatie_id) references afspraak_locatie (gemeente, id),
      foreign key (gemeente, balie_id) references afspraak_balie (gemeente, id)
    )`,
    `create index afspraak_sluiting_locatie on afspraak_sluiting (gemeente, locatie_id, tot)`,
  ]);
}
