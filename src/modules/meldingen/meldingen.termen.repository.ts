/**
 * SQL of the terms the category suggestion learns from (ADR 0075): reads closed meldingen (their
 * category and the description of their zaak; never written here) and writes `melding_term`.
 * Only this file writes `melding_term` and `melding_termen_stand`. Plain SQL without extensions:
 * the same on PGlite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export function meldingTermenRepository(db: Kysely<DB>) {
  return {
    /** Closed meldingen after `na` (by zaak id), at most `limit`: their category and description. */
    gesloten: (gemeente: string, na: string | undefined, limit: number) => {
      let q = db
        .selectFrom('melding as m')
        .innerJoin('zaak as z', (j) => j.onRef('z.gemeente', '=', 'm.gemeente').onRef('z.id', '=', 'm.zaak_id'))
        .select(['m.zaak_id as zaakId', 'm.categorie_code as categorie', 'z.omschrijving as omschrijving'])
        .where('m.gemeente', '=', gemeente)
        .where('z.afgesloten_op', 'is not', null);
      if (na !== undefined) q = q.where('m.zaak_id', '>', na);
      return q.orderBy('m.zaak_id').limit(limit).execute();
    },

    /** Replaces all terms of the gemeente, in one transaction. */
    async vervang(gemeente: string, termen: readonly { categorie: string; term: string; aantal: number }[], stand: { nu: string; meldingen: number }): Promise<void> {
      await db.transaction().execute(async (t) => {
        await t.deleteFrom('melding_term').where('gemeente', '=', gemeente).execute();
        for (let i = 0; i < termen.length; i += 1000) {
          await t
            .insertInto('melding_term')
            .values(termen.slice(i, i + 1000).map((r) => ({ gemeente, categorie_code: r.categorie, term: r.term, aantal: r.aantal })))
            .execute();
        }
        await t
          .insertInto('melding_termen_stand')
          .values({ gemeente, herbouwd_op: stand.nu, meldingen: stand.meldingen, termen: termen.length })
          .onConflict((oc) => oc.column('gemeente').doUpdateSet({ herbouwd_op: stand.nu, meldingen: stand.meldingen, termen: termen.length }))
          .execute();
      });
    },

    /** The learnt counts of these words: word → category → number of meldingen. */
    async voor(gemeente: string, woorden: readonly string[]): Promise<Map<string, Map<string, number>>> {
      const uit = new Map<string, Map<string, number>>();
      if (woorden.length === 0) return uit;
      const rijen = await db.selectFrom('melding_term').select(['term', 'categorie_code', 'aantal']).where('gemeente', '=', gemeente).where('term', 'in', woorden).execute();
      for (const r of rijen) {
        const per = uit.get(r.term) ?? new Map<string, number>();
        per.set(r.categorie_code, r.aantal);
        uit.set(r.term, per);
      }
      return uit;
    },

    stand: (gemeente: string) => db.selectFrom('melding_termen_stand').select(['herbouwd_op', 'meldingen', 'termen']).where('gemeente', '=', gemeente).executeTakeFirst(),
  };
}

export type MeldingTermenRepository = ReturnType<typeof meldingTermenRepository>;
