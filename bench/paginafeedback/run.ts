// Page feedback intake benchmark (issue 15: "Feedback intake ≥ 1,000 posts/s at 16 clients with
// p99 ≤ 50 ms"): `POST /{slug}/paginafeedback` of a real Loket server on PostgreSQL with fsync on,
// as the script on the gemeente's website posts it (a form body, `Accept: application/json`,
// `Origin` of the website: 201), 16 concurrent clients, beside the anchors in the same run: a bare
// Fastify hello-world and a single-row insert route through the same stack (`POST /bench/rij` of
// bench/meldingen-intake/server.ts). Statements per post come from pg_stat_statements when it is
// loaded, else from the database's commit and row counters. `npm run bench:paginafeedback`
// (`-- --duur 20` seconds per route, default 20, so a run stays under two minutes; BENCH_WARMUP
// seconds, default 3; BENCH_DATABASE_NAAM for the database). Not part of npm test.
// Method and results: BENCHMARKS.md ("Page feedback intake").
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { cliContext } from '../../src/modules/audit/audit.service.ts';
import { benchDatabase, laadDemo, meetTweehonderd, percentiel, round2, schrijfInBenchmarks } from '../gedeeld.ts';
import { freePort, msUntil200, processTicks, startChild, ticksOfCommand, type Child } from '../http-baseline/processes.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({ options: { duur: { type: 'string', default: '20' } } });
const DUUR = Number(args.duur);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const VERBINDINGEN = 16;
const DATABASE = process.env.BENCH_DATABASE_NAAM ?? 'loket_bench_paginafeedback';
const GEMEENTE = 'GM0384';
const SLUG = 'diemen';
const SITE = 'https://www.diemen.nl';
const DOEL_PER_S = 1000;
const DOEL_P99 = 50;
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-paginafeedback-'));
const children: Child[] = [];
const log = (regel: string) => console.log(regel);
const { adminUrl, benchUrl } = benchDatabase(DATABASE);

interface Route {
  naam: string;
  base: string;
  methode: 'GET' | 'POST';
  pad: string;
  headers?: Record<string, string>;
  body?: (i: number) => string;
  pid: () => number;
}

const PAGINAS = ['/afval/grofvuil', '/afval/containers', '/paspoort-aanvragen', '/nieuws/2026-03-nieuwe-milieustraat', '/parkeren/vergunning', '/verhuizen', '/belastingen/kwijtschelding', '/'];

/** A remark as the script posts it: a page of the website, ja or nee, on "nee" the scores and sometimes a text with an address to mask. */
function reactie(i: number): string {
  const nee = i % 3 === 0;
  const velden: Record<string, string> = { pagina: `${SITE}${PAGINAS[i % PAGINAS.length] as string}`, gevonden: nee ? 'nee' : 'ja', js: '1', website: '' };
  if (nee) Object.assign(velden, { vindbaarheid: String(1 + (i % 5)), begrijpelijkheid: String(1 + ((i >> 1) % 5)), volledigheid: String(1 + ((i >> 2) % 5)) });
  if (i % 5 === 0) velden.tekst = `Ik kon het niet vinden (${i}); mail me op iemand${i % 100}@example.org of bel 06-12345678.`;
  return new URLSearchParams(velden).toString();
}

async function dbTellers(client: Client): Promise<{ commits: number; inserts: number }> {
  const r = (await client.query<{ c: string; i: string }>('select xact_commit as c, tup_inserted as i from pg_stat_database where datname = current_database()')).rows[0];
  return { commits: Number(r?.c), inserts: Number(r?.i) };
}

/** Statements per kind since the last reset (pg_stat_statements), or undefined when it is not loaded. */
async function statements(client: Client): Promise<Map<string, number> | undefined> {
  try {
    const r = await client.query<{ query: string; calls: string }>('select query, calls from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())');
    return new Map(r.rows.map((x) => [x.query, Number(x.calls)]));
  } catch {
    return undefined;
  }
}

const teller = { i: 0 };
const ja = (x: boolean) => (x ? '**yes**' : '**no**');

