import type { CompiledQuery } from 'kysely';
import { Client, Query } from 'pg';

/**
 * Statements that every PostgreSQL connection keeps prepared (ADR 0097): the hottest statements,
 * whose text is the same on every call, are parsed, analysed and planned once per connection
 * instead of on every call (for a melding's one write statement that was about a fifth of
 * PostgreSQL's CPU). A statement is known by its SQL text; the first call on a connection
 * prepares it under a name, later calls send only the values. At most `MAX_VOORBEREID` texts
 * are kept, so a statement whose text varies cannot make the list grow without end. PGlite (one
 * connection, in the process) sends every statement as it comes.
 */
const MAX_VOORBEREID = 256;
const namen = new Map<string, string>();

/** Marks `query`'s text to be kept prepared on each connection; returns `query`. */
export function voorbereid<Q extends CompiledQuery<unknown>>(query: Q): Q {
  if (namen.size < MAX_VOORBEREID && !namen.has(query.sql)) namen.set(query.sql, `loket_${namen.size + 1}`);
  return query;
}

/**
 * node-postgres's Client for the pool: a marked text goes as a named statement, which the client
 * parses once per connection. It is handed over as a `Query` made from the text and named after
 * (a config object would be copied property by property on every call: a few per cent of the
 * server's CPU per melding, ADR 0098). Looked up per call, so a patch of `Client.prototype.query`
 * (the benchmarks' and tests' statement counters) still sees every statement.
 */
export class VoorbereidendeClient extends Client {}
VoorbereidendeClient.prototype.query = function (this: Client, config: unknown, values?: unknown, callback?: unknown) {
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  const naam = typeof config === 'string' ? namen.get(config) : undefined;
  if (naam === undefined || typeof callback === 'function' || typeof values === 'function') return query.call(this, config, values, callback);
  return new Promise((klaar, faal) => {
    const benoemd = new Query(config as string, values as unknown[] | undefined, (fout: Error | undefined, uitkomst: unknown) => (fout ? faal(fout) : klaar(uitkomst)));
    (benoemd as Query & { name?: string }).name = naam;
    query.call(this, benoemd);
  });
} as typeof Client.prototype.query;
