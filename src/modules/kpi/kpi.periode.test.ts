import { describe, expect, it } from 'vitest';
import { leesPeriode, OngeldigePeriode } from './kpi.periode.ts';

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
