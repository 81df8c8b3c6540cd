import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { gedeeldeCache, KANAAL, type Signalen } from '../../db/signalen.ts';

/** How long a node keeps a key (a signal drops it at once; this is a safety net). */
const BEWAAR_MS = 60_000;

/**
 * SQL for the Open311 API keys of a gemeente's clients (only the hash of a key is stored). With
 * `signalen`, a key that is not revoked is kept per node by its hash (every post checks it, ADR
 * 0084): the statement trigger of migration 0052 empties them on every node at the commit of any
 * change to `open311_sleutel` (a revocation), and `trekIn` on this node at once. The expiry is
 * checked at every use. An unknown hash is never kept.
 */
export function open311SleutelsRepository(db: Kysely<DB>, signalen?: Signalen) {
  const kolommen = ['id', 'naam', 'verloopt_op', 'ingetrokken_op', 'aangemaakt_op'] as const;
  const bewaard = signalen ? gedeeldeCache<{ id: string; naam: string; verloopt_op: string | null }>({ signalen, kanaal: KANAAL.stamgegevens, ms: BEWAAR_MS, max: 10_000, raakt: (tabel) => tabel === 'open311_sleutel' }) : undefined;
  return {
    lijst: (gemeente: string) => db.selectFrom('open311_sleutel').select(kolommen).where('gemeente', '=', gemeente).orderBy('aangemaakt_op', 'desc').orderBy('id').execute(),
    opId: (gemeente: string, id: string) => db.selectFrom('open311_sleutel').select(kolommen).where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst(),
    /** The key with this hash in the gemeente, if it is not revoked and not expired at `nu`. */
    geldig: async (gemeente: string, hash: string, nu: string): Promise<{ id: string; naam: string } | undefined> => {
      const lees = () =>
        db
          .selectFrom('open311_sleutel')
          .select(['id', 'naam', 'verloopt_op'])
          .where('gemeente', '=', gemeente)
          .where('sleutel_hash', '=', hash)
          .where('ingetrokken_op', 'is', null)
          .executeTakeFirst();
      const sleutel = bewaard ? await bewaard.haal(`${gemeente}:${hash}`, lees) : await lees();
      if (!sleutel || (sleutel.verloopt_op !== null && new Date(sleutel.verloopt_op) <= new Date(nu))) return undefined;
      return { id: sleutel.id, naam: sleutel.naam };
    },
    maak: (s: { gemeente: string; id: string; naam: string; hash: string; verlooptOp: string | null; aangemaaktDoor: string | null; aangemaaktOp: string }) =>
      db
        .insertInto('open311_sleutel')
        .values({ gemeente: s.gemeente, id: s.id, naam: s.naam, sleutel_hash: s.hash, verloopt_op: s.verlooptOp, aangemaakt_door: s.aangemaaktDoor, aangemaakt_op: s.aangemaaktOp })
        .execute(),
    trekIn: async (gemeente: string, id: string, nu: string) => {
      // This node's kept keys before and after the change (the others by the trigger).
      bewaard?.vergeet(() => true);
      await db.updateTable('open311_sleutel').set({ ingetrokken_op: nu }).where('gemeente', '=', gemeente).where('id', '=', id).where('ingetrokken_op', 'is', null).execute();
      bewaard?.vergeet(() => true);
    },
  };
}

export type Open311SleutelsRepository = ReturnType<typeof open311SleutelsRepository>;
