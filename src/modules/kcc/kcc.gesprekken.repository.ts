import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Gesprek } from './kcc.gesprekken.csv.ts';

/** Rows per INSERT: one statement with eight array parameters, whatever the size (ADR 0031, BENCHMARKS.md). */
export const PARTIJ = 5000;

/** A period size for the measures: by the Europe/Amsterdam calendar (ISO weeks from Monday). */
export type Periodesoort = 'dag' | 'week' | 'maand' | 'jaar';
const TRUNC: Record<Periodesoort, string> = { dag: 'day', week: 'week', maand: 'month', jaar: 'year' };

export interface GesprekkenSelectie {
  gemeente: string;
  /** First and last day (inclusive, YYYY-MM-DD), by the Europe/Amsterdam date of begin. */
  van: string;
  tot: string;
  /** Only this queue. */
  wachtrij?: string | undefined;
  /** A row per period of this size (its first day in `periode`); without: one row for van–tot. */
  per?: Periodesoort | undefined;
  /** Also a row per queue (besides the row for all queues). */
  perWachtrij?: boolean | undefined;
}

/** The counts behind the measures for one group (a period and/or a queue; null: all). */
export interface Gesprekstelling {
  /** First day of the period (with `per`), else null. */
  periode: string | null;
  /** The queue, or null for all queues of the selection. */
  wachtrij: string | null;
  /** All call records in the group, whatever their afloop. */
  totaal: number;
  /** beantwoord, plus opgehangen after 5 seconds or more. */
  noemer: number;
  /** beantwoord with wachttijd_s ≤ 30. */
  binnen30s: number;
  /** opgehangen with wachttijd_s ≥ 5. */
  afgehaakt: number;
  /** opgehangen with wachttijd_s < 5 (short abandons: not counted). */
  kortOpgehangen: number;
  buitenOpeningstijd: number;
  beantwoord: number;
  /** Sum of wachttijd_s of the answered calls. */
  wachttijdBeantwoord: number;
  /** 90th percentile (nearest rank: a value that occurred) of wachttijd_s of the answered calls; null without any. */
  p90Beantwoord: number | null;
}

/**
 * SQL of the call records: the import (idempotent on gemeente + gesprek_id) and the counts of the
 * measures. `lezen` (Database.lezen) runs the counts: the read replica inside `request.lees`
 * (ADR 0028), the primary everywhere else, as for the other measures of the KPI register.
 */
