import { useState, type FormEvent } from 'react';
import { ApiError, api, gemeentePad, type Contactverzoek, type ContactverzoekInWachtrij, type SessieGemeente } from '../../api.ts';
import { Formulier, Knop, useFormulier, useFoutTekst } from '../../components/Formulier.tsx';
import { Gegevenslijst } from '../../components/Gegevenslijst.tsx';
import { LijstPagina } from '../../components/LijstPagina.tsx';
import { Melding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Sectie, useSectieMelding } from '../../components/Sectie.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { Keuzelijst, Tekstvak, kies, koppel } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link, navigeer } from '../../router.tsx';
import { tijdstip } from '../../tijd.ts';
import { Band, datum, useTeams } from '../zaken/teksten.tsx';

/** The queue's choice in the URL: ?mij=true, ?team={id}, or nothing (my teams and what is to me). */
function keuzeVan(zoek: URLSearchParams): string {
  if (zoek.get('mij') === 'true') return 'mij';
  return zoek.get('team') ?? '';
}

function WachtrijKeuze({ gemeente, keuze }: { gemeente: SessieGemeente; keuze: string }) {
  const { t } = useTaal();
  const { mijnTeams } = useTeams(gemeente);
  const [waarde, setWaarde] = useState(keuze);
  function toon(event: FormEvent) {
    event.preventDefault();
    const query = waarde === 'mij' ? '?mij=true' : waarde ? `?team=${encodeURIComponent(waarde)}` : '';
    navigeer(`/${gemeente.code}/contactverzoeken${query}`);
  }
  return (
    <form className="loket-inline-form loket-inline-form--onder" onSubmit={toon}>
      <Keuzelijst
        id="wachtrij"
        label={t('contactverzoeken.welke')}
        value={waarde}
        onChange={(e) => setWaarde(e.target.value)}
        opties={[
          { waarde: '', label: t('contactverzoeken.mijnTeams') },
          { waarde: 'mij', label: t('contactverzoeken.aanMij') },
          ...(mijnTeams ?? []).map((team) => ({ waarde: team.id, label: t('contactverzoeken.team', { team: team.naam }) })),
        ]}
      />
      <Knop soort="secondary-action" type="submit">
        {t('contactverzoeken.tonen')}
      </Knop>
    </form>
  );
}

