import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import type { Database } from '../../db/database.ts';
import { vasteKlok } from '../../klok.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { auditService, cliContext } from '../audit/audit.service.ts';
import { gemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { eenDecimaal, KCC_GESPREKKEN_DEFINITIES, periodes } from './kcc.gesprekken.maten.ts';
import { kccGesprekkenRepository } from './kcc.gesprekken.repository.ts';
import { kccGesprekkenService, type KccGesprekkenService } from './kcc.gesprekken.service.ts';

// The telephony measures on hand-made call records with known answers, computed by hand below
// each file. Every test imports its own file into a gemeente of its own (tests run shuffled).

let database: Database;
let service: KccGesprekkenService;
let volgende = 9000;

beforeAll(async () => {
  database = await testDatabase();
  const klok = vasteKlok('2026-12-01T09:00:00Z');
  service = kccGesprekkenService({ repository: kccGesprekkenRepository(database.db), gemeenten: gemeentenRepository(database.db), audit: auditService({ repository: auditRepository(database.db), klok }), klok });
});
afterAll(async () => database.close());

const KOP = 'gesprek_id,wachtrij,begin,wachttijd_s,afloop,gespreksduur_s,doorverbonden_naar';

/** A new gemeente with these call records (lines without the header). */
async function gemeenteMet(...regels: string[]): Promise<string> {
  const code = `GM${++volgende}`;
  await gemeentenRepository(database.db).bewaar({ code, naam: `Testdorp ${code}`, slug: `testdorp-${code.toLowerCase()}`, domein: null, thema: {} });
  const uitkomst = await service.importeer(cliContext(), code, [KOP, ...regels].join('\n'), { strikt: true });
  expect(uitkomst.fouten).toEqual([]);
  return code;
}

describe('kcc-binnen-30s and kcc-afhaakpercentage', () => {
  it('count 30 s exactly as within, leave out a 4 s abandon, count a 5 s abandon, and put 00:30 on the 1st in that month', async () => {
    const gemeente = await gemeenteMet(
      'a,Algemeen,2026-03-10T10:00:00+01:00,30,beantwoord,100,', // teller and noemer
      'b,Algemeen,2026-03-10T10:05:00+01:00,31,beantwoord,100,', // noemer only
      'c,Algemeen,2026-03-10T10:10:00+01:00,4,opgehangen,0,', // short abandon: not counted
      'd,Algemeen,2026-03-10T10:15:00+01:00,5,opgehangen,0,', // noemer, and afgehaakt
      'e,Algemeen,2026-03-10T20:00:00+01:00,0,buiten-openingstijd,0,', // not counted
      'f,Burgerzaken,2026-03-01T00:30:00,0,beantwoord,60,', // 2026-02-28T23:30Z: March in Amsterdam
      'g,Burgerzaken,2026-02-28T23:59:59,10,beantwoord,60,', // February
    );
    // March: noemer a, b, d, f = 4; within 30 s: a, f = 2 → 50.0; afgehaakt d = 1 → 25.0.
    const maart = { gemeente, van: '2026-03-01', tot: '2026-03-31' };
    expect(await service.maten.binnen30s(maart)).toEqual([{ periode: null, wachtrij: null, teller: 2, noemer: 4, waarde: 50 }]);
    expect(await service.maten.afhaakpercentage(maart)).toEqual([{ periode: null, wachtrij: null, teller: 1, noemer: 4, waarde: 25 }]);
    // Answered in March: 30, 31 and 0 seconds: average 61 / 3 = 20.33 → 20.3; p90 the smallest wait with ≥ 90% at or below it: 31.
    expect(await service.maten.wachttijdGemiddeld(maart)).toEqual([{ periode: null, wachtrij: null, teller: 61, noemer: 3, waarde: 20.3 }]);
    expect(await service.maten.wachttijdP90(maart)).toEqual([{ periode: null, wachtrij: null, teller: null, noemer: 3, waarde: 31 }]);
    // February: only g.
    const februari = { gemeente, van: '2026-02-01', tot: '2026-02-28' };
    expect(await service.maten.binnen30s(februari)).toEqual([{ periode: null, wachtrij: null, teller: 1, noemer: 1, waarde: 100 }]);
    expect(await service.maten.afhaakpercentage(februari)).toEqual([{ periode: null, wachtrij: null, teller: 0, noemer: 1, waarde: 0 }]);

    // Per month over both, and per queue: f is Burgerzaken in March.
    const perMaand = await service.maten.binnen30s({ gemeente, van: '2026-02-01', tot: '2026-03-31', per: 'maand', perWachtrij: true });
    expect(perMaand).toEqual([
      { periode: '2026-02-01', wachtrij: null, teller: 1, noemer: 1, waarde: 100 },
      { periode: '2026-02-01', wachtrij: 'Burgerzaken', teller: 1, noemer: 1, waarde: 100 },
      { periode: '2026-03-01', wachtrij: null, teller: 2, noemer: 4, waarde: 50 },
      { periode: '2026-03-01', wachtrij: 'Algemeen', teller: 1, noemer: 3, waarde: 33.3 },
      { periode: '2026-03-01', wachtrij: 'Burgerzaken', teller: 1, noemer: 1, waarde: 100 },
    ]);
    // Per ISO week: Saturday 28 February and Sunday 1 March are in the same week (from Monday 23 February).
    const perWeek = await service.maten.binnen30s({ gemeente, van: '2026-02-23', tot: '2026-03-15', per: 'week' });
    expect(perWeek).toEqual([
      { periode: '2026-02-23', wachtrij: null, teller: 2, noemer: 2, waarde: 100 },
      { periode: '2026-03-02', wachtrij: null, teller: 0, noemer: 0, waarde: null, nietBekend: 'Er zijn in deze periode geen gesprekken.' },
      { periode: '2026-03-09', wachtrij: null, teller: 1, noemer: 3, waarde: 33.3 },
    ]);
    // Per day around the turn of the month, and one queue only.
    const perDag = await service.maten.binnen30s({ gemeente, van: '2026-02-28', tot: '2026-03-01', per: 'dag', wachtrij: 'Burgerzaken' });
    expect(perDag.map((m) => [m.periode, m.teller, m.noemer])).toEqual([
      ['2026-02-28', 1, 1],
      ['2026-03-01', 1, 1],
    ]);
    // Per year, and a queue without calls.
    expect(await service.maten.afhaakpercentage({ gemeente, van: '2026-01-01', tot: '2026-12-31', per: 'jaar' })).toEqual([{ periode: '2026-01-01', wachtrij: null, teller: 1, noemer: 5, waarde: 20 }]);
    expect((await service.maten.binnen30s({ gemeente, van: '2026-03-01', tot: '2026-03-31', wachtrij: 'Bestaat niet' }))[0]).toMatchObject({ waarde: null, noemer: 0 });
  });

  it('say "niet bekend" and why when nothing counts, for each measure', async () => {
    const gemeente = await gemeenteMet('k1,Algemeen,2026-04-01T10:00:00+02:00,3,opgehangen,0,', 'k2,Algemeen,2026-04-01T22:00:00+02:00,0,buiten-openingstijd,0,', 'k3,Algemeen,2026-04-01T10:00:10+02:00,4,opgehangen,0,');
    const vraag = { gemeente, van: '2026-04-01', tot: '2026-04-01' };
    const reden = 'Er zijn in deze periode geen gesprekken die meetellen: van de 3 gesprekken was er 1 buiten openingstijd en zijn er 2 binnen 5 seconden opgehangen.';
    expect(await service.maten.binnen30s(vraag)).toEqual([{ periode: null, wachtrij: null, teller: 0, noemer: 0, waarde: null, nietBekend: reden }]);
    expect(await service.maten.afhaakpercentage(vraag)).toEqual([{ periode: null, wachtrij: null, teller: 0, noemer: 0, waarde: null, nietBekend: reden }]);
    const geenAntwoord = 'Er is in deze periode geen gesprek beantwoord (3 gesprekken in totaal).';
    expect(await service.maten.wachttijdGemiddeld(vraag)).toEqual([{ periode: null, wachtrij: null, teller: 0, noemer: 0, waarde: null, nietBekend: geenAntwoord }]);
    expect(await service.maten.wachttijdP90(vraag)).toEqual([{ periode: null, wachtrij: null, teller: null, noemer: 0, waarde: null, nietBekend: geenAntwoord }]);
    const leeg = await service.maten.wachttijdP90({ gemeente, van: '2026-04-02', tot: '2026-04-02' });
    expect(leeg).toEqual([{ periode: null, wachtrij: null, teller: null, noemer: 0, waarde: null, nietBekend: 'Er zijn in deze periode geen gesprekken.' }]);
  });

  it('round half away from zero to one decimal', async () => {
    // 1 of 16 within 30 s: 6.25 → 6.3; 15 of 16 abandoned after ≥ 5 s: 93.75 → 93.8.
    const regels = ['r0,Algemeen,2026-05-04T10:00:00+02:00,30,beantwoord,10,'];
    for (let i = 1; i < 16; i++) regels.push(`r${i},Algemeen,2026-05-04T10:${String(i).padStart(2, '0')}:00+02:00,${5 + i},opgehangen,0,`);
    const gemeente = await gemeenteMet(...regels);
    const vraag = { gemeente, van: '2026-05-04', tot: '2026-05-04' };
    expect((await service.maten.binnen30s(vraag))[0]).toMatchObject({ teller: 1, noemer: 16, waarde: 6.3 });
    expect((await service.maten.afhaakpercentage(vraag))[0]).toMatchObject({ teller: 15, noemer: 16, waarde: 93.8 });
    expect([eenDecimaal(100, 16), eenDecimaal(1, 20), eenDecimaal(1, 40), eenDecimaal(200, 3), eenDecimaal(714, 1000), eenDecimaal(0, 7), eenDecimaal(100 * 731, 1000)]).toEqual([6.3, 0.1, 0, 66.7, 0.7, 0, 73.1]);
  });

  it('put each call on its Amsterdam date on the days the clocks change (23 and 25 hours)', async () => {
    const gemeente = await gemeenteMet(
      'z1,Algemeen,2026-03-28T23:30:00Z,1,beantwoord,1,', // 00:30 CET on 29 March
      'z2,Algemeen,2026-03-29T21:30:00Z,1,beantwoord,1,', // 23:30 CEST on 29 March
      'z3,Algemeen,2026-03-29T22:00:00Z,1,beantwoord,1,', // 00:00 CEST on 30 March
      'w1,Algemeen,2026-10-24T22:30:00Z,40,beantwoord,1,', // 00:30 CEST on 25 October
      'w2,Algemeen,2026-10-25 02:30:00,40,beantwoord,1,', // the repeated hour: its first time, 00:30Z
      'w3,Algemeen,2026-10-25T22:30:00Z,40,beantwoord,1,', // 23:30 CET on 25 October
      'w4,Algemeen,2026-10-25T23:00:00Z,40,beantwoord,1,', // 00:00 CET on 26 October
    );
    const lente = await service.maten.binnen30s({ gemeente, van: '2026-03-28', tot: '2026-03-30', per: 'dag' });
    expect(lente.map((m) => [m.periode, m.noemer])).toEqual([
      ['2026-03-28', 0],
      ['2026-03-29', 2],
      ['2026-03-30', 1],
    ]);
    const herfst = await service.maten.binnen30s({ gemeente, van: '2026-10-25', tot: '2026-10-26', per: 'dag' });
    expect(herfst.map((m) => [m.periode, m.noemer, m.waarde])).toEqual([
      ['2026-10-25', 3, 0],
      ['2026-10-26', 1, 0],
    ]);
    // Without per: the range is from local midnight to local midnight.
    expect((await service.maten.binnen30s({ gemeente, van: '2026-10-25', tot: '2026-10-25' }))[0]?.noemer).toBe(3);
    expect((await service.maten.binnen30s({ gemeente, van: '2026-03-29', tot: '2026-03-29' }))[0]?.noemer).toBe(2);
  });

  it('every measure from one query, keyed by its code', async () => {
    const gemeente = await gemeenteMet('x1,Algemeen,2026-06-01T10:00:00+02:00,20,beantwoord,10,', 'x2,Algemeen,2026-06-01T10:01:00+02:00,40,beantwoord,10,');
    const alle = await service.maten.alle({ gemeente, van: '2026-06-01', tot: '2026-06-30' });
    expect(Object.keys(alle)).toEqual(['kcc-binnen-30s', 'kcc-afhaakpercentage', 'kcc-wachttijd-gemiddeld', 'kcc-wachttijd-p90']);
    expect(alle['kcc-binnen-30s']?.[0]?.waarde).toBe(50);
    expect(alle['kcc-wachttijd-gemiddeld']?.[0]?.waarde).toBe(30);
    expect(alle['kcc-wachttijd-p90']?.[0]?.waarde).toBe(40);
  });
});

describe('declarations', () => {
  it('have distinct codes in the register\'s form, and a teller for each percentage', () => {
    const d = Object.values(KCC_GESPREKKEN_DEFINITIES);
    expect(new Set(d.map((x) => x.code)).size).toBe(d.length);
    for (const x of d) {
      expect(x.code).toMatch(/^kcc(-[a-z0-9]+)+$/);
      if (x.eenheid === 'procent') expect(x.teller).not.toBeNull();
    }
  });

  it('list the periods that overlap a range', () => {
    expect(periodes('2026-02-28', '2026-03-02', 'dag')).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
    expect(periodes('2026-03-01', '2026-03-09', 'week')).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    expect(periodes('2026-01-31', '2026-03-01', 'maand')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(periodes('2025-12-31', '2026-01-01', 'jaar')).toEqual(['2025-01-01', '2026-01-01']);
  });
});
