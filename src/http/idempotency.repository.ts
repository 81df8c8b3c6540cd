import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The outcome of claiming a key: ours, held by a request still under way, or answered before. */
export type Claim = 'geclaimd' | 'bezet' | 'bestaat';

/**
 * SQL for stored answers to POST requests with an Idempotency-Key (ADR 0030). Every statement
 * runs in the request's own transaction (`db` is that transaction): the claim, the work and the
 * answer commit together or not at all.
 */
export function idempotentieRepository(db: Kysely<DB>) {
  return {
    /**
     * Claims the key for this transaction. A transaction-scoped advisory lock on the key tells at
     * once whether another request with it is under way (on any node; a dead node's lock goes with
     * its connection), so nobody waits. A row left in progress (status 0) can only come from a
     * version before ADR 0030 and is taken over.
     */
    claim: async (r: { principaal: string; sleutel: string; methode: string; pad: string; verzoekHash: string; nu: string }): Promise<Claim> => {
      const { rows } = await sql<{ vrij: boolean; geclaimd: boolean }>`
        with slot as (select pg_try_advisory_xact_lock(hashtextextended(${`${r.principaal} ${r.sleutel}`}, 0)) as vrij),
        nieuw as (
          insert into idempotentie (principaal, sleutel, methode, pad, verzoek_hash, status, aangemaakt_op)
          select ${r.principaal}, ${r.sleutel}, ${r.methode}, ${r.pad}, ${r.verzoekHash}, 0, ${r.nu} from slot where slot.vrij
          on conflict (principaal, sleutel) do update
            set methode = excluded.methode, pad = excluded.pad, verzoek_hash = excluded.verzoek_hash, aangemaakt_op = excluded.aangemaakt_op
            where idempotentie.status = 0
          returning 1
        )
        select slot.vrij, exists (select 1 from nieuw) as geclaimd from slot`.execute(db);
      const rij = rows[0];
      if (!rij?.vrij) return 'bezet';
      return rij.geclaimd ? 'geclaimd' : 'bestaat';
    },
    haal: (principaal: string, sleutel: string) =>
      db.selectFrom('idempotentie').selectAll().where('principaal', '=', principaal).where('sleutel', '=', sleutel).executeTakeFirst(),
    bewaar: (principaal: string, sleutel: string, status: number, antwoord: unknown, headers: Record<string, string>) =>
      db
        .updateTable('idempotentie')
        .set({ status, antwoord: JSON.stringify(antwoord ?? null), headers: JSON.stringify(headers) })
        .where('principaal', '=', principaal)
        .where('sleutel', '=', sleutel)
        .execute(),
    /** A request that ended without a 2xx keeps its key free for a retry. */
    geefVrij: (principaal: string, sleutel: string) =>
      db.deleteFrom('idempotentie').where('principaal', '=', principaal).where('sleutel', '=', sleutel).where('status', '=', 0).execute(),
  };
}

export type IdempotentieRepository = ReturnType<typeof idempotentieRepository>;
