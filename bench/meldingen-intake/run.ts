// Meldingen intake benchmark (issue 12): `POST /open311/v2/requests.json` and the resident form's
// last step (`POST /diemen/melding/<sleutel>/controle`) of a real Loket server on PostgreSQL with
// fsync on, 16 concurrent clients sustained for 60 s each, beside a single-row insert route
// through the same stack (`POST /bench/rij`, defined in server.ts, not in the product; run before,
// between and after the intake routes, each of which is compared with the faster insert run next
// to it) and a bare Fastify hello-world. Target: at least 25% of the insert route's rate, p99 ≤ 50
// ms; one transaction per melding (checked from pg_stat_database). Per route also the CPU per
// request of the server and of its PostgreSQL backends, the WAL per request, and what the server's
// connections do (pg_stat_activity and ungranted pg_locks sampled every 250 ms).
// `npm run bench:meldingen-intake` (`-- --duur 20` for a shorter run; BENCH_WARMUP seconds,
// default 5). Not part of npm test. Method and results: BENCHMARKS.md ("Meldingen intake").
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { systeemklok } from '../../src/klok.ts';
import { cliContext } from '../../src/modules/audit/audit.service.ts';
import { sha256 } from '../../src/modules/auth/auth.service.ts';
import { momentopnamen } from '../../src/modules/meldingformulier/meldingformulier.momentopname.ts';
import type { ConceptGegevens } from '../../src/modules/meldingformulier/meldingformulier.repository.ts';
import { formulierTokens } from '../../src/modules/zaakvolgen/zaakvolgen.formulier.ts';
import { benchDatabase, laadDemo, meetTweehonderd, schrijfInBenchmarks, percentiel, round2 } from '../gedeeld.ts';
import { freePort, msUntil200, processTicks, startChild, ticksOfCommand, type Child } from '../http-baseline/processes.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({ options: { duur: { type: 'string', default: '60' } } });
const DUUR = Number(args.duur);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const VERBINDINGEN = 16;
const DATABASE = process.env.BENCH_DATABASE_NAAM ?? 'loket_bench_meldingen';
const GEMEENTE = 'GM0384';
const DOEL_AANDEEL = 0.25;
const DOEL_P99 = 50;
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-meldingen-'));
const children: Child[] = [];
const log = (regel: string) => console.log(regel);
const { adminUrl, benchUrl } = benchDatabase(DATABASE);

interface Route {
  naam: string;
  base: string;
  methode: 'GET' | 'POST';
  pad: string;
  contentType?: string;
  body?: (i: number) => string;
  /** The server process measured for CPU. */
  pid: () => number;
  /** The statements the server has sent to PostgreSQL so far (GET /bench/statements); none for the hello-world. */
  statements?: () => Promise<number>;
}

/** Valid FixMyStreet-style form bodies for Diemen: four categories, points inside the gemeente, a reporter. */
function melding(sleutel: string, i: number): string {
  const soort = i % 4;
  const velden: Record<string, string> = {
    jurisdiction_id: 'diemen.nl',
    api_key: sleutel,
    lat: (52.333 + (i % 97) * 0.00002).toFixed(5),
    long: (4.985 + (i % 89) * 0.00005).toFixed(5),
    description: `Melding ${i}: het ligt hier al een paar dagen.`,
    service_code: ['gat-in-de-weg', 'zwerfafval', 'container-vol', 'losse-stoeptegel'][soort] as string,
    first_name: 'Jan',
    last_name: `Jansen ${i % 1000}`,
    email: `melder${i % 1000}@example.org`,
  };
  if (soort === 2) Object.assign(velden, { 'attribute[container_nummer]': `GLS-${1000 + (i % 9000)}`, 'attribute[soort_afval]': 'glas' });
  return new URLSearchParams(velden).toString();
}

async function dbTellers(client: Client): Promise<{ commits: number; inserts: number; updates: number; walBytes: number; walFpi: number }> {
  const r = (
    await client.query<{ c: string; i: string; u: string; wb: string; wf: string }>(
      'select xact_commit as c, tup_inserted as i, tup_updated as u, w.wal_bytes as wb, w.wal_fpi as wf from pg_stat_database, pg_stat_wal as w where datname = current_database()',
    )
  ).rows[0];
  return { commits: Number(r?.c), inserts: Number(r?.i), updates: Number(r?.u), walBytes: Number(r?.wb), walFpi: Number(r?.wf) };
}

