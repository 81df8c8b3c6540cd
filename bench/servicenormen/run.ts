// Servicenormen page benchmark (issue 10; issue 17: no cache per node): the public page
// /diemen/servicenormen of a real Loket server (`serve`, a child process) on the zaken of the queue
// benchmark's generator, every request computed live by the KPI register. Also the time of each
// public KPI value on its own, in this process. `npm run bench:servicenormen` (BENCH_ZAKEN=100000
// for a smaller run; `-- --reuse` keeps the database of the previous run). Not part of npm test.
// Method and results: BENCHMARKS.md ("Servicenormen page").
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../../src/db/database.ts';
import { openSignalen } from '../../src/db/signalen.ts';
import { systeemklok } from '../../src/klok.ts';
import { afgelopenPerioden } from '../../src/modules/servicenormen/servicenormen.service.ts';
import { kalenderdag } from '../../src/modules/termijnen/kalender.ts';
import { loketServices } from '../../src/server.ts';
import { freePort, msUntil200, startChild, type Child } from '../http-baseline/processes.ts';
import { benchDatabase, maakZakenDatabase, percentiel, round2 } from '../gedeeld.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AANTAL = Number(process.env.BENCH_ZAKEN ?? 1_000_000);
const DUUR = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const HERHALINGEN = 5;
const DATABASE = 'loket_bench_servicenormen';
const GEMEENTE = 'GM0384';
const PAD = '/diemen/servicenormen';
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-servicenormen-'));
const log = (regel: string) => console.log(regel);
const vlaggen = new Set(process.argv.slice(2));

const { benchUrl } = benchDatabase(DATABASE);



/** Each public KPI value of the page on its own, sequentially in this process: the median of a few runs. */
async function perKpi(): Promise<{ code: string; periode: string; ms: number; noemer: number }[]> {
  const database = await openDatabase({ databaseUrl: benchUrl });
  const signalen = await openSignalen(database, console);
  try {
    const services = loketServices({ database, klok: systeemklok, berichten: { verstuur: async () => undefined }, signalen, publicUrl: 'http://127.0.0.1' });
    const perioden = afgelopenPerioden(kalenderdag(new Date()));
    const uit: { code: string; periode: string; ms: number; noemer: number }[] = [];
    for (const d of await services.kpi.definities({ publiek: true })) {
      for (const [naam, p] of Object.entries(perioden)) {
        const tijden: number[] = [];
        let noemer = 0;
        for (let i = 0; i < HERHALINGEN; i++) {
          const t = performance.now();
          const w = await services.kpi.waarde(GEMEENTE, d.code, { periodeVan: p.van, periodeTot: p.tot, uitsplitsing: 'zaaktype' });
          tijden.push(performance.now() - t);
          noemer = w.noemer;
        }
        const ms = round2(percentiel(tijden.toSorted((a, b) => a - b), 50));
        log(`  ${d.code} ${naam} (${p.van} … ${p.tot}): ${ms} ms, noemer ${noemer}`);
        uit.push({ code: d.code, periode: naam, ms, noemer });
      }
    }
    return uit;
  } finally {
    await signalen.close();
    await database.close();
  }
}

async function meet(base: string, verbindingen: number) {
  const opties = { url: `${base}${PAD}`, connections: verbindingen, headers: { accept: 'text/html' } };
  if (WARMUP > 0) await autocannon({ ...opties, duration: WARMUP });
  const tijden: number[] = [];
  // A page computed live can queue for seconds at 16 connections: 60 s before a request times out (default 10).
  const metTimeout = { ...opties, duration: DUUR, timeout: 60 };
  const run = autocannon(metTimeout);
  run.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    if (status === 200) tijden.push(ms);
  });
  const r = await run;
  const s = tijden.toSorted((a, b) => a - b);
  const m = {
    verbindingen,
    reqPerS: round2(r.requests.total / r.duration),
    p50: round2(percentiel(s, 50)),
    p95: round2(percentiel(s, 95)),
    p99: round2(percentiel(s, 99)),
    antwoorden: s.length,
    mislukt: r.non2xx + r.errors + r.timeouts,
  };
  log(`  GET ${PAD} × ${verbindingen}: ${m.reqPerS} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, ${m.antwoorden} answers, failed ${m.mislukt}`);
  return m;
}

let loket: Child | undefined;
try {
  const start = new Date();
  log(`Servicenormen page, ${vlaggen.has('--reuse') ? 'database of the previous run' : `${AANTAL.toLocaleString('en')} zaken`} (${benchUrl})`);
  const generatie = vlaggen.has('--reuse') ? undefined : await maakZakenDatabase(DATABASE, AANTAL, 0.08, log);
  log('Each public KPI value on its own (median of 5, in-process):');
  const kpis = await perKpi();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, LOKET_DEMO: 'false', PORT: String(port), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0' };
  loket = startChild(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', 'serve'], { cwd: ROOT, env, logFile: join(tmp, 'loket.log') });
  await msUntil200(loket, `${base}/health`, 60_000);
  const proef = await fetch(`${base}${PAD}`, { headers: { accept: 'text/html' } });
  const html = await proef.text();
  if (proef.status !== 200) throw new Error(`${PAD}: ${proef.status} ${html.slice(0, 500)}`);
  log(`The page: ${html.length.toLocaleString('en')} bytes. Under load:`);
  const metingen = [await meet(base, 1), await meet(base, 16)];
  const resultaat = { start: start.toISOString(), zaken: AANTAL, generatie, kpis, pagina: { bytes: html.length, metingen }, load: os.loadavg(), cpus: os.cpus().length, node: process.version };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);
  log(`Written to bench/servicenormen/results.json (logs in ${tmp}).`);
} finally {
  await loket?.stop();
}
