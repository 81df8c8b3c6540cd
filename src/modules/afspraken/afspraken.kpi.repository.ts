/**
 * SQL of the balie measures in the KPI register (issue 14): waiting time at the desk and the
 * no-show rate, over the appointments whose start lies in the period (Europe/Amsterdam), for
 * the whole gemeente and per location of the balie (`grouping sets`: one query, both answers).
 * Reads only; the afspraken tables are written by afspraken.repository.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** One row per location, and the row of all locations together (`locatie` null). */
export interface WachttijdRij {
  locatie: string | null;
  /** Appointments with both a check-in and a served moment. */
  aantal: number;
  /** Seconds, as observed values (percentile_disc); null without appointments. */
  mediaan: number | null;
  p90: number | null;
}

export interface NietVerschenenRij {
  locatie: string | null;
  nietVerschenen: number;
  /** Appointments the desk marked: checked in, served or not shown. */
  afgerond: number;
}

const getal = (w: unknown): number | null => (w === null || w === undefined ? null : Number(w));

/** The appointments of the period (start date in Amsterdam), optionally of one location, with their location. */
const inPeriode = (gemeente: string, van: string, tot: string, locatie: string | undefined) => sql`
  select a.id, a.status, b.locatie_id
  from afspraak a
  join afspraak_balie b on b.gemeente = a.gemeente and b.id = a.balie_id
  where a.gemeente = ${gemeente}
    and (a.start at time zone 'Europe/Amsterdam')::date between ${van}::date and ${tot}::date
    ${locatie === undefined ? sql`` : sql`and b.locatie_id = ${locatie}::uuid`}`;

export function afsprakenKpiRepository(db: Kysely<DB>) {
  return {
    /**
     * Waiting time at the desk: from the first check-in to the moment the desk marked the resident
     * served, in whole seconds. An appointment without a check-in (served straight away) or not
     * served has no waiting time and does not count.
     */
    async wachttijden(gemeente: string, van: string, tot: string, locatie?: string): Promise<WachttijdRij[]> {
      const { rows } = await sql<{ locatie: string | null; aantal: string; mediaan: unknown; p90: unknown }>`
        with periode as (${inPeriode(gemeente, van, tot, locatie)}),
        wacht as (
          select p.locatie_id, round(extract(epoch from (h.op - i.op)))::integer as seconden
          from periode p
          join lateral (select min(g.op) as op from afspraak_gebeurtenis g where g.gemeente = ${gemeente} and g.afspraak_id = p.id and g.soort = 'ingecheckt') i on i.op is not null
          join lateral (select max(g.op) as op from afspraak_gebeurtenis g where g.gemeente = ${gemeente} and g.afspraak_id = p.id and g.soort = 'geholpen') h on h.op is not null
          where h.op >= i.op
        )
        select locatie_id::text as locatie, count(*) as aantal,
          percentile_disc(0.5) within group (order by seconden) as mediaan,
          percentile_disc(0.9) within group (order by seconden) as p90
        from wacht
        group by grouping sets ((), (locatie_id))`.execute(db);
      const uit = rows.map((r) => ({ locatie: r.locatie, aantal: Number(r.aantal), mediaan: getal(r.mediaan), p90: getal(r.p90) }));
      // Without any row the grand total is still one row (count 0).
      return uit.some((r) => r.locatie === null) ? uit : [{ locatie: null, aantal: 0, mediaan: null, p90: null }, ...uit];
    },

    /** Not shown: of the appointments the desk marked (checked in, served or not shown), those marked not shown. */
    async nietVerschenen(gemeente: string, van: string, tot: string, locatie?: string): Promise<NietVerschenenRij[]> {
      const { rows } = await sql<{ locatie: string | null; niet_verschenen: string; afgerond: string }>`
        with periode as (${inPeriode(gemeente, van, tot, locatie)})
        select locatie_id::text as locatie,
          count(*) filter (where status = 'niet-verschenen') as niet_verschenen,
          count(*) filter (where status in ('ingecheckt', 'geholpen', 'niet-verschenen')) as afgerond
        from periode
        group by grouping sets ((), (locatie_id))`.execute(db);
      const uit = rows.map((r) => ({ locatie: r.locatie, nietVerschenen: Number(r.niet_verschenen), afgerond: Number(r.afgerond) }));
      return uit.some((r) => r.locatie === null) ? uit : [{ locatie: null, nietVerschenen: 0, afgerond: 0 }, ...uit];
    },
  };
}
