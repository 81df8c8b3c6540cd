import type { Jobs } from '../../jobs/jobs.ts';

/** The queue that keeps the KPI rollups current (ADR 0043). */
export const KPI_ROLLUPS = 'kpi.rollups';

/** Nodes that start within this window send one start round between them. */
const START_VENSTER_SECONDEN = 60;

/** A rollup a module keeps: one run works its outbox (idempotent: every bucket is recomputed from the source). */
export interface KpiRollup {
  werkAf(): Promise<unknown>;
}

/**
 * Works the rollup queue: the pg-boss cron schedule sends a round every few minutes (one per
 * occurrence across nodes, ADR 0025), and one round follows a start. The queue works one round at a
 * time across every node (policy `singleton`), so two rounds never rebuild the same bucket side by
 * side; a round that fails is retried, and a retried round recomputes buckets from the zaken, so
 * nothing is counted twice. Between rounds a measure reads its live query for the days that wait.
 */
export async function startKpiRollups(jobs: Pick<Jobs, 'sendOnce' | 'work'>, rollups: readonly KpiRollup[]): Promise<void> {
  await jobs.work(KPI_ROLLUPS, async () => {
    for (const rollup of rollups) await rollup.werkAf();
  });
  await jobs.sendOnce(KPI_ROLLUPS, { bij: 'start' }, { key: 'start', withinSeconds: START_VENSTER_SECONDEN });
}
