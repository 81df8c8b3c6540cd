import { heeftRecht } from '../../http/rechten.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { KlantcontactenService } from '../klantcontacten/klantcontacten.service.ts';
import { periodeUitInvoer, type PeriodeInvoer } from '../kpi/kpi.service.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import { VERWERKING_ZAKEN } from '../zaken/zaken.kern.ts';
import type { Wie, ZakenService } from '../zaken/zaken.service.ts';
import { productOnbekend, zaaktypeOnbekend } from './klantreizen.errors.ts';
import type { KlantreizenRepository } from './klantreizen.repository.ts';
import { bouwStroom } from './klantreizen.stroom.ts';

/*
 * One resident's journey (issue 10, klantreizen): every contact with the KCC, every zaak, the
 * messages sent to the resident and the resident's replies, on one time line, for staff who may
 * read klantcontacten. Zaken come through the zaken service, so a zaak the staff member may not
 * see is not there; reading is logged in the processing log by the services that read.
 */

/** At most this many contacts and zaken in one journey (a resident has tens, not thousands). */
export const MAX_PER_SOORT = 200;
/** A second contact about the same onderwerp within this many days is a herhaalcontact. */
export const HERHAAL_DAGEN = 7;

export type ReisStapSoort = 'contact' | 'zaak-ontvangen' | 'status' | 'bericht' | 'reactie' | 'afgesloten';

export interface ReisStap {
  op: string;
  soort: ReisStapSoort;
  kanaal: string | null;
  tekst: string;
  contact: { id: string; onderwerp: string; uitkomst: string; herhaal: boolean } | null;
  zaak: { id: string; identificatie: string; zaaktype: string; onderwerp: string } | null;
}

/** Contacts about the same onderwerp (case and spaces ignored) within HERHAAL_DAGEN after an earlier one. */
export function herhaalcontacten(contacten: readonly { id: string; onderwerp: string; op: string }[]): Set<string> {
  const herhaal = new Set<string>();
  const laatste = new Map<string, number>();
  for (const c of contacten.toSorted((a, b) => a.op.localeCompare(b.op))) {
    const sleutel = c.onderwerp.trim().toLowerCase().replace(/\s+/g, ' ');
    const t = new Date(c.op).getTime();
    const vorige = laatste.get(sleutel);
    if (vorige !== undefined && t - vorige <= HERHAAL_DAGEN * 86_400_000) herhaal.add(c.id);
    laatste.set(sleutel, t);
  }
  return herhaal;
}

/** A text field of an event's gegevens ("naam" of a status or result, "tekst" of a message or reply). */
const tekstUit = (gegevens: unknown, veld: 'naam' | 'tekst'): string => {
  const waarde = (gegevens as Record<string, unknown>)[veld];
  return typeof waarde === 'string' ? waarde : '';
};

