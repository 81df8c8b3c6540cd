import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** One group of a measure: its key (team id or category code; null for the whole), counted above and below the line. */
export interface Telling {
  groep: string | null;
  teller: number;
  noemer: number;
}

const som = (rijen: readonly { teller: number | string; noemer: number | string }[]) => ({
  teller: rijen.reduce((s, r) => s + Number(r.teller), 0),
  noemer: rijen.reduce((s, r) => s + Number(r.noemer), 0),
});

/** The closing day of the melding's zaak in Amsterdam, and whether that was on or before its deadline. */
const sluitdag = sql<string>`(z.afgesloten_op at time zone 'Europe/Amsterdam')::date`;
const opTijd = sql<boolean>`${sluitdag} <= z.uiterlijke_einddatum`;

/** Meldingen whose zaak is closed in the period, merged ones left out (meldingen-binnen-norm). */
const afgeslotenIn = (db: Kysely<DB>) => (gemeente: string, van: string, tot: string, filter: { team?: string | undefined; categorie?: string | undefined }) => {
  let q = db
    .selectFrom('melding as m')
    .innerJoin('zaak as z', (j) => j.onRef('z.gemeente', '=', 'm.gemeente').onRef('z.id', '=', 'm.zaak_id'))
    .where('m.gemeente', '=', gemeente)
    .where('z.afgesloten_op', '>=', van)
    .where('z.afgesloten_op', '<', tot)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('melding_samenvoeging as s').select('s.zaak_id').whereRef('s.gemeente', '=', 'm.gemeente').whereRef('s.zaak_id', '=', 'm.zaak_id'))));
  if (filter.team) q = q.where('z.team_id', '=', filter.team);
  if (filter.categorie) q = q.where('m.categorie_code', '=', filter.categorie);
  return q;
};

/** Meldingen received in the period, with their merge if merged (meldingen-samengevoegd). */
const ontvangenIn = (db: Kysely<DB>) => (gemeente: string, van: string, tot: string) =>
  db
    .selectFrom('melding as m')
    .leftJoin('melding_samenvoeging as s', (j) => j.onRef('s.gemeente', '=', 'm.gemeente').onRef('s.zaak_id', '=', 'm.zaak_id'))
    .where('m.gemeente', '=', gemeente)
    .where('m.ontvangen_op', '>=', van)
    .where('m.ontvangen_op', '<', tot);

/** Meldingen first closed in the period (merged ones left out), `teller`: reopened after that closing (meldingen-heropend). */
const heropendRijen = (gemeente: string, van: string, tot: string) => sql`
  with gesloten as (
    select g.zaak_id, min(g.op) as op
    from zaak_gebeurtenis g
    join melding m on m.gemeente = g.gemeente and m.zaak_id = g.zaak_id
    where g.gemeente = ${gemeente} and g.soort = 'resultaat' and g.op >= ${van} and g.op < ${tot}
      and not exists (select 1 from melding_samenvoeging s where s.gemeente = g.gemeente and s.zaak_id = g.zaak_id)
    group by g.zaak_id
  )
  select gesloten.zaak_id, (gesloten.op at time zone 'Europe/Amsterdam')::date as datum,
    exists (
      select 1 from zaak_gebeurtenis h where h.gemeente = ${gemeente} and h.zaak_id = gesloten.zaak_id and h.soort = 'heropening' and h.op > gesloten.op
    ) as teller
  from gesloten`;

/**
 * The queries of the meldingen measures (ADR 0029, ADR 0074). Read-only over the zaak tables
 * (the zaken module writes them). Periods are instants [van, tot) of Amsterdam day starts.
 */
export function meldingenKpiRepository(db: Kysely<DB>) {
  const afgesloten = afgeslotenIn(db);
  const ontvangen = ontvangenIn(db);
  return {
    /**
     * Meldingen whose zaak is closed now and closed in the period, merged ones left out; above the
     * line those closed on or before their deadline (the closing day in Europe/Amsterdam). Per
     * team and per category.
     */
    async binnenNorm(gemeente: string, van: string, tot: string, per: 'team' | 'categorie', filter: { team?: string | undefined; categorie?: string | undefined }): Promise<Telling[]> {
      const rijen = await afgesloten(gemeente, van, tot, filter)
        .select([
          per === 'team' ? sql<string>`z.team_id::text`.as('groep') : sql<string>`m.categorie_code`.as('groep'),
          sql<string>`count(*) filter (where ${opTijd})`.as('teller'),
          sql<string>`count(*)`.as('noemer'),
        ])
        .groupBy('groep')
        .orderBy('groep')
        .execute();
      return [{ groep: null, ...som(rijen) }, ...rijen.map((r) => ({ groep: r.groep, teller: Number(r.teller), noemer: Number(r.noemer) }))];
    },

    /**
     * Meldingen closed in the period (a result in their history then), merged ones left out; above
     * the line those reopened (a `heropening` after such a closing).
     */
    async heropend(gemeente: string, van: string, tot: string): Promise<Telling> {
      const r = await sql<{ teller: string; noemer: string }>`select count(*) filter (where r.teller) as teller, count(*) as noemer from (${heropendRijen(gemeente, van, tot)}) r`.execute(db);
      const rij = r.rows[0];
      return { groep: null, teller: Number(rij?.teller ?? 0), noemer: Number(rij?.noemer ?? 0) };
    },

    /** Meldingen received in the period; above the line those merged into another melding. */
    async samengevoegd(gemeente: string, van: string, tot: string): Promise<Telling> {
      const r = await ontvangen(gemeente, van, tot)
        .select([sql<string>`count(s.zaak_id)`.as('teller'), sql<string>`count(*)`.as('noemer')])
        .executeTakeFirst();
      return { groep: null, teller: Number(r?.teller ?? 0), noemer: Number(r?.noemer ?? 0) };
    },

    /**
     * The rows each measure above counts, one per melding (the drill-down, ADR 0082): the same
     * selections, with the zaak, the day that puts it in the period and whether it is above the line.
     */
    async rijen(
      gemeente: string,
      van: string,
      tot: string,
      maat: { soort: 'binnenNorm'; filter: { team?: string | undefined; categorie?: string | undefined } } | { soort: 'heropend' | 'samengevoegd' },
    ): Promise<{ zaakId: string; datum: string; teller: boolean }[]> {
      if (maat.soort === 'binnenNorm') {
        return afgesloten(gemeente, van, tot, maat.filter)
          .select(['m.zaak_id as zaakId', sql<string>`to_char(${sluitdag}, 'YYYY-MM-DD')`.as('datum'), opTijd.as('teller')])
          .execute();
      }
      if (maat.soort === 'samengevoegd') {
        return ontvangen(gemeente, van, tot)
          .select(['m.zaak_id as zaakId', sql<string>`to_char((m.ontvangen_op at time zone 'Europe/Amsterdam')::date, 'YYYY-MM-DD')`.as('datum'), sql<boolean>`s.zaak_id is not null`.as('teller')])
          .execute();
      }
      return (await sql<{ zaakId: string; datum: string; teller: boolean }>`select r.zaak_id as "zaakId", to_char(r.datum, 'YYYY-MM-DD') as datum, r.teller from (${heropendRijen(gemeente, van, tot)}) r`.execute(db)).rows;
    },
  };
}
