import { useState, type FormEvent } from 'react';
import { api, gemeentePad, type SessieGemeente, type Team } from '../api.ts';
import { FoutSamenvatting, KNOP_LINK, Knop, Veld, useVerzenden } from '../components/Formulier.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { LijstTabel, useLijst } from '../components/Paginering.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus } from '../laden.tsx';
import { Link, navigeer } from '../router.tsx';

/** The gemeente's teams. */
export function Teams({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t } = useTaal();
  const { data, fout } = useLijst<Team>(`${gemeentePad(gemeente.code)}/teams`, zoek);
  const basis = `/${gemeente.code}/teams`;
  return (
    <Pagina titel={t('teams.titel')}>
      <p className="utrecht-paragraph">
        <Link naar={`${basis}/nieuw`} className={KNOP_LINK}>
          {t('teams.nieuw')}
        </Link>
      </p>
      {data ? (
        <LijstTabel
          pagina={data}
          pad={basis}
          bijschrift={t('teams.bijschrift', { gemeente: gemeente.naam })}
          leeg={t('teams.leeg')}
          kolommen={[
            { kop: t('veld.naam'), render: (team) => <Link naar={`${basis}/${team.id}`}>{team.naam}</Link> },
            { kop: t('veld.omschrijving'), render: (team) => team.omschrijving },
            { kop: t('veld.leden'), render: (team) => team.leden.length },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

/** Name and description of a team: for a new team and when editing one. */
export function TeamVelden({ naam, omschrijving, onNaam, onOmschrijving, fout }: { naam: string; omschrijving: string; onNaam(v: string): void; onOmschrijving(v: string): void; fout: ReturnType<typeof useVerzenden>['fout'] }) {
  const { t } = useTaal();
  return (
    <>
      <FoutSamenvatting fout={fout} velden={{ naam: 'naam', omschrijving: 'omschrijving' }} />
      <Veld id="naam" label={t('veld.naam')} autoComplete="off" required value={naam} onChange={(e) => onNaam(e.target.value)} fout={fout?.veld('naam')} />
      <Veld
        id="omschrijving"
        label={t('veld.omschrijvingOptioneel')}
        autoComplete="off"
        value={omschrijving}
        onChange={(e) => onOmschrijving(e.target.value)}
        fout={fout?.veld('omschrijving')}
      />
    </>
  );
}

export function TeamNieuw({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const [naam, setNaam] = useState('');
  const [omschrijving, setOmschrijving] = useState('');
  const { fout, bezig, verzend } = useVerzenden();
  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      const body = omschrijving.trim() ? { naam, omschrijving } : { naam };
      const { data } = await api.post<Team>(`${gemeentePad(gemeente.code)}/teams`, { body });
      navigeer(`/${gemeente.code}/teams/${data.id}`, { melding: t('teams.aangemaakt', { naam: data.naam }) });
    });
  }
  return (
    <Pagina titel={t('teams.nieuwTitel')}>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/teams`}>{t('teams.terug')}</Link>
      </p>
      <form className="loket-form" onSubmit={verstuur} noValidate>
        <TeamVelden naam={naam} omschrijving={omschrijving} onNaam={setNaam} onOmschrijving={setOmschrijving} fout={fout} />
        <div>
          <Knop type="submit" bezig={bezig}>
            {t('teams.aanmaken')}
          </Knop>
        </div>
      </form>
    </Pagina>
  );
}
