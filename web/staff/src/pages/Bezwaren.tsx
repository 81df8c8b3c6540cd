import type { z } from 'zod';
import type { bezwaarSchema, bezwaarWerkvoorraadSchema, hoorzittingenSchema } from '../../../../src/modules/bezwaar/bezwaar.procedure.schemas.ts';
import { gemeentePad, type SessieGemeente } from '../api.ts';
import { Gegevenslijst } from '../components/Gegevenslijst.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { Sectie } from '../components/Sectie.tsx';
import { Tabel } from '../components/Tabel.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../laden.tsx';
import { Link } from '../router.tsx';
import { tijdstip } from '../tijd.ts';

type Werkvoorraad = z.output<typeof bezwaarWerkvoorraadSchema>;
type Hoorzittingen = z.output<typeof hoorzittingenSchema>;
type Bezwaar = z.output<typeof bezwaarSchema>;

/** The secretary of the bezwaarcommissie's queue (ADR 0063): open bezwaren by deadline, with what needs attention, and the hearings. */
export function Bezwaren({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const pad = gemeentePad(gemeente.code);
  const wachtrij = useLaden<Werkvoorraad>(`${pad}/bezwaren?pageSize=100`);
  const hoorzittingen = useLaden<Hoorzittingen>(`${pad}/hoorzittingen`);
  const datum = (d: string) => tijdstip(`${d}T12:00:00Z`, taal, true);
  return (
    <Pagina titel={t('bezwaren.titel')}>
      <p className="utrecht-paragraph">{t('bezwaren.uitleg')}</p>
      <Sectie titel={t('bezwaren.wachtrijTitel')}>
        {wachtrij.data ? (
          <Tabel
            bijschrift={t('bezwaren.wachtrijBijschrift')}
            leeg={t('bezwaren.wachtrijLeeg')}
            rijen={wachtrij.data.items.map((b) => ({ ...b, id: b.zaak.id }))}
            kolommen={[
              { kop: t('bezwaren.zaak'), render: (b) => <Link naar={`/${gemeente.code}/bezwaren/${b.zaak.id}`}>{b.zaak.identificatie}</Link> },
              { kop: t('bezwaren.besluit'), render: (b) => b.besluit.omschrijving },
              { kop: t('bezwaren.beslistermijn'), render: (b) => `${datum(b.beslistermijnEinde)} (${t('bezwaren.dagen', { n: b.dagenOver })})` },
              { kop: t('bezwaren.hoorzitting'), render: (b) => (b.hoorzittingGepland ? `${datum(b.hoorzittingGepland.datum)} ${b.hoorzittingGepland.tijd}` : '–') },
              {
                kop: t('bezwaren.aandacht'),
                render: (b) =>
                  [
                    b.dagenOver < 0 ? t('bezwaren.teLaat') : b.dagenOver <= 7 ? t('bezwaren.dezeWeek') : null,
                    b.herstelOpen ? t('bezwaren.herstelOpen') : null,
                    b.verschoonbaarheidOpen ? t('bezwaren.verschoonbaarheidOpen') : null,
                    b.dwangsomWaarschuwing ? t('bezwaren.dwangsom', { datum: b.dwangsom ? datum(b.dwangsom.eersteDag) : '' }) : null,
                  ]
                    .filter(Boolean)
                    .join('; ') || '–',
              },
            ]}
          />
        ) : (
          <Laadstatus fout={wachtrij.fout} />
        )}
      </Sectie>
      <Sectie titel={t('bezwaren.hoorzittingenTitel')}>
        {hoorzittingen.data ? (
          <Tabel
            bijschrift={t('bezwaren.hoorzittingenBijschrift')}
            leeg={t('bezwaren.hoorzittingenLeeg')}
            rijen={hoorzittingen.data.items.map((h) => ({ ...h, id: h.zaakId }))}
            kolommen={[
              { kop: t('bezwaren.wanneer'), render: (h) => `${datum(h.datum)} ${h.tijd}` },
              { kop: t('bezwaren.zaak'), render: (h) => <Link naar={`/${gemeente.code}/bezwaren/${h.zaakId}`}>{h.identificatie}</Link> },
              { kop: t('bezwaren.waar'), render: (h) => h.locatie },
              { kop: t('bezwaren.commissie'), render: (h) => h.commissie || '–' },
            ]}
          />
        ) : (
          <Laadstatus fout={hoorzittingen.fout} />
        )}
      </Sectie>
    </Pagina>
  );
}

/** One bezwaar: the contested besluit and every term with its explanation (article, the days skipped). */
export function BezwaarDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const bezwaar = useLaden<Bezwaar>(`${gemeentePad(gemeente.code)}/zaken/${id}/bezwaar`);
  const datum = (d: string) => tijdstip(`${d}T12:00:00Z`, taal, true);
  if (!bezwaar.data) return <Laadstatus fout={bezwaar.fout} />;
  const b = bezwaar.data;
  return (
    <Pagina titel={t('bezwaren.detailTitel', { besluit: b.besluit.omschrijving })}>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/zaken/${id}`}>{t('bezwaren.naarZaak')}</Link>
      </p>
      <Gegevenslijst
        regels={[
          [t('bezwaren.bekendmaking'), datum(b.besluit.bekendmaking)],
          [t('bezwaren.ontvangen'), datum(b.besluit.ontvangen)],
          [t('bezwaren.tijdig'), t(b.termijnen.laat ? 'bezwaren.laat' : b.termijnen.premature ? 'bezwaren.premature' : 'ja')],
          [t('bezwaren.beslistermijn'), datum(b.termijnen.beslistermijnEinde)],
        ]}
      />
      <Sectie titel={t('bezwaren.termijnenTitel')}>
        <Tabel
          bijschrift={t('bezwaren.termijnenBijschrift')}
          leeg="–"
          rijen={[...b.termijnen.uitleg, ...(b.dwangsom?.uitleg ?? [])].map((u) => ({ ...u, id: `${u.termijn}-${u.na}` }))}
          kolommen={[
            { kop: t('bezwaren.termijn'), render: (u) => `${u.termijn} (${u.artikel})` },
            { kop: t('bezwaren.einde'), render: (u) => datum(u.einddatum) },
            { kop: t('bezwaren.overgeslagen'), render: (u) => u.verschoven.map((v) => `${datum(v.datum)} ${v.naam}`).join(', ') || '–' },
            { kop: t('bezwaren.uitlegKop'), render: (u) => u.tekst },
          ]}
        />
      </Sectie>
    </Pagina>
  );
}
