import { describe, expect, it } from 'vitest';
import { dagInNederland } from '../web/staff/src/tijd.ts';

/** The staff app's dates for the API's periods are Dutch calendar dates, not UTC ones (web/staff/src/tijd.ts). */
describe('dagInNederland', () => {
  it('is the date in Amsterdam, also in the hour(s) after midnight there that are still yesterday in UTC', () => {
    expect(dagInNederland(0, new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(dagInNederland(0, new Date('2026-12-06T22:59:59Z'))).toBe('2026-12-06');
    expect(dagInNederland(0, new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(dagInNederland(0, new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });

  it('counts days back on the calendar, across month ends and the change to summer time', () => {
    expect(dagInNederland(29, new Date('2026-12-06T23:30:00Z'))).toBe('2026-11-08');
    expect(dagInNederland(1, new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-28');
    expect(dagInNederland(89, new Date('2026-03-01T10:00:00Z'))).toBe('2025-12-02');
  });
});
