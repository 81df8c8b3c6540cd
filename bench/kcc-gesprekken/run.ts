// Call-record import benchmark (`npm run bench:kcc`): issue 11 asks for 1 million call records
// imported in under 60 s. This script
//  1. writes a CSV of 1,000,000 generated call records (half the times with an offset, half in
//     Dutch time without one; five queues; fixed seed) to a temporary folder;
//  2. on PostgreSQL (a fresh database loket_bench_kcc) runs `loket kcc gesprekken import` as a
//     user does, from the shell: first import (all new), then the same file again (all alBekend);
//  3. in-process: reading the CSV alone; storing the same records with other batch sizes and
//     with a VALUES list instead of unnest (BENCH_VERGELIJK rows each, default 250,000); and the
//     whole import in-process, with the CPU seconds of Node and of the PostgreSQL backends, so
//     the wall time on a busy machine can be told from the work;
//  4. the measures over the 1M records, live (no rollups): a month and a year, 10 times each;
//  5. the first import again on PGlite in a temporary data directory (skip with --zonder-pglite).
// Results: results.json beside this file; BENCHMARKS.md is written by hand from them. Loopback only.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { Client } from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systeemklok } from '../../src/klok.ts';
import { auditRepository } from '../../src/modules/audit/audit.repository.ts';
import { auditService, cliContext } from '../../src/modules/audit/audit.service.ts';
import { DEMO_GEMEENTEN } from '../../src/modules/demo/demo.data.ts';
import { gemeentenRepository } from '../../src/modules/gemeenten/gemeenten.repository.ts';
import { leesGesprekken, type Gesprek } from '../../src/modules/kcc/kcc.gesprekken.csv.ts';
import { kccGesprekkenMaten } from '../../src/modules/kcc/kcc.gesprekken.maten.ts';
import { kccGesprekkenRepository, PARTIJ } from '../../src/modules/kcc/kcc.gesprekken.repository.ts';
import { kccGesprekkenService } from '../../src/modules/kcc/kcc.gesprekken.service.ts';
import { benchDatabase, willekeur } from '../gedeeld.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const AANTAL = Number(process.env.BENCH_AANTAL ?? 1_000_000);
const VERGELIJK = Number(process.env.BENCH_VERGELIJK ?? 250_000);
const DATABASE = 'loket_bench_kcc';
const { adminUrl, benchUrl } = benchDatabase(DATABASE);
const vlaggen = new Set(process.argv.slice(2));

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const log = (tekst: string) => process.stderr.write(`${tekst}\n`);

const pad = (n: number, l = 2) => String(n).padStart(l, '0');
const WACHTRIJEN = ['Algemeen', 'Burgerzaken', 'Belastingen', 'Wmo en jeugd', 'Afval en buitenruimte'];

/** The CSV: calls on working hours of 2025–2026 (08:00–17:59, after-hours calls 18:00–21:59, so never in the hour the clocks skip). */
function maakCsv(pad_: string): void {
  const r = willekeur(11);
  const regels = ['gesprek_id,wachtrij,begin,wachttijd_s,afloop,gespreksduur_s,doorverbonden_naar'];
  for (let i = 0; i < AANTAL; i++) {
    const dag = new Date(Date.UTC(2025, 0, 1) + Math.floor(r() * 730) * 86_400_000);
    const kans = r();
    const afloop = kans < 0.8 ? 'beantwoord' : kans < 0.95 ? 'opgehangen' : 'buiten-openingstijd';
    const uur = afloop === 'buiten-openingstijd' ? 18 + Math.floor(r() * 4) : 8 + Math.floor(r() * 10);
    const lokaal = `${dag.getUTCFullYear()}-${pad(dag.getUTCMonth() + 1)}-${pad(dag.getUTCDate())}`;
    const tijd = `${pad(uur)}:${pad(Math.floor(r() * 60))}:${pad(Math.floor(r() * 60))}`;
    // Half in Dutch time without an offset (read as Europe/Amsterdam), half with an explicit one.
    const zomer = dag.getUTCMonth() >= 3 && dag.getUTCMonth() <= 8;
    const begin = i % 2 === 0 ? `${lokaal} ${tijd}` : `${lokaal}T${tijd}${zomer ? '+02:00' : '+01:00'}`;
    const wacht = afloop === 'buiten-openingstijd' ? 0 : Math.floor(-Math.log(1 - r()) * 25);
    const duur = afloop === 'beantwoord' ? 30 + Math.floor(r() * 600) : 0;
    const door = afloop === 'beantwoord' && r() < 0.1 ? 'Team Vergunningen' : '';
    regels.push(`g${pad(i, 7)},${WACHTRIJEN[i % WACHTRIJEN.length]},${begin},${wacht},${afloop},${duur},${door}`);
  }
  writeFileSync(pad_, `${regels.join('\n')}\n`);
}

