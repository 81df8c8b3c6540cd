import { sql, type Kysely } from 'kysely';
import type { DB, KennisartikelSoort, KennisMeldingSoort } from '../../db/schema.ts';
import { inEenTransactie } from '../../db/verzoek-transactie.ts';
import { voorbereid } from '../../db/voorbereid.ts';

export interface ArtikelInhoud {
  soort: KennisartikelSoort;
  onderwerp: string;
  titel: string;
  inhoud: string;
  trefwoorden: string;
  url: string | null;
  teamId: string;
  herzienOp: string;
}

export interface ArtikelRegel {
  id: string;
  soort: KennisartikelSoort;
  onderwerp: string;
  titel: string;
  url: string | null;
  team: { id: string; naam: string };
  herzienOp: string;
  versie: number;
}

export interface ArtikelRecord extends ArtikelRegel {
  inhoud: string;
  trefwoorden: string;
  gewijzigdOp: string;
}

export interface Zoekresultaat extends ArtikelRegel {
  fragment: string;
  score: number;
}

export interface MeldingRecord {
  id: string;
  soort: KennisMeldingSoort;
  toelichting: string;
  artikel: { id: string; titel: string; versie: number | null } | null;
  team: { id: string; naam: string };
  status: 'open' | 'afgehandeld';
  antwoord: string | null;
  gecorrigeerdInVersie: number | null;
  gemeldDoor: string;
  gemeldDoorId: string | null;
  gemeldOp: string;
  afgehandeldDoor: string | null;
  afgehandeldOp: string | null;
}

const getal = (waarde: unknown): number => Number(waarde ?? 0);

const artikelen = (gemeente: string, d: Kysely<DB>) =>
  d
    .selectFrom('kennisartikel as a')
    .innerJoin('team as t', (j) => j.onRef('t.gemeente', '=', 'a.gemeente').onRef('t.id', '=', 'a.team_id'))
    .select(['a.id', 'a.soort', 'a.onderwerp', 'a.titel', 'a.url', 'a.team_id', 't.naam as team_naam', 'a.herzien_op', 'a.versie'])
    .where('a.gemeente', '=', gemeente);

type ArtikelRij = Awaited<ReturnType<ReturnType<typeof artikelen>['executeTakeFirstOrThrow']>>;

const naarRegel = (r: ArtikelRij): ArtikelRegel => ({
  id: r.id,
  soort: r.soort,
  onderwerp: r.onderwerp,
  titel: r.titel,
  url: r.url,
  team: { id: r.team_id, naam: r.team_naam },
  herzienOp: r.herzien_op,
  versie: r.versie,
});

const meldingen = (gemeente: string, d: Kysely<DB>) =>
  d
    .selectFrom('kennis_melding as m')
    .innerJoin('team as t', (j) => j.onRef('t.gemeente', '=', 'm.gemeente').onRef('t.id', '=', 'm.team_id'))
    .leftJoin('kennisartikel as a', (j) => j.onRef('a.gemeente', '=', 'm.gemeente').onRef('a.id', '=', 'm.artikel_id'))
    .select([
      'm.id',
      'm.soort',
      'm.toelichting',
      'm.artikel_id',
      'a.titel as artikel_titel',
      'm.artikel_versie',
      'm.team_id',
      't.naam as team_naam',
      'm.status',
      'm.antwoord',
      'm.gecorrigeerd_in_versie',
      'm.gemeld_door',
      'm.gemeld_door_naam',
      'm.gemeld_op',
      'm.afgehandeld_door_naam',
      'm.afgehandeld_op',
    ])
    .where('m.gemeente', '=', gemeente);

type MeldingRij = Awaited<ReturnType<ReturnType<typeof meldingen>['executeTakeFirstOrThrow']>>;

const naarMelding = (r: MeldingRij): MeldingRecord => ({
  id: r.id,
  soort: r.soort,
  toelichting: r.toelichting,
  artikel: r.artikel_id ? { id: r.artikel_id, titel: r.artikel_titel ?? '', versie: r.artikel_versie } : null,
  team: { id: r.team_id, naam: r.team_naam },
  status: r.status,
  antwoord: r.antwoord,
  gecorrigeerdInVersie: r.gecorrigeerd_in_versie,
  gemeldDoor: r.gemeld_door_naam,
  gemeldDoorId: r.gemeld_door,
  gemeldOp: r.gemeld_op,
  afgehandeldDoor: r.afgehandeld_door_naam,
  afgehandeldOp: r.afgehandeld_op,
});