/**
 * CPU ticks (10 ms) so far of the server process and of each PostgreSQL client backend of the bench
 * database but `client`'s own (not autovacuum, which comes and goes by chance in a short run).
 */
async function cpuStand(client: Client, pid: number): Promise<{ server: number; postgres: Map<number, number> }> {
  const { rows } = await client.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'");
  return { server: processTicks(pid), postgres: new Map(rows.map((r) => [r.pid, processTicks(r.pid)])) };
}

/**
 * What the server's connections do while `klaar` is pending: pg_stat_activity and the ungranted
 * locks of pg_locks, sampled every 250 ms. Per sample on average: how many of its connections were
 * in each state and wait event (the signals connection and the bench's own left out), and how many
 * lock requests waited, by kind. Shows whether a melding waits on a lock, on the flush, or on Node.
 */
async function bemonster(url: string, klaar: Promise<unknown>): Promise<{ monsters: number; toestanden: Record<string, number>; slotWachten: Record<string, number> }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const toestanden = new Map<string, number>();
  const slotWachten = new Map<string, number>();
  let monsters = 0;
  const staat = { klaar: false };
  void klaar.finally(() => (staat.klaar = true));
  while (!staat.klaar) {
    const { rows } = await c.query<{ toestand: string }>(
      `select state || coalesce(' / ' || wait_event_type || ':' || wait_event, '') as toestand from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' and application_name <> 'loket-signalen' and pid <> $1`,
      [benchPid],
    );
    for (const r of rows) tel(toestanden, r.toestand);
    const locks = await c.query<{ soort: string }>(`select locktype || ' ' || mode as soort from pg_locks where not granted`);
    for (const r of locks.rows) tel(slotWachten, r.soort);
    monsters++;
    // Not more often: reading pg_locks holds every partition of PostgreSQL's lock table, which
    // the intake's transactions (some 35 tables and indexes each) need; sampled every 50 ms it
    // took 4 % of Open311's rate (BENCHMARKS.md, runs of 2026-12-07 21:01–22:30).
    await new Promise((r) => setTimeout(r, 250));
  }
  await c.end();
  const gemiddeld = (m: Map<string, number>) => Object.fromEntries([...m].toSorted((a, b) => b[1] - a[1]).map(([k, v]) => [k, round2(v / Math.max(1, monsters))]));
  return { monsters, toestanden: gemiddeld(toestanden), slotWachten: gemiddeld(slotWachten) };
}
const tel = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
/** The backend of the bench's own client (left out of the samples). */
let benchPid = 0;

/** The key of the i-th prepared concept of the resident form: 43 characters, as the form makes them. */
const conceptSleutel = (i: number): string => `b${String(i).padStart(42, '0')}`;

/**
 * The i-th concept of the resident form as its steps leave it before the last one (description,
 * category without questions, a point in Diemen, an e-mail address, the duplicates seen).
 */
const conceptGegevens = (i: number): ConceptGegevens => ({
  beschrijving: `Melding ${i}: het ligt hier al een paar dagen.`,
  categorie: ['gat-in-de-weg', 'zwerfafval', 'losse-stoeptegel'][i % 3],
  antwoorden: {},
  locatie: { lat: Number((52.333 + (i % 97) * 0.00002).toFixed(5)), lon: Number((4.985 + (i % 89) * 0.00005).toFixed(5)), adres: '' },
  nieuw: true,
  contact: { email: `melder${i % 1000}@example.org`, telefoon: '', toestemming: true },
  contactKlaar: true,
});

/**
 * The concepts, made in the database: the steps are not what is measured, the sending is. Key i
 * hashes as the service does (sha256 of the key, hex).
 */
