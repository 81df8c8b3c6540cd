// A/B comparison on the database of the last `npm run bench:zaken` run: starts Loket from each
// given checkout in turn (same database, same machine state), measures the team queue and the zaak
// detail at 16 connections, and repeats the rounds so that a busy machine hits every checkout
// alike. Besides latency it reports CPU time per request of the Loket process and of the
// PostgreSQL backends serving the bench database — far less sensitive to other load than latency.
//   node bench/zaken-queue/vergelijk.ts <checkout> [<checkout> …]   (BENCH_ROUNDS, BENCH_DURATION, BENCH_CONNECTIONS;
//   BENCH_PROFILE=1 adds a CPU profile of Loket per measurement, self time)
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { Secret, TOTP } from 'otpauth';
import { Client } from 'pg';
import { DEMO_GEBRUIKERS } from '../../src/modules/demo/demo.data.ts';
import { freePort, msUntil200, processTicks, startChild } from '../http-baseline/processes.ts';
import { summariseProfile } from '../http-baseline/profile.ts';

const checkouts = process.argv.slice(2).map((p) => resolve(p));
if (checkouts.length === 0) throw new Error('usage: vergelijk.ts <checkout> [<checkout> …]');
const RONDES = Number(process.env.BENCH_ROUNDS ?? 3);
const DUUR = Number(process.env.BENCH_DURATION ?? 8);
const VERBINDINGEN = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DATABASE = 'loket_bench_zaken';
const GEMEENTE = 'GM0384';
const BEHANDELAAR = 'behandelaar@diemen.demo';
const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const benchUrl = Object.assign(new URL(adminUrl), { pathname: `/${DATABASE}` }).toString();
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-vergelijk-'));
const TICK_MS = 10;

/** CPU ticks of the PostgreSQL backends connected to the bench database. */
function pgTicks(): number {
  let totaal = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(DATABASE)) continue;
      totaal += processTicks(Number(entry));
    } catch {
      // gone
    }
  }
  return totaal;
}

const cookieUit = (r: Response): string => (r.headers.getSetCookie().find((c) => c.startsWith('__Host-loket-sessie=')) ?? '').split(';')[0] as string;

/** Logs in with password and TOTP; a TOTP code works once, so on a used one it waits for the next time step. */
async function logIn(base: string): Promise<string> {
  const g = DEMO_GEBRUIKERS.find((d) => d.email === BEHANDELAAR);
  if (!g) throw new Error('no demo behandelaar');
  const json = { 'content-type': 'application/json' };
  for (let poging = 0; poging < 3; poging++) {
    const stap1 = await fetch(`${base}/api/v1/sessie`, { method: 'POST', headers: json, body: JSON.stringify({ email: BEHANDELAAR, wachtwoord: g.wachtwoord }) });
    const { csrfToken } = (await stap1.json()) as { csrfToken: string };
    const code = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(g.totpGeheim) }).generate();
    const stap2 = await fetch(`${base}/api/v1/sessie/totp`, { method: 'POST', headers: { ...json, cookie: cookieUit(stap1), 'x-csrf-token': csrfToken }, body: JSON.stringify({ code }) });
    if (stap2.status === 200) return cookieUit(stap2);
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
  }
  throw new Error('login failed');
}

const client = new Client({ connectionString: benchUrl });
await client.connect();
const { bo, team } = (await client.query<{ bo: string; team: string }>(`select g.id as bo, t.id as team from gebruiker g, team t where g.email = $1 and t.gemeente = $2 and t.naam = 'Openbare ruimte'`, [BEHANDELAAR, GEMEENTE])).rows[0] ?? { bo: '', team: '' };
const ids = (
  await client.query<{ id: string }>(
    `select id from zaak where gemeente = $1 and (vertrouwelijkheid not in ('vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim') or team_id = $2 or behandelaar_id = $3) order by md5(id::text) limit 5000`,
    [GEMEENTE, team, bo],
  )
).rows.map((r) => r.id);
await client.end();

