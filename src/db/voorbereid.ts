import type { CompiledQuery } from 'kysely';
import { Client } from 'pg';

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
 * parses once per connection. Looked up per call, so a patch of `Client.prototype.query` (the
 * benchmarks' and tests' statement counters) still sees every statement.
 */
export class VoorbereidendeClient extends Client {}
VoorbereidendeClient.prototype.query = function (this: Client, config: unknown, values?: unknown, callback?: unknown) {
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  const naam = typeof config === 'string' ? namen.get(config) : undefined;
  if (naam === undefined) return query.call(this, config, values, callback);
  return query.call(this, { name: naam, text: config, values }, callback);
} as typeof Client.prototype.query;
