import { useState, type FormEvent } from 'react';
import { api, gemeentePad, type Gebruiker, type Rol, type SessieGemeente } from '../api.ts';
import { FoutSamenvatting, KNOP_LINK, Keuzes, Knop, Veld, useVerzenden } from '../components/Formulier.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { LijstTabel, useLijst } from '../components/Paginering.tsx';
import { rolOpties, rollenTekst } from '../components/rollen.ts';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus } from '../laden.tsx';
import { Link, navigeer } from '../router.tsx';

/** The gemeente's staff users, 20 per page. */
export function Gebruikers({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t } = useTaal();
  const { data, fout } = useLijst<Gebruiker>(`${gemeentePad(gemeente.code)}/gebruikers`, zoek);
  const basis = `/${gemeente.code}/gebruikers`;
  return (
    <Pagina titel={t('gebruikers.titel')}>
      <p className="utrecht-paragraph">
        <Link naar={`${basis}/nieuw`} className={KNOP_LINK}>
          {t('gebruikers.nieuw')}
        </Link>
      </p>
      {data ? (
        <LijstTabel
          pagina={data}
          pad={basis}
          bijschrift={t('gebruikers.bijschrift', { gemeente: gemeente.naam })}
          leeg={t('gebruikers.leeg')}
          kolommen={[
            { kop: t('veld.naam'), render: (g) => <Link naar={`${basis}/${g.id}`}>{g.naam}</Link> },
            { kop: t('veld.email'), render: (g) => g.email },
            { kop: t('veld.rollen'), render: (g) => rollenTekst(t, g.rollen) },
            { kop: t('veld.status'), render: (g) => (g.actief ? t('gebruiker.actief') : t('gebruiker.uitgeschakeld')) },
            { kop: t('veld.tweedeFactor'), render: (g) => (g.mfaIngesteld ? t('gebruiker.mfaJa') : t('gebruiker.mfaNee')) },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}

/** Form for a new staff user with a temporary password and roles in this gemeente. */
export function GebruikerNieuw({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const [naam, setNaam] = useState('');
  const [email, setEmail] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [rollen, setRollen] = useState<Rol[]>([]);
  const { fout, bezig, verzend } = useVerzenden();

  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      const { data } = await api.post<Gebruiker>(`${gemeentePad(gemeente.code)}/gebruikers`, { body: { naam, email, wachtwoord, rollen } });
      navigeer(`/${gemeente.code}/gebruikers/${data.id}`, { melding: t('gebruiker.aangemaakt', { naam: data.naam }) });
    });
  }

  return (
    <Pagina titel={t('gebruikers.nieuwTitel')}>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/gebruikers`}>{t('gebruikers.terug')}</Link>
      </p>
      <form className="loket-form" onSubmit={verstuur} noValidate>
        <FoutSamenvatting fout={fout} velden={{ naam: 'naam', email: 'email', wachtwoord: 'wachtwoord', rollen: 'rollen' }} />
        <Veld id="naam" label={t('veld.naam')} autoComplete="off" required value={naam} onChange={(e) => setNaam(e.target.value)} fout={fout?.veld('naam')} />
        <Veld id="email" label={t('veld.email')} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} fout={fout?.veld('email')} />
        <Veld
          id="wachtwoord"
          label={t('veld.tijdelijkWachtwoord')}
          uitleg={t('gebruikers.wachtwoordUitleg')}
          type="password"
          autoComplete="new-password"
          required
          value={wachtwoord}
          onChange={(e) => setWachtwoord(e.target.value)}
          fout={fout?.veld('wachtwoord')}
        />
        <Keuzes id="rollen" legenda={t('veld.rollenIn', { gemeente: gemeente.naam })} opties={rolOpties(t)} gekozen={rollen} onChange={setRollen} fout={fout?.veld('rollen')} />
        <div>
          <Knop type="submit" bezig={bezig}>
            {t('gebruikers.aanmaken')}
          </Knop>
        </div>
      </form>
    </Pagina>
  );
}
