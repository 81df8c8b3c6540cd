/**
 * Geocoding behind one port (ADR 0054): from a postcode and house number, or a street name, to
 * addresses with a point in WGS84, within one gemeente. Two adapters: the local gazetteer
 * (`adres`, loaded with `loket adressen import`; offline, the demo and the tests) and PDOK
 * Locatieserver (production, the national BAG service; chosen with LOKET_GEOCODER=pdok).
 */
import type { Adres, AdressenRepository } from './adressen.repository.ts';

export type { Adres } from './adressen.repository.ts';

export interface Geocoder {
  /** `lokaal` (the gazetteer) or `pdok`. */
  readonly soort: 'lokaal' | 'pdok';
  /** The addresses at a postcode (`1111AA`) and house number in the gemeente; with a toevoeging only that one. */
  opPostcode(gemeente: string, postcode: string, huisnummer: number, toevoeging?: string): Promise<Adres[]>;
  /** Addresses in the gemeente whose street starts with `straat`, optionally at one house number; at most `limit`. */
  zoekStraat(gemeente: string, straat: string, huisnummer: number | undefined, limit: number): Promise<Adres[]>;
}

/** The local gazetteer. */
export function gazetteerGeocoder(repository: AdressenRepository): Geocoder {
  return {
    soort: 'lokaal',
    opPostcode: (gemeente, postcode, huisnummer, toevoeging) => repository.opPostcode(gemeente, postcode, huisnummer, toevoeging),
    zoekStraat: (gemeente, straat, huisnummer, limit) => repository.zoekStraat(gemeente, straat, huisnummer, limit),
  };
}

/** PDOK Locatieserver v3.1 (`/free`), documented at api.pdok.nl/bzk/locatieserver/search/v3_1/ui/. */
export const PDOK_LOCATIESERVER = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

const PDOK_VELDEN = 'straatnaam,huisnummer,huisletter,huisnummertoevoeging,postcode,woonplaatsnaam,gemeentecode,centroide_ll';

/** A Solr phrase: quotes and backslashes escaped. */
const fraseVan = (tekst: string) => `"${tekst.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * The addresses in a Locatieserver answer (`response.docs` of type adres): `centroide_ll` is
 * `POINT(lon lat)`. Documents without a point or a postcode are left out.
 */
export function adressenUitPdok(antwoord: unknown): Adres[] {
  const docs = (antwoord as { response?: { docs?: unknown } } | null)?.response?.docs;
  if (!Array.isArray(docs)) return [];
  return docs.flatMap((d: Record<string, unknown>) => {
    const punt = typeof d.centroide_ll === 'string' ? /^POINT\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)$/.exec(d.centroide_ll) : null;
    const huisnummer = typeof d.huisnummer === 'number' ? d.huisnummer : Number(d.huisnummer);
    if (!punt || typeof d.postcode !== 'string' || typeof d.straatnaam !== 'string' || !Number.isInteger(huisnummer)) return [];
    const toevoeging = [d.huisletter, d.huisnummertoevoeging].filter((t): t is string => typeof t === 'string' && t !== '').join('-');
    return [{ postcode: d.postcode, huisnummer, toevoeging, straat: d.straatnaam, woonplaats: typeof d.woonplaatsnaam === 'string' ? d.woonplaatsnaam : '', lon: Number(punt[1]), lat: Number(punt[2]) }];
  });
}

/**
 * PDOK Locatieserver: a filtered `free` query for addresses in the gemeente (`gemeentecode` is
 * the CBS code without GM). A failing service is an error for the caller (the form says so and
 * offers the map or a description of the place); it never invents a place.
 */
export function pdokGeocoder(opties: { url?: string; fetch?: typeof fetch; timeoutMs?: number } = {}): Geocoder {
  const basis = (opties.url ?? PDOK_LOCATIESERVER).replace(/\/$/, '');
  const haal = opties.fetch ?? fetch;
  async function zoek(gemeente: string, q: string, filters: string[], rows: number): Promise<Adres[]> {
    const url = new URL(`${basis}/free`);
    url.searchParams.set('q', q);
    for (const fq of ['type:adres', `gemeentecode:${gemeente.replace(/^GM/, '')}`, ...filters]) url.searchParams.append('fq', fq);
    url.searchParams.set('fl', PDOK_VELDEN);
    url.searchParams.set('rows', String(rows));
    const antwoord = await haal(url, { signal: AbortSignal.timeout(opties.timeoutMs ?? 5000), headers: { accept: 'application/json' } });
    if (!antwoord.ok) throw new Error(`PDOK Locatieserver antwoordt ${antwoord.status}`);
    return adressenUitPdok(await antwoord.json());
  }
  return {
    soort: 'pdok',
    async opPostcode(gemeente, postcode, huisnummer, toevoeging) {
      const adressen = await zoek(gemeente, '*:*', [`postcode:${postcode}`, `huisnummer:${huisnummer}`], 50);
      return toevoeging === undefined ? adressen : adressen.filter((a) => a.toevoeging.toUpperCase() === toevoeging.toUpperCase());
    },
    // Free text search (the Locatieserver's own matching, typos included), narrowed to the house number.
    zoekStraat: (gemeente, straat, huisnummer, limit) => zoek(gemeente, fraseVan(straat), huisnummer === undefined ? [] : [`huisnummer:${huisnummer}`], limit),
  };
}
