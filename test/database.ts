import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';

/** Names of the PostgreSQL databases of a test run: `loket_run_<run>` (template), `loket_run_<run>_<file>`. */
export const TEST_DB_PREFIX = 'loket_run_';

/** The migrated database of this run (test/global-setup.ts) that every test file copies. */
export type TestDatabaseBron = { kind: 'pglite'; dump: string } | { kind: 'postgres'; run: string; template: string };

/** The advisory lock (two int4 keys) a run holds while it runs; free means the run was killed. */
export function runSlot(run: string): [number, number] {
  return [0x4c6f6b74, Number.parseInt(run, 16) | 0];
}

/** A read replica for the test database (PostgreSQL only): the same database on a replica of the server (test/replica.ts). */
export interface TestLeesreplica {
  poort: number;
  onReplicaError?: (error: Error) => void;
}

/** openDatabase's options for reading from the replica: the same database on the replica's port. */
export function leesOpties(url: string, replica: TestLeesreplica | undefined): { readUrl?: string; onReplicaError?: (error: Error) => void } {
  if (!replica) return {};
  const lezen = new URL(url);
  lezen.port = String(replica.poort);
  return { readUrl: lezen.toString(), ...(replica.onReplicaError ? { onReplicaError: replica.onReplicaError } : {}) };
}

/**
 * A fresh, migrated database for one test file, copied from the run's migrated database: an
 * in-memory PGlite loaded from its dump, or, when DATABASE_URL is set, a new PostgreSQL database
 * made from its template and dropped at close; with `replica`, its reads may go to that replica.
 */
export async function testDatabase(opties: { replica?: TestLeesreplica | undefined } = {}): Promise<Database> {
  const bron = inject('loketTestDatabase');
  if (bron.kind === 'pglite') return openDatabase({ loadDataDir: new Blob([await readFile(bron.dump)]) });
  return nieuwePostgresDatabase(bron.run, bron.template, opties.replica);
}

/**
 * An empty database, not migrated (for tests of a migration on existing rows): an in-memory
 * PGlite, or a new PostgreSQL database of this run, dropped at close.
 */
export async function legeDatabase(): Promise<Database> {
  const bron = inject('loketTestDatabase');
  if (bron.kind === 'pglite') return openDatabase({});
  return nieuwePostgresDatabase(bron.run, 'template1');
}

async function nieuwePostgresDatabase(run: string, template: string, replica?: TestLeesreplica): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('De testrun is op PostgreSQL gestart, maar DATABASE_URL ontbreekt.');
  const name = `${TEST_DB_PREFIX}${run}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString(), poolSize: 5, ...leesOpties(target.toString(), replica) });
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new Client({ connectionString: url });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
