import type { Jobs } from '../../jobs/jobs.ts';
import { CONTACTVERZOEKEN_BEWAKEN, type ContactverzoekenService } from './contactverzoeken.service.ts';

/**
 * Works the watcher of callback requests: its pg-boss cron schedule (the deadline watcher's
 * interval, kept in the database; one job per occurrence across nodes, ADR 0025) and one round
 * at start, once for the nodes that start in the same minute. A round is idempotent.
 */
export async function startContactverzoekenBewaking(jobs: Pick<Jobs, 'sendOnce' | 'work'>, contactverzoeken: Pick<ContactverzoekenService, 'bewaak'>): Promise<void> {
  await jobs.work(CONTACTVERZOEKEN_BEWAKEN, async () => {
    await contactverzoeken.bewaak();
  });
  await jobs.sendOnce(CONTACTVERZOEKEN_BEWAKEN, { bij: 'start' }, { key: 'start', withinSeconds: 60 });
}
