// Knowledge-base search benchmark: `GET /kennisartikelen/zoeken?q=…` of a real Loket server on
// PostgreSQL over 5,000 articles of one gemeente, at 16 connections, with what people type while
// they type: word beginnings, whole words, two words, typos. Target (issue 11): p95 ≤ 30 ms.
// `npm run bench:kennisbank` (BENCH_ROUNDS, BENCH_DURATION, BENCH_WARMUP, BENCH_ARTIKELEN, BENCH_HOUD_DATABASE,
// BENCH_PROFIEL). Also per request: CPU ms of the server and of PostgreSQL, statements. Not
// part of npm test. Method and results: BENCHMARKS.md ("Knowledge-base search").
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { freePort, msUntil200, processTicks, startChild, ticksOfCommand, withOtherCpu, type Child } from '../http-baseline/processes.ts';
import { benchDatabase, verseDatabase, laadDemo, logInDemo, percentiel, round2, verbruikMeter, type Verbruik } from '../gedeeld.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RONDES = Number(process.env.BENCH_ROUNDS ?? 3);
const DUUR = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ARTIKELEN = Number(process.env.BENCH_ARTIKELEN ?? 5_000);
const VERBINDINGEN = 16;
const DATABASE = 'loket_bench_kennisbank';
const GEMEENTE = 'GM0384';
const GEBRUIKER = 'kcc@duoplus.demo';
const DOEL_MS = 30;
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-kennisbank-'));
const children: Child[] = [];
const log = (regel: string) => console.log(regel);
const { adminUrl, benchUrl } = benchDatabase(DATABASE);

// The words the generated articles are made of: onderwerpen, each with words of its own (an
// article about one onderwerp uses a few of them), verbs, and the filler of a municipal answer.
const ONDERWERPEN = ['Afval', 'Paspoort', 'Rijbewijs', 'Verhuizen', 'Parkeren', 'Belastingen', 'Wmo', 'Jeugdhulp', 'Bijstand', 'Bouwen', 'Evenementen', 'Klachten', 'Openbare verlichting', 'Groen', 'Begraven', 'Huwelijk', 'Geboorte', 'Uittreksel', 'Kinderopvang', 'Leerlingenvervoer'];
const ONDERWERP_WOORDEN = [
  'container kliko restafval gft papier grofvuil milieustraat ophaaldag',
  'paspoort identiteitskaart reisdocument pasfoto spoedaanvraag vermissing',
  'rijbewijs verlenging keuring gezondheidsverklaring cbr categorie',
  'verhuizing adreswijziging inschrijving briefadres brp verhuisdatum',
  'parkeervergunning bezoekersvergunning kenteken parkeerplaats gehandicaptenparkeerkaart zone',
  'aanslag kwijtschelding ozb rioolheffing afvalstoffenheffing betalingsregeling',
  'huishoudelijke hulp begeleiding hulpmiddel scootmobiel woningaanpassing keukentafelgesprek',
  'jeugdhulp opvoeding jeugdconsulent gezinscoach wijkteam pgb',
  'bijstand uitkering participatiewet inkomen re-integratie toeslag',
  'omgevingsvergunning bouwtekening dakkapel aanbouw welstand sloopmelding',
  'evenementenvergunning geluid ontheffing standplaats drank horeca',
  'klacht bejegening ombudsman klachtenregeling hoorzitting',
  'lantaarnpaal straatverlichting storing lamp paal',
  'boom kapvergunning snoeien groenstrook plantsoen onkruid',
  'begraafplaats grafrechten urnenmuur begrafenis asbestemming',
  'huwelijk partnerschap trouwlocatie getuigen ondertrouw',
  'geboorteaangifte erkenning naamskeuze kraamtijd',
  'uittreksel brp verklaring omtrent gedrag vog akte',
  'kinderopvang peuterspeelzaal vve kinderopvangtoeslag',
  'leerlingenvervoer taxi schoolroute vervoersvoorziening',
];
const WERKWOORDEN = ['aanvragen', 'verlengen', 'melden', 'opzeggen', 'wijzigen', 'betalen', 'ophalen', 'regelen', 'doorgeven', 'aanpassen'];
const VULLING = 'U kunt dit online regelen met DigiD of een afspraak maken aan de balie. Neem een geldig identiteitsbewijs mee. De gemeente neemt binnen de termijn contact met u op. Heeft u vragen, bel dan het klantcontactcentrum.';

