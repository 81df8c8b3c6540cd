// Klantcontact registration benchmark: `POST /klantcontacten` of a real Loket server on PostgreSQL
// at 16 connections, beside a single-row insert route through the same stack in the same run
// (`POST /teams`: one row of its own plus the audit entry every change writes). Target (issue 11):
// p95 of the registration no more than 2× the p95 of the single-row insert. The routes take turns
// in rounds, so a busy machine hits each alike. `npm run bench:klantcontacten` (BENCH_ROUNDS,
// BENCH_DURATION, BENCH_WARMUP, BENCH_CONTACTEN for the contacts already there). Not part of npm test.
// Method and results: BENCHMARKS.md ("Klantcontact registration").
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { freePort, msUntil200, processTicks, startChild, ticksOfCommand, withOtherCpu, type Child } from '../http-baseline/processes.ts';
import { benchDatabase, verseDatabase, laadDemo, schrijfInBenchmarks, logInDemo, percentiel, round2 } from '../gedeeld.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RONDES = Number(process.env.BENCH_ROUNDS ?? 3);
const DUUR = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const VERBINDINGEN = 16;
const CONTACTEN = Number(process.env.BENCH_CONTACTEN ?? 200_000);
const DATABASE = 'loket_bench_klantcontacten';
const GEMEENTE = 'GM0384';
const GEBRUIKER = 'beheerder@duoplus.demo';
const DOEL = 2;
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-klantcontacten-'));
const children: Child[] = [];
const log = (regel: string) => console.log(regel);

const { adminUrl, benchUrl } = benchDatabase(DATABASE);


interface Route {
  naam: string;
  pad: string;
  body: (i: number) => Record<string, unknown>;
}

interface Meting {
  naam: string;
  reqPerS: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  mislukt: number;
  statussen: Record<string, number>;
  otherCpuPercent: number;
  stealPercent: number;
}

/** The body of a telephone contact answered at once. */
const contact = (i: number) => ({ kanaal: 'telefoon', onderwerp: `Afvalkalender ${i % 50}`, vraag: 'Wanneer wordt het oud papier opgehaald?', antwoord: 'Elke tweede dinsdag van de maand.', uitkomst: 'zelfstandig-afgehandeld' });

const teller = { i: 0 };
const run = Date.now().toString(36);

/** One round of one route: autocannon POSTs, every body new; the times of its 2xx answers to the µs. */
async function ronde(route: Route, base: string, headers: Record<string, string>, eigen: () => number, tijden: number[]) {
  const opties = {
    url: base,
    headers: { ...headers, 'content-type': 'application/json' },
    connections: VERBINDINGEN,
    requests: [{ method: 'POST', setupRequest: (req: { path: string }) => ({ ...req, method: 'POST', path: route.pad, body: JSON.stringify(route.body(teller.i++)) }) }],
  };
  if (WARMUP > 0) await autocannon({ ...opties, duration: WARMUP });
  const { value: r, otherCpuPercent, stealPercent } = await withOtherCpu(async () => {
    const a = autocannon({ ...opties, duration: DUUR });
    a.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
      if (status >= 200 && status < 300) tijden.push(ms);
    });
    return await a;
  }, eigen);
  return { r, otherCpuPercent, stealPercent };
}