async function meet(route: Route, client: Client) {
  const opties = {
    url: route.base,
    connections: VERBINDINGEN,
    headers: route.headers ?? {},
    requests: [{ method: route.methode, setupRequest: (req: { path: string }) => ({ ...req, method: route.methode, path: route.pad, ...(route.body ? { body: route.body(teller.i++) } : {}) }) }],
  };
  if (WARMUP > 0) await autocannon({ ...opties, duration: WARMUP });
  await new Promise((r) => setTimeout(r, 1200));
  const voor = await dbTellers(client);
  const eigen = () => processTicks('self') + processTicks(route.pid()) + ticksOfCommand('postgres');
  const { r, gesorteerd: s, ok, otherCpuPercent } = await meetTweehonderd(opties, DUUR, eigen);
  await new Promise((res) => setTimeout(res, 1200));
  const na = await dbTellers(client);
  const perVerzoek = (x: number) => (ok > 0 ? round2(x / ok) : 0);
  return {
    naam: route.naam,
    reqPerS: Math.round(r.requests.total / r.duration),
    p50: round2(percentiel(s, 50)),
    p95: round2(percentiel(s, 95)),
    p99: round2(percentiel(s, 99)),
    requests: r.requests.total,
    mislukt: r.non2xx + r.errors + r.timeouts,
    statussen: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, stat]) => [code, stat.count])),
    commitsPerVerzoek: perVerzoek(na.commits - voor.commits),
    rijenIngevoegdPerVerzoek: perVerzoek(na.inserts - voor.inserts),
    otherCpuPercent: Math.round(otherCpuPercent),
  };
}

