// Survey report benchmark (`npm run bench:enquete-rapport`): issue 15 asks for a report over
// 50,000 responses with p95 ≤ 100 ms. This script, on PostgreSQL (BENCH_DATABASE_URL):
//  1. migrates a fresh database, loads the demo, sets margins for the four characteristics of
//     GM0384 (4 age groups, 3 genders, 8 wijken, 3 education levels) and makes a running survey
//     of 8 questions (single and multiple choice, scale, rapportcijfer, open) through the service;
//  2. inserts BENCH_AANTAL (default 50,000) panel responses set-based, with characteristics
//     skewed against the margins (the young under-represented) and answers of every kind, plus
//     1,000 by open link;
//     (and the counts per profile the app keeps with each response, set-based);
//  3. as anchors in the same run: reading the counts alone, and the straightforward computation
//     (enquetes.rapport.referentie.ts: every respondent written out, the code before the speed-up)
//     beside the report's own computation over the same counts;
//  4. calls the report as the route does (`enquetesService.rapport`: reading the counts, raking over
//     the profiles, the shares and intervals per question) BENCH_RONDES times (default 40, after
//     3 warm-up calls), without and with a breakdown by wijk, and reports p50/p95/max.
// In-process: the HTTP layer (a few ms for a JSON answer of this size) is not in the numbers.
// Results: results.json beside this file; BENCHMARKS.md is written by hand from them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { openSignalen } from '../../src/db/signalen.ts';
import { systeemklok } from '../../src/klok.ts';
import { cliContext } from '../../src/modules/audit/audit.service.ts';
import { maakRapport } from '../../src/modules/enquetes/enquetes.rapport.ts';
import { eenvoudigRapport } from '../../src/modules/enquetes/enquetes.rapport.referentie.ts';
import { enquetesRepository } from '../../src/modules/enquetes/enquetes.repository.ts';
import { loketServices } from '../../src/server.ts';
import { benchDatabase, verseDatabase, laadDemo, percentiel, round2 } from '../gedeeld.ts';

const AANTAL = Number(process.env.BENCH_AANTAL ?? 50_000);
const RONDES = Number(process.env.BENCH_RONDES ?? 40);
const DATABASE = process.env.BENCH_DATABASE_NAAM ?? 'loket_bench_enquete_rapport';
const log = (regel: string) => console.log(regel);
const { adminUrl, benchUrl } = benchDatabase(DATABASE);

const t = (nl: string) => ({ nl, en: nl });
const opties = (...w: string[]) => w.map((x) => ({ waarde: x, tekst: t(x) }));
const DEFINITIE = {
  titel: t('Leefbaarheid'),
  vragen: [
    { id: 'tevreden', soort: 'enkele-keuze' as const, tekst: t('Tevreden over de buurt?'), verplicht: true, opties: opties('ja', 'nee', 'weet-niet') },
    { id: 'waarom', soort: 'meerkeuze' as const, tekst: t('Wat kan beter?'), verplicht: false, voorwaarde: { vraag: 'tevreden', antwoorden: ['nee'] }, opties: opties('afval', 'verkeer', 'groen', 'overlast', 'verlichting') },
    { id: 'veilig', soort: 'schaal' as const, tekst: t('Hoe veilig voelt u zich?'), verplicht: true, schaal: { punten: 5, laag: t('Onveilig'), hoog: t('Veilig') } },
    { id: 'cijfer', soort: 'rapportcijfer' as const, tekst: t('Cijfer voor de gemeente'), verplicht: true },
    { id: 'contact', soort: 'enkele-keuze' as const, tekst: t('Contact gehad?'), verplicht: false, opties: opties('ja', 'nee') },
    { id: 'kanaal', soort: 'meerkeuze' as const, tekst: t('Hoe?'), verplicht: false, opties: opties('telefoon', 'balie', 'website', 'mail') },
    { id: 'groen', soort: 'schaal' as const, tekst: t('Genoeg groen?'), verplicht: false, schaal: { punten: 5, laag: t('Nee'), hoog: t('Ja') } },
    { id: 'opmerking', soort: 'open' as const, tekst: t('Opmerkingen'), verplicht: false },
  ],
};
const WIJKEN = ['Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Ring', 'Polder', 'Dorp'];
const MARGES = [
  ...[['18-34', 0.27], ['35-49', 0.24], ['50-64', 0.26], ['65+', 0.23]].map(([c, a]) => ({ kenmerk: 'leeftijdsgroep' as const, categorie: c as string, aandeel: a as number })),
  ...[['man', 0.49], ['vrouw', 0.5], ['anders', 0.01]].map(([c, a]) => ({ kenmerk: 'geslacht' as const, categorie: c as string, aandeel: a as number })),
  ...WIJKEN.map((w, i) => ({ kenmerk: 'wijk' as const, categorie: w, aandeel: i < 4 ? 0.15 : 0.1 })),
  ...[['laag', 0.3], ['middelbaar', 0.4], ['hoog', 0.3]].map(([c, a]) => ({ kenmerk: 'opleiding' as const, categorie: c as string, aandeel: a as number })),
];

