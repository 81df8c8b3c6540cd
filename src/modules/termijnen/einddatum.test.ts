import { describe, expect, it } from 'vitest';
import { leidEinddatumAf } from './einddatum.ts';
import { leesDuur } from './kalender.ts';

const basis = { verlengingen: [], opschortingen: [], vandaag: '2026-11-23' };

describe('leidEinddatumAf', () => {
  it('equals the term of the norm without history', () => {
    expect(leidEinddatumAf({ ...basis, ontvangstdatum: '2025-11-14', norm: leesDuur('P6W') }).einddatum).toBe('2025-12-29');
    expect(leidEinddatumAf({ ...basis, ontvangstdatum: '2027-04-22', norm: leesDuur('5wd') }).einddatum).toBe('2027-04-30');
  });

  it('moves a statutory deadline by the suspended calendar days, then applies the Algemene termijnenwet', () => {
    // 6 weeks from Mon 2 Mar 2026 = Mon 13 Apr; suspended 10–17 Mar (7 days) → Mon 20 Apr.
    const uitkomst = leidEinddatumAf({ ...basis, ontvangstdatum: '2026-03-02', norm: leesDuur('P6W'), opschortingen: [{ van: '2026-03-10', tot: '2026-03-17' }] });
    expect(uitkomst).toMatchObject({ oorspronkelijk: '2026-04-13', einddatum: '2026-04-20', opgeschorteDagen: 7 });
    // Suspended 5 days → Sat 18 Apr → Mon 20 Apr.
    expect(leidEinddatumAf({ ...basis, ontvangstdatum: '2026-03-02', norm: leesDuur('P6W'), opschortingen: [{ van: '2026-03-10', tot: '2026-03-15' }] }).einddatum).toBe('2026-04-20');
  });

  it('counts an open suspension up to and including today', () => {
    const uitkomst = leidEinddatumAf({ ...basis, vandaag: '2026-03-12', ontvangstdatum: '2026-03-02', norm: leesDuur('P6W'), opschortingen: [{ van: '2026-03-10', tot: null }] });
    expect(uitkomst.opgeschorteDagen).toBe(3);
    expect(uitkomst.einddatum).toBe('2026-04-16');
  });

  it('adds an extension to the calendar end of the term', () => {
    // Klacht: 6 weeks from Fri 14 Nov 2025 ends Fri 26 Dec (holiday); + 4 weeks = Fri 23 Jan 2026.
    expect(leidEinddatumAf({ ...basis, ontvangstdatum: '2025-11-14', norm: leesDuur('P6W'), verlengingen: [leesDuur('P4W')] }).einddatum).toBe('2026-01-23');
  });

  it('suspends a werkdagen norm by the working days suspended, skipping closure days', () => {
    const sluitingsdagen = new Map([['2026-11-27', 'Studiedag']]);
    // 5wd from Mon 16 Nov 2026 → Mon 23 Nov (Fri 27 Nov is not in it yet); suspended Wed 18 – Fri 20 Nov (2 werkdagen) → Tue 24 → Wed 25 Nov.
    const uitkomst = leidEinddatumAf({ ...basis, ontvangstdatum: '2026-11-16', norm: leesDuur('5wd'), opschortingen: [{ van: '2026-11-18', tot: '2026-11-20' }], sluitingsdagen });
    expect(uitkomst).toMatchObject({ oorspronkelijk: '2026-11-23', einddatum: '2026-11-25', opgeschorteDagen: 2 });
    // An extension of 3 werkdagen on top skips the closure day: Thu 26, (Fri 27 closed), Mon 30 Nov, Tue 1 Dec.
    expect(leidEinddatumAf({ ...basis, ontvangstdatum: '2026-11-16', norm: leesDuur('5wd'), opschortingen: [{ van: '2026-11-18', tot: '2026-11-20' }], verlengingen: [leesDuur('3wd')], sluitingsdagen }).einddatum).toBe('2026-12-01');
  });
});
