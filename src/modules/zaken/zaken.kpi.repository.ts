/**
 * The queries behind the zaken measures of the KPI register (zaken.kpi.ts, ADR 0029). Read only:
 * the zaken module stays the only writer of zaken (ADR 0012). Every query takes one gemeente and
 * a period of calendar days in Europe/Amsterdam, and answers the whole selection plus one row per
 * zaaktype (`grouping sets`), so a median per zaaktype is exact, never an average of medians.
 *
 * Which day is a working day is never decided here: the caller passes a calendar built with
 * `src/modules/termijnen/kalender.ts` (public holidays, weekends, the gemeente's closure days).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { plusDagen } from '../termijnen/kalender.ts';
import type { Gebeurtenis } from './zaken.gebeurtenis.ts';

export interface KpiSelectie {
  gemeente: string;
  van: string;
  tot: string;
  zaaktype?: string | undefined;
}

/** Per group: `zaaktype` null is the whole selection. */
export interface Groepsrij {
  zaaktype: string | null;
}

/** The first instant of a calendar day in Amsterdam. */
const begin = (dag: string): RawBuilder<string> => sql<string>`(${dag}::date::timestamp at time zone 'Europe/Amsterdam')`;
/** The calendar day in Amsterdam of a zaak's closing. */
const sluitdag = sql<string>`(z.afgesloten_op at time zone 'Europe/Amsterdam')::date`;
const groep = sql<string | null>`case when grouping(zt.code) = 1 then null else zt.code end`;
const zaaktypeFilter = (zaaktype: string | undefined) => (zaaktype === undefined ? sql`` : sql`and zt.code = ${zaaktype}`);

/** Counts come back as text (bigint) from PostgreSQL: numbers, nulls kept. */
function getallen<T extends object>(rij: T, velden: (keyof T)[]): T {
  const uit = { ...rij };
  for (const veld of velden) uit[veld] = (uit[veld] === null ? null : Number(uit[veld])) as T[keyof T];
  return uit;
}

