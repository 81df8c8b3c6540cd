import type { PcVergelijking as Vergelijking, SessieGemeente } from '../../api.ts';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { KopTabel } from '../../components/Tabel.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { apiVersie, euro, getal, pcBasis, versieNaam } from './pc.gedeeld.tsx';

type Wijziging = Vergelijking['wijzigingen'][number];
const inEuro = (w: Wijziging): boolean => w.onderdeel === 'financien' || w.onderdeel === 'overheveling';

/** Two versions of a document side by side: every item that differs, its value in each, and the difference. */
export function PcVergelijking({ gemeente, id, met }: { gemeente: SessieGemeente; id: string; met: string | undefined }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<Vergelijking>(`${apiVersie(gemeente, id)}/vergelijking${met ? `?met=${encodeURIComponent(met)}` : ''}`);
  const waarde = (w: Wijziging, x: string | number | null, teken = false): string => {
    if (x === null) return t('pc.ontbreekt');
    if (typeof x === 'string') return x;
    if (!inEuro(w)) return getal(x, taal, teken);
    return teken && x > 0 ? `+${euro(x, taal)}` : euro(x, taal);
  };
  const koppen = [t('pc.onderdeel'), t('pc.soortWijziging'), t('pc.versieA'), t('pc.versieB'), t('pc.verschil')];
  return (
    <Pagina titel={t('pc.vergelijkingTitel')} terug={{ naar: `${pcBasis(gemeente)}/${id}`, tekst: t('pc.terugVersie') }}>
      {data ? (
        <>
          <Gegevenslijst
            regels={[
              [t('pc.versieA'), versieNaam(t, data.van)],
              [t('pc.versieB'), versieNaam(t, data.naar)],
            ]}
          />
          {data.wijzigingen.length === 0 ? (
            <p className="utrecht-paragraph">{t('pc.geenVerschillen')}</p>
          ) : (
            <KopTabel bijschrift={t('pc.vergelijkingBijschrift', { a: data.van.volgnummer, b: data.naar.volgnummer, count: data.wijzigingen.length })} koppen={koppen}>
                  {data.wijzigingen.map((w, i) => (
                    <tr key={i} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell">
                        {w.programma}: {w.pad}
                      </th>
                      <td className="utrecht-table__cell">{t(`pc.wijzigingSoort.${w.onderdeel}`)}</td>
                      <td className="utrecht-table__cell loket-tekstcel">{waarde(w, w.oud)}</td>
                      <td className="utrecht-table__cell loket-tekstcel">{waarde(w, w.nieuw)}</td>
                      <td className="utrecht-table__cell loket-getal">{w.verschil === null ? '–' : waarde(w, w.verschil, true)}</td>
                    </tr>
                  ))}
                </KopTabel>
          )}
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