/** Migrations and the demo data through the app, then contacts already there (set-based SQL, the same every run). */
async function maakData(client: Client): Promise<number> {
  await laadDemo(benchUrl);
  const t0 = performance.now();
  await client.query('select setseed(0.42)');
  await client.query(
    `insert into klantcontact (gemeente, id, kanaal, onderwerp, vraag, antwoord, uitkomst, op, geregistreerd_op, door_type, door_naam)
     select $1, gen_random_uuid(),
       (array['telefoon','telefoon','telefoon','balie','e-mail','chat','brief','sociale-media'])[1 + floor(random() * 8)::int],
       'Onderwerp ' || (i % 200), 'Een vraag van een inwoner', 'Het antwoord', 
       (array['zelfstandig-afgehandeld','zelfstandig-afgehandeld','zelfstandig-afgehandeld','doorverbonden','contactverzoek-gemaakt','verwezen','niet-afgehandeld'])[1 + floor(random() * 7)::int],
       t, t, 'gebruiker', 'Bench'
     from generate_series(1, $2::int) i, lateral (select now() - random() * interval '365 days' as t) m`,
    [GEMEENTE, CONTACTEN],
  );
  await client.query(
    `insert into klantcontact_gebeurtenis (gemeente, klantcontact_id, volgnummer, soort, gegevens, door_naam, op)
     select gemeente, id, 1, 'geregistreerd', jsonb_build_object('kanaal', kanaal, 'uitkomst', uitkomst, 'zaken', '[]'::jsonb), 'Bench', op from klantcontact`,
  );
  await client.query('vacuum analyze');
  return Math.round((performance.now() - t0) / 100) / 10;
}