async function maakConcepten(client: Client, aantal: number): Promise<void> {
  for (let van = 0; van < aantal; van += 10_000) {
    const nummers = Array.from({ length: Math.min(10_000, aantal - van) }, (_, j) => van + j);
    await client.query(
      `insert into melding_concept (gemeente, sleutel_hash, gegevens, aangemaakt_op, verloopt_op)
       select $1, hash, gegevens, now(), now() + interval '1 day' from unnest($2::text[], $3::jsonb[]) as c (hash, gegevens)`,
      [GEMEENTE, nummers.map((i) => sha256(conceptSleutel(i))), nummers.map((i) => JSON.stringify(conceptGegevens(i)))],
    );
  }
}

/** The form secret of the bench's server, so the bench can sign the check page's snapshot as the page does (ADR 0100). */
const FORMULIER_GEHEIM = 'bench-meldingen-intake-formuliergeheim';
const opnamen = momentopnamen(formulierTokens(FORMULIER_GEHEIM, systeemklok));
/** The last step's body, as the check page's form sends it: the signed snapshot of the concept. */
const formulierBody = (i: number): string => new URLSearchParams({ concept: opnamen.maak(GEMEENTE, conceptSleutel(i), { gegevens: conceptGegevens(i), aantalFotos: 0 }) }).toString();
/** The bodies, made before the form's run: signing them while measuring would take CPU from the server on the same cores. */
let formulierBodies: string[] = [];

/** The route of the resident form's last step; the path is a new concept's each time. */
const FORMULIER = '/diemen/melding/<sleutel>/controle';
/** Concepts made for the form's run: more than it can send (a missing one answers 404, counted as failed). */
const CONCEPTEN = Number(process.env.BENCH_CONCEPTEN ?? 100_000);

const teller = { i: 0 };
const conceptTeller = { i: 0 };
const ja = (x: boolean) => (x ? '**yes**' : '**no**');

