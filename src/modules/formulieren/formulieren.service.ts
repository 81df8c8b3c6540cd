/**
 * Forms that become zaken (issue 14, ADR 0064). Beheerders draft a form definition per
 * zaaktype version and publish it; a published version never changes (a draft and a zaak keep
 * the version they began with), a new version is a copy, and a version can be withdrawn
 * (ingetrokken): no one starts or submits it any more. Residents fill in a draft kept on the
 * server under the hash of the secret in its address; they can have the address mailed to finish
 * later. Submitting registers a zaak of the form's zaaktype version through the zaken service,
 * stores the answers on it as data and as a tagged PDF, and marks the draft submitted, all in one
 * transaction: a second submit finds the draft submitted and makes no second zaak.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, FormulierStatus } from '../../db/schema.ts';
import { inEenTransactie } from '../../db/verzoek-transactie.ts';
import { huisnummerVan, postcodeVan, type Adres } from '../../http/contactvelden.ts';
import { verouderd } from '../../http/etag.ts';
import type { MultipartBestand } from '../../http/multipart.ts';
import { datumTekst, vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { sha256 } from '../auth/auth.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import { maakBrief } from '../brieven/brieven.pdf.ts';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import { controleerBijlage } from '../zaken/zaken.bijlagen.ts';
import type { ZaaktypenRepository } from '../zaaktypen/zaaktypen.repository.ts';
import type { BijRegistratie, ZakenService } from '../zaken/zaken.service.ts';
import { codeVast, conceptBestaat, formulierBestaat, formulierOnbekend, nietDeNieuwste, nietGepubliceerd, versieGepubliceerd, zaaktypeNietGepubliceerd, zaaktypeOnbekend } from './formulieren.errors.ts';
import type { ConceptRecord, FormulierKop, FormulierRecord, FormulierStand, FormulierenRepository } from './formulieren.repository.ts';
import type { Definitie, FormulierInvoer } from './formulieren.schemas.ts';
import { eersteOnvolledigeStap, geldigeAntwoorden, leesStap, zichtbareStappen, zichtbareVelden, type Antwoord, type Antwoorden, type Invoer, type VeldFout } from './formulieren.velden.ts';

/** A draft expires this many days after its last change; then the housekeeping job deletes it. */
export const CONCEPT_BEWAARDAGEN = 30;
/** After submitting, the receipt page stays this many days (the draft holds no answers any more). */
export const ONTVANGST_BEWAARDAGEN = 7;
const DAG_MS = 86_400_000;
/** A draft's secret: 32 random bytes, base64url (43 characters). */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** The author of the zaken that forms make. */
export const FORMULIER_SYSTEEM = 'Website (e-formulieren)';
/** At most this many parsed definitions are kept per node (the oldest kept goes first). */
const MAX_DEFINITIES = 1_000;

export interface Invullen {
  concept: ConceptRecord;
  formulier: FormulierRecord;
  /** False when the version was withdrawn after the resident began. */
  beschikbaar: boolean;
}

export type StapUitkomst = { uitkomst: 'fouten'; fouten: VeldFout[] } | { uitkomst: 'bewaard'; volgende: number | 'controleer' };

export type Indiening =
  | { uitkomst: 'ingediend'; identificatie: string }
  | { uitkomst: 'al-ingediend'; identificatie: string }
  | { uitkomst: 'onvolledig'; stap: number }
  | { uitkomst: 'ingetrokken' };

/** An answer as the resident reads it (the check page, the PDF). */
export function antwoordTekst(definitie: Definitie, veldId: string, antwoord: Antwoord | undefined, taal: Taal): string {
  if (antwoord === undefined) return '';
  const veld = definitie.stappen.flatMap((s) => s.velden).find((v) => v.id === veldId);
  const t = vertaler(taal, 'formulieren');
  if (typeof antwoord === 'object' && !Array.isArray(antwoord)) return `${antwoord.postcode} ${antwoord.huisnummer}`;
  const label = (w: string) => veld?.opties?.find((o) => o.waarde === w)?.label[taal] ?? w;
  if (Array.isArray(antwoord)) return antwoord.map(label).join(', ');
  switch (veld?.soort) {
    case 'keuze':
      return label(antwoord);
    case 'ja-nee':
      return t(`antwoord.${antwoord}`);
    case 'toestemming':
      return t('antwoord.toestemming');
    case 'datum':
      return datumTekst(taal, antwoord);
    default:
      return antwoord;
  }
}

