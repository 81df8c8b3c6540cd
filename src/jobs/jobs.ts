import type { Transaction } from 'kysely';
import { PgBoss, fromKysely, fromPglite, type JobWithMetadata } from 'pg-boss';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';

/** How a failed job is tried again (pg-boss queue options; delays in seconds). */
export interface RetryPolicy {
  /** Retries after the first attempt (so retryLimit + 1 attempts in all). */
  retryLimit: number;
  retryDelay: number;
  /** Exponential backoff: about retryDelay × 2^retry, with jitter, capped at retryDelayMax. */
  retryBackoff: boolean;
  retryDelayMax: number;
}

/** 9 attempts over about two and a half hours: 30 s, 1 min, 2 min, … capped at 1 h. */
/** The cron expression for "every `minuten` minutes" (a divisor of 60 runs evenly through the hour; 60 or more: hourly). */
export function cronElkeMinuten(minuten: number): string {
  return minuten >= 60 ? '0 * * * *' : `*/${minuten} * * * *`;
}

export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 8, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 };

export interface JobsLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobsOptions {
  database: Database;
  logger: JobsLogger;
  /** Every queue this installation uses; created (or brought up to date) at start. */
  queues: readonly string[];
  retry?: Partial<RetryPolicy>;
  /** How often an idle worker looks for new jobs, in seconds (≥ 0.5). */
  pollingIntervalSeconds?: number;
  /**
   * Recurring jobs: pg-boss sends a job to the queue `name` on each cron occurrence (Europe/Amsterdam),
   * kept in the database so it survives restarts. pg-boss's scheduler only runs when there are any.
   * With several nodes, one job per occurrence (ADR 0025): one node at a time claims the check, and
   * a job per occurrence is unique in the database; the last node to start sets the expression.
   */
  schedules?: readonly { name: string; cron: string }[];
  /**
   * How often this node looks whether a schedule is due, in seconds (1–45; pg-boss's default 30).
   * Every node looks, but one claim in the database lets only one of them send per interval.
   */
  scheduleCheckSeconds?: number;
  /**
   * Queues of which at most one job is worked at a time across every node (pg-boss policy
   * `singleton`: the others wait). Set when the queue is created; an existing queue keeps its policy.
   */
  oneAtATime?: readonly string[];
}

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  transaction?: Transaction<DB>;
}

/** A job that every node may send (at start, say) but that should exist once. */
export interface SendOnceOptions {
  /** What the job is, e.g. `start`: nodes sending the same key within one window make one job. */
  key: string;
  /** The window, in seconds, counted in fixed slots from the epoch (pg-boss `singletonSeconds`). */
  withinSeconds: number;
  /** Not worked before this many seconds from now. */
  startAfterSeconds?: number;
}

/** One attempt at one job, as a handler sees it. */
export interface JobRun<T> {
  id: string;
  data: T;
  /** 1 for the first attempt. */
  attempt: number;
  /** No retry follows when this attempt fails. */
  lastAttempt: boolean;
}

/** Throw to have the job retried (with backoff); return to complete it. */
export type JobHandler<T> = (job: JobRun<T>) => Promise<void>;

export interface Jobs {
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string>;
  /** Sends the job unless one with the same key was sent (by any node) in the same window: then undefined. */
  sendOnce<T extends object>(name: string, data: T, options: SendOnceOptions): Promise<string | undefined>;
  /** Works the queue's jobs one at a time; `pollingIntervalSeconds` overrides how often an idle worker of this queue looks (≥ 0.5). */
  work<T extends object>(name: string, handler: JobHandler<T>, options?: { pollingIntervalSeconds?: number }): Promise<void>;
  /**
   * Stops fetching jobs, lets the running ones finish (at most `timeoutMs`, default 10 s; a job
   * still running then is failed and retried later, on any node) and closes the queue. Once.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/**
 * Starts the durable job queue (pg-boss) in the application database: its own `pgboss` schema,
 * a small pool on PostgreSQL, in-process on PGlite. Jobs survive a restart and failed jobs are
 * retried with exponential backoff.
 */
export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const { database, logger } = options;
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (const name of options.oneAtATime ?? []) {
    if (!options.queues.includes(name)) throw new Error(`Eén-tegelijk voor onbekende job-wachtrij ${name}: noem hem in startJobs({ queues }).`);
  }

