// Forms benchmark (issue 14), on PostgreSQL: a real Loket server (`src/cli/main.ts serve`) in a
// child process, over HTTP, so the load generator does not take the server's event loop.
// 1. Form page render: GET of a draft's step page by 16 clients at once (autocannon; target
//    p95 ≤ 20 ms); before it, one client alone for comparison.
// 2. Submission to committed zaak: POST of the check page of complete drafts (the zaak, its
//    answers, the tagged PDF and the receipt mail in one transaction), one after another
//    (target p95 ≤ 100 ms).
// Per phase also what a request costs, counted per process (the machine's load does not change
// it): CPU ms of the server and of PostgreSQL, statements sent (bench/statement-teller.ts).
// `npm run bench:formulieren` (BENCH_DATABASE_URL, BENCH_REQUESTS, BENCH_INZENDINGEN, BENCH_PROFIEL).
// Not part of npm test. Keep a run under 2 minutes. Method and results: BENCHMARKS.md ("Forms").
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { benchDatabase, benchServerEnv, verseDatabase, laadDemo, percentiel, round2, schrijfInBenchmarks, verbruikMeter } from '../gedeeld.ts';
import { freePort, msUntil200, processTicks, startChild, ticksOfCommand, withOtherCpu, type Child } from '../http-baseline/processes.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DATABASE = 'loket_bench_formulieren';
const VERZOEKEN = Number(process.env.BENCH_REQUESTS ?? 4000);
const INZENDINGEN = Number(process.env.BENCH_INZENDINGEN ?? 200);
const CLIENTS = 16;
const DOEL_PAGINA_MS = 20;
const DOEL_INZENDING_MS = 100;
const { adminUrl, benchUrl } = benchDatabase(DATABASE);
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-formulieren-'));
const children: Child[] = [];
const log = (regel: string) => console.log(regel);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const ja = (x: boolean) => (x ? '**yes**' : '**no**');

const samenvatting = (tijden: number[]) => {
  const s = tijden.toSorted((a, b) => a - b);
  return { verzoeken: s.length, p50: round2(percentiel(s, 50)), p95: round2(percentiel(s, 95)), p99: round2(percentiel(s, 99)) };
};

