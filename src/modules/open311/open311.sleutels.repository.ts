import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** SQL for the Open311 API keys of a gemeente's clients (only the hash of a key is stored). */
export function open311SleutelsRepository(db: Kysely<DB>) {
  const kolommen = ['id', 'naam', 'verloopt_op', 'ingetrokken_op', 'aangemaakt_op'] as const;
  return {
    lijst: (gemeente: string) => db.selectFrom('open311_sleutel').select(kolommen).where('gemeente', '=', gemeente).orderBy('aangemaakt_op', 'desc').orderBy('id').execute(),
    opId: (gemeente: string, id: string) => db.selectFrom('open311_sleutel').select(kolommen).where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst(),
    /** The key with this hash in the gemeente, if it is not revoked and not expired at `nu`. */
    geldig: (gemeente: string, hash: string, nu: string) =>
      db
        .selectFrom('open311_sleutel')
        .select(['id', 'naam'])
        .where('gemeente', '=', gemeente)
        .where('sleutel_hash', '=', hash)
        .where('ingetrokken_op', 'is', null)
        .where((eb) => eb.or([eb('verloopt_op', 'is', null), eb('verloopt_op', '>', nu)]))
        .executeTakeFirst(),
    maak: (s: { gemeente: string; id: string; naam: string; hash: string; verlooptOp: string | null; aangemaaktDoor: string | null; aangemaaktOp: string }) =>
      db
        .insertInto('open311_sleutel')
        .values({ gemeente: s.gemeente, id: s.id, naam: s.naam, sleutel_hash: s.hash, verloopt_op: s.verlooptOp, aangemaakt_door: s.aangemaaktDoor, aangemaakt_op: s.aangemaaktOp })
        .execute(),
    trekIn: (gemeente: string, id: string, nu: string) =>
      db.updateTable('open311_sleutel').set({ ingetrokken_op: nu }).where('gemeente', '=', gemeente).where('id', '=', id).where('ingetrokken_op', 'is', null).execute(),
  };
}

export type Open311SleutelsRepository = ReturnType<typeof open311SleutelsRepository>;
