/**
 * The public map's cache (issue 12, ADR 0076): per grid cell of 0.01° × 0.01° (about 0.7 × 1.1 km
 * here) the open meldingen in public categories, newest first, as the map shows them (no reporter,
 * no text, no address: only what the GeoJSON carries). Each node keeps cells in the shared cache of
 * ADR 0023; a cell is signalled on every node when a melding in it is made (by the meldingen
 * service right after the commit, ADR 0084), and by the triggers of migration 0045 in the
 * transaction of the change when one is moved, re-categorised, deleted, or its zaak closes or
 * reopens; every cell when a category changes. While signals are not heard nothing is
 * cached (every request reads the database), so no node answers with what another has changed.
 * A box of at most MAX_CELLEN cells is answered from the cells (merged newest first); a larger
 * box, or a cell with more than MAX_PER_CEL open meldingen, is read from the database as before.
 */
import { gedeeldeCache, KANAAL, type Signalen } from '../../db/signalen.ts';
import type { Box } from './meldingen.repository.ts';

/** Cells per degree: a cell is 0.01° of longitude by 0.01° of latitude. */
export const PER_GRAAD = 100;
/** Most cells a box may span to be answered from the cache (a 1 km box spans 2 to 6, a small gemeente 50, 10 × 10 km 100). */
export const MAX_CELLEN = 120;
/** Most open meldingen a cell keeps; a fuller cell is not cached (its boxes go to the database). */
export const MAX_PER_CEL = 5_000;
/** How long a node keeps a cell at most (a signal drops it at once; this is a safety net). */
const BEWAAR_MS = 60_000;
const MAX_CEL_ITEMS = 20_000;

/** What the public map shows of a melding; nothing else is read into the cache. */
export interface Kaartpunt {
  gemeente: string;
  zaakId: string;
  identificatie: string;
  categorie: { code: string; naam: { nl: string; en: string }; hoofdcategorie: string | null };
  lat: number;
  lon: number;
  ontvangenOp: string;
}

/** The cell of a point: `floor(lon · 100):floor(lat · 100)` in double precision, as the triggers of migration 0045 compute it. */
export const celVan = (lon: number, lat: number): string => `${Math.floor(lon * PER_GRAAD)}:${Math.floor(lat * PER_GRAAD)}`;

interface Cel {
  /** Newest first (ontvangenOp desc, zaakId asc), as the database's order. */
  punten: readonly Kaartpunt[];
  /** More than MAX_PER_CEL: not complete, not kept. */
  vol: boolean;
}

/** Newer first, then by zaak id: the order of the database query. */
const eerder = (a: Kaartpunt, b: Kaartpunt): number => (a.ontvangenOp > b.ontvangenOp ? -1 : a.ontvangenOp < b.ontvangenOp ? 1 : a.zaakId < b.zaakId ? -1 : a.zaakId > b.zaakId ? 1 : 0);
const inBox = (p: Kaartpunt, box: Box): boolean => p.lon >= box.minLon && p.lon <= box.maxLon && p.lat >= box.minLat && p.lat <= box.maxLat;

export function meldingenKaart(deps: {
  signalen: Signalen;
  /** The open public meldingen in a box from the database, newest first, at most `limit` (`afgekapt`: maybe more). */
  openbaar: (box: Box, limit: number) => Promise<{ meldingen: Kaartpunt[]; afgekapt: boolean }>;
}) {
  const { signalen, openbaar } = deps;
  const cellen = gedeeldeCache<Cel>({ signalen, kanaal: KANAAL.meldingenKaart, ms: BEWAAR_MS, max: MAX_CEL_ITEMS, raakt: (signaal, cel) => signaal === '*' || signaal === cel });

  async function leesCel(ix: number, iy: number): Promise<Cel> {
    const sleutel = `${ix}:${iy}`;
    // The cell's box a hair wider (a point on an edge belongs to one cell by celVan only).
    const rand = 1e-9;
    const box = { minLon: ix / PER_GRAAD - rand, maxLon: (ix + 1) / PER_GRAAD + rand, minLat: iy / PER_GRAAD - rand, maxLat: (iy + 1) / PER_GRAAD + rand };
    const { meldingen, afgekapt } = await openbaar(box, MAX_PER_CEL);
    const punten = meldingen.filter((m) => celVan(m.lon, m.lat) === sleutel);
    return { punten, vol: afgekapt };
  }

  return {
    /**
     * The open public meldingen in the box, newest first, at most `limit`; `afgekapt`: there are
     * more. From the cells when the box spans at most MAX_CELLEN of them, else from the database
     * through `lees` (the route's read replica, ADR 0028). Cells are always read from the primary:
     * the signals come from there at commit, and a lagging replica would refill a cell with what
     * was just changed.
     */
    async inBox(box: Box, limit: number, lees: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn()): Promise<{ meldingen: Kaartpunt[]; afgekapt: boolean; bron: 'cellen' | 'database' }> {
      const x0 = Math.floor(box.minLon * PER_GRAAD);
      const x1 = Math.floor(box.maxLon * PER_GRAAD);
      const y0 = Math.floor(box.minLat * PER_GRAAD);
      const y1 = Math.floor(box.maxLat * PER_GRAAD);
      const database = async () => ({ ...(await lees(() => openbaar(box, limit))), bron: 'database' as const });
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLEN) return database();
      const lijsten: (readonly Kaartpunt[])[] = [];
      for (let ix = x0; ix <= x1; ix++) {
        for (let iy = y0; iy <= y1; iy++) {
          const cel = await cellen.haal(`${ix}:${iy}`, async () => {
            const c = await leesCel(ix, iy);
            // A full cell is not kept: returning undefined reads it anew next time.
            return c.vol ? undefined : c;
          });
          if (!cel) return database();
          if (cel.punten.length > 0) lijsten.push(cel.punten);
        }
      }
      // Merge the cells' lists (each newest first), keeping the points in the box, until limit + 1.
      const uit: Kaartpunt[] = [];
      const plek = lijsten.map(() => 0);
      const volgende = (i: number): Kaartpunt | undefined => {
        const lijst = lijsten[i] as readonly Kaartpunt[];
        let j = plek[i] as number;
        while (j < lijst.length && !inBox(lijst[j] as Kaartpunt, box)) j++;
        plek[i] = j;
        return lijst[j];
      };
      while (uit.length <= limit) {
        let beste = -1;
        let punt: Kaartpunt | undefined;
        for (let i = 0; i < lijsten.length; i++) {
          const p = volgende(i);
          if (p && (!punt || eerder(p, punt) < 0)) {
            punt = p;
            beste = i;
          }
        }
        if (!punt) break;
        uit.push(punt);
        plek[beste] = (plek[beste] as number) + 1;
      }
      return { meldingen: uit.slice(0, limit), afgekapt: uit.length > limit, bron: 'cellen' };
    },
  };
}

export type MeldingenKaart = ReturnType<typeof meldingenKaart>;
