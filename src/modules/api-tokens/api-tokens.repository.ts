import type { Kysely } from 'kysely';
import type { DB, Rol } from '../../db/schema.ts';

/** SQL for API tokens of machine clients (only the hash of a token is stored). */
export function apiTokensRepository(db: Kysely<DB>) {
  const kolommen = ['id', 'naam', 'rollen', 'verloopt_op', 'ingetrokken_op', 'aangemaakt_op'] as const;
  return {
    pagina: async (gemeente: string, offset: number, limit: number) => {
      const [rows, count] = await Promise.all([
        db.selectFrom('api_token').select(kolommen).where('gemeente', '=', gemeente).orderBy('aangemaakt_op', 'desc').orderBy('id').offset(offset).limit(limit).execute(),
        db.selectFrom('api_token').where('gemeente', '=', gemeente).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    opId: (gemeente: string, id: string) =>
      db.selectFrom('api_token').select(kolommen).where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst(),
    maak: (t: { gemeente: string; id: string; naam: string; tokenHash: string; rollen: Rol[]; verlooptOp: string; aangemaaktDoor: string | null; aangemaaktOp: string }) =>
      db
        .insertInto('api_token')
        .values({
          gemeente: t.gemeente,
          id: t.id,
          naam: t.naam,
          token_hash: t.tokenHash,
          rollen: t.rollen,
          verloopt_op: t.verlooptOp,
          aangemaakt_door: t.aangemaaktDoor,
          aangemaakt_op: t.aangemaaktOp,
        })
        .execute(),
    trekIn: (gemeente: string, id: string, nu: string) =>
      db.updateTable('api_token').set({ ingetrokken_op: nu }).where('gemeente', '=', gemeente).where('id', '=', id).where('ingetrokken_op', 'is', null).execute(),
  };
}

export type ApiTokensRepository = ReturnType<typeof apiTokensRepository>;
