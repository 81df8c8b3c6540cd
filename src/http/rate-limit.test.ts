import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import type { Database } from '../db/database.ts';
import { rateLimitRepository } from './rate-limit.repository.ts';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database?.close());

const wacht = (ms: number) => new Promise((klaar) => setTimeout(klaar, ms));

it('counts per key in a window that starts at the first request, and removes ended windows only', async () => {
  const r = rateLimitRepository(database.db);
  const eerste = await r.tel('GET /x|192.0.2.1', 60_000);
  expect(eerste.aantal).toBe(1);
  expect(eerste.ttl).toBeGreaterThan(59_000);
  expect((await r.tel('GET /x|192.0.2.1', 60_000)).aantal).toBe(2);
  expect((await r.tel('GET /y|192.0.2.1', 60_000)).aantal).toBe(1);

  // A window of 1 s: after it a request starts a new one.
  expect((await r.tel('GET /kort|192.0.2.1', 1_000)).aantal).toBe(1);
  expect((await r.tel('GET /kort|192.0.2.1', 1_000)).aantal).toBe(2);
  await wacht(1_100);
  expect((await r.tel('GET /kort|192.0.2.1', 1_000)).aantal).toBe(1);
  await wacht(1_100);
  await r.ruimOp();
  const over = await database.db.selectFrom('rate_limit').select(['sleutel', 'aantal']).orderBy('sleutel').execute();
  expect(over).toEqual([
    { sleutel: 'GET /x|192.0.2.1', aantal: 2 },
    { sleutel: 'GET /y|192.0.2.1', aantal: 1 },
  ]);
});
