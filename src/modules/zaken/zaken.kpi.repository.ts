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
import type { KpiZaak } from '../kpi/kpi.definitie.ts';
import type { Gebeurtenis } from './zaken.gebeurtenis.ts';
import { BEPERKT_ZICHTBAAR } from './zaken.repository.ts';

/** What the drill-down shows of a zaak (ADR 0082): a counted case without what the measure adds. */
type ZaakGegevens = Omit<KpiZaak, 'datum' | 'teller' | 'waarde'>;

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

/** The group of a row of one of the `…Rijen` selections below: the whole selection (null) or its zaaktype. */
const rijGroep = sql<string | null>`case when grouping(r.zaaktype) = 1 then null else r.zaaktype end`;

/**
 * The zaken of a measure, one row per case counted (ADR 0082): `zaak_id`, `zaaktype` (code),
 * `datum` (the day that puts it in the period) and `teller`. The value counts these rows and the
 * drill-down lists them: one definition for both.
 */
const afgeslotenRijen = (s: KpiSelectie) => sql`
  select z.id as zaak_id, zt.code as zaaktype, ${sluitdag} as datum, ${sluitdag} <= z.uiterlijke_einddatum as teller
  from zaak z
  join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
  where z.gemeente = ${s.gemeente}
    and z.afgesloten_op >= ${begin(s.van)} and z.afgesloten_op < ${begin(plusDagen(s.tot, 1))}
    ${zaaktypeFilter(s.zaaktype)}`;

/** Events of one kind in the period, one row per event (a zaak suspended twice is two rows). */
const gebeurtenisRijen = (s: KpiSelectie, soort: 'opschorting' | 'verlenging') => sql`
  select z.id as zaak_id, zt.code as zaaktype, (g.op at time zone 'Europe/Amsterdam')::date as datum, null::boolean as teller, g.volgnummer
  from zaak_gebeurtenis g
  join zaak z on z.gemeente = g.gemeente and z.id = g.zaak_id
  join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
  where g.gemeente = ${s.gemeente} and g.soort = ${soort}
    and g.op >= ${begin(s.van)} and g.op < ${begin(plusDagen(s.tot, 1))}
    ${zaaktypeFilter(s.zaaktype)}`;

/**
 * E-mail questions received in the period. `teller`: closed on or before the fifth working day
 * after receipt; `noemer`: closed, or still open after that day (the outcome is known); the rest
 * is still within its five days (`inBehandeling`).
 */
const emailRijen = (s: KpiSelectie, vandaag: string, kalender: { dagen: string[]; laatsteDag: string[] }) => sql`
  with k as (select * from unnest(${kalender.dagen}::date[], ${kalender.laatsteDag}::date[]) as k(dag, laatste_dag))
  select z.id as zaak_id, zt.code as zaaktype, z.ontvangstdatum as datum,
    (z.afgesloten_op is not null and ${sluitdag} <= k.laatste_dag) as teller,
    (z.afgesloten_op is not null or k.laatste_dag < ${vandaag}::date) as noemer
  from zaak z
  join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
  join k on k.dag = z.ontvangstdatum
  where z.gemeente = ${s.gemeente} and z.kanaal = 'e-mail'
    and z.ontvangstdatum between ${s.van}::date and ${s.tot}::date
    ${zaaktypeFilter(s.zaaktype)}`;

/** Terms not kept whose last day (`datum`) falls in the period; `teller`: the resident heard in time (see vertragingGemeld). */
const vertragingRijen = (s: KpiSelectie, vandaag: string) => sql`
  with termijnen as (
    select z.id as zaak_id, z.zaaktype_id, z.gemeente, (g.gegevens->>'vorigeEinddatum')::date as datum,
      (g.op at time zone 'Europe/Amsterdam')::date <= (g.gegevens->>'vorigeEinddatum')::date as tijdig
    from zaak_gebeurtenis g
    join zaak z on z.gemeente = g.gemeente and z.id = g.zaak_id
    where g.gemeente = ${s.gemeente} and g.soort = 'verlenging'
      and (g.gegevens->>'vorigeEinddatum')::date between ${s.van}::date and ${s.tot}::date
    union all
    select z.id as zaak_id, z.zaaktype_id, z.gemeente, z.uiterlijke_einddatum as datum,
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
  select t.zaak_id, zt.code as zaaktype, t.datum, t.tijdig as teller
  from termijnen t
  join zaaktype zt on zt.gemeente = t.gemeente and zt.id = t.zaaktype_id
  where true ${zaaktypeFilter(s.zaaktype)}`;

