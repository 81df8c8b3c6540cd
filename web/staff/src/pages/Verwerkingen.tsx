import type { SessieGemeente, Verwerking } from '../api.ts';
import { LijstPagina } from '../components/LijstPagina.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { tijdstip } from '../tijd.ts';

/** The processing log (Logboek Dataverwerkingen): which personal data was used, why and on what ground. */
export function Verwerkingen({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  return (
    <LijstPagina<Verwerking>
      gemeente={gemeente}
      zoek={zoek}
      sectie="verwerkingen"
      uitleg
      kolommen={() => [
        { kop: t('veld.tijdstip'), render: (v) => tijdstip(v.beginOp, taal) },
        { kop: t('verwerkingen.naam'), render: (v) => v.naam },
        { kop: t('verwerkingen.activiteit'), render: (v) => v.verwerkingsactiviteit },
        { kop: t('verwerkingen.grondslag'), render: (v) => v.grondslag },
        { kop: t('verwerkingen.betrokkene'), render: (v) => `${v.betrokkene.type} ${v.betrokkene.id}` },
        { kop: t('veld.status'), render: (v) => v.status },
      ]}
    />
  );
}
