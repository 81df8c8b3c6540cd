import { randomUUID } from 'node:crypto';
import type { Kanaal } from '../../db/schema.ts';
import { ProblemError, type InvalidParam } from '../../http/problem.ts';
import { heeftRecht } from '../../http/rechten.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import { VERWERKING_ZAKEN, type NieuweZaakInvoer, type Systeem, type Wie, type ZakenService } from '../zaken/zaken.service.ts';
import {
  geenRechtOpZaken,
  klantcontactNietGevonden,
  ongeldigContact,
  ongeldigeZaak,
  onbekendeZaak,
  opInDeToekomst,
} from './klantcontacten.errors.ts';
import type { KlantcontactDoor, KlantcontactenRepository, KlantcontactRecord, KlantcontactZaak } from './klantcontacten.repository.ts';
import type { KlantcontactenFilter, NieuwKlantcontactInvoer, ZoekZakenInvoer } from './klantcontacten.schemas.ts';

/** The processing of a person's data in a klantcontact (the processing log, Logboek Dataverwerkingen). */
export const VERWERKING_KLANTCONTACTEN = {
  verwerkingsactiviteit: 'loket:verwerkingsactiviteit:klantcontact',
  grondslag: 'AVG art. 6 lid 1 sub e (taak van algemeen belang: inwoners te woord staan en hun vragen beantwoorden)',
  betrokkeneType: 'inwoner',
} as const;

/** How long the person of a contact is kept: one year after the contact (ADR 0033). */
export const PERSOON_BEWAARTERMIJN = 'P1Y';

/** The zaak's channel for a contact's channel: a chat is on the website, a letter comes by post. */
export const ZAAK_KANAAL: Record<NieuwKlantcontactInvoer['kanaal'], Kanaal> = {
  telefoon: 'telefoon',
  balie: 'balie',
  'e-mail': 'e-mail',
  chat: 'web',
  brief: 'post',
  'sociale-media': 'sociale-media',
};

/** A contact may be dated a little ahead of the server's clock (a client clock that runs fast), not more. */
const SPELING_MS = 60_000;

function cursorVan(regel: { op: string; id: string }): string {
  return Buffer.from(JSON.stringify([regel.op, regel.id])).toString('base64url');
}

