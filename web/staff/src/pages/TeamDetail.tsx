import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, alles, api, gemeentePad, type Antwoord, type Gebruiker, type SessieGemeente, type Team } from '../api.ts';
import { FoutSamenvatting, HerlaadKnop, Keuzes, Knop, useVerzenden } from '../components/Formulier.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { Sectie, useSectieMelding } from '../components/Sectie.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../laden.tsx';
import { Link } from '../router.tsx';
import { TeamVelden } from './Teams.tsx';

interface FormulierProps {
  team: Team;
  pad: string;
  etag: string | undefined;
  onOpgeslagen(antwoord: Antwoord<Team>): void;
  onHerlaad(): void;
}

function Gegevens({ team, pad, etag, onOpgeslagen, onHerlaad }: FormulierProps) {
  const { t } = useTaal();
  const [naam, setNaam] = useState(team.naam);
  const [omschrijving, setOmschrijving] = useState(team.omschrijving);
  const { fout, bezig, verzend } = useVerzenden();
  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => onOpgeslagen(await api.patch<Team>(pad, { body: { naam, omschrijving }, ifMatch: etag })));
  }
  return (
    <form className="loket-form" onSubmit={verstuur} noValidate>
      <TeamVelden naam={naam} omschrijving={omschrijving} onNaam={setNaam} onOmschrijving={setOmschrijving} fout={fout} />
      <div className="utrecht-button-group">
        <Knop type="submit" bezig={bezig}>
          {t('opslaan')}
        </Knop>
        <HerlaadKnop zichtbaar={fout?.status === 412} onHerlaad={onHerlaad} />
      </div>
    </form>
  );
}

/** Members: a checkbox per staff user of the gemeente. */
function Leden({ team, pad, etag, onOpgeslagen, onHerlaad, gemeente }: FormulierProps & { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const [gebruikers, setGebruikers] = useState<Gebruiker[]>();
  const [laadfout, setLaadfout] = useState<ApiError>();
  const [leden, setLeden] = useState(team.leden.map((lid) => lid.id));
  const { fout, bezig, verzend } = useVerzenden();
  useEffect(() => {
    const afbreken = new AbortController();
    alles<Gebruiker>(`${gemeentePad(gemeente.code)}/gebruikers`, afbreken.signal).then(setGebruikers, (error: unknown) => {
      if (error instanceof ApiError) setLaadfout(error);
    });
    return () => afbreken.abort();
  }, [gemeente.code]);
  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => onOpgeslagen(await api.put<Team>(`${pad}/leden`, { body: { gebruikers: leden }, ifMatch: etag })));
  }
  if (!gebruikers) return <Laadstatus fout={laadfout} />;
  return (
    <form className="loket-form" onSubmit={verstuur} noValidate>
      <FoutSamenvatting fout={fout} velden={{ gebruikers: 'leden' }} />
      <Keuzes
        id="leden"
        legenda={t('teams.ledenKiezen', { team: team.naam })}
        opties={gebruikers.map((g) => ({ waarde: g.id, label: `${g.naam} (${g.email})` }))}
        gekozen={leden}
        onChange={setLeden}
        fout={fout?.veld('gebruikers')}
      />
      <div className="utrecht-button-group">
        <Knop type="submit" bezig={bezig}>
          {t('teams.ledenOpslaan')}
        </Knop>
        <HerlaadKnop zichtbaar={fout?.status === 412} onHerlaad={onHerlaad} />
      </div>
    </form>
  );
}

/** One team: name, description and members. Changes use If-Match with the ETag. */
export function TeamDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/teams/${encodeURIComponent(id)}`;
  const { data, etag, fout, ronde, zet, herlaad } = useLaden<Team>(pad);
  const { meld, meldingVoor } = useSectieMelding();
  const opgeslagen = (sectie: string) => (antwoord: Antwoord<Team>) => {
    zet(antwoord);
    meld(sectie, t('opgeslagen'));
  };
  const basis = data && { team: data, pad, etag, onHerlaad: herlaad };
  return (
    <Pagina titel={data?.naam ?? t('teams.team')}>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/teams`}>{t('teams.terug')}</Link>
      </p>
      {basis ? (
        <>
          <Sectie titel={t('teams.gegevens')} melding={meldingVoor('gegevens')}>
            <Gegevens key={ronde} {...basis} onOpgeslagen={opgeslagen('gegevens')} />
          </Sectie>
          <Sectie titel={t('veld.leden')} melding={meldingVoor('leden')}>
            <Leden key={ronde} {...basis} gemeente={gemeente} onOpgeslagen={opgeslagen('leden')} />
          </Sectie>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
