import { AFSPRAKEN_HERINNEREN } from '../src/modules/afspraken/afspraken.job.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { KPI_ROLLUPS } from '../src/modules/kpi/kpi.rollup.job.ts';
import { ENQUETES_HERINNEREN } from '../src/modules/enquetes/enquetes.job.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { vasteKlok } from '../src/klok.ts';
import { ONDERHOUD_OPRUIMEN } from '../src/modules/onderhoud/onderhoud.job.ts';
import { CONTACTVERZOEKEN_BEWAKEN } from '../src/modules/contactverzoeken/contactverzoeken.service.ts';
import { TERMIJNBEWAKING_CONTROLEREN } from '../src/modules/termijnbewaking/termijnbewaking.service.ts';
import { openLoketCore, type LoketCore } from '../src/server.ts';
import { testDatabase } from './database.ts';

/**
 * Three Loket nodes on one PostgreSQL database start together (issue 17 point 3, ADR 0025): the
 * schedules of the deadline watcher and of housekeeping are kept once, and each start round is one
 * job, worked once. That pg-boss sends each cron occurrence once across nodes is shown with three
 * queues that check every second (src/jobs/jobs.test.ts). PGlite is one process: no other node.
 */
describe.skipIf(inject('loketTestDatabase').kind === 'pglite')('jobs on three nodes', () => {
  let database: Database;
  const nodes: { core: LoketCore; database: Database }[] = [];

  beforeAll(async () => {
    database = await testDatabase();
    const klok = vasteKlok('2026-11-23T09:00:00Z');
    const config = loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000', LOKET_TERMIJNBEWAKING_MINUTEN: '15', LOKET_OPRUIMEN_UREN: '6', LOKET_KPI_ROLLUP_MINUTEN: '5' });
    const logger = { warn: () => undefined, error: () => undefined };
    for (let i = 0; i < 3; i++) {
      // Each node its own pool, job queue and signals on the same database, as on three machines.
      const eigen = await openDatabase({ databaseUrl: database.url, poolSize: 3 });
      const core = await openLoketCore({ config, database: eigen, klok, logger, werkers: true, opruimenNaStartSeconden: 0 });
      nodes.push({ core, database: eigen });
    }
    // Started together, as after a deployment.
    await Promise.all(nodes.map(({ core }) => core.startWerkers()));
  });
  afterAll(async () => {
    for (const { core, database: eigen } of nodes) {
      await core.close();
      await eigen.close();
    }
    await database?.close();
  });

  it('keeps one schedule per job in the database', async () => {
    const { rows } = await sql<{ name: string; cron: string }>`select name, cron from pgboss.schedule order by name`.execute(database.db);
    expect(rows).toEqual([
      { name: AFSPRAKEN_HERINNEREN, cron: '*/30 * * * *' },
      { name: CONTACTVERZOEKEN_BEWAKEN, cron: '*/15 * * * *' },
      { name: ENQUETES_HERINNEREN, cron: '*/30 * * * *' },
      { name: KPI_ROLLUPS, cron: '*/5 * * * *' },
      { name: ONDERHOUD_OPRUIMEN, cron: '0 */6 * * *' },
      { name: TERMIJNBEWAKING_CONTROLEREN, cron: '*/15 * * * *' },
    ]);
  });

  const jobs = async () =>
    (
      await sql<{ name: string; state: string; pogingen: number }>`
        select name, state, retry_count as pogingen from pgboss.job where name in (${CONTACTVERZOEKEN_BEWAKEN}, ${ONDERHOUD_OPRUIMEN}, ${TERMIJNBEWAKING_CONTROLEREN}) order by name`.execute(database.db)
    ).rows;

  it('makes one start round of each job for the three nodes, worked once (one attempt)', async () => {
    await vi.waitFor(
      async () =>
        expect(await jobs()).toEqual([
          { name: CONTACTVERZOEKEN_BEWAKEN, state: 'completed', pogingen: 0 },
          { name: ONDERHOUD_OPRUIMEN, state: 'completed', pogingen: 0 },
          { name: TERMIJNBEWAKING_CONTROLEREN, state: 'completed', pogingen: 0 },
        ]),
      { timeout: 20_000, interval: 200 },
    );
  });
});