async function meet(route: Route, client: Client) {
  const opties = {
    url: route.base,
    connections: VERBINDINGEN,
    headers: (route.contentType ? { 'content-type': route.contentType } : {}) as Record<string, string>,
    requests: [
      {
        method: route.methode,
        setupRequest: (req: { path: string }) => {
          if (route.pad !== FORMULIER) return { ...req, method: route.methode, path: route.pad, ...(route.body ? { body: route.body(teller.i++) } : {}) };
          const i = conceptTeller.i++;
          return { ...req, method: route.methode, path: `/diemen/melding/${conceptSleutel(i)}/controle`, body: formulierBodies[i] ?? formulierBody(i) };
        },
      },
    ],
  };
  // Every route starts right after a checkpoint: a checkpoint that the WAL of the route before
  // forces (max_wal_size) would otherwise fall in whichever route runs then, and full-page
  // images make the writes after it cost more (BENCHMARKS.md, runs of 2026-12-07 17:43–18:26).
  await client.query('checkpoint');
  if (WARMUP > 0) await autocannon({ ...opties, duration: WARMUP });
  // Statistics of the tables the warm-up filled, as autovacuum keeps them on a running server
  // (it is off on some, this machine's among them): a connection keeps the plan of a foreign-key
  // check made while `zaak` looked empty, which filters every zaak of the gemeente (BENCHMARKS.md).
  await client.query('analyze');
  // pg_stat_database is updated when a backend reports (at least every second): wait, then read.
  await new Promise((r) => setTimeout(r, 1500));
  const voor = await dbTellers(client);
  const statementsVoor = await route.statements?.();
  const cpuVoor = await cpuStand(client, route.pid());
  const eigen = () => processTicks('self') + processTicks(route.pid()) + ticksOfCommand('postgres');
  const meting = meetTweehonderd(opties, DUUR, eigen);
  const wachten = route.statements ? await bemonster(benchUrl, meting) : undefined;
  const { r, gesorteerd: s, ok, otherCpuPercent, stealPercent } = await meting;
  await new Promise((res) => setTimeout(res, 1500));
  const na = await dbTellers(client);
  const statementsNa = await route.statements?.();
  const cpuNa = await cpuStand(client, route.pid());
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
    // Per 2xx answer, from the database's own counters (other sessions on the server count too).
    commitsPerVerzoek: perVerzoek(na.commits - voor.commits),
    rijenIngevoegdPerVerzoek: perVerzoek(na.inserts - voor.inserts),
    rijenGewijzigdPerVerzoek: perVerzoek(na.updates - voor.updates),
    // WAL written per 2xx answer (the whole server's, pg_stat_wal) and its full-page images.
    walBytesPerVerzoek: Math.round(perVerzoek(na.walBytes - voor.walBytes)),
    walFpiPerVerzoek: perVerzoek(na.walFpi - voor.walFpi),
    // Sent by the Loket server during the measured window, per 2xx answer (GET /bench/statements twice).
    // CPU time per 2xx answer of the server process and of the PostgreSQL backends of the bench
    // database (not the WAL writer): what a request costs whatever the machine's load.
    serverCpuMsPerVerzoek: perVerzoek((cpuNa.server - cpuVoor.server) * 10),
    postgresCpuMsPerVerzoek: perVerzoek([...cpuNa.postgres].reduce((som, [pid, ticks]) => som + ticks - (cpuVoor.postgres.get(pid) ?? 0), 0) * 10),
    statementsPerVerzoek: statementsVoor !== undefined && statementsNa !== undefined ? perVerzoek(statementsNa - statementsVoor) : undefined,
    // The server's connections, mean per sample every 250 ms (not for the hello-world).
    verbindingen: wachten,
    otherCpuPercent: Math.round(otherCpuPercent),
    stealPercent,
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
  log('Migrate, demo data, an Open311 key …');
  let sleutel = '';
  await laadDemo(benchUrl, async (services) => {
    sleutel = (await services.open311Sleutels.maak(cliContext(), GEMEENTE, { naam: 'Bench' })).sleutel;
  });
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  benchPid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? 0;
  await client.query('create table bench_intake (gemeente text not null, id uuid not null, tekst text not null, op timestamptz not null, primary key (gemeente, id))');
  log(`${CONCEPTEN.toLocaleString('en')} concepts of the resident form …`);
  await maakConcepten(client, CONCEPTEN);
  formulierBodies = Array.from({ length: CONCEPTEN }, (_, i) => formulierBody(i));

  const portLoket = await freePort();
  const portHallo = await freePort();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, PORT: String(portLoket), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0', LOKET_KPI_ROLLUP_MINUTEN: '0', LOKET_FORMULIER_GEHEIM: FORMULIER_GEHEIM };
  // BENCH_PROFIEL=<dir>: a V8 CPU profile of the Loket server, written when it stops.
  const profiel = process.env.BENCH_PROFIEL ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_PROFIEL)}`] : [];
  const loket = startChild(process.execPath, [...profiel, '--disable-warning=ExperimentalWarning', 'bench/meldingen-intake/server.ts'], { cwd: ROOT, env, logFile: join(tmp, 'loket.log') });
  children.push(loket);
  const hallo = startChild(process.execPath, ['bench/http-baseline/hello-world.ts'], { cwd: ROOT, env: { PATH: process.env.PATH, PORT: String(portHallo) }, logFile: join(tmp, 'hallo.log') });
  children.push(hallo);
  const base = `http://127.0.0.1:${portLoket}`;
  await msUntil200(loket, `${base}/health`, 60_000);
  await msUntil200(hallo, `http://127.0.0.1:${portHallo}/`, 30_000);

  const FORM = 'application/x-www-form-urlencoded';
  const statements = async () => ((await (await fetch(`${base}/bench/statements`)).json()) as { statements: number }).statements;
  const routes: Route[] = [
    { naam: 'bare Fastify hello-world (GET /)', base: `http://127.0.0.1:${portHallo}`, methode: 'GET', pad: '/', pid: () => hallo.process.pid ?? 0 },
    { naam: 'single-row insert (POST /bench/rij)', base, methode: 'POST', pad: '/bench/rij', contentType: 'application/json', body: (i) => JSON.stringify({ tekst: `Rij ${i}` }), pid: () => loket.process.pid ?? 0, statements },
    { naam: 'POST /open311/v2/requests.json', base, methode: 'POST', pad: '/open311/v2/requests.json', contentType: FORM, body: (i) => melding(sleutel, i), pid: () => loket.process.pid ?? 0, statements },
    { naam: 'resident form, last step (POST /diemen/melding/…/controle)', base, methode: 'POST', pad: FORMULIER, contentType: FORM, pid: () => loket.process.pid ?? 0, statements },
  ];
  // The insert route before, between and after the intake routes, and each intake route compared
  // with the faster insert run next to it: this machine's speed drifts during a run (a shared host
  // that slows after minutes of load), which would otherwise favour or hurt the later routes.
  const rij = routes[1] as Route;
  routes.splice(3, 0, { ...rij, naam: 'single-row insert, between the intake routes (POST /bench/rij)' });
  routes.push({ ...rij, naam: 'single-row insert, after the intake routes (POST /bench/rij)' });
  // Every body kind once before measuring: a refused one stops the run.
  for (let i = 0; i < 4; i++) {
    const proef = await fetch(`${base}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': FORM }, body: melding(sleutel, teller.i++) });
    if (proef.status !== 200) throw new Error(`Open311 probe: ${proef.status} ${await proef.text()}`);
  }
  // The check page's snapshot is the one the bench signs: the page itself, then its send.
  const proefSleutel = conceptSleutel(conceptTeller.i);
  const pagina = await (await fetch(`${base}/diemen/melding/${proefSleutel}/controle`)).text();
  const getoond = /name="concept" value="([^"]+)"/.exec(pagina)?.[1] ?? '';
  if (!isDeepStrictEqual(opnamen.lees(GEMEENTE, proefSleutel, getoond), { gegevens: conceptGegevens(conceptTeller.i), aantalFotos: 0 })) throw new Error('resident form probe: the check page shows another snapshot than the bench sends');
  const formulierProef = await fetch(`${base}/diemen/melding/${proefSleutel}/controle`, { method: 'POST', headers: { 'content-type': FORM }, body: formulierBody(conceptTeller.i++) });
  if (formulierProef.status !== 200) throw new Error(`resident form probe: ${formulierProef.status} ${(await formulierProef.text()).slice(0, 500)}`);

  const metingen = [];
  for (const route of routes) {
    log(`${route.naam}: ${WARMUP} s warm-up, ${DUUR} s measured …`);
    const m = await meet(route, client);
    log(`  ${m.reqPerS} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, failed ${m.mislukt}, CPU ms/request server ${m.serverCpuMsPerVerzoek} PostgreSQL ${m.postgresCpuMsPerVerzoek}, statements/request ${m.statementsPerVerzoek ?? '—'}, commits/request ${m.commitsPerVerzoek}, rows inserted/request ${m.rijenIngevoegdPerVerzoek}, updated ${m.rijenGewijzigdPerVerzoek}, WAL bytes/request ${m.walBytesPerVerzoek} (full-page images ${m.walFpiPerVerzoek}), other CPU ${m.otherCpuPercent} %`);
    if (m.verbindingen) log(`  connections (mean per sample): ${JSON.stringify(m.verbindingen.toestanden)}; lock waits: ${JSON.stringify(m.verbindingen.slotWachten)}`);
    metingen.push(m);
  }
  await loket.stop();
  await hallo.stop();

  type Meting = (typeof metingen)[0];
  const [hello, insertVoor, insertTussen, insertNa] = [metingen[0], metingen[1], metingen[3], metingen[5]] as [Meting, Meting, Meting, Meting];
  const [open311, formulier] = [metingen[2], metingen[4]] as [Meting, Meting];
  // Each intake route's reference: the faster of the insert runs just before and just after it (the stricter comparison).
  const sneller = (a: Meting, b: Meting) => (a.reqPerS >= b.reqPerS ? a : b);
  const referentie = new Map([
    [open311, sneller(insertVoor, insertTussen)],
    [formulier, sneller(insertTussen, insertNa)],
  ]);
  const snelsteInsert = [insertVoor, insertTussen, insertNa].reduce(sneller);
  const aandeel = open311.reqPerS / (referentie.get(open311) as Meting).reqPerS;
  const aandeelFormulier = formulier.reqPerS / (referentie.get(formulier) as Meting).reqPerS;
  const meldingen = Number((await client.query<{ n: string }>('select count(*) as n from melding')).rows[0]?.n);
  const resultaat = {
    datum: new Date().toISOString(),
    machine,
    methode: { duurS: DUUR, warmupS: WARMUP, verbindingen: VERBINDINGEN, gemeente: GEMEENTE },
    data: { meldingenNa: meldingen },
    metingen,
    doel: { aandeelVanInsert: DOEL_AANDEEL, p99Ms: DOEL_P99 },
    // The insert run each intake route is compared with (req/s).
    referentie: { open311: (referentie.get(open311) as Meting).reqPerS, formulier: (referentie.get(formulier) as Meting).reqPerS },
    uitkomst: {
      aandeelVanInsert: round2(aandeel),
      aandeelGehaald: aandeel >= DOEL_AANDEEL,
      p99Gehaald: open311.p99 <= DOEL_P99,
      formulier: { aandeelVanInsert: round2(aandeelFormulier), aandeelGehaald: aandeelFormulier >= DOEL_AANDEEL, p99Gehaald: formulier.p99 <= DOEL_P99 },
    },
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);

  const regels = [
    `Run of ${resultaat.datum.slice(0, 16).replace('T', ' ')} UTC: ${machine.cpus} × ${cpu}, Node ${machine.node}, PostgreSQL ${versie} (fsync ${fsync}, synchronous_commit ${synchronousCommit}), load average at the start ${machine.loadAverage.join(' / ')}. ${VERBINDINGEN} connections, ${WARMUP} s warm-up + ${DUUR} s per route, one route after the other; ${meldingen.toLocaleString('en')} meldingen in the table at the end.`,
    '',
    '| Request | req/s | p50 ms | p95 ms | p99 ms | vs single-row insert | server CPU ms / request | PostgreSQL CPU ms / request | statements / request | commits / request | rows inserted / request | rows updated / request | WAL bytes / request | full-page images / request | failed | other CPU |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...metingen.map(
      (m) =>
        `| ${m.naam} | ${m.reqPerS} | ${m.p50} | ${m.p95} | ${m.p99} | ${m === hello ? '—' : `${Math.round((m.reqPerS / (referentie.get(m) ?? snelsteInsert).reqPerS) * 100)} %`} | ${m.serverCpuMsPerVerzoek} | ${m === hello ? '—' : m.postgresCpuMsPerVerzoek} | ${m.statementsPerVerzoek ?? '—'} | ${m === hello ? '—' : m.commitsPerVerzoek} | ${m === hello ? '—' : m.rijenIngevoegdPerVerzoek} | ${m === hello ? '—' : m.rijenGewijzigdPerVerzoek} | ${m === hello ? '—' : m.walBytesPerVerzoek} | ${m === hello ? '—' : m.walFpiPerVerzoek} | ${m.mislukt} | ${m.otherCpuPercent} % |`,
    ),
    '',
    `The single-row insert ran before, between and after the intake routes (${insertVoor.reqPerS}, ${insertTussen.reqPerS} and ${insertNa.reqPerS} req/s). Each intake route's share is of the faster insert run next to it (Open311: ${(referentie.get(open311) as Meting).reqPerS}, the form: ${(referentie.get(formulier) as Meting).reqPerS} req/s); an insert run's share is of the fastest insert run.`,
    '',
    `Open311: target ≥ ${DOEL_AANDEEL * 100} % of the single-row insert: ${ja(resultaat.uitkomst.aandeelGehaald)} (${Math.round(aandeel * 100)} %); p99 ≤ ${DOEL_P99} ms: ${ja(resultaat.uitkomst.p99Gehaald)} (${open311.p99} ms).`,
    `Resident form: target ≥ ${DOEL_AANDEEL * 100} % of the single-row insert: ${ja(resultaat.uitkomst.formulier.aandeelGehaald)} (${Math.round(aandeelFormulier * 100)} %); p99 ≤ ${DOEL_P99} ms: ${ja(resultaat.uitkomst.formulier.p99Gehaald)} (${formulier.p99} ms).`,
  ];
  const tekst = regels.join('\n');
  schrijfInBenchmarks('meldingen-intake', tekst);
  log(`\n${tekst}\n\nTotal ${Math.round((performance.now() - gestart) / 1000)} s. Raw: bench/meldingen-intake/results.json`);
  await client.end();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}

try {
  await main();
} finally {
  for (const c of children) await c.stop();
}