const uitkomsten = new Map<string, { p50: number; p95: number; rps: number; loketMs: number; pgMs: number }[]>();
for (let ronde = 1; ronde <= RONDES; ronde++) {
  for (const checkout of checkouts) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, LOKET_DEMO: 'false', PORT: String(port), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0' };
    const profielMap = mkdtempSync(join(tmp, 'profiel-'));
    const profiel = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profielMap}`] : [];
    const vensters: [string, [number, number]][] = [];
    const loket = startChild(process.execPath, ['--disable-warning=ExperimentalWarning', ...profiel, 'src/cli/main.ts', 'serve'], { cwd: checkout, env, logFile: join(tmp, 'loket.log') });
    try {
      await msUntil200(loket, `${base}/health`, 60_000);
      const headers = { cookie: await logIn(base) };
      for (const [naam, paden] of [
        ['queue', [`/api/v1/gemeenten/${GEMEENTE}/zaken?team=${team}`]],
        ['detail', ids.map((id) => `/api/v1/gemeenten/${GEMEENTE}/zaken/${id}`)],
      ] as const) {
        let i = 0;
        const opties = { url: base, headers, connections: VERBINDINGEN, requests: [{ method: 'GET', setupRequest: (req: { path: string }) => ({ ...req, path: paden[i++ % paden.length] as string }) }] };
        await autocannon({ ...opties, duration: 2 });
        const tijden: number[] = [];
        const [l0, p0] = [processTicks(loket.process.pid ?? 0), pgTicks()];
        const vanUs = Number(process.hrtime.bigint() / 1000n);
        const run = autocannon({ ...opties, duration: DUUR });
        run.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
          if (status === 200) tijden.push(ms);
        });
        const r = await run;
        const [l1, p1] = [processTicks(loket.process.pid ?? 0), pgTicks()];
        vensters.push([naam, [vanUs, Number(process.hrtime.bigint() / 1000n)]]);
        const s = tijden.toSorted((a, b) => a - b);
        const pct = (p: number) => Math.round((s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN) * 100) / 100;
        const n = r.requests.total;
        const u = { p50: pct(50), p95: pct(95), rps: Math.round(n / r.duration), loketMs: Math.round((((l1 - l0) * TICK_MS) / n) * 1000) / 1000, pgMs: Math.round((((p1 - p0) * TICK_MS) / n) * 1000) / 1000 };
        if (r.non2xx + r.errors > 0) throw new Error(`${naam}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        const sleutel = `${naam} ${checkout}`;
        uitkomsten.set(sleutel, [...(uitkomsten.get(sleutel) ?? []), u]);
        console.log(`round ${ronde} ${sleutel}: ${u.rps} req/s, p50 ${u.p50} ms, p95 ${u.p95} ms, CPU/request Loket ${u.loketMs} ms, PostgreSQL ${u.pgMs} ms; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
      }
    } finally {
      await loket.stop();
    }
    const bestand = readdirSync(profielMap).find((f) => f.endsWith('.cpuprofile'));
    for (const [naam, venster] of bestand ? vensters : []) {
      const samenvatting = summariseProfile(join(profielMap, bestand ?? ''), checkout, venster, 30);
      console.log(`  profile ${naam} ${checkout} (self time):`);
      for (const p of samenvatting.packages.slice(0, 12)) console.log(`    ${String(p.percent).padStart(5)} %  ${p.name}`);
      for (const f of samenvatting.functions) console.log(`    ${String(f.percent).padStart(5)} %  ${f.name}`);
    }
  }
}
const mediaan = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log(`\nmedian over ${RONDES} rounds, ${VERBINDINGEN} connections:`);
for (const [sleutel, us] of uitkomsten) {
  console.log(`${sleutel}: ${mediaan(us.map((u) => u.rps))} req/s, p50 ${mediaan(us.map((u) => u.p50))} ms, p95 ${mediaan(us.map((u) => u.p95))} ms, CPU/request Loket ${mediaan(us.map((u) => u.loketMs))} ms, PostgreSQL ${mediaan(us.map((u) => u.pgMs))} ms`);
}
