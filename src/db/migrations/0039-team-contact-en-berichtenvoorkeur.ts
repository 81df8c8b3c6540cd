import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The tracking page extras (issue 14, ADR 0070). `team.telefoon` and `team.email`: how a resident
 * reaches the team that handles their zaak, set by beheerders (empty: not shown).
 * `betrokkene.tussentijdse_berichten`: false when the resident said on the tracking page that they
 * want no mail about each new step ("terugkoppeling, tenzij men aangeeft dat dit niet hoeft").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table team add column telefoon text not null default '' check (length(telefoon) <= 30)`,
    `alter table team add column email text not null default '' check (length(email) <= 254)`,
    `alter table betrokkene add column tussentijdse_berichten boolean not null default true`,
  ]);
}
