/**
 * The SQL of the zaken rollup by closing day (ADR 0043, migration 0024): building buckets from
 * the zaken, the outbox the triggers on `zaak` fill, the per-gemeente state, and the reads of the
 * KPI measures. Read-only on zaken (ADR 0012): the rollup tables are the only ones written here.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { heleMaanden, somVanHistogrammen } from '../kpi/kpi.histogram.ts';
import { kpiRollupRepository } from '../kpi/kpi.rollup.repository.ts';
import { plusDagen } from '../termijnen/kalender.ts';

/** The name of this rollup in the shared tables (kpi_rollup_stand, kpi_rollup_herberekening). */
export const ZAKEN_AFGESLOTEN = 'zaken-afgesloten';

/** Every day of a calendar with the number of working days from its start up to and including it (zaken.kpi.ts `werkdagtelling`). */
export interface Werkdagkalender {
  dagen: string[];
  werkdagenTot: number[];
}

/** A bucket's totals, as kept in the recomputation log. */
export interface Emmertotaal {
  aantal: number;
  binnenNorm: number;
}

/** The buckets of a period added up per zaaktype, as the reads get them. */
export interface Emmer {
  zaaktype: string;
  aantal: number;
  binnenNorm: number;
  /** Index i: zaken closed in i werkdagen. */
  doorlooptijd: number[];
  /** When the newest of its buckets was computed. */
  berekendOp: string;
}

const begin = (dag: string) => sql<string>`(${dag}::date::timestamp at time zone 'Europe/Amsterdam')`;

/**
 * Writes the buckets of `gemeente` from its closed zaken: all days (`dag` undefined) or one. One
 * statement: every bucket is computed from the zaken, so running it twice gives the same rows.
 */
async function bouw(trx: Kysely<DB>, gemeente: string, kalender: Werkdagkalender, berekendOp: string, dag?: string): Promise<void> {
  const filter = dag === undefined ? sql`and z.afgesloten_op is not null` : sql`and z.afgesloten_op >= ${begin(dag)} and z.afgesloten_op < ${begin(plusDagen(dag, 1))}`;
  await sql`
    with k as (select * from unnest(${kalender.dagen}::date[], ${kalender.werkdagenTot}::int[]) as k(dag, werkdagen_tot)),
    z1 as (
      select ks.dag, zt.code, ks.werkdagen_tot - ko.werkdagen_tot as lt, ks.dag <= z.uiterlijke_einddatum as binnen
      from zaak z
      join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
      join k ko on ko.dag = z.ontvangstdatum
      join k ks on ks.dag = (z.afgesloten_op at time zone 'Europe/Amsterdam')::date
      where z.gemeente = ${gemeente} ${filter}
    ),
    c as (select dag, code, lt, count(*)::int as n, (count(*) filter (where binnen))::int as b from z1 group by dag, code, lt),
    m as (select dag, code, max(lt) as mx, sum(n)::int as n, sum(b)::int as b from c group by dag, code),
    h as (
      select m.dag, m.code, array_agg(coalesce(c.n, 0) order by i) as hist
      from m cross join lateral generate_series(0, m.mx) as i
      left join c on c.dag = m.dag and c.code = m.code and c.lt = i
      group by m.dag, m.code
    )
    insert into kpi_zaak_afgesloten_dag (gemeente, dag, zaaktype, aantal, binnen_norm, doorlooptijd, berekend_op)
    select ${gemeente}, m.dag, m.code, m.n, m.b, h.hist, ${berekendOp}::timestamptz
    from m join h on h.dag = m.dag and h.code = m.code`.execute(trx);
}

/**
 * Writes the month buckets of `gemeente` from its day buckets: every month (`maand` undefined) or
 * one (its first day). Counts are summed, histograms summed element by element.
 */