/** What KCC staff type: the beginning of a word while typing, whole words, two words, a typo. */
const ZOEKOPDRACHTEN = ['pas', 'paspoo', 'paspoort verlengen', 'pasport', 'rijbew', 'rijbewijs aanvragen', 'verhui', 'verhuizing doorgeven', 'parkeerv', 'parkeervergunnig', 'kwijtschelding', 'kwijtscheldng', 'container', 'contianer ophalen', 'wmo huishoudelijke', 'briefadres', 'lantaarnpaal', 'geboorte aangifte', 'uittreksel brp', 'evenementenvergunning', 'boom kap', 'belasting betalen', 'jeugdhulp', 'bijstand aanvragen', 'digid machtiging', 'trouwen', 'a', 'ke'];

interface Meting {
  reqPerS: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  mislukt: number;
  statussen: Record<string, number>;
  otherCpuPercent: number;
  stealPercent: number;
  gemiddeldAantalTreffers: number;
  /** Per request, counted per process (independent of the machine's load): CPU ms of the server and of PostgreSQL, statements. */
  perVerzoek: Verbruik;
}

/** 5,000 articles of GM0384 for its teams, set-based and the same every run (seeded). */
async function maakArtikelen(client: Client): Promise<number> {
  const t0 = performance.now();
  await client.query('select setseed(0.42)');
  await client.query(
    `insert into kennisartikel (gemeente, id, soort, onderwerp, titel, inhoud, trefwoorden, url, team_id, herzien_op, gewijzigd_op)
     select $1, gen_random_uuid(), s.soort, o.onderwerp,
       'Hoe kan ik ' || lower(o.onderwerp) || ' ' || w.werkwoord || ' (' || i || ')',
       $6 || ' ' || (select string_agg(o.woorden[1 + floor(random() * cardinality(o.woorden))::int + (i * 0) + (g * 0)], ' ') from generate_series(1, 5) g),
       (select string_agg(o.woorden[1 + floor(random() * cardinality(o.woorden))::int + (i * 0) + (g * 0)], ' ') from generate_series(1, 3) g),
       case when s.soort = 'webpagina' then 'https://www.example.org/' || i end,
       (select id from team where gemeente = $1 order by md5(id::text || i::text) limit 1),
       current_date + (random() * 365)::int - 30, now()
     from generate_series(1, $5::int) i,
       lateral (select (array['vraag-antwoord', 'vraag-antwoord', 'werkinstructie', 'webpagina'])[1 + (i % 4)] as soort) s,
       lateral (select ($2::text[])[1 + (i % cardinality($2::text[]))] as onderwerp, string_to_array(($4::text[])[1 + (i % cardinality($2::text[]))], ' ') as woorden) o,
       lateral (select ($3::text[])[1 + ((i / 7) % cardinality($3::text[]))] as werkwoord) w`,
    [GEMEENTE, ONDERWERPEN, WERKWOORDEN, ONDERWERP_WOORDEN, ARTIKELEN, VULLING],
  );
  await client.query(
    `insert into kennisartikel_versie (gemeente, artikel_id, versie, soort, onderwerp, titel, inhoud, trefwoorden, url, team_id, herzien_op, door_naam, op)
     select gemeente, id, 1, soort, onderwerp, titel, inhoud, trefwoorden, url, team_id, herzien_op, 'Bench', gewijzigd_op from kennisartikel a where gemeente = $1
       and not exists (select 1 from kennisartikel_versie v where v.gemeente = a.gemeente and v.artikel_id = a.id)`,
    [GEMEENTE],
  );
  await client.query('vacuum analyze');
  return Math.round((performance.now() - t0) / 100) / 10;
}

