import { describe, expect, it } from 'vitest';
import { leesTijden, type Bezetting } from './afspraken.repository.ts';
import { bezetPerTijdvak } from './afspraken.service.ts';

describe('leesTijden', () => {
  it('reads the pairs the database aggregates, as the numbers they are', () => {
    const uit: Bezetting[] = [];
    leesTijden('1796630400000-1796631300000,1796631300000-1796632200000', 'b1', null, uit);
    leesTijden('-86400000--1000,0-5', 'b2', 'a1', uit);
    expect(uit).toEqual([
      { balieId: 'b1', ambtenaarId: null, start: 1796630400000, eind: 1796631300000 },
      { balieId: 'b1', ambtenaarId: null, start: 1796631300000, eind: 1796632200000 },
      { balieId: 'b2', ambtenaarId: 'a1', start: -86400000, eind: -1000 },
      { balieId: 'b2', ambtenaarId: 'a1', start: 0, eind: 5 },
    ]);
  });

  it('refuses what it does not know', () => {
    expect(() => leesTijden('12-3x', 'b', null, [])).toThrow(/Onverwacht teken/);
  });
});

describe('bezetPerTijdvak', () => {
  it('counts per slot the desks with an appointment that overlaps it, as a check per slot and desk does', () => {
    // Seeded: appointments of other lengths than the slot, touching and straddling the window's edges.
    let zaad = 42;
    const willekeurig = (n: number) => {
      zaad = (zaad * 1103515245 + 12345) % 2 ** 31;
      return zaad % n;
    };
    const MIN = 60_000;
    for (let ronde = 0; ronde < 50; ronde++) {
      const van = 1_000 * MIN;
      const duurMs = ([10, 15, 30][willekeurig(3)] ?? 15) * MIN;
      const aantal = 1 + willekeurig(20);
      const lijsten = Array.from({ length: 1 + willekeurig(6) }, () => {
        const lijst: Bezetting[] = [];
        let t = van - 60 * MIN + willekeurig(60) * MIN;
        while (t < van + (aantal + 4) * duurMs) {
          const eind = t + (1 + willekeurig(45)) * MIN;
          if (willekeurig(2) === 0) lijst.push({ balieId: 'b', ambtenaarId: null, start: t, eind });
          t = eind + willekeurig(20) * MIN;
        }
        return willekeurig(5) === 0 ? undefined : lijst;
      });
      const verwacht = Array.from({ length: aantal }, (_, i) => {
        const start = van + i * duurMs;
        return lijsten.filter((l) => l?.some((b) => b.start < start + duurMs && b.eind > start)).length;
      });
      expect([...bezetPerTijdvak(lijsten, van, duurMs, aantal)], `ronde ${ronde}`).toEqual(verwacht);
    }
  });
});
