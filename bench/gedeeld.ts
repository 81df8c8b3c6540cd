// What several benchmarks share: their PostgreSQL database, the demo data loaded through the
// app's own services, a demo user logged in over HTTP as the staff app does, and percentiles.
import autocannon from 'autocannon';
import { Secret, TOTP } from 'otpauth';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { processTicks, withOtherCpu } from './http-baseline/processes.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openSignalen } from '../src/db/signalen.ts';
import { systeemklok } from '../src/klok.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import { loketServices, type LoketServices } from '../src/server.ts';
import { genereer, type Generatie } from './zaken-queue/genereer.ts';

/**
 * Migrates the database at `databaseUrl` and loads the demo data through the services (no mail
 * is sent); `daarna` may add more with the same services before the database is closed.
 */
export async function laadDemo(databaseUrl: string, daarna?: (services: LoketServices, database: Database) => Promise<void>): Promise<void> {
  const database = await openDatabase({ databaseUrl });
  try {
    await migrateToLatest(database.db as never);
    const signalen = await openSignalen(database, console);
    try {
      const services = loketServices({ database, klok: systeemklok, berichten: { verstuur: async () => undefined }, signalen, publicUrl: 'http://127.0.0.1' });
      await services.demo.laad(cliContext());
      await daarna?.(services, database);
    } finally {
      await signalen.close();
    }
  } finally {
    await database.close();
  }
}

function sessieCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-loket-sessie='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] as string;
}

/** Logs a demo user in as the staff app does (password, then TOTP): the session cookie and the CSRF token for changes. */
export async function logInDemo(base: string, email: string): Promise<{ cookie: string; csrfToken: string }> {
  const g = DEMO_GEBRUIKERS.find((d) => d.email === email);
  if (!g) throw new Error(`no demo user ${email}`);
  const json = { 'content-type': 'application/json' };
  const stap1 = await fetch(`${base}/api/v1/sessie`, { method: 'POST', headers: json, body: JSON.stringify({ email, wachtwoord: g.wachtwoord }) });
  if (stap1.status !== 200) throw new Error(`login: ${stap1.status} ${await stap1.text()}`);
  const { csrfToken } = (await stap1.json()) as { csrfToken: string };
  const code = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(g.totpGeheim) }).generate();
  const stap2 = await fetch(`${base}/api/v1/sessie/totp`, { method: 'POST', headers: { ...json, cookie: sessieCookie(stap1), 'x-csrf-token': csrfToken }, body: JSON.stringify({ code }) });
  if (stap2.status !== 200) throw new Error(`login step 2: ${stap2.status} ${await stap2.text()}`);
  const sessie = (await stap2.json()) as { csrfToken: string };
  return { cookie: sessieCookie(stap2), csrfToken: sessie.csrfToken };
}

/** The PostgreSQL the benchmarks use (BENCH_DATABASE_URL; loopback only), and on it the address of database `naam`. */
export function benchDatabase(naam = 'postgres'): { adminUrl: string; benchUrl: string } {
  const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(adminUrl).hostname)) throw new Error('BENCH_DATABASE_URL must be on loopback');
  return { adminUrl, benchUrl: Object.assign(new URL(adminUrl), { pathname: `/${naam}` }).toString() };
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** The machine a run was made on, as every benchmark prints and stores it. */
export interface Machine {
  cpus: number;
  cpu: string;
  node: string;
  postgres: string;
  loadAverage: number[];
}

/**
 * Connects to the PostgreSQL of `adminUrl`, prints the machine (with the load average at the
 * start) and makes database `naam` afresh (dropped first when it is there).
 */
export async function verseDatabase(adminUrl: string, naam: string, log: (regel: string) => void): Promise<{ admin: Client; machine: Machine }> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const postgres = (await admin.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?';
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  const machine = { cpus: os.availableParallelism(), cpu, node: process.version, postgres, loadAverage: os.loadavg().map((x) => round2(x)) };
  log(`Machine: ${machine.cpus} × ${cpu}, Node ${machine.node}, PostgreSQL ${postgres}; load average ${machine.loadAverage.join(' ')}`);
  await admin.query(`drop database if exists ${naam} with (force)`);
  await admin.query(`create database ${naam}`);
  return { admin, machine };
}

