// KPI rollup benchmark (issue 10, ADR 0043): on the zaken of the queue benchmark's generator, (1) a
// full rebuild of the zaken rollup of every gemeente, (2) the incremental update after one zaak
// closes (the trigger's outbox row, then one round of the job), and (3) KPI value reads of a real
// Loket server (`serve`, a child process) at 1 and 16 connections, from the rollup and, for
// comparison, live (the rollup's state row removed, so every value falls back to its live query).
// `npm run bench:kpi-rollup` (BENCH_ZAKEN=10000000 for ten million; `-- --reuse` keeps the
// database of the previous run). The zaken only, without timelines: the measures read the zaak rows.
// Not part of npm test. Method and results: BENCHMARKS.md.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { openSignalen } from '../../src/db/signalen.ts';
import { systeemklok } from '../../src/klok.ts';
import { kalenderdag, plusDagen } from '../../src/modules/termijnen/kalender.ts';
import { loketServices } from '../../src/server.ts';
import { freePort, msUntil200, startChild, type Child } from '../http-baseline/processes.ts';
import { benchDatabase, logInDemo, maakZakenDatabase, meetMetVerbruik, percentiel, round2, verbruikMeter } from '../gedeeld.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AANTAL = Number(process.env.BENCH_ZAKEN ?? 1_000_000);
const DUUR = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
// BENCH_DATABASE_NAAM: another database than the default (e.g. a small one beside a large one being built).
const DATABASE = process.env.BENCH_DATABASE_NAAM ?? 'loket_bench_kpi_rollup';
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE)) throw new Error('BENCH_DATABASE_NAAM: lower-case letters, digits and _ only');
const GEMEENTE = 'GM0384';
// BENCH_MATEN: only these measures (comma-separated codes), e.g. to compare one value before and after a change.
const MATEN = process.env.BENCH_MATEN?.split(',') ?? ['zaken-binnen-norm', 'zaken-doorlooptijd-mediaan', 'zaken-doorlooptijd-p90'];
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-kpi-rollup-'));
const log = (regel: string) => console.log(regel);
const vlaggen = new Set(process.argv.slice(2));
const { benchUrl } = benchDatabase(DATABASE);
type Meter = ReturnType<typeof verbruikMeter>;


