import { gemeentePad, type PcDocument, type SessieGemeente } from '../../api.ts';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie } from '../../components/Sectie.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { documentNaam, pcBasis, statusTekst } from './pc.gedeeld.tsx';

/** The gemeente's P&C documents (programmabegroting, voorjaarsnota, jaarstukken per year), each with its versions. */
export function PcDocumenten({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<{ items: PcDocument[] }>(`${gemeentePad(gemeente.code)}/pc-documenten`);
  return (
    <Pagina titel={t('pc.titel')}>
      <p className="utrecht-paragraph">{t('pc.uitleg')}</p>
      {!data ? (
        <Laadstatus fout={fout} />
      ) : data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('pc.geenDocumenten')}</p>
      ) : (
        data.items.map((document) => (
          <Sectie key={document.id} titel={documentNaam(t, document)}>
            <Tabel
              bijschrift={t('pc.versiesVan', { document: documentNaam(t, document) })}
              leeg={t('pc.geenVersies')}
              rijen={document.versies}
              kolommen={[
                { kop: t('pc.versie'), render: (v) => <Link naar={`${pcBasis(gemeente)}/${v.id}`}>{t('pc.versieKort', { nummer: v.volgnummer, naam: v.naam })}</Link> },
                { kop: t('veld.status'), render: (v) => statusTekst(t, taal, v) },
                { kop: t('pc.gewijzigdOp'), render: (v) => tijdstip(v.gewijzigdOp, taal) },
              ]}
            />
          </Sectie>
        ))
      )}
    </Pagina>
  );
}
