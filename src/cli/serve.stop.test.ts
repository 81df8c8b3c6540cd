import { spawn, type ChildProcess } from 'node:child_process';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliOmgeving } from '../../test/cli-proces.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { cliContext } from '../modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../modules/demo/demo.data.ts';
import { openLoketCore } from '../server.ts';

/**
 * `loket serve` as a process, stopped with SIGTERM (ADR 0025): readiness goes first, requests in
 * flight finish, new connections are refused, the job worker stops, the process exits 0.
 */
const omgeving = cliOmgeving('loket-stop-');
const main = join(import.meta.dirname, 'main.ts');
const GEBRUIKER = DEMO_GEBRUIKERS[0]!;

// The demo's gemeenten and staff (without zaken), loaded once in this process before any server runs.
beforeAll(async () => {
  const database = await openDatabase(omgeving.databaseUrl ? { databaseUrl: omgeving.databaseUrl, poolSize: 2 } : { dataDir: omgeving.dataDir });
  try {
    await migrateToLatest(database.db as never);
    const core = await openLoketCore({ config: loadConfig({}), database, logger: { warn: () => undefined, error: () => undefined }, werkers: false });
    await core.services.demo.laad(cliContext());
    await core.close();
  } finally {
    await database.close();
  }
});

const processen: ChildProcess[] = [];
afterEach(() => {
  for (const p of processen.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

async function vrijePoort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const adres = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!adres || typeof adres === 'string') throw new Error('geen poort');
  return adres.port;
}

interface Logregel {
  fase?: string;
  msg?: string;
  afgebroken?: boolean;
}

/** `loket serve` on a free port, up to ready; its JSON log lines as they come, and its exit. */
async function serve(env: Record<string, string>) {
  const port = await vrijePoort();
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', main, 'serve'], {
    env: {
      ...process.env,
      LOKET_DATA_DIR: omgeving.dataDir,
      DATABASE_URL: omgeving.databaseUrl ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOKET_DEMO: 'false',
      LOG_LEVEL: 'info',
      LOKET_RATE_LIMIT: '1000000',
      LOKET_RATE_LIMIT_AANMELDEN: '1000000',
      ...env,
    },
  });
  processen.push(child);
  const log: Logregel[] = [];
  let rest = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    const regels = (rest + d.toString()).split('\n');
    rest = regels.pop() ?? '';
    for (const regel of regels) if (regel.startsWith('{')) log.push(JSON.parse(regel) as Logregel);
  });
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const einde = new Promise<{ code: number | null; signaal: NodeJS.Signals | null; op: number }>((resolve) => {
    child.on('close', (code, signaal) => resolve({ code, signaal, op: performance.now() }));
  });
  const basis = `http://127.0.0.1:${port}`;
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`loket serve stopte bij het starten: ${stderr}`);
      expect((await fetch(`${basis}/ready`)).status).toBe(200);
    },
    { timeout: 90_000, interval: 200 },
  );
  return { child, port, basis, log, einde, fasen: () => log.filter((r) => r.fase).map((r) => r.fase), stderr: () => stderr };
}

/** A login (POST /api/v1/sessie) whose body is sent in two parts: the request is in flight between them. */
function langzaamVerzoek(port: number): { req: ClientRequest; rest: string; antwoord: Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> } {
  const body = JSON.stringify({ email: GEBRUIKER.email, wachtwoord: GEBRUIKER.wachtwoord });
  const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/sessie', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
  const antwoord = new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let tekst = '';
      res.on('data', (d: Buffer) => (tekst += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: tekst }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  req.write(body.slice(0, 12));
  return { req, rest: body.slice(12), antwoord };
}

const foutcode = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code ?? String(error);
};

