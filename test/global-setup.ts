import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { leeft } from '../src/cli/data-dir-lock.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { TEST_DB_PREFIX, runSlot, type TestDatabaseBron } from './database.ts';

declare module 'vitest' {
  interface ProvidedContext {
    loketTestDatabase: TestDatabaseBron;
  }
}

/**
 * Migrates once per run (vitest globalSetup), so that every test file starts from a copy:
 * on PostgreSQL a template database `loket_run_<run>` that testDatabase() copies with
 * `create database … template …`; on PGlite a dump of a migrated data dir that testDatabase()
 * loads. Dropped or removed at the end; what a killed run left is removed by the next one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = randomBytes(4).toString('hex');
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    // This run's lock, held by this connection until the end: a run whose lock is free was killed.
    await admin.query('select pg_advisory_lock($1, $2)', runSlot(run));
    await ruimAchtergelatenDatabasesOp(admin);
    const template = `${TEST_DB_PREFIX}${run}`;
    await admin.query(`create database ${template}`);
    const target = new URL(url);
    target.pathname = `/${template}`;
    const database = await openDatabase({ databaseUrl: target.toString(), poolSize: 1 });
    await migrateToLatest(database.db as never);
    // A template may have no other connections while it is copied.
    await database.close();
    project.provide('loketTestDatabase', { kind: 'postgres', run, template });
    return async () => {
      // The template, and the database of a file that could not drop its own.
      const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${TEST_DB_PREFIX}${run}%`]);
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }
  ruimAchtergelatenDumpsOp();
  const database = await openDatabase({});
  await migrateToLatest(database.db as never);
  const dump = join(tmpdir(), `loket-test-${process.pid}-${run}.tar`);
  const blob = await database.pglite?.dumpDataDir('none');
  await database.close();
  if (!blob) throw new Error('PGlite gaf geen dump van de datamap.');
  writeFileSync(dump, new Uint8Array(await blob.arrayBuffer()));
  project.provide('loketTestDatabase', { kind: 'pglite', dump });
  return async () => rmSync(dump, { force: true });
}

/** Drops the template and file databases of runs that no longer hold their lock (killed runs). */
async function ruimAchtergelatenDatabasesOp(admin: Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${TEST_DB_PREFIX}%`]);
  const runs = new Set(rows.map((r) => r.datname.slice(TEST_DB_PREFIX.length, TEST_DB_PREFIX.length + 8)));
  for (const run of runs) {
    const { rows: slot } = await admin.query<{ vrij: boolean }>('select pg_try_advisory_lock($1, $2) as vrij', runSlot(run));
    if (!slot[0]?.vrij) continue;
    for (const { datname } of rows.filter((r) => r.datname.startsWith(`${TEST_DB_PREFIX}${run}`))) {
      await admin.query(`drop database if exists ${datname} with (force)`);
    }
    await admin.query('select pg_advisory_unlock($1, $2)', runSlot(run));
  }
}

/** Removes the PGlite dumps of runs whose process is gone. */
function ruimAchtergelatenDumpsOp(): void {
  for (const naam of readdirSync(tmpdir())) {
    const pid = /^loket-test-(\d+)-[0-9a-f]{8}\.tar$/.exec(naam)?.[1];
    if (pid && !leeft(Number(pid))) rmSync(join(tmpdir(), naam), { force: true });
  }
}