async function main(): Promise<void> {
  const gestart = performance.now();
  const { admin, machine } = await verseDatabase(adminUrl, DATABASE, log);
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  log(`Migrate, demo data, ${CONTACTEN.toLocaleString('en')} contacts …`);
  const generatieS = await maakData(client);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, LOKET_DEMO: 'false', PORT: String(port), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0' };
  const loket = startChild(process.execPath, ['--disable-warning=ExperimentalWarning', 'src/cli/main.ts', 'serve'], { cwd: ROOT, env, logFile: join(tmp, 'loket.log') });
  children.push(loket);
  await msUntil200(loket, `${base}/health`, 60_000);
  const sessie = await logInDemo(base, GEBRUIKER);
  const headers = { cookie: sessie.cookie, 'x-csrf-token': sessie.csrfToken };

  const routes: Route[] = [
    { naam: 'single-row insert: POST /teams', pad: `/api/v1/gemeenten/${GEMEENTE}/teams`, body: (i) => ({ naam: `Bench ${run} ${i}` }) },
    { naam: 'POST /klantcontacten (anonymous caller)', pad: `/api/v1/gemeenten/${GEMEENTE}/klantcontacten`, body: contact },
    {
      naam: 'POST /klantcontacten (with the person)',
      pad: `/api/v1/gemeenten/${GEMEENTE}/klantcontacten`,
      body: (i) => ({ ...contact(i), persoon: { naam: `Inwoner ${i}`, telefoon: '06-12345678' } }),
    },
    {
      naam: 'POST /zaken (the zaak alone, for reference)',
      pad: `/api/v1/gemeenten/${GEMEENTE}/zaken`,
      body: (i) => ({ zaaktype: 'klacht', onderwerp: `Afvalkalender ${i % 50}`, kanaal: 'telefoon', ontvangstdatum: new Date().toISOString().slice(0, 10) }),
    },
    {
      naam: 'POST /klantcontacten (with a zaak)',
      pad: `/api/v1/gemeenten/${GEMEENTE}/klantcontacten`,
      body: (i) => ({ ...contact(i), uitkomst: 'zaak-aangemaakt', zaak: { zaaktype: 'klacht' } }),
    },
  ];
  for (const route of routes) {
    const proef = await fetch(`${base}${route.pad}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(route.body(teller.i++)) });
    if (proef.status !== 201) throw new Error(`${route.naam}: ${proef.status} ${await proef.text()}`);
  }

  const eigen = () => processTicks('self') + processTicks(loket.process.pid ?? 0) + ticksOfCommand('postgres');
  const tijden = new Map(routes.map((r) => [r.naam, [] as number[]]));
  const totalen = new Map(routes.map((r) => [r.naam, { requests: 0, seconden: 0, mislukt: 0, statussen: {} as Record<string, number>, other: [] as number[], steal: [] as number[] }]));
  for (let nummer = 1; nummer <= RONDES; nummer++) {
    log(`Round ${nummer} of ${RONDES} …`);
    for (const route of routes) {
      const { r, otherCpuPercent, stealPercent } = await ronde(route, base, headers, eigen, tijden.get(route.naam) as number[]);
      const t = totalen.get(route.naam);
      if (!t) continue;
      t.requests += r.requests.total;
      t.seconden += r.duration;
      t.mislukt += r.non2xx + r.errors + r.timeouts;
      for (const [code, stat] of Object.entries(r.statusCodeStats)) t.statussen[code] = (t.statussen[code] ?? 0) + stat.count;
      t.other.push(otherCpuPercent);
      t.steal.push(stealPercent);
      log(`  ${route.naam}: ${Math.round(r.requests.total / r.duration)} req/s, failed ${r.non2xx + r.errors + r.timeouts}, other CPU ${otherCpuPercent} %`);
    }
  }
  await loket.stop();

  const metingen: Meting[] = routes.map((route) => {
    const s = Float64Array.from(tijden.get(route.naam) ?? []).toSorted();
    const t = totalen.get(route.naam) ?? { requests: 0, seconden: 1, mislukt: 0, statussen: {}, other: [0], steal: [0] };
    return {
      naam: route.naam,
      reqPerS: Math.round(t.requests / t.seconden),
      p50: round2(percentiel(s, 50)),
      p95: round2(percentiel(s, 95)),
      p99: round2(percentiel(s, 99)),
      requests: t.requests,
      mislukt: t.mislukt,
      statussen: t.statussen,
      otherCpuPercent: Math.round(Math.max(...t.other)),
      stealPercent: Math.max(...t.steal),
    };
  });
  const anker = metingen[0] as Meting;
  const aantal = Number((await client.query<{ n: string }>('select count(*) as n from klantcontact')).rows[0]?.n);
  const resultaat = { datum: new Date().toISOString(), machine, methode: { rondes: RONDES, duurS: DUUR, warmupS: WARMUP, verbindingen: VERBINDINGEN, gebruiker: GEBRUIKER }, data: { contactenVooraf: CONTACTEN, generatieS, contactenNa: aantal }, metingen, doel: `p95 ≤ ${DOEL}× single-row insert` };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);

  const regels = [
    `Run of ${resultaat.datum.slice(0, 16).replace('T', ' ')} UTC: ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, PostgreSQL ${machine.postgres}; load average at the start ${machine.loadAverage.join(' / ')}. ${CONTACTEN.toLocaleString('en')} contacts in the table at the start (${aantal.toLocaleString('en')} at the end); ${RONDES} rounds of ${WARMUP} s warm-up + ${DUUR} s per route at ${VERBINDINGEN} connections, latencies of all rounds pooled.`,
    '',
    '| Request | req/s | p50 ms | p95 ms | p99 ms | p95 vs single-row insert | target ≤ 2× | failed | other CPU (max) | steal (max) |',
    '|---|---:|---:|---:|---:|---:|---|---:|---:|---:|',
    ...metingen.map((m) => {
      const verhouding = m.p95 / anker.p95;
      const doel = m === anker ? '—' : /zaak/.test(m.naam) ? '(reference: registers a zaak)' : verhouding <= DOEL ? '**yes**' : '**no**';
      return `| ${m.naam} | ${m.reqPerS} | ${m.p50} | ${m.p95} | ${m.p99} | ${m === anker ? '1' : `${verhouding.toFixed(2)}×`} | ${doel} | ${m.mislukt} | ${m.otherCpuPercent} % | ${m.stealPercent} % |`;
    }),
  ];
  const tekst = regels.join('\n');
  schrijfInBenchmarks('klantcontacten', tekst);
  log(`\n${tekst}\n\nTotal ${Math.round((performance.now() - gestart) / 1000)} s. Raw: bench/klantcontacten/results.json`);
  await client.end();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}

try {
  await main();
} finally {
  for (const c of children) await c.stop();
}
