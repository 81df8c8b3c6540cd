/**
 * The zaken rollup by closing day (ADR 0043): on random zaken the rollup answers exactly what the
 * live queries answer (a property test), a value says where it came from and how fresh it is,
 * a retried round counts nothing twice, a closed day recomputed later says when and why, and the
 * pg-boss job keeps the rollup current. The zaken are made through the zaken service on a moving
 * clock, never by SQL.
 */
import * as fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { testDatabase } from '../../../test/database.ts';
import { demoWie, laadDemo } from '../../../test/demo.ts';
import { loadConfig } from '../../config.ts';
import { openLoketCore } from '../../server.ts';
import { cliContext } from '../audit/audit.service.ts';
import { KPI_ROLLUPS } from '../kpi/kpi.rollup.job.ts';
import type { KpiMaat, KpiUitkomst, KpiVraag } from '../kpi/kpi.definitie.ts';
import { plusDagen, vrijeDag } from '../termijnen/kalender.ts';
import { zakenKpis } from './zaken.kpi.ts';
import { heleMaanden, percentielUitHistogram } from '../kpi/kpi.histogram.ts';
import type { Wie } from './zaken.service.ts';

const G = 'GM0384';
const ZAAKTYPEN = ['e-mailvraag', 'klacht', 'melding-openbare-ruimte', 'parkeervergunning'] as const;
const MATEN = ['zaken-binnen-norm', 'zaken-doorlooptijd-mediaan', 'zaken-doorlooptijd-p90'];

let loket: TestLoket;
let admin: Wie;
let live: KpiMaat[];
let metRollup: KpiMaat[];

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-02-02T09:00:00Z' });
  await laadDemo(loket);
  admin = await demoWie(loket, 'beheerder@duoplus.demo');
  live = zakenKpis(loket.database.db).filter((m) => MATEN.includes(m.definitie.code));
  metRollup = zakenKpis(loket.database.db, loket.services.zakenRollup).filter((m) => MATEN.includes(m.definitie.code));
}, 60_000);
afterAll(async () => loket.close());

const zaken = () => loket.services.zaken;
const rollup = () => loket.services.zakenRollup;

/** Registers a zaak at `registratie` (received `ontvangenDagenEerder` days before) and closes it `open` hours later, or leaves it open. */
async function zaak(z: { zaaktype: string; registratie: string; ontvangenDagenEerder: number; openUren: number | null }) {
  loket.klok.zet(z.registratie);
  const dag = loket.klok.nu().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const { zaak } = await zaken().registreer(admin, G, { zaaktype: z.zaaktype, kanaal: 'e-mail', ontvangstdatum: plusDagen(dag, -z.ontvangenDagenEerder), onderwerp: 'Eigenschap' });
  if (z.openUren === null) return zaak;
  loket.klok.verder(z.openUren * 3600_000);
  const d = await zaken().detail(admin, G, zaak.id, { loggen: false });
  await zaken().sluitAf(admin, G, zaak.id, d.versie, { resultaattype: d.zaaktypeVersie.resultaattypen[0]?.id ?? '' });
  return zaak;
}

async function vraag(van: string, tot: string, zaaktype?: string): Promise<KpiVraag> {
  return { gemeente: G, van, tot, vandaag: '2026-12-31', sluitingsdagen: await loket.services.termijnen.sluitingsdagen(G), zaaktype };
}

const uitkomst = (r: Awaited<ReturnType<KpiMaat['bereken']>>): KpiUitkomst => (Array.isArray(r) ? { metingen: r, versheid: { bron: 'live', reden: null, rollupBijgewerktOp: null, herberekend: [] } } : r);