/** The nearest-rank percentile p of sorted values (NaN when there are none). */
export function percentiel(gesorteerd: ArrayLike<number>, p: number): number {
  if (gesorteerd.length === 0) return Number.NaN;
  return gesorteerd[Math.min(gesorteerd.length - 1, Math.max(0, Math.ceil((p / 100) * gesorteerd.length) - 1))] as number;
}

/**
 * Database `naam` made anew on the bench server: migrated, the demo data through the app, then
 * `aantal` zaken set-based (bench/zaken-queue/genereer.ts) of which `openAandeel` are open
 * (`tijdlijnen: false`: without residents and timelines).
 */
export async function maakZakenDatabase(naam: string, aantal: number, openAandeel: number, log: (regel: string) => void, opties: { tijdlijnen?: boolean } = {}): Promise<Generatie> {
  const { adminUrl, benchUrl } = benchDatabase(naam);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${naam} with (force)`);
  await admin.query(`create database ${naam}`);
  await admin.end();
  await laadDemo(benchUrl);
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  try {
    return await genereer(client, aantal, openAandeel, log, opties);
  } finally {
    await client.end();
  }
}

/** A small deterministic generator (mulberry32), so every run generates the same data. */
export function willekeur(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Puts `tekst` between the markers `<!-- bench:<naam>:start -->` and `…:end -->` of BENCHMARKS.md (nothing when they are missing). */
export function schrijfInBenchmarks(naam: string, tekst: string): void {
  const md = join(import.meta.dirname, '..', 'BENCHMARKS.md');
  const huidig = readFileSync(md, 'utf8');
  const start = `<!-- bench:${naam}:start -->`;
  const einde = `<!-- bench:${naam}:end -->`;
  if (huidig.includes(start) && huidig.includes(einde)) writeFileSync(md, `${huidig.slice(0, huidig.indexOf(start) + start.length)}\n${tekst}\n${huidig.slice(huidig.indexOf(einde))}`);
}

/**
 * GETs `pad` as a logged-in user (`cookie`) at `verbindingen` connections for `tijd.duur` seconds
 * after `tijd.warmup` seconds of warm-up: the rate, the percentiles of the 200 answers, the failures.
 */
export async function meetGet(base: string, pad: string, verbindingen: number, cookie: string, tijd: { duur: number; warmup: number }) {
  const opties = { url: `${base}${pad}`, connections: verbindingen, headers: { accept: 'application/json', cookie }, timeout: 60 };
  if (tijd.warmup > 0) await autocannon({ ...opties, duration: tijd.warmup });
  const tijden: number[] = [];
  const run = autocannon({ ...opties, duration: tijd.duur });
  run.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    if (status === 200) tijden.push(ms);
  });
  const r = await run;
  const s = tijden.toSorted((a, b) => a - b);
  return { reqPerS: round2(r.requests.total / r.duration), p50: round2(percentiel(s, 50)), p95: round2(percentiel(s, 95)), p99: round2(percentiel(s, 99)), antwoorden: s.length, mislukt: r.non2xx + r.errors + r.timeouts };
}

/**
 * One autocannon run of `duur` seconds: the latencies of its 2xx answers (sorted, for percentiel),
 * the run's result, and how much CPU other processes used meanwhile (`eigen` counts this bench's own
 * ticks: itself, the server, PostgreSQL).
 */
export async function meetTweehonderd(opties: Parameters<typeof autocannon>[0], duur: number, eigen: () => number) {
  const tijden: number[] = [];
  const { value: r, otherCpuPercent, stealPercent } = await withOtherCpu(async () => {
    const a = autocannon({ ...opties, duration: duur });
    a.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
      if (status >= 200 && status < 300) tijden.push(ms);
    });
    return await a;
  }, eigen);
  return { r, gesorteerd: Float64Array.from(tijden).toSorted(), ok: tijden.length, otherCpuPercent, stealPercent };
}

/** Linux counts a process's CPU time in clock ticks of 1/100 s (USER_HZ). */
const MS_PER_TICK = 10;

/**
 * The statements a Loket server started with `--import ./bench/statement-teller.ts` has sent so
 * far: it is asked with SIGUSR2 and writes the count to `bestand` (its BENCH_STATEMENTS_BESTAND).
 */
export async function statementsVan(pid: number, bestand: string): Promise<number> {
  rmSync(bestand, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 500; i++) {
    if (existsSync(bestand)) return Number(readFileSync(bestand, 'utf8'));
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the server wrote no statement count (started with --import ./bench/statement-teller.ts?)');
}

export interface Verbruik {
  /** CPU ms of the Loket server process per request. */
  serverMs: number;
  /** CPU ms of the PostgreSQL backends serving the bench database per request (not the WAL writer, checkpointer, other databases). */
  postgresMs: number;
  /** Statements the server sent per request (background jobs of the server included). */
  statements: number;
}

/**
 * What one phase of a benchmark cost per request, counted per process, so it does not depend on
 * how busy the machine is: CPU time of the Loket server (`pid`) and of the PostgreSQL backends of
 * database `datname` (found through `client`, whose own backend is left out), and the statements
 * the server sent (`statementsVan`). `const s = await stand(); …; await sinds(s, requests)`.
 */
export function verbruikMeter(o: { client: Client; datname: string; pid: number; statementsBestand: string }) {
  const backends = async (): Promise<Map<number, number>> => {
    const { rows } = await o.client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [o.datname]);
    return new Map(rows.map((r) => [r.pid, processTicks(r.pid)]));
  };
  const stand = async () => ({ server: processTicks(o.pid), postgres: await backends(), statements: await statementsVan(o.pid, o.statementsBestand) });
  return {
    stand,
    async sinds(voor: Awaited<ReturnType<typeof stand>>, verzoeken: number): Promise<Verbruik> {
      const na = await stand();
      // A backend that started during the phase counts from zero; one that ended is missed (the pool keeps its connections).
      let postgres = 0;
      for (const [pid, ticks] of na.postgres) postgres += ticks - (voor.postgres.get(pid) ?? 0);
      const per = (x: number) => (verzoeken > 0 ? round2(x / verzoeken) : Number.NaN);
      return { serverMs: per((na.server - voor.server) * MS_PER_TICK), postgresMs: per(postgres * MS_PER_TICK), statements: per(na.statements - voor.statements) };
    },
  };
}

/**
 * A GET at `verbindingen` connections as the KPI benches measure it: the warm-up apart, so the CPU
 * and statements per request (`meter`) count only the measured requests. Logs one line.
 */
export async function meetMetVerbruik(
  o: { base: string; pad: string; verbindingen: number; cookie: string; meter: ReturnType<typeof verbruikMeter>; tijd: { duur: number; warmup: number } },
  label: string,
  log: (regel: string) => void,
) {
  if (o.tijd.warmup > 0) await meetGet(o.base, o.pad, o.verbindingen, o.cookie, { duur: o.tijd.warmup, warmup: 0 });
  const voor = await o.meter.stand();
  const m = await meetGet(o.base, o.pad, o.verbindingen, o.cookie, { duur: o.tijd.duur, warmup: 0 });
  const verbruik = await o.meter.sinds(voor, m.antwoorden + m.mislukt);
  log(`  ${label} × ${o.verbindingen}: ${m.reqPerS} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, failed ${m.mislukt}; per request: server ${verbruik.serverMs} ms CPU, PostgreSQL ${verbruik.postgresMs} ms CPU, ${verbruik.statements} statements`);
  return { ...m, verbruik };
}

/**
 * The environment of a Loket server a benchmark starts (`loket serve` as shipped): no demo, limits
 * out of the way, background jobs off, and the file it writes its statement count to.
 */
export function benchServerEnv(o: { databaseUrl: string; port: number; publicUrl: string; statementsBestand: string }): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'UTC',
    DATABASE_URL: o.databaseUrl,
    LOKET_DEMO: 'false',
    PORT: String(o.port),
    PUBLIC_URL: o.publicUrl,
    LOKET_RATE_LIMIT: '1000000',
    LOKET_RATE_LIMIT_AANMELDEN: '1000000',
    LOKET_TERMIJNBEWAKING_MINUTEN: '0',
    LOKET_OPRUIMEN_UREN: '0',
    LOKET_HERINNERING_MINUTEN: '0',
    LOKET_KPI_ROLLUP_MINUTEN: '0',
    BENCH_STATEMENTS_BESTAND: o.statementsBestand,
  };
}
