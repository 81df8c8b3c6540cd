import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { api, gemeentePad, type Antwoord, type Gebruiker, type Rol, type SessieGemeente } from '../api.ts';
import { FoutSamenvatting, HerlaadKnop, Keuzes, Knop, Veld, Vinkje, useVerzenden } from '../components/Formulier.tsx';
import { Melding } from '../components/Melding.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { rolOpties } from '../components/rollen.ts';
import { Sectie, useSectieMelding } from '../components/Sectie.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus, useLaden } from '../laden.tsx';
import { Link } from '../router.tsx';

interface FormulierProps {
  gebruiker: Gebruiker;
  pad: string;
  etag: string | undefined;
  onOpgeslagen(antwoord: Antwoord<Gebruiker>, melding: string): void;
  onHerlaad(): void;
}

function Gegevens({ gebruiker, pad, etag, onOpgeslagen, onHerlaad }: FormulierProps) {
  const { t } = useTaal();
  const [naam, setNaam] = useState(gebruiker.naam);
  const [actief, setActief] = useState(gebruiker.actief);
  const { fout, bezig, verzend } = useVerzenden();
  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      onOpgeslagen(await api.patch<Gebruiker>(pad, { body: { naam, actief }, ifMatch: etag }), t('opgeslagen'));
    });
  }
  return (
    <form className="loket-form" onSubmit={verstuur} noValidate>
      <FoutSamenvatting fout={fout} velden={{ naam: 'naam', actief: 'actief' }} />
      <Veld id="naam" label={t('veld.naam')} autoComplete="off" required value={naam} onChange={(e) => setNaam(e.target.value)} fout={fout?.veld('naam')} />
      <Vinkje id="actief" label={t('gebruiker.actiefLabel')} uitleg={t('gebruiker.actiefUitleg')} checked={actief} onChange={(e) => setActief(e.target.checked)} fout={fout?.veld('actief')} />
      <div className="utrecht-button-group">
        <Knop type="submit" bezig={bezig}>
          {t('opslaan')}
        </Knop>
        <HerlaadKnop zichtbaar={fout?.status === 412} onHerlaad={onHerlaad} />
      </div>
    </form>
  );
}

function Rollen({ gebruiker, pad, etag, onOpgeslagen, onHerlaad, gemeente }: FormulierProps & { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const [rollen, setRollen] = useState<Rol[]>(gebruiker.rollen);
  const { fout, bezig, verzend } = useVerzenden();
  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      onOpgeslagen(await api.put<Gebruiker>(`${pad}/rollen`, { body: { rollen }, ifMatch: etag }), t('opgeslagen'));
    });
  }
  return (
    <form className="loket-form" onSubmit={verstuur} noValidate>
      <FoutSamenvatting fout={fout} velden={{ rollen: 'rollen' }} />
      <Keuzes id="rollen" legenda={t('veld.rollenIn', { gemeente: gemeente.naam })} opties={rolOpties(t)} gekozen={rollen} onChange={setRollen} fout={fout?.veld('rollen')} />
      <div className="utrecht-button-group">
        <Knop type="submit" bezig={bezig}>
          {t('gebruiker.rollenOpslaan')}
        </Knop>
        <HerlaadKnop zichtbaar={fout?.status === 412} onHerlaad={onHerlaad} />
      </div>
    </form>
  );
}

/** Reset the second factor, after a confirm step. */
function MfaHerstel({ gebruiker, pad, etag, onOpgeslagen, onHerlaad }: FormulierProps) {
  const { t } = useTaal();
  const [bevestigen, setBevestigen] = useState(false);
  const vraag = useRef<HTMLDivElement>(null);
  const knop = useRef<HTMLButtonElement>(null);
  const { fout, bezig, verzend } = useVerzenden();
  function herstel() {
    void verzend(async () => {
      onOpgeslagen(await api.post<Gebruiker>(`${pad}/mfa-herstel`, { ifMatch: etag }), t('gebruiker.mfaHersteld', { naam: gebruiker.naam }));
      sluit();
    });
  }
  function sluit() {
    flushSync(() => setBevestigen(false));
    knop.current?.focus();
  }
  function vraagBevestiging() {
    flushSync(() => setBevestigen(true));
    vraag.current?.focus();
  }
  return (
    <>
      <p className="utrecht-paragraph">{gebruiker.mfaIngesteld ? t('gebruiker.mfaIngesteld') : t('gebruiker.mfaNietIngesteld')}</p>
      <FoutSamenvatting fout={fout} />
      <HerlaadKnop zichtbaar={fout?.status === 412} onHerlaad={onHerlaad} />
      {bevestigen ? (
        <div ref={vraag} tabIndex={-1}>
          <Melding soort="warning" rol="none">
            <p className="utrecht-paragraph">{t('gebruiker.mfaVraag', { naam: gebruiker.naam })}</p>
          </Melding>
          <div className="utrecht-button-group">
            <Knop bezig={bezig} onClick={herstel}>
              {t('gebruiker.mfaJaHerstel')}
            </Knop>
            <Knop soort="secondary-action" onClick={sluit}>
              {t('annuleren')}
            </Knop>
          </div>
        </div>
      ) : (
        <Knop ref={knop} soort="secondary-action" onClick={vraagBevestiging}>
          {t('gebruiker.mfaHerstel')}
        </Knop>
      )}
    </>
  );
}

/** One staff user: name and status, roles, and the second factor. Changes use If-Match with the ETag. */
export function GebruikerDetail({ gemeente, id }: { gemeente: SessieGemeente; id: string }) {
  const { t } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/gebruikers/${encodeURIComponent(id)}`;
  const { data, etag, fout, ronde, zet, herlaad } = useLaden<Gebruiker>(pad);
  const { meld, meldingVoor } = useSectieMelding();
  const opgeslagen = (sectie: string) => (antwoord: Antwoord<Gebruiker>, tekst: string) => {
    zet(antwoord);
    meld(sectie, tekst);
  };
  const basis = data && { gebruiker: data, pad, etag, onHerlaad: herlaad };

  return (
    <Pagina titel={data?.naam ?? t('gebruiker.titel')}>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/gebruikers`}>{t('gebruikers.terug')}</Link>
      </p>
      {basis ? (
        <>
          <dl className="utrecht-data-list">
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t('veld.email')}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{basis.gebruiker.email}</dd>
            </div>
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t('veld.teams')}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                {basis.gebruiker.teams.length === 0
                  ? t('geen')
                  : basis.gebruiker.teams.map((team, index) => (
                      <span key={team.id}>
                        {index > 0 && ', '}
                        <Link naar={`/${gemeente.code}/teams/${team.id}`}>{team.naam}</Link>
                      </span>
                    ))}
              </dd>
            </div>
          </dl>
          <Sectie titel={t('gebruiker.gegevens')} melding={meldingVoor('gegevens')}>
            <Gegevens key={ronde} {...basis} onOpgeslagen={opgeslagen('gegevens')} />
          </Sectie>
          <Sectie titel={t('veld.rollen')} melding={meldingVoor('rollen')}>
            <Rollen key={ronde} {...basis} gemeente={gemeente} onOpgeslagen={opgeslagen('rollen')} />
          </Sectie>
          <Sectie titel={t('veld.tweedeFactor')} melding={meldingVoor('mfa')}>
            <MfaHerstel key={ronde} {...basis} onOpgeslagen={opgeslagen('mfa')} />
          </Sectie>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
