// HTTP baseline: throughput and latency of Loket beside a bare Fastify hello-world, and start-up
// times. `npm run bench:http` (add `-- --skip-clone` to leave out the fresh-clone start, or
// `-- --profile` for a CPU profile of Loket under load instead). Servers run as child processes on
// 127.0.0.1; the load generator (autocannon) runs in this process. Method and results: BENCHMARKS.md.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Secret, TOTP } from 'otpauth';
import { Client } from 'pg';
import { DEMO_GEBRUIKERS } from '../../src/modules/demo/demo.data.ts';
import { measure, type LoadOptions, type Measurement } from './load.ts';
import { freePort, machineTicks, msUntil200, processTicks, startChild, statusOf, ticksOfCommand, ticksOfGroup, withOtherCpu, type Child } from './processes.ts';
import { summariseProfile } from './profile.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS_FILE = join(import.meta.dirname, 'results.json');
const LIST_PATH = '/api/v1/gemeenten/GM0384/gebruikers';
const STARTS = 5;
const TARGET_EXISTING_MS = 3_000;
const TARGET_CLONE_MS = 15_000;
const NODE_ARGS = ['--disable-warning=ExperimentalWarning'];
// Public routes (/health, the login) are rate limited per IP address; the bench is one address.
const RATE_LIMITS = { LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000' };

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

const load: LoadOptions = {
  connections: intFromEnv('BENCH_CONNECTIONS', 16),
  duration: intFromEnv('BENCH_DURATION', 10),
  warmup: intFromEnv('BENCH_WARMUP', 3),
};
const flags = new Set(process.argv.slice(2));
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-'));
const children: Child[] = [];
const cleanups: (() => Promise<void>)[] = [];

/**
 * The environment a new user would have: no Loket or npm settings of this shell, and not this
 * checkout's node_modules/.bin on PATH (npm puts it there for `npm run bench:http`).
 */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|LOKET_|DATABASE_URL$|PORT$|HOST$|PUBLIC_URL$|SMTP_URL$|INIT_CWD$|NODE$)/i.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.startsWith(ROOT)).join(delimiter);
  return { ...env, ...extra };
}

function spawnLoket(label: string, env: Record<string, string>, port: number, nodeArgs: string[] = []): Child {
  const child = startChild(process.execPath, [...NODE_ARGS, ...nodeArgs, 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: cleanEnv({ ...RATE_LIMITS, ...env, PORT: String(port) }),
    logFile: join(tmp, `${label}.log`),
  });
  children.push(child);
  return child;
}

interface Running {
  child: Child;
  base: string;
  /** Spawn to the first /health 200. */
  startMs: number;
  /** CPU share of other processes on the machine, and of the hypervisor (steal), during the start. */
  otherCpuPercent: number;
  stealPercent: number;
}

async function startLoket(label: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Running> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const spawned: { child?: Child } = {};
  const postgres = env.DATABASE_URL !== undefined;
  const { value: startMs, otherCpuPercent, stealPercent } = await withOtherCpu(
    async () => {
      spawned.child = spawnLoket(label, env, port, nodeArgs);
      return msUntil200(spawned.child, `${base}/health`, 120_000);
    },
    () => processTicks('self') + processTicks(spawned.child?.process.pid ?? 0) + (postgres ? ticksOfCommand('postgres') : 0),
  );
  return { child: spawned.child as Child, base, startMs, otherCpuPercent, stealPercent };
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-loket-sessie='));
  if (!cookie) throw new Error('no session cookie in the answer');
  return cookie.split(';')[0] as string;
}

