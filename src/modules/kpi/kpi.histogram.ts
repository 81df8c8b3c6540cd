/**
 * Pure helpers of the KPI rollups (ADR 0043, 0066): exact percentiles from summed histograms, and
 * the split of a period into whole months (month buckets) and the days around them (day buckets).
 */
import { plusDagen } from '../termijnen/kalender.ts';

/** Adds histogram `h` element by element into `som` (which grows as needed). */
export function telHistogramOp(som: number[], h: readonly (number | undefined)[]): void {
  while (som.length < h.length) som.push(0);
  for (let i = 0; i < h.length; i++) som[i] = (som[i] ?? 0) + (h[i] ?? 0);
}

/**
 * The sum of the int[] histograms a read joined with `string_agg(…_tekst, ',')` (their text form,
 * migration 0057: `{3,0,7}`, digits, commas and braces only, never a null element), so the list is
 * a JSON array once the braces are brackets. Empty for null (no buckets). One string per group
 * instead of one row per bucket: the per-row cost of the driver was most of a long period's read
 * (ADR 0089).
 */
export function somVanHistogrammen(tekst: string | null): number[] {
  const som: number[] = [];
  if (tekst !== null) for (const h of JSON.parse(`[${tekst.replaceAll('{', '[').replaceAll('}', ']')}]`) as number[][]) telHistogramOp(som, h);
  return som;
}

/**
 * The value PostgreSQL's percentile_disc(p) gives over the values a histogram counts: the value
 * at position ceil(p × N) (at least 1) in sorted order, computed in the same floating point. Null
 * when the histogram is empty.
 */
export function percentielUitHistogram(histogram: readonly (number | undefined)[], p: number): number | null {
  const totaal = histogram.reduce<number>((s, n) => s + (n ?? 0), 0);
  if (totaal === 0) return null;
  const positie = Math.max(1, Math.ceil(p * totaal));
  let gezien = 0;
  for (let i = 0; i < histogram.length; i++) {
    gezien += histogram[i] ?? 0;
    if (gezien >= positie) return i;
  }
  return histogram.length - 1;
}

/**
 * A period split for the reads: the whole calendar months in it (their first days, `van` to `tot`),
 * or null, and the day ranges before and after them (the whole period when it holds no whole month).
 */
export function heleMaanden(van: string, tot: string): { maanden: { van: string; tot: string } | null; dagen: { van: string; tot: string }[] } {
  const eerste = van.endsWith('-01') ? van : `${plusMaand(van.slice(0, 7))}-01`;
  const naLaatste = plusDagen(tot, 1).endsWith('-01') ? plusDagen(tot, 1) : `${tot.slice(0, 7)}-01`;
  if (eerste >= naLaatste) return { maanden: null, dagen: [{ van, tot }] };
  const dagen = [
    ...(van < eerste ? [{ van, tot: plusDagen(eerste, -1) }] : []),
    ...(naLaatste <= tot ? [{ van: naLaatste, tot }] : []),
  ];
  return { maanden: { van: eerste, tot: `${plusDagen(naLaatste, -1).slice(0, 7)}-01` }, dagen };
}

/** The month after `YYYY-MM`. */
function plusMaand(maand: string): string {
  const [j, m] = maand.split('-').map(Number) as [number, number];
  return m === 12 ? `${j + 1}-01` : `${j}-${String(m + 1).padStart(2, '0')}`;
}