describe('percentielUitHistogram', () => {
  it('gives what percentile_disc gives: the value at position ceil(p × N)', () => {
    expect(percentielUitHistogram([], 0.5)).toBeNull();
    expect(percentielUitHistogram([0, 0], 0.9)).toBeNull();
    // Values 0, 1, 1, 3: median at position 2 → 1; p90 at position ceil(3.6) = 4 → 3.
    expect(percentielUitHistogram([1, 2, 0, 1], 0.5)).toBe(1);
    expect(percentielUitHistogram([1, 2, 0, 1], 0.9)).toBe(3);
    // One value: both are that value.
    expect(percentielUitHistogram([0, 0, 0, 0, 0, 1], 0.5)).toBe(5);
  });
});

describe('heleMaanden', () => {
  it('reads whole months from the month buckets and the days around them from the day buckets', () => {
    expect(heleMaanden('2026-03-01', '2026-03-31')).toEqual({ maanden: { van: '2026-03-01', tot: '2026-03-01' }, dagen: [] });
    expect(heleMaanden('2025-12-07', '2026-12-06')).toEqual({
      maanden: { van: '2026-01-01', tot: '2026-11-01' },
      dagen: [
        { van: '2025-12-07', tot: '2025-12-31' },
        { van: '2026-12-01', tot: '2026-12-06' },
      ],
    });
    expect(heleMaanden('2026-02-10', '2026-03-05')).toEqual({ maanden: null, dagen: [{ van: '2026-02-10', tot: '2026-03-05' }] });
    expect(heleMaanden('2026-02-01', '2026-02-27')).toEqual({ maanden: null, dagen: [{ van: '2026-02-01', tot: '2026-02-27' }] });
    expect(heleMaanden('2026-01-15', '2026-02-28')).toEqual({ maanden: { van: '2026-02-01', tot: '2026-02-01' }, dagen: [{ van: '2026-01-15', tot: '2026-01-31' }] });
    expect(heleMaanden('2026-12-01', '2027-01-01')).toEqual({ maanden: { van: '2026-12-01', tot: '2026-12-01' }, dagen: [{ van: '2027-01-01', tot: '2027-01-01' }] });
  });
});

