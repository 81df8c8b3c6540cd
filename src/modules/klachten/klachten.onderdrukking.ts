/**
 * Small counts in the public klachtenregister (Awb 9:12a, ADR 0060): a team with fewer than five
 * klachten in a year is not shown (primary suppression), and so many more cells are hidden that
 * no hidden count can be worked out from the total and the counts that are shown (secondary
 * suppression). Pure: the same function serves the page, the CSV and the JSON.
 */

/** Counts below this are not shown per team. */
export const DREMPEL = 5;

/** One cell: `waarde` null when hidden. */
export interface Cel<K extends string = string> {
  sleutel: K;
  waarde: number | null;
}

/**
 * Hides the cells of one breakdown whose total is published. Every cell with 1 ≤ n < 5 is hidden
 * (primary). Then, smallest first and ties together, visible cells are hidden too (secondary)
 * until a reader who knows the total, the shown cells and this rule cannot pin down any hidden
 * cell: every hidden cell is at least 1 and, because ties are hidden together, smaller than the
 * smallest shown cell m; with k ≥ 2 hidden cells summing to S, each can take two or more values when
 * k + 1 ≤ S ≤ k·(m − 1) − 1 (no bound without shown cells). The property test checks this
 * against every assignment the rule could have produced. When even hiding every cell would not
 * help (one team, or all ones), no team is shown and `verborgen` says so.
 */
export function onderdruk<K extends string>(cellen: readonly { sleutel: K; waarde: number }[]): { cellen: Cel<K>[]; verborgen: boolean } {
  const verborgen = new Set<number>();
  cellen.forEach((c, i) => {
    if (c.waarde > 0 && c.waarde < DREMPEL) verborgen.add(i);
  });
  const zichtbaar = cellen
    .map((c, i) => ({ i, waarde: c.waarde }))
    .filter((c) => !verborgen.has(c.i))
    .toSorted((a, b) => a.waarde - b.waarde || a.i - b.i);
  const veilig = () => {
    const k = verborgen.size;
    const som = [...verborgen].reduce((s, i) => s + (cellen[i]?.waarde ?? 0), 0);
    const kleinste = zichtbaar[0]?.waarde;
    return k >= 2 && som >= k + 1 && (kleinste === undefined || som <= k * (kleinste - 1) - 1);
  };
  if (verborgen.size > 0) {
    while (!veilig() && zichtbaar.length > 0) {
      const waarde = zichtbaar[0]?.waarde;
      while (zichtbaar[0] !== undefined && zichtbaar[0].waarde === waarde) verborgen.add(zichtbaar.shift()?.i ?? -1);
    }
    if (!veilig()) return { cellen: [], verborgen: true };
  }
  return { cellen: cellen.map((c, i) => ({ sleutel: c.sleutel, waarde: verborgen.has(i) ? null : c.waarde })), verborgen: verborgen.size > 0 };
}
