import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.ts';
import { createTransport } from 'nodemailer';
import { cliContext } from '../modules/audit/audit.service.ts';
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
  const env = { LOKET_DATA_DIR: join(map, 'data'), PORT: '0', LOKET_DEMO: 'false', LOG_LEVEL: 'silent', DATABASE_URL: database?.url ?? '', LOKET_MAIL_INTAKE_PORT: '0' };
  for (const [naam, waarde] of Object.entries(env)) vi.stubEnv(naam, waarde);
  opgeruimd.push(() => {
    vi.unstubAllEnvs();
  });
  const starts = vi.spyOn(PgBoss.prototype, 'start');
  opgeruimd.push(() => starts.mockRestore());

  const { cli, loket, mailIntake } = await startServer();
  opgeruimd.push(async () => {
    await mailIntake?.close();
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

  // LOKET_MAIL_INTAKE_PORT: serve receives mail for the intake addresses over SMTP (ADR 0046).
  await cli.services.demo.laad(cliContext());
  const raw = Buffer.from('From: jan@example.nl\r\nTo: info@diemen.demo\r\nSubject: Via serve\r\nMessage-ID: <serve-1@example.nl>\r\n\r\nHallo.\r\n');
  const smtp = createTransport({ host: '127.0.0.1', port: mailIntake?.poort ?? 0, secure: false, ignoreTLS: true });
  expect((await smtp.sendMail({ envelope: { from: 'jan@example.nl', to: ['info@diemen.demo'] }, raw })).accepted).toEqual(['info@diemen.demo']);
  const mail = await cli.database.db.selectFrom('mail_bericht').select(['gemeente', 'via', 'zaak_identificatie']).where('message_id', '=', '<serve-1@example.nl>').executeTakeFirstOrThrow();
  expect(mail).toMatchObject({ gemeente: 'GM0384', via: 'smtp', zaak_identificatie: expect.stringMatching(/^Z-\d{4}-\d{6}$/) });
}, 120_000);

it('with the demo data and no broker, runs the demo OpenID provider and sends a resident there to log in (ADR 0077)', async () => {
  const map = mkdtempSync(join(tmpdir(), 'loket-serve-'));
  opgeruimd.push(() => rmSync(map, { recursive: true, force: true }));
  let database: Database | undefined;
  if (process.env.DATABASE_URL) {
    database = await testDatabase();
    opgeruimd.push(() => database?.close());
  }
  const env = { LOKET_DATA_DIR: join(map, 'data'), PORT: '0', LOKET_DEMO: 'true', LOG_LEVEL: 'silent', DATABASE_URL: database?.url ?? '', LOKET_OIDC_ISSUER: '' };
  for (const [naam, waarde] of Object.entries(env)) vi.stubEnv(naam, waarde);
  opgeruimd.push(() => {
    vi.unstubAllEnvs();
  });
  const { cli, loket, demoInlog } = await startServer();
  opgeruimd.push(async () => {
    await demoInlog?.close();
    await loket.close();
    await cli.close();
  });
  expect(demoInlog?.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(cli.config.inwonerLoginDemo).toBe(true);
  const adres = loket.app.server.address();
  const port = typeof adres === 'object' && adres ? adres.port : 0;
  const pagina = await (await fetch(`http://127.0.0.1:${port}/diemen/mijn-zaken`)).text();
  expect(pagina).toContain('demo-inlogdienst met verzonnen inwoners');
  const naar = await fetch(`http://127.0.0.1:${port}/diemen/inloggen`, { redirect: 'manual' });
  expect(naar.status).toBe(303);
  expect(naar.headers.get('location')).toMatch(new RegExp(`^${demoInlog?.issuer}/auth\\?`));
}, 120_000);