function leesCursor(cursor: string): { op: string; id: string } {
  try {
    const waarde: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(waarde) &&
      typeof waarde[0] === 'string' &&
      !Number.isNaN(Date.parse(waarde[0])) &&
      typeof waarde[1] === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(waarde[1])
    ) {
      return { op: waarde[0], id: waarde[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw ongeldigContact([{ name: 'query.cursor', code: 'ongeldige-cursor', reason: 'Deze cursor kennen we niet. Begin opnieuw bij de eerste pagina.' }]);
}

function doorVan(wie: Wie | Systeem): KlantcontactDoor {
  // Loket itself (the e-mail intake, ADR 0046) registers under its own name.
  if (wie.soort === 'systeem') return { type: 'systeem', id: null, naam: wie.naam };
  const type = wie.context.actorType;
  // Routes need a login; the CLI and the system register under their own type.
  return { type: type === 'anoniem' ? 'systeem' : type, id: wie.gebruiker, naam: wie.naam ?? wie.context.actorNaam };
}

export interface KlantcontactenDeps {
  repository: KlantcontactenRepository;
  zaken: Pick<ZakenService, 'registreer' | 'zichtbareZaak' | 'werkvoorraad'>;
  audit: AuditService;
  klok: Klok;
}

/**
 * Klantcontacten (ADR 0033): register a contact on any channel with its outcome, optionally the
 * person and zaken — existing ones, or one registered from the contact through the zaken
 * service in the same transaction — and read them back. Also the KCC's search for a caller's
 * zaken, and the retention of the person's data.
 */
export function klantcontactenService(deps: KlantcontactenDeps) {
  const { repository, zaken, audit, klok } = deps;

  async function bestaand(gemeente: string, id: string): Promise<KlantcontactRecord> {
    const contact = await repository.opId(gemeente, id);
    if (!contact) throw klantcontactNietGevonden();
    return contact;
  }

  return {
    /**
     * Registers a contact, by a staff member or by Loket itself (`Systeem`: the e-mail intake,
     * which may link and register zaken; `opties.draad` puts the new zaak's receipt in the
     * resident's e-mail thread). With `zaak`, the zaken service registers that zaak (and queues its
     * receipt mail) in the same transaction as the contact: if the zaak is refused, the contact is
     * not stored either, and the other way round. Answers the contact and, once, the new zaak's
     * tracking code and link.
     */
    async registreer(wie: Wie | Systeem, gemeente: string, invoer: NieuwKlantcontactInvoer, opties: Pick<NieuweZaakInvoer, 'draad'> = {}) {
      const nu = klok.nu();
      if ((invoer.zaak || invoer.zaken.length > 0) && wie.soort !== 'systeem' && !heeftRecht(wie.rollen, invoer.zaak ? 'zakenRegistreren' : 'zakenLezen')) throw geenRechtOpZaken();
      const fouten: InvalidParam[] = [];
      if (invoer.op !== undefined && Date.parse(invoer.op) > nu.getTime() + SPELING_MS) fouten.push(opInDeToekomst());
      const gekoppeld: KlantcontactZaak[] = [];
      for (const [i, id] of invoer.zaken.entries()) {
        const zaak = await zaken.zichtbareZaak(wie, gemeente, id);
        if (zaak) gekoppeld.push({ ...zaak, aangemaakt: false });
        else fouten.push(onbekendeZaak(i));
      }
      if (fouten.length > 0) throw ongeldigContact(fouten);

      const id = randomUUID();
      const op = invoer.op === undefined ? nu.toISOString() : new Date(invoer.op).toISOString();
      const door = doorVan(wie);
      const persoon = invoer.persoon ? { naam: invoer.persoon.naam ?? '', email: invoer.persoon.email ?? null, telefoon: invoer.persoon.telefoon ?? null } : null;

      const nieuweZaak = await repository.samen(async () => {
        await repository.voegToe(gemeente, { id, kanaal: invoer.kanaal, onderwerp: invoer.onderwerp, vraag: invoer.vraag, antwoord: invoer.antwoord, uitkomst: invoer.uitkomst, op, geregistreerdOp: nu.toISOString(), door, persoon });
        let geregistreerd: Awaited<ReturnType<typeof zaken.registreer>> | undefined;
        if (invoer.zaak) {
          const z = invoer.zaak;
          try {
            geregistreerd = await zaken.registreer(wie, gemeente, {
              zaaktype: z.zaaktype,
              onderwerp: z.onderwerp ?? invoer.onderwerp,
              omschrijving: z.omschrijving ?? invoer.vraag,
              kanaal: ZAAK_KANAAL[invoer.kanaal],
              ontvangstdatum: kalenderdag(new Date(op)),
              vertrouwelijkheid: z.vertrouwelijkheid,
              team: z.team,
              behandelaar: z.behandelaar,
              // The address goes to the zaak only (to find it by later, ADR 0083), not to the contact.
              betrokkene:
                persoon || z.adres
                  ? { naam: persoon?.naam, email: persoon?.email ?? undefined, telefoon: persoon?.telefoon ?? undefined, adres: z.adres, taal: z.taal }
                  : undefined,
              draad: opties.draad,
            });
          } catch (error) {
            if (error instanceof ProblemError && error.status === 400 && error.invalidParams) throw ongeldigeZaak(error.invalidParams);
            throw error;
          }
          gekoppeld.push({ id: geregistreerd.zaak.id, identificatie: geregistreerd.zaak.identificatie, aangemaakt: true });
        }
        await repository.koppel(gemeente, id, gekoppeld);
        await repository.voegGebeurtenisToe(gemeente, id, {
          soort: 'geregistreerd',
          // No personal data in the history: it outlives the person's retention term.
          gegevens: { kanaal: invoer.kanaal, uitkomst: invoer.uitkomst, zaken: gekoppeld.map((z) => z.identificatie) },
          door: { id: door.id, naam: door.naam },
          op: nu.toISOString(),
        });
        await audit.log(wie.context, {
          gemeente,
          actie: 'klantcontact-registreren',
          objectType: 'klantcontact',
          objectId: id,
          details: { kanaal: invoer.kanaal, uitkomst: invoer.uitkomst, zaken: gekoppeld.map((z) => z.identificatie) },
        });
        if (persoon) await audit.verwerking(wie.context, { gemeente, naam: 'klantcontact-registreren', ...VERWERKING_KLANTCONTACTEN, betrokkeneIds: [id] });
        return geregistreerd;
      });
      const contact = await bestaand(gemeente, id);
      return {
        ...contact,
        zaak: nieuweZaak
          ? { id: nieuweZaak.zaak.id, identificatie: nieuweZaak.zaak.identificatie, uiterlijkeEinddatum: nieuweZaak.zaak.uiterlijkeEinddatum, volgcode: nieuweZaak.volgcode, volglink: nieuweZaak.volglink }
          : null,
      };
    },

    /** One contact with its person and history; reading the person is logged. */
    async haal(context: Context, gemeente: string, id: string): Promise<KlantcontactRecord> {
      const contact = await bestaand(gemeente, id);
      if (contact.persoon) await audit.verwerking(context, { gemeente, naam: 'klantcontact-bekijken', ...VERWERKING_KLANTCONTACTEN, betrokkeneIds: [id] });
      return contact;
    },

    /** One page of contacts, newest first (keyset): no total count, as the zaken queues. */
    async lijst(gemeente: string, filter: KlantcontactenFilter) {
      const rijen = await repository.lijst(gemeente, {
        kanaal: filter.kanaal,
        uitkomst: filter.uitkomst,
        van: filter.van,
        tot: filter.tot,
        na: filter.cursor ? leesCursor(filter.cursor) : undefined,
        limit: filter.pageSize + 1,
      });
      const items = rijen.slice(0, filter.pageSize);
      const laatste = items.at(-1);
      return { items, volgende: rijen.length > filter.pageSize && laatste ? cursorVan(laatste) : null };
    },

    /** The contacts of the person with this e-mail address, oldest first (a resident's journey); logged in the processing log when any. */
    async vanPersoon(wie: Wie, gemeente: string, email: string, limit: number) {
      const contacten = await repository.vanPersoon(gemeente, email, limit);
      if (contacten.length > 0) await audit.verwerking(wie.context, { gemeente, naam: 'klantcontacten-van-persoon', ...VERWERKING_KLANTCONTACTEN, betrokkeneIds: contacten.map((c) => c.id) });
      return contacten;
    },

    /**
     * A caller's zaken, by zaak number, e-mail address, or postcode and huisnummer of the
     * resident (ADR 0083; without a toevoeging every toevoeging at that number), open or closed,
     * as the caller may see them (the zaken service's queue). A search by e-mail address or
     * address is logged in the processing log for the zaken found (who looked up whose zaken).
     */
    async zoekZaken(wie: Wie, gemeente: string, invoer: ZoekZakenInvoer) {
      const adres =
        invoer.postcode !== undefined && invoer.huisnummer !== undefined
          ? { postcode: invoer.postcode, huisnummer: invoer.huisnummer, huisnummerToevoeging: invoer.huisnummerToevoeging ?? null }
          : undefined;
      const gevonden = await zaken.werkvoorraad(wie, gemeente, {
        open: true,
        identificatie: invoer.zaaknummer,
        email: invoer.email,
        adres,
        cursor: invoer.cursor,
        pageSize: invoer.pageSize,
      });
      const naam = invoer.email !== undefined ? 'zaken-zoeken-op-email' : adres ? 'zaken-zoeken-op-adres' : undefined;
      if (naam && gevonden.items.length > 0) await audit.verwerking(wie.context, { gemeente, naam, ...VERWERKING_ZAKEN, betrokkeneIds: gevonden.items.map((z) => z.id) });
      return gevonden;
    },

    /**
     * Erases the person of every contact older than the retention term (one year), with an entry
     * in each contact's history and one in the audit log. Run by the housekeeping.
     */
    async ruimPersoonsgegevensOp(context: Context, gemeente: string): Promise<number> {
      const nu = klok.nu();
      const grens = new Date(nu);
      grens.setUTCFullYear(grens.getUTCFullYear() - 1);
      const aantal = await repository.wisPersonen(gemeente, grens.toISOString(), nu.toISOString(), PERSOON_BEWAARTERMIJN);
      if (aantal > 0) await audit.log(context, { gemeente, actie: 'klantcontact-personen-wissen', details: { aantal, contactVoor: grens.toISOString() } });
      return aantal;
    },
  };
}

export type KlantcontactenService = ReturnType<typeof klantcontactenService>;
