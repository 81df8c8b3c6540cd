import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { api, gemeentePad, type SessieGemeente, type Verbetermaatregelen } from '../../api.ts';
import { FoutSamenvatting, Knop, useVerzenden } from '../../components/Formulier.tsx';
import { Statusmelding } from '../../components/Melding.tsx';
import { Pagina } from '../../components/Pagina.tsx';
import { Tabel } from '../../components/Tabel.tsx';
import { Keuzelijst } from '../../components/Velden.tsx';
import { useTaal } from '../../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../../laden.tsx';
import { Link } from '../../router.tsx';
import { datum, useTeams } from '../zaken/teksten.tsx';

type Maatregel = Verbetermaatregelen['items'][number];
const STATUSSEN = ['open', 'uitgevoerd', 'vervallen'] as const;

/**
 * The verbetermaatregelen of klachten for their owner teams (ADR 0060): by default the open ones of
 * the teams the staff member belongs to; each can be marked carried out or dropped (or opened again).
 */
export function KlachtMaatregelen({ gemeente }: { gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const { mijnTeams, teams } = useTeams(gemeente);
  // The choice applies when "Tonen" is pressed (a select only changes its value, WCAG 3.2.2).
  const [keuze, setKeuze] = useState<{ team: string; status: string }>();
  const [filter, setFilter] = useState<{ team: string; status: string }>();
  // By default the teams the staff member belongs to ("mijn": filtered here, the API takes one team).
  const actief = filter ?? { team: 'mijn', status: 'open' };
  const gekozen = keuze ?? actief;
  const query = new URLSearchParams({ status: actief.status, ...(actief.team && actief.team !== 'mijn' ? { team: actief.team } : {}) }).toString();
  const { data, fout, herlaad } = useLaden<Verbetermaatregelen>(`${gemeentePad(gemeente.code)}/klacht-maatregelen?${query}`);
  const [melding, setMelding] = useState<string>();
  const meldingVak = useRef<HTMLDivElement>(null);
  const { fout: zetFout, bezig, verzend } = useVerzenden();
  function zet(m: Maatregel, status: (typeof STATUSSEN)[number]) {
    void verzend(async () => {
      await api.patch(`${gemeentePad(gemeente.code)}/klacht-maatregelen/${encodeURIComponent(m.id)}`, { body: { status } });
      herlaad();
      flushSync(() => setMelding(t('klachtMaatregelen.gewijzigd', { omschrijving: m.omschrijving, status: t(`klacht.maatregelStatus.${status}`) })));
      meldingVak.current?.focus();
    });
  }
  const mijn = new Set((mijnTeams ?? []).map((team) => team.id));
  const rijen = (data?.items ?? []).filter((m) => actief.team !== 'mijn' || mijn.has(m.teamId));
  return (
    <Pagina titel={t('klachtMaatregelen.titel')}>
      <p className="utrecht-paragraph">{t('klachtMaatregelen.uitleg')}</p>
      <div ref={meldingVak} tabIndex={-1} className="loket-focus-vak">
        <Statusmelding tekst={melding} />
      </div>
      <form
        className="loket-form"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(gekozen);
        }}
      >
        <Keuzelijst
          id="maatregel-team"
          label={t('klachtMaatregelen.team')}
          value={gekozen.team}
          onChange={(e) => setKeuze({ ...gekozen, team: e.target.value })}
          opties={[{ waarde: 'mijn', label: t('klachtMaatregelen.mijnTeams') }, { waarde: '', label: t('klachtMaatregelen.alleTeams') }, ...(teams ?? []).map((team) => ({ waarde: team.id, label: team.naam }))]}
        />
        <Keuzelijst
          id="maatregel-status"
          label={t('klachtMaatregelen.status')}
          value={gekozen.status}
          onChange={(e) => setKeuze({ ...gekozen, status: e.target.value })}
          opties={STATUSSEN.map((s) => ({ waarde: s, label: t(`klacht.maatregelStatus.${s}`) }))}
        />
        <Knop type="submit" soort="secondary-action">
          {t('klachtMaatregelen.tonen')}
        </Knop>
      </form>
      <FoutSamenvatting fout={zetFout} />
      {data && mijnTeams ? (
        <Tabel<Maatregel>
          bijschrift={t('klachtMaatregelen.bijschrift', { status: t(`klacht.maatregelStatus.${actief.status}`) })}
          leeg={t('klachtMaatregelen.leeg')}
          rijen={rijen}
          kolommen={[
            { kop: t('klachtMaatregelen.omschrijving'), render: (m) => m.omschrijving },
            { kop: t('klachtMaatregelen.klacht'), render: (m) => <Link naar={`/${gemeente.code}/zaken/${m.zaakId}`}>{m.identificatie}</Link> },
            { kop: t('klachtMaatregelen.team'), render: (m) => m.teamNaam },
            { kop: t('klachtMaatregelen.uiterlijk'), render: (m) => datum(m.uiterlijk, taal) },
            { kop: t('klachtMaatregelen.status'), render: (m) => t(`klacht.maatregelStatus.${m.status}`) },
            {
              kop: t('klachtMaatregelen.acties'),
              render: (m) => (
                <div className="utrecht-button-group">
                  {m.status === 'open' ? (
                    <>
                      <Knop soort="secondary-action" bezig={bezig} aria-label={t('klachtMaatregelen.knopLabel', { actie: t('klachtMaatregelen.uitgevoerd'), omschrijving: m.omschrijving })} onClick={() => zet(m, 'uitgevoerd')}>
                        {t('klachtMaatregelen.uitgevoerd')}
                      </Knop>
                      <Knop soort="subtle" bezig={bezig} aria-label={t('klachtMaatregelen.knopLabel', { actie: t('klachtMaatregelen.vervallen'), omschrijving: m.omschrijving })} onClick={() => zet(m, 'vervallen')}>
                        {t('klachtMaatregelen.vervallen')}
                      </Knop>
                    </>
                  ) : (
                    <Knop soort="subtle" bezig={bezig} aria-label={t('klachtMaatregelen.knopLabel', { actie: t('klachtMaatregelen.heropenen'), omschrijving: m.omschrijving })} onClick={() => zet(m, 'open')}>
                      {t('klachtMaatregelen.heropenen')}
                    </Knop>
                  )}
                </div>
              ),
            },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
