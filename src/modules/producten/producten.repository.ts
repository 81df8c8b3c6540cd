import type { Kysely, Selectable } from 'kysely';
import type { DB, ProductTable } from '../../db/schema.ts';
import type { Thema } from './producten.schemas.ts';

export interface ProductRecord {
  code: string;
  naam: { nl: string; en: string };
  thema: Thema;
  omschrijving: { nl: string; en: string };
  voorWie: { nl: string; en: string };
  kosten: { nl: string; en: string };
  meenemen: { nl: string; en: string };
  hoeAanvragen: { nl: string; en: string };
  aanvragen: 'formulier' | 'afspraak' | 'beide';
  formulierUrl: string | null;
  zaaktype: string | null;
  afspraakMinuten: number | null;
  ambtenaarKiezen: boolean;
  gepubliceerd: boolean;
  revisie: number;
  gewijzigdOp: string;
}

/** What is stored of a product (without its gemeente, revision and times). */
export type ProductGegevens = Omit<ProductRecord, 'revisie' | 'gewijzigdOp'>;

function naarRecord(r: Selectable<ProductTable>): ProductRecord {
  return {
    code: r.code,
    naam: { nl: r.naam_nl, en: r.naam_en },
    thema: r.thema as Thema,
    omschrijving: r.teksten.omschrijving,
    voorWie: r.teksten.voorWie,
    kosten: r.teksten.kosten,
    meenemen: r.teksten.meenemen,
    hoeAanvragen: r.teksten.aanvragen,
    aanvragen: r.aanvragen,
    formulierUrl: r.formulier_url,
    zaaktype: r.zaaktype,
    afspraakMinuten: r.afspraak_minuten,
    ambtenaarKiezen: r.ambtenaar_kiezen,
    gepubliceerd: r.gepubliceerd,
    revisie: r.revisie,
    gewijzigdOp: r.gewijzigd_op,
  };
}

function kolommen(p: ProductGegevens) {
  return {
    naam_nl: p.naam.nl,
    naam_en: p.naam.en,
    thema: p.thema,
    teksten: JSON.stringify({ omschrijving: p.omschrijving, voorWie: p.voorWie, kosten: p.kosten, meenemen: p.meenemen, aanvragen: p.hoeAanvragen }),
    aanvragen: p.aanvragen,
    formulier_url: p.formulierUrl,
    zaaktype: p.zaaktype,
    afspraak_minuten: p.afspraakMinuten,
    ambtenaar_kiezen: p.ambtenaarKiezen,
    gepubliceerd: p.gepubliceerd,
  };
}

/** SQL for the product catalogue; the public reads on `lezen` (the read replica inside request.lees). */
export function productenRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  return {
    /** The products of a gemeente by Dutch name; `alleenGepubliceerd` for the public. */
    lijst: async (gemeente: string, opties: { alleenGepubliceerd: boolean }): Promise<ProductRecord[]> => {
      let q = lezen.selectFrom('product').selectAll().where('gemeente', '=', gemeente);
      if (opties.alleenGepubliceerd) q = q.where('gepubliceerd', '=', true);
      return (await q.orderBy('naam_nl').execute()).map(naarRecord);
    },
    opCode: async (gemeente: string, code: string, bron: 'db' | 'lezen' = 'db'): Promise<ProductRecord | undefined> => {
      const rij = await (bron === 'db' ? db : lezen).selectFrom('product').selectAll().where('gemeente', '=', gemeente).where('code', '=', code).executeTakeFirst();
      return rij && naarRecord(rij);
    },
    /** Inserts; false when the code exists. */
    maak: async (gemeente: string, p: ProductGegevens, nu: string): Promise<boolean> => {
      const r = await db
        .insertInto('product')
        .values({ gemeente, code: p.code, ...kolommen(p), aangemaakt_op: nu, gewijzigd_op: nu })
        .onConflict((oc) => oc.columns(['gemeente', 'code']).doNothing())
        .returning('code')
        .executeTakeFirst();
      return r !== undefined;
    },
    /** Replaces a product at the given revision; false when it changed meanwhile. */
    vervang: async (gemeente: string, revisie: number, p: ProductGegevens, nu: string): Promise<boolean> => {
      const r = await db
        .updateTable('product')
        .set((eb) => ({ ...kolommen(p), revisie: eb('revisie', '+', 1), gewijzigd_op: nu }))
        .where('gemeente', '=', gemeente)
        .where('code', '=', p.code)
        .where('revisie', '=', revisie)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
  };
}

export type ProductenRepository = ReturnType<typeof productenRepository>;
