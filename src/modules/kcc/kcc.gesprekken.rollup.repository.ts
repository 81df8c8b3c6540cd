/**
 * The SQL of the telephony rollup (ADR 0066, migration 0037): buckets per gemeente, day (the
 * Europe/Amsterdam date of begin_op) and wachtrij with the counts behind the measures and the
 * histogram of the waits of the answered calls in whole seconds, and the same per month (the
 * sums of its days). Read-only on kcc_gesprek; the buckets are always recomputed from it.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DagBouwer } from '../kpi/kpi.dagrollup.ts';
import { heleMaanden, somVanHistogrammen } from '../kpi/kpi.histogram.ts';
import { plusDagen } from '../termijnen/kalender.ts';
import type { Periodesoort } from './kcc.gesprekken.repository.ts';

/** The name of this rollup in the shared tables (outbox, state, recomputation log). */
export const KCC_GESPREKKEN = 'kcc-gesprekken';

/** The buckets of one queue in one period added up, as the reads get them. */
export interface GesprekEmmer {
  /** The first day of the period (`per`), or null: the whole selection. */
  periode: string | null;
  wachtrij: string;
  totaal: number;
  noemer: number;
  binnen30s: number;
  afgehaakt: number;
  kortOpgehangen: number;
  buitenOpeningstijd: number;
  beantwoord: number;
  wachttijdSom: number;
  /** Index i: answered calls that waited i seconds. */
  wachttijd: number[];
  /** When the newest of its buckets was computed. */
  berekendOp: string;
}

const begin = (dag: string) => sql<string>`(${dag}::date::timestamp at time zone 'Europe/Amsterdam')`;

async function bouwDagen(trx: Kysely<DB>, gemeente: string, op: string, dag?: string): Promise<void> {
  const filter = dag === undefined ? sql`` : sql`and begin_op >= ${begin(dag)} and begin_op < ${begin(plusDagen(dag, 1))}`;
  await sql`
    with g as (
      select (begin_op at time zone 'Europe/Amsterdam')::date as dag, wachtrij, afloop, wachttijd_s
      from kcc_gesprek where gemeente = ${gemeente} ${filter}
    ),
    t as (
      select dag, wachtrij, count(*)::int as totaal,
        count(*) filter (where afloop = 'beantwoord' or (afloop = 'opgehangen' and wachttijd_s >= 5))::int as noemer,
        count(*) filter (where afloop = 'beantwoord' and wachttijd_s <= 30)::int as binnen_30s,
        count(*) filter (where afloop = 'opgehangen' and wachttijd_s >= 5)::int as afgehaakt,
        count(*) filter (where afloop = 'opgehangen' and wachttijd_s < 5)::int as kort_opgehangen,
        count(*) filter (where afloop = 'buiten-openingstijd')::int as buiten_openingstijd,
        count(*) filter (where afloop = 'beantwoord')::int as beantwoord,
        coalesce(sum(wachttijd_s) filter (where afloop = 'beantwoord'), 0)::bigint as wachttijd_som,
        max(wachttijd_s) filter (where afloop = 'beantwoord') as mx
      from g group by dag, wachtrij
    ),
    c as (select dag, wachtrij, wachttijd_s as w, count(*)::int as n from g where afloop = 'beantwoord' group by dag, wachtrij, wachttijd_s),
    h as (
      select t.dag, t.wachtrij, array_agg(coalesce(c.n, 0) order by i) as hist
      from t cross join lateral generate_series(0, t.mx) as i
      left join c on c.dag = t.dag and c.wachtrij = t.wachtrij and c.w = i
      where t.mx is not null
      group by t.dag, t.wachtrij
    )
    insert into kpi_kcc_gesprek_dag (gemeente, dag, wachtrij, totaal, noemer, binnen_30s, afgehaakt, kort_opgehangen, buiten_openingstijd, beantwoord, wachttijd_som, wachttijd, berekend_op)
    select ${gemeente}, t.dag, t.wachtrij, t.totaal, t.noemer, t.binnen_30s, t.afgehaakt, t.kort_opgehangen, t.buiten_openingstijd, t.beantwoord, t.wachttijd_som,
      coalesce(h.hist, '{}'::int[]), ${op}::timestamptz
    from t left join h on h.dag = t.dag and h.wachtrij = t.wachtrij`.execute(trx);
}

