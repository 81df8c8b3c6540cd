import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { KANAAL, sein } from '../../db/signalen.ts';

export interface SluitingsdagRecord {
  datum: string;
  naam: string;
}

/** SQL for the closure days of a gemeente (always filtered by gemeente). */
export function sluitingsdagenRepository(db: Kysely<DB>) {
  /** Closure days from `van` up to and including `tot` (YYYY-MM-DD; open ends when undefined). */
  const tussen = (gemeente: string, van?: string, tot?: string) => {
    let q = db.selectFrom('sluitingsdag').select(['datum', 'naam']).where('gemeente', '=', gemeente);
    if (van) q = q.where('datum', '>=', van);
    if (tot) q = q.where('datum', '<=', tot);
    return q;
  };

  return {
    tussen: (gemeente: string, van?: string, tot?: string): Promise<SluitingsdagRecord[]> => tussen(gemeente, van, tot).orderBy('datum').execute(),
    pagina: async (gemeente: string, van: string | undefined, tot: string | undefined, offset: number, limit: number) => {
      const [rows, count] = await Promise.all([
        tussen(gemeente, van, tot).orderBy('datum').offset(offset).limit(limit).execute(),
        tussen(gemeente, van, tot).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    opDatum: (gemeente: string, datum: string): Promise<SluitingsdagRecord | undefined> =>
      db.selectFrom('sluitingsdag').select(['datum', 'naam']).where('gemeente', '=', gemeente).where('datum', '=', datum).executeTakeFirst(),
    /** Inserts the day; false when the gemeente already has a closure day on that date. Every node hears it at commit (ADR 0023). */
    voegToe: (gemeente: string, dag: SluitingsdagRecord & { door: string | null; op: string }): Promise<boolean> =>
      db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto('sluitingsdag')
          .values({ gemeente, datum: dag.datum, naam: dag.naam, aangemaakt_door: dag.door, aangemaakt_op: dag.op })
          .onConflict((oc) => oc.columns(['gemeente', 'datum']).doNothing())
          .returning('datum')
          .executeTakeFirst();
        if (r) await sein(trx, KANAAL.sluitingsdagen, gemeente);
        return r !== undefined;
      }),
    verwijder: (gemeente: string, datum: string): Promise<boolean> =>
      db.transaction().execute(async (trx) => {
        const r = await trx.deleteFrom('sluitingsdag').where('gemeente', '=', gemeente).where('datum', '=', datum).executeTakeFirst();
        if (r.numDeletedRows > 0n) await sein(trx, KANAAL.sluitingsdagen, gemeente);
        return r.numDeletedRows > 0n;
      }),
  };
}

export type SluitingsdagenRepository = ReturnType<typeof sluitingsdagenRepository>;