async function bouwMaanden(trx: Kysely<DB>, gemeente: string, berekendOp: string, maand?: string): Promise<void> {
  const filter = maand === undefined ? sql`` : sql`and dag >= ${maand}::date and dag < (${maand}::date + interval '1 month')`;
  await trx.deleteFrom('kpi_zaak_afgesloten_maand').where('gemeente', '=', gemeente).$if(maand !== undefined, (q) => q.where('maand', '=', maand ?? '')).execute();
  await sql`
    with d as (
      select date_trunc('month', dag)::date as maand, zaaktype, aantal, binnen_norm, doorlooptijd
      from kpi_zaak_afgesloten_dag where gemeente = ${gemeente} ${filter}
    ),
    t as (select maand, zaaktype, sum(aantal)::int as a, sum(binnen_norm)::int as b from d group by maand, zaaktype),
    e as (select d.maand, d.zaaktype, u.i, sum(u.n)::int as n from d cross join lateral unnest(d.doorlooptijd) with ordinality as u(n, i) group by d.maand, d.zaaktype, u.i),
    h as (select maand, zaaktype, array_agg(n order by i) as hist from e group by maand, zaaktype)
    insert into kpi_zaak_afgesloten_maand (gemeente, maand, zaaktype, aantal, binnen_norm, doorlooptijd, berekend_op)
    select ${gemeente}, t.maand, t.zaaktype, t.a, t.b, h.hist, ${berekendOp}::timestamptz
    from t join h on h.maand = t.maand and h.zaaktype = t.zaaktype`.execute(trx);
}

async function totaal(trx: Kysely<DB>, gemeente: string, dag: string): Promise<Emmertotaal> {
  const r = await trx
    .selectFrom('kpi_zaak_afgesloten_dag')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('aantal'), sql<number>`0`).as('aantal'), eb.fn.coalesce(eb.fn.sum<number>('binnen_norm'), sql<number>`0`).as('binnen')])
    .where('gemeente', '=', gemeente)
    .where('dag', '=', dag)
    .executeTakeFirst();
  return { aantal: Number(r?.aantal ?? 0), binnenNorm: Number(r?.binnen ?? 0) };
}

