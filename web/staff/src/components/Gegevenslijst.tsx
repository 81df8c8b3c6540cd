import type { ReactNode } from 'react';

/** An Utrecht data list: per line a term and its value. */
export function Gegevenslijst({ regels }: { regels: [string, ReactNode][] }) {
  return (
    <dl className="utrecht-data-list">
      {regels.map(([sleutel, waarde]) => (
        <div key={sleutel} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{sleutel}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{waarde}</dd>
        </div>
      ))}
    </dl>
  );
}
