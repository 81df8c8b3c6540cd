import { CompiledQuery, type Compilable, type Insertable, type Kysely } from 'kysely';
import type { Eis, VasteSchrijfactie } from './verzoek-transactie.ts';
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
  const vul = vastMetNamen(namen, bouw);
  return async (db: Kysely<DB>, waarden: W): Promise<R[]> => (await db.executeQuery<R>(vul(db, waarden))).rows;
}

/**
 * A write whose shape never changes (an update or delete by key), built and compiled once like a
 * `vasteQuery`, for `schrijfMetVolgende` (ADR 0096, 0098); `execute` runs it on its own. With
 * `eis` it must touch a row (ADR 0100): kept, it fails the statement it goes out in; run on its
 * own, it throws `eis.fout()` after touching none.
 */
export function vasteSchrijfactie<W extends Record<string, unknown>>(namen: readonly (keyof W & string)[], bouw: (db: Kysely<DB>, waarden: W) => Compilable<unknown>, eis?: Eis) {
  const vul = vastMetNamen(namen, bouw, eis ? ' returning 1' : '');
  return (db: Kysely<DB>, waarden: W): VasteSchrijfactie => {
    const compiled = vul(db, waarden);
    if (!eis) return { compiled, execute: () => db.executeQuery(compiled) };
    return {
      compiled,
      eis,
      execute: async () => {
        if ((await db.executeQuery(compiled)).rows.length === 0) throw eis.fout();
      },
    };
  };
}

/**
 * `bouw` compiled once with a marker for each named value (and `achter` after its text); per call
 * the compiled query with the call's values, marked to be kept prepared.
 */
function vastMetNamen<W extends Record<string, unknown>>(namen: readonly (keyof W & string)[], bouw: (db: Kysely<DB>, waarden: W) => Compilable<unknown>, achter = '') {
  let vast: { sql: string; plaatsen: readonly ({ naam: keyof W } | { constant: unknown })[] } | undefined;
  return <R>(db: Kysely<DB>, waarden: W): CompiledQuery<R> => {
    if (!vast) {
      const markers = Object.fromEntries(namen.map((naam) => [naam, `${MARKER}${naam}`])) as unknown as W;
      const compiled = bouw(db, markers).compile();
      const plaatsen = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARKER) ? { naam: p.slice(MARKER.length) } : { constant: p }));
      const gebruikt = new Set(plaatsen.flatMap((p) => ('naam' in p ? [p.naam] : [])));
      const ontbreekt = namen.filter((naam) => !gebruikt.has(naam));
      if (ontbreekt.length > 0) throw new Error(`vasteQuery: ${ontbreekt.join(', ')} niet als parameter in de query`);
      vast = { sql: compiled.sql + achter, plaatsen };
    }
    const parameters = vast.plaatsen.map((p) => ('naam' in p ? waarden[p.naam] : p.constant));
    return voorbereid(CompiledQuery.raw(vast.sql, parameters) as CompiledQuery<R>);
  };
}

/** The values of one row of a `vasteInsert`: every column it names, none left out. */
export type VasteRij<T extends keyof DB, K extends keyof Insertable<DB[T]>> = { readonly [P in K]-?: Exclude<Insertable<DB[T]>[P], undefined> };

/**
 * An insert into `tabel` of rows with the columns `kolommen`, built and compiled by Kysely once
 * per number of rows (ADR 0098), for the writes every registration makes (the zaak, its event,
 * the melding, the outbox row, the audit rows): building and compiling them on every call was
 * about a sixth of the server's CPU per melding. The answer is kept with the request's next
 * statement by `schrijfMetVolgende` (ADR 0096), or run on its own with `execute`, prepared (ADR 0097).
 */
export function vasteInsert<T extends keyof DB & string, K extends keyof Insertable<DB[T]> & string>(tabel: T, kolommen: readonly K[]) {
  const teksten = new Map<number, string>();
  const tekst = (db: Kysely<DB>, aantal: number): string => {
    const bekend = teksten.get(aantal);
    if (bekend !== undefined) return bekend;
    const markers = Array.from({ length: aantal }, (_, r) => Object.fromEntries(kolommen.map((k, i) => [k, `${MARKER}${r * kolommen.length + i}`])));
    const compiled = db
      .insertInto(tabel)
      .values(markers as never)
      .compile();
    if (compiled.parameters.length !== markers.length * kolommen.length || compiled.parameters.some((p, i) => p !== `${MARKER}${i}`)) throw new Error(`vasteInsert ${tabel}: de waarden staan niet in de volgorde van de kolommen`);
    // At most a few shapes per insert (a melding writes two audit rows); more are compiled per call.
    if (teksten.size < 16) teksten.set(aantal, compiled.sql);
    return compiled.sql;
  };
  return (db: Kysely<DB>, rijen: readonly VasteRij<T, K>[]): VasteSchrijfactie => {
    if (rijen.length === 0) throw new Error(`vasteInsert ${tabel}: geen rijen`);
    const parameters: unknown[] = [];
    for (const rij of rijen) {
      for (const k of kolommen) {
        const waarde: unknown = rij[k];
        if (waarde === undefined) throw new Error(`vasteInsert ${tabel}: geen waarde voor ${k}`);
        parameters.push(waarde);
      }
    }
    const compiled = voorbereid(CompiledQuery.raw(tekst(db, rijen.length), parameters));
    return { compiled, execute: () => db.executeQuery(compiled) };
  };
}
