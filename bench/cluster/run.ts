// Cluster benchmark (issue 17, ADR 0027): per-request latency and CPU of 1 and of 3 `loket serve`
// nodes behind HAProxy, at the same fixed total load, for a typical GET (the team work queue) and a
// POST (a new zaak with an Idempotency-Key); then the cost of cross-node invalidation: from a
// logout on node A until node B refuses the session, and the time a NOTIFY adds to a write's
// transaction. Both clusters run at once, each on its own copy of one database, and are measured
// in alternating rounds, so the load of other processes on the machine falls on both alike.
// `npm run bench:cluster` (about 5 minutes). Not part of npm test. Method and results:
// BENCHMARKS.md ("Cluster").
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { startCluster, type Cluster } from '../../src/cluster/cluster.ts';
import { openDatabase } from '../../src/db/database.ts';
import { openSignalen } from '../../src/db/signalen.ts';
import { systeemklok } from '../../src/klok.ts';
import { cliContext } from '../../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../../src/modules/demo/demo.data.ts';
import { loketServices } from '../../src/server.ts';
import { httpKlant, type HttpKlant } from '../../test/http-klant.ts';
import { logIn, type Ingelogd } from '../../test/login.ts';
import { processTicks, withOtherCpu } from '../http-baseline/processes.ts';
import { benchDatabase } from '../gedeeld.ts';

/** What this benchmark uses of autocannon beside bench/http-baseline/autocannon.d.ts: a fixed overall rate, headers per request. */
type Opties = Parameters<typeof autocannon>[0] & {
  overallRate?: number;
  requests?: { method: string; path: string; body: string; setupRequest: (req: { path: string; headers?: Record<string, string> }) => { path: string; headers?: Record<string, string> } }[];
};
const kanon = autocannon as unknown as (opties: Opties) => ReturnType<typeof autocannon>;

const ROOT = resolve(import.meta.dirname, '../..');
const DATABASE = 'loket_bench_cluster';
const RONDES = Number(process.env.BENCH_ROUNDS ?? 3);
const INLOOP = Number(process.env.BENCH_RAMP ?? 10);
const DUUR = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const VERBINDINGEN = Number(process.env.BENCH_CONNECTIONS ?? 8);
const RATE = { get: Number(process.env.BENCH_RATE_GET ?? 150), post: Number(process.env.BENCH_RATE_POST ?? 40) };
const STEEKPROEF = 30;
const NOTIFY_RONDES = 2_000;
const GEMEENTE = 'GM0384';
const BEHANDELAAR = 'behandelaar@diemen.demo';
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const log = (regel: string) => console.log(regel);
const pauze = (ms: number) => new Promise((r) => setTimeout(r, ms));

const { adminUrl } = benchDatabase();
const urlVan = (database: string) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
/** The database of the cluster with n nodes (copies of one). */
const databaseVan = (n: number) => `${DATABASE}_${n}`;

const r2 = (x: number) => Math.round(x * 100) / 100;
function stats(waarden: number[]) {
  const s = waarden.toSorted((a, b) => a - b);
  const p = (q: number) => r2(s[Math.min(s.length - 1, Math.max(0, Math.ceil((q / 100) * s.length) - 1))] ?? Number.NaN);
  return { p50: p(50), p95: p(95), p99: p(99), max: r2(s.at(-1) ?? Number.NaN), n: s.length };
}
const msCpu = (ticks: number) => (ticks * 1000) / CLK_TCK;

interface Meting {
  knooppunten: number;
  verzoek: string;
  rate: number;
  verzoeken: number;
  mislukt: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU time per completed request, ms: the nodes together, HAProxy, the PostgreSQL backends of the bench database. */
  cpuMsPerVerzoek: { knooppunten: number; haproxy: number; postgres: number };
  otherCpuPercent: number;
  stealPercent: number;
}

/** The process ids of the PostgreSQL backends serving the bench database (the nodes' pools, job queue, listeners). */
async function backends(admin: Client, database: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
  return rows.map((r) => r.pid);
}

