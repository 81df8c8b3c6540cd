// Zaken queue benchmark: a million zaken on PostgreSQL, then the team work queue and the zaak
// detail of a real Loket server under load (autocannon, 1 and 16 connections), beside two anchors
// measured in the same run: PostgreSQL answering the queue SQL itself, and a bare Fastify
// hello-world. `npm run bench:zaken` (BENCH_ZAKEN=100000 for a smaller run; `-- --reuse` keeps the
// database of the previous run; `-- --profile` adds CPU profiles of Loket under load). Not part of npm test.
// Method and results: BENCHMARKS.md ("Zaken queue").
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import { Client, Pool } from 'pg';
import type { DB } from '../../src/db/schema.ts';
import { BEPERKT_ZICHTBAAR, zakenRepository } from '../../src/modules/zaken/zaken.repository.ts';
import { freePort, msUntil200, processTicks, startChild, ticksOfCommand, withOtherCpu, type Child } from '../http-baseline/processes.ts';
import { summariseProfile } from '../http-baseline/profile.ts';
import { genereer, type Generatie } from './genereer.ts';
import { benchDatabase, laadDemo, logInDemo, percentiel, round2 } from '../gedeeld.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AANTAL = Number(process.env.BENCH_ZAKEN ?? 1_000_000);
const OPEN_AANDEEL = 0.08;
const DUUR = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const DATABASE = 'loket_bench_zaken';
const GEMEENTE = 'GM0384';
const TEAM = 'Openbare ruimte';
const BEHANDELAAR = 'behandelaar@diemen.demo';
const DOEL = { medianEenMs: 5, p95ZestienMs: 20 };
const OPEN_ZAAK = { median1Ms: '150–200', median16Ms: '320–430' };
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-zaken-'));
const children: Child[] = [];
const log = (regel: string) => console.log(regel);
const vlaggen = new Set(process.argv.slice(2));
const nuUs = () => Number(process.hrtime.bigint() / 1000n);

const { adminUrl, benchUrl } = benchDatabase(DATABASE);

const stats = (tijden: number[]) => {
  const s = Float64Array.from(tijden).toSorted();
  return { p50: round2(percentiel(s, 50)), p95: round2(percentiel(s, 95)), p99: round2(percentiel(s, 99)), n: s.length };
};

interface Meting {
  naam: string;
  verbindingen: number;
  reqPerS: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  mislukt: number;
  bytesPerAntwoord: number;
  otherCpuPercent: number;
  stealPercent: number;
  vensterUs: [number, number];
}

/** autocannon on base; `paden` rotates the path per request; times per answer are kept to the µs. */
async function meet(naam: string, base: string, paden: string[], headers: Record<string, string>, verbindingen: number, eigen: () => number): Promise<Meting> {
  let i = 0;
  const opties = {
    url: base,
    headers,
    connections: verbindingen,
    requests: [{ method: 'GET', setupRequest: (req: { path: string }) => ({ ...req, path: paden[i++ % paden.length] as string }) }],
  };
  if (WARMUP > 0) await autocannon({ ...opties, duration: WARMUP });
  const tijden: number[] = [];
  const startUs = nuUs();
  const { value: r, otherCpuPercent, stealPercent } = await withOtherCpu(async () => {
    const run = autocannon({ ...opties, duration: DUUR });
    run.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
      if (status >= 200 && status < 300) tijden.push(ms);
    });
    return await run;
  }, eigen);
  const s = stats(tijden);
  const m: Meting = {
    naam,
    verbindingen,
    reqPerS: Math.round(r.requests.total / r.duration),
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    requests: r.requests.total,
    mislukt: r.non2xx + r.errors + r.timeouts,
    bytesPerAntwoord: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
    otherCpuPercent,
    stealPercent,
    vensterUs: [startUs, nuUs()],
  };
  log(`  ${naam} × ${verbindingen}: ${m.reqPerS} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, failed ${m.mislukt}`);
  return m;
}

/** The demo data through the app (gemeenten, staff, teams, zaaktypen), plus teams and behandelaars up to the bench's size. */
async function basisgegevens(): Promise<void> {
  await laadDemo(benchUrl, async (_services, database) => {
    for (const gemeente of ['GM0384', 'GM0437', 'GM0451']) {
      const bestaand = Number((await database.db.selectFrom('team').select((eb) => eb.fn.countAll<number>().as('n')).where('gemeente', '=', gemeente).executeTakeFirstOrThrow()).n);
      for (let i = bestaand + 1; i <= 10; i++) {
        await database.db.insertInto('team').values({ gemeente, id: crypto.randomUUID(), naam: `Team ${i}`, omschrijving: 'Benchmark' }).execute();
      }
    }
  });
}

