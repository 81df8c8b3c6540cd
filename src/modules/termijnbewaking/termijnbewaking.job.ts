import { cronElkeMinuten, type Jobs } from '../../jobs/jobs.ts';
import { TERMIJNBEWAKING_CONTROLEREN, type TermijnbewakingService } from './termijnbewaking.service.ts';

/** The cron expression for "every `minuten` minutes" (a divisor of 60 runs evenly through the hour). */
export const termijnbewakingCron = cronElkeMinuten;

/** Nodes that start within the same minute send one start round between them. */
const START_VENSTER_SECONDEN = 60;

/**
 * Works the watcher's queue: the pg-boss cron schedule (registered at start, kept in the
 * database, so it survives restarts; one job per occurrence across nodes, ADR 0025) sends a job
 * every few minutes, and one is sent at start (once for the nodes that start in the same minute).
 * A failed round is retried with the queue's backoff; a round is idempotent (ADR 0014).
 */
export async function startTermijnbewaking(jobs: Pick<Jobs, 'sendOnce' | 'work'>, termijnbewaking: Pick<TermijnbewakingService, 'controleer'>): Promise<void> {
  await jobs.work(TERMIJNBEWAKING_CONTROLEREN, async () => {
    await termijnbewaking.controleer();
  });
  await jobs.sendOnce(TERMIJNBEWAKING_CONTROLEREN, { bij: 'start' }, { key: 'start', withinSeconds: START_VENSTER_SECONDEN });
}
