/**
 * The telephony rollup (ADR 0066): on random call records the rollup answers exactly what the live
 * query answers (a property test: every count and the exact p90, per period and queue), the
 * boundaries of issue 11 read through the rollup (30 s exactly, a 4 s and a 5 s abandon, a call at
 * 00:30 Amsterdam time on the first of the month), a value says where it came from, a retried
 * round counts nothing twice, and a late import of a closed day says when and why it was
 * recomputed. Calls are imported through the service, never by SQL.
 */
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import type { Database } from '../../db/database.ts';
import { vasteKlok } from '../../klok.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { auditService, cliContext } from '../audit/audit.service.ts';
import { gemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { dagRollup, type DagRollup } from '../kpi/kpi.dagrollup.ts';
import { kpiRollupRepository } from '../kpi/kpi.rollup.repository.ts';
import { plusDagen } from '../termijnen/kalender.ts';
import { kccGesprekkenMaten, kccKpis, type KccGesprekkenMaten } from './kcc.gesprekken.maten.ts';
import { kccGesprekkenRepository, type Periodesoort } from './kcc.gesprekken.repository.ts';
import { KCC_GESPREKKEN, kccGesprekkenBouwer, kccGesprekkenRollupRepository } from './kcc.gesprekken.rollup.repository.ts';
import { kccGesprekkenService, type KccGesprekkenService } from './kcc.gesprekken.service.ts';

let database: Database;
let service: KccGesprekkenService;
let live: KccGesprekkenMaten;
let rollup: DagRollup;
let volgende = 7000;
// Tests run shuffled: the clock is only moved inside the one test that needs a later hour, and set back.
const klok = vasteKlok('2026-12-01T09:00:00Z');

beforeAll(async () => {
  database = await testDatabase();
  const repository = kccGesprekkenRepository(database.db);
  rollup = dagRollup({ naam: KCC_GESPREKKEN, repository: kpiRollupRepository(database.db), bouwer: kccGesprekkenBouwer, klok });
  service = kccGesprekkenService({
    repository,
    gemeenten: gemeentenRepository(database.db),
    audit: auditService({ repository: auditRepository(database.db), klok }),
    klok,
    rollup: { dagRollup: rollup, repository: kccGesprekkenRollupRepository(database.db) },
  });
  live = kccGesprekkenMaten(repository);
}, 60_000);
afterAll(async () => database.close());

const KOP = 'gesprek_id,wachtrij,begin,wachttijd_s,afloop,gespreksduur_s,doorverbonden_naar';

async function nieuweGemeente(): Promise<string> {
  const code = `GM${++volgende}`;
  await gemeentenRepository(database.db).bewaar({ code, naam: `Testdorp ${code}`, slug: `testdorp-${code.toLowerCase()}`, domein: null, thema: {} });
  return code;
}

async function importeer(gemeente: string, regels: readonly string[]): Promise<void> {
  const uitkomst = await service.importeer(cliContext(), gemeente, [KOP, ...regels].join('\n'), { strikt: true });
  expect(uitkomst.fouten).toEqual([]);
}

describe('the boundaries of issue 11, read through the rollup', () => {
  it('count 30 s exactly as within, leave out a 4 s abandon, count a 5 s abandon, and put 00:30 on the 1st in that month', async () => {
    const gemeente = await nieuweGemeente();
    await importeer(gemeente, [
      'a,Algemeen,2026-03-10T10:00:00+01:00,30,beantwoord,100,',
      'b,Algemeen,2026-03-10T10:05:00+01:00,31,beantwoord,100,',
      'c,Algemeen,2026-03-10T10:10:00+01:00,4,opgehangen,0,',
      'd,Algemeen,2026-03-10T10:15:00+01:00,5,opgehangen,0,',
      'e,Algemeen,2026-03-10T20:00:00+01:00,0,buiten-openingstijd,0,',
      'f,Burgerzaken,2026-03-01T00:30:00,0,beantwoord,60,', // 2026-02-28T23:30Z: March in Amsterdam
      'g,Burgerzaken,2026-02-28T23:59:59,10,beantwoord,60,',
    ]);
    // Not built yet: live, and it says why.
    const voor = await service.maten.metVersheid({ gemeente, van: '2026-03-01', tot: '2026-03-31' });
    expect(voor.versheid).toMatchObject({ bron: 'live', reden: 'De rollup van deze gemeente is nog niet opgebouwd.' });
    expect(await rollup.werkGemeente(gemeente)).toEqual({ herbouwd: true, dagen: 0 });

    const maart = { gemeente, van: '2026-03-01', tot: '2026-03-31' };
    const { versheid } = await service.maten.metVersheid(maart);
    expect(versheid).toEqual({ bron: 'rollup', reden: null, rollupBijgewerktOp: '2026-12-01T09:00:00.000Z', herberekend: [] });
    // March: noemer a, b, d, f = 4; within 30 s: a, f → 50.0; afgehaakt d → 25.0; answered 30, 31, 0: average 20.3, p90 31.
    expect(await service.maten.binnen30s(maart)).toEqual([{ periode: null, wachtrij: null, teller: 2, noemer: 4, waarde: 50 }]);
    expect(await service.maten.afhaakpercentage(maart)).toEqual([{ periode: null, wachtrij: null, teller: 1, noemer: 4, waarde: 25 }]);
    expect(await service.maten.wachttijdGemiddeld(maart)).toEqual([{ periode: null, wachtrij: null, teller: 61, noemer: 3, waarde: 20.3 }]);
    expect(await service.maten.wachttijdP90(maart)).toEqual([{ periode: null, wachtrij: null, teller: null, noemer: 3, waarde: 31 }]);
    // February holds g alone (23:59:59 on the 28th); the first of March holds f (00:30).
    expect(await service.maten.binnen30s({ gemeente, van: '2026-02-01', tot: '2026-02-28' })).toEqual([{ periode: null, wachtrij: null, teller: 1, noemer: 1, waarde: 100 }]);
    const perDag = await service.maten.binnen30s({ gemeente, van: '2026-02-28', tot: '2026-03-01', per: 'dag', wachtrij: 'Burgerzaken' });
    expect(perDag.map((m) => [m.periode, m.teller, m.noemer])).toEqual([
      ['2026-02-28', 1, 1],
      ['2026-03-01', 1, 1],
    ]);
    // Through the register's measure: the whole selection and a row per queue, with the freshness.
    const maat = kccKpis(service.maten).find((m) => m.definitie.code === 'kcc-binnen-30s');
    const uit = await maat?.bereken({ gemeente, van: '2026-03-01', tot: '2026-03-31', vandaag: '2026-12-01', sluitingsdagen: new Map() });
    expect(uit).toEqual({
      metingen: [
        { groep: null, status: 'bekend', waarde: 50, teller: 2, noemer: 4 },
        { groep: { wachtrij: 'Algemeen' }, status: 'bekend', waarde: 33.3, teller: 1, noemer: 3 },
        { groep: { wachtrij: 'Burgerzaken' }, status: 'bekend', waarde: 100, teller: 1, noemer: 1 },
      ],
      versheid: { bron: 'rollup', reden: null, rollupBijgewerktOp: '2026-12-01T09:00:00.000Z', herberekend: [] },
    });
  });
});

describe('freshness, retries and late data', () => {
  it('answers live while an import waits, from the rollup after the round, and a second round changes nothing', async () => {
    const gemeente = await nieuweGemeente();
    await importeer(gemeente, ['l1,Algemeen,2026-11-02T10:00:00+01:00,10,beantwoord,10,']);
    await rollup.werkGemeente(gemeente);
    klok.zet('2026-12-01T10:00:00Z');
    try {
      // A late import: a call on a closed day (2 November) arrives on 1 December.
      await importeer(gemeente, ['l2,Algemeen,2026-11-02T11:00:00+01:00,50,beantwoord,10,', 'l3,Algemeen,2026-11-20T11:00:00+01:00,5,beantwoord,10,']);
      const november = { gemeente, van: '2026-11-01', tot: '2026-11-30' };
      const wacht = await service.maten.metVersheid(november);
      expect(wacht.versheid).toEqual({ bron: 'live', reden: '2 wijzigingen wachten nog op verwerking in de rollup.', rollupBijgewerktOp: null, herberekend: [] });
      expect(wacht.rijen[0]).toMatchObject({ beantwoord: 3, binnen30s: 2 });
      // Another month's days are not waiting: October still reads the rollup.
      expect((await service.maten.metVersheid({ gemeente, van: '2026-10-01', tot: '2026-10-31' })).versheid.bron).toBe('rollup');

      expect(await rollup.werkGemeente(gemeente)).toEqual({ herbouwd: false, dagen: 2 });
      const na = await service.maten.metVersheid(november);
      expect(na.rijen).toEqual(wacht.rijen);
      expect(na.versheid).toEqual({
        bron: 'rollup',
        reden: null,
        rollupBijgewerktOp: '2026-12-01T10:00:00.000Z',
        herberekend: [
          { dag: '2026-11-20', op: '2026-12-01T10:00:00.000Z', reden: 'gesprekken-geimporteerd' },
          { dag: '2026-11-02', op: '2026-12-01T10:00:00.000Z', reden: 'gesprekken-geimporteerd' },
        ],
      });
      // Retried: nothing waits, nothing changes, nothing is counted twice; importing the same file again adds nothing either.
      expect(await rollup.werkGemeente(gemeente)).toEqual({ herbouwd: false, dagen: 0 });
      await importeer(gemeente, ['l2,Algemeen,2026-11-02T11:00:00+01:00,50,beantwoord,10,']);
      await rollup.werkGemeente(gemeente);
      expect((await service.maten.metVersheid(november)).rijen).toEqual(wacht.rijen);
    } finally {
      klok.zet('2026-12-01T09:00:00Z');
    }
  });
});

const WACHTRIJEN = ['A', 'B', 'C'] as const;
const AFLOPEN = ['beantwoord', 'beantwoord', 'opgehangen', 'buiten-openingstijd'] as const;
const BEGIN = Date.parse('2026-02-20T00:00:00Z');
const EIND = Date.parse('2026-04-10T00:00:00Z');

describe('the rollup answers what the live query answers (property)', () => {
  it('on random calls, periods, period sizes and queues', async () => {
    const gesprek = fc.record({
      wachtrij: fc.constantFrom(...WACHTRIJEN),
      // Whole minutes around the turn of February/March and the start of summer time (29 March).
      begin: fc.integer({ min: 0, max: (EIND - BEGIN) / 60_000 }).map((m) => new Date(BEGIN + m * 60_000).toISOString()),
      wachttijd: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 400 })),
      afloop: fc.constantFrom(...AFLOPEN),
    });
    const vraag = fc.record({
      van: fc.integer({ min: 0, max: 50 }),
      dagen: fc.integer({ min: 0, max: 60 }),
      per: fc.constantFrom<Periodesoort | undefined>(undefined, 'dag', 'week', 'maand', 'jaar'),
      perWachtrij: fc.boolean(),
      wachtrij: fc.constantFrom<string | undefined>(undefined, undefined, 'A', 'D'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(gesprek, { minLength: 0, maxLength: 60 }), fc.array(vraag, { minLength: 1, maxLength: 4 }), async (gesprekken, vragen) => {
        const gemeente = await nieuweGemeente();
        if (gesprekken.length > 0) await importeer(gemeente, gesprekken.map((g, i) => `p${i},${g.wachtrij},${g.begin},${g.wachttijd},${g.afloop},1,`));
        await rollup.werkGemeente(gemeente);
        for (const q of vragen) {
          const van = plusDagen('2026-02-15', q.van);
          const v = { gemeente, van, tot: plusDagen(van, q.dagen), per: q.per, perWachtrij: q.perWachtrij, wachtrij: q.wachtrij };
          const uitRollup = await service.maten.metVersheid(v);
          expect(uitRollup.versheid.bron).toBe('rollup');
          expect(uitRollup.rijen).toEqual(await live.tellingen(v));
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