/** `lezen`: Database.lezen, for the reads of the KPI measures (the replica inside request.lees, ADR 0028). */
export function zakenKpiRollupRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  const gedeeld = kpiRollupRepository(db, lezen);
  return {
    /** Every gemeente (a round looks at each: its outbox, and whether its closure days changed). */
    gemeenten: async (): Promise<string[]> => (await db.selectFrom('gemeente').select('code').orderBy('code').execute()).map((r) => r.code),

    /** The calendar the gemeente's rollup was built with and when (for a round, on the primary). */
    async stand(gemeente: string): Promise<{ kalender: string; opgebouwdOp: string } | undefined> {
      const r = await db.selectFrom('kpi_rollup_stand').select(['kalender', 'opgebouwd_op']).where('gemeente', '=', gemeente).where('rollup', '=', ZAKEN_AFGESLOTEN).executeTakeFirst();
      return r ? { kalender: r.kalender, opgebouwdOp: new Date(r.opgebouwd_op).toISOString() } : undefined;
    },

    /** The outbox rows of a gemeente (oldest first, at most `limiet` when given): what a run will recompute and then delete. */
    werk: (gemeente: string, limiet?: number) =>
      db
        .selectFrom('kpi_rollup_werk')
        .select(['id', 'dag', 'reden', 'aangemeld_op'])
        .where('gemeente', '=', gemeente)
        .where('rollup', '=', ZAKEN_AFGESLOTEN)
        .orderBy('id')
        .$if(limiet !== undefined, (q) => q.limit(limiet ?? 0))
        .execute()
        .then((rijen) => rijen.map((r) => ({ id: String(r.id), dag: r.dag, reden: r.reden, aangemeldOp: new Date(r.aangemeld_op).toISOString() }))),

    /** The earliest day of receipt of the gemeente's zaken closed on `dag` (all closed zaken without), or null. */
    async vroegsteOntvangst(gemeente: string, dag?: string): Promise<string | null> {
      const filter = dag === undefined ? sql`and z.afgesloten_op is not null` : sql`and z.afgesloten_op >= ${begin(dag)} and z.afgesloten_op < ${begin(plusDagen(dag, 1))}`;
      const { rows } = await sql<{ dag: string | null }>`select min(z.ontvangstdatum)::text as dag from zaak z where z.gemeente = ${gemeente} ${filter}`.execute(db);
      return rows[0]?.dag ?? null;
    },

    /** The last closing day of the gemeente's zaken (Europe/Amsterdam), or null. */
    async laatsteSluitdag(gemeente: string): Promise<string | null> {
      const { rows } = await sql<{ dag: string | null }>`select (max(afgesloten_op) at time zone 'Europe/Amsterdam')::date::text as dag from zaak where gemeente = ${gemeente} and afgesloten_op is not null`.execute(db);
      return rows[0]?.dag ?? null;
    },

    /**
     * Rebuilds every bucket of the gemeente in one transaction, records the calendar, and deletes
     * the outbox rows seen before (`werkIds`): rows added meanwhile stay for the next run.
     */
    herbouw: (gemeente: string, kalender: Werkdagkalender, kalenderVingerafdruk: string, berekendOp: string, werkIds: string[]) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('kpi_zaak_afgesloten_dag').where('gemeente', '=', gemeente).execute();
        await bouw(trx, gemeente, kalender, berekendOp);
        await bouwMaanden(trx, gemeente, berekendOp);
        await trx
          .insertInto('kpi_rollup_stand')
          .values({ gemeente, rollup: ZAKEN_AFGESLOTEN, kalender: kalenderVingerafdruk, opgebouwd_op: berekendOp })
          .onConflict((oc) => oc.columns(['gemeente', 'rollup']).doUpdateSet({ kalender: kalenderVingerafdruk, opgebouwd_op: berekendOp }))
          .execute();
        if (werkIds.length > 0) await trx.deleteFrom('kpi_rollup_werk').where('gemeente', '=', gemeente).where('id', '=', sql<string>`any(${werkIds}::bigint[])`).execute();
      }),

    /**
     * Recomputes one day's buckets from the zaken and deletes the outbox rows seen for it. When
     * `laat` gives a reason (the day had ended before the change arrived) and the totals changed,
     * appends the recomputation to the log. Answers the totals before and after.
     */
    herberekenDag: (gemeente: string, dag: string, kalender: Werkdagkalender, berekendOp: string, werkIds: string[], laat: string | null) =>
      db.transaction().execute(async (trx) => {
        const voor = await totaal(trx, gemeente, dag);
        await trx.deleteFrom('kpi_zaak_afgesloten_dag').where('gemeente', '=', gemeente).where('dag', '=', dag).execute();
        await bouw(trx, gemeente, kalender, berekendOp, dag);
        await bouwMaanden(trx, gemeente, berekendOp, `${dag.slice(0, 7)}-01`);
        const na = await totaal(trx, gemeente, dag);
        if (laat !== null && (voor.aantal !== na.aantal || voor.binnenNorm !== na.binnenNorm)) {
          await trx
            .insertInto('kpi_rollup_herberekening')
            .values({ gemeente, rollup: ZAKEN_AFGESLOTEN, dag, op: berekendOp, reden: laat, voor: JSON.stringify(voor), na: JSON.stringify(na) })
            .execute();
        }
        await trx.deleteFrom('kpi_rollup_werk').where('gemeente', '=', gemeente).where('id', '=', sql<string>`any(${werkIds}::bigint[])`).execute();
        return { voor, na };
      }),

    /** For a measure's read, on `lezen`: the calendar and time the rollup was built with, and its waiting outbox rows in the period (kpi.rollup.repository.ts). */
    leesStand: (gemeente: string, van: string, tot: string) => gedeeld.leesStand(gemeente, ZAKEN_AFGESLOTEN, van, tot),

    /**
     * The buckets of each period (optionally one zaaktype) added up per zaaktype, in one statement
     * for all periods (a series asks for twelve): a month bucket for every whole month in a period,
     * day buckets for the days before its first and after its last whole month. PostgreSQL sums the
     * counts and joins the histograms' stored text (one string per period and zaaktype,
     * `somVanHistogrammen` adds them up; ADR 0089): a year is a few rows, not hundreds of buckets
     * with a histogram each. One list of buckets per period, in the order given.
     */
    async emmers(gemeente: string, perioden: readonly { van: string; tot: string }[], zaaktype: string | undefined): Promise<Emmer[][]> {
      const filter = zaaktype === undefined ? sql`` : sql`and zaaktype = ${zaaktype}`;
      const delen = perioden.flatMap(({ van, tot }, i) => {
        const { maanden, dagen } = heleMaanden(van, tot);
        return [
          ...(maanden ? [sql`select ${i}::int as deel, zaaktype, aantal, binnen_norm, doorlooptijd_tekst, berekend_op from kpi_zaak_afgesloten_maand where gemeente = ${gemeente} and maand >= ${maanden.van} and maand <= ${maanden.tot} ${filter}`] : []),
          ...dagen.map((d) => sql`select ${i}::int as deel, zaaktype, aantal, binnen_norm, doorlooptijd_tekst, berekend_op from kpi_zaak_afgesloten_dag where gemeente = ${gemeente} and dag >= ${d.van} and dag <= ${d.tot} ${filter}`),
        ];
      });
      const uit: Emmer[][] = perioden.map(() => []);
      if (delen.length === 0) return uit;
      const { rows } = await sql<{ deel: number; zaaktype: string; aantal: number; binnen_norm: number; doorlooptijd: string; berekend_op: string }>`
        select deel, zaaktype, sum(aantal)::bigint as aantal, sum(binnen_norm)::bigint as binnen_norm, string_agg(doorlooptijd_tekst, ',') as doorlooptijd, max(berekend_op) as berekend_op
        from (${sql.join(delen, sql` union all `)}) e
        group by deel, zaaktype`.execute(lezen);
      for (const r of rows) {
        uit[r.deel]?.push({ zaaktype: r.zaaktype, aantal: Number(r.aantal), binnenNorm: Number(r.binnen_norm), doorlooptijd: somVanHistogrammen(r.doorlooptijd), berekendOp: new Date(r.berekend_op).toISOString() });
      }
      return uit;
    },

    /** Closed days of each period that were recomputed because late data arrived, newest first, at most `limiet` per period; one list per period, in the order given. */
    async herberekeningen(gemeente: string, perioden: readonly { van: string; tot: string }[], limiet: number) {
      const { rows } = await sql<{ deel: number; dag: string; op: string; reden: string }>`
        select p.deel::int - 1 as deel, h.dag, h.op, h.reden
        from unnest(${perioden.map((p) => p.van)}::date[], ${perioden.map((p) => p.tot)}::date[]) with ordinality as p(van, tot, deel)
        cross join lateral (
          select dag, op, reden from kpi_rollup_herberekening
          where gemeente = ${gemeente} and rollup = ${ZAKEN_AFGESLOTEN} and dag >= p.van and dag <= p.tot
          order by op desc limit ${limiet}
        ) h
        order by p.deel, h.op desc`.execute(lezen);
      const uit: { dag: string; op: string; reden: string }[][] = perioden.map(() => []);
      for (const r of rows) uit[r.deel]?.push({ dag: r.dag, op: new Date(r.op).toISOString(), reden: r.reden });
      return uit;
    },
  };
}

export type ZakenKpiRollupRepository = ReturnType<typeof zakenKpiRollupRepository>;