/** CPU ticks of a set of processes since a snapshot; a process that ended meanwhile counts for nothing (its time is gone). */
function teller(pids: () => number[]): () => number {
  const voor = new Map(pids().map((pid) => [pid, processTicks(pid)]));
  return () => {
    let som = 0;
    for (const [pid, t] of voor) {
      const nu = processTicks(pid);
      if (nu >= t) som += nu - t;
    }
    return som;
  };
}

/** Counters from now on: the nodes together, HAProxy, the PostgreSQL backends of the cluster's database. */
function tellers(cluster: Cluster, pgPids: number[]) {
  return {
    knooppunten: teller(() => cluster.knooppunten.map((k) => k.pid() ?? 0).filter((pid) => pid > 0)),
    haproxy: teller(() => [cluster.proxyPid() ?? 0].filter((pid) => pid > 0)),
    postgres: teller(() => pgPids),
  };
}

/** autocannon at a fixed overall rate: warm-up, then the measurement with every answer's time and the CPU it cost. */
async function meet(cluster: Cluster, admin: Client, naam: string, rate: number, opties: Opties): Promise<Meting & { tijden: number[] }> {
  const basis = { ...opties, connections: VERBINDINGEN, overallRate: rate };
  if (WARMUP > 0) await kanon({ ...basis, duration: WARMUP });
  const pgPids = await backends(admin, databaseVan(cluster.knooppunten.length));
  const tijden: number[] = [];
  const t = tellers(cluster, pgPids);
  const { value: r, otherCpuPercent, stealPercent } = await withOtherCpu(
    async () => {
      const run = kanon({ ...basis, duration: DUUR });
      run.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
        if (status >= 200 && status < 300) tijden.push(ms);
      });
      return await run;
    },
    () => processTicks('self') + pgPids.reduce((som, pid) => som + processTicks(pid), 0) + [...cluster.knooppunten.map((k) => k.pid() ?? 0), cluster.proxyPid() ?? 0].reduce((som, pid) => som + processTicks(pid), 0),
  );
  const n = Math.max(1, r.requests.total);
  const s = stats(tijden);
  const m = {
    tijden,
    knooppunten: cluster.knooppunten.length,
    verzoek: naam,
    rate,
    verzoeken: r.requests.total,
    mislukt: r.non2xx + r.errors + r.timeouts,
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    cpuMsPerVerzoek: { knooppunten: r2(msCpu(t.knooppunten()) / n), haproxy: r2(msCpu(t.haproxy()) / n), postgres: r2(msCpu(t.postgres()) / n) },
    otherCpuPercent,
    stealPercent,
  };
  log(
    `  ${m.knooppunten} node(s), ${naam} at ${rate}/s: ${m.verzoeken} done, failed ${m.mislukt}, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms; CPU per request: nodes ${m.cpuMsPerVerzoek.knooppunten} ms, HAProxy ${m.cpuMsPerVerzoek.haproxy} ms, PostgreSQL ${m.cpuMsPerVerzoek.postgres} ms; other CPU ${otherCpuPercent} %`,
  );
  return m;
}

/** CPU per second of the idle cluster: each node's timers, job-queue polling and HAProxy's health checks. */
async function stil(cluster: Cluster, admin: Client, seconden: number) {
  const t = tellers(cluster, await backends(admin, databaseVan(cluster.knooppunten.length)));
  await pauze(seconden * 1000);
  return {
    knooppuntMsPerS: r2(msCpu(t.knooppunten()) / seconden / cluster.knooppunten.length),
    haproxyMsPerS: r2(msCpu(t.haproxy()) / seconden),
    postgresMsPerS: r2(msCpu(t.postgres()) / seconden),
  };
}