/**
 * The resident's own address from the answer of the field the form names as theirs
 * (`contact.adres`), in the stored form (ADR 0083); undefined when not answered.
 */
function adresVan(antwoord: Antwoord | undefined): Adres | undefined {
  if (antwoord === undefined || typeof antwoord === 'string' || Array.isArray(antwoord)) return undefined;
  const postcode = postcodeVan(antwoord.postcode);
  const nummer = huisnummerVan(antwoord.huisnummer);
  return postcode && nummer ? { postcode, ...nummer } : undefined;
}

export interface FormulierenDeps {
  db: Kysely<DB>;
  repository: FormulierenRepository;
  zaaktypen: Pick<ZaaktypenRepository, 'opId'>;
  zaken: Pick<ZakenService, 'registreerKort'>;
  berichten: Berichten;
  audit: AuditService;
  klok: Klok;
  /** The public base URL of the resident pages. */
  publicUrl: string;
}

export function formulierenService(deps: FormulierenDeps) {
  const { repository, audit, klok } = deps;
  const nu = () => klok.nu().toISOString();
  const over = (dagen: number) => new Date(klok.nu().getTime() + dagen * DAG_MS).toISOString();

  async function bestaand(gemeente: string, id: string): Promise<FormulierRecord> {
    const f = await repository.opId(gemeente, id);
    if (!f) throw formulierOnbekend();
    return f;
  }

  /**
   * Parsed definitions of versions that are no longer concepts, with their zaaktype, per node, by
   * version id: a published or withdrawn version's definition and zaaktype never change (only a
   * concept's are replaced, and its zaaktype version is published, so that does not change
   * either), so every node may keep them as long as it likes. Its status changes, so the caller
   * reads that (the `kop` or `stand`) each time.
   */
  const vasteDelen = new Map<string, Pick<FormulierRecord, 'definitie' | 'zaaktype'>>();
  const bewaar = (gemeente: string, f: FormulierRecord): void => {
    if (f.status === 'concept') return;
    if (vasteDelen.size >= MAX_DEFINITIES) vasteDelen.delete(vasteDelen.keys().next().value as string);
    vasteDelen.set(`${gemeente}:${f.id}`, { definitie: f.definitie, zaaktype: f.zaaktype });
  };
  const bewaard = (gemeente: string, versie: { id: string; status: FormulierStatus }) => (versie.status === 'concept' ? undefined : vasteDelen.get(`${gemeente}:${versie.id}`));

  async function metDefinitie(gemeente: string, kop: FormulierKop): Promise<FormulierRecord> {
    const bekend = bewaard(gemeente, kop);
    if (bekend) return { ...kop, definitie: bekend.definitie };
    const definitie = await repository.definitie(gemeente, kop.id);
    if (!definitie) throw formulierOnbekend();
    const f = { ...kop, definitie };
    bewaar(gemeente, f);
    return f;
  }

  /** A version read with a draft (`stand`) as a whole; one more statement only when its fixed parts are not kept. */
  async function heleVersie(gemeente: string, stand: FormulierStand): Promise<FormulierRecord> {
    const bekend = bewaard(gemeente, stand);
    if (bekend) return { ...stand, ...bekend };
    const f = await repository.opId(gemeente, stand.id);
    if (!f) throw formulierOnbekend();
    bewaar(gemeente, f);
    // What changes as read with the draft, so the draft and its version's status are one reading.
    return { ...f, ...stand };
  }

  /** A version with its (kept) definition; one statement when the definition is kept. */
  async function formulierVersie(gemeente: string, id: string): Promise<FormulierRecord> {
    const kop = await repository.kopOpId(gemeente, id);
    if (!kop) throw formulierOnbekend();
    return metDefinitie(gemeente, kop);
  }

  async function controleerZaaktype(gemeente: string, id: string): Promise<void> {
    if (!(await deps.zaaktypen.opId(gemeente, id))) throw zaaktypeOnbekend();
  }

  async function gelogd(context: Context, gemeente: string, id: string, actie: string, details: Record<string, unknown>): Promise<FormulierRecord> {
    await audit.log(context, { gemeente, actie, objectType: 'formulier', objectId: id, details });
    return bestaand(gemeente, id);
  }

  async function invullen(gemeente: string, token: string): Promise<Invullen | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const gevonden = await repository.conceptMetStandOpToken(gemeente, sha256(token), nu());
    if (!gevonden) return undefined;
    const formulier = await heleVersie(gemeente, gevonden.stand);
    return { concept: gevonden.concept, formulier, beschikbaar: formulier.status === 'gepubliceerd' };
  }

  return {
    publicUrl: deps.publicUrl,
    lijst: (gemeente: string, offset: number, limit: number) => repository.pagina(gemeente, offset, limit),
    haal: bestaand,

    async maak(context: Context, gemeente: string, invoer: FormulierInvoer): Promise<FormulierRecord> {
      if (await repository.hoogsteVersie(gemeente, invoer.code)) throw formulierBestaat();
      await controleerZaaktype(gemeente, invoer.zaaktype);
      const id = randomUUID();
      await repository.maak(gemeente, { id, code: invoer.code, versie: 1, zaaktypeId: invoer.zaaktype, definitie: invoer.definitie }, nu());
      return gelogd(context, gemeente, id, 'formulier-aanmaken', { code: invoer.code, versie: 1 });
    },

    /** Replaces a concept version; a published or withdrawn version cannot change. */
    async wijzig(context: Context, gemeente: string, id: string, revisie: number, invoer: FormulierInvoer): Promise<FormulierRecord> {
      const huidig = await bestaand(gemeente, id);
      if (huidig.status !== 'concept') throw versieGepubliceerd();
      if (invoer.code !== huidig.code) throw codeVast();
      await controleerZaaktype(gemeente, invoer.zaaktype);
      if (!(await repository.vervangConcept(gemeente, id, revisie, { zaaktypeId: invoer.zaaktype, definitie: invoer.definitie }, nu()))) throw verouderd();
      return gelogd(context, gemeente, id, 'formulier-wijzigen', { code: huidig.code, versie: huidig.versie });
    },

    /** A new concept version copied from the newest version. */
    async nieuweVersie(context: Context, gemeente: string, id: string): Promise<FormulierRecord> {
      const bron = await bestaand(gemeente, id);
      const hoogste = await repository.hoogsteVersie(gemeente, bron.code);
      if (hoogste?.status === 'concept') throw conceptBestaat();
      if (hoogste && hoogste.id !== bron.id) throw nietDeNieuwste();
      const nieuw = randomUUID();
      const versie = bron.versie + 1;
      await repository.maak(gemeente, { id: nieuw, code: bron.code, versie, zaaktypeId: bron.zaaktype.id, definitie: bron.definitie }, nu());
      return gelogd(context, gemeente, nieuw, 'formulier-nieuwe-versie', { code: bron.code, versie });
    },

    /** Publishes a concept; its zaaktype version must be published. */
    async publiceer(context: Context, gemeente: string, id: string, revisie: number): Promise<FormulierRecord> {
      const huidig = await bestaand(gemeente, id);
      if (huidig.status !== 'concept') throw versieGepubliceerd();
      if ((await deps.zaaktypen.opId(gemeente, huidig.zaaktype.id))?.status !== 'gepubliceerd') throw zaaktypeNietGepubliceerd();
      if (!(await repository.zetStatus(gemeente, id, 'concept', 'gepubliceerd', revisie, nu()))) throw verouderd();
      return gelogd(context, gemeente, id, 'formulier-publiceren', { code: huidig.code, versie: huidig.versie });
    },

    /** Withdraws a published version: residents can no longer start or submit it. */
    async trekIn(context: Context, gemeente: string, id: string): Promise<FormulierRecord> {
      const huidig = await bestaand(gemeente, id);
      if (huidig.status !== 'gepubliceerd' || !(await repository.zetStatus(gemeente, id, 'gepubliceerd', 'ingetrokken', undefined, nu()))) throw nietGepubliceerd();
      return gelogd(context, gemeente, id, 'formulier-intrekken', { code: huidig.code, versie: huidig.versie });
    },

    /** The form residents start now by code: its newest published version. */
    async gepubliceerd(gemeente: string, code: string): Promise<FormulierRecord | undefined> {
      const kop = await repository.kopGepubliceerd(gemeente, code);
      return kop ? metDefinitie(gemeente, kop) : undefined;
    },
    alleGepubliceerd: (gemeente: string) => repository.alleGepubliceerd(gemeente),

    /** A new draft of the newest published version; answers its secret (once). */
    async begin(gemeente: string, formulier: FormulierRecord, taal: Taal, inwoner?: Voorinvullen): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      const id = randomUUID();
      await repository.maakConcept(gemeente, { id, formulierId: formulier.id, tokenHash: sha256(token), taal, op: nu(), verlooptOp: over(CONCEPT_BEWAARDAGEN) });
      // A logged-in resident (ADR 0077): what we know already, as answers they can still change.
      const { definitie } = formulier;
      const bekend: Antwoorden = {};
      if (inwoner?.naam && definitie.contact.naam) bekend[definitie.contact.naam] = inwoner.naam;
      if (inwoner?.email && definitie.contact.email) bekend[definitie.contact.email] = inwoner.email;
      if (inwoner?.bsn) for (const v of definitie.stappen.flatMap((st) => st.velden)) if (v.soort === 'bsn') bekend[v.id] = inwoner.bsn;
      if (Object.keys(bekend).length > 0) await repository.bewaarAntwoorden(gemeente, id, geldigeAntwoorden(definitie, bekend), nu(), over(CONCEPT_BEWAARDAGEN));
      return token;
    },

    /** The draft behind a secret with its form version; undefined when unknown or expired. */
    invullen,

    /**
     * Checks one step's answers (the shown fields, given the earlier answers) and stores them
     * when all are right; the next shown step, or the check page. `terug`: back to the check page
     * after a change when the form is complete. `gedeeltelijk` (save and continue later): the
     * right answers are stored even when others are not.
     */
    async bewaarStap(
      gemeente: string,
      i: Invullen,
      stap: number,
      invoer: Invoer,
      opties: { terug: boolean; gedeeltelijk: boolean },
      bestanden: readonly MultipartBestand[] = [],
    ): Promise<StapUitkomst> {
      const { definitie } = i.formulier;
      const s = definitie.stappen[stap];
      if (!s) throw formulierOnbekend();
      // File fields (ADR 0078): a new upload is checked first; the answer is the checked file's name
      // (a new one, else the one sent before), never text the browser posted under the field's name.
      const bestandFouten: VeldFout[] = [];
      const nieuweBestanden: { veld: string; bestandsnaam: string; mediatype: string; inhoud: Buffer }[] = [];
      const metBestanden: Invoer = { ...invoer };
      for (const veld of zichtbareVelden(s, i.concept.antwoorden).filter((v) => v.soort === 'bestand')) {
        const gestuurd = bestanden.find((b) => b.veld === veld.id);
        const eerder = i.concept.antwoorden[veld.id];
        metBestanden[veld.id] = typeof eerder === 'string' ? eerder : '';
        if (!gestuurd) continue;
        const bijlage = await controleerBijlage(gestuurd);
        if (!bijlage.ok) {
          bestandFouten.push({ veld: veld.id, invoer: veld.id, code: `bestand-${bijlage.code}` });
          continue;
        }
        nieuweBestanden.push({ veld: veld.id, bestandsnaam: bijlage.bestandsnaam, mediatype: bijlage.mediatype, inhoud: bijlage.inhoud });
        metBestanden[veld.id] = bijlage.bestandsnaam;
      }
      const gelezen = leesStap(s, metBestanden, i.concept.antwoorden, kalenderdag(klok.nu()));
      const antwoorden = Object.fromEntries(Object.entries(gelezen.antwoorden).filter(([id]) => !bestandFouten.some((f) => f.veld === id)));
      const fouten = [...gelezen.fouten.filter((f) => !bestandFouten.some((b) => b.veld === f.veld)), ...bestandFouten].toSorted(
        (a, b) => s.velden.findIndex((v) => v.id === a.veld) - s.velden.findIndex((v) => v.id === b.veld),
      );
      // Nothing is stored when a step is refused (a bad file included), unless the resident saves to continue later.
      if (fouten.length > 0 && !opties.gedeeltelijk) return { uitkomst: 'fouten', fouten };
      const zonderStap = Object.fromEntries(Object.entries(i.concept.antwoorden).filter(([id]) => !s.velden.some((v) => v.id === id)));
      const alle = geldigeAntwoorden(definitie, { ...zonderStap, ...antwoorden });
      await inEenTransactie(deps.db, async () => {
        await repository.bewaarAntwoorden(gemeente, i.concept.id, alle, nu(), over(CONCEPT_BEWAARDAGEN));
        await repository.bewaarBestanden(gemeente, i.concept.id, nieuweBestanden, nu());
      });
      const volgende = zichtbareStappen(definitie, alle).find((n) => n > stap);
      if (fouten.length > 0) return { uitkomst: 'fouten', fouten };
      if (opties.terug && eersteOnvolledigeStap(definitie, alle) === undefined) return { uitkomst: 'bewaard', volgende: 'controleer' };
      return { uitkomst: 'bewaard', volgende: volgende ?? 'controleer' };
    },

    /** Mails the draft's address, to finish later (the address itself is not stored). */
    async stuurLink(gemeente: Gemeente, i: Invullen, email: string, link: string, taal: Taal): Promise<void> {
      const t = vertaler(taal, 'formulieren');
      const waarden = { formulier: i.formulier.definitie.titel[taal], link, gemeente: gemeente.naam, dagen: CONCEPT_BEWAARDAGEN, verloopt: datumTekst(taal, kalenderdag(i.concept.verlooptOp)) };
      await deps.berichten.verstuur({ gemeente: gemeente.code, aan: email, onderwerp: t('mail.onderwerp', waarden), tekst: [t('mail.aanhef'), t('mail.tekst', waarden), t('mail.groet', waarden)].join('\n\n') });
    },

    /** Submits a draft (see the module's comment): one transaction, never two zaken. */
    async dienIn(context: Context, gemeente: Gemeente, conceptId: string, bsnSleutel?: string): Promise<Indiening> {
      return inEenTransactie(deps.db, async () => {
        const concept = await repository.conceptVergrendeld(gemeente.code, conceptId);
        if (!concept) throw formulierOnbekend();
        if (concept.ingediendIdentificatie) return { uitkomst: 'al-ingediend', identificatie: concept.ingediendIdentificatie };
        const formulier = await formulierVersie(gemeente.code, concept.formulierId);
        if (formulier.status !== 'gepubliceerd') return { uitkomst: 'ingetrokken' };
        const { definitie } = formulier;
        const onvolledig = eersteOnvolledigeStap(definitie, concept.antwoorden);
        if (onvolledig !== undefined) return { uitkomst: 'onvolledig', stap: onvolledig };
        const antwoorden: Antwoorden = geldigeAntwoorden(definitie, concept.antwoorden);
        const taal = concept.taal;
        const tekstVan = (id: string | undefined): string | undefined => {
          const a = id === undefined ? undefined : antwoorden[id];
          return typeof a === 'string' ? a : undefined;
        };
        const onderwerpId = definitie.onderwerp;
        const onderwerp = onderwerpId ? antwoordTekst(definitie, onderwerpId, antwoorden[onderwerpId], 'nl') : definitie.titel.nl;
        const naam = tekstVan(definitie.contact.naam);
        const email = tekstVan(definitie.contact.email);
        const telefoon = tekstVan(definitie.contact.telefoon);
        const adres = adresVan(definitie.contact.adres === undefined ? undefined : antwoorden[definitie.contact.adres]);
        const op = nu();
        const systeem = { soort: 'systeem' as const, context, naam: FORMULIER_SYSTEEM };
        const velden = definitie.stappen.flatMap((s) => s.velden);
        // Files exist only for file fields (ADR 0078); a version's fields never change.
        const metBestanden = velden.some((v) => v.soort === 'bestand');
        let bijlagen = 0;
        // The answers, the PDF and the files are stored with the zaak's registration (its first
        // events and documents, as the bezwaar procedure's receipt letter): one change of the zaak.
        const bijRegistratie: BijRegistratie = async (z) => {
          await repository.voegInzendingToe(gemeente.code, { zaakId: z.id, formulierId: formulier.id, antwoorden, op });
          const pdf = await maakBrief({
            gemeente,
            taal,
            sjabloon: 'formulier',
            datum: kalenderdag(klok.nu()),
            gegevens: {
              referentie: z.identificatie,
              formulier: definitie.titel[taal],
              naam: naam ?? null,
              verstuurd: datumTekst(taal, kalenderdag(klok.nu())),
              antwoorden: velden.filter((v) => antwoorden[v.id] !== undefined).map((v) => ({ vraag: v.label[taal], antwoord: antwoordTekst(definitie, v.id, antwoorden[v.id], taal) })),
            },
          });
          // The files of answered file fields (ADR 0078) become documents of the zaak beside the PDF.
          const bestanden = metBestanden
            ? (await repository.bestanden(gemeente.code, concept.id)).filter((b) => velden.find((v) => v.id === b.veld)?.soort === 'bestand' && antwoorden[b.veld] === b.bestandsnaam)
            : [];
          bijlagen = bestanden.length;
          return {
            documenten: [
              { id: randomUUID(), bestandsnaam: `${taal === 'en' ? 'form' : 'formulier'}-${z.identificatie}.pdf`, mediatype: 'application/pdf', inhoud: pdf, extern: true },
              ...bestanden.map((b) => ({ id: randomUUID(), bestandsnaam: b.bestandsnaam, mediatype: b.mediatype, inhoud: b.inhoud, extern: true })),
            ],
          };
        };
        const zaak = await deps.zaken.registreerKort(
          systeem,
          gemeente.code,
          {
            zaaktype: formulier.zaaktype.id,
            onderwerp: [...(onderwerp || definitie.titel.nl)].slice(0, 200).join(''),
            omschrijving: `${definitie.titel.nl} (formulier ${formulier.code}, versie ${formulier.versie})`,
            kanaal: 'web',
            ontvangstdatum: kalenderdag(klok.nu()),
            betrokkene: naam || email || telefoon || adres ? { naam, email, telefoon, adres, taal } : undefined,
            // Sent by a logged-in resident: the zaak shows in their "Mijn zaken" (ADR 0077).
            bsnSleutel,
          },
          bijRegistratie,
        );
        if (metBestanden) await repository.verwijderBestanden(gemeente.code, concept.id);
        await repository.markeerIngediend(gemeente.code, concept.id, zaak, op, over(ONTVANGST_BEWAARDAGEN));
        await audit.log(context, { gemeente: gemeente.code, actie: 'formulier-indienen', objectType: 'zaak', objectId: zaak.id, details: { identificatie: zaak.identificatie, formulier: formulier.code, versie: formulier.versie, bijlagen } });
        return { uitkomst: 'ingediend', identificatie: zaak.identificatie };
      });
    },

    /** The answers submitted with a zaak's form, with the form version (for staff). */
    async inzending(gemeente: string, zaakId: string) {
      const i = await repository.inzending(gemeente, zaakId);
      if (!i) return undefined;
      const formulier = await bestaand(gemeente, i.formulierId);
      return { ...i, formulier };
    },

    /** Retention (ADR 0064): expired drafts and receipts. */
    verwijderVerlopen: () => repository.verwijderVerlopen(nu()),
  };
}

/** What a logged-in resident's session knows, to prefill a new draft and link the zaak (ADR 0077). */
export interface Voorinvullen {
  naam: string;
  email: string | null;
  bsn: string | null;
  bsnSleutel: string | null;
}

export type FormulierenService = ReturnType<typeof formulierenService>;
