import type { KlantcontactenService } from '../klantcontacten/klantcontacten.service.ts';
import type { Wie, ZakenService } from '../zaken/zaken.service.ts';

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

export function klantreizenService(deps: { zaken: ZakenService; klantcontacten: KlantcontactenService }) {
  const { zaken, klantcontacten } = deps;
  return {
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