/** The two-step login of the demo beheerder (password, then TOTP); returns the session cookie. */
async function logIn(base: string): Promise<string> {
  const beheerder = DEMO_GEBRUIKERS[0];
  if (!beheerder) throw new Error('no demo users');
  const json = { 'content-type': 'application/json' };
  const step1 = await fetch(`${base}/api/v1/sessie`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: beheerder.email, wachtwoord: beheerder.wachtwoord }),
  });
  if (step1.status !== 200) throw new Error(`login step 1: ${step1.status} ${await step1.text()}`);
  const { csrfToken } = (await step1.json()) as { csrfToken: string };
  const code = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(beheerder.totpGeheim) }).generate();
  const step2 = await fetch(`${base}/api/v1/sessie/totp`, {
    method: 'POST',
    headers: { ...json, cookie: sessionCookie(step1), 'x-csrf-token': csrfToken },
    body: JSON.stringify({ code }),
  });
  if (step2.status !== 200) throw new Error(`login step 2: ${step2.status} ${await step2.text()}`);
  return sessionCookie(step2);
}

interface LoketLoad {
  health: Measurement;
  list: Measurement;
  /** Staff in the list (the demo's users of GM0384) and items on the page. */
  listTotal: number;
  listItems: number;
}

/** CPU ticks of this process (the load generator) and of the given server processes. */
const ticksOf = (child: Child, alsoPostgres = false) => () =>
  processTicks('self') + processTicks(child.process.pid ?? 0) + (alsoPostgres ? ticksOfCommand('postgres') : 0);

async function loadLoket(database: string, loket: Running): Promise<LoketLoad> {
  const { base } = loket;
  const own = ticksOf(loket.child, database === 'PostgreSQL');
  const cookie = await logIn(base);
  const check = await fetch(`${base}${LIST_PATH}`, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`${LIST_PATH}: ${check.status} ${await check.text()}`);
  const page = (await check.json()) as { total: number; items: unknown[] };
  const health = await measure(`Loket (${database})`, base, '/health', {}, load, own);
  const list = await measure(`Loket (${database})`, base, LIST_PATH, { cookie }, load, own);
  return { health, list, listTotal: page.total, listItems: page.items.length };
}

/** Share of CPU time the whole machine spent idle over a short sample (other work skews results). */
async function idlePercent(sampleMs = 2_000): Promise<number> {
  const before = machineTicks();
  await new Promise((r) => setTimeout(r, sampleMs));
  const after = machineTicks();
  return Math.round(((after.idle - before.idle) / Math.max(1, after.total - before.total)) * 100);
}

/** The "ready in N ms" line Loket prints: time inside the serve command, after loading the code. */
function readyMs(child: Child): number | null {
  const match = /klaar in (\d+) ms/.exec(readFileSync(child.logFile, 'utf8'));
  return match ? Number(match[1]) : null;
}

const median = (values: number[]): number => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const ms = (value: number) => Math.round(value);

/** Start-up on an existing PGlite data dir, spawn to the first /health 200, several times. */
async function existingDataDirStarts(dataDir: string) {
  const runs: number[] = [];
  const serveReady: (number | null)[] = [];
  const otherCpu: number[] = [];
  const steal: number[] = [];
  for (let i = 1; i <= STARTS; i++) {
    const loket = await startLoket(`start-${i}`, { LOKET_DATA_DIR: dataDir });
    runs.push(ms(loket.startMs));
    serveReady.push(readyMs(loket.child));
    otherCpu.push(loket.otherCpuPercent);
    steal.push(loket.stealPercent);
    await loket.child.stop();
  }
  const result = {
    runsMs: runs,
    medianMs: ms(median(runs)),
    maxMs: Math.max(...runs),
    targetMs: TARGET_EXISTING_MS,
    serveReadyMs: serveReady,
    otherCpuPercent: otherCpu,
    stealPercent: steal,
  };
  return { ...result, met: result.maxMs <= TARGET_EXISTING_MS };
}

function isLoopback(url: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}