describe('the rollup answers what the live query answers (property)', () => {
  it('on random zaken, periods, zaaktypen and closure days', async () => {
    const dagIn = fc.integer({ min: 0, max: 80 }).map((n) => plusDagen('2026-02-02', n));
    const zaakArb = fc.record({
      zaaktype: fc.constantFrom(...ZAAKTYPEN),
      registratie: fc.tuple(dagIn, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([d, h, m]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`),
      ontvangenDagenEerder: fc.integer({ min: 0, max: 15 }),
      openUren: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { freq: 6 }),
    });
    const periodeArb = fc.tuple(fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 120 })).map(([a, lengte]) => ({ van: plusDagen('2026-02-01', a), tot: plusDagen('2026-02-01', a + lengte) }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(zaakArb, { minLength: 1, maxLength: 5 }),
        fc.option(dagIn, { freq: 4 }),
        fc.array(fc.tuple(periodeArb, fc.option(fc.constantFrom(...ZAAKTYPEN), { freq: 2 })), { minLength: 1, maxLength: 3 }),
        async (nieuw, sluitingsdag, vragen) => {
          for (const z of nieuw) await zaak(z);
          if (sluitingsdag !== null && !vrijeDag(sluitingsdag, await loket.services.termijnen.sluitingsdagen(G))) {
            await loket.services.termijnen.voegToe(cliContext(), G, { datum: sluitingsdag, naam: 'Sluitingsdag (eigenschap)' });
          }
          await rollup().werkAf();
          for (const [{ van, tot }, zaaktype] of vragen) {
            const v = await vraag(van, tot, zaaktype ?? undefined);
            for (const [i, maat] of metRollup.entries()) {
              const uitRollup = uitkomst(await maat.bereken(v));
              expect(uitRollup.versheid.bron).toBe('rollup');
              expect(uitRollup.metingen).toEqual(uitkomst(await live[i]!.bereken(v)).metingen);
            }
          }
          // A series (the periods of one selection at once) gives what each period gives alone.
          const selectie = vragen[0]?.[1] ?? undefined;
          const reeks = await Promise.all(vragen.map(([{ van, tot }]) => vraag(van, tot, selectie)));
          for (const [i, maat] of metRollup.entries()) {
            const uitkomsten = (await maat.berekenReeks!(reeks)).map(uitkomst);
            expect(uitkomsten.map((u) => u.versheid.bron)).toEqual(reeks.map(() => 'rollup'));
            const alleen = [];
            for (const v of reeks) alleen.push(uitkomst(await live[i]!.bereken(v)).metingen);
            expect(uitkomsten.map((u) => u.metingen)).toEqual(alleen);
          }
        },
      ),
      { numRuns: 12, seed: 20261206, endOnFailure: true },
    );
  }, 300_000);
});

// Each test has its own months (vitest shuffles the order).
describe('freshness, retries and late data', () => {
  it('answers live while a change waits, from the rollup after the round, and a second round changes nothing', async () => {
    await rollup().werkAf();
    await zaak({ zaaktype: 'klacht', registratie: '2026-08-03T08:00:00Z', ontvangenDagenEerder: 3, openUren: 2 });
    loket.klok.zet('2026-08-03T12:00:00Z');
    const juli = { periode: '2026-08', uitsplitsing: 'zaaktype' as const };
    const wacht = await loket.services.kpi.waarde(G, 'zaken-doorlooptijd-mediaan', juli);
    expect(wacht.versheid).toEqual({ bron: 'live', reden: '1 wijziging wacht nog op verwerking in de rollup.', rollupBijgewerktOp: null, herberekend: [] });
    await rollup().werkAf();
    const vers = await loket.services.kpi.waarde(G, 'zaken-doorlooptijd-mediaan', juli);
    expect(vers.versheid).toMatchObject({ bron: 'rollup', reden: null, rollupBijgewerktOp: '2026-08-03T12:00:00.000Z', herberekend: [] });
    const { berekendOp: _a, versheid: _b, ...waardeLive } = wacht;
    const { berekendOp: _c, versheid: _d, ...waardeRollup } = vers;
    expect(waardeRollup).toEqual(waardeLive);

    // A retried round (the same outbox rows once more, then an empty outbox): the buckets stay the same.
    const emmers = () => loket.database.db.selectFrom('kpi_zaak_afgesloten_dag').select(['dag', 'zaaktype', 'aantal', 'binnen_norm', 'doorlooptijd']).where('gemeente', '=', G).orderBy('dag').orderBy('zaaktype').execute();
    const voor = await emmers();
    await loket.database.db.insertInto('kpi_rollup_werk').values({ gemeente: G, dag: '2026-08-03', reden: 'zaak-afgesloten' }).execute();
    await rollup().werkAf();
    await rollup().werkAf();
    expect(await emmers()).toEqual(voor);
  });

  it('an insert of zaken already closed (an import) puts their closing day in the outbox, an open zaak none, and the rollup counts them', async () => {
    await rollup().werkAf();
    const bron = await zaak({ zaaktype: 'klacht', registratie: '2026-10-05T08:00:00Z', ontvangenDagenEerder: 1, openUren: null });
    const db = loket.database.db;
    const werk = async () => [...new Set((await db.selectFrom('kpi_rollup_werk').select('dag').where('gemeente', '=', G).execute()).map((w) => w.dag))];
    expect(await werk()).toEqual([]);
    // Copies of the open zaak, two closed in the evening of 6 October (Amsterdam) and one open, in one statement.
    await sql`
      insert into zaak
      select (jsonb_populate_record(null::zaak, to_jsonb(z) || jsonb_build_object(
        'id', gen_random_uuid(), 'identificatie', z.identificatie || '-' || k.n, 'volgcode_hash', md5(z.volgcode_hash || k.n), 'afgesloten_op', k.afgesloten_op,
        'resultaattype_id', case when k.afgesloten_op is null then null else (select r.id from resultaattype r where r.gemeente = z.gemeente and r.zaaktype_id = z.zaaktype_id limit 1) end))).*
      from zaak z, (values (1, '2026-10-06T20:00:00Z'::timestamptz), (2, '2026-10-06T21:30:00Z'::timestamptz), (3, null)) as k(n, afgesloten_op)
      where z.gemeente = ${G} and z.id = ${bron.id}`.execute(db);
    expect(await werk()).toEqual(['2026-10-06']);
    loket.klok.zet('2026-10-07T07:00:00Z');
    const oktober = { periode: '2026-10-06' };
    const liveWaarde = await loket.services.kpi.waarde(G, 'zaken-binnen-norm', oktober);
    await rollup().werkAf();
    expect(await werk()).toEqual([]);
    const uitRollup = await loket.services.kpi.waarde(G, 'zaken-binnen-norm', oktober);
    expect(uitRollup.versheid.bron).toBe('rollup');
    expect(uitRollup.noemer).toBeGreaterThanOrEqual(2);
    const { berekendOp: _a, versheid: _b, ...waardeLive } = liveWaarde;
    const { berekendOp: _c, versheid: _d, ...waardeRollup } = uitRollup;
    expect(waardeRollup).toEqual(waardeLive);
    const { rows } = await sql<{ aantal: number }>`select sum(aantal)::int as aantal from kpi_zaak_afgesloten_dag where gemeente = ${G} and dag = '2026-10-06'`.execute(db);
    expect(rows[0]?.aantal).toBe(2);
  });

  it('a closed day whose totals change later says when and why it was recomputed', async () => {
    await rollup().werkAf();
    // Closed at 23:30 in Amsterdam on 8 September; the round runs the next morning.
    await zaak({ zaaktype: 'e-mailvraag', registratie: '2026-09-08T08:00:00Z', ontvangenDagenEerder: 0, openUren: 13.5 });
    loket.klok.zet('2026-09-09T07:00:00Z');
    await rollup().werkAf();
    const w = await loket.services.kpi.waarde(G, 'zaken-binnen-norm', { periode: '2026-09' });
    expect(w.versheid.bron).toBe('rollup');
    expect(w.versheid.herberekend).toEqual([{ dag: '2026-09-08', op: '2026-09-09T07:00:00.000Z', reden: 'zaak-afgesloten' }]);
    const log = await loket.database.db.selectFrom('kpi_rollup_herberekening').select(['voor', 'na']).where('gemeente', '=', G).where('dag', '=', '2026-09-08').executeTakeFirstOrThrow();
    expect(log).toEqual({ voor: { aantal: 0, binnenNorm: 0 }, na: { aantal: 1, binnenNorm: 1 } });
    // A day before the period is not named; a zaak closed and rolled up on its own day is not late.
    await zaak({ zaaktype: 'e-mailvraag', registratie: '2026-09-10T08:00:00Z', ontvangenDagenEerder: 0, openUren: 1 });
    await rollup().werkAf();
    expect((await loket.services.kpi.waarde(G, 'zaken-binnen-norm', { periode: '2026-09-10' })).versheid.herberekend).toEqual([]);
  });

  it('a series answers per period what each value alone answers, with its own recomputed days', async () => {
    await rollup().werkAf();
    await zaak({ zaaktype: 'klacht', registratie: '2026-11-02T08:00:00Z', ontvangenDagenEerder: 4, openUren: 30 });
    // Closed late in the evening of 9 November, rolled up the next morning: a recomputed closed day.
    await zaak({ zaaktype: 'e-mailvraag', registratie: '2026-11-09T08:00:00Z', ontvangenDagenEerder: 1, openUren: 14 });
    loket.klok.zet('2026-11-10T07:00:00Z');
    await rollup().werkAf();
    for (const code of MATEN) {
      const reeks = await loket.services.kpi.reeks(G, code, { periodeVan: '2026-08-15', periodeTot: '2026-11-10', per: 'maand', uitsplitsing: 'zaaktype' }, { publiek: false });
      expect(reeks.waarden.map((w) => w.periode)).toEqual([
        { van: '2026-08-15', tot: '2026-08-31' },
        { van: '2026-09-01', tot: '2026-09-30' },
        { van: '2026-10-01', tot: '2026-10-31' },
        { van: '2026-11-01', tot: '2026-11-10' },
      ]);
      for (const w of reeks.waarden) {
        const { definitie: _d, code: _c, naam: _n, gemeente: _g, eenheid: _e, berekendOp: _b, ...alleen } = await loket.services.kpi.waarde(G, code, { periodeVan: w.periode.van, periodeTot: w.periode.tot, uitsplitsing: 'zaaktype' });
        const { berekendOp: _r, ...inReeks } = w;
        expect(inReeks).toEqual(alleen);
        expect(w.versheid.bron).toBe('rollup');
      }
      expect(reeks.waarden.at(-1)?.versheid.herberekend).toEqual(expect.arrayContaining([{ dag: '2026-11-09', op: '2026-11-10T07:00:00.000Z', reden: 'zaak-afgesloten' }]));
    }
  });

  it('answers live, saying why, when the closure days changed since the rollup was built, until the next round rebuilds it', async () => {
    await rollup().werkAf();
    loket.klok.zet('2026-10-05T09:00:00Z');
    await loket.services.termijnen.voegToe(cliContext(), G, { datum: '2026-10-20', naam: 'Sluitingsdag (test)' });
    const w = await loket.services.kpi.waarde(G, 'zaken-doorlooptijd-p90', { periode: '2026-Q4' });
    expect(w.versheid).toMatchObject({ bron: 'live', reden: 'De sluitingsdagen zijn gewijzigd; de rollup wordt opnieuw opgebouwd.' });
    expect(await rollup().werkAf()).toMatchObject({ herbouwd: 1 });
    expect((await loket.services.kpi.waarde(G, 'zaken-doorlooptijd-p90', { periode: '2026-Q4' })).versheid.bron).toBe('rollup');
  });
});

describe('the rollup job (pg-boss)', () => {
  it('is scheduled every minute on a singleton queue, and its start round builds the rollup of every gemeente', async () => {
    const db = await testDatabase();
    const core = await openLoketCore({
      config: loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0', LOKET_HERINNERING_MINUTEN: '0', LOKET_KPI_ROLLUP_MINUTEN: '1' }),
      database: db,
      logger: { warn: () => undefined, error: () => undefined },
      werkers: true,
    });
    try {
      await sql`insert into gemeente (code, naam, slug) values ('GM0363', 'Amsterdam', 'amsterdam')`.execute(db.db);
      await core.startWerkers();
      expect((await sql<{ name: string; cron: string }>`select name, cron from pgboss.schedule`.execute(db.db)).rows).toEqual([{ name: KPI_ROLLUPS, cron: '*/1 * * * *' }]);
      expect((await sql<{ policy: string }>`select policy from pgboss.queue where name = ${KPI_ROLLUPS}`.execute(db.db)).rows).toEqual([{ policy: 'singleton' }]);
      const stand = () => db.db.selectFrom('kpi_rollup_stand').select(['gemeente', 'rollup']).execute();
      const uiterlijk = Date.now() + 30_000;
      // The start round builds every rollup of the gemeente: the zaken one (ADR 0043) and the KCC ones (ADR 0066).
      while ((await stand()).length < 4 && Date.now() < uiterlijk) await new Promise((r) => setTimeout(r, 100));
      expect((await stand()).map((s) => s.rollup).toSorted()).toEqual(['contactverzoeken', 'kcc-gesprekken', 'klantcontacten', 'zaken-afgesloten']);
    } finally {
      await core.close();
      await db.close();
    }
  }, 60_000);
});
