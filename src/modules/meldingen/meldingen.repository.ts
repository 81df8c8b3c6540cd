import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, MeldingCategorieTable, MeldingTable } from '../../db/schema.ts';
import { vasteInsert } from '../../db/vaste-query.ts';
import { schrijfMetVolgende } from '../../db/verzoek-transactie.ts';
import type { Vraag } from './meldingen.schemas.ts';

export interface CategorieRecord {
  id: string;
  code: string;
  versie: number;
  status: 'concept' | 'gepubliceerd';
  hoofdcategorie: string | null;
  naam: { nl: string; en: string };
  uitleg: { nl: string; en: string };
  trefwoorden: string[];
  openbaar: boolean;
  team: string | null;
  /** The partner that receives its meldingen by default (ADR 0056). */
  partner: string | null;
  normWerkdagen: number | null;
  vragen: Vraag[];
  volgorde: number;
  geldigVanaf: string | null;
  gepubliceerdOp: string | null;
  revisie: number;
}

/** What is stored for one version (without id, gemeente, versie and status). */
export type CategorieGegevens = Omit<CategorieRecord, 'id' | 'versie' | 'status' | 'gepubliceerdOp' | 'revisie'>;

function naarRecord(r: Selectable<MeldingCategorieTable>): CategorieRecord {
  return {
    id: r.id,
    code: r.code,
    versie: r.versie,
    status: r.status,
    hoofdcategorie: r.hoofdcategorie,
    naam: { nl: r.naam_nl, en: r.naam_en },
    uitleg: { nl: r.uitleg_nl, en: r.uitleg_en },
    trefwoorden: r.trefwoorden === '' ? [] : r.trefwoorden.split(','),
    openbaar: r.openbaar,
    team: r.team_id,
    partner: r.partner_id,
    normWerkdagen: r.norm_werkdagen,
    vragen: r.vragen as Vraag[],
    volgorde: r.volgorde,
    geldigVanaf: r.geldig_vanaf,
    gepubliceerdOp: r.gepubliceerd_op,
    revisie: r.revisie,
  };
}

const kolommen = (g: CategorieGegevens) => ({
  code: g.code,
  hoofdcategorie: g.hoofdcategorie,
  naam_nl: g.naam.nl,
  naam_en: g.naam.en,
  uitleg_nl: g.uitleg.nl,
  uitleg_en: g.uitleg.en,
  trefwoorden: g.trefwoorden.join(','),
  openbaar: g.openbaar,
  team_id: g.team,
  partner_id: g.partner,
  norm_werkdagen: g.normWerkdagen,
  vragen: JSON.stringify(g.vragen),
  volgorde: g.volgorde,
  geldig_vanaf: g.geldigVanaf,
});

