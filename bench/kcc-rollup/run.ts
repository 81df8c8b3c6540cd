// KCC rollup benchmark (issue 11, ADR 0066): the telephony and contact KPIs over BENCH_GESPREKKEN
// call records (default 2,000,000) and BENCH_CONTACTEN klantcontacten (default 5,000,000), with
// BENCH_VERZOEKEN handled contactverzoeken (default 200,000), all of Diemen over 2025–2026,
// generated in the database with generate_series (the statement triggers fill the outbox as an
// import does). Then (1) the full rebuild of the three KCC rollups, (2) one round after a late
// import of one call, and (3) KPI value reads of a real Loket server (`serve`, a child process) at
// 1 and 16 connections, from the rollups and, for comparison, live (their state rows removed).
// `node bench/kcc-rollup/run.ts` (`-- --reuse` keeps the database of the previous run and tops each
// table up to its count, e.g. after a run that was stopped while generating). Not part
// of npm test. Method and results: BENCHMARKS.md.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { Client } from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { openSignalen } from '../../src/db/signalen.ts';
import { systeemklok } from '../../src/klok.ts';
import { cliContext } from '../../src/modules/audit/audit.service.ts';
import { kalenderdag, plusDagen } from '../../src/modules/termijnen/kalender.ts';
import { loketServices } from '../../src/server.ts';
import { freePort, msUntil200, startChild, type Child } from '../http-baseline/processes.ts';
import { benchDatabase, laadDemo, logInDemo, meetMetVerbruik, percentiel, round2, verbruikMeter } from '../gedeeld.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GESPREKKEN = Number(process.env.BENCH_GESPREKKEN ?? 2_000_000);
const CONTACTEN = Number(process.env.BENCH_CONTACTEN ?? 5_000_000);
const VERZOEKEN = Number(process.env.BENCH_VERZOEKEN ?? 200_000);
const DUUR = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const DATABASE = 'loket_bench_kcc_rollup';
const GEMEENTE = 'GM0384';
// BENCH_MATEN: only these measures (comma-separated codes), e.g. to compare one value before and after a change.
const MATEN = process.env.BENCH_MATEN?.split(',') ?? ['kcc-binnen-30s', 'kcc-afhaakpercentage', 'kcc-wachttijd-gemiddeld', 'kcc-wachttijd-p90', 'kcc-eerstelijns-oplossing', 'kcc-contactverzoeken-binnen-termijn'];
const tmp = mkdtempSync(join(os.tmpdir(), 'loket-bench-kcc-rollup-'));
const log = (regel: string) => console.log(regel);
const vlaggen = new Set(process.argv.slice(2));
const { adminUrl, benchUrl } = benchDatabase(DATABASE);
type Meter = ReturnType<typeof verbruikMeter>;
const seconden = (t0: number) => round2((performance.now() - t0) / 1000);

/**
 * A fresh database with the demo data (or, with --reuse, the previous one), then the generated
 * calls, contacts and requests up to their counts (in batches of a million rows).
 */
