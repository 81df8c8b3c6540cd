import type { Jobs } from '../../jobs/jobs.ts';
import { TERMIJNBEWAKING_CONTROLEREN, type TermijnbewakingService } from './termijnbewaking.service.ts';

/** The cron expression for "every `minuten` minutes" (a divisor of 60 runs evenly through the hour). */
export function termijnbewakingCron(minuten: number): string {
  return minuten >= 60 ? '0 * * * *' : `*/${minuten} * * * *`;
}

/**
 * Works the watcher's queue: the pg-boss cron schedule (registered at start, kept in the
 * database, so it survives restarts) sends a job every few minutes, and one is sent at start.
 * A failed round is retried with the queue's backoff; a round is idempotent (ADR 0014).
 */
export async function startTermijnbewaking(jobs: Pick<Jobs, 'send' | 'work'>, termijnbewaking: Pick<TermijnbewakingService, 'controleer'>): Promise<void> {
  await jobs.work(TERMIJNBEWAKING_CONTROLEREN, async () => {
    await termijnbewaking.controleer();
  });
  await jobs.send(TERMIJNBEWAKING_CONTROLEREN, { bij: 'start' });
}
