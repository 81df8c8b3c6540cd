import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './database.ts';

describe('parseTimestamp', () => {
  it('gives the instant Date gives, with milliseconds cut, for what a UTC session sends', () => {
    const gezonden = [
      '2026-12-07 04:33:00+00',
      '2026-12-07 04:33:00.1+00',
      '2026-12-07 04:33:00.12+00',
      '2026-12-07 04:33:00.123+00',
      '2026-12-07 04:33:00.123456+00',
      '2026-12-07 04:33:00.999999+00',
      '0001-01-01 00:00:00+00',
      '2024-02-29 23:59:59.5+00',
    ];
    for (const waarde of gezonden) expect(parseTimestamp(waarde), waarde).toBe(new Date(waarde.replace(' ', 'T').replace(/\+00$/, 'Z')).toISOString());
    expect(parseTimestamp('2026-12-07 04:33:00.999999+00')).toBe('2026-12-07T04:33:00.999Z');
  });

  it('leaves other forms to Date', () => {
    expect(parseTimestamp('2026-12-07T04:33:00+01:00')).toBe('2026-12-07T03:33:00.000Z');
    expect(() => parseTimestamp('infinity')).toThrow(RangeError);
  });
});
