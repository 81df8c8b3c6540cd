import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** An address with its point (WGS84), as the geocoders answer it. */
export interface Adres {
  postcode: string;
  huisnummer: number;
  /** Huisletter and/or toevoeging as one text (`A`, `2-hoog`), or empty. */
  toevoeging: string;
  straat: string;
  woonplaats: string;
  lat: number;
  lon: number;
}

const naarAdres = (r: { postcode: string; huisnummer: number; toevoeging: string; straat: string; woonplaats: string; lat: number; lon: number }): Adres => ({
  postcode: r.postcode,
  huisnummer: r.huisnummer,
  toevoeging: r.toevoeging,
  straat: r.straat,
  woonplaats: r.woonplaats,
  lat: Number(r.lat),
  lon: Number(r.lon),
});

const KOLOMMEN = ['postcode', 'huisnummer', 'toevoeging', 'straat', 'woonplaats', 'lat', 'lon'] as const;

/** SQL of the local gazetteer (ADR 0054), per gemeente. */
export function adressenRepository(db: Kysely<DB>) {
  return {
    /**
     * Stores addresses (new or changed), in one statement per block; an address already stored
     * with the same data is left alone. Answers how many were new and how many changed.
     */
    async bewaar(gemeente: string, adressen: readonly Adres[], nu: string): Promise<{ nieuw: number; bijgewerkt: number }> {
      let nieuw = 0;
      let bijgewerkt = 0;
      for (let i = 0; i < adressen.length; i += 1000) {
        const blok = adressen.slice(i, i + 1000);
        const rijen = await db
          .insertInto('adres')
          .values(blok.map((a) => ({ gemeente, ...a, ingelezen_op: nu })))
          .onConflict((oc) =>
            oc
              .columns(['gemeente', 'postcode', 'huisnummer', 'toevoeging'])
              .doUpdateSet((eb) => ({ straat: eb.ref('excluded.straat'), woonplaats: eb.ref('excluded.woonplaats'), lat: eb.ref('excluded.lat'), lon: eb.ref('excluded.lon'), ingelezen_op: eb.ref('excluded.ingelezen_op') }))
              .where((eb) =>
                eb.or([
                  eb('adres.straat', '<>', eb.ref('excluded.straat')),
                  eb('adres.woonplaats', '<>', eb.ref('excluded.woonplaats')),
                  eb('adres.lat', '<>', eb.ref('excluded.lat')),
                  eb('adres.lon', '<>', eb.ref('excluded.lon')),
                ]),
              ),
          )
          // xmax = 0: the row was inserted, not updated.
          .returning(sql<boolean>`xmax = 0`.as('ingevoegd'))
          .execute();
        for (const r of rijen) {
          if (r.ingevoegd) nieuw++;
          else bijgewerkt++;
        }
      }
      return { nieuw, bijgewerkt };
    },
    /** The addresses at a postcode and house number (every toevoeging), or exactly one toevoeging. */
    opPostcode: async (gemeente: string, postcode: string, huisnummer: number, toevoeging?: string): Promise<Adres[]> => {
      let q = db.selectFrom('adres').select(KOLOMMEN).where('gemeente', '=', gemeente).where('postcode', '=', postcode).where('huisnummer', '=', huisnummer);
      if (toevoeging !== undefined) q = q.where(sql<string>`upper(toevoeging)`, '=', toevoeging.toUpperCase());
      return (await q.orderBy('toevoeging').limit(50).execute()).map(naarAdres);
    },
    /** Addresses whose street starts with `straat` (case-insensitive), optionally at one house number; at most `limit`. */
    zoekStraat: async (gemeente: string, straat: string, huisnummer: number | undefined, limit: number): Promise<Adres[]> => {
      const begin = `${straat.toLowerCase().replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
      let q = db.selectFrom('adres').select(KOLOMMEN).where('gemeente', '=', gemeente).where(sql<string>`lower(straat)`, 'like', begin);
      if (huisnummer !== undefined) q = q.where('huisnummer', '=', huisnummer);
      return (await q.orderBy(sql`lower(straat)`).orderBy('huisnummer').orderBy('toevoeging').limit(limit).execute()).map(naarAdres);
    },
  };
}

export type AdressenRepository = ReturnType<typeof adressenRepository>;