export function kccGesprekkenRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  return {
    /**
     * Stores the calls in one transaction, in statements of PARTIJ rows (`insert … select from
     * unnest(…) on conflict do nothing`); a call whose gesprek_id the gemeente already has is left
     * as it is. Returns how many were new.
     */
    voegToe: (gemeente: string, gesprekken: readonly Gesprek[], nu: string, partij = PARTIJ): Promise<number> =>
      db.transaction().execute(async (trx) => {
        let nieuw = 0;
        for (let start = 0; start < gesprekken.length; start += partij) {
          const deel = gesprekken.slice(start, start + partij);
          const r = await sql`
            insert into kcc_gesprek (gemeente, gesprek_id, wachtrij, begin_op, wachttijd_s, afloop, gespreksduur_s, doorverbonden_naar, geimporteerd_op)
            select ${gemeente}, g.*, ${nu}::timestamptz
            from unnest(
              ${deel.map((g) => g.gesprekId)}::text[], ${deel.map((g) => g.wachtrij)}::text[], ${deel.map((g) => g.begin)}::timestamptz[],
              ${deel.map((g) => g.wachttijdS)}::integer[], ${deel.map((g) => g.afloop)}::text[], ${deel.map((g) => g.gespreksduurS)}::integer[],
              ${deel.map((g) => g.doorverbondenNaar)}::text[]
            ) as g
            on conflict (gemeente, gesprek_id) do nothing`.execute(trx);
          nieuw += Number(r.numAffectedRows ?? 0n);
        }
        return nieuw;
      }),

    /** The gemeente's number of call records (tests, benchmark). */
    aantal: async (gemeente: string): Promise<number> => {
      const r = await db.selectFrom('kcc_gesprek').select((eb) => eb.fn.countAll<number>().as('n')).where('gemeente', '=', gemeente).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /**
     * The counts of the measures per group. The period is by the Europe/Amsterdam date of
     * begin_op: from local midnight of `van` up to local midnight after `tot` (a day of 23 or 25
     * hours when the clocks change), read through the index on (gemeente, begin_op).
     */
    tellingen: async (s: GesprekkenSelectie): Promise<Gesprekstelling[]> => {
      const lokaal = sql`(begin_op at time zone 'Europe/Amsterdam')`;
      const periode: RawBuilder<unknown> = s.per ? sql`date_trunc(${sql.lit(TRUNC[s.per])}, ${lokaal})::date` : sql`null::date`;
      const groepen = s.per
        ? s.perWachtrij
          ? sql`grouping sets ((periode), (periode, wachtrij))`
          : sql`grouping sets ((periode))`
        : s.perWachtrij
          ? sql`grouping sets ((), (wachtrij))`
          : sql`grouping sets (())`;
      const rijen = await sql<{
        periode: string | null;
        wachtrij: string | null;
        totaal: number;
        noemer: number;
        binnen_30s: number;
        afgehaakt: number;
        kort_opgehangen: number;
        buiten_openingstijd: number;
        beantwoord: number;
        wachttijd_beantwoord: number;
        p90: number | null;
      }>`
        select ${s.per ? sql`periode` : sql`null::date`} as periode, ${s.perWachtrij ? sql`wachtrij` : sql`null::text`} as wachtrij,
          count(*)::integer as totaal,
          count(*) filter (where afloop = 'beantwoord' or (afloop = 'opgehangen' and wachttijd_s >= 5))::integer as noemer,
          count(*) filter (where afloop = 'beantwoord' and wachttijd_s <= 30)::integer as binnen_30s,
          count(*) filter (where afloop = 'opgehangen' and wachttijd_s >= 5)::integer as afgehaakt,
          count(*) filter (where afloop = 'opgehangen' and wachttijd_s < 5)::integer as kort_opgehangen,
          count(*) filter (where afloop = 'buiten-openingstijd')::integer as buiten_openingstijd,
          count(*) filter (where afloop = 'beantwoord')::integer as beantwoord,
          coalesce(sum(wachttijd_s) filter (where afloop = 'beantwoord'), 0)::bigint as wachttijd_beantwoord,
          percentile_disc(0.9) within group (order by wachttijd_s) filter (where afloop = 'beantwoord') as p90
        from (
          -- wachtrij is never null in the table: null in a row means all queues.
          select ${periode} as periode, wachtrij, afloop, wachttijd_s
          from kcc_gesprek
          where gemeente = ${s.gemeente}
            and begin_op >= (${s.van}::date::timestamp at time zone 'Europe/Amsterdam')
            and begin_op < ((${s.tot}::date + 1)::timestamp at time zone 'Europe/Amsterdam')
            ${s.wachtrij === undefined ? sql`` : sql`and wachtrij = ${s.wachtrij}`}
        ) as g
        group by ${groepen}
        order by periode nulls first, wachtrij nulls first`.execute(lezen);
      return rijen.rows.map((r) => ({
        periode: r.periode,
        wachtrij: r.wachtrij,
        totaal: r.totaal,
        noemer: r.noemer,
        binnen30s: r.binnen_30s,
        afgehaakt: r.afgehaakt,
        kortOpgehangen: r.kort_opgehangen,
        buitenOpeningstijd: r.buiten_openingstijd,
        beantwoord: r.beantwoord,
        wachttijdBeantwoord: Number(r.wachttijd_beantwoord),
        p90Beantwoord: r.p90 === null ? null : Number(r.p90),
      }));
    },
  };
}

export type KccGesprekkenRepository = ReturnType<typeof kccGesprekkenRepository>;
