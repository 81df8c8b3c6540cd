/**
 * SQL of forms (ADR 0064): the versions of form definitions, the residents' drafts and the
 * answers of submitted forms. Only this file writes these tables; it never writes zaak tables.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, FormulierStatus } from '../../db/schema.ts';
import { vasteQuery } from '../../db/vaste-query.ts';
import { definitieSchema, type Definitie } from './formulieren.schemas.ts';
import type { Antwoorden } from './formulieren.velden.ts';

export interface FormulierRecord {
  id: string;
  code: string;
  versie: number;
  status: FormulierStatus;
  zaaktype: { id: string; code: string; versie: number };
  definitie: Definitie;
  revisie: number;
  gepubliceerdOp: string | null;
  ingetrokkenOp: string | null;
}

/** A form version without its definition: what changes (status, revision) and what names it. */
export type FormulierKop = Omit<FormulierRecord, 'definitie'>;

/** The same without its zaaktype (read with a draft: one table fewer). */
export type FormulierStand = Omit<FormulierKop, 'zaaktype'>;

export interface ConceptRecord {
  id: string;
  gemeente: string;
  formulierId: string;
  taal: 'nl' | 'en';
  antwoorden: Antwoorden;
  verlooptOp: string;
  ingediendOp: string | null;
  ingediendIdentificatie: string | null;
}

/** A checked file of a draft's file field (ADR 0078). */
export interface ConceptBestand {
  veld: string;
  bestandsnaam: string;
  mediatype: string;
  grootte: number;
  inhoud: Buffer;
}

const tijd = (w: string | Date | null): string | null => (w === null ? null : new Date(w).toISOString());

const KOP = ['f.id', 'f.code', 'f.versie', 'f.status', 'f.revisie', 'f.gepubliceerd_op', 'f.ingetrokken_op', 'z.id as zaaktype_id', 'z.code as zaaktype_code', 'z.versie as zaaktype_versie'] as const;

// Stored only after the same check; parsing again gives the defaults of fields added since.
const leesDefinitie = (waarde: unknown): Definitie => definitieSchema.parse(waarde);

// Every form page asks this (one statement per page): built and compiled once (ADR 0095).
const conceptMetStandQuery = vasteQuery(['gemeente', 'tokenHash', 'nu'], (db, w: { gemeente: string; tokenHash: string; nu: string }) =>
  db
    .selectFrom('formulier_concept as c')
    .innerJoin('formulier as f', (j) => j.onRef('f.gemeente', '=', 'c.gemeente').onRef('f.id', '=', 'c.formulier_id'))
    .select(['f.id', 'f.code', 'f.versie', 'f.status', 'f.revisie', 'f.gepubliceerd_op', 'f.ingetrokken_op'])
    .select(['c.id as concept_id', 'c.gemeente', 'c.formulier_id', 'c.taal', 'c.antwoorden', 'c.verloopt_op', 'c.ingediend_op', 'c.ingediend_identificatie'])
    .where('c.gemeente', '=', w.gemeente)
    .where('c.token_hash', '=', w.tokenHash)
    .where('c.verloopt_op', '>', w.nu),
);

