import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { voorbereid } from './voorbereid.ts';

/** Stands in for a call's value while the query is compiled; never a value a caller sends. */
const MARKER = '\u0000loket-vaste-query:';

/**
 * A query whose shape never changes, built and compiled once (ADR 0095), and kept prepared on
 * each PostgreSQL connection (ADR 0097). Kysely builds a query's tree and compiles it to SQL on
 * every call: for the form step page, one statement, that was 9 % of the server's CPU. `bouw`
 * gets a marker for each named value; the compiled parameters that are markers are filled in per
 * call, the others (constants in the query) are sent as compiled.
 * A value may appear more than once. The query must only pass the values on as parameters (no
 * `sql.raw`, no value that changes the shape, such as a list for `in`).
 */
export function vasteQuery<W extends Record<string, unknown>, R>(namen: readonly (keyof W & string)[], bouw: (db: Kysely<DB>, waarden: W) => Compilable<R>) {
  let vast: { sql: string; plaatsen: readonly ({ naam: keyof W } | { constant: unknown })[] } | undefined;
  return async (db: Kysely<DB>, waarden: W): Promise<R[]> => {
    if (!vast) {
      const markers = Object.fromEntries(namen.map((naam) => [naam, `${MARKER}${naam}`])) as unknown as W;
      const compiled = bouw(db, markers).compile();
      const plaatsen = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARKER) ? { naam: p.slice(MARKER.length) } : { constant: p }));
      const gebruikt = new Set(plaatsen.flatMap((p) => ('naam' in p ? [p.naam] : [])));
      const ontbreekt = namen.filter((naam) => !gebruikt.has(naam));
      if (ontbreekt.length > 0) throw new Error(`vasteQuery: ${ontbreekt.join(', ')} niet als parameter in de query`);
      vast = { sql: compiled.sql, plaatsen };
    }
    const parameters = vast.plaatsen.map((p) => ('naam' in p ? waarden[p.naam] : p.constant));
    return (await db.executeQuery<R>(voorbereid(CompiledQuery.raw(vast.sql, parameters)))).rows;
  };
}
