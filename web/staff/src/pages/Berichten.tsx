import { gemeentePad, type Bericht, type SessieGemeente } from '../api.ts';
import { Gegevenslijst } from '../components/Gegevenslijst.tsx';
import { LijstPagina } from '../components/LijstPagina.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../laden.tsx';
import { Link } from '../router.tsx';
import { tijdstip } from '../tijd.ts';

/** The mailbox: every message Loket sends (kept in the outbox), with its status. */
export function Berichten({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  return (
    <LijstPagina<Bericht>
      gemeente={gemeente}
      zoek={zoek}
      sectie="berichten"
      uitleg
      kolommen={({ basis }) => [
        { kop: t('berichten.onderwerp'), render: (b) => <Link naar={`${basis}/${b.id}`}>{b.onderwerp}</Link> },
        { kop: t('berichten.aan'), render: (b) => b.aan },
        { kop: t('veld.status'), render: (b) => t(`berichtStatus.${b.status}`) },
        { kop: t('berichten.aangemaakt'), render: (b) => tijdstip(b.aangemaaktOp, taal) },
      ]}
    />
  );
}

/** One message: to whom, its status and its full text. */
export function BerichtLezen({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<Bericht>(`${gemeentePad(gemeente.code)}/berichten/${encodeURIComponent(id)}`);
  return (
    <Pagina titel={data?.onderwerp ?? t('berichten.bericht')} terug={{ naar: `/${gemeente.code}/berichten`, tekst: t('berichten.terug') }}>
      {data ? (
        <>
          <Gegevenslijst
            regels={[
              [t('berichten.aan'), data.aan],
              [t('veld.status'), t(`berichtStatus.${data.status}`)],
              [t('berichten.aangemaakt'), tijdstip(data.aangemaaktOp, taal)],
              [t('berichten.verzonden'), data.verzondenOp ? tijdstip(data.verzondenOp, taal) : t('berichten.nietVerzonden')],
              [t('berichten.pogingen'), String(data.pogingen)],
              ...(data.laatsteFout ? [[t('berichten.laatsteFout'), data.laatsteFout] as [string, string]] : []),
            ]}
          />
          <h2 className="utrecht-heading-2">{t('berichten.tekst')}</h2>
          <pre className="loket-pre">{data.tekst}</pre>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
