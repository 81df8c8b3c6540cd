// Appointments benchmark (issue 14), on PostgreSQL: a real Loket server in this process, over HTTP.
// 1. Availability of one product over 4 weeks at 50 desks, with a third of the places already
//    booked: sequential GET …/afspraken/beschikbaarheid, latency median/p95/p99 (target p95 ≤ 30 ms).
// 2. 200 concurrent bookings of the last free places of one slot: exactly as many succeed as there
//    were places, every other answer is 409, and the database holds one appointment per desk.
// `npm run bench:afspraken` (BENCH_DATABASE_URL, BENCH_REQUESTS, BENCH_PLAATSEN). Not part of npm test.
// Method and results: BENCHMARKS.md ("Appointments").
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Client } from 'pg';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { cliContext } from '../../src/modules/audit/audit.service.ts';
import { kalenderdag, plusDagen, vrijeDag } from '../../src/modules/termijnen/kalender.ts';
import { lokaalNaarUtc } from '../../src/modules/afspraken/afspraken.tijd.ts';
import { createLoket } from '../../src/server.ts';
import { benchDatabase, laadDemo, percentiel, round2 } from '../gedeeld.ts';

const DATABASE = 'loket_bench_afspraken';
const GEMEENTE = 'GM0451';
const PRODUCT = 'bench-balie';
const BALIES = 50;
const VERZOEKEN = Number(process.env.BENCH_REQUESTS ?? 300);
const GELIJK = 200;
const PLAATSEN = Number(process.env.BENCH_PLAATSEN ?? 30);
const { adminUrl, benchUrl } = benchDatabase(DATABASE);
const log = (regel: string) => console.log(regel);

