/**
 * Is a point in the gemeente? Point-in-polygon on the gemeente's boundary (grenzen/, CBS/Kadaster
 * 2024, generalised) and the distance to the boundary line, all in TypeScript: the same answer on
 * PGlite and PostgreSQL, no PostGIS (ADR 0040).
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** A point this close to the boundary (metres) is accepted and flagged, inside or outside. */
export const GRENSMARGE_M = 150;

export type LocatieControle =
  /** Inside the boundary, further than the margin from it. */
  | { uitkomst: 'binnen' }
  /** Within the margin of the boundary (inside or just outside): accepted, flagged. */
  | { uitkomst: 'nabij-grens'; afstandM: number; binnen: boolean }
  /** No boundary known for this gemeente: not checked. */
  | { uitkomst: 'geen-grens' }
  /** Outside, beyond the margin: refused. */
  | { uitkomst: 'buiten'; afstandM: number };

type Grens = Feature<Polygon | MultiPolygon>;

function leesGrenzen(): Map<string, Grens> {
  const bestand = JSON.parse(readFileSync(new URL('./grenzen/gemeentegrenzen-2024.geojson', import.meta.url), 'utf8')) as FeatureCollection;
  const grenzen = new Map<string, Grens>();
  for (const f of bestand.features) {
    const code = typeof f.properties?.gemeentecode === 'string' ? f.properties.gemeentecode : undefined;
    if (code && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) grenzen.set(code, f as Grens);
  }
  return grenzen;
}

const AARDSTRAAL_M = 6_371_008.8;
const rad = (graden: number) => (graden * Math.PI) / 180;

/** Shortest distance in metres from a point to a segment, on a local flat projection (fine at these distances). */
function afstandTotLijnstuk(lat: number, lon: number, a: Position, b: Position): number {
  const schaal = Math.cos(rad(lat));
  const xy = (p: Position): [number, number] => [rad((p[0] ?? 0) - lon) * schaal * AARDSTRAAL_M, rad((p[1] ?? 0) - lat) * AARDSTRAAL_M];
  const [ax, ay] = xy(a);
  const [bx, by] = xy(b);
  const dx = bx - ax;
  const dy = by - ay;
  const lengte2 = dx * dx + dy * dy;
  const t = lengte2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengte2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Shortest distance in metres from the point to the boundary line (every ring of every polygon). */
export function afstandTotGrens(grens: Grens, lat: number, lon: number): number {
  const polygonen = grens.geometry.type === 'Polygon' ? [grens.geometry.coordinates] : grens.geometry.coordinates;
  let kortste = Number.POSITIVE_INFINITY;
  for (const ringen of polygonen) {
    for (const ring of ringen) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1];
        const b = ring[i];
        if (a && b) kortste = Math.min(kortste, afstandTotLijnstuk(lat, lon, a, b));
      }
    }
  }
  return kortste;
}

/** The boundaries of the gemeenten, read once from grenzen/. */
export function gemeentegrenzen(grenzen: Map<string, Grens> = leesGrenzen()) {
  return {
    /** Where (lat, lon) lies with respect to the gemeente's boundary. */
    controleer(gemeente: string, lat: number, lon: number): LocatieControle {
      const grens = grenzen.get(gemeente);
      if (!grens) return { uitkomst: 'geen-grens' };
      const binnen = booleanPointInPolygon([lon, lat], grens);
      const afstandM = Math.round(afstandTotGrens(grens, lat, lon));
      if (afstandM <= GRENSMARGE_M) return { uitkomst: 'nabij-grens', afstandM, binnen };
      return binnen ? { uitkomst: 'binnen' } : { uitkomst: 'buiten', afstandM };
    },
    /** The middle of the gemeente's bounding box (lat, lon), to centre a map; undefined without a boundary. */
    midden(gemeente: string): { lat: number; lon: number } | undefined {
      const grens = grenzen.get(gemeente);
      if (!grens) return undefined;
      const punten = (grens.geometry.type === 'Polygon' ? [grens.geometry.coordinates] : grens.geometry.coordinates).flat(2);
      const lons = punten.map((p) => p[0] ?? 0);
      const lats = punten.map((p) => p[1] ?? 0);
      return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lon: (Math.min(...lons) + Math.max(...lons)) / 2 };
    },
  };
}

export type Gemeentegrenzen = ReturnType<typeof gemeentegrenzen>;
