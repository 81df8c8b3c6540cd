/**
 * The SQL of the klantcontacten rollup (ADR 0066, migration 0037): klantcontacten per gemeente,
 * day (the Europe/Amsterdam date of `op`), kanaal and uitkomst, recomputed from the contacts.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, KlantcontactKanaal, KlantcontactUitkomst } from '../../db/schema.ts';
import type { DagBouwer } from '../kpi/kpi.dagrollup.ts';
import { plusDagen } from '../termijnen/kalender.ts';

/** The name of this rollup in the shared tables (outbox, state, recomputation log). */
export const KLANTCONTACTEN = 'klantcontacten';

const begin = (dag: string) => sql<string>`(${dag}::date::timestamp at time zone 'Europe/Amsterdam')`;

async function bouw(trx: Kysely<DB>, gemeente: string, op: string, dag?: string): Promise<void> {
  const filter = dag === undefined ? sql`` : sql`and k.op >= ${begin(dag)} and k.op < ${begin(plusDagen(dag, 1))}`;
  await sql`
    insert into kpi_klantcontact_dag (gemeente, dag, kanaal, uitkomst, aantal, berekend_op)
    select ${gemeente}, (k.op at time zone 'Europe/Amsterdam')::date, k.kanaal, k.uitkomst, count(*)::int, ${op}::timestamptz
    from klantcontact k where k.gemeente = ${gemeente} ${filter}
    group by 2, 3, 4`.execute(trx);
}

/** Writes the buckets from the klantcontacten (the rollup's `DagBouwer`). */
export const klantcontactenBouwer: DagBouwer = {
  async herbouw(trx, gemeente, op) {
    await trx.deleteFrom('kpi_klantcontact_dag').where('gemeente', '=', gemeente).execute();
    await bouw(trx, gemeente, op);
  },
  async bouwDag(trx, gemeente, dag, op) {
    await trx.deleteFrom('kpi_klantcontact_dag').where('gemeente', '=', gemeente).where('dag', '=', dag).execute();
    await bouw(trx, gemeente, op, dag);
  },
  async totaal(trx, gemeente, dag) {
    const rijen = await trx.selectFrom('kpi_klantcontact_dag').select(['kanaal', 'aantal']).where('gemeente', '=', gemeente).where('dag', '=', dag).execute();
    return Object.fromEntries([...Map.groupBy(rijen, (r) => r.kanaal)].map(([kanaal, r]) => [kanaal, r.reduce((s, x) => s + x.aantal, 0)]));
  },
};

/** `lezen`: Database.lezen (the replica inside request.lees, ADR 0028). */
export function klantcontactenRollupRepository(lezen: Kysely<DB>) {
  return {
    /**
     * The day buckets of one kanaal in van–tot summed in the database: the contacts with `uitkomst`
     * (teller), all (noemer) and the newest bucket's time; none when the period has no buckets.
     */
    emmers: async (gemeente: string, kanaal: KlantcontactKanaal, uitkomst: KlantcontactUitkomst, van: string, tot: string) =>
      (
        await lezen
          .selectFrom('kpi_klantcontact_dag')
          .select((eb) => [
            eb.fn.sum<string>(eb.case().when('uitkomst', '=', uitkomst).then(eb.ref('aantal')).else(0).end()).as('teller'),
            eb.fn.sum<string>('aantal').as('noemer'),
            eb.fn.max('berekend_op').as('berekend_op'),
          ])
          .where('gemeente', '=', gemeente)
          .where('kanaal', '=', kanaal)
          .where('dag', '>=', van)
          .where('dag', '<=', tot)
          .having((eb) => eb.fn.countAll(), '>', 0)
          .execute()
      ).map((r) => ({ teller: Number(r.teller), noemer: Number(r.noemer), berekendOp: new Date(r.berekend_op).toISOString() })),
  };
}

export type KlantcontactenRollupRepository = ReturnType<typeof klantcontactenRollupRepository>;