export function klantreizenService(deps: { zaken: ZakenService; klantcontacten: KlantcontactenService; repository: KlantreizenRepository; audit: AuditService; klok: Klok }) {
  const { zaken, klantcontacten, repository, audit, klok } = deps;

  /**
   * The flow of the journeys of one zaaktype's zaken registered in the period (ADR 0081): only
   * zaken the user may see (ADR 0013). Matching contacts by the betrokkene's e-mail address reads
   * personal data: the zaken whose address found contacts are in the processing log.
   */
  async function stroom(wie: Wie, gemeente: string, zaaktype: string | null, invoer: PeriodeInvoer) {
    const nu = klok.nu().toISOString();
    const periode = periodeUitInvoer(invoer, kalenderdag(nu));
    const leeg: Awaited<ReturnType<KlantreizenRepository['reizen']>> = { zaken: [], gebeurtenissen: [], contacten: [], klachten: [], antwoorden: [] };
    const data =
      zaaktype === null
        ? leeg
        : await repository.reizen(
            { gemeente, zaaktype, van: periode.van, tot: periode.tot, beperkt: heeftRecht(wie.rollen, 'vertrouwelijkeZakenZien') ? null : { gebruiker: wie.gebruiker } },
            nu,
          );
    const perEmail = [...new Set(data.contacten.filter((c) => !c.gekoppeld).map((c) => c.zaakId))];
    if (perEmail.length > 0) await audit.verwerking(wie.context, { gemeente, naam: 'klantreizen-per-product', ...VERWERKING_ZAKEN, betrokkeneIds: perEmail });
    return { periode, berekendOp: nu, ...bouwStroom(data, nu, kalenderdag(nu)) };
  }

  return {
    /** The products of the catalogue (with their zaaktype) and the zaaktypen that no product names. */
    async keuzes(gemeente: string) {
      const { producten, zaaktypen } = await repository.keuzes(gemeente);
      const metProduct = new Set(producten.map((p) => p.zaaktype));
      return {
        producten: producten.map((p) => ({ code: p.code, naam: { nl: p.naam_nl, en: p.naam_en }, zaaktype: p.zaaktype })),
        zaaktypen: zaaktypen.filter((z) => !metProduct.has(z.code)).map((z) => ({ code: z.code, naam: { nl: z.naam_nl, en: z.naam_en } })),
      };
    },

    /** The journeys of a product of the catalogue: the zaken of its zaaktype (none when it has no zaaktype). */
    async vanProduct(wie: Wie, gemeente: string, code: string, invoer: PeriodeInvoer) {
      const product = await repository.product(gemeente, code);
      if (!product) throw productOnbekend();
      const zaaktype = product.zaaktype === null ? undefined : await repository.zaaktype(gemeente, product.zaaktype);
      const uitkomst = await stroom(wie, gemeente, zaaktype?.code ?? null, invoer);
      return {
        product: { code: product.code, naam: { nl: product.naam_nl, en: product.naam_en } },
        zaaktype: zaaktype ? { code: zaaktype.code, naam: { nl: zaaktype.naam_nl, en: zaaktype.naam_en } } : null,
        reden: zaaktype ? null : 'Dit product heeft geen zaaktype: er komen geen zaken uit voort, dus ook geen klantreizen.',
        ...uitkomst,
      };
    },

    /** The journeys of a zaaktype (for work that no product of the catalogue names). */
    async vanZaaktype(wie: Wie, gemeente: string, code: string, invoer: PeriodeInvoer) {
      const zaaktype = await repository.zaaktype(gemeente, code);
      if (!zaaktype) throw zaaktypeOnbekend();
      return { product: null, zaaktype: { code: zaaktype.code, naam: { nl: zaaktype.naam_nl, en: zaaktype.naam_en } }, reden: null, ...(await stroom(wie, gemeente, zaaktype.code, invoer)) };
    },

    /** The journey of the resident with this e-mail address, oldest first, with counts. */
    async reis(wie: Wie, gemeente: string, email: string) {
      const contacten = await klantcontacten.vanPersoon(wie, gemeente, email, MAX_PER_SOORT);
      const herhaal = herhaalcontacten(contacten);
      const stappen: ReisStap[] = contacten.map((c) => ({
        op: c.op,
        soort: 'contact',
        kanaal: c.kanaal,
        tekst: c.onderwerp,
        contact: { id: c.id, onderwerp: c.onderwerp, uitkomst: c.uitkomst, herhaal: herhaal.has(c.id) },
        zaak: null,
      }));
      const gevonden: string[] = [];
      let cursor: string | undefined;
      do {
        const pagina = await zaken.werkvoorraad(wie, gemeente, { open: true, email, cursor, pageSize: 100 });
        gevonden.push(...pagina.items.map((z) => z.id));
        cursor = pagina.volgende ?? undefined;
      } while (cursor && gevonden.length < MAX_PER_SOORT);
      const eersteAntwoord: number[] = [];
      for (const id of gevonden.slice(0, MAX_PER_SOORT)) {
        const z = await zaken.detail(wie, gemeente, id);
        const zaak = { id: z.id, identificatie: z.identificatie, zaaktype: z.zaaktype.naam, onderwerp: z.onderwerp };
        let beantwoord = false;
        for (const g of z.tijdlijn) {
          const stap = (soort: ReisStapSoort, tekst: string, kanaal: string | null = null) => stappen.push({ op: g.op, soort, kanaal, tekst, contact: null, zaak });
          const bericht = g.soort === 'bericht' && g.extern;
          if (g.soort === 'aangemaakt') stap('zaak-ontvangen', z.onderwerp, z.kanaal);
          else if (g.soort === 'status') stap('status', tekstUit(g.gegevens, 'naam'));
          else if (bericht) stap('bericht', tekstUit(g.gegevens, 'tekst'), 'e-mail');
          else if (g.soort === 'reactie') stap('reactie', tekstUit(g.gegevens, 'tekst'), 'web');
          else if (g.soort === 'resultaat') stap('afgesloten', tekstUit(g.gegevens, 'naam'));
          // The first answer: the first message to the resident, or the closing.
          if (!beantwoord && (bericht || g.soort === 'resultaat')) {
            beantwoord = true;
            eersteAntwoord.push(new Date(g.op).getTime() - new Date(z.registratieOp).getTime());
          }
        }
      }
      stappen.sort((a, b) => a.op.localeCompare(b.op));
      const mediaanUren = eersteAntwoord.length ? Math.round((eersteAntwoord.toSorted((a, b) => a - b)[Math.floor((eersteAntwoord.length - 1) / 2)] ?? 0) / 360_000) / 10 : null;
      return {
        email,
        samenvatting: { contacten: contacten.length, herhaalcontacten: herhaal.size, zaken: Math.min(gevonden.length, MAX_PER_SOORT), eersteAntwoordMediaanUren: mediaanUren },
        stappen,
      };
    },
  };
}

export type KlantreizenService = ReturnType<typeof klantreizenService>;
