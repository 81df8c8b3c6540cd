import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, PaginafeedbackAfhandelingTable, PaginafeedbackTable } from '../../db/schema.ts';
import { KANAAL, sein } from '../../db/signalen.ts';

export type Afhandeling = PaginafeedbackAfhandelingTable['afhandeling'];

export interface Instellingen {
  domeinen: string[];
  routes: { patroon: string; team: string }[];
}

/** What the intake of a gemeente's website needs: the gemeente, its domains and routing. */
export interface Intake extends Instellingen {
  gemeente: string;
}

export interface NieuweFeedback {
  id: string;
  ontvangenOp: string;
  pagina: string;
  gevonden: boolean;
  vindbaarheid: number | null;
  begrijpelijkheid: number | null;
  volledigheid: number | null;
  tekst: string | null;
  team: string | null;
  metJavascript: boolean;
}

export interface FeedbackRij extends NieuweFeedback {
  afhandeling: { afhandeling: Afhandeling; notitie: string; afgehandeldOp: string; afgehandeldDoor: string | null } | null;
}

export interface Paginastand {
  pagina: string;
  team: string | null;
  aantal: number;
  nee: number;
  open: number;
  laatste: string;
}

const tijd = (t: string | Date) => new Date(t).toISOString();
/** The start of a day (YYYY-MM-DD) in Europe/Amsterdam, as a timestamptz. */
const dagbegin = (datum: string) => sql<string>`(${datum}::date::timestamp at time zone 'Europe/Amsterdam')`;

/** A row of the list query: the remark's columns and its handling's (null when open). */
type RuweRij = Omit<Selectable<PaginafeedbackTable>, 'gemeente'> & {
  afhandeling: Afhandeling | null;
  notitie: string | null;
  afgehandeld_op: string | null;
  afgehandeld_door: string | null;
};

const naarRij = (r: RuweRij): FeedbackRij => ({
  id: r.id,
  ontvangenOp: tijd(r.ontvangen_op),
  pagina: r.pagina,
  gevonden: r.gevonden,
  vindbaarheid: r.vindbaarheid,
  begrijpelijkheid: r.begrijpelijkheid,
  volledigheid: r.volledigheid,
  tekst: r.tekst,
  team: r.team,
  metJavascript: r.met_javascript,
  afhandeling: r.afhandeling && r.afgehandeld_op ? { afhandeling: r.afhandeling, notitie: r.notitie ?? '', afgehandeldOp: tijd(r.afgehandeld_op), afgehandeldDoor: r.afgehandeld_door } : null,
});