const TIME = '/usr/bin/time';
let tijdBestand = '';

/**
 * `loket …` as a child process, timed; under GNU time (when there) also its peak memory and CPU
 * seconds. The database's CPU is measured apart (pgCpu).
 */
async function loket(env: Record<string, string>, ...args: string[]) {
  const metTime = (() => {
    try {
      return statSync(TIME).isFile();
    } catch {
      return false;
    }
  })();
  const opdracht = [process.execPath, '--disable-warning=ExperimentalWarning', join(ROOT, 'src/cli/main.ts'), ...args];
  const [bestand, ...rest] = metTime ? [TIME, '-o', tijdBestand, '-f', '%M %U %S', ...opdracht] : opdracht;
  const p0 = pgCpu();
  const t0 = performance.now();
  const { stdout } = await run(bestand ?? process.execPath, rest, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const s = round((performance.now() - t0) / 1000, 2);
  const pgCpuS = round(pgCpu() - p0, 2);
  const [kib, user, sys] = metTime ? readFileSync(tijdBestand, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [] : [];
  const proces = kib === undefined ? null : { maxRssMiB: Math.round(kib / 1024), nodeCpuS: round((user ?? 0) + (sys ?? 0), 2) };
  return { s, pgCpuS, proces, uit: JSON.parse(stdout) as { gelezen: number; nieuw: number; alBekend: number; fouten: unknown[] } };
}

/**
 * CPU seconds used so far by the PostgreSQL backends of the bench database, from /proc (0 where
 * there is none). A backend ends with its connection, so they are sampled every 100 ms and each
 * one's last sample is kept: the last 100 ms of a backend that ended may be missing.
 */
const backendTicks = new Map<string, number>();
function bemonsterBackends(): void {
  for (const e of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(e)) continue;
    try {
      if (!readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(DATABASE)) continue;
      const velden = (readFileSync(`/proc/${e}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
      backendTicks.set(`${e}:${velden[19]}`, Number(velden[11]) + Number(velden[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
}
function pgCpu(): number {
  bemonsterBackends();
  let ticks = 0;
  for (const t of backendTicks.values()) ticks += t;
  return ticks / 100;
}

/** Wall time and CPU time (this process, the database's backends) of some work. */
async function gemeten<T>(werk: () => Promise<T>): Promise<{ uit: T; s: number; nodeCpuS: number; pgCpuS: number }> {
  const c0 = process.cpuUsage();
  const p0 = pgCpu();
  const t0 = performance.now();
  const uit = await werk();
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { uit, s: round(s, 2), nodeCpuS: round((c.user + c.system) / 1e6, 2), pgCpuS: round(pgCpu() - p0, 2) };
}

/** The old way, for comparison: a multi-row VALUES list per batch. */
async function metValues(db: Kysely<DB>, gemeente: string, gesprekken: readonly Gesprek[], partij: number, nu: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let nieuw = 0;
    for (let start = 0; start < gesprekken.length; start += partij) {
      const rijen = gesprekken.slice(start, start + partij).map((g) => ({
        gemeente,
        gesprek_id: g.gesprekId,
        wachtrij: g.wachtrij,
        begin_op: g.begin,
        wachttijd_s: g.wachttijdS,
        afloop: g.afloop,
        gespreksduur_s: g.gespreksduurS,
        doorverbonden_naar: g.doorverbondenNaar,
        geimporteerd_op: nu,
      }));
      const r = await trx.insertInto('kcc_gesprek').values(rijen).onConflict((oc) => oc.columns(['gemeente', 'gesprek_id']).doNothing()).executeTakeFirst();
      nieuw += Number(r.numInsertedOrUpdatedRows ?? 0n);
    }
    return nieuw;
  });
}

async function main(): Promise<void> {
  const gestart = performance.now();
  const map = mkdtempSync(join(os.tmpdir(), 'loket-bench-kcc-'));
  try {
    const csv = join(map, 'gesprekken.csv');
    tijdBestand = join(map, 'time.txt');
    const bemonsteren = setInterval(bemonsterBackends, 100);
    let t0 = performance.now();
    maakCsv(csv);
    const genereerS = round((performance.now() - t0) / 1000, 1);
    const mb = round(statSync(csv).size / 1024 / 1024, 1);
    log(`CSV: ${AANTAL} records, ${mb} MiB, written in ${genereerS} s`);

    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.query(`create database ${DATABASE}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: benchUrl, poolSize: 2 });
    await migrateToLatest(database.db as never);
    const gemeenten = gemeentenRepository(database.db);
    for (const g of DEMO_GEMEENTEN) await gemeenten.bewaar(g);
    const vergelijkGemeenten = ['GM9000', 'GM9001', 'GM9002', 'GM9003', 'GM9004'];
    for (const code of vergelijkGemeenten) await gemeenten.bewaar({ code, naam: `Bench ${code}`, slug: `bench-${code.toLowerCase()}`, domein: null, thema: {} });

    // 2. As a user runs it.
    const eerste = await loket({ DATABASE_URL: benchUrl }, 'kcc', 'gesprekken', 'import', csv, '--gemeente', 'GM0384', '--json');
    log(`PostgreSQL, loket kcc gesprekken import (first): ${eerste.s} s, nieuw ${eerste.uit.nieuw}, fouten ${eerste.uit.fouten.length}; CPU: Node ${eerste.proces?.nodeCpuS} s, PostgreSQL ${eerste.pgCpuS} s; peak memory ${eerste.proces?.maxRssMiB} MiB`);
    const tweede = await loket({ DATABASE_URL: benchUrl }, 'kcc', 'gesprekken', 'import', csv, '--gemeente', 'GM0384', '--json');
    log(`PostgreSQL, same file again: ${tweede.s} s, alBekend ${tweede.uit.alBekend}; CPU: Node ${tweede.proces?.nodeCpuS} s, PostgreSQL ${tweede.pgCpuS} s`);
    if (eerste.uit.nieuw !== AANTAL || tweede.uit.alBekend !== AANTAL || tweede.uit.nieuw !== 0) throw new Error('unexpected import counts');

    // 3. In-process: reading alone, and the batch strategies on the first VERGELIJK records.
    const tekst = readFileSync(csv, 'utf8');
    t0 = performance.now();
    const gelezen = leesGesprekken(tekst);
    const lezenS = round((performance.now() - t0) / 1000, 2);
    log(`reading the CSV in-process: ${lezenS} s (${gelezen.gesprekken.length} records)`);
    const deel = gelezen.gesprekken.slice(0, VERGELIJK);
    const repository = kccGesprekkenRepository(database.db);
    const nu = new Date().toISOString();
    const varianten: { naam: string; rijenPerStatement: number; s: number; rijenPerS: number; nodeCpuS: number; pgCpuS: number }[] = [];
    const strategieen: [string, number, string, (g: string) => Promise<number>][] = [
      ['unnest', 1000, 'GM9001', (g) => repository.voegToe(g, deel, nu, 1000)],
      ['unnest', PARTIJ, 'GM9002', (g) => repository.voegToe(g, deel, nu, PARTIJ)],
      ['unnest', 20_000, 'GM9003', (g) => repository.voegToe(g, deel, nu, 20_000)],
      ['values', 1000, 'GM9004', (g) => metValues(database.db, g, deel, 1000, nu)],
    ];
    for (const [naam, rijen, gemeente, doe] of strategieen) {
      const m = await gemeten(() => doe(gemeente));
      if (m.uit !== deel.length) throw new Error(`${naam} ${rijen}: ${m.uit} new`);
      varianten.push({ naam, rijenPerStatement: rijen, s: m.s, rijenPerS: Math.round(deel.length / m.s), nodeCpuS: m.nodeCpuS, pgCpuS: m.pgCpuS });
      log(`${naam} × ${rijen} rows per statement: ${m.s} s for ${deel.length} (${Math.round(deel.length / m.s)} rows/s; CPU: Node ${m.nodeCpuS} s, PostgreSQL ${m.pgCpuS} s)`);
    }
    // The whole import in-process (read + store 1M), with its CPU time: what the wall time would be without other work on the machine.
    const service = kccGesprekkenService({ repository, gemeenten, audit: auditService({ repository: auditRepository(database.db), klok: systeemklok }), klok: systeemklok });
    const inProces = await gemeten(() => service.importeer(cliContext(), 'GM9000', readFileSync(csv), { strikt: false }));
    if (inProces.uit.nieuw !== AANTAL) throw new Error(`in-process import: ${inProces.uit.nieuw} new`);
    const inProcesOpnieuw = await gemeten(() => service.importeer(cliContext(), 'GM9000', readFileSync(csv), { strikt: false }));
    log(`in-process import of ${AANTAL}: ${inProces.s} s (CPU: Node ${inProces.nodeCpuS} s, PostgreSQL ${inProces.pgCpuS} s); again: ${inProcesOpnieuw.s} s (CPU: Node ${inProcesOpnieuw.nodeCpuS} s, PostgreSQL ${inProcesOpnieuw.pgCpuS} s)`);

    // 4. The measures over the 1M records of GM0384, live.
    const maten = kccGesprekkenMaten(repository);
    const vragen = { maand: { gemeente: 'GM0384', van: '2026-03-01', tot: '2026-03-31' }, jaar: { gemeente: 'GM0384', van: '2026-01-01', tot: '2026-12-31', perWachtrij: true } };
    const metingen: Record<string, { p50: number; p95: number; max: number }> = {};
    await sql`analyze kcc_gesprek`.execute(database.db);
    for (const [naam, vraag] of Object.entries(vragen)) {
      const tijden: number[] = [];
      for (let i = 0; i < 10; i++) {
        t0 = performance.now();
        await maten.alle(vraag);
        tijden.push(performance.now() - t0);
      }
      tijden.sort((a, b) => a - b);
      metingen[naam] = { p50: round(pct(tijden, 50)), p95: round(pct(tijden, 95)), max: round(tijden.at(-1) ?? 0) };
      log(`measures over ${naam}: p50 ${metingen[naam].p50} ms, p95 ${metingen[naam].p95} ms`);
    }
    await database.close();

    // 5. PGlite.
    let pglite: { s: number; nieuw: number; proces: { maxRssMiB: number; nodeCpuS: number } | null } | null = null;
    if (!vlaggen.has('--zonder-pglite')) {
      const dataDir = join(map, 'data');
      await loket({ LOKET_DATA_DIR: dataDir }, 'gemeente', 'toevoegen', '--code', 'GM0384', '--naam', 'Diemen', '--slug', 'diemen', '--json');
      const r = await loket({ LOKET_DATA_DIR: dataDir }, 'kcc', 'gesprekken', 'import', csv, '--gemeente', 'GM0384', '--json');
      pglite = { s: r.s, nieuw: r.uit.nieuw, proces: r.proces };
      log(`PGlite, loket kcc gesprekken import (first): ${r.s} s, nieuw ${r.uit.nieuw}; CPU (Node and PGlite, one process) ${r.proces?.nodeCpuS} s; peak memory ${r.proces?.maxRssMiB} MiB`);
    }

    const resultaat = {
      datum: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', geheugenGiB: round(os.totalmem() / 1024 ** 3, 1), loadAverage: os.loadavg().map((x) => round(x, 2)), node: process.version },
      csv: { records: AANTAL, mib: mb, genereerS },
      postgres: {
        eersteImportS: eerste.s,
        eersteImport: { s: eerste.s, pgCpuS: eerste.pgCpuS, proces: eerste.proces },
        tweedeImportS: tweede.s,
        tweedeImport: { s: tweede.s, pgCpuS: tweede.pgCpuS, proces: tweede.proces },
        lezenInProcesS: lezenS,
        inProces: { s: inProces.s, nodeCpuS: inProces.nodeCpuS, pgCpuS: inProces.pgCpuS },
        inProcesOpnieuw: { s: inProcesOpnieuw.s, nodeCpuS: inProcesOpnieuw.nodeCpuS, pgCpuS: inProcesOpnieuw.pgCpuS },
        partij: PARTIJ,
        varianten,
        vergelijkRijen: deel.length,
        maten: metingen,
      },
      pglite,
      totaalS: round((performance.now() - gestart) / 1000),
    };
    clearInterval(bemonsteren);
    writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);
    log(`\nTotal ${resultaat.totaalS} s. Raw: bench/kcc-gesprekken/results.json`);
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
}

await main();
