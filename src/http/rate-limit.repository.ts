import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Milliseconds since 1970 on the database's clock (the same for every node), once per statement. */
const NU = sql<number>`(extract(epoch from statement_timestamp()) * 1000)::bigint`;

/** SQL for the request counts every node shares (table rate_limit, ADR 0023 and 0093). */
export function rateLimitRepository(db: Kysely<DB>) {
  return {
    /**
     * Counts one request for `sleutel` in one atomic upsert (the function `rate_limit_tel`, whose
     * plan PostgreSQL keeps per connection), on the database's clock (the same for every node). A
     * window starts at the first request and lasts `vensterMs`; a request after it starts a new
     * one (as the plugin's own in-memory store). Gives the count and the time left.
     */
    tel: async (sleutel: string, vensterMs: number): Promise<{ aantal: number; ttl: number }> => {
      const { rows } = await sql<{ aantal: number; ttl: number }>`select aantal, ttl from rate_limit_tel(${sleutel}, ${vensterMs})`.execute(db);
      const rij = rows[0];
      if (!rij) throw new Error('rate_limit: geen telling');
      return rij;
    },
    /**
     * Adds a node's counts of many keys in one statement and gives each key's shared total and
     * time left, with the windows of `tel`: a key whose window has ended starts a new one with the
     * count added. The keys are locked in one order (sorted here) on every node, so two nodes
     * sharing at once wait for each other instead of deadlocking.
     */
    telBij: async (tellingen: readonly { sleutel: string; aantal: number; vensterMs: number }[]): Promise<Map<string, { aantal: number; ttl: number }>> => {
      const gesorteerd = tellingen.toSorted((a, b) => (a.sleutel < b.sleutel ? -1 : a.sleutel > b.sleutel ? 1 : 0));
      const { rows } = await sql<{ sleutel: string; aantal: number; ttl: number }>`
        insert into rate_limit as r (sleutel, aantal, verloopt_op)
        select t.sleutel, t.aantal, ${NU} + t.venster_ms
        from unnest(${gesorteerd.map((t) => t.sleutel)}::text[], ${gesorteerd.map((t) => t.aantal)}::integer[], ${gesorteerd.map((t) => t.vensterMs)}::bigint[])
          with ordinality as t(sleutel, aantal, venster_ms, nr)
        order by t.nr
        on conflict (sleutel) do update set
          aantal = case when r.verloopt_op <= ${NU} then excluded.aantal else r.aantal + excluded.aantal end,
          verloopt_op = case when r.verloopt_op <= ${NU} then excluded.verloopt_op else r.verloopt_op end
        returning r.sleutel, r.aantal, (r.verloopt_op - ${NU})::integer as ttl`.execute(db);
      return new Map(rows.map((r) => [r.sleutel, { aantal: r.aantal, ttl: r.ttl }]));
    },
    /** Removes the windows that have ended. */
    ruimOp: async (): Promise<void> => {
      await sql`delete from rate_limit where verloopt_op < ${NU}`.execute(db);
    },
  };
}

export type RateLimitRepository = ReturnType<typeof rateLimitRepository>;
