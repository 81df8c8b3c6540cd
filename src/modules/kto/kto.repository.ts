/**
 * SQL of the question after closing (KTO, ADR 0052): the settings per zaaktype, the questions
 * asked (one per zaak) and the answers (one per question). Only this file writes these tables;
 * it never reads or writes zaak tables.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, KtoVorm } from '../../db/schema.ts';
import { plusDagen } from '../termijnen/kalender.ts';

/** The start of a calendar day in Amsterdam. */
const begin = (dag: string) => sql<string>`(${dag}::date::timestamp at time zone 'Europe/Amsterdam')`;

export interface KtoInstelling {
  zaaktype: string;
  actief: boolean;
  vorm: KtoVorm;
  /** Percentage of closed zaken that get the question, 0–100. */
  steekproef: number;
}

export interface KtoVraag {
  gemeente: string;
  zaakId: string;
  zaaktype: string;
  identificatie: string;
  vorm: KtoVorm;
  taal: 'nl' | 'en';
  gesteldOp: string;
  beantwoordOp: string | null;
}

export interface NieuwAntwoord {
  score: number;
  tevreden: boolean;
  punt: string;
  toelichting: string | null;
}

export interface TevredenheidPerZaaktype {
  zaaktype: string;
  tevreden: number;
  antwoorden: number;
}