const admin = new Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${DATABASE}`);
await admin.query(`create database ${DATABASE}`);
await admin.end();

// Four weeks from tomorrow; the bench location is open Monday to Friday 08:30–16:00, 15-minute slots.
const van = plusDagen(kalenderdag(new Date()), 1);
const tot = plusDagen(van, 27);
await laadDemo(benchUrl, async (services) => {
  await services.producten.maak(cliContext(), GEMEENTE, {
    code: PRODUCT,
    naam: { nl: 'Bench-balie', en: 'Bench desk' },
    thema: 'overig',
    omschrijving: { nl: 'Voor de benchmark.', en: 'For the benchmark.' },
    voorWie: { nl: 'Iedereen.', en: 'Everyone.' },
    kosten: { nl: 'Gratis.', en: 'Free.' },
    meenemen: { nl: '', en: '' },
    hoeAanvragen: { nl: '', en: '' },
    aanvragen: 'afspraak',
    formulierUrl: null,
    zaaktype: null,
    afspraakMinuten: 15,
    ambtenaarKiezen: false,
    gepubliceerd: true,
  });
  const locatieId = randomUUID();
  await services.afspraken.richtIn.maakLocatie(GEMEENTE, {
    id: locatieId,
    naam: 'Bench',
    adres: 'Bench',
    openingstijden: [1, 2, 3, 4, 5].map((weekdag) => ({ weekdag, van: '08:30', tot: '16:00' })),
  });
  for (let i = 1; i <= BALIES; i++) await services.afspraken.richtIn.maakBalie(GEMEENTE, { id: randomUUID(), locatieId, naam: `Balie ${i}`, producten: [PRODUCT] });
  // A third of the places booked already: set-based, the same slots every run (every third desk-slot).
  const t0 = performance.now();
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  const r = await client.query(
    `insert into afspraak (gemeente, id, product, balie_id, start, eind, naam, email, token_hash, aangemaakt_op, gewijzigd_op)
     select $1, gen_random_uuid(), $2, b.id, s.start, s.start + interval '15 minutes', 'Bench', 'bench' || n || '@example.org', md5(random()::text || n), now(), now()
     from (select id, row_number() over (order by naam) as nr from afspraak_balie where gemeente = $1 and naam like 'Balie %' and locatie_id = $3) b
     cross join lateral (
       select (d::date + time '08:30' + (k * interval '15 minutes')) at time zone 'Europe/Amsterdam' as start, k
       from generate_series($4::date, $5::date, interval '1 day') d, generate_series(0, 29) k
       where extract(isodow from d) between 1 and 5
     ) s
     cross join lateral (select b.nr * 1000 + s.k as n) x
     where (b.nr + s.k) % 3 = 0`,
    [GEMEENTE, PRODUCT, locatieId, van, tot],
  );
  await client.query('analyze afspraak');
  await client.end();
  log(`data: ${BALIES} desks, ${r.rowCount} appointments booked beforehand in ${Math.round(performance.now() - t0)} ms`);
});

const database = await openDatabase({ databaseUrl: benchUrl, poolSize: 20 });
const config = loadConfig({ PUBLIC_URL: 'http://127.0.0.1', DATABASE_URL: benchUrl, LOKET_RATE_LIMIT: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0', LOKET_HERINNERING_MINUTEN: '0', LOKET_AFSPRAKEN_PER_EMAIL: '1000', LOG_LEVEL: 'warn' });
const loket = await createLoket({ config, database, logger: { level: 'error' }, werkers: false });
const adres = await loket.app.listen({ port: 0, host: '127.0.0.1' });
const basis = `${adres}/api/v1/gemeenten/${GEMEENTE}/afspraken`;

// 1. Availability over 4 weeks.
const tijden: number[] = [];
let slots = 0;
for (let i = 0; i < VERZOEKEN + 20; i++) {
  const t = performance.now();
  const res = await fetch(`${basis}/beschikbaarheid?product=${PRODUCT}&van=${van}&tot=${tot}`);
  const body = (await res.json()) as unknown[];
  if (res.status !== 200) throw new Error(`beschikbaarheid: ${res.status}`);
  if (i >= 20) tijden.push(performance.now() - t);
  slots = body.length;
}
tijden.sort((a, b) => a - b);
const beschikbaarheid = { verzoeken: tijden.length, tijdvakken: slots, p50: round2(percentiel(tijden, 50)), p95: round2(percentiel(tijden, 95)), p99: round2(percentiel(tijden, 99)) };
log(`availability 4 weeks × ${BALIES} desks (${slots} slots): median ${beschikbaarheid.p50} ms, p95 ${beschikbaarheid.p95} ms, p99 ${beschikbaarheid.p99} ms over ${tijden.length} requests`);

// 2. The last free places of one slot: the first working day's 10:00, with all but PLAATSEN desks taken.
let dag = plusDagen(van, 2);
while (vrijeDag(dag)) dag = plusDagen(dag, 1);
const tienUur = new Date(lokaalNaarUtc(dag, '10:00')).toISOString();
const vrij0 = ((await (await fetch(`${basis}/beschikbaarheid?product=${PRODUCT}&van=${dag}&tot=${dag}`)).json()) as { start: string; vrij: number }[]).find((s) => s.start === tienUur);
if (!vrij0 || vrij0.vrij < PLAATSEN) throw new Error(`no slot at ${tienUur} with ${PLAATSEN} free places`);
const start = vrij0.start;
const vooraf = vrij0.vrij - PLAATSEN;
for (let i = 0; i < vooraf; i++) {
  const r = await fetch(basis, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ product: PRODUCT, start, naam: 'Vooraf', email: `vooraf${i}@example.org` }) });
  if (r.status !== 201) throw new Error(`vooraf: ${r.status} ${await r.text()}`);
}
const t1 = performance.now();
const antwoorden = await Promise.all(
  Array.from({ length: GELIJK }, (_, i) =>
    fetch(basis, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ product: PRODUCT, start, naam: `Gelijk ${i}`, email: `gelijk${i}@example.org` }) }).then((r) => r.status),
  ),
);
const duur = Math.round(performance.now() - t1);
const statussen: Record<string, number> = {};
for (const s of antwoorden) statussen[s] = (statussen[s] ?? 0) + 1;
const check = new Client({ connectionString: benchUrl });
await check.connect();
const { rows } = await check.query<{ n: string; balies: string }>(`select count(*) as n, count(distinct balie_id) as balies from afspraak where gemeente = $1 and product = $2 and start = $3 and status <> 'geannuleerd'`, [GEMEENTE, PRODUCT, start]);
await check.end();
const gelukt = statussen['201'] ?? 0;
// Every desk holds exactly one appointment in that slot now: the ones booked before, the ones just before, and PLAATSEN of the 200.
const klopt = gelukt === PLAATSEN && (statussen['409'] ?? 0) === GELIJK - PLAATSEN && Number(rows[0]?.n) === BALIES && Number(rows[0]?.balies) === BALIES;
log(`${GELIJK} concurrent bookings of the last ${PLAATSEN} places of ${start}: ${JSON.stringify(statussen)} in ${duur} ms; appointments in that slot: ${rows[0]?.n} on ${rows[0]?.balies} desks → ${klopt ? 'OK' : 'WRONG'}`);

await loket.close();
await database.close();
console.log(JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, beschikbaarheid, gelijktijdig: { pogingen: GELIJK, plaatsen: PLAATSEN, statussen, ms: duur, klopt } }));
if (!klopt) process.exitCode = 1;