async function bouwMaanden(trx: Kysely<DB>, gemeente: string, op: string, maand?: string): Promise<void> {
  const filter = maand === undefined ? sql`` : sql`and dag >= ${maand}::date and dag < (${maand}::date + interval '1 month')`;
  await trx.deleteFrom('kpi_kcc_gesprek_maand').where('gemeente', '=', gemeente).$if(maand !== undefined, (q) => q.where('maand', '=', maand ?? '')).execute();
  await sql`
    with d as (select date_trunc('month', dag)::date as maand, * from kpi_kcc_gesprek_dag where gemeente = ${gemeente} ${filter}),
    t as (
      select maand, wachtrij, sum(totaal)::int as totaal, sum(noemer)::int as noemer, sum(binnen_30s)::int as binnen_30s, sum(afgehaakt)::int as afgehaakt,
        sum(kort_opgehangen)::int as kort_opgehangen, sum(buiten_openingstijd)::int as buiten_openingstijd, sum(beantwoord)::int as beantwoord, sum(wachttijd_som)::bigint as wachttijd_som
      from d group by maand, wachtrij
    ),
    e as (select d.maand, d.wachtrij, u.i, sum(u.n)::int as n from d cross join lateral unnest(d.wachttijd) with ordinality as u(n, i) group by d.maand, d.wachtrij, u.i),
    h as (select maand, wachtrij, array_agg(n order by i) as hist from e group by maand, wachtrij)
    insert into kpi_kcc_gesprek_maand (gemeente, maand, wachtrij, totaal, noemer, binnen_30s, afgehaakt, kort_opgehangen, buiten_openingstijd, beantwoord, wachttijd_som, wachttijd, berekend_op)
    select ${gemeente}, t.maand, t.wachtrij, t.totaal, t.noemer, t.binnen_30s, t.afgehaakt, t.kort_opgehangen, t.buiten_openingstijd, t.beantwoord, t.wachttijd_som,
      coalesce(h.hist, '{}'::int[]), ${op}::timestamptz
    from t left join h on h.maand = t.maand and h.wachtrij = t.wachtrij`.execute(trx);
}

/** Writes the buckets from the call records (the rollup's `DagBouwer`). */
export const kccGesprekkenBouwer: DagBouwer = {
  async herbouw(trx, gemeente, op) {
    await trx.deleteFrom('kpi_kcc_gesprek_dag').where('gemeente', '=', gemeente).execute();
    await bouwDagen(trx, gemeente, op);
    await bouwMaanden(trx, gemeente, op);
  },
  async bouwDag(trx, gemeente, dag, op) {
    await trx.deleteFrom('kpi_kcc_gesprek_dag').where('gemeente', '=', gemeente).where('dag', '=', dag).execute();
    await bouwDagen(trx, gemeente, op, dag);
    await bouwMaanden(trx, gemeente, op, `${dag.slice(0, 7)}-01`);
  },
  async totaal(trx, gemeente, dag) {
    const r = await trx
      .selectFrom('kpi_kcc_gesprek_dag')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('totaal'), sql<number>`0`).as('totaal'),
        eb.fn.coalesce(eb.fn.sum<number>('noemer'), sql<number>`0`).as('noemer'),
        eb.fn.coalesce(eb.fn.sum<number>('binnen_30s'), sql<number>`0`).as('binnen30s'),
        eb.fn.coalesce(eb.fn.sum<number>('afgehaakt'), sql<number>`0`).as('afgehaakt'),
        eb.fn.coalesce(eb.fn.sum<number>('beantwoord'), sql<number>`0`).as('beantwoord'),
      ])
      .where('gemeente', '=', gemeente)
      .where('dag', '=', dag)
      .executeTakeFirst();
    return { totaal: Number(r?.totaal ?? 0), noemer: Number(r?.noemer ?? 0), binnen30s: Number(r?.binnen30s ?? 0), afgehaakt: Number(r?.afgehaakt ?? 0), beantwoord: Number(r?.beantwoord ?? 0) };
  },
};

