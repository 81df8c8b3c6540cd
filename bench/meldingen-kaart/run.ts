// Public map benchmark (issue 12): `GET /api/v1/meldingen/openbaar?bbox=…` of a real Loket server
// on PostgreSQL with 100,000 open meldingen (BENCH_AANTAL) in Diemen, public categories mostly:
//  - a 1 km box (≤ 500 features) at 1 and at 16 clients: targets p95 ≤ 10 ms and ≤ 50 ms; boxes are
//    drawn from 40 places, so the answers come from the cells every node keeps (ADR 0076);
//  - the anchor in the same run: PostgreSQL's own GeoJSON query for the same boxes (json_agg over
//    the GiST box query, straight over a pg connection pool of the same size);
//  - the whole gemeente in one box (about 50 cells: from the cells too), and the plan of the
//    database query that answers boxes of more than 120 cells, checked for a Seq Scan.
// `npm run bench:meldingen-kaart` (`-- --duur 10` seconds per measurement; BENCH_WARMUP seconds,
// default 2; BENCH_DATABASE_NAAM). About 1.5 minutes. Not part of npm test. Results: results.json
// beside this file and BENCHMARKS.md ("Public map").
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client, Pool } from 'pg';
import { benchDatabase, verseDatabase, laadDemo, percentiel, round2, schrijfInBenchmarks, willekeur } from '../gedeeld.ts';
import { freePort, msUntil200, startChild, type Child } from '../http-baseline/processes.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({ options: { duur: { type: 'string', default: '10' } } });
const DUUR = Number(args.duur);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const AANTAL = Number(process.env.BENCH_AANTAL ?? 100_000);
const DATABASE = process.env.BENCH_DATABASE_NAAM ?? 'loket_bench_meldingen_kaart';
const GEMEENTE = 'GM0384';
/** Diemen, roughly: the area the meldingen are spread over. */
const GEBIED = { minLon: 4.94, maxLon: 5.03, minLat: 52.32, maxLat: 52.36 };
/** 1 km by 1 km at 52.3° N: 0.0147° of longitude, 0.009° of latitude. */
const KM_LON = 0.0147;
const KM_LAT = 0.009;
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-kaart-'));
const children: Child[] = [];
const log = (regel: string) => console.log(regel);
const { adminUrl, benchUrl } = benchDatabase(DATABASE);

const r = willekeur(12);
const BOXEN = Array.from({ length: 40 }, () => {
  const lon = GEBIED.minLon + r() * (GEBIED.maxLon - GEBIED.minLon - KM_LON);
  const lat = GEBIED.minLat + r() * (GEBIED.maxLat - GEBIED.minLat - KM_LAT);
  return [lon, lat, lon + KM_LON, lat + KM_LAT].map((x) => x.toFixed(5)).join(',');
});
const ja = (x: boolean) => (x ? '**yes**' : '**no**');
const GEHEEL = [GEBIED.minLon, GEBIED.minLat, GEBIED.maxLon, GEBIED.maxLat].join(',');

async function meetHttp(base: string, paden: readonly string[], verbindingen: number) {
  let i = 0;
  const opties = { url: base, connections: verbindingen, requests: [{ method: 'GET' as const, setupRequest: (req: { path: string }) => ({ ...req, path: paden[i++ % paden.length] as string }) }] };
  if (WARMUP > 0) await autocannon({ ...opties, duration: WARMUP });
  const tijden: number[] = [];
  const a = autocannon({ ...opties, duration: DUUR });
  a.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    if (status === 200) tijden.push(ms);
  });
  const uit = await a;
  const s = Float64Array.from(tijden).toSorted();
  return { reqPerS: Math.round(uit.requests.total / uit.duration), p50: round2(percentiel(s, 50)), p95: round2(percentiel(s, 95)), p99: round2(percentiel(s, 99)), mislukt: uit.non2xx + uit.errors + uit.timeouts };
}

const GEOJSON_SQL = `select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object('type', 'Feature', 'id', identificatie,
    'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(lon, lat)),
    'properties', json_build_object('gemeente', gemeente, 'categorie', categorie_code, 'ontvangenOp', ontvangen_op))), '[]')) as kaart
  from (select m.gemeente, m.identificatie, m.categorie_code, m.lat, m.lon, m.ontvangen_op
        from melding m join melding_categorie c on c.gemeente = m.gemeente and c.id = m.categorie_id
        join zaak z on z.gemeente = m.gemeente and z.id = m.zaak_id
        where c.openbaar and z.afgesloten_op is null and m.locatie <@ box(point($1::float8, $2::float8), point($3::float8, $4::float8))
        order by m.ontvangen_op desc, m.zaak_id limit 500) t`;

