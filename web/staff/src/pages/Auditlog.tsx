import { gemeentePad, type AuditRegel, type SessieGemeente } from '../api.ts';
import { Pagina } from '../components/Pagina.tsx';
import { LijstTabel, useLijst } from '../components/Paginering.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus } from '../laden.tsx';
import { tijdstip } from '../tijd.ts';

function detailsTekst(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([sleutel, waarde]) => `${sleutel}: ${typeof waarde === 'string' ? waarde : JSON.stringify(waarde)}`)
    .join('; ');
}

/** The audit log of the gemeente: who did what, when, with what result (newest first). */
export function Auditlog({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const { data, fout } = useLijst<AuditRegel>(`${gemeentePad(gemeente.code)}/audit-log`, zoek);
  return (
    <Pagina titel={t('auditlog.titel')}>
      <p className="utrecht-paragraph">{t('auditlog.uitleg')}</p>
      {data ? (
        <LijstTabel
          pagina={data}
          pad={`/${gemeente.code}/auditlog`}
          bijschrift={t('auditlog.bijschrift', { gemeente: gemeente.naam })}
          leeg={t('auditlog.leeg')}
          kolommen={[
            { kop: t('veld.tijdstip'), render: (r) => tijdstip(r.tijdstip, taal) },
            { kop: t('auditlog.wie'), render: (r) => r.actor.naam ?? r.actor.type },
            { kop: t('auditlog.actie'), render: (r) => r.actie },
            { kop: t('auditlog.object'), render: (r) => [r.object.type, r.object.id].filter(Boolean).join(' ') },
            { kop: t('auditlog.resultaat'), render: (r) => r.resultaat },
            { kop: t('auditlog.herkomst'), render: (r) => r.herkomst },
            { kop: t('auditlog.details'), render: (r) => <span className="loket-breek">{detailsTekst(r.details)}</span> },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
