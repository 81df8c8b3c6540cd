import { gemeentePad, type Bericht, type SessieGemeente } from '../api.ts';
import { Pagina } from '../components/Pagina.tsx';
import { LijstTabel, useLijst } from '../components/Paginering.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../laden.tsx';
import { Link } from '../router.tsx';
import { tijdstip } from '../tijd.ts';

/** The mailbox: every message Loket sends (kept in the outbox), with its status. */
export function Berichten({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLijst<Bericht>(`${gemeentePad(gemeente.code)}/berichten`, zoek);
  const basis = `/${gemeente.code}/berichten`;
  return (
    <Pagina titel={t('berichten.titel')}>
      <p className="utrecht-paragraph">{t('berichten.uitleg')}</p>
      {data ? (
        <LijstTabel
          pagina={data}
          pad={basis}
          bijschrift={t('berichten.bijschrift', { gemeente: gemeente.naam })}
          leeg={t('berichten.leeg')}
          kolommen={[
            { kop: t('berichten.onderwerp'), render: (b) => <Link naar={`${basis}/${b.id}`}>{b.onderwerp}</Link> },
            { kop: t('berichten.aan'), render: (b) => b.aan },
            { kop: t('veld.status'), render: (b) => t(`berichtStatus.${b.status}`) },
            { kop: t('berichten.aangemaakt'), render: (b) => tijdstip(b.aangemaaktOp, taal) },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

/** One message: to whom, its status and its full text. */
export function BerichtLezen({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLaden<Bericht>(`${gemeentePad(gemeente.code)}/berichten/${encodeURIComponent(id)}`);
  const regels: [string, string][] = data
    ? [
        [t('berichten.aan'), data.aan],
        [t('veld.status'), t(`berichtStatus.${data.status}`)],
        [t('berichten.aangemaakt'), tijdstip(data.aangemaaktOp, taal)],
        [t('berichten.verzonden'), data.verzondenOp ? tijdstip(data.verzondenOp, taal) : t('berichten.nietVerzonden')],
        [t('berichten.pogingen'), String(data.pogingen)],
        ...(data.laatsteFout ? [[t('berichten.laatsteFout'), data.laatsteFout] as [string, string]] : []),
      ]
    : [];
  return (
    <Pagina titel={data?.onderwerp ?? t('berichten.bericht')}>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/berichten`}>{t('berichten.terug')}</Link>
      </p>
      {data ? (
        <>
          <dl className="utrecht-data-list">
            {regels.map(([sleutel, waarde]) => (
              <div key={sleutel} className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{sleutel}</dt>
                <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{waarde}</dd>
              </div>
            ))}
          </dl>
          <h2 className="utrecht-heading-2">{t('berichten.tekst')}</h2>
          <pre className="loket-pre">{data.tekst}</pre>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
