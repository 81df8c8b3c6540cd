import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import type { Database } from '../../db/database.ts';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

it('a box query on melding.locatie can use the GiST index, on PGlite and PostgreSQL alike (no PostGIS)', async () => {
  // The table is empty here, so the planner would scan it; forbid that to see the index is usable.
  const plan = await database.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain select zaak_id from melding m where m.locatie <@ box(point(4.95, 52.33), point(4.96, 52.34))`.execute(trx);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
  expect(plan).toMatch(/using melding_locatie/);
});
