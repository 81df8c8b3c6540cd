import { describe, expect, it } from 'vitest';
import { deelPeriode, laatstePerioden, leesPeriode, OngeldigePeriode } from './kpi.periode.ts';

describe('leesPeriode', () => {
  it('reads years, quarters, months, ISO weeks and days as inclusive calendar days', () => {
    expect(leesPeriode('2026')).toEqual({ van: '2026-01-01', tot: '2026-12-31' });
    expect(leesPeriode('2026-Q1')).toEqual({ van: '2026-01-01', tot: '2026-03-31' });
    expect(leesPeriode('2026-Q4')).toEqual({ van: '2026-10-01', tot: '2026-12-31' });
    expect(leesPeriode('2024-02')).toEqual({ van: '2024-02-01', tot: '2024-02-29' });
    expect(leesPeriode('2026-12')).toEqual({ van: '2026-12-01', tot: '2026-12-31' });
    // ISO week 1 holds 4 January; a week starts on Monday.
    expect(leesPeriode('2026-W01')).toEqual({ van: '2025-12-29', tot: '2026-01-04' });
    expect(leesPeriode('2026-W10')).toEqual({ van: '2026-03-02', tot: '2026-03-08' });
    expect(leesPeriode('2020-W53')).toEqual({ van: '2020-12-28', tot: '2021-01-03' });
    expect(leesPeriode('2026-W53')).toEqual({ van: '2026-12-28', tot: '2027-01-03' });
    expect(leesPeriode('2026-03-02')).toEqual({ van: '2026-03-02', tot: '2026-03-02' });
  });

  it('refuses what is not a period, naming what is wrong', () => {
    for (const tekst of ['', '26', '2026-Q5', '2026-13', '2025-W53', '2026-W00', '2026-02-29', '1899', '2026-03-02T00:00', 'vorige maand']) {
      expect(() => leesPeriode(tekst), tekst).toThrow(OngeldigePeriode);
    }
    expect(() => leesPeriode('2025-W53')).toThrow('dat jaar heeft 52 weken');
  });
});

describe('deelPeriode and laatstePerioden', () => {
  it('split a period into days, ISO weeks, months, quarters or years, the first and last cut to it', () => {
    expect(deelPeriode({ van: '2026-03-10', tot: '2026-06-09' }, 'maand')).toEqual([
      { van: '2026-03-10', tot: '2026-03-31' },
      { van: '2026-04-01', tot: '2026-04-30' },
      { van: '2026-05-01', tot: '2026-05-31' },
      { van: '2026-06-01', tot: '2026-06-09' },
    ]);
    // Sunday 1 March 2026 is in the week from Monday 23 February.
    expect(deelPeriode({ van: '2026-03-01', tot: '2026-03-09' }, 'week')).toEqual([
      { van: '2026-03-01', tot: '2026-03-01' },
      { van: '2026-03-02', tot: '2026-03-08' },
      { van: '2026-03-09', tot: '2026-03-09' },
    ]);
    expect(deelPeriode({ van: '2025-11-15', tot: '2026-02-01' }, 'kwartaal')).toEqual([
      { van: '2025-11-15', tot: '2025-12-31' },
      { van: '2026-01-01', tot: '2026-02-01' },
    ]);
    expect(deelPeriode({ van: '2026-02-28', tot: '2026-03-01' }, 'dag')).toEqual([
      { van: '2026-02-28', tot: '2026-02-28' },
      { van: '2026-03-01', tot: '2026-03-01' },
    ]);
    expect(deelPeriode({ van: '2025-12-31', tot: '2026-01-01' }, 'jaar')).toHaveLength(2);
  });

  it('give the last N periods up to today, the current one partial', () => {
    expect(laatstePerioden('2026-04-14', 'maand', 3)).toEqual({ van: '2026-02-01', tot: '2026-04-14' });
    expect(laatstePerioden('2026-04-14', 'dag', 14)).toEqual({ van: '2026-04-01', tot: '2026-04-14' });
    expect(laatstePerioden('2026-04-14', 'week', 2)).toEqual({ van: '2026-04-06', tot: '2026-04-14' });
    expect(laatstePerioden('2026-04-14', 'kwartaal', 2)).toEqual({ van: '2026-01-01', tot: '2026-04-14' });
    expect(laatstePerioden('2026-04-14', 'jaar', 1)).toEqual({ van: '2026-01-01', tot: '2026-04-14' });
  });
});
