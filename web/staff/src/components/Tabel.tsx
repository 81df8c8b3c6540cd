import type { ReactNode } from 'react';

export interface Kolom<T> {
  kop: string;
  render(rij: T): ReactNode;
}

/** An Utrecht table with its caption and column headers (th scope="col"); the body's rows come from the caller. */
export function KopTabel({ bijschrift, koppen, children }: { bijschrift: string; koppen: string[]; children: ReactNode }) {
  return (
    <div className="loket-tabel-wrap">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{bijschrift}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {koppen.map((kop) => (
              <th key={kop} scope="col" className="utrecht-table__header-cell">
                {kop}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

/** An Utrecht table with a caption and column headers; the first column heads each row. */
export function Tabel<T extends { id: string | number }>({ bijschrift, kolommen, rijen, leeg }: { bijschrift: string; kolommen: Kolom<T>[]; rijen: T[]; leeg: string }) {
  if (rijen.length === 0) return <p className="utrecht-paragraph">{leeg}</p>;
  return (
    <KopTabel bijschrift={bijschrift} koppen={kolommen.map((kolom) => kolom.kop)}>
      {rijen.map((rij) => (
        <tr key={rij.id} className="utrecht-table__row">
          {kolommen.map((kolom, index) =>
            index === 0 ? (
              <th key={kolom.kop} scope="row" className="utrecht-table__header-cell">
                {kolom.render(rij)}
              </th>
            ) : (
              <td key={kolom.kop} className="utrecht-table__cell">
                {kolom.render(rij)}
              </td>
            ),
          )}
        </tr>
      ))}
    </KopTabel>
  );
}
