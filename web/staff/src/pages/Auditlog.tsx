import type { AuditRegel, SessieGemeente } from '../api.ts';
import { LijstPagina } from '../components/LijstPagina.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { tijdstip } from '../tijd.ts';

function detailsTekst(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([sleutel, waarde]) => `${sleutel}: ${typeof waarde === 'string' ? waarde : JSON.stringify(waarde)}`)
    .join('; ');
}

/** The audit log of the gemeente: who did what, when, with what result (newest first). */
export function Auditlog({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  return (
    <LijstPagina<AuditRegel>
      gemeente={gemeente}
      zoek={zoek}
      sectie="auditlog"
      apiSectie="audit-log"
      uitleg
      kolommen={() => [
        { kop: t('veld.tijdstip'), render: (r) => tijdstip(r.tijdstip, taal) },
        { kop: t('auditlog.wie'), render: (r) => r.actor.naam ?? r.actor.type },
        { kop: t('auditlog.actie'), render: (r) => r.actie },
        { kop: t('auditlog.object'), render: (r) => [r.object.type, r.object.id].filter(Boolean).join(' ') },
        { kop: t('auditlog.resultaat'), render: (r) => r.resultaat },
        { kop: t('auditlog.herkomst'), render: (r) => r.herkomst },
        { kop: t('auditlog.details'), render: (r) => <span className="loket-breek">{detailsTekst(r.details)}</span> },
      ]}
    />
  );
}
