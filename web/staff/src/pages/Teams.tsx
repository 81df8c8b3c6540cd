import { api, gemeentePad, type SessieGemeente, type Team } from '../api.ts';
import { Formulier, Veld, useFormulier, type FormulierStaat } from '../components/Formulier.tsx';
import { LijstPagina } from '../components/LijstPagina.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Link, navigeer } from '../router.tsx';

/** The gemeente's teams. */
export function Teams({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t } = useTaal();
  return (
    <LijstPagina<Team>
      gemeente={gemeente}
      zoek={zoek}
      sectie="teams"
      nieuw
      kolommen={({ basis }) => [
        { kop: t('veld.naam'), render: (team) => <Link naar={`${basis}/${team.id}`}>{team.naam}</Link> },
        { kop: t('veld.omschrijving'), render: (team) => team.omschrijving },
        { kop: t('veld.leden'), render: (team) => team.leden.length },
      ]}
    />
  );
}

/** Name and description of a team: for a new team and when editing one. */
/** What a beheerder sets of a team; telephone and e-mail are how residents reach it (shown on their tracking page). */
export type TeamGegevens = { naam: string; omschrijving: string; telefoon: string; email: string };

export function TeamVelden({ formulier }: { formulier: FormulierStaat<TeamGegevens> }) {
  const { t } = useTaal();
  return (
    <>
      <Veld label={t('veld.naam')} autoComplete="off" required {...formulier.tekst('naam')} />
      <Veld label={t('veld.omschrijvingOptioneel')} autoComplete="off" {...formulier.tekst('omschrijving')} />
      <Veld label={t('teams.telefoon')} type="tel" autoComplete="off" uitleg={t('teams.contactUitleg')} {...formulier.tekst('telefoon')} />
      <Veld label={t('teams.email')} type="email" autoComplete="off" uitleg={t('teams.contactUitleg')} {...formulier.tekst('email')} />
    </>
  );
}

export function TeamNieuw({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const formulier = useFormulier<TeamGegevens>({ naam: '', omschrijving: '', telefoon: '', email: '' });
  async function maak() {
    // Only what was filled in: an empty optional field is left out.
    const body = Object.fromEntries(Object.entries(formulier.waarden).filter(([veld, waarde]) => veld === 'naam' || waarde.trim() !== ''));
    const { data } = await api.post<Team>(`${gemeentePad(gemeente.code)}/teams`, { body });
    navigeer(`/${gemeente.code}/teams/${data.id}`, { melding: t('teams.aangemaakt', { naam: data.naam }) });
  }
  return (
    <Pagina titel={t('teams.nieuwTitel')} terug={{ naar: `/${gemeente.code}/teams`, tekst: t('teams.terug') }}>
      <Formulier formulier={formulier} onVerstuur={maak} knop={t('teams.aanmaken')}>
        <TeamVelden formulier={formulier} />
      </Formulier>
    </Pagina>
  );
}
