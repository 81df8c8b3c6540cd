import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.ts';
import { DEMO_GEMEENTEN } from '../modules/demo/demo.data.ts';
import { testDatabase } from '../../test/database.ts';
import { startServer } from './serve.command.ts';

const opgeruimd: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const opruimen of opgeruimd.toReversed()) await opruimen();
});

it('serves on one wiring: one pg-boss, and the server uses the services commands use', async () => {
  const map = mkdtempSync(join(tmpdir(), 'loket-serve-'));
  opgeruimd.push(() => rmSync(map, { recursive: true, force: true }));
  let database: Database | undefined;
  if (process.env.DATABASE_URL) {
    database = await testDatabase();
    opgeruimd.push(() => database?.close());
  }
  const env = { LOKET_DATA_DIR: join(map, 'data'), PORT: '0', LOKET_DEMO: 'false', LOG_LEVEL: 'silent', DATABASE_URL: database?.url ?? '' };
  for (const [naam, waarde] of Object.entries(env)) vi.stubEnv(naam, waarde);
  opgeruimd.push(() => {
    vi.unstubAllEnvs();
  });
  const starts = vi.spyOn(PgBoss.prototype, 'start');
  opgeruimd.push(() => starts.mockRestore());

  const { cli, loket } = await startServer();
  opgeruimd.push(async () => {
    await loket.close();
    await cli.close();
  });

  expect(starts).toHaveBeenCalledTimes(1);
  expect(loket.services).toBe(cli.services);
  const adres = loket.app.server.address();
  const port = typeof adres === 'object' && adres ? adres.port : 0;
  expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  // What a command writes through the CLI's services is what the server shows.
  await cli.services.gemeenten.bewaar(DEMO_GEMEENTEN[0]!);
  const { items } = (await (await fetch(`http://127.0.0.1:${port}/api/v1/gemeenten`)).json()) as { items: { code: string }[] };
  expect(items.map((g) => g.code)).toEqual(['GM0384']);
}, 120_000);
