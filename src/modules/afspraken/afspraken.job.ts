import type { Jobs } from '../../jobs/jobs.ts';
import type { AfsprakenService } from './afspraken.service.ts';

/** The job that mails tomorrow's appointments a reminder; sent by a pg-boss cron schedule. */
export const AFSPRAKEN_HERINNEREN = 'afspraken.herinneren';

/**
 * Works the reminder queue. The schedule lives in the database (one job per occurrence across
 * every node, ADR 0025); a round claims each appointment before its mail, so a retried or
 * doubled round sends every reminder once (ADR 0044).
 */
export async function startHerinneringen(jobs: Pick<Jobs, 'work'>, afspraken: Pick<AfsprakenService, 'herinner'>): Promise<void> {
  await jobs.work(AFSPRAKEN_HERINNEREN, async () => {
    await afspraken.herinner();
  });
}
