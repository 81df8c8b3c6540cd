import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { gedeeldeCache, KANAAL, sein, type Signalen } from '../../db/signalen.ts';

export interface Gemeente {
  code: string;
  naam: string;
  slug: string;
  domein: string | null;
  thema: Record<string, string>;
}

/** How long a node keeps a gemeente (a signal drops it at once; this is a safety net). */
const BEWAAR_MS = 60_000;

/**
 * SQL for gemeenten (the tenants of one installation). With `signalen`, a gemeente by code, slug
 * or domain is kept per node (every registration, resident page and Open311 post reads it, ADR 0084): the
 * statement trigger of migration 0052 empties it on every node at the commit of any change to
 * `gemeente`, and `bewaar` on this node at once.
 */
export function gemeentenRepository(db: Kysely<DB>, signalen?: Signalen) {
  const columns = ['code', 'naam', 'slug', 'domein', 'thema'] as const;
  const bewaard = signalen ? gedeeldeCache<Gemeente>({ signalen, kanaal: KANAAL.stamgegevens, ms: BEWAAR_MS, max: 1_000, raakt: (tabel) => tabel === 'gemeente' }) : undefined;
  const gehaald = (sleutel: string, lees: () => Promise<Gemeente | undefined>) => (bewaard ? bewaard.haal(sleutel, lees) : lees());
  return {
    lijst: (): Promise<Gemeente[]> => db.selectFrom('gemeente').select(columns).orderBy('naam').execute(),
    opCode: (code: string): Promise<Gemeente | undefined> =>
      gehaald(`code:${code}`, () => db.selectFrom('gemeente').select(columns).where('code', '=', code).executeTakeFirst()),
    opSlug: (slug: string): Promise<Gemeente | undefined> =>
      gehaald(`slug:${slug}`, () => db.selectFrom('gemeente').select(columns).where('slug', '=', slug).executeTakeFirst()),
    /** The gemeente with this domain (case-insensitive), e.g. `diemen.nl`: Open311's jurisdiction_id. */
    opDomein: (domein: string): Promise<Gemeente | undefined> =>
      gehaald(`domein:${domein.toLowerCase()}`, () => db.selectFrom('gemeente').select(columns).where((eb) => eb(eb.fn('lower', ['domein']), '=', domein.toLowerCase())).executeTakeFirst()),
    /** Inserts or updates by code; returns whether it was new. */
    bewaar: async (g: Gemeente): Promise<boolean> => {
      // This node's kept gemeenten before and after the change (the others by the trigger).
      bewaard?.vergeet(() => true);
      const values = { naam: g.naam, slug: g.slug, domein: g.domein, thema: JSON.stringify(g.thema) };
      const updated = await db.updateTable('gemeente').set(values).where('code', '=', g.code).executeTakeFirst();
      if (updated.numUpdatedRows > 0n) {
        // The page-feedback intake keeps the gemeente by slug on every node (ADR 0023).
        await sein(db, KANAAL.paginafeedback, g.code);
        bewaard?.vergeet(() => true);
        return false;
      }
      await db.insertInto('gemeente').values({ code: g.code, ...values }).execute();
      bewaard?.vergeet(() => true);
      return true;
    },
  };
}

export type GemeentenRepository = ReturnType<typeof gemeentenRepository>;