async function genereer(opnieuw: boolean) {
  if (opnieuw) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.query(`create database ${DATABASE}`);
    await admin.end();
    await laadDemo(benchUrl);
  }
  const database = await openDatabase({ databaseUrl: benchUrl });
  try {
    const db = database.db;
    const aantal = async (tabel: 'kcc_gesprek' | 'klantcontact' | 'contactverzoek') =>
      Number((await db.selectFrom(tabel).select((eb) => eb.fn.countAll<string>().as('n')).where('gemeente', '=', GEMEENTE).executeTakeFirstOrThrow()).n);
    const team = (await db.selectFrom('team').select('id').where('gemeente', '=', GEMEENTE).where('naam', '=', 'Klantcontactcentrum').executeTakeFirstOrThrow()).id;
    const t0 = performance.now();
    const partij = 1_000_000;
    for (let start = await aantal('kcc_gesprek'); start < GESPREKKEN; start += partij) {
      await sql`
        insert into kcc_gesprek (gemeente, gesprek_id, wachtrij, begin_op, wachttijd_s, afloop, gespreksduur_s, geimporteerd_op)
        select ${GEMEENTE}, 'b' || i, (array['Algemeen','Burgerzaken','Belastingen','Wmo en jeugd','Afval en buitenruimte'])[1 + i % 5],
          timestamptz '2025-01-01 07:00:00+00' + (i % 730) * interval '1 day' + ((i::bigint * 7919) % 36000) * interval '1 second',
          case when i % 20 = 0 then 0 else floor(-ln(1 - ((i::bigint * 2654435761) % 1000003) / 1000003.0) * 25)::int end,
          case when i % 20 = 0 then 'buiten-openingstijd' when i % 7 = 0 then 'opgehangen' else 'beantwoord' end, 60, now()
        from generate_series(${start}::int, ${Math.min(start + partij, GESPREKKEN) - 1}::int) as i`.execute(db);
    }
    const gesprekkenS = seconden(t0);
    log(`${GESPREKKEN.toLocaleString('en')} call records in ${gesprekkenS} s`);
    const t1 = performance.now();
    for (let start = await aantal('klantcontact'); start < CONTACTEN; start += partij) {
      await sql`
        insert into klantcontact (gemeente, id, kanaal, onderwerp, uitkomst, op, geregistreerd_op, door_type, door_naam)
        select ${GEMEENTE}, gen_random_uuid(), (array['telefoon','telefoon','telefoon','balie','e-mail','chat'])[1 + i % 6], 'Bench',
          (array['zelfstandig-afgehandeld','zelfstandig-afgehandeld','zelfstandig-afgehandeld','doorverbonden','contactverzoek-gemaakt','zaak-aangemaakt','verwezen'])[1 + (i / 6) % 7],
          timestamptz '2025-01-01 07:00:00+00' + (i % 730) * interval '1 day' + ((i::bigint * 7919) % 36000) * interval '1 second', now(), 'systeem', 'bench'
        from generate_series(${start}::int, ${Math.min(start + partij, CONTACTEN) - 1}::int) as i`.execute(db);
    }
    const contactenS = seconden(t1);
    log(`${CONTACTEN.toLocaleString('en')} klantcontacten in ${contactenS} s`);
    const t2 = performance.now();
    await sql`
      insert into contactverzoek (gemeente, id, onderwerp, vraag, team_id, status, norm_werkdagen, uiterlijk_op, uitkomst, aangemaakt_op, afgehandeld_op, door_type, door_naam)
      select ${GEMEENTE}, gen_random_uuid(), 'Bench', 'Graag terugbellen.', ${team}::uuid, 'afgerond', 2,
        (date '2025-01-01' + (i % 728) + 2), 'Gebeld.', timestamptz '2025-01-01 08:00:00+00' + (i % 728) * interval '1 day',
        timestamptz '2025-01-01 08:00:00+00' + (i % 728) * interval '1 day' + (i % 4) * interval '1 day' + interval '3 hours', 'systeem', 'bench'
      from generate_series(${await aantal('contactverzoek')}::int, ${VERZOEKEN - 1}::int) as i`.execute(db);
    const verzoekenS = seconden(t2);
    log(`${VERZOEKEN.toLocaleString('en')} contactverzoeken in ${verzoekenS} s`);
    await sql`analyze`.execute(db);
    return { gesprekkenS, contactenS, verzoekenS };
  } finally {
    await database.close();
  }
}

/** The rebuild of the three rollups of Diemen, then a late import of one call and the round that follows it. */
async function opbouw() {
  const database = await openDatabase({ databaseUrl: benchUrl });
  const signalen = await openSignalen(database, console);
  try {
    const services = loketServices({ database, klok: systeemklok, berichten: { verstuur: async () => undefined }, signalen, publicUrl: 'http://127.0.0.1' });
    const herbouw: Record<string, number> = {};
    for (const [naam, rollup] of Object.entries(services.kccRollups)) {
      const t = performance.now();
      await rollup.herbouw(GEMEENTE);
      herbouw[naam] = seconden(t);
      log(`  rebuild ${naam}: ${herbouw[naam]} s`);
    }
    // The other gemeenten have nothing; their first round only records the state.
    for (const rollup of Object.values(services.kccRollups)) await rollup.werkAf();
    const incrementeel: number[] = [];
    for (let i = 0; i < 5; i++) {
      const csv = `gesprek_id,wachtrij,begin,wachttijd_s,afloop,gespreksduur_s,doorverbonden_naar\nlaat${Date.now()}-${i},Algemeen,2025-06-0${i + 2}T10:00:00+02:00,12,beantwoord,60,\n`;
      await services.kccGesprekken.importeer(cliContext(), GEMEENTE, csv, { strikt: true });
      const t = performance.now();
      const r = await services.kccRollups.gesprekken.werkAf();
      incrementeel.push(performance.now() - t);
      if (r.dagen !== 1) throw new Error(`expected one day recomputed, got ${JSON.stringify(r)}`);
    }
    const inc = incrementeel.toSorted((a, b) => a - b);
    log(`Round after a late import of one call (5×): median ${round2(percentiel(inc, 50))} ms, max ${round2(inc.at(-1) ?? 0)} ms`);
    return { herbouwS: herbouw, incrementeelMs: inc.map(round2) };
  } finally {
    await signalen.close();
    await database.close();
  }
}