async function main(): Promise<void> {
  const gestart = performance.now();
  const { admin, machine } = await verseDatabase(adminUrl, DATABASE, log);
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  log(`Migrate, demo data, ${ARTIKELEN.toLocaleString('en')} articles …`);
  await laadDemo(benchUrl);
  const generatieS = await maakArtikelen(client);
  const aantal = Number((await client.query<{ n: string }>('select count(*) as n from kennisartikel where gemeente = $1', [GEMEENTE])).rows[0]?.n);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, LOKET_DEMO: 'false', PORT: String(port), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0' };
  // The server counts its statements (bench/statement-teller.ts); BENCH_PROFIEL=<dir>: a V8 CPU profile of it, written when it stops.
  const statementsBestand = join(tmp, 'statements');
  env.BENCH_STATEMENTS_BESTAND = statementsBestand;
  const profiel = process.env.BENCH_PROFIEL ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_PROFIEL)}`] : [];
  const loket = startChild(process.execPath, [...profiel, '--disable-warning=ExperimentalWarning', '--import', './bench/statement-teller.ts', 'src/cli/main.ts', 'serve'], { cwd: ROOT, env, logFile: join(tmp, 'loket.log') });
  children.push(loket);
  await msUntil200(loket, `${base}/health`, 60_000);
  const sessie = await logInDemo(base, GEBRUIKER);
  const headers = { cookie: sessie.cookie };
  const pad = (q: string) => `/api/v1/gemeenten/${GEMEENTE}/kennisartikelen/zoeken?q=${encodeURIComponent(q)}&limit=10`;

  // Every query once: it answers, and how many it finds (the search must find something, else it is fast for nothing).
  const treffers: number[] = [];
  for (const q of ZOEKOPDRACHTEN) {
    const res = await fetch(`${base}${pad(q)}`, { headers });
    if (res.status !== 200) throw new Error(`${q}: ${res.status} ${await res.text()}`);
    treffers.push(((await res.json()) as { items: unknown[] }).items.length);
  }
  log(`Hits per query (limit 10): ${ZOEKOPDRACHTEN.map((q, i) => `${q}=${treffers[i]}`).join(', ')}`);

  const eigen = () => processTicks('self') + processTicks(loket.process.pid ?? 0) + ticksOfCommand('postgres');
  const meter = verbruikMeter({ client, datname: DATABASE, pid: loket.process.pid ?? 0, statementsBestand });
  const verbruik = { serverMs: 0, postgresMs: 0, statements: 0, verzoeken: 0 };
  const tijden: number[] = [];
  const totaal = { requests: 0, seconden: 0, mislukt: 0, statussen: {} as Record<string, number>, other: [] as number[], steal: [] as number[] };
  let volgende = 0;
  const opties = {
    url: base,
    headers,
    connections: VERBINDINGEN,
    requests: [{ method: 'GET', setupRequest: (req: { path: string }) => ({ ...req, method: 'GET', path: pad(ZOEKOPDRACHTEN[volgende++ % ZOEKOPDRACHTEN.length] ?? 'a') }) }],
  };
  for (let nummer = 1; nummer <= RONDES; nummer++) {
    if (WARMUP > 0) await autocannon({ ...opties, duration: WARMUP });
    const stand = await meter.stand();
    const { value: r, otherCpuPercent, stealPercent } = await withOtherCpu(async () => {
      const a = autocannon({ ...opties, duration: DUUR });
      a.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
        if (status === 200) tijden.push(ms);
      });
      return await a;
    }, eigen);
    const v = await meter.sinds(stand, r.requests.total);
    verbruik.serverMs += v.serverMs * r.requests.total;
    verbruik.postgresMs += v.postgresMs * r.requests.total;
    verbruik.statements += v.statements * r.requests.total;
    verbruik.verzoeken += r.requests.total;
    totaal.requests += r.requests.total;
    totaal.seconden += r.duration;
    totaal.mislukt += r.non2xx + r.errors + r.timeouts;
    for (const [code, stat] of Object.entries(r.statusCodeStats)) totaal.statussen[code] = (totaal.statussen[code] ?? 0) + stat.count;
    totaal.other.push(otherCpuPercent);
    totaal.steal.push(stealPercent);
    log(`Round ${nummer} of ${RONDES}: ${Math.round(r.requests.total / r.duration)} req/s, failed ${r.non2xx + r.errors + r.timeouts}, other CPU ${otherCpuPercent} %; per request ${v.serverMs} ms CPU in the server, ${v.postgresMs} ms in PostgreSQL, ${v.statements} statements`);
  }
  await loket.stop();

  const s = Float64Array.from(tijden).toSorted();
  const meting: Meting = {
    reqPerS: Math.round(totaal.requests / totaal.seconden),
    p50: round2(percentiel(s, 50)),
    p95: round2(percentiel(s, 95)),
    p99: round2(percentiel(s, 99)),
    requests: totaal.requests,
    mislukt: totaal.mislukt,
    statussen: totaal.statussen,
    otherCpuPercent: Math.round(Math.max(...totaal.other)),
    stealPercent: Math.max(...totaal.steal),
    gemiddeldAantalTreffers: round2(treffers.reduce((a, b) => a + b, 0) / treffers.length),
    perVerzoek: { serverMs: round2(verbruik.serverMs / verbruik.verzoeken), postgresMs: round2(verbruik.postgresMs / verbruik.verzoeken), statements: round2(verbruik.statements / verbruik.verzoeken) },
  };
  const resultaat = {
    datum: new Date().toISOString(),
    machine,
    methode: { rondes: RONDES, duurS: DUUR, warmupS: WARMUP, verbindingen: VERBINDINGEN, gebruiker: GEBRUIKER, zoekopdrachten: ZOEKOPDRACHTEN },
    data: { artikelen: aantal, generatieS },
    meting,
    doel: `p95 ≤ ${DOEL_MS} ms`,
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);

  const regels = [
    `Run of ${resultaat.datum.slice(0, 16).replace('T', ' ')} UTC: ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, PostgreSQL ${machine.postgres}; load average at the start ${machine.loadAverage.join(' / ')}. ${aantal.toLocaleString('en')} articles in the gemeente; ${RONDES} rounds of ${WARMUP} s warm-up + ${DUUR} s at ${VERBINDINGEN} connections, ${ZOEKOPDRACHTEN.length} queries in turn (word beginnings, words, two words, typos), latencies of all rounds pooled; ${meting.gemiddeldAantalTreffers} hits per query on average (limit 10).`,
    '',
    '| Request | req/s | p50 ms | p95 ms | p99 ms | target p95 ≤ 30 ms | failed | other CPU (max) | steal (max) | CPU ms / request: server + PostgreSQL | statements / request |',
    '|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|',
    `| GET /kennisartikelen/zoeken?q=… | ${meting.reqPerS} | ${meting.p50} | ${meting.p95} | ${meting.p99} | ${meting.p95 <= DOEL_MS ? '**yes**' : '**no**'} | ${meting.mislukt} | ${meting.otherCpuPercent} % | ${meting.stealPercent} % | ${meting.perVerzoek.serverMs} + ${meting.perVerzoek.postgresMs} | ${meting.perVerzoek.statements} |`,
  ];
  const tekst = regels.join('\n');
  const md = join(ROOT, 'BENCHMARKS.md');
  const huidig = readFileSync(md, 'utf8');
  const start = '<!-- bench:kennisbank:start -->';
  const einde = '<!-- bench:kennisbank:end -->';
  if (huidig.includes(start) && huidig.includes(einde)) writeFileSync(md, `${huidig.slice(0, huidig.indexOf(start) + start.length)}\n${tekst}\n${huidig.slice(huidig.indexOf(einde))}`);
  log(`\n${tekst}\n\nTotal ${Math.round((performance.now() - gestart) / 1000)} s. Raw: bench/kennisbank/results.json`);
  await client.end();
  // BENCH_HOUD_DATABASE=1 keeps the database, to look at query plans afterwards.
  if (!process.env.BENCH_HOUD_DATABASE) await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}

try {
  await main();
} finally {
  for (const c of children) await c.stop();
}
