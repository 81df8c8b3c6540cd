import type { Kysely, Transaction } from 'kysely';
import type { BriefGroep, DB } from '../../db/schema.ts';
import type { Taal } from '../../i18n/i18n.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A gemeente's own wording of a group of letters in one language (ADR 0071); null: the default. */
export interface BriefTekst {
  groep: BriefGroep;
  taal: Taal;
  inleiding: string | null;
  contact: string | null;
  ondertekening: string | null;
  gewijzigdOp: string | null;
}

/** The only SQL of the letter module: the per-gemeente wording (`brief_tekst`, migration 0040). */
export function brievenRepository(db: Kysely<DB>) {
  return {
    async teksten(gemeente: string, d: Db = db): Promise<BriefTekst[]> {
      const rijen = await d.selectFrom('brief_tekst').selectAll().where('gemeente', '=', gemeente).execute();
      return rijen.map((r) => ({ groep: r.groep, taal: r.taal, inleiding: r.inleiding, contact: r.contact, ondertekening: r.ondertekening, gewijzigdOp: new Date(r.gewijzigd_op).toISOString() }));
    },
    async zetTekst(gemeente: string, t: Omit<BriefTekst, 'gewijzigdOp'>, door: string | null, op: string): Promise<void> {
      const waarden = { inleiding: t.inleiding, contact: t.contact, ondertekening: t.ondertekening, gewijzigd_op: op, gewijzigd_door: door };
      await db
        .insertInto('brief_tekst')
        .values({ gemeente, groep: t.groep, taal: t.taal, ...waarden })
        .onConflict((oc) => oc.columns(['gemeente', 'groep', 'taal']).doUpdateSet(waarden))
        .execute();
    },
  };
}

export type BrievenRepository = ReturnType<typeof brievenRepository>;
