import { useState } from 'react';
import type { z } from 'zod';
import type { feedbackSchema, paginastandSchema } from '../../../../src/modules/paginafeedback/paginafeedback.schemas.ts';
import { AFHANDELINGEN } from '../../../../src/modules/paginafeedback/paginafeedback.schemas.ts';
import { api, gemeentePad, type Pagina as PaginaVan, type SessieGemeente } from '../api.ts';
import { Formulier, useFormulier } from '../components/Formulier.tsx';
import { Gegevenslijst } from '../components/Gegevenslijst.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { Sectie } from '../components/Sectie.tsx';
import { Tabel } from '../components/Tabel.tsx';
import { Keuzelijst, kies, koppel, Tekstvak } from '../components/Velden.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../laden.tsx';
import { Link, navigeer } from '../router.tsx';
import { dagInNederland, tijdstip } from '../tijd.ts';

type Feedback = z.output<typeof feedbackSchema>;
type Paginastand = z.output<typeof paginastandSchema>;
type Afhandeling = (typeof AFHANDELINGEN)[number];

const procent = (x: number, taal: string) => new Intl.NumberFormat(taal === 'en' ? 'en-GB' : 'nl-NL', { style: 'percent', maximumFractionDigits: 0 }).format(x);
const score = (x: number | null) => (x === null ? '–' : String(x));

/** The webredacteur's inbox: pages ranked by share of "nee" (last 30 days) and the open remarks. */
export function Paginafeedback({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const apiPad = `${gemeentePad(gemeente.code)}`;
  // The last 30 days up to today, fixed when the page opens.
  const [periode] = useState(() => {
    const nu = new Date();
    return { van: dagInNederland(29, nu), tot: dagInNederland(0, nu) };
  });
  const paginas = useLaden<PaginaVan<Paginastand>>(`${apiPad}/paginafeedback-paginas?van=${periode.van}&tot=${periode.tot}&pageSize=20`);
  const open = useLaden<PaginaVan<Feedback>>(`${apiPad}/paginafeedback?status=open&pageSize=50`);
  return (
    <Pagina titel={t('paginafeedback.titel')}>
      <p className="utrecht-paragraph">{t('paginafeedback.uitleg')}</p>
      <Sectie titel={t('paginafeedback.paginasTitel')}>
        {paginas.data ? (
          <Tabel
            bijschrift={t('paginafeedback.paginasBijschrift')}
            leeg={t('paginafeedback.paginasLeeg')}
            rijen={paginas.data.items.map((p) => ({ ...p, id: p.pagina }))}
            kolommen={[
              { kop: t('paginafeedback.pagina'), render: (p) => p.pagina },
              { kop: t('paginafeedback.antwoorden'), render: (p) => String(p.aantal) },
              { kop: t('paginafeedback.aandeelNee'), render: (p) => `${procent(p.aandeelNee, taal)} (${p.nee})` },
              { kop: t('paginafeedback.open'), render: (p) => String(p.open) },
            ]}
          />
        ) : (
          <Laadstatus fout={paginas.fout} />
        )}
      </Sectie>
      <Sectie titel={t('paginafeedback.openTitel')}>
        {open.data ? (
          <Tabel
            bijschrift={t('paginafeedback.openBijschrift')}
            leeg={t('paginafeedback.openLeeg')}
            rijen={open.data.items}
            kolommen={[
              { kop: t('paginafeedback.ontvangen'), render: (f) => <Link naar={`/${gemeente.code}/paginafeedback/${f.id}`}>{tijdstip(f.ontvangenOp, taal)}</Link> },
              { kop: t('paginafeedback.pagina'), render: (f) => f.pagina },
              { kop: t('paginafeedback.gevonden'), render: (f) => t(f.gevonden ? 'ja' : 'nee') },
              { kop: t('paginafeedback.opmerking'), render: (f) => f.tekst ?? '–' },
            ]}
          />
        ) : (
          <Laadstatus fout={open.fout} />
        )}
      </Sectie>
    </Pagina>
  );
}

/** One remark with its scores, and the form to mark it handled (once). */
export function PaginafeedbackDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/paginafeedback/${encodeURIComponent(id)}`;
  const { data, fout } = useLaden<Feedback>(pad);
  const formulier = useFormulier<{ afhandeling: Afhandeling; notitie: string }>({ afhandeling: 'gecorrigeerd', notitie: '' });
  async function handelAf() {
    await api.post<Feedback>(`${pad}/afhandeling`, { body: formulier.waarden });
    navigeer(`/${gemeente.code}/paginafeedback`, { melding: t('paginafeedback.afgehandeld') });
  }
  return (
    <Pagina titel={t('paginafeedback.reactie')} terug={{ naar: `/${gemeente.code}/paginafeedback`, tekst: t('paginafeedback.terug') }}>
      {data ? (
        <>
          <Gegevenslijst
            regels={[
              [t('paginafeedback.pagina'), data.pagina],
              [t('paginafeedback.ontvangen'), tijdstip(data.ontvangenOp, taal)],
              [t('paginafeedback.gevonden'), t(data.gevonden ? 'ja' : 'nee')],
              [t('paginafeedback.vindbaarheid'), score(data.vindbaarheid)],
              [t('paginafeedback.begrijpelijkheid'), score(data.begrijpelijkheid)],
              [t('paginafeedback.volledigheid'), score(data.volledigheid)],
              [t('paginafeedback.opmerking'), data.tekst ?? '–'],
            ]}
          />
          {data.afhandeling ? (
            <p className="utrecht-paragraph">
              {t('paginafeedback.alAfgehandeld', { afhandeling: t(`paginafeedback.afhandelingen.${data.afhandeling.afhandeling}`), op: tijdstip(data.afhandeling.afgehandeldOp, taal) })}
              {data.afhandeling.notitie ? ` ${data.afhandeling.notitie}` : ''}
            </p>
          ) : (
            <Sectie titel={t('paginafeedback.afhandelenTitel')}>
              <Formulier formulier={formulier} onVerstuur={handelAf} knop={t('paginafeedback.afhandelen')}>
                <Keuzelijst
                  id="afhandeling"
                  label={t('paginafeedback.afhandeling')}
                  opties={AFHANDELINGEN.map((a) => ({ waarde: a, label: t(`paginafeedback.afhandelingen.${a}`) }))}
                  required
                  {...koppel(formulier, 'afhandeling')}
                  onChange={kies((a: Afhandeling) => formulier.zet('afhandeling', a))}
                />
                <Tekstvak id="notitie" label={t('paginafeedback.notitie')} uitleg={t('paginafeedback.notitieUitleg')} {...koppel(formulier, 'notitie')} />
              </Formulier>
            </Sectie>
          )}
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
