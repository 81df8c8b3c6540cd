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

/**
 * A fresh, migrated database for one test file, copied from the run's migrated database: an
 * in-memory PGlite loaded from its dump, or, when DATABASE_URL is set, a new PostgreSQL database
 * made from its template and dropped at close.
 */
export async function testDatabase(): Promise<Database> {
  const bron = inject('loketTestDatabase');
  if (bron.kind === 'pglite') return openDatabase({ loadDataDir: new Blob([await readFile(bron.dump)]) });
  return nieuwePostgresDatabase(bron.run, bron.template);
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

async function nieuwePostgresDatabase(run: string, template: string): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('De testrun is op PostgreSQL gestart, maar DATABASE_URL ontbreekt.');
  const name = `${TEST_DB_PREFIX}${run}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString(), poolSize: 5 });
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
