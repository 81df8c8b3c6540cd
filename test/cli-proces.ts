import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { testDatabase } from './database.ts';

export interface CliUitkomst {
  code: number;
  stdout: string;
  stderr: string;
}

const main = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');

/**
 * The CLI as a user runs it, for one test file: a child process on PGlite in a temporary data
 * dir (`<map>/data`), or on a fresh PostgreSQL database when DATABASE_URL is set. Registers the
 * file's beforeAll and afterAll.
 */
export function cliOmgeving(voorvoegsel: string) {
  let map = '';
  let database: Database | undefined;
  beforeAll(async () => {
    map = mkdtempSync(join(tmpdir(), voorvoegsel));
    if (process.env.DATABASE_URL) database = await testDatabase();
  });
  afterAll(async () => {
    await database?.close();
    rmSync(map, { recursive: true, force: true });
  });
  const omgeving = {
    /** The temporary folder of this file (for input files); the data dir is `data` in it. */
    get map(): string {
      return map;
    },
    get dataDir(): string {
      return join(map, 'data');
    },
    get databaseUrl(): string | undefined {
      return database?.url;
    },
    /** Runs `loket <args>` with extra environment variables. */
    loketMet(env: Record<string, string>, ...args: string[]): Promise<CliUitkomst> {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', main, ...args], {
          env: { ...process.env, LOKET_DATA_DIR: omgeving.dataDir, DATABASE_URL: database?.url ?? '', LOG_LEVEL: 'warn', ...env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    },
    loket(...args: string[]): Promise<CliUitkomst> {
      return omgeving.loketMet({}, ...args);
    },
  };
  return omgeving;
}