/** The words of what someone typed: letters and digits only (so nothing is query syntax), at most 12. */
export function zoekwoorden(tekst: string): string[] {
  return (tekst.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** SQL of the knowledge base (ADR 0049). Always per gemeente; the search and lists on `lezen`. */
export function kennisbankRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  return {
    samen: <T>(werk: () => Promise<T>): Promise<T> => inEenTransactie(db, werk),

    /** The e-mail address of a staff member (to tell a reporter the answer). */
    emailVan: async (gebruikerId: string): Promise<string | undefined> =>
      (await db.selectFrom('gebruiker').select('email').where('id', '=', gebruikerId).where('actief', '=', true).executeTakeFirst())?.email,

    titelBestaat: async (gemeente: string, titel: string): Promise<boolean> =>
      (await db.selectFrom('kennisartikel').select('id').where('gemeente', '=', gemeente).where('titel', '=', titel).executeTakeFirst()) !== undefined,

    /** A new article: its current row and version 1. */
    voegToe: async (gemeente: string, id: string, a: ArtikelInhoud, v: { toelichting: string; door: { id: string | null; naam: string | null }; op: string }): Promise<void> => {
      await db
        .insertInto('kennisartikel')
        .values({ gemeente, id, soort: a.soort, onderwerp: a.onderwerp, titel: a.titel, inhoud: a.inhoud, trefwoorden: a.trefwoorden, url: a.url, team_id: a.teamId, herzien_op: a.herzienOp, gewijzigd_op: v.op })
        .execute();
      await db
        .insertInto('kennisartikel_versie')
        .values({ gemeente, artikel_id: id, versie: 1, soort: a.soort, onderwerp: a.onderwerp, titel: a.titel, inhoud: a.inhoud, trefwoorden: a.trefwoorden, url: a.url, team_id: a.teamId, herzien_op: a.herzienOp, toelichting: v.toelichting, door_gebruiker: v.door.id, door_naam: v.door.naam, op: v.op })
        .execute();
    },

    /** A new version when the article is still at `versie`; false when it changed meanwhile. */
    wijzig: async (gemeente: string, id: string, versie: number, a: ArtikelInhoud, v: { toelichting: string; door: { id: string | null; naam: string | null }; op: string }): Promise<boolean> => {
      const r = await db
        .updateTable('kennisartikel')
        .set({ soort: a.soort, onderwerp: a.onderwerp, titel: a.titel, inhoud: a.inhoud, trefwoorden: a.trefwoorden, url: a.url, team_id: a.teamId, herzien_op: a.herzienOp, gewijzigd_op: v.op, versie: versie + 1 })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('versie', '=', versie)
        .executeTakeFirst();
      if (r.numUpdatedRows === 0n) return false;
      await db
        .insertInto('kennisartikel_versie')
        .values({ gemeente, artikel_id: id, versie: versie + 1, soort: a.soort, onderwerp: a.onderwerp, titel: a.titel, inhoud: a.inhoud, trefwoorden: a.trefwoorden, url: a.url, team_id: a.teamId, herzien_op: a.herzienOp, toelichting: v.toelichting, door_gebruiker: v.door.id, door_naam: v.door.naam, op: v.op })
        .execute();
      return true;
    },

    opId: async (gemeente: string, id: string, d: Kysely<DB> = db): Promise<ArtikelRecord | undefined> => {
      const r = await artikelen(gemeente, d).select(['a.inhoud', 'a.trefwoorden', 'a.gewijzigd_op']).where('a.id', '=', id).executeTakeFirst();
      return r ? { ...naarRegel(r), inhoud: r.inhoud, trefwoorden: r.trefwoorden, gewijzigdOp: r.gewijzigd_op } : undefined;
    },

    versies: (gemeente: string, id: string) =>
      db
        .selectFrom('kennisartikel_versie')
        .select(['versie', 'soort', 'onderwerp', 'titel', 'inhoud', 'trefwoorden', 'url', 'team_id as teamId', 'herzien_op as herzienOp', 'toelichting', 'door_naam as door', 'op'])
        .where('gemeente', '=', gemeente)
        .where('artikel_id', '=', id)
        .orderBy('versie', 'desc')
        .execute(),

    /**
     * The search (ADR 0088, ADR 0094): the database function `kennis_zoeken` (migration 0062), one
     * statement whose plans PostgreSQL keeps per connection, itself kept prepared (ADR 0097). The
     * words as typed, each as a Dutch word beginning, all required, ranked by title, onderwerp and
     * keywords (a match there counts most); with only one- or two-letter words, title, onderwerp
     * and keywords by title. When that finds fewer than `limit`: typos corrected against the
     * gemeente's word list (`kennis_woord`) and searched again, then articles with any of the
     * words in title, onderwerp or keywords below.
     */
    zoek: async (gemeente: string, z: { tekst: string; onderwerp?: string | undefined; soort?: KennisartikelSoort | undefined; limit: number }): Promise<Zoekresultaat[]> => {
      const woorden = zoekwoorden(z.tekst);
      if (woorden.length === 0) return [];
      // Kept prepared on each connection (ADR 0097): the call itself is not parsed and planned again.
      const zoeken = sql<ArtikelRij & { fragment: string; score: number }>`
        select * from kennis_zoeken(${gemeente}, ${woorden}::text[], ${z.onderwerp ?? null}, ${z.soort ?? null}, ${z.limit})`;
      const { rows } = await lezen.executeQuery(voorbereid(zoeken.compile(lezen)));
      return rows.map((r) => ({ ...naarRegel(r), fragment: r.fragment, score: Math.round(getal(r.score) * 1000) / 1000 }));
    },

    /** The topics of the gemeente's articles with their number of articles, by name (the KCC's onderwerp list). */
    onderwerpen: async (gemeente: string): Promise<{ onderwerp: string; artikelen: number }[]> => {
      const rijen = await lezen
        .selectFrom('kennisartikel')
        .select(['onderwerp', sql<number>`count(*)`.as('n')])
        .where('gemeente', '=', gemeente)
        .groupBy('onderwerp')
        .orderBy('onderwerp')
        .execute();
      return rijen.map((r) => ({ onderwerp: r.onderwerp, artikelen: getal(r.n) }));
    },

    /** A page of articles by title; `teHerzien`: only those whose review date is before `vandaag`. */
    lijst: async (
      gemeente: string,
      f: { onderwerp?: string | undefined; soort?: KennisartikelSoort | undefined; teams?: string[] | undefined; teHerzienVoor?: string | undefined; offset: number; limit: number },
    ): Promise<{ rijen: ArtikelRegel[]; totaal: number }> => {
      const filter = <Q extends ReturnType<typeof artikelen>>(q: Q): Q => {
        let r = q;
        if (f.onderwerp !== undefined) r = r.where(sql<string>`lower(a.onderwerp)`, '=', f.onderwerp.toLowerCase()) as Q;
        if (f.soort !== undefined) r = r.where('a.soort', '=', f.soort) as Q;
        if (f.teams !== undefined) r = (f.teams.length === 0 ? r.where(sql<boolean>`false`) : r.where('a.team_id', 'in', f.teams)) as Q;
        if (f.teHerzienVoor !== undefined) r = r.where('a.herzien_op', '<', f.teHerzienVoor) as Q;
        return r;
      };
      const volgorde = f.teHerzienVoor === undefined ? 'a.titel' : 'a.herzien_op';
      const rijen = await filter(artikelen(gemeente, lezen)).orderBy(volgorde).orderBy('a.id').offset(f.offset).limit(f.limit).execute();
      const telling = await filter(artikelen(gemeente, lezen)).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      return { rijen: rijen.map(naarRegel), totaal: getal(telling.n) };
    },

    voegMeldingToe: async (
      gemeente: string,
      m: { id: string; artikelId: string | null; artikelVersie: number | null; soort: KennisMeldingSoort; toelichting: string; teamId: string; door: { id: string | null; naam: string }; op: string },
    ): Promise<void> => {
      await db
        .insertInto('kennis_melding')
        .values({
          gemeente,
          id: m.id,
          artikel_id: m.artikelId,
          artikel_versie: m.artikelVersie,
          soort: m.soort,
          toelichting: m.toelichting,
          team_id: m.teamId,
          gemeld_door: m.door.id,
          gemeld_door_naam: m.door.naam,
          gemeld_op: m.op,
        })
        .execute();
    },

    melding: async (gemeente: string, id: string): Promise<MeldingRecord | undefined> => {
      const r = await meldingen(gemeente, db).where('m.id', '=', id).executeTakeFirst();
      return r ? naarMelding(r) : undefined;
    },

    /** Open tasks of these teams (oldest first), or what this staff member reported (newest first). */
    meldingen: async (gemeente: string, f: { teams?: string[]; melder?: string; offset: number; limit: number }): Promise<{ rijen: MeldingRecord[]; totaal: number }> => {
      const filter = <Q extends ReturnType<typeof meldingen>>(q: Q): Q => {
        if (f.teams !== undefined) return (f.teams.length === 0 ? q.where(sql<boolean>`false`) : q.where('m.team_id', 'in', f.teams).where('m.status', '=', 'open')) as Q;
        return q.where('m.gemeld_door', '=', f.melder ?? '') as Q;
      };
      let q = filter(meldingen(gemeente, lezen));
      q = f.teams !== undefined ? q.orderBy('m.gemeld_op') : q.orderBy('m.gemeld_op', 'desc');
      const rijen = await q.orderBy('m.id').offset(f.offset).limit(f.limit).execute();
      const telling = await filter(meldingen(gemeente, lezen)).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      return { rijen: rijen.map(naarMelding), totaal: getal(telling.n) };
    },

    /** Closes a task with the answer; false when it was closed meanwhile. */
    handelMeldingAf: async (gemeente: string, id: string, a: { antwoord: string; gecorrigeerdInVersie: number | null; door: { id: string | null; naam: string }; op: string }): Promise<boolean> => {
      const r = await db
        .updateTable('kennis_melding')
        .set({ status: 'afgehandeld', antwoord: a.antwoord, gecorrigeerd_in_versie: a.gecorrigeerdInVersie, afgehandeld_door: a.door.id, afgehandeld_door_naam: a.door.naam, afgehandeld_op: a.op })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
  };
}

export type KennisbankRepository = ReturnType<typeof kennisbankRepository>;
