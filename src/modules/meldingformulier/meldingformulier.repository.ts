import type { Kysely } from 'kysely';
import type { DB, MeldingConceptFotoTable } from '../../db/schema.ts';
import { schrijfMetVolgende } from '../../db/verzoek-transactie.ts';
import { vasteQuery, vasteSchrijfactie } from '../../db/vaste-query.ts';
import { ConceptWeg } from './meldingformulier.errors.ts';

/** What the resident filled in so far (each step adds its part). */
export interface ConceptGegevens {
  beschrijving: string;
  categorie?: string | undefined;
  antwoorden?: Record<string, string> | undefined;
  locatie?: { lat: number; lon: number; adres: string } | undefined;
  /** The resident has seen the possible duplicates and goes on with a new melding. */
  nieuw?: boolean | undefined;
  contact?: { email: string; telefoon: string; toestemming: boolean } | undefined;
  /** The contact step was done (also when left empty). */
  contactKlaar?: boolean | undefined;
}

export interface ConceptFoto {
  volgnummer: number;
  mediatype: MeldingConceptFotoTable['mediatype'];
  inhoud: Buffer;
  breedte: number;
  hoogte: number;
}

// Every step of the resident form reads its concept: built and compiled once, kept prepared (ADR 0095, 0097).
const conceptQuery = vasteQuery(['gemeente', 'hash', 'nu'], (db, w: { gemeente: string; hash: string; nu: string }) =>
  db
    .selectFrom('melding_concept as c')
    .select(['c.gegevens', 'c.aantal_fotos'])
    .where('c.gemeente', '=', w.gemeente)
    .where('c.sleutel_hash', '=', w.hash)
    .where('c.verloopt_op', '>', w.nu),
);

// Following another melding deletes the concept, with the follower's writes: compiled once (ADR 0098).
const verwijderConcept = vasteSchrijfactie(['gemeente', 'hash'], (db, w: { gemeente: string; hash: string }) =>
  db.deleteFrom('melding_concept').where('gemeente', '=', w.gemeente).where('sleutel_hash', '=', w.hash),
);
// Sending deletes the concept in the melding's own statement, which fails when the concept is gone (ADR 0100).
const verstuurConcept = vasteSchrijfactie(
  ['gemeente', 'hash', 'nu'],
  (db, w: { gemeente: string; hash: string; nu: string }) => db.deleteFrom('melding_concept').where('gemeente', '=', w.gemeente).where('sleutel_hash', '=', w.hash).where('verloopt_op', '>', w.nu),
  { code: 'melding-concept-weg', fout: () => new ConceptWeg() },
);

/** SQL of the resident form's concepts and their photos (ADR 0055), per gemeente. */
export function meldingformulierRepository(db: Kysely<DB>) {
  return {
    maak: async (gemeente: string, hash: string, gegevens: ConceptGegevens, nu: string, verlooptOp: string): Promise<void> => {
      await db.insertInto('melding_concept').values({ gemeente, sleutel_hash: hash, gegevens: JSON.stringify(gegevens), aangemaakt_op: nu, verloopt_op: verlooptOp }).execute();
    },
    /** A concept that has not expired, with the number of its photos (read only when there are any). */
    concept: async (gemeente: string, hash: string, nu: string): Promise<{ gegevens: ConceptGegevens; aantalFotos: number } | undefined> => {
      const [rij] = await conceptQuery(db, { gemeente, hash, nu });
      return rij && { gegevens: rij.gegevens as unknown as ConceptGegevens, aantalFotos: rij.aantal_fotos };
    },
    bewaar: async (gemeente: string, hash: string, gegevens: ConceptGegevens, verlooptOp: string): Promise<void> => {
      await db.updateTable('melding_concept').set({ gegevens: JSON.stringify(gegevens), verloopt_op: verlooptOp }).where('gemeente', '=', gemeente).where('sleutel_hash', '=', hash).execute();
    },
    fotos: async (gemeente: string, hash: string): Promise<ConceptFoto[]> =>
      db.selectFrom('melding_concept_foto').select(['volgnummer', 'mediatype', 'inhoud', 'breedte', 'hoogte']).where('gemeente', '=', gemeente).where('sleutel_hash', '=', hash).orderBy('volgnummer').execute(),
    foto: async (gemeente: string, hash: string, volgnummer: number): Promise<ConceptFoto | undefined> =>
      db.selectFrom('melding_concept_foto').select(['volgnummer', 'mediatype', 'inhoud', 'breedte', 'hoogte']).where('gemeente', '=', gemeente).where('sleutel_hash', '=', hash).where('volgnummer', '=', volgnummer).executeTakeFirst(),
    voegFotoToe: async (gemeente: string, hash: string, foto: ConceptFoto): Promise<void> => {
      await db.insertInto('melding_concept_foto').values({ gemeente, sleutel_hash: hash, ...foto }).execute();
    },
    verwijderFoto: async (gemeente: string, hash: string, volgnummer: number): Promise<void> => {
      await db.deleteFrom('melding_concept_foto').where('gemeente', '=', gemeente).where('sleutel_hash', '=', hash).where('volgnummer', '=', volgnummer).execute();
    },
    /** Deletes a concept and its photos (the resident followed another melding); kept for the next statement (ADR 0096). */
    verwijder: async (gemeente: string, hash: string): Promise<void> => {
      await schrijfMetVolgende(verwijderConcept(db, { gemeente, hash }));
    },
    /**
     * Deletes a concept that is sent, with its photos, kept for the melding's statement; that
     * statement fails with `ConceptWeg` when the concept is gone or expired (ADR 0100).
     */
    verstuurd: async (gemeente: string, hash: string, nu: string): Promise<void> => {
      await schrijfMetVolgende(verstuurConcept(db, { gemeente, hash, nu }));
    },
    /** Housekeeping: concepts past their expiry, with their photos (personal data). */
    ruimVerlopenOp: async (nu: string): Promise<number> => {
      const r = await db.deleteFrom('melding_concept').where('verloopt_op', '<=', nu).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type MeldingformulierRepository = ReturnType<typeof meldingformulierRepository>;