async function machine(client: Client) {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  const versie = (await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?';
  const instellingen = (await client.query<{ name: string; setting: string; unit: string | null }>("select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections')")).rows;
  return {
    cpus: os.availableParallelism(),
    cpu,
    geheugenGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: versie,
    postgresInstellingen: Object.fromEntries(instellingen.map((r) => [r.name, `${r.setting}${r.unit ?? ''}`])),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** The exact SQL the repository sends for the queue and the detail reads, captured with Kysely's log hook. */
async function vangSql(gebruiker: string, team: string, zaakId: string) {
  const gevangen: CompiledQuery[] = [];
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: benchUrl, max: 1 }) }), log: (e) => void gevangen.push(e.query) });
  const repo = zakenRepository(db);
  const zo = async (naam: string, fn: () => Promise<unknown>) => {
    gevangen.length = 0;
    await fn();
    return gevangen.map((q) => ({ naam, sql: q.sql, parameters: [...q.parameters] }));
  };
  // The first calls also read the zaaktype names the repository keeps (once per version); capture the steady state.
  const filter = { team, open: true, limit: 21, beperkt: { gebruiker } };
  await repo.werkvoorraad(GEMEENTE, filter);
  await repo.detail(GEMEENTE, zaakId, gebruiker);
  const queue = await zo('werkvoorraad', () => repo.werkvoorraad(GEMEENTE, filter));
  const detail = await zo('detail', () => repo.detail(GEMEENTE, zaakId, gebruiker));
  await db.destroy();
  return { queue: queue[0] as { naam: string; sql: string; parameters: unknown[] }, detail };
}

/** PostgreSQL alone: the same SQL from one pg client over loopback, back to back, for `seconden`. */
async function pgAnker(client: Client, queries: { sql: string; parameters: unknown[]; naam?: string }[], seconden: number, wisselId?: (i: number) => string) {
  const tijden: number[] = [];
  const einde = performance.now() + seconden * 1000;
  for (let i = 0; performance.now() < einde; i++) {
    const t = performance.now();
    for (const q of queries) await client.query({ text: q.sql, values: wisselId ? q.parameters.map((p) => (p === '__ID__' ? wisselId(i) : p)) : q.parameters, ...(q.naam ? { name: q.naam } : {}) });
    tijden.push(performance.now() - t);
  }
  return stats(tijden);
}

function tabel(metingen: Meting[], pgQueueMs: number, pgDetailMs: number, hello: Meting): string {
  const regels = [
    '| Request | connections | req/s | p50 ms | p95 ms | p99 ms | p50 vs PostgreSQL alone | req/s vs hello-world | p95 vs hello-world | failed | other CPU | steal |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const m of metingen) {
    const anker = m.naam.startsWith('queue') ? pgQueueMs : m.naam.startsWith('detail') ? pgDetailMs : Number.NaN;
    const vsPg = Number.isNaN(anker) ? '—' : `${(m.p50 / anker).toFixed(1)}×`;
    const vsHello = m === hello ? '1' : `1 : ${Math.round(hello.reqPerS / m.reqPerS)}`;
    const p95 = m === hello ? '1' : `${(m.p95 / hello.p95).toFixed(1)}×`;
    regels.push(`| ${m.naam} | ${m.verbindingen} | ${m.reqPerS} | ${m.p50} | ${m.p95} | ${m.p99} | ${vsPg} | ${m.verbindingen === 16 ? vsHello : '—'} | ${m.verbindingen === 16 ? p95 : '—'} | ${m.mislukt} | ${m.otherCpuPercent} % | ${m.stealPercent} % |`);
  }
  return regels.join('\n');
}

async function maakData(client: Client): Promise<Generatie & { generatieS: number }> {
  // Twenty behandelaars per gemeente besides the demo staff (no login; they only own zaken).
  await client.query(`
    with nieuw as (
      insert into gebruiker (id, email, naam, wachtwoord_hash)
      select gen_random_uuid(), 'behandelaar-' || lower(g.code) || '-' || i || '@bench.invalid', 'Behandelaar ' || i || ' ' || g.naam, 'geen-inlog'
      from gemeente g cross join generate_series(1, 20) i
      returning id, email)
    insert into gebruiker_rol (gemeente, gebruiker_id, rol) select upper(split_part(split_part(email, '-', 2), '-', 1)), id, 'behandelaar' from nieuw`);

  log(`Generate ${AANTAL.toLocaleString('en')} zaken (set-based SQL) …`);
  const t0 = performance.now();
  const generatie = await genereer(client, AANTAL, OPEN_AANDEEL, log);
  const generatieS = Math.round((performance.now() - t0) / 100) / 10;
  log(`  ${generatie.zaken} zaken (${generatie.open} open), ${generatie.gebeurtenissen} events, ${generatie.betrokkenen} residents in ${generatieS} s`);

  return { ...generatie, generatieS };
}