/** A box in WGS84 degrees. */
export interface Box {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** A melding as stored here (its zaak holds the rest). */
export interface NieuweMelding {
  zaakId: string;
  identificatie: string;
  categorieId: string;
  categorieCode: string;
  lat: number | null;
  lon: number | null;
  adres: string;
  locatieControle: MeldingTable['locatie_controle'];
  antwoorden: Record<string, string>;
  mediaUrl: string | null;
  bron: MeldingTable['bron'];
  open311SleutelId: string | null;
  ontvangenOp: string;
}

export interface MeldingRij {
  zaakId: string;
  identificatie: string;
  categorieCode: string;
  categorieNaam: { nl: string; en: string };
  hoofdcategorie: string | null;
  lat: number | null;
  lon: number | null;
  adres: string;
  mediaUrl: string | null;
  ontvangenOp: string;
}

const naarMelding = (r: { zaak_id: string; identificatie: string; categorie_code: string; naam_nl: string; naam_en: string; hoofdcategorie: string | null; lat: number | null; lon: number | null; adres: string; media_url: string | null; ontvangen_op: string }): MeldingRij => ({
  zaakId: r.zaak_id,
  identificatie: r.identificatie,
  categorieCode: r.categorie_code,
  categorieNaam: { nl: r.naam_nl, en: r.naam_en },
  hoofdcategorie: r.hoofdcategorie,
  lat: r.lat === null ? null : Number(r.lat),
  lon: r.lon === null ? null : Number(r.lon),
  adres: r.adres,
  mediaUrl: r.media_url,
  ontvangenOp: r.ontvangen_op,
});

/**
 * SQL for meldingen openbare ruimte: categories (versioned) and the meldingen' own data. Per
 * gemeente, except the public map's box query, which runs on `lezen` (the read replica inside
 * `request.lees`, ADR 0028).
 */
const meldingInsert = vasteInsert('melding', [
  'gemeente', 'zaak_id', 'identificatie', 'categorie_id', 'categorie_code', 'lat', 'lon', 'adres', 'locatie_controle', 'antwoorden', 'media_url', 'bron', 'open311_sleutel_id', 'ontvangen_op',
]);

export function meldingenRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  const meldingSelect = (gemeente: string) =>
    db
      .selectFrom('melding as m')
      .innerJoin('melding_categorie as c', (j) => j.onRef('c.gemeente', '=', 'm.gemeente').onRef('c.id', '=', 'm.categorie_id'))
      .select(['m.zaak_id', 'm.identificatie', 'm.categorie_code', 'c.naam_nl', 'c.naam_en', 'c.hoofdcategorie', 'm.lat', 'm.lon', 'm.adres', 'm.media_url', 'm.ontvangen_op'])
      .where('m.gemeente', '=', gemeente);
  return {
    /** Every version, or per code only the newest; main categories first, then by order and code. */
    categorieen: async (gemeente: string, opties: { alleVersies: boolean }): Promise<CategorieRecord[]> => {
      let q = db.selectFrom('melding_categorie as c').selectAll('c').where('c.gemeente', '=', gemeente);
      if (!opties.alleVersies) {
        q = q.where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('melding_categorie as n').select('n.id').whereRef('n.gemeente', '=', 'c.gemeente').whereRef('n.code', '=', 'c.code').whereRef('n.versie', '>', 'c.versie'))),
        );
      }
      const rijen = await q.orderBy('c.volgorde').orderBy('c.code').orderBy('c.versie').execute();
      return rijen.map(naarRecord);
    },
    /** Per code the published version in force on `datum` (the highest valid from then). */
    geldendeCategorieen: async (gemeente: string, datum: string): Promise<CategorieRecord[]> => {
      const rijen = await db
        .selectFrom('melding_categorie')
        .selectAll()
        .distinctOn('code')
        .where('gemeente', '=', gemeente)
        .where('status', '=', 'gepubliceerd')
        .where((eb) => eb.or([eb('geldig_vanaf', 'is', null), eb('geldig_vanaf', '<=', datum)]))
        .orderBy('code')
        .orderBy('versie', 'desc')
        .execute();
      return rijen.map(naarRecord).toSorted((a, b) => a.volgorde - b.volgorde || a.code.localeCompare(b.code));
    },
    categorieOpId: async (gemeente: string, id: string): Promise<CategorieRecord | undefined> => {
      const rij = await db.selectFrom('melding_categorie').selectAll().where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst();
      return rij ? naarRecord(rij) : undefined;
    },
    hoogsteVersie: async (gemeente: string, code: string): Promise<{ id: string; versie: number; status: string } | undefined> =>
      db.selectFrom('melding_categorie').select(['id', 'versie', 'status']).where('gemeente', '=', gemeente).where('code', '=', code).orderBy('versie', 'desc').limit(1).executeTakeFirst(),
    teamBestaat: async (gemeente: string, id: string): Promise<boolean> =>
      (await db.selectFrom('team').select('id').where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst()) !== undefined,
    partnerBestaat: async (gemeente: string, id: string): Promise<boolean> =>
      (await db.selectFrom('melding_partner').select('id').where('gemeente', '=', gemeente).where('id', '=', id).executeTakeFirst()) !== undefined,
    maakCategorie: async (gemeente: string, id: string, versie: number, g: CategorieGegevens, nu: string): Promise<void> => {
      await db.insertInto('melding_categorie').values({ gemeente, id, versie, ...kolommen(g), aangemaakt_op: nu, gewijzigd_op: nu }).execute();
    },
    publiceerCategorie: async (gemeente: string, id: string, revisie: number, nu: string, geldigVanaf: string): Promise<boolean> => {
      const r = await db
        .updateTable('melding_categorie')
        .set((eb) => ({ status: 'gepubliceerd', gepubliceerd_op: nu, gewijzigd_op: nu, revisie: revisie + 1, geldig_vanaf: eb.fn.coalesce('geldig_vanaf', sql<string>`${geldigVanaf}::date`) }))
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('status', '=', 'concept')
        .where('revisie', '=', revisie)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    /** Written with the transaction's next statement (ADR 0096), compiled once (ADR 0098). */
    voegMeldingToe: async (gemeente: string, m: NieuweMelding): Promise<void> => {
      await schrijfMetVolgende(
        meldingInsert(db, [
          {
            gemeente,
            zaak_id: m.zaakId,
            identificatie: m.identificatie,
            categorie_id: m.categorieId,
            categorie_code: m.categorieCode,
            lat: m.lat,
            lon: m.lon,
            adres: m.adres,
            locatie_controle: m.locatieControle,
            antwoorden: JSON.stringify(m.antwoorden),
            media_url: m.mediaUrl,
            bron: m.bron,
            open311_sleutel_id: m.open311SleutelId,
            ontvangen_op: m.ontvangenOp,
          },
        ]),
      );
    },
    /** Meldingen by zaak number (case-insensitive input is the caller's). */
    meldingenOpIdentificatie: async (gemeente: string, identificaties: readonly string[]): Promise<MeldingRij[]> =>
      identificaties.length === 0 ? [] : (await meldingSelect(gemeente).where('m.identificatie', 'in', identificaties).orderBy('m.identificatie').execute()).map(naarMelding),
    meldingOpZaak: async (gemeente: string, zaakId: string): Promise<MeldingRij | undefined> => {
      const rij = await meldingSelect(gemeente).where('m.zaak_id', '=', zaakId).executeTakeFirst();
      return rij ? naarMelding(rij) : undefined;
    },
    /** The answers to the category's extra questions of one melding. */
    antwoorden: async (gemeente: string, zaakId: string): Promise<Record<string, string>> => {
      const rij = await db.selectFrom('melding').select('antwoorden').where('gemeente', '=', gemeente).where('zaak_id', '=', zaakId).executeTakeFirst();
      return rij?.antwoorden ?? {};
    },
    /** The default partner of the category version a melding was made under. */
    partnerVanCategorie: async (gemeente: string, zaakId: string): Promise<string | null> => {
      const rij = await db
        .selectFrom('melding as m')
        .innerJoin('melding_categorie as c', (j) => j.onRef('c.gemeente', '=', 'm.gemeente').onRef('c.id', '=', 'm.categorie_id'))
        .select('c.partner_id')
        .where('m.gemeente', '=', gemeente)
        .where('m.zaak_id', '=', zaakId)
        .executeTakeFirst();
      return rij?.partner_id ?? null;
    },
    meldingenOpZaken: async (gemeente: string, zaakIds: readonly string[]): Promise<MeldingRij[]> =>
      zaakIds.length === 0 ? [] : (await meldingSelect(gemeente).where('m.zaak_id', 'in', zaakIds).execute()).map(naarMelding),
    /**
     * Meldingen with a point in the box (WGS84 degrees) in a category on the public map, newest
     * first, of every gemeente: `locatie <@ box` on the GiST index, on PGlite and PostgreSQL alike.
     */
    openbaarInBox: async (box: Box, limit: number) => {
      const rijen = await lezen
        .selectFrom('melding as m')
        .innerJoin('melding_categorie as c', (j) => j.onRef('c.gemeente', '=', 'm.gemeente').onRef('c.id', '=', 'm.categorie_id'))
        .select(['m.gemeente', 'm.zaak_id', 'm.identificatie', 'm.categorie_code', 'c.naam_nl', 'c.naam_en', 'c.hoofdcategorie', 'm.lat', 'm.lon', 'm.ontvangen_op'])
        .where('c.openbaar', '=', true)
        .where(sql<boolean>`m.locatie <@ box(point(${box.minLon}, ${box.minLat}), point(${box.maxLon}, ${box.maxLat}))`)
        .orderBy('m.ontvangen_op', 'desc')
        .orderBy('m.zaak_id')
        .limit(limit)
        .execute();
      return rijen.map((r) => ({
        gemeente: r.gemeente,
        zaakId: r.zaak_id,
        identificatie: r.identificatie,
        categorie: { code: r.categorie_code, naam: { nl: r.naam_nl, en: r.naam_en }, hoofdcategorie: r.hoofdcategorie },
        lat: Number(r.lat),
        lon: Number(r.lon),
        ontvangenOp: r.ontvangen_op,
      }));
    },
    /**
     * Meldingen of one category in the gemeente with a point in the box, received since `sinds`,
     * newest first: the candidates for "is this the same?" (the caller measures the distance).
     */
    inBoxVanCategorie: async (gemeente: string, categorieCode: string, box: { minLon: number; minLat: number; maxLon: number; maxLat: number }, sinds: string, limit: number): Promise<MeldingRij[]> =>
      (
        await meldingSelect(gemeente)
          .where('m.categorie_code', '=', categorieCode)
          .where('m.ontvangen_op', '>=', sinds)
          .where(sql<boolean>`m.locatie <@ box(point(${box.minLon}, ${box.minLat}), point(${box.maxLon}, ${box.maxLat}))`)
          .orderBy('m.ontvangen_op', 'desc')
          .limit(limit)
          .execute()
      ).map(naarMelding),
    /** A resident follows a melding (once per address); true when new. */
    voegVolgerToe: async (gemeente: string, zaakId: string, email: string, taal: 'nl' | 'en', sinds: string): Promise<boolean> => {
      const r = await db.insertInto('melding_volger').values({ gemeente, zaak_id: zaakId, email, taal, sinds }).onConflict((oc) => oc.doNothing()).returning('zaak_id').executeTakeFirst();
      return r !== undefined;
    },
    /** Erases the followers of meldingen whose zaak closed before `grens` (read-only use of the zaak table). */
    wisVolgers: async (gemeente: string, grens: string): Promise<number> => {
      const r = await db
        .deleteFrom('melding_volger')
        .where('gemeente', '=', gemeente)
        .where('zaak_id', 'in', (eb) => eb.selectFrom('zaak').select('id').where('gemeente', '=', gemeente).where('afgesloten_op', '<', grens))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    /** The followers of a melding, on the given connection (inside a zaak's change). */
    volgers: async (gemeente: string, zaakId: string, op: Kysely<DB> = db): Promise<{ email: string; taal: 'nl' | 'en' }[]> =>
      op.selectFrom('melding_volger').select(['email', 'taal']).where('gemeente', '=', gemeente).where('zaak_id', '=', zaakId).orderBy('sinds').execute(),
    /** Meldingen received from `van` up to `tot`, by time, optionally of some categories; keyset after (ontvangenOp, zaakId). */
    meldingenTussen: async (
      gemeente: string,
      opties: { van: string; tot: string; categorieen?: readonly string[] | undefined; box?: Box | undefined; na?: { ontvangenOp: string; zaakId: string } | undefined; limit: number },
    ): Promise<MeldingRij[]> => {
      let q = meldingSelect(gemeente).where('m.ontvangen_op', '>=', opties.van).where('m.ontvangen_op', '<', opties.tot);
      if (opties.categorieen && opties.categorieen.length > 0) q = q.where('m.categorie_code', 'in', opties.categorieen);
      const box = opties.box;
      if (box) q = q.where(sql<boolean>`m.locatie <@ box(point(${box.minLon}, ${box.minLat}), point(${box.maxLon}, ${box.maxLat}))`);
      const na = opties.na;
      if (na) q = q.where((eb) => eb.or([eb('m.ontvangen_op', '>', na.ontvangenOp), eb.and([eb('m.ontvangen_op', '=', na.ontvangenOp), eb('m.zaak_id', '>', na.zaakId)])]));
      return (await q.orderBy('m.ontvangen_op').orderBy('m.zaak_id').limit(opties.limit).execute()).map(naarMelding);
    },
  };
}

export type MeldingenRepository = ReturnType<typeof meldingenRepository>;
