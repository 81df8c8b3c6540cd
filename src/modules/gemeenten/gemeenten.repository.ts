import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { KANAAL, sein } from '../../db/signalen.ts';

export interface Gemeente {
  code: string;
  naam: string;
  slug: string;
  domein: string | null;
  thema: Record<string, string>;
}

/** SQL for gemeenten (the tenants of one installation). */
export function gemeentenRepository(db: Kysely<DB>) {
  const columns = ['code', 'naam', 'slug', 'domein', 'thema'] as const;
  return {
    lijst: (): Promise<Gemeente[]> => db.selectFrom('gemeente').select(columns).orderBy('naam').execute(),
    opCode: (code: string): Promise<Gemeente | undefined> =>
      db.selectFrom('gemeente').select(columns).where('code', '=', code).executeTakeFirst(),
    opSlug: (slug: string): Promise<Gemeente | undefined> =>
      db.selectFrom('gemeente').select(columns).where('slug', '=', slug).executeTakeFirst(),
    /** The gemeente with this domain (case-insensitive), e.g. `diemen.nl`: Open311's jurisdiction_id. */
    opDomein: (domein: string): Promise<Gemeente | undefined> =>
      db.selectFrom('gemeente').select(columns).where((eb) => eb(eb.fn('lower', ['domein']), '=', domein.toLowerCase())).executeTakeFirst(),
    /** Inserts or updates by code; returns whether it was new. */
    bewaar: async (g: Gemeente): Promise<boolean> => {
      const values = { naam: g.naam, slug: g.slug, domein: g.domein, thema: JSON.stringify(g.thema) };
      const updated = await db.updateTable('gemeente').set(values).where('code', '=', g.code).executeTakeFirst();
      if (updated.numUpdatedRows > 0n) {
        // The page-feedback intake keeps the gemeente by slug on every node (ADR 0023).
        await sein(db, KANAAL.paginafeedback, g.code);
        return false;
      }
      await db.insertInto('gemeente').values({ code: g.code, ...values }).execute();
      return true;
    },
  };
}

export type GemeentenRepository = ReturnType<typeof gemeentenRepository>;
