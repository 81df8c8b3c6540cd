import { gemeentePad, type SessieGemeente, type Verwerking } from '../api.ts';
import { Pagina } from '../components/Pagina.tsx';
import { LijstTabel, useLijst } from '../components/Paginering.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus } from '../laden.tsx';
import { tijdstip } from '../tijd.ts';

/** The processing log (Logboek Dataverwerkingen): which personal data was used, why and on what ground. */
export function Verwerkingen({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLijst<Verwerking>(`${gemeentePad(gemeente.code)}/verwerkingen`, zoek);
  return (
    <Pagina titel={t('verwerkingen.titel')}>
      <p className="utrecht-paragraph">{t('verwerkingen.uitleg')}</p>
      {data ? (
        <LijstTabel
          pagina={data}
          pad={`/${gemeente.code}/verwerkingen`}
          bijschrift={t('verwerkingen.bijschrift', { gemeente: gemeente.naam })}
          leeg={t('verwerkingen.leeg')}
          kolommen={[
            { kop: t('veld.tijdstip'), render: (v) => tijdstip(v.beginOp, taal) },
            { kop: t('verwerkingen.naam'), render: (v) => v.naam },
            { kop: t('verwerkingen.activiteit'), render: (v) => v.verwerkingsactiviteit },
            { kop: t('verwerkingen.grondslag'), render: (v) => v.grondslag },
            { kop: t('verwerkingen.betrokkene'), render: (v) => `${v.betrokkene.type} ${v.betrokkene.id}` },
            { kop: t('veld.status'), render: (v) => v.status },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