export function formulierenRepository(db: Kysely<DB>) {
  const kopSelect = (gemeente: string) =>
    db
      .selectFrom('formulier as f')
      .innerJoin('zaaktype as z', (j) => j.onRef('z.gemeente', '=', 'f.gemeente').onRef('z.id', '=', 'f.zaaktype_id'))
      .select(KOP)
      .where('f.gemeente', '=', gemeente);
  const select = (gemeente: string) => kopSelect(gemeente).select('f.definitie');
  type KopRij = Awaited<ReturnType<ReturnType<typeof kopSelect>['executeTakeFirstOrThrow']>>;
  const naarKop = (r: KopRij): FormulierKop => ({
    id: r.id,
    code: r.code,
    versie: r.versie,
    status: r.status,
    zaaktype: { id: r.zaaktype_id, code: r.zaaktype_code, versie: r.zaaktype_versie },
    revisie: r.revisie,
    gepubliceerdOp: tijd(r.gepubliceerd_op),
    ingetrokkenOp: tijd(r.ingetrokken_op),
  });
  type Rij = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const naarRecord = (r: Rij): FormulierRecord => ({ ...naarKop(r), definitie: leesDefinitie(r.definitie) });

  const conceptSelect = (gemeente: string) =>
    db
      .selectFrom('formulier_concept')
      .select(['id', 'gemeente', 'formulier_id', 'taal', 'antwoorden', 'verloopt_op', 'ingediend_op', 'ingediend_identificatie'])
      .where('gemeente', '=', gemeente);
  type ConceptRij = Awaited<ReturnType<ReturnType<typeof conceptSelect>['executeTakeFirstOrThrow']>>;
  const naarConcept = (r: ConceptRij): ConceptRecord => ({
    id: r.id,
    gemeente: r.gemeente,
    formulierId: r.formulier_id,
    taal: r.taal,
    antwoorden: r.antwoorden as Antwoorden,
    verlooptOp: new Date(r.verloopt_op).toISOString(),
    ingediendOp: tijd(r.ingediend_op),
    ingediendIdentificatie: r.ingediend_identificatie,
  });

  return {
    async pagina(gemeente: string, offset: number, limit: number): Promise<{ rows: FormulierRecord[]; total: number }> {
      const rijen = await select(gemeente).orderBy('f.code').orderBy('f.versie', 'desc').offset(offset).limit(limit).execute();
      const totaal = await db.selectFrom('formulier').select((eb) => eb.fn.countAll<string>().as('n')).where('gemeente', '=', gemeente).executeTakeFirstOrThrow();
      return { rows: rijen.map(naarRecord), total: Number(totaal.n) };
    },

    opId: async (gemeente: string, id: string): Promise<FormulierRecord | undefined> => {
      const r = await select(gemeente).where('f.id', '=', id).executeTakeFirst();
      return r ? naarRecord(r) : undefined;
    },

    /** The same without the definition (see `definitie`). */
    kopOpId: async (gemeente: string, id: string): Promise<FormulierKop | undefined> => {
      const r = await kopSelect(gemeente).where('f.id', '=', id).executeTakeFirst();
      return r ? naarKop(r) : undefined;
    },

    /** The definition of a version, checked as stored. */
    definitie: async (gemeente: string, id: string): Promise<Definitie | undefined> => {
      const r = await db.selectFrom('formulier').select('definitie').where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst();
      return r ? leesDefinitie(r.definitie) : undefined;
    },

    /** The newest published (not withdrawn) version of a code, the one residents start, without its definition. */
    kopGepubliceerd: async (gemeente: string, code: string): Promise<FormulierKop | undefined> => {
      const r = await kopSelect(gemeente).where('f.code', '=', code).where('f.status', '=', 'gepubliceerd').orderBy('f.versie', 'desc').limit(1).executeTakeFirst();
      return r ? naarKop(r) : undefined;
    },

    /** The newest published version of each code, for the portal's list. */
    alleGepubliceerd: async (gemeente: string): Promise<FormulierRecord[]> => {
      const rijen = await select(gemeente).where('f.status', '=', 'gepubliceerd').orderBy('f.code').orderBy('f.versie', 'desc').execute();
      const gezien = new Set<string>();
      return rijen.filter((r) => !gezien.has(r.code) && gezien.add(r.code)).map(naarRecord);
    },

    hoogsteVersie: async (gemeente: string, code: string): Promise<{ id: string; versie: number; status: FormulierStatus } | undefined> =>
      db.selectFrom('formulier').select(['id', 'versie', 'status']).where('gemeente', '=', gemeente).where('code', '=', code).orderBy('versie', 'desc').limit(1).executeTakeFirst(),

    async maak(gemeente: string, f: { id: string; code: string; versie: number; zaaktypeId: string; definitie: Definitie }, op: string): Promise<void> {
      await db
        .insertInto('formulier')
        .values({ gemeente, id: f.id, code: f.code, versie: f.versie, zaaktype_id: f.zaaktypeId, status: 'concept', definitie: JSON.stringify(f.definitie), aangemaakt_op: op, gewijzigd_op: op })
        .execute();
    },

    /** Replaces a concept at this revision; false when it changed meanwhile or is no longer a concept. */
    async vervangConcept(gemeente: string, id: string, revisie: number, f: { zaaktypeId: string; definitie: Definitie }, op: string): Promise<boolean> {
      const r = await db
        .updateTable('formulier')
        .set({ zaaktype_id: f.zaaktypeId, definitie: JSON.stringify(f.definitie), revisie: revisie + 1, gewijzigd_op: op })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('revisie', '=', revisie)
        .where('status', '=', 'concept')
        .executeTakeFirst();
      return r.numUpdatedRows === 1n;
    },

    async zetStatus(gemeente: string, id: string, van: FormulierStatus, naar: FormulierStatus, revisie: number | undefined, op: string): Promise<boolean> {
      let q = db
        .updateTable('formulier')
        .set({ status: naar, revisie: sql`revisie + 1`, gewijzigd_op: op, ...(naar === 'gepubliceerd' ? { gepubliceerd_op: op } : { ingetrokken_op: op }) })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', van);
      if (revisie !== undefined) q = q.where('revisie', '=', revisie);
      return (await q.executeTakeFirst()).numUpdatedRows === 1n;
    },

    async maakConcept(gemeente: string, c: { id: string; formulierId: string; tokenHash: string; taal: 'nl' | 'en'; op: string; verlooptOp: string }): Promise<void> {
      await db
        .insertInto('formulier_concept')
        .values({ gemeente, id: c.id, formulier_id: c.formulierId, token_hash: c.tokenHash, taal: c.taal, aangemaakt_op: c.op, gewijzigd_op: c.op, verloopt_op: c.verlooptOp })
        .execute();
    },

    /**
     * A draft by its token hash with what changes of its form version (status, revision), in one
     * statement over two tables; expired ones are never found. Without the version's zaaktype: that
     * and the definition of a version that is no longer a concept never change (see `opId`).
     */
    conceptMetStandOpToken: async (gemeente: string, tokenHash: string, nu: string): Promise<{ concept: ConceptRecord; stand: FormulierStand } | undefined> => {
      const [r] = await conceptMetStandQuery(db, { gemeente, tokenHash, nu });
      if (!r) return undefined;
      const concept = naarConcept({ ...r, id: r.concept_id });
      const stand: FormulierStand = {
        id: r.id,
        code: r.code,
        versie: r.versie,
        status: r.status,
        revisie: r.revisie,
        gepubliceerdOp: tijd(r.gepubliceerd_op),
        ingetrokkenOp: tijd(r.ingetrokken_op),
      };
      return { concept, stand };
    },

    /** The same, locked until the transaction ends: two submits of one draft take turns. */
    conceptVergrendeld: async (gemeente: string, id: string): Promise<ConceptRecord | undefined> => {
      const r = await conceptSelect(gemeente).where('id', '=', id).forUpdate().executeTakeFirst();
      return r ? naarConcept(r) : undefined;
    },

    /** Stores a draft's answers; not once it was submitted. */
    async bewaarAntwoorden(gemeente: string, id: string, antwoorden: Antwoorden, op: string, verlooptOp: string): Promise<boolean> {
      const r = await db
        .updateTable('formulier_concept')
        .set({ antwoorden: JSON.stringify(antwoorden), gewijzigd_op: op, verloopt_op: verlooptOp })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('ingediend_op', 'is', null)
        .executeTakeFirst();
      return r.numUpdatedRows === 1n;
    },

    /** Marks a draft submitted: its answers go (they are on the zaak now), the zaak it became stays for the receipt page. */
    async markeerIngediend(gemeente: string, id: string, zaak: { id: string; identificatie: string }, op: string, verlooptOp: string): Promise<void> {
      await db
        .updateTable('formulier_concept')
        .set({ antwoorden: '{}', ingediend_op: op, ingediend_zaak_id: zaak.id, ingediend_identificatie: zaak.identificatie, gewijzigd_op: op, verloopt_op: verlooptOp })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .execute();
    },

    async voegInzendingToe(gemeente: string, i: { zaakId: string; formulierId: string; antwoorden: Antwoorden; op: string }): Promise<void> {
      await db.insertInto('formulier_inzending').values({ gemeente, zaak_id: i.zaakId, formulier_id: i.formulierId, antwoorden: JSON.stringify(i.antwoorden), ingediend_op: i.op }).execute();
    },

    inzending: async (gemeente: string, zaakId: string): Promise<{ formulierId: string; antwoorden: Antwoorden; ingediendOp: string } | undefined> => {
      const r = await db.selectFrom('formulier_inzending').select(['formulier_id', 'antwoorden', 'ingediend_op']).where('gemeente', '=', gemeente).where('zaak_id', '=', zaakId).executeTakeFirst();
      return r ? { formulierId: r.formulier_id, antwoorden: r.antwoorden as Antwoorden, ingediendOp: new Date(r.ingediend_op).toISOString() } : undefined;
    },

    /** The files of a draft (ADR 0078), per file field; with their content only when asked. */
    async bestanden(gemeente: string, conceptId: string): Promise<ConceptBestand[]> {
      const rijen = await db
        .selectFrom('formulier_bestand')
        .select(['veld', 'bestandsnaam', 'mediatype', 'grootte', 'inhoud'])
        .where('gemeente', '=', gemeente)
        .where('concept_id', '=', conceptId)
        .orderBy('aangemaakt_op')
        .execute();
      return rijen.map((r) => ({ veld: r.veld, bestandsnaam: r.bestandsnaam, mediatype: r.mediatype, grootte: r.grootte, inhoud: Buffer.from(r.inhoud) }));
    },

    /** Stores checked files of a draft: a new one for a field replaces the old one. */
    async bewaarBestanden(gemeente: string, conceptId: string, bestanden: readonly Omit<ConceptBestand, 'grootte'>[], op: string): Promise<void> {
      for (const b of bestanden) {
        await db
          .insertInto('formulier_bestand')
          .values({ gemeente, concept_id: conceptId, veld: b.veld, bestandsnaam: b.bestandsnaam, mediatype: b.mediatype, grootte: b.inhoud.length, inhoud: b.inhoud, aangemaakt_op: op })
          .onConflict((oc) =>
            oc.columns(['gemeente', 'concept_id', 'veld']).doUpdateSet((eb) => ({
              bestandsnaam: eb.ref('excluded.bestandsnaam'),
              mediatype: eb.ref('excluded.mediatype'),
              grootte: eb.ref('excluded.grootte'),
              inhoud: eb.ref('excluded.inhoud'),
              aangemaakt_op: eb.ref('excluded.aangemaakt_op'),
            })),
          )
          .execute();
      }
    },

    /** Deletes a draft's files (after submit: they are documents of the zaak now). */
    async verwijderBestanden(gemeente: string, conceptId: string): Promise<void> {
      await db.deleteFrom('formulier_bestand').where('gemeente', '=', gemeente).where('concept_id', '=', conceptId).execute();
    },

    /** Retention (ADR 0064): drafts past their expiry, submitted or not. Returns how many. */
    async verwijderVerlopen(nu: string): Promise<number> {
      const r = await db.deleteFrom('formulier_concept').where('verloopt_op', '<=', nu).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type FormulierenRepository = ReturnType<typeof formulierenRepository>;