  // pg-boss's cron scheduler only when there are schedules (deadline watcher, housekeeping), and no
  // instance registry (not used): leaving them out saves most of pg-boss's start time.
  // Maintenance (supervise: expiry, retention) stays on.
  const schedules = options.schedules ?? [];
  const lean = {
    schedule: schedules.length > 0,
    registerInstance: false,
    ...(options.scheduleCheckSeconds === undefined ? {} : { cronMonitorIntervalSeconds: options.scheduleCheckSeconds }),
  } as const;
  let boss: PgBoss;
  if (database.kind === 'pglite' && database.pglite) {
    boss = new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', ...lean });
  } else if (database.kind === 'postgres' && database.url) {
    boss = new PgBoss({ connectionString: database.url, max: 4, application_name: 'loket-jobs', ...lean });
  } else {
    throw new Error('De job-wachtrij heeft PGlite of een PostgreSQL-adres nodig.');
  }
  boss.on('error', (error) => logger.error({ err: error }, 'job-wachtrij: fout'));
  boss.on('warning', (warning) => logger.warn({ details: warning.data }, `job-wachtrij: ${warning.message}`));

  // pg-boss accepts a maximum delay only together with backoff.
  const { retryDelayMax, ...fixed } = retry;
  try {
    await boss.start();
    const oneAtATime = new Set(options.oneAtATime ?? []);
    for (const name of options.queues) {
      await boss.createQueue(name, { ...(retry.retryBackoff ? retry : fixed), ...(oneAtATime.has(name) ? { policy: 'singleton' } : {}) });
      // createQueue leaves an existing queue alone; this brings its retry policy up to date.
      await boss.updateQueue(name, { ...fixed, retryDelayMax: retry.retryBackoff ? retryDelayMax : null });
    }
    for (const { name, cron } of schedules) {
      if (!options.queues.includes(name)) throw new Error(`Schema voor onbekende job-wachtrij ${name}: noem hem in startJobs({ queues }).`);
      await boss.schedule(name, cron, {}, { tz: 'Europe/Amsterdam' });
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }
  const known = new Set(options.queues);
  const assertKnown = (name: string) => {
    if (!known.has(name)) throw new Error(`Onbekende job-wachtrij ${name}: noem hem in startJobs({ queues }).`);
  };

  return {
    send: async (name, data, sendOptions = {}) => {
      assertKnown(name);
      const id = await boss.send(name, data, sendOptions.transaction ? { db: fromKysely(sendOptions.transaction) } : {});
      if (!id) throw new Error(`Job voor ${name} is niet aangemaakt.`);
      return id;
    },
    sendOnce: async (name, data, { key, withinSeconds, startAfterSeconds }) => {
      assertKnown(name);
      // A unique index on (queue, slot, key) in pgboss.job: a second send in the slot is refused (null).
      const id = await boss.send(name, data, { singletonKey: key, singletonSeconds: withinSeconds, ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}) });
      return id ?? undefined;
    },
    work: async <T extends object>(name: string, handler: JobHandler<T>, workOptions: { pollingIntervalSeconds?: number } = {}) => {
      assertKnown(name);
      await boss.work(
        name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? pollingIntervalSeconds },
        async (jobs: JobWithMetadata<T>[]) => {
          for (const job of jobs) {
            const run = { id: job.id, data: job.data, attempt: job.retryCount + 1, lastAttempt: job.retryCount >= job.retryLimit };
            try {
              await handler(run);
            } catch (error) {
              logger.warn({ err: error, job: name, id: job.id, attempt: run.attempt, lastAttempt: run.lastAttempt }, 'job mislukt');
              throw error;
            }
          }
        },
      );
    },
    // On PostgreSQL it also closes pg-boss's own pool. pg-boss answers a second stop itself.
    stop: ({ timeoutMs = 10_000 } = {}) => boss.stop({ graceful: true, timeout: timeoutMs }),
  };
}
