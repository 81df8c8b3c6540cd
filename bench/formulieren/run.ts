// Forms benchmark (issue 14), on PostgreSQL: a real Loket server in this process, over HTTP.
// 1. Form page render: GET of a draft's step page by 16 clients at once (target p95 ≤ 20 ms).
// 2. Submission to committed zaak: POST of the check page of complete drafts (the zaak, its
//    answers, the tagged PDF and the receipt mail in one transaction), one after another
//    (target p95 ≤ 100 ms).
// `npm run bench:formulieren` (BENCH_DATABASE_URL, BENCH_REQUESTS, BENCH_INZENDINGEN). Not part of npm test.
// The machine is shared: keep a run under 2 minutes. Method and results: BENCHMARKS.md ("Forms").
import os from 'node:os';
import { Client } from 'pg';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createLoket } from '../../src/server.ts';
import { benchDatabase, laadDemo, percentiel, round2 } from '../gedeeld.ts';

const DATABASE = 'loket_bench_formulieren';
const VERZOEKEN = Number(process.env.BENCH_REQUESTS ?? 2000);
const INZENDINGEN = Number(process.env.BENCH_INZENDINGEN ?? 200);
const CLIENTS = 16;
const { adminUrl, benchUrl } = benchDatabase(DATABASE);
const log = (regel: string) => console.log(regel);

const admin = new Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${DATABASE}`);
await admin.query(`create database ${DATABASE}`);
await admin.end();
await laadDemo(benchUrl);

const database = await openDatabase({ databaseUrl: benchUrl, poolSize: 20 });
const config = loadConfig({ PUBLIC_URL: 'http://127.0.0.1', DATABASE_URL: benchUrl, LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0', LOKET_HERINNERING_MINUTEN: '0', LOG_LEVEL: 'warn' });
const loket = await createLoket({ config, database, logger: { level: 'error' }, werkers: false });
const adres = await loket.app.listen({ port: 0, host: '127.0.0.1' });
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A new draft of the demo form "vraag": the address of its first step. */
async function begin(): Promise<string> {
  const res = await fetch(`${adres}/diemen/formulieren/vraag`, { method: 'POST', headers: FORM, body: '', redirect: 'manual' });
  if (res.status !== 303) throw new Error(`begin: ${res.status}`);
  return res.headers.get('location') ?? '';
}
async function stuur(pad: string, velden: Record<string, string>, verwacht = 303): Promise<void> {
  const res = await fetch(`${adres}${pad}`, { method: 'POST', headers: FORM, body: new URLSearchParams(velden).toString(), redirect: 'manual' });
  await res.arrayBuffer();
  if (res.status !== verwacht) throw new Error(`${pad}: ${res.status}`);
}
const samenvatting = (tijden: number[]) => {
  tijden.sort((a, b) => a - b);
  return { verzoeken: tijden.length, p50: round2(percentiel(tijden, 50)), p95: round2(percentiel(tijden, 95)), p99: round2(percentiel(tijden, 99)) };
};

// 1. The step page of one draft (its answers filled in), 16 clients at once.
const stap1 = await begin();
await stuur(stap1, { onderwerp: 'Afvalpas', vraag: 'Waar haal ik een nieuwe afvalpas?' });
const pagina = `${adres}${stap1}`;
for (let i = 0; i < 50; i++) await (await fetch(pagina)).arrayBuffer();
// For comparison: one client, one request after another (the cost of one page without queueing).
const alleen: number[] = [];
for (let i = 0; i < 300; i++) {
  const t = performance.now();
  await (await fetch(pagina)).arrayBuffer();
  alleen.push(performance.now() - t);
}
const eenClient = samenvatting(alleen);
log(`form step page, 1 client: median ${eenClient.p50} ms, p95 ${eenClient.p95} ms, p99 ${eenClient.p99} ms over ${eenClient.verzoeken} requests`);
const paginaTijden: number[] = [];
let volgende = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (volgende < VERZOEKEN) {
      volgende++;
      const t = performance.now();
      const res = await fetch(pagina);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`stap: ${res.status}`);
      paginaTijden.push(performance.now() - t);
    }
  }),
);
const render = { ...samenvatting(paginaTijden), clients: CLIENTS, perSeconde: Math.round((paginaTijden.length * 1000) / (performance.now() - t0)) };
log(`form step page, ${CLIENTS} clients: median ${render.p50} ms, p95 ${render.p95} ms, p99 ${render.p99} ms over ${render.verzoeken} requests (${render.perSeconde}/s)`);

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
for (const [i, pad] of klaar.entries()) {
  const t = performance.now();
  await stuur(pad, {});
  if (i >= 10) inzendTijden.push(performance.now() - t);
}
const inzending = samenvatting(inzendTijden);
const check = new Client({ connectionString: benchUrl });
await check.connect();
const { rows } = await check.query<{ n: string }>(`select count(*) as n from formulier_inzending where gemeente = 'GM0384'`);
await check.end();
const klopt = Number(rows[0]?.n) === klaar.length;
log(`submission to committed zaak (sequential): median ${inzending.p50} ms, p95 ${inzending.p95} ms, p99 ${inzending.p99} ms over ${inzending.verzoeken}; zaken with answers: ${rows[0]?.n} → ${klopt ? 'OK' : 'WRONG'}`);

await loket.close();
await database.close();
console.log(JSON.stringify({ machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load: os.loadavg().map(round2), node: process.version }, eenClient, render, inzending, klopt }));
if (!klopt) process.exitCode = 1;
