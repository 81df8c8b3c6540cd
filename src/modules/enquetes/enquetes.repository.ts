/**
 * SQL of the inwonerspanel and its surveys (ADR 0068). Only this file writes the panel and survey
 * tables. Answers (`enquete_respons`) are written with the weighting characteristics copied in and
 * no reference to a member or an invitation; the invitation only learns that it was answered.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, EnqueteTable } from '../../db/schema.ts';
import type { Antwoordtelling, Profiel, Profieltelling } from './enquetes.rapport.ts';
import type { Antwoorden } from './enquetes.regels.ts';
import type { Aanmelding } from './enquetes.regels.ts';
import { KENMERKEN, type Definitie, type Marge } from './enquetes.schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface Panellid extends Aanmelding {
  id: string;
  taal: 'nl' | 'en';
  bevestigdOp: string | null;
}

export interface EnqueteRij {
  id: string;
  definitie: Definitie;
  openLink: boolean;
  herinneringNaDagen: number;
  status: EnqueteTable['status'];
  aangemaaktOp: string;
  gestartOp: string | null;
}

export interface Uitnodiging {
  id: string;
  enqueteId: string;
  panellidId: string | null;
  beantwoord: boolean;
}

export type Sleuteldoel = 'bevestigen' | 'afmelden' | 'enquete';

const iso = (t: string | Date | null): string | null => (t === null ? null : new Date(t).toISOString());

function alsEnquete(r: { id: string; definitie: unknown; open_link: boolean; herinnering_na_dagen: number; status: EnqueteTable['status']; aangemaakt_op: string; gestart_op: string | null }): EnqueteRij {
  return {
    id: r.id,
    definitie: r.definitie as Definitie,
    openLink: r.open_link,
    herinneringNaDagen: r.herinnering_na_dagen,
    status: r.status,
    aangemaaktOp: iso(r.aangemaakt_op) as string,
    gestartOp: iso(r.gestart_op),
  };
}

/** The four characteristics of a row, in the order of KENMERKEN. */
const LID = ['id', 'email', 'taal', 'leeftijdsgroep', 'geslacht', 'wijk', 'opleiding', 'bevestigd_op'] as const;
const alsLid = (r: { id: string; email: string; taal: 'nl' | 'en'; leeftijdsgroep: string; geslacht: string; wijk: string; opleiding: string; bevestigd_op: string | null }): Panellid => ({
  id: r.id,
  email: r.email,
  taal: r.taal,
  leeftijdsgroep: r.leeftijdsgroep,
  geslacht: r.geslacht,
  wijk: r.wijk,
  opleiding: r.opleiding,
  bevestigdOp: iso(r.bevestigd_op),
});