/** Staff members for the logout measurement: each logs in once (a TOTP step is used once per person). */
async function maakGebruikers(databaseUrl: string, aantal: number): Promise<{ email: string; wachtwoord: string }[]> {
  const database = await openDatabase({ databaseUrl, poolSize: 2 });
  const signalen = await openSignalen(database, console);
  try {
    const services = loketServices({ database, klok: systeemklok, berichten: { verstuur: async () => undefined }, signalen, publicUrl: 'http://127.0.0.1' });
    const uit = [];
    for (let i = 0; i < aantal; i++) {
      const email = `meting-${randomBytes(4).toString('hex')}@bench.invalid`;
      const wachtwoord = `${randomBytes(18).toString('base64url')}-Aa1`;
      await services.gebruikers.maak(cliContext(), GEMEENTE, { naam: `Meting ${i + 1}`, email, wachtwoord, rollen: ['kcc-medewerker'] });
      uit.push({ email, wachtwoord });
    }
    return uit;
  } finally {
    await signalen.close();
    await database.close();
  }
}

/** From a logout on node A (k1) until node B (k2) refuses that session: B is polled back to back. */
async function afmeldenTotGeweigerd(cluster: Cluster) {
  const [a, b] = [httpKlant(cluster.knooppunten[0]?.url ?? ''), httpKlant(cluster.knooppunten[1]?.url ?? '')];
  const proxy = httpKlant(cluster.proxyUrl);
  const gebruikers = await maakGebruikers(urlVan(databaseVan(cluster.knooppunten.length)), STEEKPROEF);
  const vanAntwoord: number[] = [];
  const vanVerzoek: number[] = [];
  const pogingen: number[] = [];
  const rtt: number[] = [];
  try {
    for (const g of gebruikers) {
      // First login: the authenticator is enrolled with the secret of step 1.
      const wie = await logIn(proxy, systeemklok, g.email, g.wachtwoord);
      const sessie = () => b.inject({ method: 'GET', url: '/api/v1/sessie', headers: wie.headers });
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        if ((await sessie()).statusCode !== 200) throw new Error('session not known on B');
        rtt.push(performance.now() - t);
      }
      const t0 = performance.now();
      const uit = await a.inject({ method: 'DELETE', url: '/api/v1/sessie', headers: wie.headers });
      const t1 = performance.now();
      if (uit.statusCode !== 204) throw new Error(`logout: ${uit.statusCode} ${uit.body}`);
      let n = 0;
      for (;;) {
        n++;
        const code = (await sessie()).statusCode;
        if (code === 401) break;
        if (code !== 200 || performance.now() - t1 > 5_000) throw new Error(`B still gives ${code}`);
      }
      const t2 = performance.now();
      vanAntwoord.push(t2 - t1);
      vanVerzoek.push(t2 - t0);
      pogingen.push(n);
    }
  } finally {
    a.close();
    b.close();
    proxy.close();
  }
  return { vanAntwoord: stats(vanAntwoord), vanVerzoek: stats(vanVerzoek), pogingen: stats(pogingen), sessieRtt: stats(rtt) };
}

/**
 * The time a NOTIFY adds to a write: the same small transaction (begin, insert, commit) as is,
 * with one more statement (`select 1`: the round trip alone), and with `select pg_notify(…)` as
 * `sein()` sends it, in turn, with the nodes listening.
 */
async function notifyKosten(databaseUrl: string) {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query('create table if not exists bench_notify (id bigserial primary key, t text not null)');
    const tijden: [number[], number[], number[]] = [[], [], []];
    for (let i = 0; i < NOTIFY_RONDES; i++) {
      const soort = i % 3;
      const t = performance.now();
      await c.query('begin');
      await c.query('insert into bench_notify (t) values ($1)', [`rij ${i}`]);
      if (soort === 1) await c.query('select 1');
      // A payload no cache matches: the nodes hear it and drop nothing.
      if (soort === 2) await c.query('select pg_notify($1, $2)', ['loket_sessie', `sessie:bench-${i}`]);
      await c.query('commit');
      tijden[soort]?.push(performance.now() - t);
    }
    await c.query('drop table bench_notify');
    const [zonder, leeg, met] = tijden.map(stats) as [ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>];
    return { zonder, leeg, met, extraP50: r2(met.p50 - zonder.p50), extraP95: r2(met.p95 - zonder.p95), notifyZelfP50: r2(met.p50 - leeg.p50) };
  } finally {
    await c.end();
  }
}