/** A row of a `…Rijen` selection as the drill-down reads it. */
export interface KpiZaakRij {
  zaak_id: string;
  zaaktype: string;
  datum: string;
  teller: boolean | null;
}

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
        select ${rijGroep} as zaaktype, count(*) as noemer, count(*) filter (where r.teller) as teller
        from (${afgeslotenRijen(s)}) r
        group by grouping sets ((), (r.zaaktype))`.execute(db);
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
        select ${rijGroep} as zaaktype, count(r.volgnummer) as aantal, count(distinct r.zaak_id) as zaken
        from (${gebeurtenisRijen(s, soort)}) r
        group by grouping sets ((), (r.zaaktype))`.execute(db);
      return rows.map((r) => getallen(r, ['aantal', 'zaken']));
    },

    /**
     * Zaken received by e-mail in the period. `kalender`: each day of the period with its fifth
     * working day after it. `teller`: closed on or before that day; `noemer`: closed, or still open
     * after that day; `inBehandeling`: open and that day not passed yet (`vandaag` ≤ it).
     */
    async emailBinnenTermijn(s: KpiSelectie, vandaag: string, kalender: { dagen: string[]; laatsteDag: string[] }) {
      const { rows } = await sql<Groepsrij & { teller: number; noemer: number; inBehandeling: number }>`
        select ${rijGroep} as zaaktype,
          count(*) filter (where r.teller) as teller,
          count(*) filter (where r.noemer) as noemer,
          count(*) filter (where not r.noemer) as "inBehandeling"
        from (${emailRijen(s, vandaag, kalender)}) r
        group by grouping sets ((), (r.zaaktype))`.execute(db);
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
        select ${rijGroep} as zaaktype, count(*) as noemer, count(*) filter (where r.teller) as teller
        from (${vertragingRijen(s, vandaag)}) r
        group by grouping sets ((), (r.zaaktype))`.execute(db);
      return rows.map((r) => getallen(r, ['teller', 'noemer']));
    },

    /**
     * The rows a measure counts (the drill-down, ADR 0082), from the same selection as its count
     * above: the zaken closed in the period (zaken-binnen-norm and the lead times), the events of
     * one kind, the e-mail questions whose outcome is known, the terms not kept.
     */
    async rijen(
      s: KpiSelectie,
      maat: { soort: 'afgesloten' } | { soort: 'opschorting' | 'verlenging' } | { soort: 'email'; vandaag: string; kalender: { dagen: string[]; laatsteDag: string[] } } | { soort: 'vertraging'; vandaag: string },
    ): Promise<KpiZaakRij[]> {
      const selectie =
        maat.soort === 'afgesloten'
          ? afgeslotenRijen(s)
          : maat.soort === 'email'
            ? sql`select r.zaak_id, r.zaaktype, r.datum, r.teller from (${emailRijen(s, maat.vandaag, maat.kalender)}) r where r.noemer`
            : maat.soort === 'vertraging'
              ? vertragingRijen(s, maat.vandaag)
              : gebeurtenisRijen(s, maat.soort);
      const { rows } = await sql<KpiZaakRij>`select r.zaak_id, r.zaaktype, to_char(r.datum, 'YYYY-MM-DD') as datum, r.teller from (${selectie}) r`.execute(db);
      return rows;
    },

    /**
     * What the drill-down shows of these zaken, and whether the asker may see each: a restricted
     * zaak (ADR 0013) only for who sees every confidential zaak, its team and its behandelaar — the
     * rule of the queues (zaken.repository.ts `beperkt`).
     */
    async gegevens(gemeente: string, ids: readonly string[], kijker: { gebruiker: string | null; alles: boolean }) {
      if (ids.length === 0) return new Map<string, ZaakGegevens>();
      const gebruiker = kijker.gebruiker ?? '00000000-0000-0000-0000-000000000000';
      const { rows } = await sql<ZaakGegevens>`
        select z.id, z.identificatie, zt.code as zaaktype, z.onderwerp, to_char(z.ontvangstdatum, 'YYYY-MM-DD') as ontvangstdatum, z.afgesloten_op as "afgeslotenOp",
          to_char(z.uiterlijke_einddatum, 'YYYY-MM-DD') as "uiterlijkeEinddatum", z.opgeschort, t.naam as team,
          (${kijker.alles}::boolean or z.vertrouwelijkheid <> all(${[...BEPERKT_ZICHTBAAR]}::text[])
            or z.behandelaar_id = ${gebruiker}::uuid
            or exists (select 1 from team_lid l where l.gemeente = z.gemeente and l.team_id = z.team_id and l.gebruiker_id = ${gebruiker}::uuid)) as zichtbaar
        from zaak z
        join zaaktype zt on zt.gemeente = z.gemeente and zt.id = z.zaaktype_id
        join team t on t.gemeente = z.gemeente and t.id = z.team_id
        where z.gemeente = ${gemeente} and z.id = any(${[...ids]}::uuid[])`.execute(db);
      return new Map(rows.map((r) => [r.id, { ...r, afgeslotenOp: r.afgeslotenOp === null ? null : new Date(r.afgeslotenOp).toISOString() }]));
    },

  };
}

export type ZakenKpiRepository = ReturnType<typeof zakenKpiRepository>;