function enqueteQueries(db: Db) {
  return {

    // ---- Margins ----

    async marges(gemeente: string): Promise<Marge[]> {
      const rijen = await db.selectFrom('panel_marge').select(['kenmerk', 'categorie', 'aandeel']).where('gemeente', '=', gemeente).execute();
      return rijen.toSorted((a, b) => KENMERKEN.indexOf(a.kenmerk) - KENMERKEN.indexOf(b.kenmerk) || a.categorie.localeCompare(b.categorie, 'nl', { numeric: true })).map((r) => ({ ...r, aandeel: Number(r.aandeel) }));
    },

    /** Replaces the gemeente's margins (call inside a transaction). */
    async zetMarges(gemeente: string, marges: readonly Marge[]): Promise<void> {
      await db.deleteFrom('panel_marge').where('gemeente', '=', gemeente).execute();
      if (marges.length > 0) await db.insertInto('panel_marge').values(marges.map((m) => ({ gemeente, ...m }))).execute();
    },

    // ---- Members ----

    async lidOpEmail(gemeente: string, email: string): Promise<Panellid | undefined> {
      const r = await db.selectFrom('panellid').select(LID).where('gemeente', '=', gemeente).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
      return r ? alsLid(r) : undefined;
    },

    async lid(gemeente: string, id: string): Promise<Panellid | undefined> {
      const r = await db.selectFrom('panellid').select(LID).where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst();
      return r ? alsLid(r) : undefined;
    },

    async voegLidToe(gemeente: string, a: Aanmelding, taal: 'nl' | 'en', op: string): Promise<string> {
      const id = randomUUID();
      await db.insertInto('panellid').values({ gemeente, id, taal, aangemeld_op: op, ...a }).execute();
      return id;
    },

    async bevestig(gemeente: string, id: string, op: string): Promise<void> {
      await db.updateTable('panellid').set({ bevestigd_op: op }).where('gemeente', '=', gemeente).where('id', '=', id).where('bevestigd_op', 'is', null).execute();
    },

    /** Deletes the member; their keys go with them, their invitations keep only "answered or not". */
    async verwijderLid(gemeente: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('panellid').where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /** Sign-ups not confirmed since `voor` are erased; returns how many. */
    async ruimOnbevestigdeOp(voor: string): Promise<number> {
      const r = await db.deleteFrom('panellid').where('bevestigd_op', 'is', null).where('aangemeld_op', '<', voor).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async voegSleutelToe(gemeente: string, tokenHash: string, panellidId: string, doel: Sleuteldoel, uitnodigingId: string | null = null): Promise<void> {
      await db.insertInto('panel_sleutel').values({ gemeente, token_hash: tokenHash, panellid_id: panellidId, doel, uitnodiging_id: uitnodigingId }).execute();
    },

    async sleutel(gemeente: string, tokenHash: string, doel: Sleuteldoel): Promise<{ panellidId: string; uitnodigingId: string | null } | undefined> {
      const r = await db.selectFrom('panel_sleutel').select(['panellid_id', 'uitnodiging_id']).where('gemeente', '=', gemeente).where('token_hash', '=', tokenHash).where('doel', '=', doel).executeTakeFirst();
      return r ? { panellidId: r.panellid_id, uitnodigingId: r.uitnodiging_id } : undefined;
    },

    async panelStand(gemeente: string): Promise<{ bevestigd: number; onbevestigd: number; perKenmerk: { kenmerk: (typeof KENMERKEN)[number]; categorie: string; leden: number }[] }> {
      const totalen = await db
        .selectFrom('panellid')
        .select([sql<string>`count(*) filter (where bevestigd_op is not null)`.as('bevestigd'), sql<string>`count(*) filter (where bevestigd_op is null)`.as('onbevestigd')])
        .where('gemeente', '=', gemeente)
        .executeTakeFirstOrThrow();
      const perKenmerk = [];
      for (const kenmerk of KENMERKEN) {
        const rijen = await db
          .selectFrom('panellid')
          .select([sql<string>`${sql.ref(kenmerk)}`.as('categorie'), (eb) => eb.fn.countAll<string>().as('leden')])
          .where('gemeente', '=', gemeente)
          .where('bevestigd_op', 'is not', null)
          .groupBy(kenmerk)
          .execute();
        for (const r of rijen) perKenmerk.push({ kenmerk, categorie: r.categorie, leden: Number(r.leden) });
      }
      return { bevestigd: Number(totalen.bevestigd), onbevestigd: Number(totalen.onbevestigd), perKenmerk };
    },

    // ---- Surveys ----

    async voegEnqueteToe(gemeente: string, e: { definitie: Definitie; openLink: boolean; herinneringNaDagen: number }, op: string): Promise<string> {
      const id = randomUUID();
      await db
        .insertInto('enquete')
        .values({ gemeente, id, definitie: JSON.stringify(e.definitie), open_link: e.openLink, herinnering_na_dagen: e.herinneringNaDagen, status: 'concept', aangemaakt_op: op })
        .execute();
      return id;
    },

    async enquete(gemeente: string, id: string): Promise<EnqueteRij | undefined> {
      const r = await db.selectFrom('enquete').selectAll().where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst();
      return r ? alsEnquete(r) : undefined;
    },

    async enquetes(gemeente: string): Promise<EnqueteRij[]> {
      const rijen = await db.selectFrom('enquete').selectAll().where('gemeente', '=', gemeente).orderBy('aangemaakt_op', 'desc').orderBy('id').execute();
      return rijen.map(alsEnquete);
    },

    async wijzigEnquete(gemeente: string, id: string, e: { definitie: Definitie; openLink: boolean; herinneringNaDagen: number }): Promise<boolean> {
      const r = await db
        .updateTable('enquete')
        .set({ definitie: JSON.stringify(e.definitie), open_link: e.openLink, herinnering_na_dagen: e.herinneringNaDagen })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', 'concept')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async zetStatus(gemeente: string, id: string, van: EnqueteTable['status'], naar: EnqueteTable['status'], op: string): Promise<boolean> {
      const r = await db
        .updateTable('enquete')
        .set(naar === 'lopend' ? { status: naar, gestart_op: op } : { status: naar })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', van)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async respons(gemeente: string, enqueteId: string): Promise<{ uitgenodigd: number; beantwoord: number; herinnerd: number; open: number }> {
      const u = await db
        .selectFrom('enquete_uitnodiging')
        .select([(eb) => eb.fn.countAll<string>().as('uitgenodigd'), sql<string>`count(*) filter (where beantwoord)`.as('beantwoord'), sql<string>`count(herinnerd_op)`.as('herinnerd')])
        .where('gemeente', '=', gemeente)
        .where('enquete_id', '=', enqueteId)
        .executeTakeFirstOrThrow();
      const o = await db.selectFrom('enquete_respons').select((eb) => eb.fn.countAll<string>().as('open')).where('gemeente', '=', gemeente).where('enquete_id', '=', enqueteId).where('bron', '=', 'open').executeTakeFirstOrThrow();
      return { uitgenodigd: Number(u.uitgenodigd), beantwoord: Number(u.beantwoord), herinnerd: Number(u.herinnerd), open: Number(o.open) };
    },

    /** Confirmed members without an invitation to this survey, in random order (at most `aantal`). */
    async nietUitgenodigd(gemeente: string, enqueteId: string, aantal: number): Promise<Panellid[]> {
      const rijen = await db
        .selectFrom('panellid as p')
        .select(LID.map((k) => `p.${k}` as const))
        .where('p.gemeente', '=', gemeente)
        .where('p.bevestigd_op', 'is not', null)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('enquete_uitnodiging as u').select('u.id').whereRef('u.gemeente', '=', 'p.gemeente').whereRef('u.panellid_id', '=', 'p.id').where('u.enquete_id', '=', enqueteId))),
        )
        .orderBy(sql`random()`)
        .limit(aantal)
        .execute();
      return rijen.map(alsLid);
    },

    async voegUitnodigingToe(gemeente: string, enqueteId: string, panellidId: string, op: string): Promise<string> {
      const id = randomUUID();
      await db.insertInto('enquete_uitnodiging').values({ gemeente, id, enquete_id: enqueteId, panellid_id: panellidId, uitgenodigd_op: op }).execute();
      return id;
    },

    /**
     * Claims, for one reminder each, the unanswered invitations of running surveys sent before
     * their survey's reminder term (`nu` minus its days): marks them reminded and returns them with the member.
     */
    async claimHerinneringen(nu: string, max: number): Promise<{ gemeente: string; uitnodigingId: string; enqueteId: string; lid: Panellid }[]> {
      const rijen = await db
        .selectFrom('enquete_uitnodiging as u')
        .innerJoin('enquete as e', (j) => j.onRef('e.gemeente', '=', 'u.gemeente').onRef('e.id', '=', 'u.enquete_id'))
        .innerJoin('panellid as p', (j) => j.onRef('p.gemeente', '=', 'u.gemeente').onRef('p.id', '=', 'u.panellid_id'))
        .select(['u.gemeente', 'u.id as uitnodiging_id', 'u.enquete_id', ...LID.map((k) => `p.${k}` as const)])
        .where('e.status', '=', 'lopend')
        .where('u.beantwoord', '=', false)
        .where('u.herinnerd_op', 'is', null)
        .where(sql<boolean>`u.uitgenodigd_op + make_interval(days => e.herinnering_na_dagen) <= ${nu}::timestamptz`)
        .orderBy('u.uitgenodigd_op')
        .limit(max)
        .forUpdate('u')
        .skipLocked()
        .execute();
      if (rijen.length === 0) return [];
      for (const r of rijen) await db.updateTable('enquete_uitnodiging').set({ herinnerd_op: nu }).where('gemeente', '=', r.gemeente).where('id', '=', r.uitnodiging_id).execute();
      return rijen.map((r) => ({ gemeente: r.gemeente, uitnodigingId: r.uitnodiging_id, enqueteId: r.enquete_id, lid: alsLid(r) }));
    },

    async uitnodiging(gemeente: string, id: string): Promise<Uitnodiging | undefined> {
      const r = await db.selectFrom('enquete_uitnodiging').select(['id', 'enquete_id', 'panellid_id', 'beantwoord']).where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst();
      return r ? { id: r.id, enqueteId: r.enquete_id, panellidId: r.panellid_id, beantwoord: r.beantwoord } : undefined;
    },

    /** Marks the invitation answered; false when it already was (nothing changed). */
    async markeerBeantwoord(gemeente: string, uitnodigingId: string): Promise<boolean> {
      const r = await db.updateTable('enquete_uitnodiging').set({ beantwoord: true }).where('gemeente', '=', gemeente).where('id', '=', uitnodigingId).where('beantwoord', '=', false).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    /**
     * Stores a set of answers, with no reference to who gave them, and adds it to the counts per
     * profile (call inside a transaction). `open`: the ids of the open questions (counted as answered only).
     */
    async voegResponsToe(gemeente: string, enqueteId: string, bron: 'panel' | 'open', profiel: Aanmelding | null, antwoorden: Antwoorden, dag: string, open: readonly string[]): Promise<void> {
      const kenmerken = { leeftijdsgroep: profiel?.leeftijdsgroep ?? null, geslacht: profiel?.geslacht ?? null, wijk: profiel?.wijk ?? null, opleiding: profiel?.opleiding ?? null };
      await db
        .insertInto('enquete_respons')
        .values({ gemeente, id: randomUUID(), enquete_id: enqueteId, bron, ...kenmerken, antwoorden: JSON.stringify(antwoorden), ontvangen_op: dag })
        .execute();
      const sleutel = { gemeente, enquete_id: enqueteId, bron, leeftijdsgroep: kenmerken.leeftijdsgroep ?? '', geslacht: kenmerken.geslacht ?? '', wijk: kenmerken.wijk ?? '', opleiding: kenmerken.opleiding ?? '' };
      const rijen = [{ ...sleutel, vraag: '', waarde: '', aantal: 1 }, ...Object.entries(antwoorden).map(([vraag, w]) => ({ ...sleutel, vraag, waarde: open.includes(vraag) ? '""' : JSON.stringify(w), aantal: 1 }))];
      await db
        .insertInto('enquete_telling')
        .values(rijen)
        .onConflict((oc) => oc.columns(['gemeente', 'enquete_id', 'bron', 'leeftijdsgroep', 'geslacht', 'wijk', 'opleiding', 'vraag', 'waarde']).doUpdateSet({ aantal: sql<number>`enquete_telling.aantal + 1` }))
        .execute();
    },

    /** The answers of a survey counted per profile, per question and value (an open question: only how many answered, value ""). */
    async tellingen(gemeente: string, enqueteId: string): Promise<{ profielen: Profieltelling[]; panel: Antwoordtelling[]; open: Antwoordtelling[]; openRespondenten: number }> {
      // One row with every count as a JSON array: parsed at once, where ten thousand rows of
      // eight columns each cost the report more than all its arithmetic (issue 15).
      const { rows } = await sql<{ t: ['panel' | 'open', string, string, string, string, string, string | string[] | null, number][] | null }>`
        select json_agg(json_build_array(bron, leeftijdsgroep, geslacht, wijk, opleiding, vraag, case when vraag = '' then null else waarde::json end, aantal)) as t
        from enquete_telling where gemeente = ${gemeente} and enquete_id = ${enqueteId}`.execute(db);
      const uit = { profielen: [] as Profieltelling[], panel: [] as Antwoordtelling[], open: [] as Antwoordtelling[], openRespondenten: 0 };
      const open = [null, null, null, null];
      // The same profile is one array for all its counts.
      const profielen = new Map<string, Profiel>();
      for (const [bron, leeftijdsgroep, geslacht, wijk, opleiding, vraag, waarde, aantal] of rows[0]?.t ?? []) {
        let p: Profiel = open;
        if (bron === 'panel') {
          const k = `${leeftijdsgroep}\u0001${geslacht}\u0001${wijk}\u0001${opleiding}`;
          p = profielen.get(k) ?? [leeftijdsgroep, geslacht, wijk, opleiding];
          profielen.set(k, p);
        }
        if (vraag === '') {
          if (bron === 'panel') uit.profielen.push({ profiel: p, aantal });
          else uit.openRespondenten += aantal;
        } else uit[bron].push({ profiel: p, vraag, waarde: waarde ?? '', aantal });
      }
      return uit;
    },
  };
}

export type EnqueteQueries = ReturnType<typeof enqueteQueries>;

export function enquetesRepository(db: Kysely<DB>) {
  return {
    ...enqueteQueries(db),
    /** Runs `fn` in one transaction, with the queries bound to it. */
    transactie: <T>(fn: (repo: EnqueteQueries, trx: Transaction<DB>) => Promise<T>): Promise<T> => db.transaction().execute((trx) => fn(enqueteQueries(trx), trx)),
  };
}

export type EnquetesRepository = ReturnType<typeof enquetesRepository>;