/** The first day of the period of size `per` that holds the bucket's day `dag` (ISO weeks start on Monday, as `periodeBegin`). */
const periodeVan = (per: Periodesoort | undefined) =>
  per === undefined ? sql`null::date` : per === 'dag' ? sql`dag` : sql`date_trunc(${per === 'week' ? 'week' : per === 'maand' ? 'month' : 'year'}, dag::timestamp)::date`;

/** `lezen`: Database.lezen (the replica inside request.lees, ADR 0028). */
export function kccGesprekkenRollupRepository(lezen: Kysely<DB>) {
  const kolommen = sql`wachtrij, totaal, noemer, binnen_30s, afgehaakt, kort_opgehangen, buiten_openingstijd, beantwoord, wachttijd_som, wachttijd_tekst, berekend_op`;
  return {
    /**
     * The buckets of van–tot (optionally one queue) added up per queue and, with `per`, per period,
     * in one statement: for a period of months or years a month bucket for every whole month and day
     * buckets around them; for days and weeks only day buckets. PostgreSQL sums the counts and
     * joins the wait histograms' stored text (one string per group, `somVanHistogrammen` adds them
     * up; ADR 0089): a year is five rows, not sixty buckets with a histogram each.
     */
    async emmers(gemeente: string, van: string, tot: string, opties: { wachtrij?: string | undefined; per?: Periodesoort | undefined }): Promise<GesprekEmmer[]> {
      const { maanden, dagen } = opties.per !== 'dag' && opties.per !== 'week' ? heleMaanden(van, tot) : { maanden: null, dagen: [{ van, tot }] };
      const filter = opties.wachtrij === undefined ? sql`` : sql`and wachtrij = ${opties.wachtrij}`;
      const delen = [
        ...(maanden ? [sql`select maand as dag, ${kolommen} from kpi_kcc_gesprek_maand where gemeente = ${gemeente} and maand >= ${maanden.van} and maand <= ${maanden.tot} ${filter}`] : []),
        ...dagen.map((d) => sql`select dag, ${kolommen} from kpi_kcc_gesprek_dag where gemeente = ${gemeente} and dag >= ${d.van} and dag <= ${d.tot} ${filter}`),
      ];
      const { rows } = await sql<{ periode: string | null; wachtrij: string; totaal: number; noemer: number; binnen_30s: number; afgehaakt: number; kort_opgehangen: number; buiten_openingstijd: number; beantwoord: number; wachttijd_som: number; wachttijd: string; berekend_op: string }>`
        select ${periodeVan(opties.per)} as periode, wachtrij, sum(totaal)::bigint as totaal, sum(noemer)::bigint as noemer, sum(binnen_30s)::bigint as binnen_30s,
          sum(afgehaakt)::bigint as afgehaakt, sum(kort_opgehangen)::bigint as kort_opgehangen, sum(buiten_openingstijd)::bigint as buiten_openingstijd,
          sum(beantwoord)::bigint as beantwoord, sum(wachttijd_som)::bigint as wachttijd_som, string_agg(wachttijd_tekst, ',') as wachttijd, max(berekend_op) as berekend_op
        from (${sql.join(delen, sql` union all `)}) e
        group by 1, wachtrij`.execute(lezen);
      return rows.map((r) => ({
        periode: r.periode,
        wachtrij: r.wachtrij,
        totaal: Number(r.totaal),
        noemer: Number(r.noemer),
        binnen30s: Number(r.binnen_30s),
        afgehaakt: Number(r.afgehaakt),
        kortOpgehangen: Number(r.kort_opgehangen),
        buitenOpeningstijd: Number(r.buiten_openingstijd),
        beantwoord: Number(r.beantwoord),
        wachttijdSom: Number(r.wachttijd_som),
        wachttijd: somVanHistogrammen(r.wachttijd),
        berekendOp: new Date(r.berekend_op).toISOString(),
      }));
    },
  };
}

export type KccGesprekkenRollupRepository = ReturnType<typeof kccGesprekkenRollupRepository>;
