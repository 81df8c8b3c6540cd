/**
 * The SQL of the contactverzoeken rollup (ADR 0066, migration 0037): handled contactverzoeken per
 * gemeente, day of handling (Europe/Amsterdam) and team, and how many were handled on or before
 * their deadline, recomputed from the requests.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DagBouwer } from '../kpi/kpi.dagrollup.ts';
import { plusDagen } from '../termijnen/kalender.ts';

/** The name of this rollup in the shared tables (outbox, state, recomputation log). */
export const CONTACTVERZOEKEN = 'contactverzoeken';

const begin = (dag: string) => sql<string>`(${dag}::date::timestamp at time zone 'Europe/Amsterdam')`;

async function bouw(trx: Kysely<DB>, gemeente: string, op: string, dag?: string): Promise<void> {
  const filter = dag === undefined ? sql`` : sql`and c.afgehandeld_op >= ${begin(dag)} and c.afgehandeld_op < ${begin(plusDagen(dag, 1))}`;
  await sql`
    insert into kpi_contactverzoek_dag (gemeente, dag, team_id, aantal, binnen_termijn, berekend_op)
    select ${gemeente}, (c.afgehandeld_op at time zone 'Europe/Amsterdam')::date, c.team_id, count(*)::int,
      (count(*) filter (where (c.afgehandeld_op at time zone 'Europe/Amsterdam')::date <= c.uiterlijk_op))::int, ${op}::timestamptz
    from contactverzoek c where c.gemeente = ${gemeente} and c.afgehandeld_op is not null ${filter}
    group by 2, 3`.execute(trx);
}

/** Writes the buckets from the contactverzoeken (the rollup's `DagBouwer`). */
export const contactverzoekenBouwer: DagBouwer = {
  async herbouw(trx, gemeente, op) {
    await trx.deleteFrom('kpi_contactverzoek_dag').where('gemeente', '=', gemeente).execute();
    await bouw(trx, gemeente, op);
  },
  async bouwDag(trx, gemeente, dag, op) {
    await trx.deleteFrom('kpi_contactverzoek_dag').where('gemeente', '=', gemeente).where('dag', '=', dag).execute();
    await bouw(trx, gemeente, op, dag);
  },
  async totaal(trx, gemeente, dag) {
    const rijen = await trx.selectFrom('kpi_contactverzoek_dag').select(['aantal', 'binnen_termijn']).where('gemeente', '=', gemeente).where('dag', '=', dag).execute();
    return { aantal: rijen.reduce((s, r) => s + r.aantal, 0), binnenTermijn: rijen.reduce((s, r) => s + r.binnen_termijn, 0) };
  },
};

/** `lezen`: Database.lezen (the replica inside request.lees, ADR 0028). */
export function contactverzoekenRollupRepository(lezen: Kysely<DB>) {
  return {
    /** The day buckets of van–tot (optionally of one team) summed per team in the database, with the newest bucket's time. */
    emmers: async (gemeente: string, van: string, tot: string, team?: string) =>
      (
        await lezen
          .selectFrom('kpi_contactverzoek_dag')
          .select((eb) => ['team_id', eb.fn.sum<string>('aantal').as('aantal'), eb.fn.sum<string>('binnen_termijn').as('binnen_termijn'), eb.fn.max('berekend_op').as('berekend_op')])
          .where('gemeente', '=', gemeente)
          .where('dag', '>=', van)
          .where('dag', '<=', tot)
          .$if(team !== undefined, (q) => q.where('team_id', '=', team ?? ''))
          .groupBy('team_id')
          .execute()
      ).map((r) => ({ team: r.team_id, teller: Number(r.binnen_termijn), noemer: Number(r.aantal), berekendOp: new Date(r.berekend_op).toISOString() })),
  };
}

export type ContactverzoekenRollupRepository = ReturnType<typeof contactverzoekenRollupRepository>;
