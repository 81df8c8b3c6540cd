import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
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

/** A queue working one slow job (`ms`), stopped while it runs with `timeoutMs`; the job's state after the stop. */
async function stopTijdens(queue: string, ms: number, timeoutMs: number): Promise<{ state: string; afgemaakt: boolean; stopMs: number }> {
  const jobs = await startJobs({ database, logger: recordingLogger().logger, queues: [queue], pollingIntervalSeconds: 0.5 });
  let afgemaakt = false;
  const begonnen = new Promise<void>((resolve) => {
    void jobs.work(queue, async () => {
      resolve();
      await new Promise((r) => setTimeout(r, ms));
      afgemaakt = true;
    });
  });
  const id = await jobs.send(queue, {});
  await begonnen;
  const begin = performance.now();
  await jobs.stop({ timeoutMs });
  const stopMs = performance.now() - begin;
  const { rows } = await sql<{ state: string }>`select state from pgboss.job where id = ${id}::uuid`.execute(database.db);
  return { state: rows[0]?.state ?? '', afgemaakt, stopMs };
}

describe('stop', () => {
  it('lets the running job finish before it returns', async () => {
    const r = await stopTijdens('test.stop', 1_000, 10_000);
    expect(r).toMatchObject({ state: 'completed', afgemaakt: true });
    expect(r.stopMs).toBeGreaterThanOrEqual(800);
  });

  it('fails a job still running at the time-out, so it is retried later (on any node)', async () => {
    const r = await stopTijdens('test.stop-te-lang', 4_000, 1_000);
    expect(r).toMatchObject({ state: 'retry', afgemaakt: false });
    expect(r.stopMs).toBeLessThan(3_500);
  });
});

describe('sendOnce', () => {
  it('makes one job of the sends with one key in one window, however many; another key is another job', async () => {
    const jobs = await startJobs({ database, logger: recordingLogger().logger, queues: ['test.eenmaal'] });
    cleanUps.push(jobs.stop);
    const ids = await Promise.all([1, 2, 3].map((n) => jobs.sendOnce('test.eenmaal', { n }, { key: 'start', withinSeconds: 600, startAfterSeconds: 60 })));
    const gezonden = ids.filter((id) => id !== undefined);
    expect(gezonden).toHaveLength(1);
    expect(await jobs.sendOnce('test.eenmaal', {}, { key: 'ander', withinSeconds: 600 })).toEqual(expect.any(String));
    const { rows } = await sql<{ singleton_key: string; wacht: number }>`
      select singleton_key, extract(epoch from start_after - created_on)::int as wacht from pgboss.job where name = 'test.eenmaal' order by singleton_key`.execute(database.db);
    expect(rows).toEqual([
      { singleton_key: 'ander', wacht: 0 },
      { singleton_key: 'start', wacht: 60 },
    ]);
  });

  it('refuses a queue that was not named at start', async () => {
    const jobs = await startJobs({ database, logger: recordingLogger().logger, queues: [QUEUE] });
    cleanUps.push(jobs.stop);
    await expect(jobs.sendOnce('tikfout.werk', {}, { key: 'k', withinSeconds: 60 })).rejects.toThrow('Onbekende job-wachtrij tikfout.werk');
  });
});

/** Two queues on this database (two nodes' pg-boss, or two in one process on PGlite) working `queue`; the most handlers that ran at once. */
async function hoogstTegelijk(queue: string, oneAtATime: boolean): Promise<number> {
  // One after the other: on PGlite both share the one session, and pg-boss's start-up transactions must not interleave.
  const nodes: Jobs[] = [];
  for (let i = 0; i < 2; i++) nodes.push(await startJobs({ database, logger: recordingLogger().logger, queues: [queue], oneAtATime: oneAtATime ? [queue] : [], pollingIntervalSeconds: 0.5 }));
  for (const node of nodes) cleanUps.push(node.stop);
  let bezig = 0;
  let hoogst = 0;
  let klaar = 0;
  const alles = new Promise<void>((resolve) => {
    for (const node of nodes) {
      void node.work(queue, async () => {
        bezig++;
        hoogst = Math.max(hoogst, bezig);
        // Long enough for the other queue to poll (every 0.5 s) on a busy machine.
        await new Promise((r) => setTimeout(r, 3_000));
        bezig--;
        if (++klaar === 2) resolve();
      });
    }
  });
  await nodes[0]!.send(queue, { n: 1 });
  await nodes[1]!.send(queue, { n: 2 });
  await alles;
  return hoogst;
}