export function ktoRepository(db: Kysely<DB> | Transaction<DB>) {
  async function vraagWaar(gemeente: string, kolom: 'v.token_hash' | 'v.zaak_id', waarde: string): Promise<KtoVraag | undefined> {
    const r = await db
      .selectFrom('kto_vraag as v')
      .leftJoin('kto_antwoord as a', (j) => j.onRef('a.gemeente', '=', 'v.gemeente').onRef('a.zaak_id', '=', 'v.zaak_id'))
      .select(['v.gemeente', 'v.zaak_id', 'v.zaaktype', 'v.identificatie', 'v.vorm', 'v.taal', 'v.gesteld_op', 'a.beantwoord_op'])
      .where('v.gemeente', '=', gemeente)
      .where(kolom, '=', waarde)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      gemeente: r.gemeente,
      zaakId: r.zaak_id,
      zaaktype: r.zaaktype,
      identificatie: r.identificatie,
      vorm: r.vorm,
      taal: r.taal,
      gesteldOp: new Date(r.gesteld_op).toISOString(),
      beantwoordOp: r.beantwoord_op ? new Date(r.beantwoord_op).toISOString() : null,
    };
  }

  return {
    async instellingen(gemeente: string): Promise<KtoInstelling[]> {
      return db.selectFrom('kto_instelling').select(['zaaktype', 'actief', 'vorm', 'steekproef']).where('gemeente', '=', gemeente).orderBy('zaaktype').execute();
    },

    async instelling(gemeente: string, zaaktype: string): Promise<KtoInstelling | undefined> {
      return db.selectFrom('kto_instelling').select(['zaaktype', 'actief', 'vorm', 'steekproef']).where('gemeente', '=', gemeente).where('zaaktype', '=', zaaktype).executeTakeFirst();
    },

    async zetInstelling(gemeente: string, i: KtoInstelling): Promise<void> {
      await db
        .insertInto('kto_instelling')
        .values({ gemeente, ...i })
        .onConflict((oc) => oc.columns(['gemeente', 'zaaktype']).doUpdateSet({ actief: i.actief, vorm: i.vorm, steekproef: i.steekproef }))
        .execute();
    },

    /**
     * Holds, until the transaction ends, a lock on this resident's e-mail hash: two zaken of the
     * same resident closing at once on two nodes cannot both pass the 30-day check.
     */
    async vergrendelEmail(gemeente: string, emailHash: string): Promise<void> {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`kto ${gemeente} ${emailHash}`}, 0))`.execute(db);
    },

    /** Whether this e-mail hash got a question after `sinds`. */
    async recentGevraagd(gemeente: string, emailHash: string, sinds: string): Promise<boolean> {
      const rij = await db.selectFrom('kto_vraag').select('zaak_id').where('gemeente', '=', gemeente).where('email_hash', '=', emailHash).where('gesteld_op', '>', sinds).limit(1).executeTakeFirst();
      return rij !== undefined;
    },

    /** Stores the question; false when this zaak already had one (nothing changed). */
    async voegVraagToe(v: { gemeente: string; zaakId: string; zaaktype: string; identificatie: string; vorm: KtoVorm; taal: 'nl' | 'en'; emailHash: string; tokenHash: string; op: string }): Promise<boolean> {
      const r = await db
        .insertInto('kto_vraag')
        .values({ gemeente: v.gemeente, zaak_id: v.zaakId, zaaktype: v.zaaktype, identificatie: v.identificatie, vorm: v.vorm, taal: v.taal, email_hash: v.emailHash, token_hash: v.tokenHash, gesteld_op: v.op })
        .onConflict((oc) => oc.columns(['gemeente', 'zaak_id']).doNothing())
        .returning('zaak_id')
        .executeTakeFirst();
      return r !== undefined;
    },

    /** The question of a token hash in a gemeente, with whether it was answered. */
    vraagOpToken: (gemeente: string, tokenHash: string): Promise<KtoVraag | undefined> => vraagWaar(gemeente, 'v.token_hash', tokenHash),

    /** The question of a zaak, with whether it was answered. */
    vraagVanZaak: (gemeente: string, zaakId: string): Promise<KtoVraag | undefined> => vraagWaar(gemeente, 'v.zaak_id', zaakId),


    /** Stores the answer; false when the question was already answered (nothing changed). */
    async voegAntwoordToe(gemeente: string, zaakId: string, a: NieuwAntwoord, op: string): Promise<boolean> {
      const r = await db
        .insertInto('kto_antwoord')
        .values({ gemeente, zaak_id: zaakId, beantwoord_op: op, score: a.score, tevreden: a.tevreden, punt: a.punt, toelichting: a.toelichting })
        .onConflict((oc) => oc.columns(['gemeente', 'zaak_id']).doNothing())
        .returning('zaak_id')
        .executeTakeFirst();
      return r !== undefined;
    },

    /**
     * Retention (ADR 0052): the e-mail hashes of questions asked before `hashVoor` (only needed
     * for the 30-day rule) become empty, and the texts of answers given before `tekstVoor` are
     * erased; scores stay for the measures. Returns how many rows changed.
     */
    async ruimOp(hashVoor: string, tekstVoor: string): Promise<number> {
      const hashes = await db.updateTable('kto_vraag').set({ email_hash: '' }).where('gesteld_op', '<', hashVoor).where('email_hash', '<>', '').executeTakeFirst();
      const teksten = await db.updateTable('kto_antwoord').set({ toelichting: null }).where('beantwoord_op', '<', tekstVoor).where('toelichting', 'is not', null).executeTakeFirst();
      return Number(hashes.numUpdatedRows) + Number(teksten.numUpdatedRows);
    },

    /** Answers received from day `van` through day `tot` (Amsterdam), per zaaktype: how many, and how many satisfied. */
    async tevredenheid(gemeente: string, van: string, tot: string, zaaktype?: string): Promise<TevredenheidPerZaaktype[]> {
      let q = db
        .selectFrom('kto_antwoord as a')
        .innerJoin('kto_vraag as v', (j) => j.onRef('v.gemeente', '=', 'a.gemeente').onRef('v.zaak_id', '=', 'a.zaak_id'))
        .select((eb) => ['v.zaaktype', eb.fn.countAll<string>().as('antwoorden'), sql<string>`count(*) filter (where a.tevreden)`.as('tevreden')])
        .where('a.gemeente', '=', gemeente)
        .where('a.beantwoord_op', '>=', begin(van))
        .where('a.beantwoord_op', '<', begin(plusDagen(tot, 1)));
      if (zaaktype !== undefined) q = q.where('v.zaaktype', '=', zaaktype);
      const rijen = await q.groupBy('v.zaaktype').orderBy('v.zaaktype').execute();
      return rijen.map((r) => ({ zaaktype: r.zaaktype, tevreden: Number(r.tevreden), antwoorden: Number(r.antwoorden) }));
    },
  };
}

export type KtoRepository = ReturnType<typeof ktoRepository>;
