// A/B comparison of the form step page (issue 14): starts Loket from each given checkout in turn
// on a copy of one fresh database with the demo data and one draft (same machine state; a copy per
// checkout, without the migrations that checkout does not know), measures the step page of that
// draft at 16 connections, and repeats the rounds so that a busy machine hits every checkout
// alike. Besides latency and pages/s it reports CPU time per page of the Loket process and of the
// PostgreSQL backends of the database, and the statements per page (bench/statement-teller.ts):
// far less sensitive to other load than latency.
//   node bench/formulieren/vergelijk.ts <checkout> [<checkout> …]   (BENCH_DATABASE_URL, BENCH_ROUNDS,
//   BENCH_DURATION, BENCH_CONNECTIONS; BENCH_PROFILE=1 adds a CPU profile of Loket per measurement, self time)
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { benchDatabase, benchServerEnv, laadDemo, percentiel, round2, statementsVan } from '../gedeeld.ts';
import { freePort, msUntil200, processTicks, startChild } from '../http-baseline/processes.ts';
import { summariseProfile } from '../http-baseline/profile.ts';

const checkouts = process.argv.slice(2).map((p) => resolve(p));
if (checkouts.length === 0) throw new Error('usage: vergelijk.ts <checkout> [<checkout> …]');
const RONDES = Number(process.env.BENCH_ROUNDS ?? 3);
const DUUR = Number(process.env.BENCH_DURATION ?? 8);
const VERBINDINGEN = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DATABASE = 'loket_bench_formulieren_ab';
const TICK_MS = 10;
const ROOT = resolve(import.meta.dirname, '../..');
const { adminUrl, benchUrl } = benchDatabase(DATABASE);
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-formulieren-ab-'));
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const admin = new Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${DATABASE} with (force)`);
await admin.query(`create database ${DATABASE}`);
await laadDemo(benchUrl);

/** CPU ticks of the PostgreSQL backends of a database (the pool keeps its connections). */
async function pgTicks(database: string): Promise<number> {
  const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
  return rows.reduce((som, r) => som + processTicks(r.pid), 0);
}

const urlVan = (database: string) => Object.assign(new URL(benchUrl), { pathname: `/${database}` }).toString();

function start(checkout: string, database: string, profielMap?: string) {
  return async () => {
    const port = await freePort();
    const adres = `http://127.0.0.1:${port}`;
    const statementsBestand = join(tmp, `statements-${port}`);
    const env = benchServerEnv({ databaseUrl: urlVan(database), port, publicUrl: adres, statementsBestand });
    const profiel = profielMap ? ['--cpu-prof', `--cpu-prof-dir=${profielMap}`] : [];
    const teller = join(ROOT, 'bench/statement-teller.ts');
    const loket = startChild(process.execPath, ['--disable-warning=ExperimentalWarning', ...profiel, '--import', teller, 'src/cli/main.ts', 'serve'], { cwd: checkout, env, logFile: join(tmp, 'loket.log') });
    await msUntil200(loket, `${adres}/health`, 60_000);
    return { loket, adres, pid: loket.process.pid ?? 0, statements: () => statementsVan(loket.process.pid ?? 0, statementsBestand) };
  };
}

// One draft of the demo form "vraag" with step 1 answered, made through this checkout.
const eerste = await start(ROOT, DATABASE)();
let stap1 = '';
try {
  const res = await fetch(`${eerste.adres}/diemen/formulieren/vraag`, { method: 'POST', headers: FORM, body: '', redirect: 'manual' });
  stap1 = res.headers.get('location') ?? '';
  if (res.status !== 303) throw new Error(`begin: ${res.status}`);
  const stuur = await fetch(`${eerste.adres}${stap1}`, { method: 'POST', headers: FORM, body: new URLSearchParams({ onderwerp: 'Afvalpas', vraag: 'Waar haal ik een nieuwe afvalpas?' }).toString(), redirect: 'manual' });
  if (stuur.status !== 303) throw new Error(`stap 1: ${stuur.status}`);
} finally {
  await eerste.loket.stop();
}