async function lezen(base: string, bron: 'rollup' | 'live', cookie: string, verbindingenLijst: number[], meter: Meter) {
  const perioden = { maand: 'periode=2026-06', jaar: 'periode=2025' };
  const uit: Record<string, unknown>[] = [];
  for (const code of MATEN) {
    for (const [naam, query] of Object.entries(perioden)) {
      const per = code.startsWith('kcc-contactverzoeken') ? '&uitsplitsing=team' : code === 'kcc-eerstelijns-oplossing' ? '' : '&uitsplitsing=wachtrij';
      const pad = `/api/v1/gemeenten/${GEMEENTE}/kpis/${code}/waarden?${query}${per}`;
      const proef = await fetch(`${base}${pad}`, { headers: { cookie } });
      const waarde = (await proef.json()) as { waarde: number | null; noemer: number; versheid: { bron: string; reden: string | null } };
      if (proef.status !== 200 || waarde.versheid.bron !== bron) throw new Error(`${pad}: ${proef.status} ${JSON.stringify(waarde).slice(0, 300)}`);
      for (const verbindingen of verbindingenLijst) {
        const m = await meetMetVerbruik({ base, pad, verbindingen, cookie, meter, tijd: { duur: DUUR, warmup: WARMUP } }, `${bron} ${code} ${naam} (waarde ${waarde.waarde}, noemer ${waarde.noemer})`, log);
        uit.push({ bron, code, periode: naam, verbindingen, waarde: waarde.waarde, noemer: waarde.noemer, ...m });
      }
    }
  }
  return uit;
}

let loket: Child | undefined;
try {
  const start = new Date();
  log(`KCC rollups, ${vlaggen.has('--reuse') ? 'database of the previous run, topped up to ' : ''}${`${GESPREKKEN.toLocaleString('en')} call records, ${CONTACTEN.toLocaleString('en')} klantcontacten, ${VERZOEKEN.toLocaleString('en')} contactverzoeken`} (${benchUrl})`);
  const generatie = await genereer(!vlaggen.has('--reuse'));
  const bouw = await opbouw();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The rollup job off in the server: the rollups were just built, and a round must not run during the reads.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', DATABASE_URL: benchUrl, LOKET_DEMO: 'false', PORT: String(port), LOKET_RATE_LIMIT: '1000000', LOKET_RATE_LIMIT_AANMELDEN: '1000000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0', LOKET_KPI_ROLLUP_MINUTEN: '0' };
  // The server counts its statements (bench/statement-teller.ts); BENCH_PROFIEL=<dir>: a V8 CPU profile of the server, written when it stops.
  const statementsBestand = join(tmp, 'statements');
  env.BENCH_STATEMENTS_BESTAND = statementsBestand;
  const profiel = process.env.BENCH_PROFIEL ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_PROFIEL)}`] : [];
  loket = startChild(process.execPath, [...profiel, '--disable-warning=ExperimentalWarning', '--import', './bench/statement-teller.ts', 'src/cli/main.ts', 'serve'], { cwd: ROOT, env, logFile: join(tmp, 'loket.log') });
  await msUntil200(loket, `${base}/health`, 60_000);
  const client = new Client({ connectionString: benchUrl });
  await client.connect();
  const meter = verbruikMeter({ client, datname: DATABASE, pid: loket.process.pid ?? 0, statementsBestand });
  const { cookie } = await logInDemo(base, 'teamleider@diemen.demo');
  log('KPI values from the rollups:');
  const uitRollup = await lezen(base, 'rollup', cookie, [1, 16], meter);
  // BENCH_LIVE=0: without the live comparison (a quick before/after of the rollup reads).
  const live = process.env.BENCH_LIVE === '0' ? [] : await (async () => {
    await client.query(`delete from kpi_rollup_stand where gemeente = $1 and rollup in ('kcc-gesprekken', 'klantcontacten', 'contactverzoeken')`, [GEMEENTE]);
    log('The same values live (the rollup state removed), one connection:');
    return await lezen(base, 'live', cookie, [1], meter);
  })();
  await client.end();
  const resultaat = { start: start.toISOString(), gesprekken: GESPREKKEN, contacten: CONTACTEN, verzoeken: VERZOEKEN, generatie, opbouw: bouw, lezen: [...uitRollup, ...live], load: os.loadavg(), cpus: os.cpus().map((c) => c.model)[0], node: process.version, vandaag: kalenderdag(new Date()), gisteren: plusDagen(kalenderdag(new Date()), -1) };
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);
  log(`Written to bench/kcc-rollup/results.json (logs in ${tmp}).`);
} finally {
  await loket?.stop();
}