async function main(): Promise<void> {
  const gestart = performance.now();
  const { admin, machine } = await verseDatabase(adminUrl, DATABASE, log);
  log('Migrate, demo data …');
  await laadDemo(benchUrl);
  const client = new Client({ connectionString: benchUrl });
  await client.connect();

  const port = await freePort();
  const adres = `http://127.0.0.1:${port}`;
  const statementsBestand = join(tmp, 'statements');
  const env = benchServerEnv({ databaseUrl: benchUrl, port, publicUrl: adres, statementsBestand });
  // BENCH_PROFIEL=<dir>: a V8 CPU profile of the server, written when it stops.
  const profiel = process.env.BENCH_PROFIEL ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_PROFIEL)}`] : [];
  const loket = startChild(process.execPath, [...profiel, '--disable-warning=ExperimentalWarning', '--import', './bench/statement-teller.ts', 'src/cli/main.ts', 'serve'], { cwd: ROOT, env, logFile: join(tmp, 'loket.log') });
  children.push(loket);
  await msUntil200(loket, `${adres}/health`, 60_000);
  const pid = loket.process.pid ?? 0;
  const meter = verbruikMeter({ client, datname: DATABASE, pid, statementsBestand });
  const eigen = () => processTicks('self') + processTicks(pid) + ticksOfCommand('postgres');

  /** A new draft of the demo form "vraag": the address of its first step. */
  async function begin(): Promise<string> {
    const res = await fetch(`${adres}/diemen/formulieren/vraag`, { method: 'POST', headers: FORM, body: '', redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status !== 303) throw new Error(`begin: ${res.status}`);
    return res.headers.get('location') ?? '';
  }
  async function stuur(pad: string, velden: Record<string, string>, verwacht = 303): Promise<void> {
    const res = await fetch(`${adres}${pad}`, { method: 'POST', headers: FORM, body: new URLSearchParams(velden).toString(), redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status !== verwacht) throw new Error(`${pad}: ${res.status}`);
  }

  // 1. The step page of one draft (its answers filled in).
  const stap1 = await begin();
  await stuur(stap1, { onderwerp: 'Afvalpas', vraag: 'Waar haal ik een nieuwe afvalpas?' });
  const opties = { url: `${adres}${stap1}`, connections: CLIENTS, timeout: 60 };
  // Warm-up (JIT, pool, caches): 16 clients, thrown away.
  await autocannon({ ...opties, amount: 1000 });
  // For comparison: one client, one request after another (the cost of one page without queueing).
  const alleen: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    const res = await fetch(opties.url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`stap: ${res.status}`);
    alleen.push(performance.now() - t);
  }
  const eenClient = samenvatting(alleen);
  log(`form step page, 1 client: median ${eenClient.p50} ms, p95 ${eenClient.p95} ms, p99 ${eenClient.p99} ms over ${eenClient.verzoeken} requests`);

  const paginaTijden: number[] = [];
  const voorPagina = await meter.stand();
  const { value: r, otherCpuPercent, stealPercent } = await withOtherCpu(async () => {
    const a = autocannon({ ...opties, amount: VERZOEKEN });
    a.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
      if (status === 200) paginaTijden.push(ms);
    });
    return await a;
  }, eigen);
  const paginaVerbruik = await meter.sinds(voorPagina, r.requests.total);
  const paginaMislukt = r.non2xx + r.errors + r.timeouts;
  const render = { ...samenvatting(paginaTijden), clients: CLIENTS, perSeconde: Math.round(r.requests.total / r.duration), mislukt: paginaMislukt, otherCpuPercent, stealPercent, perVerzoek: paginaVerbruik };
  log(
    `form step page, ${CLIENTS} clients: median ${render.p50} ms, p95 ${render.p95} ms, p99 ${render.p99} ms over ${render.verzoeken} requests (${render.perSeconde}/s, failed ${paginaMislukt}, other CPU ${otherCpuPercent} %); per request ${paginaVerbruik.serverMs} ms CPU in the server, ${paginaVerbruik.postgresMs} ms in PostgreSQL, ${paginaVerbruik.statements} statements`,
  );

  // 2. Complete drafts, then each submitted (one after another): POST …/controleer until its 303.
  const klaar: string[] = [];
  for (let i = 0; i < INZENDINGEN + 10; i++) {
    const s1 = await begin();
    const basis = s1.replace(/\/stap\/1$/, '');
    await stuur(s1, { onderwerp: `Vraag ${i}`, vraag: 'Wanneer wordt het grofvuil opgehaald?' });
    await stuur(`${basis}/stap/2`, { naam: `Inwoner ${i}`, email: `bench-${i}@example.org`, telefoon: '', 'antwoord-via': 'email' });
    klaar.push(`${basis}/controleer`);
  }
  const inzendTijden: number[] = [];
  let voorInzending = await meter.stand();
  for (const [i, pad] of klaar.entries()) {
    // The first 10 are warm-up.
    if (i === 10) voorInzending = await meter.stand();
    const t = performance.now();
    await stuur(pad, {});
    if (i >= 10) inzendTijden.push(performance.now() - t);
  }
  const inzendVerbruik = await meter.sinds(voorInzending, inzendTijden.length);
  const inzending = { ...samenvatting(inzendTijden), perVerzoek: inzendVerbruik };
  const { rows } = await client.query<{ n: string }>(`select count(*) as n from formulier_inzending where gemeente = 'GM0384'`);
  const klopt = Number(rows[0]?.n) === klaar.length;
  log(
    `submission to committed zaak (sequential): median ${inzending.p50} ms, p95 ${inzending.p95} ms, p99 ${inzending.p99} ms over ${inzending.verzoeken}; per submission ${inzendVerbruik.serverMs} ms CPU in the server, ${inzendVerbruik.postgresMs} ms in PostgreSQL, ${inzendVerbruik.statements} statements; zaken with answers: ${rows[0]?.n} of ${klaar.length} → ${klopt ? 'OK' : 'WRONG'}`,
  );
  await loket.stop();

  const resultaat = {
    datum: new Date().toISOString(),
    machine,
    methode: { clients: CLIENTS, paginaVerzoeken: VERZOEKEN, inzendingen: INZENDINGEN, server: 'src/cli/main.ts serve, child process' },
    eenClient,
    render,
    inzending,
    klopt,
    doel: { paginaP95Ms: DOEL_PAGINA_MS, inzendingP95Ms: DOEL_INZENDING_MS },
    uitkomst: { pagina: render.p95 <= DOEL_PAGINA_MS && paginaMislukt === 0, inzending: inzending.p95 <= DOEL_INZENDING_MS && klopt },
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);
  const kosten = (v: typeof paginaVerbruik) => `${v.serverMs} + ${v.postgresMs} | ${v.statements}`;
  const regels = [
    `Run of ${resultaat.datum.slice(0, 16).replace('T', ' ')} UTC: ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, PostgreSQL ${machine.postgres}; load average at the start ${machine.loadAverage.join(' / ')}; other CPU during the 16-client run ${otherCpuPercent} %, steal ${stealPercent} %.`,
    '',
    '| Measure | Requests | p50 ms | p95 ms | p99 ms | Target | Met | CPU ms / request: server + PostgreSQL | statements / request |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |',
    `| Step page, 1 client | ${eenClient.verzoeken} | ${eenClient.p50} | ${eenClient.p95} | ${eenClient.p99} | – | – | | |`,
    `| Step page, ${CLIENTS} clients | ${render.verzoeken} (${render.perSeconde}/s, failed ${paginaMislukt}) | ${render.p50} | ${render.p95} | ${render.p99} | p95 ≤ ${DOEL_PAGINA_MS} ms | ${ja(resultaat.uitkomst.pagina)} | ${kosten(paginaVerbruik)} |`,
    `| Submission → committed zaak (sequential) | ${inzending.verzoeken} (zaken with answers ${klopt ? 'OK' : 'WRONG'}) | ${inzending.p50} | ${inzending.p95} | ${inzending.p99} | p95 ≤ ${DOEL_INZENDING_MS} ms | ${ja(resultaat.uitkomst.inzending)} | ${kosten(inzendVerbruik)} |`,
  ];
  const tekst = regels.join('\n');
  schrijfInBenchmarks('formulieren', tekst);
  log(`\n${tekst}\n\nTotal ${Math.round((performance.now() - gestart) / 1000)} s. Raw: bench/formulieren/results.json`);
  await client.end();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
  if (!klopt || paginaMislukt > 0) process.exitCode = 1;
}

try {
  await main();
} finally {
  for (const c of children) await c.stop();
}
