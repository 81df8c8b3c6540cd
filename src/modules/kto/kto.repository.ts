/**
 * SQL of the question after closing (KTO, ADR 0052, ADR 0086): the settings per zaaktype, the
 * questions asked (one per zaak) and the answers (one per question). Only this file writes these
 * tables; it never reads or writes zaak tables (the zaak's team and channel are kept on the question).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Kanaal, KtoKeuze, KtoVorm } from '../../db/schema.ts';
import { plusDagen } from '../termijnen/kalender.ts';
import { STANDAARD_OPZET, type KtoOpzet } from './kto.regels.ts';

/** The start of a calendar day in Amsterdam. */
const begin = (dag: string) => sql<string>`(${dag}::date::timestamp at time zone 'Europe/Amsterdam')`;

export interface KtoInstelling {
  zaaktype: string;
  actief: boolean;
  vorm: KtoVorm;
  /** Percentage of closed zaken that get the question, 0–100. */
  steekproef: number;
  /** The question text nl/en; null: the standard text of the form. */
  vraag: { nl: string; en: string } | null;
  /** The choice list "what went well or not", in the order shown; empty: not asked. */
  keuzes: KtoKeuze[];
  /** Whether the optional text is asked. */
  toelichtingVragen: boolean;
}

const INSTELLING_KOLOMMEN = ['zaaktype', 'actief', 'vorm', 'steekproef', 'vraag_nl', 'vraag_en', 'keuzes', 'toelichting_vragen'] as const;

type InstellingRij = { zaaktype: string; actief: boolean; vorm: KtoVorm; steekproef: number; vraag_nl: string; vraag_en: string; keuzes: KtoKeuze[]; toelichting_vragen: boolean };

const vraagVan = (nl: string, en: string): KtoOpzet['vraag'] => (nl && en ? { nl, en } : null);

function instellingVan(r: InstellingRij): KtoInstelling {
  return { zaaktype: r.zaaktype, actief: r.actief, vorm: r.vorm, steekproef: r.steekproef, vraag: vraagVan(r.vraag_nl, r.vraag_en), keuzes: r.keuzes, toelichtingVragen: r.toelichting_vragen };
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
  /**
   * What the zaaktype asks now besides the score (ADR 0086). Its own question text only while the
   * zaaktype still has the form this question was asked in; else the standard text of that form.
   */
  opzet: KtoOpzet;
}

export interface NieuwAntwoord {
  score: number;
  tevreden: boolean;
  /** The chosen option's key and Dutch label; null: no choice was asked. */
  punt: string | null;
  puntTekst: string | null;
  toelichting: string | null;
}

/** Answers in a period: all (groep null) and per zaaktype, team and channel. */
export interface Tevredenheid {
  groep: { zaaktype: string } | { team: string } | { kanaal: string } | null;
  tevreden: number;
  antwoorden: number;
}