// A copy per checkout, without the migrations it does not know (it refuses to start otherwise).
const kopieen = new Map<string, string>();
for (const [i, checkout] of checkouts.entries()) {
  const kopie = `${DATABASE}_${i}`;
  await admin.query(`drop database if exists ${kopie} with (force)`);
  await admin.query(`create database ${kopie} template ${DATABASE}`);
  const k = new Client({ connectionString: urlVan(kopie) });
  await k.connect();
  const { rows } = await k.query<{ name: string }>('select name from loket_migratie');
  const onbekend = rows.map((r) => r.name).filter((naam) => !existsSync(join(checkout, 'src/db/migrations', `${naam}.ts`)));
  if (onbekend.length) await k.query('delete from loket_migratie where name = any($1::text[])', [onbekend]);
  await k.end();
  kopieen.set(checkout, kopie);
}
const client = new Client({ connectionString: adminUrl });
await client.connect();

interface Uitkomst {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  loketMs: number;
  pgMs: number;
  statements: number;
}
const uitkomsten = new Map<string, Uitkomst[]>();
for (let ronde = 1; ronde <= RONDES; ronde++) {
  for (const checkout of checkouts) {
    const profielMap = process.env.BENCH_PROFILE ? mkdtempSync(join(tmp, 'profiel-')) : undefined;
    const database = kopieen.get(checkout) as string;
    const s = await start(checkout, database, profielMap)();
    let venster: [number, number] = [0, 0];
    try {
      const opties = { url: `${s.adres}${stap1}`, connections: VERBINDINGEN, timeout: 60 };
      await autocannon({ ...opties, duration: 2 });
      const tijden: number[] = [];
      const [l0, p0, st0] = [processTicks(s.pid), await pgTicks(database), await s.statements()];
      const vanUs = Number(process.hrtime.bigint() / 1000n);
      const run = autocannon({ ...opties, duration: DUUR });
      run.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
        if (status === 200) tijden.push(ms);
      });
      const r = await run;
      venster = [vanUs, Number(process.hrtime.bigint() / 1000n)];
      const [l1, p1, st1] = [processTicks(s.pid), await pgTicks(database), await s.statements()];
      if (r.non2xx + r.errors + r.timeouts > 0) throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
      const gesorteerd = tijden.toSorted((a, b) => a - b);
      const n = r.requests.total;
      const u: Uitkomst = {
        rps: Math.round(n / r.duration),
        p50: round2(percentiel(gesorteerd, 50)),
        p95: round2(percentiel(gesorteerd, 95)),
        p99: round2(percentiel(gesorteerd, 99)),
        loketMs: Math.round((((l1 - l0) * TICK_MS) / n) * 1000) / 1000,
        pgMs: Math.round((((p1 - p0) * TICK_MS) / n) * 1000) / 1000,
        statements: round2((st1 - st0) / n),
      };
      uitkomsten.set(checkout, [...(uitkomsten.get(checkout) ?? []), u]);
      console.log(
        `round ${ronde} ${checkout}: ${u.rps} pages/s, p50 ${u.p50} ms, p95 ${u.p95} ms, p99 ${u.p99} ms, CPU/page Loket ${u.loketMs} ms, PostgreSQL ${u.pgMs} ms, ${u.statements} statements; load ${os
          .loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')}`,
      );
    } finally {
      await s.loket.stop();
    }
    const bestand = profielMap ? readdirSync(profielMap).find((f) => f.endsWith('.cpuprofile')) : undefined;
    if (profielMap && bestand) {
      const samenvatting = summariseProfile(join(profielMap, bestand), checkout, venster, 40);
      console.log(`  profile ${checkout} (self time, ${samenvatting.samples} samples):`);
      for (const p of samenvatting.packages.slice(0, 15)) console.log(`    ${String(p.percent).padStart(5)} %  ${p.name}`);
      for (const f of samenvatting.functions) console.log(`    ${String(f.percent).padStart(5)} %  ${f.name}`);
    }
  }
}
await client.end();
for (const database of [DATABASE, ...kopieen.values()]) await admin.query(`drop database if exists ${database} with (force)`);
await admin.end();
const mediaan = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log(`\nmedian over ${RONDES} rounds, ${VERBINDINGEN} connections, ${DUUR} s each:`);
for (const [checkout, us] of uitkomsten) {
  const m = (k: keyof Uitkomst) => mediaan(us.map((u) => u[k]));
  console.log(`${checkout}: ${m('rps')} pages/s, p50 ${m('p50')} ms, p95 ${m('p95')} ms, p99 ${m('p99')} ms, CPU/page Loket ${m('loketMs')} ms, PostgreSQL ${m('pgMs')} ms, ${m('statements')} statements`);
}