export function zakenKpiRepository(db: Kysely<DB>) {
  return {
    /** Zaken closed in the period; `teller`: closed on or before their deadline (uiterlijke einddatum, extensions and suspensions included). */
    async afgehandeldBinnenNorm(s: KpiSelectie): Promise<(Groepsrij & { noemer: number; teller: number })[]> {
      const { rows } = await sql<Groepsrij & { noemer: number; teller: number }>`
        select ${groep} as zaaktype,
          count(*) as noemer,
          count(*) filter (where ${sluitdag} <= z.uiterlijke_einddatum) as teller
        from zaak z
        join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
        where z.gemeente = ${s.gemeente}
          and z.afgesloten_op >= ${begin(s.van)} and z.afgesloten_op < ${begin(plusDagen(s.tot, 1))}
          ${zaaktypeFilter(s.zaaktype)}
        group by grouping sets ((), (zt.code))`.execute(db);
      return rows.map((r) => getallen(r, ['noemer', 'teller']));
    },

    /** The earliest day of receipt of the zaken closed in the period (how far back the calendar must reach), or null. */
    async vroegsteOntvangstAfgesloten(s: KpiSelectie): Promise<string | null> {
      const { rows } = await sql<{ dag: string | null }>`
        select min(z.ontvangstdatum) as dag
        from zaak z
        join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
        where z.gemeente = ${s.gemeente}
          and z.afgesloten_op >= ${begin(s.van)} and z.afgesloten_op < ${begin(plusDagen(s.tot, 1))}
          ${zaaktypeFilter(s.zaaktype)}`.execute(db);
      return rows[0]?.dag ?? null;
    },

    /**
     * Lead times of zaken closed in the period, in werkdagen from the day after receipt up to and
     * including the day of closing: median and 90th percentile as observed values (percentile_disc).
     * `kalender`: every day from the earliest receipt to the period's end, with the number of
     * working days from its start up to and including that day.
     */
    async doorlooptijden(s: KpiSelectie, kalender: { dagen: string[]; werkdagenTot: number[] }) {
      const { rows } = await sql<Groepsrij & { aantal: number; mediaan: number | null; p90: number | null }>`
        with k as (select * from unnest(${kalender.dagen}::date[], ${kalender.werkdagenTot}::int[]) as k(dag, werkdagen_tot))
        select ${groep} as zaaktype,
          count(*) as aantal,
          percentile_disc(0.5) within group (order by ks.werkdagen_tot - ko.werkdagen_tot) as mediaan,
          percentile_disc(0.9) within group (order by ks.werkdagen_tot - ko.werkdagen_tot) as p90
        from zaak z
        join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
        join k ko on ko.dag = z.ontvangstdatum
        join k ks on ks.dag = ${sluitdag}
        where z.gemeente = ${s.gemeente}
          and z.afgesloten_op >= ${begin(s.van)} and z.afgesloten_op < ${begin(plusDagen(s.tot, 1))}
          ${zaaktypeFilter(s.zaaktype)}
        group by grouping sets ((), (zt.code))`.execute(db);
      return rows.map((r) => getallen(r, ['aantal', 'mediaan', 'p90']));
    },

    /**
     * Zaken open at the end of `peildatum` (received by then, not closed by then), each with the
     * events that move a deadline (suspension, its end, extension, a recorded start or norm) up to that day, so the caller
     * can fold the deadline as it stood then with the zaken projection.
     */
    async openOpPeildatum(gemeente: string, peildatum: string, zaaktype: string | undefined) {
      const grens = begin(plusDagen(peildatum, 1));
      const { rows } = await sql<{ id: string; zaaktype: string; norm: string; ontvangstdatum: string; gebeurtenissen: { soort: string; op: string; volgnummer: number; gegevens: Record<string, unknown> }[] }>`
        select z.id, zt.code as zaaktype, zt.norm, z.ontvangstdatum,
          coalesce(
            json_agg(json_build_object('soort', g.soort, 'op', g.op, 'volgnummer', g.volgnummer, 'gegevens', g.gegevens) order by g.volgnummer)
              filter (where g.volgnummer is not null),
            '[]'::json) as gebeurtenissen
        from zaak z
        join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
        left join zaak_gebeurtenis g on g.gemeente = z.gemeente and g.zaak_id = z.id
          and g.soort in ('opschorting', 'opschorting-einde', 'verlenging', 'termijn') and g.op < ${grens}
        where z.gemeente = ${gemeente}
          and z.ontvangstdatum <= ${peildatum}::date
          and (z.afgesloten_op is null or z.afgesloten_op >= ${grens})
          ${zaaktypeFilter(zaaktype)}
        group by z.id, zt.code, zt.norm, z.ontvangstdatum`.execute(db);
      return rows.map((r) => ({
        id: r.id,
        zaaktype: r.zaaktype,
        norm: r.norm,
        ontvangstdatum: r.ontvangstdatum,
        // Stored by this module as these kinds (zaken.gebeurtenis.ts); the fold needs only kind, time and data.
        gebeurtenissen: r.gebeurtenissen.map(
          (g) => ({ soort: g.soort, op: new Date(g.op).toISOString(), volgnummer: g.volgnummer, gegevens: g.gegevens, extern: false, doorGebruiker: null, doorNaam: null, doorInwoner: false }) as Gebeurtenis,
        ),
      }));
    },

    /** Events of one kind (suspensions, extensions) that happened in the period. */
    async gebeurtenissenInPeriode(s: KpiSelectie, soort: 'opschorting' | 'verlenging'): Promise<(Groepsrij & { aantal: number; zaken: number })[]> {
      const { rows } = await sql<Groepsrij & { aantal: number; zaken: number }>`
        select ${groep} as zaaktype, count(g.volgnummer) as aantal, count(distinct z.id) as zaken
        from zaak_gebeurtenis g
        join zaak z on z.gemeente = g.gemeente and z.id = g.zaak_id
        join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
        where g.gemeente = ${s.gemeente} and g.soort = ${soort}
          and g.op >= ${begin(s.van)} and g.op < ${begin(plusDagen(s.tot, 1))}
          ${zaaktypeFilter(s.zaaktype)}
        group by grouping sets ((), (zt.code))`.execute(db);
      return rows.map((r) => getallen(r, ['aantal', 'zaken']));
    },

    /**
     * Zaken received by e-mail in the period. `kalender`: each day of the period with its fifth
     * working day after it. `teller`: closed on or before that day; `noemer`: closed, or still open
     * after that day; `inBehandeling`: open and that day not passed yet (`vandaag` ≤ it).
     */
    async emailBinnenTermijn(s: KpiSelectie, vandaag: string, kalender: { dagen: string[]; laatsteDag: string[] }) {
      const { rows } = await sql<Groepsrij & { teller: number; noemer: number; inBehandeling: number }>`
        with k as (select * from unnest(${kalender.dagen}::date[], ${kalender.laatsteDag}::date[]) as k(dag, laatste_dag))
        select ${groep} as zaaktype,
          count(*) filter (where z.afgesloten_op is not null and ${sluitdag} <= k.laatste_dag) as teller,
          count(*) filter (where z.afgesloten_op is not null or k.laatste_dag < ${vandaag}::date) as noemer,
          count(*) filter (where z.afgesloten_op is null and k.laatste_dag >= ${vandaag}::date) as "inBehandeling"
        from zaak z
        join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
        join k on k.dag = z.ontvangstdatum
        where z.gemeente = ${s.gemeente} and z.kanaal = 'e-mail'
          and z.ontvangstdatum between ${s.van}::date and ${s.tot}::date
          ${zaaktypeFilter(s.zaaktype)}
        group by grouping sets ((), (zt.code))`.execute(db);
      return rows.map((r) => getallen(r, ['teller', 'noemer', 'inBehandeling']));
    },

    /**
     * Terms not kept whose last day falls in the period: every extension (its previous deadline)
     * and every zaak that went past its deadline (closed after it, or open, not suspended, and the
     * day passed before `vandaag`). `teller`: the resident heard of the delay on or before that
     * last day — the extension itself (the zaak mails the new date), or the deadline watcher's
     * message about that deadline.
     */
    async vertragingGemeld(s: KpiSelectie, vandaag: string): Promise<(Groepsrij & { teller: number; noemer: number })[]> {
      const { rows } = await sql<Groepsrij & { teller: number; noemer: number }>`
        with termijnen as (
          select z.zaaktype_id, z.gemeente,
            (g.op at time zone 'Europe/Amsterdam')::date <= (g.gegevens->>'vorigeEinddatum')::date as tijdig
          from zaak_gebeurtenis g
          join zaak z on z.gemeente = g.gemeente and z.id = g.zaak_id
          where g.gemeente = ${s.gemeente} and g.soort = 'verlenging'
            and (g.gegevens->>'vorigeEinddatum')::date between ${s.van}::date and ${s.tot}::date
          union all
          select z.zaaktype_id, z.gemeente,
            exists (
              select 1 from zaak_gebeurtenis b
              where b.gemeente = z.gemeente and b.zaak_id = z.id and b.soort = 'bericht'
                and b.gegevens->>'bron' = 'termijnbewaking'
                and (b.gegevens->>'einddatum')::date = z.uiterlijke_einddatum
                and (b.op at time zone 'Europe/Amsterdam')::date <= z.uiterlijke_einddatum
            ) as tijdig
          from zaak z
          where z.gemeente = ${s.gemeente}
            and z.uiterlijke_einddatum between ${s.van}::date and ${s.tot}::date
            and ((z.afgesloten_op is not null and ${sluitdag} > z.uiterlijke_einddatum)
              or (z.afgesloten_op is null and not z.opgeschort and z.uiterlijke_einddatum < ${vandaag}::date))
        )
        select ${groep} as zaaktype, count(*) as noemer, count(*) filter (where t.tijdig) as teller
        from termijnen t
        join zaaktype zt on zt.gemeente = t.gemeente and zt.id = t.zaaktype_id
        where true ${zaaktypeFilter(s.zaaktype)}
        group by grouping sets ((), (zt.code))`.execute(db);
      return rows.map((r) => getallen(r, ['teller', 'noemer']));
    },
  };
}

export type ZakenKpiRepository = ReturnType<typeof zakenKpiRepository>;
