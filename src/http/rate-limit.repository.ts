import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** SQL for the request counts every node shares (table rate_limit, ADR 0023). */
export function rateLimitRepository(db: Kysely<DB>) {
  return {
    /**
     * Counts one request for `sleutel` in one atomic upsert, on the database's clock (the same for
     * every node). A window starts at the first request and lasts `vensterMs`; a request after it
     * starts a new one (as the plugin's own in-memory store). Gives the count and the time left.
     */
    tel: async (sleutel: string, vensterMs: number): Promise<{ aantal: number; ttl: number }> => {
      const { rows } = await sql<{ aantal: number; ttl: number }>`
        with nu as (select (extract(epoch from clock_timestamp()) * 1000)::bigint as ms)
        insert into rate_limit as r (sleutel, aantal, verloopt_op)
        select ${sleutel}, 1, nu.ms + ${vensterMs}::bigint from nu
        on conflict (sleutel) do update set
          aantal = case when r.verloopt_op <= excluded.verloopt_op - ${vensterMs}::bigint then 1 else r.aantal + 1 end,
          verloopt_op = case when r.verloopt_op <= excluded.verloopt_op - ${vensterMs}::bigint then excluded.verloopt_op else r.verloopt_op end
        returning r.aantal, (r.verloopt_op - (select ms from nu))::integer as ttl`.execute(db);
      const rij = rows[0];
      if (!rij) throw new Error('rate_limit: geen telling');
      return rij;
    },
    /** Removes the windows that have ended. */
    ruimOp: async (): Promise<void> => {
      await sql`delete from rate_limit where verloopt_op < (extract(epoch from clock_timestamp()) * 1000)::bigint`.execute(db);
    },
  };
}

export type RateLimitRepository = ReturnType<typeof rateLimitRepository>;
