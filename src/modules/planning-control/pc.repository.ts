import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PcDocumentsoort, PcStatus } from './pc.schemas.ts';

export interface PcVersieRecord {
  id: string;
  documentId: string;
  soort: PcDocumentsoort;
  jaar: number;
  volgnummer: number;
  naam: string;
  status: PcStatus;
  vastgesteldOp: string | null;
  etag: number;
  aangemaaktOp: string;
  gewijzigdOp: string;
}

export interface PcProgrammaRecord {
  versieId: string;
  slug: string;
  naam: string;
  volgorde: number;
  /** Stored JSON, checked by the service when read (pc.schemas.ts). */
  hoofdstuk: unknown;
  aanvullingen: unknown;
  etag: number;
}

export interface NieuwProgramma {
  slug: string;
  naam: string;
  hoofdstuk: unknown;
  aanvullingen: unknown;
}

type Db = Kysely<DB> | Transaction<DB>;

const versieKolommen = [
  'v.id',
  'v.document_id as documentId',
  'd.soort',
  'd.jaar',
  'v.volgnummer',
  'v.naam',
  'v.status',
  'v.vastgesteld_op as vastgesteldOp',
  'v.versie as etag',
  'v.aangemaakt_op as aangemaaktOp',
  'v.gewijzigd_op as gewijzigdOp',
] as const;

const programmaKolommen = ['versie_id as versieId', 'slug', 'naam', 'volgorde', 'hoofdstuk', 'aanvullingen', 'versie as etag'] as const;

const versies = (d: Db, gemeente: string) =>
  d.selectFrom('pc_versie as v').innerJoin('pc_document as d', (j) => j.onRef('d.gemeente', '=', 'v.gemeente').onRef('d.id', '=', 'v.document_id')).select(versieKolommen).where('v.gemeente', '=', gemeente);

const programmasVan = (d: Db, gemeente: string, versieId: string) =>
  d.selectFrom('pc_programma').select(programmaKolommen).where('gemeente', '=', gemeente).where('versie_id', '=', versieId).orderBy('volgorde');

/** Copies the chapters of one version into another (a new version starts as a copy). */
async function kopieer(trx: Transaction<DB>, gemeente: string, van: string, naar: string, behalve: string[] = []): Promise<number> {
  const rijen = await programmasVan(trx, gemeente, van).execute();
  const over = rijen.filter((r) => !behalve.includes(r.slug));
  if (over.length > 0) {
    await trx
      .insertInto('pc_programma')
      .values(over.map((r) => ({ gemeente, versie_id: naar, slug: r.slug, naam: r.naam, volgorde: r.volgorde, hoofdstuk: JSON.stringify(r.hoofdstuk), aanvullingen: JSON.stringify(r.aanvullingen) })))
      .execute();
  }
  return rijen.reduce((max, r) => Math.max(max, r.volgorde), 0);
}