/** The rebuild of every gemeente, then one zaak closed and the round that follows it, in this process. */
async function opbouw() {
  const database = await openDatabase({ databaseUrl: benchUrl });
  const signalen = await openSignalen(database, console);
  try {
    const services = loketServices({ database, klok: systeemklok, berichten: { verstuur: async () => undefined }, signalen, publicUrl: 'http://127.0.0.1' });
    const rollup = services.zakenRollup;
    const gemeenten = (await database.db.selectFrom('gemeente').select('code').orderBy('code').execute()).map((g) => g.code);
    const perGemeente: Record<string, number> = {};
    const t0 = performance.now();
    for (const g of gemeenten) {
      const t = performance.now();
      await rollup.herbouw(g);
      perGemeente[g] = round2((performance.now() - t) / 1000);
      log(`  rebuild ${g}: ${perGemeente[g]} s`);
    }
    const herbouwS = round2((performance.now() - t0) / 1000);
    const emmers = Number((await database.db.selectFrom('kpi_zaak_afgesloten_dag').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    log(`Full rebuild: ${herbouwS} s for ${gemeenten.length} gemeenten, ${emmers.toLocaleString('en')} buckets`);

    // One zaak closes (the bench writes the row as the generator does; the trigger on zaak queues its day), then one round.
    const incrementeel: number[] = [];
    for (let i = 0; i < 5; i++) {
      const open = await database.db.selectFrom('zaak').select('id').where('gemeente', '=', GEMEENTE).where('afgesloten_op', 'is', null).limit(1).executeTakeFirstOrThrow();
      await database.db.updateTable('zaak').set({ afgesloten_op: new Date().toISOString() }).where('gemeente', '=', GEMEENTE).where('id', '=', open.id).execute();
      const t = performance.now();
      const r = await rollup.werkAf();
      incrementeel.push(performance.now() - t);
      if (r.dagen !== 1) throw new Error(`expected one day recomputed, got ${JSON.stringify(r)}`);
    }
    const inc = incrementeel.toSorted((a, b) => a - b);
    log(`Incremental round after one zaak closes (5×): median ${round2(percentiel(inc, 50))} ms, max ${round2(inc.at(-1) ?? 0)} ms`);
    return { gemeenten: gemeenten.length, herbouwS, perGemeente, emmers, incrementeelMs: inc.map(round2) };
  } finally {
    await signalen.close();
    await database.close();
  }
}


async function lezen(base: string, bron: 'rollup' | 'live', cookie: string, meter: Meter) {
  const vandaag = kalenderdag(new Date());
  const maand = vandaag.slice(0, 7);
  const perioden = { maand: `periode=${maand}`, '12 maanden': `periodeVan=${plusDagen(vandaag, -364)}&periodeTot=${vandaag}` };
  const uit: Record<string, unknown>[] = [];
  for (const code of MATEN) {
    // The value with its breakdown per zaaktype, and the trend of 12 months the staff app's KPI page asks for each measure.
    const paden = [
      ...Object.entries(perioden).map(([naam, query]) => [naam, `/api/v1/gemeenten/${GEMEENTE}/kpis/${code}/waarden?${query}&uitsplitsing=zaaktype`] as const),
      ['reeks van 12 maanden (dashboard)', `/api/v1/gemeenten/${GEMEENTE}/kpis/${code}/reeks?per=maand&laatste=12`] as const,
    ];
    for (const [naam, pad] of paden) {
      const proef = await fetch(`${base}${pad}`, { headers: { cookie } });
      const antwoord = (await proef.json()) as { waarde: number | null; noemer: number; versheid: { bron: string }; waarden?: { waarde: number | null; noemer: number; versheid: { bron: string } }[] };
      // A trend's value is its last period (the running month).
      const waarde = antwoord.waarden?.at(-1) ?? antwoord;
      if (proef.status !== 200 || waarde.versheid.bron !== bron) throw new Error(`${pad}: ${proef.status} ${JSON.stringify(antwoord).slice(0, 300)}`);
      for (const verbindingen of [1, 16]) {
        const m = await meetMetVerbruik({ base, pad, verbindingen, cookie, meter, tijd: { duur: DUUR, warmup: WARMUP } }, `${bron} ${code} ${naam} (waarde ${waarde.waarde}, noemer ${waarde.noemer})`, log);
        uit.push({ bron, code, periode: naam, verbindingen, waarde: waarde.waarde, noemer: waarde.noemer, ...m });
      }
    }
  }
  return uit;
}

let loket: Child | undefined;
try {
  const start = new Date();
  log(`KPI rollup, ${vlaggen.has('--reuse') ? 'database of the previous run' : `${AANTAL.toLocaleString('en')} zaken`} (${benchUrl})`);
  const generatie = vlaggen.has('--reuse') ? undefined : await maakZakenDatabase(DATABASE, AANTAL, 0.08, log, { tijdlijnen: false });
  const bouw = await opbouw();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The rollup job off in the server: the rollup was just built, and a round must not run during the reads.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, LOKET_DEMO: 'false', PORT: String(port), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0', LOKET_KPI_ROLLUP_MINUTEN: '0' };
  // The server counts its statements (bench/statement-teller.ts); BENCH_PROFIEL=<dir>: a V8 CPU profile of the server, written when it stops.
  const statementsBestand = join(tmp, 'statements');
  env.BENCH_STATEMENTS_BESTAND = statementsBestand;
  const profiel = process.env.BENCH_PROFIEL ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_PROFIEL)}`] : [];
  loket = startChild(process.execPath, [...profiel, '--disable-warning=ExperimentalWarning', '--import', './bench/statement-teller.ts', 'src/cli/main.ts', 'serve'], { cwd: ROOT, env, logFile: join(tmp, 'loket.log') });
  await msUntil200(loket, `${base}/health`, 60_000);
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  const meter = verbruikMeter({ client, datname: DATABASE, pid: loket.process.pid ?? 0, statementsBestand });
  // The values are for staff with kpiLezen: Diemen's teamleider, logged in as the staff app does.
  const { cookie } = await logInDemo(base, 'teamleider@diemen.demo');
  log('KPI values from the rollup:');
  const uitRollup = await lezen(base, 'rollup', cookie, meter);
  // BENCH_LIVE=0: without the live comparison (a quick before/after of the rollup reads).
  const live = process.env.BENCH_LIVE === '0' ? [] : await (async () => {
    await client.query(`delete from kpi_rollup_stand where gemeente = $1`, [GEMEENTE]);
    log('The same values live (the rollup state removed):');
    return await lezen(base, 'live', cookie, meter);
  })();
  await client.end();
  const resultaat = { start: start.toISOString(), zaken: AANTAL, generatie, opbouw: bouw, lezen: [...uitRollup, ...live], load: os.loadavg(), cpus: os.cpus().map((c) => c.model)[0], node: process.version };
  const bestand = `results-${AANTAL}.json`;
  writeFileSync(join(import.meta.dirname, bestand), `${JSON.stringify(resultaat, null, 2)}\n`);
  log(`Written to bench/kpi-rollup/${bestand} (logs in ${tmp}).`);
} finally {
  await loket?.stop();
}