const ja = (b: boolean) => (b ? '**yes**' : '**no**');

async function main(): Promise<void> {
  const gestart = performance.now();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const info = await machine(admin);
  log(`Machine: ${info.cpus} × ${info.cpu}, ${info.geheugenGiB} GiB, Node ${info.node}, PostgreSQL ${info.postgres}; load average ${info.loadAverage.join(' ')}`);
  const hergebruik = vlaggen.has('--reuse') && (await admin.query('select 1 from pg_database where datname = $1', [DATABASE])).rowCount === 1;
  if (!hergebruik) {
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.query(`create database ${DATABASE}`);
    log('Migrate and load the base data through the app …');
    await basisgegevens();
  }
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  const generatie: Generatie = hergebruik ? (JSON.parse(readFileSync(join(import.meta.dirname, 'results.json'), 'utf8')) as { data: Generatie }).data : await maakData(client);
  const generatieS = hergebruik ? (JSON.parse(readFileSync(join(import.meta.dirname, 'results.json'), 'utf8')) as { data: { generatieS: number } }).data.generatieS : (generatie as Generatie & { generatieS: number }).generatieS;
  const ids = await client.query<{ bo: string; team: string }>(
    `select g.id as bo, t.id as team from gebruiker g, team t where g.email = $1 and t.gemeente = $2 and t.naam = $3`,
    [BEHANDELAAR, GEMEENTE, TEAM],
  );
  const { bo, team } = ids.rows[0] ?? { bo: '', team: '' };
  const teamOpen = Number((await client.query<{ n: string }>('select count(*) as n from zaak where gemeente = $1 and team_id = $2 and afgesloten_op is null', [GEMEENTE, team])).rows[0]?.n);
  // Zaken the behandelaar may see (restricted ones only of the own team or own), open and closed, in random order.
  const detailIds = (
    await client.query<{ id: string }>(
      `select id from zaak where gemeente = $1 and (vertrouwelijkheid <> all($2) or team_id = $3 or behandelaar_id = $4) order by random() limit 5000`,
      [GEMEENTE, BEPERKT_ZICHTBAAR, team, bo],
    )
  ).rows.map((r) => r.id);

  // Anchor (d): a bare Fastify hello-world.
  const helloPort = await freePort();
  const hello = startChild(process.execPath, [join(ROOT, 'bench/http-baseline/hello-world.ts')], { cwd: ROOT, env: { ...process.env, PORT: String(helloPort) }, logFile: join(tmp, 'hello.log') });
  children.push(hello);
  await msUntil200(hello, `http://127.0.0.1:${helloPort}/`, 30_000);
  log('Fastify hello-world …');
  const helloMeting = await meet('hello-world GET /', `http://127.0.0.1:${helloPort}`, ['/'], {}, 16, () => processTicks('self') + processTicks(hello.process.pid ?? 0));
  await hello.stop();

  // Loket as shipped (serve), on the bench database.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The deadline watcher off: at start it would work through every late zaak of the million (mails, timeline entries) during the measurement.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, LOKET_DEMO: 'false', PORT: String(port), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0' };
  const profielMap = join(tmp, 'profiel');
  const profiel = vlaggen.has('--profile') ? ['--cpu-prof', `--cpu-prof-dir=${profielMap}`] : [];
  const loket = startChild(process.execPath, ['--disable-warning=ExperimentalWarning', ...profiel, 'src/cli/main.ts', 'serve'], { cwd: ROOT, env, logFile: join(tmp, 'loket.log') });
  children.push(loket);
  await msUntil200(loket, `${base}/health`, 60_000);
  const { cookie } = await logInDemo(base, BEHANDELAAR);
  const headers = { cookie };
  const queuePad = `/api/v1/gemeenten/${GEMEENTE}/zaken?team=${team}`;
  const proef = await fetch(`${base}${queuePad}`, { headers });
  if (proef.status !== 200) throw new Error(`${queuePad}: ${proef.status} ${await proef.text()}`);
  const pagina = (await proef.json()) as { items: { uiterlijkeEinddatum: string }[] };
  const detailPaden = detailIds.map((id) => `/api/v1/gemeenten/${GEMEENTE}/zaken/${id}`);
  const proefDetail = await fetch(`${base}${detailPaden[0]}`, { headers });
  if (proefDetail.status !== 200) throw new Error(`detail: ${proefDetail.status} ${await proefDetail.text()}`);
  const detailVoorbeeld = (await proefDetail.json()) as { tijdlijn: unknown[] };

  // SQL per request: committed transactions of the database (every autocommit statement is one) over 100 requests.
  const transacties = async () => Number((await client.query<{ n: string }>('select xact_commit as n from pg_stat_database where datname = $1', [DATABASE])).rows[0]?.n);
  const perVerzoek = async (paden: string[]) => {
    // Backends report their counts when idle, at most every 10 s.
    await new Promise((r) => setTimeout(r, 11_000));
    const voor = await transacties();
    for (let i = 0; i < 100; i++) await (await fetch(`${base}${paden[i % paden.length]}`, { headers })).arrayBuffer();
    await new Promise((r) => setTimeout(r, 11_000));
    return Math.round(((await transacties()) - voor - 2) / 10) / 10;
  };
  const sqlPerVerzoek = { queue: await perVerzoek([queuePad]), detail: await perVerzoek(detailPaden) };
  log(`  statements per request (pg_stat_database.xact_commit): queue ${sqlPerVerzoek.queue}, detail ${sqlPerVerzoek.detail}`);
  const eigen = () => processTicks('self') + processTicks(loket.process.pid ?? 0) + ticksOfCommand('postgres');
  log('Loket …');
  const metingen: Meting[] = [];
  for (const verbindingen of [1, 16]) metingen.push(await meet('queue GET /zaken?team=', base, [queuePad], headers, verbindingen, eigen));
  for (const verbindingen of [1, 16]) metingen.push(await meet('detail GET /zaken/{id}', base, detailPaden, headers, verbindingen, eigen));
  await loket.stop();
  const profielen: Record<string, unknown> = {};
  if (profiel.length > 0) {
    const bestand = join(profielMap, readdirSync(profielMap).find((f) => f.endsWith('.cpuprofile')) ?? '');
    for (const m of metingen.filter((x) => x.verbindingen === 16)) {
      const samenvatting = summariseProfile(bestand, ROOT, m.vensterUs, 25);
      profielen[m.naam] = samenvatting;
      log(`\nProfile of Loket, ${m.naam} × 16 (self time):`);
      for (const p of samenvatting.packages) log(`  ${String(p.percent).padStart(5)} %  ${p.name}`);
      log('  --');
      for (const f of samenvatting.functions) log(`  ${String(f.percent).padStart(5)} %  ${f.name}`);
    }
  }

  // Anchor (c): PostgreSQL answering the same SQL, and the plans.
  const sql = await vangSql(bo, team, detailIds[0] as string);
  log('PostgreSQL alone …');
  const pgQueue = await pgAnker(client, [sql.queue], 5);
  // The same SQL as a named prepared statement: planned once per connection instead of every time.
  const pgQueueVoorbereid = await pgAnker(client, [{ ...sql.queue, naam: 'werkvoorraad' }], 5);
  const detailMetId = sql.detail.map((q) => ({ ...q, parameters: q.parameters.map((p) => (p === detailIds[0] ? '__ID__' : p)) }));
  const pgDetail = await pgAnker(client, detailMetId, 5, (i) => detailIds[i % detailIds.length] as string);
  log(`  queue SQL: p50 ${pgQueue.p50} ms, p95 ${pgQueue.p95} ms (${pgQueue.n} runs); the detail read: p50 ${pgDetail.p50} ms`);
  const uitleg = async (q: { sql: string; parameters: unknown[] }) =>
    (await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.sql}`, q.parameters)).rows.map((r) => r['QUERY PLAN']).join('\n');
  const plannen = [`-- queue (werkvoorraad)\n${sql.queue.sql}\n-- parameters: ${JSON.stringify(sql.queue.parameters)}\n${await uitleg(sql.queue)}`];
  for (const q of sql.detail) plannen.push(`-- detail: ${q.naam}\n${q.sql}\n${await uitleg(q)}`);
  const uitvoering = /Execution Time: ([\d.]+) ms/.exec(plannen[0] ?? '')?.[1];
  const planning = /Planning Time: ([\d.]+) ms/.exec(plannen[0] ?? '')?.[1];
  writeFileSync(join(import.meta.dirname, 'plans.txt'), `${plannen.join('\n\n')}\n`);

  const resultaat = {
    datum: new Date().toISOString(),
    machine: info,
    data: { ...generatie, generatieS, teamOpen, teamPagina: pagina.items.length, detailTijdlijn: detailVoorbeeld.tijdlijn.length, detailIds: detailIds.length },
    methode: { duurS: DUUR, warmupS: WARMUP, gemeente: GEMEENTE, team: TEAM, gebruiker: BEHANDELAAR },
    metingen: [helloMeting, ...metingen],
    postgres: { queueVoorbereid: pgQueueVoorbereid, queue: pgQueue, detail: pgDetail, queueExecutionMs: uitvoering ? Number(uitvoering) : null, queuePlanningMs: planning ? Number(planning) : null },
    sqlPerVerzoek,
    profielen,
    doelen: DOEL,
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);

  const q1 = metingen[0] as Meting;
  const q16 = metingen[1] as Meting;
  const d1 = metingen[2] as Meting;
  const d16 = metingen[3] as Meting;
  const tekst = [
    `Run of ${resultaat.datum.slice(0, 16).replace('T', ' ')} UTC: ${info.cpus} × ${info.cpu}, ${info.geheugenGiB} GiB, Node ${info.node}, PostgreSQL ${info.postgres} (${Object.entries(info.postgresInstellingen).map(([k, v]) => `${k} ${v}`).join(', ')}); load average at the start ${info.loadAverage.join(' / ')}.`,
    '',
    `Data: ${generatie.zaken.toLocaleString('en')} zaken (${generatie.open.toLocaleString('en')} open) in 3 gemeenten and 30 teams, ${generatie.gebeurtenissen.toLocaleString('en')} timeline events, ${generatie.betrokkenen.toLocaleString('en')} residents; zaak ${generatie.tabelgrootte.zaak}, zaak_gebeurtenis ${generatie.tabelgrootte.zaak_gebeurtenis}, betrokkene ${generatie.tabelgrootte.betrokkene} (with indexes). Generated in ${generatieS} s (${Object.entries(generatie.stappen).map(([k, v]) => `${k} ${v} s`).join(', ')}). The measured team queue (${TEAM}, ${GEMEENTE}) has ${teamOpen.toLocaleString('en')} open zaken; the detail rotates over ${detailIds.length.toLocaleString('en')} zaken (timeline of the first: ${detailVoorbeeld.tijdlijn.length} events).`,
    '',
    tabel([helloMeting, ...metingen], pgQueue.p50, pgDetail.p50, helloMeting),
    '',
    `PostgreSQL alone (one pg client over loopback, back to back, 5 s): the queue SQL p50 ${pgQueue.p50} ms, p95 ${pgQueue.p95} ms (${pgQueue.n.toLocaleString('en')} runs; EXPLAIN ANALYZE: planning ${planning ?? '?'} ms, execution ${uitvoering ?? '?'} ms); as a named prepared statement p50 ${pgQueueVoorbereid.p50} ms, p95 ${pgQueueVoorbereid.p95} ms; the detail read (one statement) p50 ${pgDetail.p50} ms, p95 ${pgDetail.p95} ms. Statements per request (committed transactions in pg_stat_database over 100 requests): queue ${sqlPerVerzoek.queue}, detail ${sqlPerVerzoek.detail}.`,
    '',
    '| Target | Queue | Detail | Open Zaak, 1M zaken |',
    '|---|---|---|---|',
    `| median ≤ ${DOEL.medianEenMs} ms at 1 connection | ${q1.p50} ms: ${ja(q1.p50 <= DOEL.medianEenMs)} | ${d1.p50} ms: ${ja(d1.p50 <= DOEL.medianEenMs)} | ${OPEN_ZAAK.median1Ms} ms |`,
    `| p95 ≤ ${DOEL.p95ZestienMs} ms at 16 connections | ${q16.p95} ms: ${ja(q16.p95 <= DOEL.p95ZestienMs)} | ${d16.p95} ms: ${ja(d16.p95 <= DOEL.p95ZestienMs)} | median ${OPEN_ZAAK.median16Ms} ms |`,
  ].join('\n');
  const md = join(ROOT, 'BENCHMARKS.md');
  const huidig = readFileSync(md, 'utf8');
  const start = '<!-- bench:zaken:start -->';
  const einde = '<!-- bench:zaken:end -->';
  if (huidig.includes(start) && huidig.includes(einde)) {
    writeFileSync(md, `${huidig.slice(0, huidig.indexOf(start) + start.length)}\n${tekst}\n${huidig.slice(huidig.indexOf(einde))}`);
  }
  log(`\n${tekst}\n\nTotal ${Math.round((performance.now() - gestart) / 1000)} s. Raw: bench/zaken-queue/results.json, plans: bench/zaken-queue/plans.txt`);
  await client.end();
  await admin.end();
}

try {
  await main();
} finally {
  for (const c of children) await c.stop();
}
