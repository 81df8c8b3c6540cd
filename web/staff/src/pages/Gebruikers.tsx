import { api, gemeentePad, type Gebruiker, type Rol, type SessieGemeente } from '../api.ts';
import { Formulier, Veld, useFormulier } from '../components/Formulier.tsx';
import { LijstPagina } from '../components/LijstPagina.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { RolKeuzes, rollenTekst } from '../components/rollen.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Link, navigeer } from '../router.tsx';

/** The gemeente's staff users, 20 per page. */
export function Gebruikers({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t } = useTaal();
  return (
    <LijstPagina<Gebruiker>
      gemeente={gemeente}
      zoek={zoek}
      sectie="gebruikers"
      nieuw
      kolommen={({ basis }) => [
        { kop: t('veld.naam'), render: (g) => <Link naar={`${basis}/${g.id}`}>{g.naam}</Link> },
        { kop: t('veld.email'), render: (g) => g.email },
        { kop: t('veld.rollen'), render: (g) => rollenTekst(t, g.rollen) },
        { kop: t('veld.status'), render: (g) => (g.actief ? t('gebruiker.actief') : t('gebruiker.uitgeschakeld')) },
        { kop: t('veld.tweedeFactor'), render: (g) => (g.mfaIngesteld ? t('gebruiker.mfaJa') : t('gebruiker.mfaNee')) },
      ]}
    />
  );
}

/** Form for a new staff user with a temporary password and roles in this gemeente. */
export function GebruikerNieuw({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const formulier = useFormulier({ naam: '', email: '', wachtwoord: '', rollen: [] as Rol[] });

  async function maak() {
    const { data } = await api.post<Gebruiker>(`${gemeentePad(gemeente.code)}/gebruikers`, { body: formulier.waarden });
    navigeer(`/${gemeente.code}/gebruikers/${data.id}`, { melding: t('gebruiker.aangemaakt', { naam: data.naam }) });
  }

  return (
    <Pagina titel={t('gebruikers.nieuwTitel')} terug={{ naar: `/${gemeente.code}/gebruikers`, tekst: t('gebruikers.terug') }}>
      <Formulier formulier={formulier} onVerstuur={maak} knop={t('gebruikers.aanmaken')}>
        <Veld label={t('veld.naam')} autoComplete="off" required {...formulier.tekst('naam')} />
        <Veld label={t('veld.email')} type="email" autoComplete="off" required {...formulier.tekst('email')} />
        <Veld label={t('veld.tijdelijkWachtwoord')} uitleg={t('gebruikers.wachtwoordUitleg')} type="password" autoComplete="new-password" required {...formulier.tekst('wachtwoord')} />
        <RolKeuzes gemeente={gemeente} {...formulier.keuzes('rollen')} />
      </Formulier>
    </Pagina>
  );
}
