import type { Jobs } from '../../jobs/jobs.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import type { EnquetesService } from './enquetes.service.ts';

/** The job that reminds panel members who did not answer a survey yet; sent by a pg-boss cron schedule. */
export const ENQUETES_HERINNEREN = 'enquetes.herinneren';

/**
 * Works the reminder queue. The schedule lives in the database (one job per occurrence across
 * every node, ADR 0025); a round claims each invitation before its mail, so a retried or doubled
 * round reminds every member once (ADR 0068).
 */
export async function startEnqueteHerinneringen(jobs: Pick<Jobs, 'work'>, enquetes: Pick<EnquetesService, 'herinner'>, gemeenten: Pick<GemeentenRepository, 'lijst'>): Promise<void> {
  await jobs.work(ENQUETES_HERINNEREN, async () => {
    await enquetes.herinner(() => gemeenten.lijst());
  });
}
