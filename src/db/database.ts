import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { Pool, types as pgTypes } from 'pg';
import { openReplica, type Replica } from './replica.ts';
import { VoorbereidendeClient } from './voorbereid.ts';
import type { DB } from './schema.ts';
import { metVerzoekTransacties } from './verzoek-transactie.ts';

/** An open database: Kysely on PGlite (embedded) or on PostgreSQL (a pool). */
export interface Database {
  db: Kysely<DB>;
  /**
   * For the reads of read-heavy routes (ADR 0028): on the read replica inside `replica.lees(fn)`,
   * on the primary everywhere else. Without a replica (no DATABASE_READ_URL, PGlite) it is `db`.
   * Reads only: no transactions.
   */
  lezen: Kysely<DB>;
  /** The read replica (DATABASE_READ_URL), PostgreSQL only. */
  replica: Replica | undefined;
  kind: 'pglite' | 'postgres';
  /** The embedded engine when kind is 'pglite' (pg-boss runs in-process on it). */
  pglite: PGlite | undefined;
  /** The connection string when kind is 'postgres'. */
  url: string | undefined;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined means in memory. */
  dataDir?: string | undefined;
  /** PGlite: start from this dump of a data directory (`dumpDataDir()`) instead of an empty database. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /** Told when an idle pooled connection fails (it is dropped and replaced). */
  onIdleError?: (error: Error) => void;
  /** postgres://… of a streaming replica of databaseUrl (DATABASE_READ_URL); PostgreSQL only. */
  readUrl?: string | undefined;
  /** Told when the read replica fails and its reads go to the primary (at most once per 5 s). */
  onReplicaError?: (error: Error) => void;
}

// timestamptz and date come back as strings we control (UTC ISO for instants, YYYY-MM-DD for dates).
const TIMESTAMPTZ = 1184;
const DATE = 1082;
const INT8 = 20;

// What the UTC session sends for a timestamptz within years 0001–9999: rewritten without a Date.
const UTC_TIJDSTIP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.(\d+))?\+00$/;

/** A timestamptz as an ISO instant in UTC with milliseconds (cut, not rounded, as `Date` does). */
export function parseTimestamp(value: string): string {
  const snel = UTC_TIJDSTIP.exec(value);
  if (snel) return `${value.slice(0, 10)}T${value.slice(11, 19)}.${((snel[1] ?? '') + '000').slice(0, 3)}Z`;
  return new Date(value.replace(' ', 'T').replace(/\+00$/, 'Z')).toISOString();
}

const types = {
  getTypeParser: (oid: number, format?: unknown) => {
    if (oid === TIMESTAMPTZ) return parseTimestamp;
    if (oid === DATE) return (v: string) => v;
    if (oid === INT8) return (v: string) => Number(v);
    return pgTypes.getTypeParser(oid, format as 'text');
  },
};

/** A pg pool whose sessions are in UTC and whose dates and instants come back as our strings. */
function pgPool(url: string, max: number, onIdleError: ((error: Error) => void) | undefined, extra: { connectionTimeoutMillis?: number } = {}): Pool {
  const pool = new Pool({ connectionString: url, max, types, Client: VoorbereidendeClient, ...extra });
  pool.on('connect', (client) => {
    // A connection that breaks right away fails its first query as well; that one is answered.
    client.query("set time zone 'UTC'").catch(() => undefined);
  });
  // An idle connection that PostgreSQL ends (restart, failover) must not end the process;
  // the pool drops it and the next query opens a new one.
  pool.on('error', (error) => {
    onIdleError?.(error);
  });
  return pool;
}

/** Opens PGlite or PostgreSQL behind one Kysely type. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.readUrl && !options.databaseUrl) throw new Error('Een leesreplica (DATABASE_READ_URL) kan alleen bij PostgreSQL (DATABASE_URL).');
  if (options.databaseUrl) {
    const pool = pgPool(options.databaseUrl, options.poolSize ?? 10, options.onIdleError);
    const db = new Kysely<DB>({ dialect: metVerzoekTransacties(new PostgresDialect({ pool })) });
    if (!options.readUrl) {
      return { db, lezen: db, replica: undefined, kind: 'postgres', pglite: undefined, url: options.databaseUrl, close: () => db.destroy() };
    }
    // A replica that does not answer is given up on quickly: its reads go to the primary.
    const replicaPool = pgPool(options.readUrl, options.poolSize ?? 10, options.onIdleError, { connectionTimeoutMillis: 2_000 });
    const { lezen, replica } = openReplica({ replicaPool, primaryPool: pool, primary: db, melding: (error) => options.onReplicaError?.(error) });
    return {
      db,
      lezen,
      replica,
      kind: 'postgres',
      pglite: undefined,
      url: options.databaseUrl,
      close: async () => {
        await lezen.destroy();
        await db.destroy();
      },
    };
  }
  const pglite = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    // PGlite loads an extension only when it is given here, also for a data directory (or dump) in
    // which it was created before: the knowledge base's search (ADR 0049) needs pg_trgm and unaccent,
    // the exclusion constraints of appointments (0025, ADR 0044) btree_gist.
    extensions: { pg_trgm, unaccent, btree_gist },
    parsers: {
      [TIMESTAMPTZ]: parseTimestamp,
      [DATE]: (v: string) => v,
      [INT8]: (v: string) => Number(v),
    },
  });
  await pglite.waitReady;
  await pglite.exec("set time zone 'UTC'");
  const db = new Kysely<DB>({ dialect: metVerzoekTransacties(new PGliteDialect({ pglite })) });
  return {
    db,
    lezen: db,
    replica: undefined,
    kind: 'pglite',
    pglite,
    url: undefined,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