describe('loket serve on SIGTERM', () => {
  it('goes unready at once, finishes the requests in flight with 2xx, refuses new connections, stops the job worker and exits 0', async () => {
    const DELAY = 3_000;
    const server = await serve({ LOKET_STOP_DELAY_MS: String(DELAY), LOKET_STOP_TIMEOUT_MS: '10000' });

    // A client sending requests one after another, as long as the node takes connections.
    const stroom: { op: number; status?: number; fout?: string }[] = [];
    const stroomKlaar = (async () => {
      for (;;) {
        try {
          const res = await fetch(`${server.basis}/api/v1/gemeenten`);
          await res.arrayBuffer();
          stroom.push({ op: performance.now(), status: res.status });
        } catch (error) {
          stroom.push({ op: performance.now(), fout: foutcode(error) });
          return;
        }
      }
    })();
    const langzaam = langzaamVerzoek(server.port);
    await vi.waitFor(() => expect(stroom.length).toBeGreaterThan(5), { timeout: 10_000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const sigterm = performance.now();
    server.child.kill('SIGTERM');
    // Readiness turns at once, before the node stops serving.
    await vi.waitFor(
      async () => {
        const ready = await fetch(`${server.basis}/ready`);
        expect(ready.status).toBe(503);
        expect(ready.headers.get('content-type')).toContain('application/problem+json');
        expect(ready.headers.get('connection')).toBe('close');
      },
      { timeout: DELAY - 1_000, interval: 20 },
    );
    expect(performance.now() - sigterm).toBeLessThan(DELAY);
    // Still alive and serving during the delay.
    expect((await fetch(`${server.basis}/health`)).status).toBe(200);

    // Then the listener closes: a new connection is refused while the slow request is still in flight.
    await vi.waitFor(() => expect(server.fasen()).toContain('http-sluiten'), { timeout: DELAY + 3_000, interval: 20 });
    await vi.waitFor(async () => expect(await fetch(`${server.basis}/health`).then(() => 'open', foutcode)).toBe('ECONNREFUSED'), { timeout: 2_000, interval: 20 });
    expect(server.fasen()).not.toContain('http-gestopt');

    // The request in flight since before SIGTERM is finished, with a 2xx.
    langzaam.req.end(langzaam.rest);
    const antwoord = await langzaam.antwoord;
    expect(antwoord.status).toBe(200);
    expect(JSON.parse(antwoord.body)).toHaveProperty('csrfToken');
    expect(antwoord.headers.connection).toBe('close');

    const einde = await server.einde;
    expect(einde).toMatchObject({ code: 0, signaal: null });
    expect(einde.op - sigterm).toBeLessThan(DELAY + 10_000);
    expect(server.fasen().join(' ')).toBe('niet-gereed http-sluiten http-gestopt jobs-stoppen jobs-gestopt gestopt');
    expect(server.log.find((r) => r.fase === 'http-gestopt')?.afgebroken).toBe(false);

    // Every answer the client got was a 2xx, also after SIGTERM; then its next connection was refused.
    await stroomKlaar;
    const antwoorden = stroom.filter((s) => s.status !== undefined);
    expect(antwoorden.every((s) => s.status === 200)).toBe(true);
    expect(antwoorden.filter((s) => s.op > sigterm).length).toBeGreaterThan(0);
    expect(stroom.at(-1)?.fout).toMatch(/^(ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)$/);

    // On PostgreSQL: none of the node's connections (pool, job queue, signals) is left.
    if (omgeving.databaseUrl) {
      const admin = new Client({ connectionString: omgeving.databaseUrl });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ application_name: string }>(
          'select application_name from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        );
        expect(rows).toEqual([]);
      } finally {
        await admin.end();
      }
    }
  }, 120_000);

  it('cuts a request that does not finish within LOKET_STOP_TIMEOUT_MS and still exits 0', async () => {
    const server = await serve({ LOKET_STOP_TIMEOUT_MS: '1500' });
    const langzaam = langzaamVerzoek(server.port);
    const afgebroken = langzaam.antwoord.then(() => 'antwoord', foutcode);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const sigterm = performance.now();
    server.child.kill('SIGTERM');
    const einde = await server.einde;
    expect(einde).toMatchObject({ code: 0, signaal: null });
    expect(einde.op - sigterm).toBeGreaterThanOrEqual(1_400);
    expect(einde.op - sigterm).toBeLessThan(8_000);
    expect(await afgebroken).toBe('ECONNRESET');
    expect(server.log.find((r) => r.fase === 'http-gestopt')?.afgebroken).toBe(true);
    expect(server.fasen().at(-1)).toBe('gestopt');
  }, 120_000);
});
