import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** SQL for stored answers to POST requests with an Idempotency-Key. */
export function idempotentieRepository(db: Kysely<DB>) {
  return {
    /** Claims the key (status 0 = in progress); false when it was claimed already. */
    claim: async (r: { principaal: string; sleutel: string; methode: string; pad: string; verzoekHash: string; nu: string }) => {
      const result = await db
        .insertInto('idempotentie')
        .values({ principaal: r.principaal, sleutel: r.sleutel, methode: r.methode, pad: r.pad, verzoek_hash: r.verzoekHash, status: 0, aangemaakt_op: r.nu })
        .onConflict((oc) => oc.doNothing())
        .returning('sleutel')
        .executeTakeFirst();
      return result !== undefined;
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
    geefVrij: (principaal: string, sleutel: string) =>
      db.deleteFrom('idempotentie').where('principaal', '=', principaal).where('sleutel', '=', sleutel).where('status', '=', 0).execute(),
    /** Claims older than the cut-off that never finished (a crash) may be retried. */
    ruimOp: (principaal: string, sleutel: string, voor: string) =>
      db
        .deleteFrom('idempotentie')
        .where('principaal', '=', principaal)
        .where('sleutel', '=', sleutel)
        .where('status', '=', 0)
        .where('aangemaakt_op', '<', voor)
        .execute(),
  };
}

export type IdempotentieRepository = ReturnType<typeof idempotentieRepository>;