/** SQL of page feedback: configuration, remarks, handling, the counts per page. */
export function paginafeedbackRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  const lijstBasis = (gemeente: string, van: Kysely<DB> = lezen) =>
    van
      .selectFrom('paginafeedback as f')
      .leftJoin('paginafeedback_afhandeling as a', (j) => j.onRef('a.gemeente', '=', 'f.gemeente').onRef('a.feedback', '=', 'f.id'))
      .where('f.gemeente', '=', gemeente);
  const metKolommen = (q: ReturnType<typeof lijstBasis>) =>
    q.select([
      'f.id',
      'f.ontvangen_op',
      'f.pagina',
      'f.gevonden',
      'f.vindbaarheid',
      'f.begrijpelijkheid',
      'f.volledigheid',
      'f.tekst',
      'f.team',
      'f.met_javascript',
      'a.afhandeling',
      'a.notitie',
      'a.afgehandeld_op',
      'a.afgehandeld_door',
    ]);

  return {
    async instellingen(gemeente: string): Promise<Instellingen> {
      const [domeinen, routes] = await Promise.all([
        db.selectFrom('paginafeedback_domein').select('domein').where('gemeente', '=', gemeente).orderBy('domein').execute(),
        db.selectFrom('paginafeedback_route').select(['patroon', 'team']).where('gemeente', '=', gemeente).orderBy('volgorde').execute(),
      ]);
      return { domeinen: domeinen.map((d) => d.domein), routes };
    },

    /** The gemeente with this slug and its configuration, in one statement (undefined: no such gemeente). */
    async intake(slug: string): Promise<Intake | undefined> {
      const { rows } = await sql<{ code: string; domeinen: string[]; routes: { patroon: string; team: string }[] }>`
        select g.code,
          coalesce((select json_agg(d.domein order by d.domein) from paginafeedback_domein d where d.gemeente = g.code), '[]') as domeinen,
          coalesce((select json_agg(json_build_object('patroon', r.patroon, 'team', r.team) order by r.volgorde) from paginafeedback_route r where r.gemeente = g.code), '[]') as routes
        from gemeente g where g.slug = ${slug}`.execute(db);
      const r = rows[0];
      return r && { gemeente: r.code, domeinen: r.domeinen, routes: r.routes };
    },

    /** Replaces the whole configuration in one transaction; every node hears it at commit (ADR 0023). */
    vervangInstellingen: (gemeente: string, i: Instellingen) =>
      db.transaction().execute(async (trx) => {
        await sein(trx, KANAAL.paginafeedback, gemeente);
        await trx.deleteFrom('paginafeedback_route').where('gemeente', '=', gemeente).execute();
        await trx.deleteFrom('paginafeedback_domein').where('gemeente', '=', gemeente).execute();
        if (i.domeinen.length > 0) await trx.insertInto('paginafeedback_domein').values(i.domeinen.map((domein) => ({ gemeente, domein }))).execute();
        if (i.routes.length > 0) {
          await trx
            .insertInto('paginafeedback_route')
            .values(i.routes.map((r, n) => ({ gemeente, volgorde: n + 1, patroon: r.patroon, team: r.team })))
            .execute();
        }
      }),

    /** The teams of the list that do not exist in the gemeente. */
    async onbekendeTeams(gemeente: string, teams: readonly string[]): Promise<string[]> {
      if (teams.length === 0) return [];
      const bestaand = await db.selectFrom('team').select('id').where('gemeente', '=', gemeente).where('id', 'in', [...teams]).execute();
      const ids = new Set(bestaand.map((t) => t.id));
      return teams.filter((t) => !ids.has(t));
    },

    bewaar: (gemeente: string, f: NieuweFeedback) =>
      db
        .insertInto('paginafeedback')
        .values({
          gemeente,
          id: f.id,
          ontvangen_op: f.ontvangenOp,
          pagina: f.pagina,
          gevonden: f.gevonden,
          vindbaarheid: f.vindbaarheid,
          begrijpelijkheid: f.begrijpelijkheid,
          volledigheid: f.volledigheid,
          tekst: f.tekst,
          team: f.team,
          met_javascript: f.metJavascript,
        })
        .execute(),

    /** Remarks, newest first; `open`: not handled yet, with a "nee" or a text. */
    async lijst(gemeente: string, filter: { status?: 'open' | 'afgehandeld' | undefined; team?: string | null | undefined; pagina?: string | undefined }, offset: number, limit: number) {
      let q = lijstBasis(gemeente);
      // Open: not handled, and something to handle (a "nee" or a text); a plain "ja" is neither open nor handled.
      if (filter.status === 'open') q = q.where('a.feedback', 'is', null).where((eb) => eb.or([eb('f.tekst', 'is not', null), eb('f.gevonden', '=', false)]));
      if (filter.status === 'afgehandeld') q = q.where('a.feedback', 'is not', null);
      if (filter.team === null) q = q.where('f.team', 'is', null);
      else if (filter.team !== undefined) q = q.where('f.team', '=', filter.team);
      if (filter.pagina !== undefined) q = q.where('f.pagina', '=', filter.pagina);
      const [rijen, totaal] = await Promise.all([
        metKolommen(q)
          .orderBy('f.ontvangen_op', 'desc')
          .orderBy('f.id')
          .offset(offset)
          .limit(limit)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(totaal.n),
        rows: rijen.map(naarRij),
      };
    },

    /** One remark (from the primary: right after a change). */
    opId: async (gemeente: string, id: string): Promise<FeedbackRij | undefined> => {
      const r = await metKolommen(lijstBasis(gemeente, db).where('f.id', '=', id)).executeTakeFirst();
      return r ? naarRij(r) : undefined;
    },

    bestaat: async (gemeente: string, id: string) =>
      (await db.selectFrom('paginafeedback').select('id').where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst()) !== undefined,

    /** Writes the handling once; false when the remark was handled already. */
    async handelAf(gemeente: string, feedback: string, a: { afhandeling: Afhandeling; notitie: string; op: string; door: string | null }): Promise<boolean> {
      const r = await db
        .insertInto('paginafeedback_afhandeling')
        .values({ gemeente, feedback, afhandeling: a.afhandeling, notitie: a.notitie, afgehandeld_op: a.op, afgehandeld_door: a.door })
        .onConflict((oc) => oc.columns(['gemeente', 'feedback']).doNothing())
        .returning('feedback')
        .executeTakeFirst();
      return r !== undefined;
    },

    /** Per page from day `van` up to (not including) day `totNa` (Europe/Amsterdam): answers, "nee", open remarks and the latest; ranked by share of "nee", then by number of "nee". */
    async paginas(gemeente: string, van: string, totNa: string, minimum: number, offset: number, limit: number) {
      const basis = lezen
        .selectFrom('paginafeedback as f')
        .leftJoin('paginafeedback_afhandeling as a', (j) => j.onRef('a.gemeente', '=', 'f.gemeente').onRef('a.feedback', '=', 'f.id'))
        .where('f.gemeente', '=', gemeente)
        .where('f.ontvangen_op', '>=', dagbegin(van))
        .where('f.ontvangen_op', '<', dagbegin(totNa))
        .groupBy('f.pagina')
        .having((eb) => eb.fn.countAll(), '>=', minimum);
      const [rijen, totaal] = await Promise.all([
        basis
          .select([
            'f.pagina',
            sql<string | null>`(array_agg(f.team::text order by f.ontvangen_op desc))[1]`.as('team'),
            sql<string>`count(*)`.as('aantal'),
            sql<string>`count(*) filter (where not f.gevonden)`.as('nee'),
            sql<string>`count(*) filter (where a.feedback is null and (f.tekst is not null or not f.gevonden))`.as('open'),
            sql<string | Date>`max(f.ontvangen_op)`.as('laatste'),
          ])
          .orderBy(sql`count(*) filter (where not f.gevonden)::float8 / count(*)`, 'desc')
          .orderBy(sql`count(*) filter (where not f.gevonden)`, 'desc')
          .orderBy('f.pagina')
          .offset(offset)
          .limit(limit)
          .execute(),
        lezen
          .selectFrom(basis.select('f.pagina').as('p'))
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(totaal.n),
        rows: rijen.map((r): Paginastand => ({ pagina: r.pagina, team: r.team, aantal: Number(r.aantal), nee: Number(r.nee), open: Number(r.open), laatste: tijd(r.laatste) })),
      };
    },

    /** The answers of one page per ISO week (Europe/Amsterdam) from day `van` up to day `totNa`. */
    async trend(gemeente: string, pagina: string, van: string, totNa: string) {
      const rijen = await lezen
        .selectFrom('paginafeedback')
        .where('gemeente', '=', gemeente)
        .where('pagina', '=', pagina)
        .where('ontvangen_op', '>=', dagbegin(van))
        .where('ontvangen_op', '<', dagbegin(totNa))
        .select([
          sql<string>`to_char(date_trunc('week', ontvangen_op at time zone 'Europe/Amsterdam'), 'YYYY-MM-DD')`.as('week'),
          sql<string>`count(*) filter (where gevonden)`.as('ja'),
          sql<string>`count(*) filter (where not gevonden)`.as('nee'),
        ])
        .groupBy(sql`1`)
        .orderBy(sql`1`)
        .execute();
      return rijen.map((r) => ({ week: r.week, ja: Number(r.ja), nee: Number(r.nee) }));
    },

    /** Deletes remarks that came in before the moment (retention); returns how many. */
    async verwijderVoor(moment: string): Promise<number> {
      const r = await db.deleteFrom('paginafeedback').where('ontvangen_op', '<', moment).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type PaginafeedbackRepository = ReturnType<typeof paginafeedbackRepository>;