/** PostgreSQL's own GeoJSON query for the boxes, `verbindingen` at a time, for DUUR seconds. */
async function meetSql(verbindingen: number) {
  const pool = new Pool({ connectionString: benchUrl, max: verbindingen });
  const tijden: number[] = [];
  let i = 0;
  const werk = async (tot: number, meten: boolean) => {
    while (performance.now() < tot) {
      const box = (BOXEN[i++ % BOXEN.length] as string).split(',').map(Number);
      const t0 = performance.now();
      await pool.query(GEOJSON_SQL, box);
      if (meten) tijden.push(performance.now() - t0);
    }
  };
  const warm = performance.now() + WARMUP * 1000;
  await Promise.all(Array.from({ length: verbindingen }, () => werk(warm, false)));
  const t0 = performance.now();
  const tot = t0 + DUUR * 1000;
  await Promise.all(Array.from({ length: verbindingen }, () => werk(tot, true)));
  const duur = (performance.now() - t0) / 1000;
  await pool.end();
  const s = Float64Array.from(tijden).toSorted();
  return { reqPerS: Math.round(tijden.length / duur), p50: round2(percentiel(s, 50)), p95: round2(percentiel(s, 95)), p99: round2(percentiel(s, 99)), mislukt: 0 };
}

async function main(): Promise<void> {
  const gestart = performance.now();
  const { admin, machine } = await verseDatabase(adminUrl, DATABASE, log);
  log('Migrate and demo data …');
  await laadDemo(benchUrl);
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  log(`${AANTAL.toLocaleString('en')} open meldingen, set-based …`);
  const t0 = performance.now();
  await client.query('select setseed(0.12)');
  // Zaken of the melding zaaktype (open, status 1), then their meldingen in Diemen's categories (1 in 10 not public).
  await client.query(
    `with zt as (select id, vertrouwelijkheid, standaard_team_id from zaaktype where gemeente = $1 and code = 'melding-openbare-ruimte' order by versie desc limit 1),
          t as (select id from team where gemeente = $1 order by naam limit 1)
     insert into zaak (gemeente, id, identificatie, zaaktype_id, onderwerp, kanaal, ontvangstdatum, registratie_op, vertrouwelijkheid, team_id, status_volgnummer, oorspronkelijke_einddatum, uiterlijke_einddatum, volgcode_hash)
     select $1, gen_random_uuid(), 'B-' || n, zt.id, 'Melding ' || n, 'app', current_date, now() - (n || ' seconds')::interval, zt.vertrouwelijkheid, coalesce(zt.standaard_team_id, t.id), 1, current_date + 5, current_date + 5, md5(n::text) || md5(n::text || 'x')
     from generate_series(1, $2) n, zt, t`,
    [GEMEENTE, AANTAL],
  );
  await client.query(
    `with c as (select array_agg(id order by code) as ids, array_agg(code order by code) as codes from melding_categorie where gemeente = $1 and hoofdcategorie is not null and status = 'gepubliceerd')
     insert into melding (gemeente, zaak_id, identificatie, categorie_id, categorie_code, lat, lon, locatie_controle, bron, ontvangen_op, adres, antwoorden)
     select z.gemeente, z.id, z.identificatie, c.ids[k], c.codes[k], $2::float8 + random() * ($3::float8 - $2::float8), $4::float8 + random() * ($5::float8 - $4::float8), 'binnen', 'formulier', z.registratie_op, 'Straat ' || z.identificatie, '{}'
     from zaak z, c, lateral (select 1 + floor(random() * array_length(c.ids, 1))::int as k offset 0) kk
     where z.gemeente = $1 and z.identificatie like 'B-%'`,
    [GEMEENTE, GEBIED.minLat, GEBIED.maxLat, GEBIED.minLon, GEBIED.maxLon],
  );
  await client.query('vacuum analyze zaak');
  await client.query('vacuum analyze melding');
  const generatieS = round2((performance.now() - t0) / 1000);
  const telling = (await client.query<{ n: string; openbaar: string }>(`select count(*) as n, count(*) filter (where c.openbaar) as openbaar from melding m join melding_categorie c on c.gemeente = m.gemeente and c.id = m.categorie_id`)).rows[0];
  log(`  ${telling?.n} meldingen (${telling?.openbaar} in public categories) in ${generatieS} s`);

  // The database path (boxes of more than 120 cells), here for the whole gemeente: its plan must not be a Seq Scan.
  const geheelBox = GEHEEL.split(',').map(Number);
  const plan = (await client.query<{ 'QUERY PLAN': string }>(
    `explain select m.gemeente, m.zaak_id, m.identificatie, m.categorie_code, c.naam_nl, c.naam_en, c.hoofdcategorie, m.lat, m.lon, m.ontvangen_op
     from melding m join melding_categorie c on c.gemeente = m.gemeente and c.id = m.categorie_id
     where c.openbaar = true and m.locatie <@ box(point($1::float8, $2::float8), point($3::float8, $4::float8)) order by m.ontvangen_op desc, m.zaak_id limit 1000`,
    geheelBox,
  )).rows.map((x) => x['QUERY PLAN']);
  const seqScan = plan.some((regel) => /Seq Scan on melding\b/.test(regel));
  log(`Plan of the whole-gemeente query${seqScan ? ' (Seq Scan on melding!)' : ''}:\n  ${plan.join('\n  ')}`);

  const port = await freePort();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, PORT: String(port), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0', LOKET_KPI_ROLLUP_MINUTEN: '0' };
  const loket = startChild(process.execPath, ['--disable-warning=ExperimentalWarning', 'bench/meldingen-intake/server.ts'], { cwd: ROOT, env, logFile: join(tmp, 'loket.log') });
  children.push(loket);
  const base = `http://127.0.0.1:${port}`;
  await msUntil200(loket, `${base}/health`, 60_000);
  const paden = BOXEN.map((b) => `/api/v1/meldingen/openbaar?bbox=${b}`);
  const proef = await (await fetch(`${base}${paden[0]}`)).json() as { features: unknown[]; afgekapt: boolean };
  const geheel = await (await fetch(`${base}/api/v1/meldingen/openbaar?bbox=${GEHEEL}`)).json() as { features: unknown[]; afgekapt: boolean };
  log(`A 1 km box: ${proef.features.length} features (afgekapt ${proef.afgekapt}); the whole gemeente: ${geheel.features.length} (afgekapt ${geheel.afgekapt})`);

  const metingen: { naam: string; verbindingen: number; reqPerS: number; p50: number; p95: number; p99: number; mislukt: number }[] = [];
  for (const [naam, verbindingen, werk] of [
    ['PostgreSQL GeoJSON query (anchor)', 1, () => meetSql(1)],
    ['PostgreSQL GeoJSON query (anchor)', 16, () => meetSql(16)],
    ['GET /api/v1/meldingen/openbaar, 1 km box', 1, () => meetHttp(base, paden, 1)],
    ['GET /api/v1/meldingen/openbaar, 1 km box', 16, () => meetHttp(base, paden, 16)],
    ['GET /api/v1/meldingen/openbaar, whole gemeente (about 50 cells)', 1, () => meetHttp(base, [`/api/v1/meldingen/openbaar?bbox=${GEHEEL}`], 1)],
  ] as const) {
    log(`${naam}, ${verbindingen} client(s): ${WARMUP} s warm-up, ${DUUR} s measured …`);
    const m = await werk();
    log(`  ${m.reqPerS} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, failed ${m.mislukt}`);
    metingen.push({ naam, verbindingen, ...m });
  }
  await loket.stop();
  const kaart1 = metingen[2] as (typeof metingen)[0];
  const kaart16 = metingen[3] as (typeof metingen)[0];
  const resultaat = {
    datum: new Date().toISOString(),
    machine,
    data: { meldingen: Number(telling?.n), inOpenbareCategorieen: Number(telling?.openbaar), generatieS, featuresIn1kmBox: proef.features.length, featuresGeheel: geheel.features.length },
    methode: { duurS: DUUR, warmupS: WARMUP, boxen: BOXEN.length },
    planGeheel: plan,
    seqScanGeheel: seqScan,
    metingen,
    doel: { p95Ms1: 10, p95Ms16: 50 },
    uitkomst: { p95Ms1Gehaald: kaart1.p95 <= 10, p95Ms16Gehaald: kaart16.p95 <= 50 },
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);
  const tekst = [
    `Run of ${resultaat.datum.slice(0, 16).replace('T', ' ')} UTC: ${machine.cpus} × ${machine.cpu}, Node ${machine.node}, PostgreSQL ${machine.postgres}, load average at the start ${machine.loadAverage.join(' / ')} (a shared machine). ${Number(telling?.n).toLocaleString('en')} open meldingen in Diemen (${Number(telling?.openbaar).toLocaleString('en')} in public categories); ${BOXEN.length} different 1 km boxes in turn (${proef.features.length} features in the first, capped at 500); ${WARMUP} s warm-up + ${DUUR} s per line.`,
    '',
    '| Request | clients | req/s | p50 ms | p95 ms | p99 ms | failed |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...metingen.map((m) => `| ${m.naam} | ${m.verbindingen} | ${m.reqPerS} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.mislukt} |`),
    '',
    `Targets for a 1 km box: p95 ≤ 10 ms at 1 client: ${ja(resultaat.uitkomst.p95Ms1Gehaald)} (${kaart1.p95} ms); p95 ≤ 50 ms at 16: ${ja(resultaat.uitkomst.p95Ms16Gehaald)} (${kaart16.p95} ms). Whole-gemeente plan without a Seq Scan on melding: ${ja(!seqScan)}.`,
    '',
    '```',
    ...plan,
    '```',
  ].join('\n');
  schrijfInBenchmarks('meldingen-kaart', tekst);
  log(`\n${tekst}\n\nTotal ${Math.round((performance.now() - gestart) / 1000)} s.`);
  await client.end();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.end();
}

try {
  await main();
} finally {
  for (const c of children) await c.stop();
}
