import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Several Loket nodes on one database (ADR 0023):
 * - `rate_limit`: the request count of a route and address in its current window, shared by every
 *   node. UNLOGGED: counts are not worth a WAL write and may be lost in a crash. `verloopt_op`
 *   (milliseconds since 1970, the database's clock) is the end of the window; ended rows are removed.
 * - `knooppunt_geheim`: the fingerprint (an HMAC of a fixed text) of a secret every node must
 *   share, such as LOKET_FORMULIER_GEHEIM; never the secret itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create unlogged table rate_limit (
      sleutel text primary key,
      aantal integer not null,
      verloopt_op bigint not null
    )`,
    `create table knooppunt_geheim (
      naam text primary key,
      vingerafdruk text not null,
      vastgelegd_op timestamptz not null default now()
    )`,
  ]);
}
