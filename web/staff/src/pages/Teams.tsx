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
export function TeamVelden({ formulier }: { formulier: FormulierStaat<{ naam: string; omschrijving: string }> }) {
  const { t } = useTaal();
  return (
    <>
      <Veld label={t('veld.naam')} autoComplete="off" required {...formulier.tekst('naam')} />
      <Veld label={t('veld.omschrijvingOptioneel')} autoComplete="off" {...formulier.tekst('omschrijving')} />
    </>
  );
}

export function TeamNieuw({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const formulier = useFormulier({ naam: '', omschrijving: '' });
  async function maak() {
    const { naam, omschrijving } = formulier.waarden;
    const { data } = await api.post<Team>(`${gemeentePad(gemeente.code)}/teams`, { body: omschrijving.trim() ? { naam, omschrijving } : { naam } });
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