/** The queue: open callback requests of my teams (or one team, or mine), the earliest deadline first. */
export function Contactverzoeken({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const keuze = keuzeVan(zoek);
  const query = keuze === 'mij' ? 'mij=true' : keuze ? `team=${encodeURIComponent(keuze)}` : undefined;
  return (
    <LijstPagina<ContactverzoekInWachtrij>
      gemeente={gemeente}
      zoek={zoek}
      sectie="contactverzoeken"
      uitleg
      query={query}
      kolommen={({ basis }) => [
        { kop: t('contactverzoeken.onderwerp'), render: (v) => <Link naar={`${basis}/${v.id}`}>{v.onderwerp}</Link> },
        {
          kop: t('contactverzoeken.uiterlijk'),
          render: (v) => (
            <>
              {datum(v.uiterlijkOp, taal)} <Band band={v.termijnband} />
            </>
          ),
        },
        { kop: t('contactverzoeken.status'), render: (v) => t(`contactverzoeken.statussen.${v.status}`) },
        { kop: t('contactverzoeken.voor'), render: (v) => v.medewerker?.naam ?? v.team?.naam ?? '' },
        { kop: t('contactverzoeken.behandelaar'), render: (v) => v.behandelaar?.naam ?? '–' },
        { kop: t('contactverzoeken.pogingen'), render: (v) => String(v.pogingen) },
      ]}
    >
      <WachtrijKeuze key={keuze} gemeente={gemeente} keuze={keuze} />
    </LijstPagina>
  );
}

/** One request: the resident, the question, the history; take it, record attempts, close it. */
export function ContactverzoekDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t, taal } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/contactverzoeken/${encodeURIComponent(id)}`;
  const { data: v, fout, zet } = useLaden<Contactverzoek>(pad);
  const { meld, meldingVoor } = useSectieMelding();
  const foutTekst = useFoutTekst();
  const [oppakFout, setOppakFout] = useState<ApiError>();
  const poging = useFormulier({ bereikt: 'false', kanaal: 'telefoon', notitie: '' });
  const afhandelen = useFormulier({ status: 'afgerond', uitkomst: '' });
  const open = v && (v.status === 'open' || v.status === 'in-behandeling');

  async function pakOp() {
    setOppakFout(undefined);
    try {
      zet(await api.post<Contactverzoek>(`${pad}/oppakken`));
      meld('verzoek', t('contactverzoeken.opgepakt'));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setOppakFout(error);
    }
  }
  async function legPogingVast() {
    const w = poging.waarden;
    zet(await api.post<Contactverzoek>(`${pad}/pogingen`, { body: { bereikt: w.bereikt === 'true', kanaal: w.kanaal, notitie: w.notitie } }));
    poging.zet('notitie', '');
    meld('poging', t('contactverzoeken.pogingVastgelegd'));
  }
  async function handelAf() {
    await api.post<Contactverzoek>(`${pad}/afhandelen`, { body: afhandelen.waarden });
    navigeer(`/${gemeente.code}/contactverzoeken`, { melding: t('contactverzoeken.afgehandeld') });
  }

  return (
    <Pagina titel={v ? t('contactverzoeken.detailTitel', { onderwerp: v.onderwerp }) : t('contactverzoeken.detail')} terug={{ naar: `/${gemeente.code}/contactverzoeken`, tekst: t('contactverzoeken.terug') }}>
      {v ? (
        <>
          <Sectie titel={t('contactverzoeken.verzoek')} melding={meldingVoor('verzoek')}>
            <Gegevenslijst
              regels={[
                [t('contactverzoeken.status'), t(`contactverzoeken.statussen.${v.status}`)],
                [t('contactverzoeken.uiterlijk'), `${datum(v.uiterlijkOp, taal)} (${t('duur.werkdagen', { count: v.normWerkdagen })})`],
                [t('contactverzoeken.voor'), v.medewerker?.naam ?? v.team?.naam ?? ''],
                [t('contactverzoeken.behandelaar'), v.behandelaar?.naam ?? '–'],
                [t('contactverzoeken.naam'), v.persoon?.naam || '–'],
                [t('contactverzoeken.telefoon'), v.persoon?.telefoon ? <a key="tel" className="utrecht-link utrecht-link--html-a" href={`tel:${v.persoon.telefoon.replace(/[^+0-9]/g, '')}`}>{v.persoon.telefoon}</a> : '–'],
                [t('contactverzoeken.email'), v.persoon?.email ?? '–'],
                [t('contactverzoeken.vraag'), v.vraag],
                [t('contactverzoeken.toelichting'), v.toelichting || '–'],
                [t('contactverzoeken.pogingen'), String(v.pogingen)],
                ...(v.uitkomst ? ([[t('contactverzoeken.uitkomst'), v.uitkomst]] as [string, string][]) : []),
              ]}
            />
            {open && v.status === 'open' && (
              <>
                <Knop onClick={() => void pakOp()}>{t('contactverzoeken.oppakken')}</Knop>
                {oppakFout && (
                  <Melding soort="error" rol="alert">
                    <p className="utrecht-paragraph">{foutTekst(oppakFout)}</p>
                  </Melding>
                )}
              </>
            )}
          </Sectie>
          {open && (
            <>
              <Sectie titel={t('contactverzoeken.pogingTitel')} melding={meldingVoor('poging')}>
                <Formulier formulier={poging} onVerstuur={legPogingVast} knop={t('contactverzoeken.pogingVastleggen')}>
                  <Keuzelijst
                    id="bereikt"
                    label={t('contactverzoeken.bereikt')}
                    {...koppel(poging, 'bereikt')}
                    opties={[
                      { waarde: 'false', label: t('contactverzoeken.nietBereikt') },
                      { waarde: 'true', label: t('contactverzoeken.welBereikt') },
                    ]}
                  />
                  <Keuzelijst
                    id="kanaal"
                    label={t('contactverzoeken.kanaal')}
                    {...koppel(poging, 'kanaal')}
                    onChange={kies((k: string) => poging.zet('kanaal', k))}
                    opties={[
                      { waarde: 'telefoon', label: t('kcc.kanalen.telefoon') },
                      { waarde: 'e-mail', label: t('kcc.kanalen.e-mail') },
                    ]}
                  />
                  <Tekstvak id="notitie" label={t('contactverzoeken.notitie')} rows={2} {...koppel(poging, 'notitie')} />
                </Formulier>
              </Sectie>
              <Sectie titel={t('contactverzoeken.afhandelenTitel')}>
                <Formulier formulier={afhandelen} onVerstuur={handelAf} knop={t('contactverzoeken.afhandelen')}>
                  <Keuzelijst
                    id="status"
                    label={t('contactverzoeken.hoe')}
                    {...koppel(afhandelen, 'status')}
                    opties={[
                      { waarde: 'afgerond', label: t('contactverzoeken.statussen.afgerond') },
                      { waarde: 'niet-bereikt', label: t('contactverzoeken.statussen.niet-bereikt') },
                    ]}
                  />
                  <Tekstvak id="uitkomst" label={t('contactverzoeken.uitkomst')} uitleg={t('contactverzoeken.uitkomstUitleg')} rows={3} {...koppel(afhandelen, 'uitkomst')} />
                </Formulier>
              </Sectie>
            </>
          )}
          <Sectie titel={t('contactverzoeken.geschiedenis')}>
            <Tabel
              bijschrift={t('contactverzoeken.geschiedenisBijschrift')}
              leeg={t('geen')}
              rijen={v.geschiedenis.map((g) => ({ ...g, id: g.volgnummer }))}
              kolommen={[
                { kop: t('contactverzoeken.wanneer'), render: (g) => tijdstip(g.op, taal) },
                { kop: t('contactverzoeken.wat'), render: (g) => t(`contactverzoeken.gebeurtenissen.${g.soort}`) },
                { kop: t('contactverzoeken.door'), render: (g) => g.door?.naam ?? t('contactverzoeken.systeem') },
                { kop: t('contactverzoeken.notitie'), render: (g) => (typeof g.gegevens.notitie === 'string' ? g.gegevens.notitie : typeof g.gegevens.uitkomst === 'string' ? g.gegevens.uitkomst : '') },
              ]}
            />
          </Sectie>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
