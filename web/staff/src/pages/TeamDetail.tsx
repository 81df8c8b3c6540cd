import { useEffect, useState } from 'react';
import { ApiError, alles, gemeentePad, type Gebruiker, type SessieGemeente, type Team } from '../api.ts';
import { Keuzes, useFormulier } from '../components/Formulier.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { VersieSectie, WijzigFormulier, useVersieBron, type Wijziging } from '../components/Versie.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus } from '../laden.tsx';
import { TeamVelden, type TeamGegevens } from './Teams.tsx';

function Gegevens({ wijziging }: { wijziging: Wijziging<Team> }) {
  const { t } = useTaal();
  const formulier = useFormulier<TeamGegevens>({ naam: wijziging.data.naam, omschrijving: wijziging.data.omschrijving, telefoon: wijziging.data.telefoon, email: wijziging.data.email });
  return (
    <WijzigFormulier wijziging={wijziging} formulier={formulier} methode="patch" knop={t('opslaan')}>
      <TeamVelden formulier={formulier} />
    </WijzigFormulier>
  );
}

/** Members: a checkbox per staff user of the gemeente. */
function Leden({ wijziging, gemeente }: { wijziging: Wijziging<Team>; gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const [gebruikers, setGebruikers] = useState<Gebruiker[]>();
  const [laadfout, setLaadfout] = useState<ApiError>();
  const formulier = useFormulier({ leden: wijziging.data.leden.map((lid) => lid.id) });
  useEffect(() => {
    const afbreken = new AbortController();
    alles<Gebruiker>(`${gemeentePad(gemeente.code)}/gebruikers`, afbreken.signal).then(setGebruikers, (error: unknown) => {
      if (error instanceof ApiError) setLaadfout(error);
    });
    return () => afbreken.abort();
  }, [gemeente.code]);
  if (!gebruikers) return <Laadstatus fout={laadfout} />;
  return (
    <WijzigFormulier
      wijziging={wijziging}
      formulier={formulier}
      methode="put"
      deel="/leden"
      body={({ leden }) => ({ gebruikers: leden })}
      knop={t('teams.ledenOpslaan')}
      velden={{ gebruikers: 'leden' }}
    >
      <Keuzes
        id="leden"
        legenda={t('teams.ledenKiezen', { team: wijziging.data.naam })}
        opties={gebruikers.map((g) => ({ waarde: g.id, label: `${g.naam} (${g.email})` }))}
        gekozen={formulier.waarden.leden}
        onChange={(leden) => formulier.zet('leden', leden)}
        fout={formulier.fout?.veld('gebruikers')}
      />
    </WijzigFormulier>
  );
}

/** One team: name, description and members. Changes use If-Match with the ETag. */
export function TeamDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t } = useTaal();
  const { bron, fout } = useVersieBron<Team>(`${gemeentePad(gemeente.code)}/teams/${encodeURIComponent(id)}`);
  return (
    <Pagina titel={bron?.data.naam ?? t('teams.team')} terug={{ naar: `/${gemeente.code}/teams`, tekst: t('teams.terug') }}>
      {bron ? (
        <>
          <VersieSectie bron={bron} naam="gegevens" titel={t('teams.gegevens')}>
            {(wijziging) => <Gegevens wijziging={wijziging} />}
          </VersieSectie>
          <VersieSectie bron={bron} naam="leden" titel={t('veld.leden')}>
            {(wijziging) => <Leden wijziging={wijziging} gemeente={gemeente} />}
          </VersieSectie>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