function machine(serverVersion: string) {
  let model = 'unknown';
  try {
    model = /Model name:\s*(.*)/.exec(execFileSync('lscpu', { encoding: 'utf8' }))?.[1]?.trim() ?? model;
  } catch {
    model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  }
  return {
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    cpu: model,
    geheugenGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: serverVersion,
    haproxy: /HAProxy version (\S+)/.exec(execFileSync('haproxy', ['-v'], { encoding: 'utf8' }))?.[1] ?? '?',
    loadAverage: os.loadavg().map(r2),
  };
}

const json = { 'content-type': 'application/json' };
const BODY = JSON.stringify({ zaaktype: 'e-mailvraag', onderwerp: 'Vraag over afval', kanaal: 'e-mail', ontvangstdatum: '2026-03-02', betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' } });
const ZAKEN = `/api/v1/gemeenten/${GEMEENTE}/zaken`;

/** Adds up the rounds of one cluster and request: CPU over all requests, percentiles over all answers. */
function samen(rondes: (Meting & { tijden: number[] })[]): Meting {
  const eerste = rondes[0];
  if (!eerste) throw new Error('no rounds');
  const n = rondes.reduce((som, m) => som + m.verzoeken, 0);
  const gewogen = (f: (m: Meting) => number) => r2(rondes.reduce((som, m) => som + f(m) * m.verzoeken, 0) / Math.max(1, n));
  const s = stats(rondes.flatMap((m) => m.tijden));
  return {
    knooppunten: eerste.knooppunten,
    verzoek: eerste.verzoek,
    rate: eerste.rate,
    verzoeken: n,
    mislukt: rondes.reduce((som, m) => som + m.mislukt, 0),
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    cpuMsPerVerzoek: { knooppunten: gewogen((m) => m.cpuMsPerVerzoek.knooppunten), haproxy: gewogen((m) => m.cpuMsPerVerzoek.haproxy), postgres: gewogen((m) => m.cpuMsPerVerzoek.postgres) },
    otherCpuPercent: Math.round((rondes.reduce((som, m) => som + m.otherCpuPercent, 0) / rondes.length) * 10) / 10,
    stealPercent: Math.round((rondes.reduce((som, m) => som + m.stealPercent, 0) / rondes.length) * 10) / 10,
  };
}

async function main(): Promise<void> {
  const gestart = performance.now();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const info = machine((await admin.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?');
  log(`Machine: nproc ${info.nproc}, ${info.cpu}, ${info.geheugenGiB} GiB, Node ${info.node}, PostgreSQL ${info.postgres}, HAProxy ${info.haproxy}; load average ${info.loadAverage.join(' ')}`);
  const geheim = randomBytes(32).toString('hex');
  const env = {
    ...process.env,
    TZ: 'UTC',
    LOG_LEVEL: 'warn',
    LOKET_RATE_LIMIT: '1000000',
    LOKET_RATE_LIMIT_AANMELDEN: '1000000',
    LOKET_TERMIJNBEWAKING_MINUTEN: '0',
    LOKET_FORMULIER_GEHEIM: geheim,
  };
  for (const n of [1, 3]) await admin.query(`drop database if exists ${databaseVan(n)} with (force)`);
  await admin.query(`create database ${databaseVan(1)}`);
  log('Migrations and the demo data with its zaken, once (about 30 s) …');
  await (await startCluster({ databaseUrl: urlVan(databaseVan(1)), knooppunten: 1, demo: 'met-zaken', env })).stop();
  await admin.query(`create database ${databaseVan(3)} template ${databaseVan(1)}`);

  const clusters = new Map<number, Cluster>();
  const klanten: HttpKlant[] = [];
  try {
    for (const n of [1, 3]) clusters.set(n, await startCluster({ databaseUrl: urlVan(databaseVan(n)), knooppunten: n, env }));
    const een = clusters.get(1) as Cluster;
    const drie = clusters.get(3) as Cluster;
    const db = new Client({ connectionString: urlVan(databaseVan(1)) });
    await db.connect();
    const team = (await db.query<{ team_id: string }>('select tl.team_id from team_lid tl join gebruiker g on g.id = tl.gebruiker_id where g.email = $1 and tl.gemeente = $2 limit 1', [BEHANDELAAR, GEMEENTE])).rows[0]?.team_id;
    if (!team) throw new Error('the demo behandelaar has no team');
    const telling = (await db.query<{ zaken: string; open: string }>('select count(*) as zaken, count(*) filter (where team_id = $1 and afgesloten_op is null) as open from zaak', [team])).rows[0];
    const data = { zaken: Number(telling?.zaken), teamOpen: Number(telling?.open) };
    await db.end();

    // The demo behandelaar logs in on each cluster (its own database): a TOTP step serves one login, so 30 s apart.
    const g = DEMO_GEBRUIKERS.find((d) => d.email === BEHANDELAAR);
    if (!g) throw new Error('no demo behandelaar');
    const sessies = new Map<number, Ingelogd>();
    for (const [n, cluster] of clusters) {
      const klant = httpKlant(cluster.proxyUrl);
      klanten.push(klant);
      if (sessies.size > 0) await pauze(30_000 - (Date.now() % 30_000) + 200);
      sessies.set(n, await logIn(klant, systeemklok, g.email, g.wachtwoord, g.totpGeheim));
    }
    const queue = `${ZAKEN}?team=${team}`;
    let volgnummer = 0;
    const run = randomBytes(4).toString('hex');
    const verzoeken = {
      get: (c: Cluster, wie: Ingelogd): Opties => ({ url: `${c.proxyUrl}${queue}`, headers: { cookie: wie.cookie } }),
      post: (c: Cluster, wie: Ingelogd): Opties => ({
        url: `${c.proxyUrl}${ZAKEN}`,
        headers: { ...json, ...wie.headers },
        requests: [{ method: 'POST', path: ZAKEN, body: BODY, setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `${run}-${volgnummer++}` } }) }],
      }),
    };

    const stilte: Record<string, Awaited<ReturnType<typeof stil>>> = {};
    const [s1, s3] = await Promise.all([stil(een, admin, 10), stil(drie, admin, 10)]);
    stilte['1'] = s1;
    stilte['3'] = s3;
    log(`Idle: ${s1.knooppuntMsPerS} ms CPU per second per node (1 node), ${s3.knooppuntMsPerS} (3 nodes)`);

    // Every node warm (JIT, pools, caches) before anything is measured: with 3 nodes each sees a third of the requests.
    log(`Ramp-up, ${INLOOP} s per cluster and request …`);
    for (const [n, c] of clusters) {
      const wie = sessies.get(n) as Ingelogd;
      await kanon({ ...verzoeken.get(c, wie), connections: VERBINDINGEN, overallRate: RATE.get, duration: INLOOP });
      await kanon({ ...verzoeken.post(c, wie), connections: VERBINDINGEN, overallRate: RATE.post, duration: INLOOP });
    }

    const rondes = new Map<string, (Meting & { tijden: number[] })[]>();
    for (let ronde = 1; ronde <= RONDES; ronde++) {
      log(`Round ${ronde} of ${RONDES}:`);
      // The order of the clusters alternates per round.
      const volgorde = ronde % 2 === 1 ? [1, 3] : [3, 1];
      for (const soort of ['get', 'post'] as const) {
        // Besides the same total load on both: one node at a third of it, the load each of the three nodes gets.
        for (const [n, deel] of [...volgorde.map((x) => [x, 1] as const), [1, 3] as const]) {
          const c = clusters.get(n) as Cluster;
          const m = await meet(c, admin, soort === 'get' ? 'GET work queue' : 'POST new zaak', Math.round(RATE[soort] / deel), verzoeken[soort](c, sessies.get(n) as Ingelogd));
          const sleutel = `${soort} ${n}${deel === 1 ? '' : ' /3'}`;
          rondes.set(sleutel, [...(rondes.get(sleutel) ?? []), m]);
        }
      }
    }
    const metingen = [...rondes.values()].map(samen);

    log('Logout on k1 until k2 refuses the session …');
    const invalidatie = await afmeldenTotGeweigerd(drie);
    log(`  from the logout's answer: p50 ${invalidatie.vanAntwoord.p50} ms, p95 ${invalidatie.vanAntwoord.p95} ms, max ${invalidatie.vanAntwoord.max} ms (one session read on B: p50 ${invalidatie.sessieRtt.p50} ms)`);
    log('A NOTIFY in a write transaction …');
    const notify = await notifyKosten(urlVan(databaseVan(3)));
    log(`  without p50 ${notify.zonder.p50} ms, with an empty statement ${notify.leeg.p50} ms, with pg_notify ${notify.met.p50} ms`);

    const resultaat = {
      datum: new Date().toISOString(),
      machine: info,
      methode: { duurS: DUUR, warmupS: WARMUP, inloopS: INLOOP, rondes: RONDES, verbindingen: VERBINDINGEN, rate: RATE, clkTck: CLK_TCK, steekproef: STEEKPROEF, notifyRondes: NOTIFY_RONDES },
      data,
      stilte,
      metingen,
      rondes: Object.fromEntries([...rondes].map(([k, v]) => [k, v.map((m) => ({ ...m, tijden: undefined }))])),
      invalidatie,
      notify,
    };
    writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);
    schrijfVerslag(resultaat);
  } finally {
    for (const k of klanten) k.close();
    for (const c of clusters.values()) await c.stop();
    for (const n of [1, 3]) await admin.query(`drop database if exists ${databaseVan(n)} with (force)`);
    await admin.end();
  }
  log(`Total ${Math.round((performance.now() - gestart) / 1000)} s. Raw: bench/cluster/results.json`);
}

