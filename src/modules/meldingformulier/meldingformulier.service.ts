import { randomBytes } from 'node:crypto';
import { postcodeVan } from '../../http/contactvelden.ts';
import type { Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import type { Geocoder } from '../adressen/adressen.geocoder.ts';
import type { Context } from '../audit/audit.service.ts';
import { sha256 } from '../auth/auth.service.ts';
import { verwerkFoto } from '../meldingen/meldingen.fotos.ts';
import type { Gemeentegrenzen } from '../meldingen/meldingen.grenzen.ts';
import type { CategorieRecord } from '../meldingen/meldingen.repository.ts';
import { ongeldigeMelding } from '../meldingen/meldingen.errors.ts';
import { controleerAntwoorden, EMAIL, MAX_BESCHRIJVING, type MeldingenService, type MeldingInvoer } from '../meldingen/meldingen.service.ts';
import { ConceptWeg } from './meldingformulier.errors.ts';
import type { ConceptGegevens, MeldingformulierRepository } from './meldingformulier.repository.ts';
import { stelCategorieVoor, type Termen } from './meldingformulier.suggestie.ts';

/** How long a concept lives after its last step: then housekeeping deletes it, photos and all. */
export const CONCEPT_GELDIG_MS = 4 * 60 * 60 * 1000;
/** Most photos with one melding. */
export const MAX_FOTOS = 3;
const SLEUTEL = /^[A-Za-z0-9_-]{43}$/;

/** A problem with the resident's input: the field and the key of its B1 text (`melding:fout.<code>`), with values. */
export interface Fout {
  veld: string;
  code: string;
  waarden?: Record<string, string | number>;
}

function beschrijvingFouten(beschrijving: string): Fout[] {
  const tekst = beschrijving.trim();
  if (tekst === '') return [{ veld: 'beschrijving', code: 'beschrijvingLeeg' }];
  if (tekst.length > MAX_BESCHRIJVING) return [{ veld: 'beschrijving', code: 'beschrijvingTeLang', waarden: { max: MAX_BESCHRIJVING, nu: tekst.length } }];
  return [];
}

/** A concept as a page needs it. */
export interface Concept {
  sleutel: string;
  gegevens: ConceptGegevens;
  /** Its photos when it was read. */
  aantalFotos: number;
}

/**
 * The resident's melding form (issue 12, ADR 0055): a concept per resident, kept between the
 * steps under the hash of a secret in its address; each step checks its part (every problem at
 * once). Sending goes through the meldingen service — the same as Open311 — and deletes the
 * concept in the same transaction.
 */
export function meldingformulierService(deps: {
  repository: MeldingformulierRepository;
  meldingen: MeldingenService;
  geocoder: Geocoder;
  grenzen: Gemeentegrenzen;
  klok: Klok;
  /** Duplicates within this many metres (LOKET_MELDING_DUBBEL_STRAAL_M, default 50). */
  dubbelStraalM?: number;
  /** What the suggestion learnt from earlier meldingen (ADR 0075); without: keywords only. */
  termen?: { termenVoor(gemeente: string, beschrijving: string): Promise<Termen> };
}) {
  const { repository, meldingen, geocoder, klok } = deps;
  const nu = () => klok.nu().toISOString();
  const verloopt = () => new Date(klok.nu().getTime() + CONCEPT_GELDIG_MS).toISOString();

  async function bewaar(gemeente: string, concept: Concept, deel: Partial<ConceptGegevens>): Promise<Concept> {
    const gegevens = { ...concept.gegevens, ...deel };
    await repository.bewaar(gemeente, sha256(concept.sleutel), gegevens, verloopt());
    return { ...concept, gegevens };
  }

  const subcategorieen = async (gemeente: string) => (await meldingen.geldendeCategorieen(gemeente)).filter((c) => c.hoofdcategorie !== null && c.team !== null);

  return {
    /** Duplicates are looked for within this many metres. */
    dubbelStraalM: deps.dubbelStraalM,

    /** Starts a concept with the description; answers its secret, or the problems. */
    async start(gemeente: string, beschrijving: string): Promise<{ sleutel: string } | { fouten: Fout[] }> {
      const fouten = beschrijvingFouten(beschrijving);
      if (fouten.length > 0) return { fouten };
      const sleutel = randomBytes(32).toString('base64url');
      await repository.maak(gemeente, sha256(sleutel), { beschrijving: beschrijving.trim() }, nu(), verloopt());
      return { sleutel };
    },

    /** The concept behind a secret, when it exists and has not expired. */
    async concept(gemeente: string, sleutel: string): Promise<Concept | undefined> {
      if (!SLEUTEL.test(sleutel)) return undefined;
      const rij = await repository.concept(gemeente, sha256(sleutel), nu());
      return rij ? { sleutel, ...rij } : undefined;
    },

    async wijzigBeschrijving(gemeente: string, concept: Concept, beschrijving: string): Promise<Fout[]> {
      const fouten = beschrijvingFouten(beschrijving);
      if (fouten.length === 0) await bewaar(gemeente, concept, { beschrijving: beschrijving.trim() });
      return fouten;
    },

    /** The main categories and their sub categories in force (subs with a team only), for the choice. */
    async categorieKeuze(gemeente: string): Promise<{ hoofd: CategorieRecord; subs: CategorieRecord[] }[]> {
      const alle = await meldingen.geldendeCategorieen(gemeente);
      const subs = alle.filter((c) => c.hoofdcategorie !== null && c.team !== null);
      return alle.filter((c) => c.hoofdcategorie === null).map((hoofd) => ({ hoofd, subs: subs.filter((s) => s.hoofdcategorie === hoofd.code) })).filter((g) => g.subs.length > 0);
    },

    /** The suggested category for the description, when the classifier is sure enough. */
    async suggestie(gemeente: string, beschrijving: string, taal: Taal) {
      const subs = await subcategorieen(gemeente);
      const termen = deps.termen ? await deps.termen.termenVoor(gemeente, beschrijving) : undefined;
      const s = stelCategorieVoor(beschrijving, subs.map((c) => ({ code: c.code, naam: c.naam[taal], trefwoorden: c.trefwoorden })), termen);
      const categorie = s ? subs.find((c) => c.code === s.code) : undefined;
      return s && categorie ? { ...s, categorie } : undefined;
    },

    /** The sub category of the concept (in force), if chosen. */
    async categorie(gemeente: string, concept: Concept): Promise<CategorieRecord | undefined> {
      return concept.gegevens.categorie ? (await subcategorieen(gemeente)).find((c) => c.code === concept.gegevens.categorie) : undefined;
    },

    async kiesCategorie(gemeente: string, concept: Concept, code: string): Promise<Fout[]> {
      const categorie = (await subcategorieen(gemeente)).find((c) => c.code === code);
      if (!categorie) return [{ veld: 'categorie', code: 'categorieKiezen' }];
      // Another category has other questions and other duplicates.
      if (code !== concept.gegevens.categorie) await bewaar(gemeente, concept, { categorie: code, antwoorden: undefined, nieuw: undefined });
      return [];
    },

    async beantwoord(gemeente: string, concept: Concept, categorie: CategorieRecord, antwoorden: Record<string, string>): Promise<Fout[]> {
      const { fouten, schoon } = controleerAntwoorden(categorie.vragen, antwoorden);
      if (fouten.length === 0) await bewaar(gemeente, concept, { antwoorden: schoon });
      return fouten.map((f) => ({ veld: f.name.replace(/^antwoorden\./, 'vraag-'), code: f.code === 'antwoord-vereist' ? 'antwoordVereist' : 'antwoordOngeldig', waarden: { reden: f.reason } }));
    },

    /**
     * Addresses for the resident's search: by postcode and house number, or by street (and
     * number). Problems when the search itself is incomplete; an empty list when nothing is found.
     */
    async zoekAdres(gemeente: string, zoek: { postcode: string; huisnummer: string; straat: string }) {
      const fouten: Fout[] = [];
      const huisnummerTekst = zoek.huisnummer.trim();
      const m = /^([0-9]{1,5})\s*[-\s]?\s*([A-Za-z0-9]{0,10})$/.exec(huisnummerTekst);
      const huisnummer = m ? Number(m[1]) : undefined;
      const toevoeging = m?.[2] ? m[2] : undefined;
      if (zoek.straat.trim() !== '') {
        if (zoek.straat.trim().length < 3) fouten.push({ veld: 'straat', code: 'straatTeKort' });
        if (huisnummerTekst !== '' && huisnummer === undefined) fouten.push({ veld: 'huisnummer', code: 'huisnummerOngeldig' });
        if (fouten.length > 0) return { fouten, adressen: [] };
        return { fouten, adressen: await geocoder.zoekStraat(gemeente, zoek.straat.trim().slice(0, 100), huisnummer, 20) };
      }
      const postcode = postcodeVan(zoek.postcode);
      if (!postcode) fouten.push({ veld: 'postcode', code: zoek.postcode.trim() === '' ? 'postcodeLeeg' : 'postcodeOngeldig' });
      if (huisnummer === undefined) fouten.push({ veld: 'huisnummer', code: huisnummerTekst === '' ? 'huisnummerLeeg' : 'huisnummerOngeldig' });
      if (!postcode || huisnummer === undefined) return { fouten, adressen: [] };
      return { fouten, adressen: await geocoder.opPostcode(gemeente, postcode, huisnummer, toevoeging) };
    },

    /**
     * The place of the melding: a point (from an address the resident chose, or the map) that
     * must lie in the gemeente; near the boundary it is accepted (and flagged when stored).
     */
    async kiesLocatie(gemeente: string, concept: Concept, locatie: { lat: number; lon: number; adres: string }): Promise<Fout[]> {
      if (!Number.isFinite(locatie.lat) || !Number.isFinite(locatie.lon) || Math.abs(locatie.lat) > 90 || Math.abs(locatie.lon) > 180) return [{ veld: 'locatie', code: 'locatieOngeldig' }];
      const controle = deps.grenzen.controleer(gemeente, locatie.lat, locatie.lon);
      if (controle.uitkomst === 'buiten') return [{ veld: 'locatie', code: 'buitenGemeente', waarden: { afstand: controle.afstandM } }];
      await bewaar(gemeente, concept, { locatie: { lat: locatie.lat, lon: locatie.lon, adres: locatie.adres.slice(0, 300) }, nieuw: undefined });
      return [];
    },

    /** Open meldingen of the same category near the concept's place (see meldingen.dubbelen). */
    async dubbelen(gemeente: string, concept: Concept) {
      const { categorie, locatie } = concept.gegevens;
      if (!categorie || !locatie) return [];
      return meldingen.dubbelen(gemeente, categorie, locatie, { straalM: deps.dubbelStraalM });
    },

    async geenDubbel(gemeente: string, concept: Concept): Promise<void> {
      await bewaar(gemeente, concept, { nieuw: true });
    },

    /** "Dit is dezelfde": the resident follows that melding by e-mail instead; the concept goes. */
    async volg(context: Context, gemeente: string, concept: Concept, zaakId: string, email: string, taal: Taal): Promise<{ fouten: Fout[]; identificatie?: string }> {
      const schoon = email.trim();
      if (schoon === '') return { fouten: [{ veld: `email-${zaakId}`, code: 'emailVolgenLeeg' }] };
      if (schoon.length > 254 || !EMAIL.test(schoon)) return { fouten: [{ veld: `email-${zaakId}`, code: 'emailOngeldig' }] };
      const dubbel = (await this.dubbelen(gemeente, concept)).find((d) => d.zaakId === zaakId);
      const gevolgd = dubbel ? await meldingen.volg(context, gemeente, zaakId, { email: schoon, taal }) : undefined;
      if (!gevolgd) return { fouten: [{ veld: 'dubbel', code: 'dubbelWeg' }] };
      await repository.verwijder(gemeente, sha256(concept.sleutel));
      return { fouten: [], identificatie: gevolgd.identificatie };
    },

    fotos: (gemeente: string, concept: Concept) => repository.fotos(gemeente, sha256(concept.sleutel)),
    foto: (gemeente: string, concept: Concept, volgnummer: number) => repository.foto(gemeente, sha256(concept.sleutel), volgnummer),

    /**
     * Adds photos: each checked by its bytes, size and pixels and re-encoded without metadata
     * (meldingen.fotos.ts); at most MAX_FOTOS in all. Nothing is stored when one is refused.
     */
    async voegFotosToe(gemeente: string, concept: Concept, bestanden: readonly { bestandsnaam: string; inhoud: Buffer }[]): Promise<Fout[]> {
      const hash = sha256(concept.sleutel);
      const bestaand = await repository.fotos(gemeente, hash);
      if (bestaand.length + bestanden.length > MAX_FOTOS) return [{ veld: 'fotos', code: 'teVeelFotos', waarden: { max: MAX_FOTOS } }];
      const fouten: Fout[] = [];
      const goed: Awaited<ReturnType<typeof verwerkFoto>>[] = [];
      for (const b of bestanden) {
        const uitkomst = await verwerkFoto(b.inhoud);
        if (uitkomst.ok) goed.push(uitkomst);
        else fouten.push({ veld: 'fotos', code: `foto.${uitkomst.code}`, waarden: { naam: b.bestandsnaam.slice(0, 80) } });
      }
      if (fouten.length > 0) return fouten;
      const vrij = [1, 2, 3].filter((n) => !bestaand.some((f) => f.volgnummer === n));
      for (const [i, f] of goed.entries()) {
        const volgnummer = vrij[i];
        if (f.ok && volgnummer !== undefined) await repository.voegFotoToe(gemeente, hash, { volgnummer, mediatype: f.mediatype, inhoud: f.data, breedte: f.breedte, hoogte: f.hoogte });
      }
      return [];
    },

    verwijderFoto: (gemeente: string, concept: Concept, volgnummer: number) => repository.verwijderFoto(gemeente, sha256(concept.sleutel), volgnummer),

    async zetContact(gemeente: string, concept: Concept, contact: { email: string; telefoon: string; toestemming: boolean }): Promise<Fout[]> {
      const email = contact.email.trim();
      const telefoon = contact.telefoon.trim();
      const fouten: Fout[] = [];
      if (email !== '' && (email.length > 254 || !EMAIL.test(email))) fouten.push({ veld: 'email', code: 'emailOngeldig' });
      if (telefoon !== '' && !/^\+?[0-9][0-9 ()-]{7,18}$/.test(telefoon)) fouten.push({ veld: 'telefoon', code: 'telefoonOngeldig' });
      if ((email !== '' || telefoon !== '') && !contact.toestemming) fouten.push({ veld: 'toestemming', code: 'toestemmingNodig' });
      if (fouten.length === 0) await bewaar(gemeente, concept, { contact: { email, telefoon, toestemming: contact.toestemming }, contactKlaar: true });
      return fouten;
    },

    /**
     * Sends the melding: the whole concept checked again by the meldingen service (as Open311's
     * POST), registered as a zaak with its photos, and the concept deleted, in one transaction.
     * When the concept is gone by then (sent already, followed, expired), nothing is registered:
     * `weg` (ADR 0100).
     */
    async verstuur(context: Context, gemeente: string, concept: Concept, taal: Taal) {
      const g = concept.gegevens;
      const hash = sha256(concept.sleutel);
      const fotos = concept.aantalFotos > 0 ? await repository.fotos(gemeente, hash) : [];
      const contact = g.contact && (g.contact.email !== '' || g.contact.telefoon !== '') ? g.contact : undefined;
      const invoer = {
        categorie: g.categorie ?? '',
        beschrijving: g.beschrijving,
        lat: g.locatie?.lat,
        lon: g.locatie?.lon,
        adres: g.locatie?.adres,
        antwoorden: g.antwoorden ?? {},
        kanaal: 'web' as const,
        bron: 'formulier' as const,
        melder: contact ? { naam: '', email: contact.email || undefined, telefoon: contact.telefoon || undefined, taal } : undefined,
        fotos: fotos.map((f) => ({ bestandsnaam: `foto-${f.volgnummer}.${f.mediatype.slice('image/'.length)}`, mediatype: f.mediatype, inhoud: f.inhoud })),
      };
      const controle = await meldingen.controleer(gemeente, invoer);
      if (controle.fouten.length > 0) return { fouten: controle.fouten };
      try {
        // The concept goes in the melding's own statement, which fails when it is gone.
        const melding = await meldingen.meld(context, 'Website (meldingformulier)', gemeente, invoer, controle, () => repository.verstuurd(gemeente, hash, nu()));
        return { fouten: [], melding };
      } catch (error) {
        if (error instanceof ConceptWeg) return { fouten: [], weg: true as const };
        throw error;
      }
    },

    /**
     * A melding registered by the KCC on a caller's behalf (kanaal telefoon or balie): the same
     * checks as the resident's form — photos by their bytes and re-encoded without metadata, then
     * the meldingen service's check and registration — in one go instead of steps. Photo problems
     * come with the others, all at once; nothing is stored then.
     */
    async meldNamens(
      context: Context,
      door: string,
      gemeente: string,
      invoer: Omit<MeldingInvoer, 'fotos' | 'bron'> & { fotos: readonly { bestandsnaam: string; inhoud: Buffer }[] },
    ) {
      const fotoFouten: { name: string; code: string; reason: string }[] = [];
      const fotos: { bestandsnaam: string; mediatype: string; inhoud: Buffer }[] = [];
      if (invoer.fotos.length > MAX_FOTOS) fotoFouten.push({ name: 'fotos', code: 'te-veel-fotos', reason: `Hoogstens ${MAX_FOTOS} foto's.` });
      else {
        for (const [i, f] of invoer.fotos.entries()) {
          const uitkomst = await verwerkFoto(f.inhoud);
          if (uitkomst.ok) fotos.push({ bestandsnaam: `foto-${i + 1}.${uitkomst.mediatype.slice('image/'.length)}`, mediatype: uitkomst.mediatype, inhoud: uitkomst.data });
          else fotoFouten.push({ name: `fotos.${i}`, code: `foto-${uitkomst.code}`, reason: uitkomst.reden });
        }
      }
      const volledig: MeldingInvoer = { ...invoer, bron: 'medewerker', fotos };
      const controle = await meldingen.controleer(gemeente, volledig);
      const leeg = invoer.beschrijving.trim() === '' ? [{ name: 'beschrijving', code: 'beschrijving-vereist', reason: 'Beschrijf wat de beller meldt.' }] : [];
      if (controle.fouten.length > 0 || fotoFouten.length > 0 || leeg.length > 0) throw ongeldigeMelding([...leeg, ...controle.fouten, ...fotoFouten]);
      return meldingen.meld(context, door, gemeente, volledig, controle);
    },
  };
}

export type MeldingformulierService = ReturnType<typeof meldingformulierService>;