/** The admin connection when PostgreSQL answers on loopback, else the reason it is skipped. */
async function postgresAdmin(): Promise<{ client: Client; url: string; version: string } | { skipped: string }> {
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!isLoopback(url)) return { skipped: 'BENCH_DATABASE_URL is not on 127.0.0.1' };
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return { client, url, version: rows[0]?.server_version ?? 'unknown' };
  } catch (error) {
    await client.end().catch(() => undefined);
    return { skipped: `PostgreSQL does not answer (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** A fresh clone of the committed work, `npm ci` (timed apart), then `npm start` to the first page. */
async function freshCloneStart() {
  const dir = join(tmp, 'clone');
  await run('git', ['clone', '--quiet', ROOT, dir]);
  const commit = (await run('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'])).stdout.trim();
  const env = cleanEnv({});
  const ciStarted = performance.now();
  // If `npm ci` refuses (a lock file out of step with package.json), say so and install with
  // `npm install` so the start can still be timed; the result records which one ran.
  let install = 'npm ci';
  let npmCiError: string | null = null;
  try {
    await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    npmCiError = stderr.split('\n').find((line) => /^npm error \S/.test(line) && !line.startsWith('npm error code')) ?? stderr.split('\n')[0] ?? 'failed';
    install = 'npm install (npm ci failed)';
    await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
  }
  const installMs = ms(performance.now() - ciStarted);

  const first = await npmStart(dir, env, 'clone-start');
  const firstPageMs = first.homeMs ?? first.healthMs;
  // Then `npm start` again on the data dir the first start made: the existing-data-dir start as
  // a user runs it (npm, the staff-build check, then serve).
  const again = [];
  for (let i = 1; i <= STARTS; i++) again.push(await npmStart(dir, env, `clone-restart-${i}`));
  const againMs = again.map((r) => r.healthMs);
  return {
    commit,
    install,
    npmCiError,
    installMs,
    healthMs: first.healthMs,
    homeStatus: first.homeStatus,
    homeMs: first.homeMs,
    serveReadyMs: first.serveReadyMs,
    firstPage: first.homeMs === null ? '/health' : '/',
    firstPageMs,
    targetMs: TARGET_CLONE_MS,
    met: firstPageMs <= TARGET_CLONE_MS,
    otherCpuPercent: first.otherCpuPercent,
    stealPercent: first.stealPercent,
    npmStartExistingDataDir: {
      runsMs: againMs,
      medianMs: ms(median(againMs)),
      maxMs: Math.max(...againMs),
      targetMs: TARGET_EXISTING_MS,
      met: Math.max(...againMs) <= TARGET_EXISTING_MS,
      serveReadyMs: again.map((r) => r.serveReadyMs),
      otherCpuPercent: again.map((r) => r.otherCpuPercent),
      stealPercent: again.map((r) => r.stealPercent),
    },
  };
}

/** `npm start` in dir: milliseconds to the first /health 200 and to the first 200 of / (the resident home). */
async function npmStart(dir: string, env: NodeJS.ProcessEnv, label: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const spawned: { child?: Child } = {};
  const { value, otherCpuPercent, stealPercent } = await withOtherCpu(
    async () => {
      const child = startChild('npm', ['start'], { cwd: dir, env: { ...env, PORT: String(port) }, logFile: join(tmp, `${label}.log`), group: true });
      spawned.child = child;
      children.push(child);
      const healthMs = await msUntil200(child, `${base}/health`, 120_000);
      // The home page may answer later than /health, or (before the portal exists in the
      // committed work) not at all: then /health stands in for the first page.
      let homeStatus = await statusOf(`${base}/`);
      let homeMs = homeStatus === 200 ? performance.now() - child.spawnedAt : undefined;
      while (homeMs === undefined && performance.now() - child.spawnedAt - healthMs < 3_000) {
        await new Promise((r) => setTimeout(r, 10));
        homeStatus = await statusOf(`${base}/`);
        if (homeStatus === 200) homeMs = performance.now() - child.spawnedAt;
      }
      return { healthMs, homeStatus, homeMs };
    },
    () => processTicks('self') + ticksOfGroup(spawned.child?.process.pid ?? -1),
  );
  const child = spawned.child as Child;
  await child.stop();
  return {
    healthMs: ms(value.healthMs),
    homeStatus: value.homeStatus,
    homeMs: value.homeMs === undefined ? null : ms(value.homeMs),
    serveReadyMs: readyMs(child),
    otherCpuPercent,
    stealPercent,
  };
}

async function machine(postgresVersion: string | undefined) {
  const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const pglite = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  const head = (await run('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'])).stdout.trim();
  const dirty = (await run('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no'])).stdout.trim() !== '';
  return {
    cpus: os.availableParallelism(),
    cpuModel,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    pglite: pglite.version,
    postgres: postgresVersion ?? null,
    commit: dirty ? `${head} with uncommitted changes` : head,
  };
}

function table(rows: { m: Measurement; hello: Measurement }[]): string {
  const lines = [
    '| Server | Request | req/s | p50 ms | p90 ms | p99 ms | req/s vs hello-world | p99 vs hello-world | failed | other CPU | steal |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { m, hello } of rows) {
    const ratio = m === hello ? '1' : (m.requestsPerSecond / hello.requestsPerSecond).toFixed(3);
    const p99 = m === hello ? '1' : `${(m.latencyMs.p99 / hello.latencyMs.p99).toFixed(1)}×`;
    lines.push(
      `| ${m.name} | GET ${m.path} | ${m.requestsPerSecond} | ${m.latencyMs.p50} | ${m.latencyMs.p90} | ${m.latencyMs.p99} | ${ratio} | ${p99} | ${m.failures} | ${m.otherCpuPercent} % | ${m.stealPercent} % |`,
    );
  }
  return lines.join('\n');
}

async function benchmark(): Promise<void> {
  const started = performance.now();
  const admin = await postgresAdmin();
  const info = await machine('version' in admin ? admin.version : undefined);
  const quiet = { idlePercentBefore: await idlePercent(), loadAverageBefore: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 };
  console.log(`Machine: ${info.cpus} × ${info.cpuModel}, ${info.memoryGiB} GiB, Node ${info.node}, PGlite ${info.pglite}, PostgreSQL ${info.postgres ?? '(not reachable)'}`);
  console.log(`Idle before the run: ${quiet.idlePercentBefore} % (load average ${quiet.loadAverageBefore})`);
  if (quiet.idlePercentBefore < 90) console.log('WARNING: the machine is busy with other work; these numbers will be low and noisy.');
  console.log(`Load: ${load.connections} connections, ${load.warmup} s warm-up + ${load.duration} s per request\n`);

  const helloPort = await freePort();
  const hello = startChild(process.execPath, [join(import.meta.dirname, 'hello-world.ts')], {
    cwd: ROOT,
    env: cleanEnv({ PORT: String(helloPort) }),
    logFile: join(tmp, 'hello-world.log'),
  });
  children.push(hello);
  await msUntil200(hello, `http://127.0.0.1:${helloPort}/`, 30_000);
  console.log('hello-world …');
  const helloResult = await measure('Fastify hello-world', `http://127.0.0.1:${helloPort}`, '/', {}, load, ticksOf(hello));

  const dataDir = join(tmp, 'data');
  console.log('Loket on PGlite: first start on an empty data dir …');
  const pglite = await startLoket('pglite', { LOKET_DATA_DIR: dataDir });
  console.log(`  first start (migrations + demo data): ${ms(pglite.startMs)} ms; load …`);
  const pgliteLoad = await loadLoket('PGlite', pglite);
  await pglite.child.stop();

  console.log(`Start-up on the existing data dir, ${STARTS} times …`);
  const existing = await existingDataDirStarts(dataDir);

  let postgres: { firstStart: { ms: number; otherCpuPercent: number; stealPercent: number }; load: LoketLoad } | { skipped: string };
  if ('skipped' in admin) {
    postgres = admin;
    console.log(`PostgreSQL skipped: ${admin.skipped}`);
  } else {
    const name = `loket_bench_${process.pid}_${Date.now()}`;
    await admin.client.query(`create database "${name}"`);
    cleanups.push(async () => {
      await admin.client.query(`drop database if exists "${name}" with (force)`);
      await admin.client.end();
    });
    const url = new URL(admin.url);
    url.pathname = `/${name}`;
    console.log('Loket on PostgreSQL (fresh database, LOKET_DEMO=true) …');
    const loket = await startLoket('postgres', { DATABASE_URL: url.toString(), LOKET_DEMO: 'true' });
    const firstStart = { ms: ms(loket.startMs), otherCpuPercent: loket.otherCpuPercent, stealPercent: loket.stealPercent };
    postgres = { firstStart, load: await loadLoket('PostgreSQL', loket) };
    await loket.child.stop();
  }

  let clone: Awaited<ReturnType<typeof freshCloneStart>> | { skipped: string } | { failed: string };
  if (flags.has('--skip-clone')) clone = { skipped: '--skip-clone' };
  else {
    console.log('Fresh clone: git clone, npm ci, npm start …');
    try {
      clone = await freshCloneStart();
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).replaceAll(tmp, '<tmp>');
      console.log(message);
      const lines = message.split('\n');
      clone = { failed: [lines[0], lines.find((line) => /Error\b|ERR_|npm error/.test(line))].filter(Boolean).join(' — ') };
    }
  }
  await hello.stop();

  const rows = [{ m: helloResult, hello: helloResult }, { m: pgliteLoad.health, hello: helloResult }, { m: pgliteLoad.list, hello: helloResult }];
  if ('load' in postgres) rows.push({ m: postgres.load.health, hello: helloResult }, { m: postgres.load.list, hello: helloResult });
  const ratio = (m: { requestsPerSecond: number }) => Math.round((m.requestsPerSecond / helloResult.requestsPerSecond) * 1000) / 1000;

  const results = {
    date: new Date().toISOString(),
    machine: { ...info, ...quiet, loadAverageAfter: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 },
    settings: { ...load, tool: 'autocannon 9.0.0', logLevel: 'info (Loket default; logs to a file)', ...RATE_LIMITS },
    data: { listPath: LIST_PATH, listTotal: pgliteLoad.listTotal, listItemsPerPage: pgliteLoad.listItems, listBytesPerResponse: pgliteLoad.list.bytesPerResponse },
    load: rows.map(({ m: { windowUs: _window, ...m } }) => ({ ...m, ratioToHelloWorld: ratio(m) })),
    startup: {
      pgliteEmptyDataDir: { ms: ms(pglite.startMs), otherCpuPercent: pglite.otherCpuPercent, stealPercent: pglite.stealPercent },
      pgliteExistingDataDir: existing,
      postgresEmptyDatabase: 'firstStart' in postgres ? postgres.firstStart : null,
      freshClone: clone,
    },
    postgres: 'skipped' in postgres ? { skipped: postgres.skipped } : { database: 'fresh, dropped afterwards' },
    wallClockSeconds: Math.round((performance.now() - started) / 1000),
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);

  console.log(`\n${table(rows)}\n`);
  console.log(`List: ${pgliteLoad.listItems} of ${pgliteLoad.listTotal} staff per page, ${pgliteLoad.list.bytesPerResponse} bytes per response (with headers).`);
  console.log(`Start-up, existing data dir → /health 200: ${existing.runsMs.join(', ')} ms; median ${existing.medianMs}, max ${existing.maxMs} (target ≤ ${TARGET_EXISTING_MS}: ${existing.met ? 'met' : 'MISSED'})`);
  console.log(`  of which inside the serve command (open + migrate + demo check + listen, Loket's "klaar in"): ${existing.serveReadyMs.join(', ')} ms`);
  console.log(`  other processes' CPU share meanwhile: ${existing.otherCpuPercent.join(', ')} %; steal: ${existing.stealPercent.join(', ')} %`);
  console.log(`Start-up, empty data dir (PGlite, migrations + demo data) → /health 200: ${ms(pglite.startMs)} ms (other CPU ${pglite.otherCpuPercent} %, steal ${pglite.stealPercent} %)`);
  if ('firstStart' in postgres) {
    console.log(`Start-up, empty PostgreSQL database (migrations + demo data) → /health 200: ${postgres.firstStart.ms} ms (other CPU ${postgres.firstStart.otherCpuPercent} %, steal ${postgres.firstStart.stealPercent} %)`);
  }
  if ('skipped' in clone) console.log(`Fresh clone skipped (${clone.skipped})`);
  else if ('failed' in clone) console.log(`Fresh clone: npm start FAILED (${clone.failed}); target ≤ ${TARGET_CLONE_MS} ms not measured`);
  else {
    console.log(
      `Fresh clone ${clone.commit}: ${clone.install} ${clone.installMs} ms (not counted)${clone.npmCiError ? ` [${clone.npmCiError}]` : ''}; npm start → /health 200 ${clone.healthMs} ms, → / ${clone.homeMs === null ? `not 200 (status ${clone.homeStatus})` : `200 ${clone.homeMs} ms`}; first page (${clone.firstPage}) ${clone.firstPageMs} ms (target ≤ ${TARGET_CLONE_MS}: ${clone.met ? 'met' : 'MISSED'}; serve's "klaar in" ${clone.serveReadyMs} ms; other CPU ${clone.otherCpuPercent} %, steal ${clone.stealPercent} %)`,
    );
    const again = clone.npmStartExistingDataDir;
    console.log(
      `  npm start again on its data dir → /health 200: ${again.runsMs.join(', ')} ms; median ${again.medianMs}, max ${again.maxMs} (target ≤ ${TARGET_EXISTING_MS}: ${again.met ? 'met' : 'MISSED'}; other CPU ${again.otherCpuPercent.join(', ')} %; steal ${again.stealPercent.join(', ')} %)`,
    );
  }
  const failed = rows.filter(({ m }) => m.failures > 0);
  if (failed.length > 0) console.log(`\nWARNING: failed requests in ${failed.map(({ m }) => `${m.name} ${m.path}`).join(', ')}: those numbers are not valid.`);
  console.log(`\nWritten to bench/http-baseline/results.json (${results.wallClockSeconds} s in all).`);
}