describe('oneAtATime', () => {
  it('works one job of such a queue at a time across queues on one database; an ordinary queue works two', async () => {
    expect(await hoogstTegelijk('test.gewoon', false)).toBe(2);
    expect(await hoogstTegelijk('test.eentegelijk', true)).toBe(1);
    const { rows } = await sql<{ name: string; policy: string }>`select name, policy from pgboss.queue where name like 'test.%tegelijk' or name = 'test.gewoon' order by name`.execute(database.db);
    expect(rows).toEqual([
      { name: 'test.eentegelijk', policy: 'singleton' },
      { name: 'test.gewoon', policy: 'standard' },
    ]);
  });

  it('refuses a queue that is not among the queues', async () => {
    await expect(startJobs({ database, logger: recordingLogger().logger, queues: [QUEUE], oneAtATime: ['elders.werk'] })).rejects.toThrow('onbekende job-wachtrij elders.werk');
  });
});

/** Three nodes' job queues on this (PostgreSQL) database, each working `queue`; which node worked which job. */
async function drieKnooppunten(opties: { queue: string; schedules?: { name: string; cron: string }[] }) {
  const nodes = [];
  for (let i = 0; i < 3; i++) {
    // Each node its own pool on the same database, as on three machines.
    const eigen = await openDatabase({ databaseUrl: database.url, poolSize: 2 });
    cleanUps.push(() => eigen.close());
    const jobs = await startJobs({
      database: eigen,
      logger: recordingLogger().logger,
      queues: [opties.queue],
      schedules: opties.schedules ?? [],
      scheduleCheckSeconds: 1,
      pollingIntervalSeconds: 0.5,
    });
    cleanUps.push(jobs.stop);
    nodes.push(jobs);
  }
  const gewerkt: { node: number; id: string }[] = [];
  for (const [node, jobs] of nodes.entries()) {
    await jobs.work(opties.queue, async (job) => {
      gewerkt.push({ node, id: job.id });
    });
  }
  return { nodes, gewerkt };
}

/**
 * Three nodes' job queues on one PostgreSQL database (issue 17, ADR 0025): each registers the same
 * schedule and works its queue, as every `loket serve` does. PGlite is one process: no other node.
 */
describe.skipIf(inject('loketTestDatabase').kind === 'pglite')('three nodes on one database', () => {
  it('sends a scheduled occurrence once: every node checks the schedule each second, one job per occurrence is worked once', async () => {
    const queue = 'test.gepland';
    // Due every second: every check of every node finds an occurrence due. pg-boss files one job
    // per minute slot, so a schedule finer than a minute runs once a minute.
    const { nodes, gewerkt } = await drieKnooppunten({ queue, schedules: [{ name: queue, cron: '* * * * * *' }] });
    const { rows: schema } = await sql<{ name: string }>`select name from pgboss.schedule`.execute(database.db);
    expect(schema).toEqual([{ name: queue }]);
    await vi.waitFor(() => expect(gewerkt.length).toBeGreaterThan(0), { timeout: 15_000, interval: 100 });
    // Several more checks by each node (one a second); none sends the occurrence again.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    // Stopped (each waits for the work it has in hand) before counting: a minute that turns while
    // counting would otherwise show an occurrence filed but not yet sent.
    await Promise.all(nodes.map((jobs) => jobs.stop()));
    const { rows: jobs } = await sql<{ id: string }>`select id from pgboss.job where name = ${queue}`.execute(database.db);
    // A minute may have turned during the test: then that minute's occurrence is a job too.
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(jobs.length).toBeLessThanOrEqual(2);
    // pg-boss files each occurrence in its own queue under the minute slot it falls in (the queue's
    // job itself carries no slot): one filed occurrence per slot, one job per filed occurrence that
    // was sent on (an occurrence filed just before the stop may be left unsent).
    const { rows: geboekt } = await sql<{ minuut: string; state: string }>`
      select singleton_on::text as minuut, state::text from pgboss.job
      where name = '__pgboss__send-it' and data->>'name' = ${queue}`.execute(database.db);
    expect(new Set(geboekt.map((g) => g.minuut)).size).toBe(geboekt.length);
    expect(geboekt.every((g) => g.minuut !== null)).toBe(true);
    expect(geboekt.filter((g) => g.state === 'completed')).toHaveLength(jobs.length);
    // Each job worked once, by one node; a job sent just before the stop may be left unworked.
    const gewerkteIds = gewerkt.map((w) => w.id);
    expect(new Set(gewerkteIds).size).toBe(gewerkteIds.length);
    expect(jobs.map((j) => j.id)).toEqual(expect.arrayContaining(gewerkteIds));
  }, 40_000);

  it('makes one job of a start job that three nodes send at once, worked by one of them', async () => {
    const queue = 'test.start';
    const { nodes, gewerkt } = await drieKnooppunten({ queue });
    const ids = await Promise.all(nodes.map((jobs) => jobs.sendOnce(queue, { bij: 'start' }, { key: 'start', withinSeconds: 600 })));
    const gezonden = ids.filter((id) => id !== undefined);
    expect(gezonden).toHaveLength(1);
    await vi.waitFor(() => expect(gewerkt).toHaveLength(1), { timeout: 10_000, interval: 100 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(gewerkt.map((w) => w.id)).toEqual(gezonden);
  });
});