async function main(): Promise<void> {
  const gestart = performance.now();
  if (!Number.isFinite(DUUR) || DUUR < 1) throw new Error('--duur: seconds, at least 1');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const instelling = async (naam: string) => (await admin.query<Record<string, string>>(`show ${naam}`)).rows[0]?.[naam] ?? '?';
  const versie = await instelling('server_version');
  const fsync = await instelling('fsync');
  const synchronousCommit = await instelling('synchronous_commit');
  if (fsync !== 'on' || synchronousCommit === 'off') throw new Error(`this benchmark needs fsync on and synchronous_commit not off (fsync ${fsync}, synchronous_commit ${synchronousCommit})`);
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  const machine = { cpus: os.availableParallelism(), cpu, node: process.version, postgres: versie, fsync, synchronousCommit, loadAverage: os.loadavg().map((x) => round2(x)) };
  log(`Machine: ${machine.cpus} × ${cpu}, Node ${machine.node}, PostgreSQL ${versie} (fsync ${fsync}, synchronous_commit ${synchronousCommit}); load average ${machine.loadAverage.join(' ')}`);
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  log('Migrate, demo data, the website and its routing …');
  await laadDemo(benchUrl, async (services) => {
    const teams = (await services.teams.lijst(cliContext(), GEMEENTE, 0, 100)).rows;
    const team = (naam: string) => teams.find((t) => t.naam === naam)?.id ?? (teams[0]?.id as string);
    await services.paginafeedback.zetInstellingen(cliContext(), GEMEENTE, {
      domeinen: ['www.diemen.nl', 'diemen.nl'],
      routes: [
        { patroon: '/afval/*', team: team('Klantcontactcentrum') },
        { patroon: '/nieuws/*', team: team('Communicatie') },
      ],
    });
  });
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  await client.query('create table bench_intake (gemeente text not null, id uuid not null, tekst text not null, op timestamptz not null, primary key (gemeente, id))');

  const portLoket = await freePort();
  const portHallo = await freePort();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, PORT: String(portLoket), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0', LOKET_KPI_ROLLUP_MINUTEN: '0' };
  const loket = startChild(process.execPath, ['--disable-warning=ExperimentalWarning', 'bench/meldingen-intake/server.ts'], { cwd: ROOT, env, logFile: join(tmp, 'loket.log') });
  children.push(loket);
  const hallo = startChild(process.execPath, ['bench/http-baseline/hello-world.ts'], { cwd: ROOT, env: { PATH: process.env.PATH, PORT: String(portHallo) }, logFile: join(tmp, 'hallo.log') });
  children.push(hallo);
  const base = `http://127.0.0.1:${portLoket}`;
  await msUntil200(loket, `${base}/health`, 60_000);
  await msUntil200(hallo, `http://127.0.0.1:${portHallo}/`, 30_000);

  const script = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: SITE };
  const routes: Route[] = [
    { naam: 'bare Fastify hello-world (GET /)', base: `http://127.0.0.1:${portHallo}`, methode: 'GET', pad: '/', pid: () => hallo.process.pid ?? 0 },
    { naam: 'single-row insert (POST /bench/rij)', base, methode: 'POST', pad: '/bench/rij', headers: { 'content-type': 'application/json' }, body: (i) => JSON.stringify({ tekst: `Rij ${i}` }), pid: () => loket.process.pid ?? 0 },
    { naam: `POST /${SLUG}/paginafeedback`, base, methode: 'POST', pad: `/${SLUG}/paginafeedback`, headers: script, body: reactie, pid: () => loket.process.pid ?? 0 },
  ];
  for (let i = 0; i < 5; i++) {
    const proef = await fetch(`${base}/${SLUG}/paginafeedback`, { method: 'POST', headers: script, body: reactie(teller.i++) });
    if (proef.status !== 201) throw new Error(`probe: ${proef.status} ${await proef.text()}`);
  }
  // Statements of one post, counted by PostgreSQL (when pg_stat_statements is loaded).
  await client.query('select pg_stat_statements_reset()').catch(() => undefined);
  const voorProef = await statements(client);
  for (let i = 0; i < 20; i++) await fetch(`${base}/${SLUG}/paginafeedback`, { method: 'POST', headers: script, body: reactie(teller.i++) });
  const naProef = await statements(client);
  let statementsPerPost: number | null = null;
  if (voorProef && naProef) {
    let totaal = 0;
    for (const [q, n] of naProef) if (!/pg_stat_statements/.test(q)) totaal += n - (voorProef.get(q) ?? 0);
    statementsPerPost = round2(totaal / 20);
  }

  const metingen = [];
  for (const route of routes) {
    log(`${route.naam}: ${WARMUP} s warm-up, ${DUUR} s measured …`);
    const m = await meet(route, client);
    log(`  ${m.reqPerS} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, failed ${m.mislukt}, commits/request ${m.commitsPerVerzoek}, rows inserted/request ${m.rijenIngevoegdPerVerzoek}, other CPU ${m.otherCpuPercent} %`);
    metingen.push(m);
  }
  await loket.stop();
  await hallo.stop();

  const [hello, insert, feedback] = metingen as [(typeof metingen)[0], (typeof metingen)[0], (typeof metingen)[0]];
  const opgeslagen = Number((await client.query<{ n: string }>('select count(*) as n from paginafeedback')).rows[0]?.n);
  const resultaat = {
    datum: new Date().toISOString(),
    machine,
    methode: { duurS: DUUR, warmupS: WARMUP, verbindingen: VERBINDINGEN, gemeente: GEMEENTE },
    data: { opmerkingenNa: opgeslagen, statementsPerPost },
    metingen,
    doel: { perS: DOEL_PER_S, p99Ms: DOEL_P99 },
    uitkomst: { perSGehaald: feedback.reqPerS >= DOEL_PER_S, p99Gehaald: feedback.p99 <= DOEL_P99, aandeelVanInsert: round2(feedback.reqPerS / insert.reqPerS) },
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);
  const regels = [
    `Run of ${resultaat.datum.slice(0, 16).replace('T', ' ')} UTC: ${machine.cpus} × ${cpu}, Node ${machine.node}, PostgreSQL ${versie} (fsync ${fsync}, synchronous_commit ${synchronousCommit}), load average at the start ${machine.loadAverage.join(' / ')}. ${VERBINDINGEN} connections, ${WARMUP} s warm-up + ${DUUR} s per route, one route after the other; ${opgeslagen.toLocaleString('en')} remarks stored at the end${statementsPerPost === null ? '' : `; ${statementsPerPost} SQL statements per post (pg_stat_statements)`}.`,
    '',
    '| Request | req/s | p50 ms | p95 ms | p99 ms | vs single-row insert | commits / request | rows inserted / request | failed | other CPU |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...metingen.map((m) => `| ${m.naam} | ${m.reqPerS} | ${m.p50} | ${m.p95} | ${m.p99} | ${m === hello ? '—' : `${Math.round((m.reqPerS / insert.reqPerS) * 100)} %`} | ${m === hello ? '—' : m.commitsPerVerzoek} | ${m === hello ? '—' : m.rijenIngevoegdPerVerzoek} | ${m.mislukt} | ${m.otherCpuPercent} % |`),
    '',
    `Target ≥ ${DOEL_PER_S} posts/s: ${ja(resultaat.uitkomst.perSGehaald)} (${feedback.reqPerS}/s, ${Math.round(resultaat.uitkomst.aandeelVanInsert * 100)} % of the single-row insert in the same run); p99 ≤ ${DOEL_P99} ms: ${ja(resultaat.uitkomst.p99Gehaald)} (${feedback.p99} ms).`,
  ];
  const tekst = regels.join('\n');
  schrijfInBenchmarks('paginafeedback', tekst);
  log(`\n${tekst}\n\nTotal ${Math.round((performance.now() - gestart) / 1000)} s. Raw: bench/paginafeedback/results.json`);
  await client.end();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}

try {
  await main();
} finally {
  for (const c of children) await c.stop();
}