export function ktoRepository(db: Kysely<DB> | Transaction<DB>) {
  async function vraagWaar(gemeente: string, kolom: 'v.token_hash' | 'v.zaak_id', waarde: string): Promise<KtoVraag | undefined> {
    const r = await db
      .selectFrom('kto_vraag as v')
      .leftJoin('kto_antwoord as a', (j) => j.onRef('a.gemeente', '=', 'v.gemeente').onRef('a.zaak_id', '=', 'v.zaak_id'))
      .leftJoin('kto_instelling as i', (j) => j.onRef('i.gemeente', '=', 'v.gemeente').onRef('i.zaaktype', '=', 'v.zaaktype'))
      .select(['v.gemeente', 'v.zaak_id', 'v.zaaktype', 'v.identificatie', 'v.vorm', 'v.taal', 'v.gesteld_op', 'a.beantwoord_op', 'i.vorm as instelling_vorm', 'i.vraag_nl', 'i.vraag_en', 'i.keuzes', 'i.toelichting_vragen'])
      .where('v.gemeente', '=', gemeente)
      .where(kolom, '=', waarde)
      .executeTakeFirst();
    if (!r) return undefined;
    const opzet: KtoOpzet =
      r.keuzes === null || r.toelichting_vragen === null
        ? STANDAARD_OPZET
        : { vraag: r.instelling_vorm === r.vorm ? vraagVan(r.vraag_nl ?? '', r.vraag_en ?? '') : null, keuzes: r.keuzes, toelichtingVragen: r.toelichting_vragen };
    return {
      gemeente: r.gemeente,
      zaakId: r.zaak_id,
      zaaktype: r.zaaktype,
      identificatie: r.identificatie,
      vorm: r.vorm,
      taal: r.taal,
      gesteldOp: new Date(r.gesteld_op).toISOString(),
      beantwoordOp: r.beantwoord_op ? new Date(r.beantwoord_op).toISOString() : null,
      opzet,
    };
  }

  return {
    async instellingen(gemeente: string): Promise<KtoInstelling[]> {
      const rijen = await db.selectFrom('kto_instelling').select(INSTELLING_KOLOMMEN).where('gemeente', '=', gemeente).orderBy('zaaktype').execute();
      return rijen.map(instellingVan);
    },

    async instelling(gemeente: string, zaaktype: string): Promise<KtoInstelling | undefined> {
      const r = await db.selectFrom('kto_instelling').select(INSTELLING_KOLOMMEN).where('gemeente', '=', gemeente).where('zaaktype', '=', zaaktype).executeTakeFirst();
      return r ? instellingVan(r) : undefined;
    },

    async zetInstelling(gemeente: string, i: KtoInstelling): Promise<void> {
      const kolommen = {
        actief: i.actief,
        vorm: i.vorm,
        steekproef: i.steekproef,
        vraag_nl: i.vraag?.nl ?? '',
        vraag_en: i.vraag?.en ?? '',
        keuzes: JSON.stringify(i.keuzes),
        toelichting_vragen: i.toelichtingVragen,
      };
      await db
        .insertInto('kto_instelling')
        .values({ gemeente, zaaktype: i.zaaktype, ...kolommen })
        .onConflict((oc) => oc.columns(['gemeente', 'zaaktype']).doUpdateSet(kolommen))
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
    async voegVraagToe(v: { gemeente: string; zaakId: string; zaaktype: string; identificatie: string; vorm: KtoVorm; taal: 'nl' | 'en'; emailHash: string; tokenHash: string; op: string; team: string | null; kanaal: Kanaal | null }): Promise<boolean> {
      const r = await db
        .insertInto('kto_vraag')
        .values({ gemeente: v.gemeente, zaak_id: v.zaakId, zaaktype: v.zaaktype, identificatie: v.identificatie, vorm: v.vorm, taal: v.taal, email_hash: v.emailHash, token_hash: v.tokenHash, gesteld_op: v.op, team_id: v.team, kanaal: v.kanaal })
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
        .values({ gemeente, zaak_id: zaakId, beantwoord_op: op, score: a.score, tevreden: a.tevreden, punt: a.punt, punt_tekst: a.puntTekst, toelichting: a.toelichting })
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

    /**
     * Answers received from day `van` through day `tot` (Amsterdam): how many, and how many
     * satisfied, in all and per zaaktype, team and channel of the zaak (one query, grouping sets),
     * optionally only of one zaaktype, team or channel. Questions without a known team or channel
     * count in the whole and per zaaktype, not in those breakdowns.
     */
    async tevredenheid(gemeente: string, van: string, tot: string, filter: { zaaktype?: string | undefined; team?: string | undefined; kanaal?: Kanaal | undefined } = {}): Promise<Tevredenheid[]> {
      let q = db
        .selectFrom('kto_antwoord as a')
        .innerJoin('kto_vraag as v', (j) => j.onRef('v.gemeente', '=', 'a.gemeente').onRef('v.zaak_id', '=', 'a.zaak_id'))
        .select((eb) => [
          'v.zaaktype',
          'v.team_id',
          'v.kanaal',
          sql<number>`grouping(v.zaaktype, v.team_id, v.kanaal)`.as('niveau'),
          eb.fn.countAll<string>().as('antwoorden'),
          sql<string>`count(*) filter (where a.tevreden)`.as('tevreden'),
        ])
        .where('a.gemeente', '=', gemeente)
        .where('a.beantwoord_op', '>=', begin(van))
        .where('a.beantwoord_op', '<', begin(plusDagen(tot, 1)));
      if (filter.zaaktype !== undefined) q = q.where('v.zaaktype', '=', filter.zaaktype);
      if (filter.team !== undefined) q = q.where('v.team_id', '=', filter.team);
      if (filter.kanaal !== undefined) q = q.where('v.kanaal', '=', filter.kanaal);
      const rijen = await q.groupBy(sql`grouping sets ((), (v.zaaktype), (v.team_id), (v.kanaal))`).execute();
      // grouping(zaaktype, team, kanaal) is a bit mask of the columns NOT grouped by: 7 all, 3 zaaktype, 5 team, 6 kanaal.
      const uit: Tevredenheid[] = [];
      for (const r of rijen) {
        const tellingen = { tevreden: Number(r.tevreden), antwoorden: Number(r.antwoorden) };
        const niveau = Number(r.niveau);
        if (niveau === 7) uit.push({ groep: null, ...tellingen });
        else if (niveau === 3) uit.push({ groep: { zaaktype: r.zaaktype }, ...tellingen });
        else if (niveau === 5 && r.team_id !== null) uit.push({ groep: { team: r.team_id }, ...tellingen });
        else if (niveau === 6 && r.kanaal !== null) uit.push({ groep: { kanaal: r.kanaal }, ...tellingen });
      }
      const sleutel = (t: Tevredenheid): string => (t.groep === null ? '' : `${Object.keys(t.groep)[0]}:${Object.values(t.groep)[0]}`);
      return uit.toSorted((a, b) => (sleutel(a) < sleutel(b) ? -1 : sleutel(a) > sleutel(b) ? 1 : 0));
    },
  };
}

export type KtoRepository = ReturnType<typeof ktoRepository>;
