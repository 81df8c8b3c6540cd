/**
 * The SQL of the tables every day rollup shares (migrations 0024 and 0037, ADR 0043 and 0066):
 * the outbox `kpi_rollup_werk` (one `rollup` name per rollup), the state per gemeente
 * `kpi_rollup_stand` and the append-only log of recomputed closed days `kpi_rollup_herberekening`.
 * The buckets themselves are written by the module that owns the source (a `DagBouwer`).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** `lezen`: Database.lezen, for the reads of the measures (the replica inside request.lees, ADR 0028). */
export function kpiRollupRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  return {
    /** Every gemeente: a round looks at each. */
    gemeenten: async (): Promise<string[]> => (await db.selectFrom('gemeente').select('code').orderBy('code').execute()).map((r) => r.code),

    /** When the rollup of the gemeente was last built whole (for a round, on the primary). */
    async stand(gemeente: string, rollup: string): Promise<{ opgebouwdOp: string } | undefined> {
      const r = await db.selectFrom('kpi_rollup_stand').select('opgebouwd_op').where('gemeente', '=', gemeente).where('rollup', '=', rollup).executeTakeFirst();
      return r ? { opgebouwdOp: new Date(r.opgebouwd_op).toISOString() } : undefined;
    },

    /** The outbox rows of one rollup of a gemeente, oldest first, at most `limiet` when given. */
    werk: (gemeente: string, rollup: string, limiet?: number) =>
      db
        .selectFrom('kpi_rollup_werk')
        .select(['id', 'dag', 'reden'])
        .where('gemeente', '=', gemeente)
        .where('rollup', '=', rollup)
        .orderBy('id')
        .$if(limiet !== undefined, (q) => q.limit(limiet ?? 0))
        .execute()
        .then((rijen) => rijen.map((r) => ({ id: String(r.id), dag: r.dag, reden: r.reden }))),

    /**
     * For a read, on `lezen`, in one statement: when the rollup of the gemeente was last built whole
     * and with which closure days (undefined: never), and its outbox rows for days in the period
     * (while there are any, it is not current there).
     */
    async leesStand(gemeente: string, rollup: string, van: string, tot: string): Promise<{ kalender: string; opgebouwdOp: string; wachtend: number } | undefined> {
      const r = await lezen
        .selectFrom('kpi_rollup_stand as s')
        .select((eb) => [
          's.kalender',
          's.opgebouwd_op',
          eb
            .selectFrom('kpi_rollup_werk as w')
            .select(eb.fn.countAll<string>().as('n'))
            .where('w.gemeente', '=', gemeente)
            .where('w.rollup', '=', rollup)
            .where('w.dag', '>=', van)
            .where('w.dag', '<=', tot)
            .as('wachtend'),
        ])
        .where('s.gemeente', '=', gemeente)
        .where('s.rollup', '=', rollup)
        .executeTakeFirst();
      return r ? { kalender: r.kalender, opgebouwdOp: new Date(r.opgebouwd_op).toISOString(), wachtend: Number(r.wachtend ?? 0) } : undefined;
    },

    /** Closed days of the period recomputed because late data arrived, newest first. */
    herberekeningen: (gemeente: string, rollup: string, van: string, tot: string, limiet: number) =>
      lezen
        .selectFrom('kpi_rollup_herberekening')
        .select(['dag', 'op', 'reden'])
        .where('gemeente', '=', gemeente)
        .where('rollup', '=', rollup)
        .where('dag', '>=', van)
        .where('dag', '<=', tot)
        .orderBy('op', 'desc')
        .orderBy('dag', 'desc')
        .limit(limiet)
        .execute()
        .then((rijen) => rijen.map((r) => ({ dag: r.dag, op: new Date(r.op).toISOString(), reden: r.reden }))),

    transactie: <T>(werk: (trx: Transaction<DB>) => Promise<T>): Promise<T> => db.transaction().execute(werk),

    async zetStand(trx: Kysely<DB>, gemeente: string, rollup: string, op: string): Promise<void> {
      await trx
        .insertInto('kpi_rollup_stand')
        .values({ gemeente, rollup, kalender: '-', opgebouwd_op: op })
        .onConflict((oc) => oc.columns(['gemeente', 'rollup']).doUpdateSet({ opgebouwd_op: op }))
        .execute();
    },

    async verwijderWerk(trx: Kysely<DB>, gemeente: string, ids: readonly string[]): Promise<void> {
      if (ids.length > 0) await trx.deleteFrom('kpi_rollup_werk').where('gemeente', '=', gemeente).where('id', '=', sql<string>`any(${ids}::bigint[])`).execute();
    },

    async logHerberekening(trx: Kysely<DB>, r: { gemeente: string; rollup: string; dag: string; op: string; reden: string; voor: object; na: object }): Promise<void> {
      await trx.insertInto('kpi_rollup_herberekening').values({ ...r, voor: JSON.stringify(r.voor), na: JSON.stringify(r.na) }).execute();
    },
  };
}

export type KpiRollupRepository = ReturnType<typeof kpiRollupRepository>;