async function meet(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const tijden: number[] = [];
  for (let i = 0; i < RONDES; i++) {
    const t0 = performance.now();
    await fn();
    tijden.push(performance.now() - t0);
  }
  tijden.sort((a, b) => a - b);
  return { p50: round2(percentiel(tijden, 50)), p95: round2(percentiel(tijden, 95)), max: round2(tijden.at(-1) ?? 0) };
}

async function main(): Promise<void> {
  const { admin, machine } = await verseDatabase(adminUrl, DATABASE, log);
  log('Migrate and demo data …');
  await laadDemo(benchUrl);

  const database = await openDatabase({ databaseUrl: benchUrl });
  const signalen = await openSignalen(database, console);
  try {
    const services = loketServices({ database, klok: systeemklok, berichten: { verstuur: async () => undefined }, signalen, publicUrl: 'http://127.0.0.1' });
    const g = await services.gemeenten.opCode('GM0384');
    if (!g) throw new Error('GM0384 ontbreekt');
    await services.enquetes.zetMarges(cliContext(), g.code, MARGES);
    const enquete = await services.enquetes.maak(cliContext(), g, { definitie: DEFINITIE, openLink: true, herinneringNaDagen: 7 });
    await services.enquetes.zetStatus(cliContext(), g, enquete.id, 'lopend');

    log(`${AANTAL.toLocaleString('en')} panel responses and 1,000 by open link …`);
    const client = new Client({ connectionString: benchUrl });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('select setseed(0.42)');
    const t0 = performance.now();
    await client.query(
      `insert into enquete_respons (gemeente, id, enquete_id, bron, leeftijdsgroep, geslacht, wijk, opleiding, antwoorden, ontvangen_op)
       select $1, gen_random_uuid(), $2, case when i <= $3 then 'panel' else 'open' end,
         case when i <= $3 then (array['18-34', '35-49', '35-49', '50-64', '50-64', '50-64', '65+', '65+', '65+'])[1 + floor(random() * 9)::int] end,
         case when i <= $3 then (array['man', 'man', 'man', 'vrouw', 'vrouw', 'anders'])[1 + floor(random() * 5.05)::int] end,
         case when i <= $3 then ($4::text[])[1 + floor(random() * 8)::int] end,
         case when i <= $3 then (array['laag', 'middelbaar', 'middelbaar', 'hoog', 'hoog'])[1 + floor(random() * 5)::int] end,
         jsonb_strip_nulls(jsonb_build_object(
           'tevreden', a.tevreden,
           'waarom', case when a.tevreden = 'nee' then ((array['["afval"]', '["afval", "verkeer"]', '["groen"]', '["overlast", "verlichting"]'])[1 + floor(random() * 4)::int])::jsonb end,
           'veilig', (1 + floor(random() * 5))::text,
           'cijfer', (1 + floor(random() * 10))::text,
           'contact', case when random() < 0.8 then (array['ja', 'nee'])[1 + floor(random() * 2)::int] end,
           'kanaal', case when random() < 0.4 then ((array['["telefoon"]', '["balie", "website"]', '["mail"]'])[1 + floor(random() * 3)::int])::jsonb end,
           'groen', case when random() < 0.7 then (1 + floor(random() * 5))::text end,
           'opmerking', case when random() < 0.1 then 'Een opmerking ' || i end)),
         current_date
       from generate_series(1, $3 + 1000) i,
         lateral (select (array['ja', 'ja', 'nee', 'weet-niet'])[1 + floor(random() * 4 + i * 0)::int] as tevreden) a`,
      ['GM0384', enquete.id, AANTAL, WIJKEN],
    );
    // The counts the app keeps with every stored response (enquetesRepository.voegResponsToe), here set-based.
    await client.query(
      `insert into enquete_telling (gemeente, enquete_id, bron, leeftijdsgroep, geslacht, wijk, opleiding, vraag, waarde, aantal)
       select r.gemeente, r.enquete_id, r.bron, coalesce(r.leeftijdsgroep, ''), coalesce(r.geslacht, ''), coalesce(r.wijk, ''), coalesce(r.opleiding, ''), a.vraag, a.waarde, count(*)
       from enquete_respons r cross join lateral (
         select '' as vraag, '' as waarde
         union all select e.key, case when e.key = 'opmerking' then '""' else e.value::text end from jsonb_each(r.antwoorden) e) a
       where r.enquete_id = $1
       group by 1, 2, 3, 4, 5, 6, 7, 8, 9`,
      [enquete.id],
    );
    await client.query('vacuum analyze enquete_respons');
    await client.query('vacuum analyze enquete_telling');
    const generatieS = round2((performance.now() - t0) / 1000);
    await client.end();

    const rapport = await services.enquetes.rapport(g, enquete.id, {});
    log(`Report: ${rapport.panel.respondenten} panel respondents, weging ${rapport.panel.weging.status} in ${rapport.panel.weging.iteraties} iterations (deff ${round2(rapport.panel.weging.designeffect)}), ${rapport.open.respondenten} by open link`);
    const repo = enquetesRepository(database.db);
    const sqlAlleen = await meet(() => repo.tellingen(g.code, enquete.id));
    // Anchor: the counts read as one row each (as before issue 15's speed-up), each value parsed.
    const alsRijen = await meet(async () => {
      const rijen = await database.db.selectFrom('enquete_telling').select(['bron', 'leeftijdsgroep', 'geslacht', 'wijk', 'opleiding', 'vraag', 'waarde', 'aantal']).where('gemeente', '=', g.code).where('enquete_id', '=', enquete.id).execute();
      return rijen.map((r) => ({ profiel: [r.leeftijdsgroep, r.geslacht, r.wijk, r.opleiding], vraag: r.vraag, waarde: r.vraag === '' ? '' : (JSON.parse(r.waarde) as unknown), aantal: r.aantal }));
    });
    log(`anchor, the counts read as rows: p50 ${alsRijen.p50} ms, p95 ${alsRijen.p95} ms, max ${alsRijen.max} ms`);
    log(`reading the counts alone: p50 ${sqlAlleen.p50} ms, p95 ${sqlAlleen.p95} ms, max ${sqlAlleen.max} ms`);
    // Anchor in the same run: the straightforward computation (every respondent written out, the
    // report's code before issue 15's speed-up) over the same counts, read once.
    const tellingen = await repo.tellingen(g.code, enquete.id);
    const marges = await repo.marges(g.code);
    const invoer = (uitsplitsing?: 'wijk') => ({ enquete: enquete.id, definitie: enquete.definitie, marges, panel: { profielen: tellingen.profielen, antwoorden: tellingen.panel }, open: { respondenten: tellingen.openRespondenten, antwoorden: tellingen.open }, ...(uitsplitsing ? { uitsplitsing } : {}) });
    const referentie = await meet(async () => eenvoudigRapport(invoer()));
    log(`anchor, the straightforward computation alone (no SQL): p50 ${referentie.p50} ms, p95 ${referentie.p95} ms, max ${referentie.max} ms`);
    const referentiePerWijk = await meet(async () => eenvoudigRapport(invoer('wijk')));
    log(`anchor with breakdown by wijk (no SQL): p50 ${referentiePerWijk.p50} ms, p95 ${referentiePerWijk.p95} ms, max ${referentiePerWijk.max} ms`);
    const rekenen = await meet(async () => maakRapport(invoer()));
    log(`the report's computation alone (no SQL): p50 ${rekenen.p50} ms, p95 ${rekenen.p95} ms, max ${rekenen.max} ms`);
    const zonder = await meet(() => services.enquetes.rapport(g, enquete.id, {}));
    log(`report: p50 ${zonder.p50} ms, p95 ${zonder.p95} ms, max ${zonder.max} ms`);
    const perWijk = await meet(() => services.enquetes.rapport(g, enquete.id, { uitsplitsing: 'wijk' }));
    log(`report with breakdown by wijk: p50 ${perWijk.p50} ms, p95 ${perWijk.p95} ms, max ${perWijk.max} ms`);
    const csv = await meet(async () => services.enquetes.rapportAlsCsv(await services.enquetes.rapport(g, enquete.id, { uitsplitsing: 'leeftijdsgroep', maxGewicht: 3 })));
    log(`CSV with breakdown by age and trimming: p50 ${csv.p50} ms, p95 ${csv.p95} ms, max ${csv.max} ms`);
    const resultaat = { datum: new Date().toISOString(), machine, responses: AANTAL, open: 1000, rondes: RONDES, generatieS, sqlAlleen, alsRijen, referentie, referentiePerWijk, rekenen, rapport: zonder, rapportPerWijk: perWijk, csvPerLeeftijdGetrimd: csv, doelP95Ms: 100 };
    writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(resultaat, null, 2)}\n`);
  } finally {
    await signalen.close();
    await database.close();
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.end();
  }
}

await main();
