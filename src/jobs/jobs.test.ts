import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { testDatabase } from '../../test/database.ts';
import { DEFAULT_RETRY, startJobs, type Jobs, type JobRun, type JobsLogger } from './jobs.ts';

const QUEUE = 'test.werk';

/**
 * A database to restart on: a PGlite data directory that is closed and opened again, or a
 * PostgreSQL database (the restarted queue gets a new pool of its own).
 */
async function reopenableDatabase() {
  if (process.env.DATABASE_URL) {
    const database = await testDatabase();
    return { first: database, reopen: async () => database, cleanUp: () => database.close() };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'loket-jobs-'));
  let current = await openDatabase({ dataDir });
  return {
    first: current,
    reopen: async () => {
      await current.close();
      current = await openDatabase({ dataDir });
      return current;
    },
    cleanUp: async () => {
      await current.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function recordingLogger() {
  const errors: string[] = [];
  const warnings: string[] = [];
  const logger: JobsLogger = {
    warn: (_details, message) => warnings.push(message),
    error: (_details, message) => errors.push(message),
  };
  return { logger, errors, warnings };
}

const cleanUps: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).toReversed()) await cleanUp();
});

// One database for the tests below the first; each uses its own queue.
let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('startJobs', () => {
  it('keeps a job across a restart: sent, stopped before it was worked, done by the next queue', async () => {
    const databases = await reopenableDatabase();
    cleanUps.push(databases.cleanUp);
    const log = recordingLogger();

    const before = await startJobs({ database: databases.first, logger: log.logger, queues: [QUEUE] });
    const id = await before.send(QUEUE, { bericht: 'hallo' });
    await before.stop();

    const after = await startJobs({ database: await databases.reopen(), logger: log.logger, queues: [QUEUE], pollingIntervalSeconds: 0.5 });
    cleanUps.push(after.stop);
    const worked = new Promise<JobRun<{ bericht: string }>>((resolve) => {
      void after.work<{ bericht: string }>(QUEUE, async (job) => resolve(job));
    });
    const job = await worked;
    expect(job).toMatchObject({ id, data: { bericht: 'hallo' }, attempt: 1, lastAttempt: false });
    expect(log.errors).toEqual([]);
  });

  it('gives every job the default retry policy: 8 retries from 30 s with exponential backoff', async () => {
    const jobs = await startJobs({ database, logger: recordingLogger().logger, queues: ['test.standaard'] });
    cleanUps.push(jobs.stop);
    const id = await jobs.send('test.standaard', {});
    const { rows } = await sql<{ retry_limit: number; retry_delay: number; retry_backoff: boolean; retry_delay_max: number }>`
      select retry_limit, retry_delay, retry_backoff, retry_delay_max from pgboss.job where id = ${id}::uuid`.execute(database.db);
    expect(rows).toEqual([
      {
        retry_limit: DEFAULT_RETRY.retryLimit,
        retry_delay: DEFAULT_RETRY.retryDelay,
        retry_backoff: true,
        retry_delay_max: DEFAULT_RETRY.retryDelayMax,
      },
    ]);
  });

  it('retries a failing handler after the retry delay and tells it which attempt is the last', async () => {
    const log = recordingLogger();
    const jobs: Jobs = await startJobs({
      database,
      logger: log.logger,
      queues: ['test.herhaal'],
      retry: { retryLimit: 2, retryDelay: 1, retryBackoff: false },
      pollingIntervalSeconds: 0.5,
    });
    cleanUps.push(jobs.stop);

    const attempts: { attempt: number; lastAttempt: boolean; at: number }[] = [];
    const done = new Promise<void>((resolve) => {
      void jobs.work('test.herhaal', async (job) => {
        attempts.push({ attempt: job.attempt, lastAttempt: job.lastAttempt, at: performance.now() });
        if (!job.lastAttempt) throw new Error(`poging ${job.attempt} mislukt`);
        resolve();
      });
    });
    await jobs.send('test.herhaal', { n: 1 });
    await done;

    expect(attempts.map(({ attempt, lastAttempt }) => ({ attempt, lastAttempt }))).toEqual([
      { attempt: 1, lastAttempt: false },
      { attempt: 2, lastAttempt: false },
      { attempt: 3, lastAttempt: true },
    ]);
    for (let i = 1; i < attempts.length; i++) {
      expect(attempts[i]!.at - attempts[i - 1]!.at).toBeGreaterThanOrEqual(900);
    }
    expect(log.warnings).toEqual(['job mislukt', 'job mislukt']);
  });

  it('enqueues inside a transaction only when it commits', async () => {
    const jobs = await startJobs({ database, logger: recordingLogger().logger, queues: ['test.transactie'] });
    cleanUps.push(jobs.stop);

    const kept = await database.db.transaction().execute((transaction) => jobs.send('test.transactie', { n: 1 }, { transaction }));
    await expect(
      database.db.transaction().execute(async (transaction) => {
        await jobs.send('test.transactie', { n: 2 }, { transaction });
        throw new Error('terugdraaien');
      }),
    ).rejects.toThrow('terugdraaien');

    const { rows } = await sql<{ id: string }>`select id from pgboss.job where name = 'test.transactie'`.execute(database.db);
    expect(rows).toEqual([{ id: kept }]);
  });

  it('refuses a queue that was not named at start', async () => {
    const jobs = await startJobs({ database, logger: recordingLogger().logger, queues: [QUEUE] });
    cleanUps.push(jobs.stop);
    await expect(jobs.send('tikfout.werk', {})).rejects.toThrow('Onbekende job-wachtrij tikfout.werk');
  });
});