async function volgendNummer(trx: Transaction<DB>, gemeente: string, documentId: string): Promise<number> {
  const r = await trx.selectFrom('pc_versie').select((eb) => eb.fn.max('volgnummer').as('n')).where('gemeente', '=', gemeente).where('document_id', '=', documentId).executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

async function laatsteVersie(trx: Transaction<DB>, gemeente: string, documentId: string): Promise<string | undefined> {
  const r = await trx.selectFrom('pc_versie').select('id').where('gemeente', '=', gemeente).where('document_id', '=', documentId).orderBy('volgnummer', 'desc').limit(1).executeTakeFirst();
  return r?.id;
}

/**
 * SQL for the P&C register; every query is filtered by gemeente. The reads of the public pages
 * (the published version, its chapters) run on `lezen`: the read replica when the route reads
 * through `request.lees` (ADR 0028), else the primary.
 */
export function pcRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  return {
    documenten: async (gemeente: string, filter: { soort?: PcDocumentsoort | undefined; jaar?: number | undefined }) => {
      let q = db.selectFrom('pc_document').select(['id', 'soort', 'jaar']).where('gemeente', '=', gemeente);
      if (filter.soort) q = q.where('soort', '=', filter.soort);
      if (filter.jaar) q = q.where('jaar', '=', filter.jaar);
      const docs = await q.orderBy('jaar', 'desc').orderBy('soort').execute();
      const alle = docs.length ? await versies(db, gemeente).where('v.document_id', 'in', docs.map((d) => d.id)).orderBy('v.volgnummer').execute() : [];
      return docs.map((d) => ({ ...d, versies: alle.filter((v) => v.documentId === d.id) }));
    },
    documentId: async (gemeente: string, soort: PcDocumentsoort, jaar: number): Promise<string | undefined> =>
      (await db.selectFrom('pc_document').select('id').where('gemeente', '=', gemeente).where('soort', '=', soort).where('jaar', '=', jaar).executeTakeFirst())?.id,
    versie: (gemeente: string, id: string): Promise<PcVersieRecord | undefined> => versies(db, gemeente).where('v.id', '=', id).executeTakeFirst(),
    versieOpNummer: (gemeente: string, documentId: string, volgnummer: number): Promise<PcVersieRecord | undefined> =>
      versies(db, gemeente).where('v.document_id', '=', documentId).where('v.volgnummer', '=', volgnummer).executeTakeFirst(),
    /** The version before this one in the same document. */
    vorigeVersie: (gemeente: string, v: PcVersieRecord): Promise<PcVersieRecord | undefined> =>
      versies(db, gemeente).where('v.document_id', '=', v.documentId).where('v.volgnummer', '<', v.volgnummer).orderBy('v.volgnummer', 'desc').limit(1).executeTakeFirst(),
    laatsteVersie: (gemeente: string, documentId: string): Promise<PcVersieRecord | undefined> =>
      versies(db, gemeente).where('v.document_id', '=', documentId).orderBy('v.volgnummer', 'desc').limit(1).executeTakeFirst(),
    programmaLijst: (gemeente: string, versieId: string) =>
      db.selectFrom('pc_programma').select(['slug', 'naam']).where('gemeente', '=', gemeente).where('versie_id', '=', versieId).orderBy('volgorde').execute(),
    programmas: (gemeente: string, versieId: string): Promise<PcProgrammaRecord[]> => programmasVan(db, gemeente, versieId).execute(),
    programma: (gemeente: string, versieId: string, slug: string): Promise<PcProgrammaRecord | undefined> =>
      programmasVan(lezen, gemeente, versieId).where('slug', '=', slug).executeTakeFirst(),

    /**
     * A new concept version of (gemeente, soort, jaar) in one transaction: the document is made
     * when it does not exist, the chapters of the latest version are copied, and the given
     * chapters are added or replace the copies with the same slug. Optionally set straight to a
     * status (the demo loads vastgestelde versions).
     */
    nieuweVersieMet: (
      gemeente: string,
      document: { id: string; soort: PcDocumentsoort; jaar: number },
      versie: { id: string; naam: string; nu: string; status?: PcStatus; vastgesteldOp?: string | null },
      programmas: NieuwProgramma[],
    ): Promise<void> =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('pc_document').values({ gemeente, id: document.id, soort: document.soort, jaar: document.jaar }).onConflict((oc) => oc.columns(['gemeente', 'soort', 'jaar']).doNothing()).execute();
        const doc = await trx.selectFrom('pc_document').select('id').where('gemeente', '=', gemeente).where('soort', '=', document.soort).where('jaar', '=', document.jaar).forUpdate().executeTakeFirstOrThrow();
        const vorige = await laatsteVersie(trx, gemeente, doc.id);
        const volgnummer = await volgendNummer(trx, gemeente, doc.id);
        await trx.insertInto('pc_versie').values({ gemeente, id: versie.id, document_id: doc.id, volgnummer, naam: versie.naam, aangemaakt_op: versie.nu, gewijzigd_op: versie.nu }).execute();
        let volgorde = vorige ? await kopieer(trx, gemeente, vorige, versie.id, programmas.map((p) => p.slug)) : 0;
        for (const p of programmas) {
          const bestaand = await trx.selectFrom('pc_programma').select('volgorde').where('gemeente', '=', gemeente).where('versie_id', '=', vorige ?? versie.id).where('slug', '=', p.slug).executeTakeFirst();
          await trx
            .insertInto('pc_programma')
            .values({ gemeente, versie_id: versie.id, slug: p.slug, naam: p.naam, volgorde: bestaand?.volgorde ?? ++volgorde, hoofdstuk: JSON.stringify(p.hoofdstuk), aanvullingen: JSON.stringify(p.aanvullingen), gewijzigd_op: versie.nu })
            .execute();
        }
        if (versie.status && versie.status !== 'concept') {
          await trx.updateTable('pc_versie').set({ status: versie.status, vastgesteld_op: versie.vastgesteldOp ?? null }).where('gemeente', '=', gemeente).where('id', '=', versie.id).execute();
        }
      }),

    /** A new concept version copied from an existing one (a begrotingswijziging). */
    kopieVan: (gemeente: string, van: PcVersieRecord, nieuw: { id: string; naam: string; nu: string }): Promise<void> =>
      db.transaction().execute(async (trx) => {
        await trx.selectFrom('pc_document').select('id').where('gemeente', '=', gemeente).where('id', '=', van.documentId).forUpdate().execute();
        const volgnummer = await volgendNummer(trx, gemeente, van.documentId);
        await trx.insertInto('pc_versie').values({ gemeente, id: nieuw.id, document_id: van.documentId, volgnummer, naam: nieuw.naam, aangemaakt_op: nieuw.nu, gewijzigd_op: nieuw.nu }).execute();
        await kopieer(trx, gemeente, van.id, nieuw.id);
      }),

    /** Optimistic update of a version's name or status; false when the etag is stale. */
    wijzigVersie: async (gemeente: string, id: string, etag: number, w: { naam?: string; status?: PcStatus; vastgesteldOp?: string | null }, nu: string): Promise<boolean> => {
      const r = await db
        .updateTable('pc_versie')
        .set({
          ...(w.naam !== undefined ? { naam: w.naam } : {}),
          ...(w.status !== undefined ? { status: w.status } : {}),
          ...(w.vastgesteldOp !== undefined ? { vastgesteld_op: w.vastgesteldOp } : {}),
          versie: etag + 1,
          gewijzigd_op: nu,
        })
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('versie', '=', etag)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    /** Optimistic update of one chapter (only while its version is not vastgesteld). */
    wijzigProgramma: async (gemeente: string, versieId: string, slug: string, etag: number, w: { naam: string; hoofdstuk: unknown; aanvullingen: unknown }, nu: string): Promise<boolean> => {
      const r = await db
        .updateTable('pc_programma')
        .set({ naam: w.naam, hoofdstuk: JSON.stringify(w.hoofdstuk), aanvullingen: JSON.stringify(w.aanvullingen), versie: etag + 1, gewijzigd_op: nu })
        .where('gemeente', '=', gemeente)
        .where('versie_id', '=', versieId)
        .where('slug', '=', slug)
        .where('versie', '=', etag)
        .where((eb) => eb.exists(eb.selectFrom('pc_versie').select(sql.lit(1).as('x')).where('gemeente', '=', gemeente).where('id', '=', versieId).where('status', '!=', 'vastgesteld')))
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    /**
     * The published version of a document: the latest vastgesteld one, else the latest
     * aangeboden one; concepts are never public.
     */
    gepubliceerdeVersie: (gemeente: string, soort: PcDocumentsoort, jaar: number): Promise<PcVersieRecord | undefined> =>
      versies(lezen, gemeente)
        .where('d.soort', '=', soort)
        .where('d.jaar', '=', jaar)
        .where('v.status', 'in', ['vastgesteld', 'aangeboden'])
        .orderBy(sql`v.status = 'vastgesteld'`, 'desc')
        .orderBy('v.volgnummer', 'desc')
        .limit(1)
        .executeTakeFirst(),

    /** Per year, the published version of each document of a soort with its chapters' names. */
    gepubliceerd: async (gemeente: string, soort: PcDocumentsoort) => {
      const rijen = await versies(lezen, gemeente)
        .where('d.soort', '=', soort)
        .where('v.status', 'in', ['vastgesteld', 'aangeboden'])
        .orderBy('d.jaar', 'desc')
        .orderBy(sql`v.status = 'vastgesteld'`, 'desc')
        .orderBy('v.volgnummer', 'desc')
        .execute();
      const perJaar = new Map<number, PcVersieRecord>();
      for (const r of rijen) if (!perJaar.has(r.jaar)) perJaar.set(r.jaar, r);
      const gekozen = [...perJaar.values()];
      const programmas = gekozen.length
        ? await lezen.selectFrom('pc_programma').select(['versie_id as versieId', 'slug', 'naam']).where('gemeente', '=', gemeente).where('versie_id', 'in', gekozen.map((v) => v.id)).orderBy('volgorde').execute()
        : [];
      return gekozen.map((versie) => ({ versie, programmas: programmas.filter((p) => p.versieId === versie.id) }));
    },
  };
}

export type PcRepository = ReturnType<typeof pcRepository>;
