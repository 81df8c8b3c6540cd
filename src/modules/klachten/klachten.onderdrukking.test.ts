import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DREMPEL, onderdruk } from './klachten.onderdrukking.ts';

const cellen = (waarden: number[]) => waarden.map((waarde, i) => ({ sleutel: `team-${i}`, waarde }));
const toon = (waarden: number[]) => onderdruk(cellen(waarden)).cellen.map((c) => c.waarde);

/** Every way to fill the hidden cells (each at least 1) that gives the same total and that the rule would have hidden the same way. */
function passendeInvullingen(waarden: number[]): number[][] {
  const uit = onderdruk(cellen(waarden));
  const verborgen = uit.cellen.flatMap((c, i) => (c.waarde === null ? [i] : []));
  const totaal = waarden.reduce((s, w) => s + w, 0);
  const rest = totaal - uit.cellen.reduce((s, c) => s + (c.waarde ?? 0), 0);
  const uitkomsten: number[][] = [];
  const vul = (k: number, over: number, gekozen: number[]) => {
    if (k === verborgen.length - 1) {
      if (over >= 1) uitkomsten.push([...gekozen, over]);
      return;
    }
    for (let w = 1; w <= over - (verborgen.length - 1 - k); w++) vul(k + 1, over - w, [...gekozen, w]);
  };
  if (verborgen.length > 0) vul(0, rest, []);
  return uitkomsten.filter((invulling) => {
    const kandidaat = [...waarden];
    verborgen.forEach((i, j) => {
      kandidaat[i] = invulling[j] ?? 0;
    });
    return JSON.stringify(onderdruk(cellen(kandidaat))) === JSON.stringify(uit);
  });
}

describe('onderdruk (klachtenregister per team)', () => {
  it('shows every count of five or more when none is small', () => {
    expect(toon([5, 12, 7])).toEqual([5, 12, 7]);
    expect(onderdruk(cellen([5, 12])).verborgen).toBe(false);
  });

  it('hides a small count and the next smallest, so the total does not give it away', () => {
    expect(toon([3, 12, 7, 20])).toEqual([null, 12, null, 20]);
  });

  it('hides one more when the hidden cells could only all be 1', () => {
    expect(toon([1, 1, 9, 6])).toEqual([null, null, 9, null]);
  });

  it('shows no team at all when even hiding everything would give the counts away', () => {
    expect(onderdruk(cellen([3]))).toEqual({ cellen: [], verborgen: true });
    expect(onderdruk(cellen([1, 1]))).toEqual({ cellen: [], verborgen: true });
    expect(onderdruk(cellen([1, 1, 1]))).toEqual({ cellen: [], verborgen: true });
  });

  it('never shows a count below the threshold (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 8 }), (waarden) => {
        for (const c of onderdruk(cellen(waarden)).cellen) expect(c.waarde === null || c.waarde >= DREMPEL).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a hidden count that the total and the rule pin down to one value (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 }), (waarden) => {
        const uit = onderdruk(cellen(waarden));
        const verborgen = uit.cellen.flatMap((c, i) => (c.waarde === null ? [i] : []));
        if (verborgen.length === 0) return;
        const invullingen = passendeInvullingen(waarden);
        // The true counts are always among them (the check itself is sound) …
        expect(invullingen).toContainEqual(verborgen.map((i) => waarden[i]));
        // … and for every hidden cell at least two values fit.
        verborgen.forEach((_, j) => expect(new Set(invullingen.map((v) => v[j])).size, `${waarden}`).toBeGreaterThan(1));
      }),
      { numRuns: 400 },
    );
  });
});
