import { useId } from 'react';

export interface Punt {
  /** The period's label on the axis and in the text alternative. */
  label: string;
  /** Null: "niet bekend" (a gap in the line, never a made-up point). */
  waarde: number | null;
}

const B = 640;
const H = 200;
const M = { links: 48, rechts: 12, boven: 12, onder: 28 };

/**
 * A line chart of a series as SVG (role img, its title and a text alternative that names every
 * point), with the norm as a dashed line. The same numbers are in the table beside it; the chart
 * adds nothing the table does not say.
 */
export function KpiGrafiek({ titel, punten, norm, eenheid, alternatief }: { titel: string; punten: Punt[]; norm: number | null; eenheid: string; alternatief: string }) {
  const id = useId();
  const bekend = punten.flatMap((p) => (p.waarde === null ? [] : [p.waarde]));
  const max = Math.max(eenheid === '%' ? 100 : 1, ...bekend, norm ?? 0);
  const x = (i: number) => M.links + (punten.length <= 1 ? 0 : (i * (B - M.links - M.rechts)) / (punten.length - 1));
  const y = (w: number) => M.boven + (H - M.boven - M.onder) * (1 - w / max);
  // Lines between known points only: a "niet bekend" period breaks the line.
  const stukken: string[] = [];
  let stuk = '';
  punten.forEach((p, i) => {
    if (p.waarde === null) {
      if (stuk) stukken.push(stuk);
      stuk = '';
    } else stuk += `${stuk ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.waarde).toFixed(1)}`;
  });
  if (stuk) stukken.push(stuk);
  const stap = Math.max(1, Math.ceil(punten.length / 8));
  return (
    <svg className="loket-grafiek" viewBox={`0 0 ${B} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{titel}</title>
      <desc id={`${id}-d`}>{alternatief}</desc>
      <line x1={M.links} x2={B - M.rechts} y1={y(0)} y2={y(0)} className="loket-grafiek__as" />
      <line x1={M.links} x2={M.links} y1={M.boven} y2={y(0)} className="loket-grafiek__as" />
      <text x={M.links - 6} y={y(max) + 4} textAnchor="end" className="loket-grafiek__tekst">
        {`${max}${eenheid}`}
      </text>
      <text x={M.links - 6} y={y(0)} textAnchor="end" className="loket-grafiek__tekst">
        {`0${eenheid}`}
      </text>
      {norm !== null && <line x1={M.links} x2={B - M.rechts} y1={y(norm)} y2={y(norm)} className="loket-grafiek__norm" />}
      {stukken.map((d) => (
        <path key={d} d={d} className="loket-grafiek__lijn" />
      ))}
      {punten.map((p, i) =>
        p.waarde === null ? null : <circle key={p.label} cx={x(i)} cy={y(p.waarde)} r={3} className="loket-grafiek__punt" />,
      )}
      {punten.map((p, i) =>
        i % stap === 0 || i === punten.length - 1 ? (
          <text key={p.label} x={x(i)} y={H - 8} textAnchor="middle" className="loket-grafiek__tekst">
            {p.label}
          </text>
        ) : null,
      )}
    </svg>
  );
}
