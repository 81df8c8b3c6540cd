import type { Jobs } from '../../jobs/jobs.ts';
import { systeemContext } from '../audit/audit.service.ts';
import type { OnderhoudService } from './onderhoud.service.ts';

/** The queue of housekeeping rounds (retention terms; ADR 0025). */
export const ONDERHOUD_OPRUIMEN = 'onderhoud.opruimen';

/** Nodes that start within this window send one start round between them. */
const START_VENSTER_SECONDEN = 600;

/** The cron expression for "every `uren` hours", on the hour (24 or more: once a day, at midnight). */
export function opruimenCron(uren: number): string {
  return uren >= 24 ? '0 0 * * *' : `0 */${uren} * * *`;
}

/**
 * Works the housekeeping queue: the pg-boss cron schedule (kept in the database, claimed by one
 * node per occurrence) sends a round every few hours, and one round follows a start, sent once by
 * all the nodes that start within ten minutes. The queue works one round at a time across every
 * node (policy `singleton`), and a round is idempotent: it deletes and erases what is past its
 * term, so a round that is retried, or follows another at once, finds nothing left to do.
 */
export async function startOpruimen(jobs: Pick<Jobs, 'sendOnce' | 'work'>, onderhoud: Pick<OnderhoudService, 'ruimOp'>, opties: { naStartSeconden: number }): Promise<void> {
  await jobs.work(ONDERHOUD_OPRUIMEN, async () => {
    await onderhoud.ruimOp(systeemContext());
  });
  await jobs.sendOnce(ONDERHOUD_OPRUIMEN, { bij: 'start' }, { key: 'start', withinSeconds: START_VENSTER_SECONDEN, startAfterSeconds: opties.naStartSeconden });
}