/** CPU profiles of Loket (PGlite) under load: the authenticated list, then /health. */
async function profile(): Promise<void> {
  const dataDir = join(tmp, 'data');
  const profiles = join(tmp, 'profiles');
  for (const [label, path] of [['list', LIST_PATH], ['health', '/health']] as const) {
    const dir = join(profiles, label);
    mkdirSync(dir, { recursive: true });
    const loket = await startLoket(`profile-${label}`, { LOKET_DATA_DIR: dataDir }, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const headers: Record<string, string> = path === LIST_PATH ? { cookie: await logIn(loket.base) } : {};
    const m = await measure('Loket (PGlite, profiled)', loket.base, path, headers, load, ticksOf(loket.child));
    await loket.child.stop();
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no .cpuprofile written');
    const summary = summariseProfile(join(dir, file), ROOT, m.windowUs);
    console.log(`\n== GET ${path}: ${m.requestsPerSecond} req/s under the profiler; self time in ${summary.samples} samples of the measured ${m.seconds} s:`);
    console.log('  by package or folder:');
    for (const line of summary.packages) console.log(`    ${line.percent.toFixed(1).padStart(5)} %  ${line.name}`);
    console.log('  by function:');
    for (const line of summary.functions) console.log(`    ${line.percent.toFixed(1).padStart(5)} %  ${line.name}`);
  }
}

try {
  await (flags.has('--profile') ? profile() : benchmark());
} finally {
  for (const child of children) await child.stop();
  for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  rmSync(tmp, { recursive: true, force: true });
}