interface Resultaat {
  datum: string;
  machine: ReturnType<typeof machine>;
  data: { zaken: number; teamOpen: number };
  stilte: Record<string, Awaited<ReturnType<typeof stil>>>;
  metingen: Meting[];
  rondes: Record<string, Meting[]>;
  invalidatie: Awaited<ReturnType<typeof afmeldenTotGeweigerd>>;
  notify: Awaited<ReturnType<typeof notifyKosten>>;
}

/** One row of the results table. */
function rij(m: Meting): string {
  const c = m.cpuMsPerVerzoek;
  return `| ${m.verzoek} | ${m.knooppunten} | ${m.rate} | ${m.verzoeken} | ${m.mislukt} | ${m.p50} | ${m.p95} | ${m.p99} | ${c.knooppunten} | ${c.haproxy} | ${c.postgres} | ${r2(c.knooppunten + c.haproxy + c.postgres)} | ${m.otherCpuPercent} % |`;
}

/** The results as text, between the markers of the Cluster section in BENCHMARKS.md. */
function schrijfVerslag(r: Resultaat): void {
  const { machine: info, data, invalidatie: inv, notify } = r;
  const perRonde = (sleutel: string) => (r.rondes[sleutel] ?? []).map((m) => r2(m.cpuMsPerVerzoek.knooppunten + m.cpuMsPerVerzoek.haproxy + m.cpuMsPerVerzoek.postgres)).join(', ');
  const s1 = r.stilte['1'];
  const s3 = r.stilte['3'];
  const tekst = [
    `Run of ${r.datum.slice(0, 16).replace('T', ' ')} UTC: \`nproc\` ${info.nproc}, ${info.cpu} (lscpu), ${info.geheugenGiB} GiB, Node ${info.node}, PostgreSQL ${info.postgres}, HAProxy ${info.haproxy}; load average at the start ${info.loadAverage.join(' / ')}.`,
    '',
    `Data: the demo data with its zaken (${data.zaken} zaken; the measured team queue has ${data.teamOpen} open), in two copies (one per cluster), plus the zaken the POST measurements add. Load: autocannon at a fixed total rate (GET ${RATE.get}/s, POST ${RATE.post}/s) over ${VERBINDINGEN} connections to HAProxy; ${INLOOP} s ramp-up per cluster and request, then ${RONDES} rounds of ${WARMUP} s warm-up and ${DUUR} s measured, the clusters in alternating order; CPU time from /proc/<pid>/stat (clock ticks of ${Math.round(1000 / CLK_TCK)} ms).`,
    '',
    '| Request | nodes | rate/s | done | failed | p50 ms | p95 ms | p99 ms | CPU ms/request: nodes | HAProxy | PostgreSQL | together | other CPU |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.metingen.toSorted((a, b) => a.verzoek.localeCompare(b.verzoek) || b.rate - a.rate || a.knooppunten - b.knooppunten).map(rij),
    '',
    `CPU ms per request (together) in each round: GET 1 node ${perRonde('get 1')}; 3 nodes ${perRonde('get 3')}; 1 node at a third ${perRonde('get 1 /3')}. POST 1 node ${perRonde('post 1')}; 3 nodes ${perRonde('post 3')}; 1 node at a third ${perRonde('post 1 /3')}.`,
    '',
    `Idle (10 s, no requests, both clusters at once): ${s1?.knooppuntMsPerS} ms CPU per second per node with 1 node, ${s3?.knooppuntMsPerS} with 3 (job-queue polling, timers, answering HAProxy's checks); HAProxy ${s1?.haproxyMsPerS} ms/s with 1 node, ${s3?.haproxyMsPerS} with 3; the PostgreSQL backends of the cluster's database ${s1?.postgresMsPerS} ms/s with 1 node, ${s3?.postgresMsPerS} with 3.`,
    '',
    `Logout on k1 until k2 refuses the session (${inv.vanAntwoord.n} sessions, each read on k2 first, then k2 read back to back after the logout): from k1's 204 p50 ${inv.vanAntwoord.p50} ms, p95 ${inv.vanAntwoord.p95} ms, max ${inv.vanAntwoord.max} ms; from sending the logout p50 ${inv.vanVerzoek.p50} ms; reads until refused p50 ${inv.pogingen.p50}, max ${inv.pogingen.max}; one session read on k2 takes p50 ${inv.sessieRtt.p50} ms.`,
    '',
    `A NOTIFY in a write (${NOTIFY_RONDES} small transactions in turn, the 3 nodes listening): begin/insert/commit p50 ${notify.zonder.p50} ms, p95 ${notify.zonder.p95} ms; with one more statement (\`select 1\`) p50 ${notify.leeg.p50} ms; with \`select pg_notify(…)\` as \`sein()\` sends it p50 ${notify.met.p50} ms, p95 ${notify.met.p95} ms: + ${notify.extraP50} ms at the median, of which ${notify.notifyZelfP50} ms beyond the round trip of a statement.`,
  ].join('\n');
  const md = join(ROOT, 'BENCHMARKS.md');
  const huidig = readFileSync(md, 'utf8');
  const start = '<!-- bench:cluster:start -->';
  const einde = '<!-- bench:cluster:end -->';
  if (huidig.includes(start) && huidig.includes(einde)) {
    writeFileSync(md, `${huidig.slice(0, huidig.indexOf(start) + start.length)}\n${tekst}\n${huidig.slice(huidig.indexOf(einde))}`);
  }
  log(`\n${tekst}\n`);
}

await main();
