import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { Pool, types as pgTypes } from 'pg';
import type { DB } from './schema.ts';
import { metVerzoekTransacties } from './verzoek-transactie.ts';

/** An open database: Kysely on PGlite (embedded) or on PostgreSQL (a pool). */
export interface Database {
  db: Kysely<DB>;
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
}

// timestamptz and date come back as strings we control (UTC ISO for instants, YYYY-MM-DD for dates).
const TIMESTAMPTZ = 1184;
const DATE = 1082;
const INT8 = 20;

function parseTimestamp(value: string): string {
  return new Date(value.replace(' ', 'T').replace(/\+00$/, 'Z')).toISOString();
}

/** Opens PGlite or PostgreSQL behind one Kysely type. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const types = {
      getTypeParser: (oid: number, format?: unknown) => {
        if (oid === TIMESTAMPTZ) return parseTimestamp;
        if (oid === DATE) return (v: string) => v;
        if (oid === INT8) return (v: string) => Number(v);
        return pgTypes.getTypeParser(oid, format as 'text');
      },
    };
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types,
    });
    pool.on('connect', (client) => {
      void client.query("set time zone 'UTC'");
    });
    // An idle connection that PostgreSQL ends (restart, failover) must not end the process;
    // the pool drops it and the next query opens a new one.
    pool.on('error', (error) => {
      options.onIdleError?.(error);
    });
    const db = new Kysely<DB>({ dialect: metVerzoekTransacties(new PostgresDialect({ pool })) });
    return {
      db,
      kind: 'postgres',
      pglite: undefined,
      url: options.databaseUrl,
      close: () => db.destroy(),
    };
  }
  const pglite = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
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
    kind: 'pglite',
    pglite,
    url: undefined,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
