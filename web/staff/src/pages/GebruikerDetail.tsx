import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { gemeentePad, type Gebruiker, type SessieGemeente } from '../api.ts';
import { FoutSamenvatting, HerlaadKnop, Knop, Veld, Vinkje, useFormulier, useVerzenden } from '../components/Formulier.tsx';
import { Gegevenslijst } from '../components/Gegevenslijst.tsx';
import { Melding } from '../components/Melding.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { RolKeuzes } from '../components/rollen.tsx';
import { VersieSectie, WijzigFormulier, useVersieBron, type Wijziging } from '../components/Versie.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus } from '../laden.tsx';
import { Link } from '../router.tsx';

function Gegevens({ wijziging }: { wijziging: Wijziging<Gebruiker> }) {
  const { t } = useTaal();
  const formulier = useFormulier({ naam: wijziging.data.naam, actief: wijziging.data.actief });
  const { waarden, zet, fout } = formulier;
  return (
    <WijzigFormulier wijziging={wijziging} formulier={formulier} methode="patch" knop={t('opslaan')}>
      <Veld label={t('veld.naam')} autoComplete="off" required {...formulier.tekst('naam')} />
      <Vinkje id="actief" label={t('gebruiker.actiefLabel')} uitleg={t('gebruiker.actiefUitleg')} checked={waarden.actief} onChange={(e) => zet('actief', e.target.checked)} fout={fout?.veld('actief')} />
    </WijzigFormulier>
  );
}

function Rollen({ wijziging, gemeente }: { wijziging: Wijziging<Gebruiker>; gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const formulier = useFormulier({ rollen: wijziging.data.rollen });
  return (
    <WijzigFormulier wijziging={wijziging} formulier={formulier} methode="put" deel="/rollen" knop={t('gebruiker.rollenOpslaan')}>
      <RolKeuzes gemeente={gemeente} {...formulier.keuzes('rollen')} />
    </WijzigFormulier>
  );
}

/** Reset the second factor, after a confirm step. */
function MfaHerstel({ wijziging }: { wijziging: Wijziging<Gebruiker> }) {
  const { t } = useTaal();
  const gebruiker = wijziging.data;
  const [bevestigen, setBevestigen] = useState(false);
  const vraag = useRef<HTMLDivElement>(null);
  const knop = useRef<HTMLButtonElement>(null);
  const { fout, bezig, verzend } = useVerzenden();
  function herstel() {
    void verzend(async () => {
      await wijziging.stuur('post', '/mfa-herstel', undefined, t('gebruiker.mfaHersteld', { naam: gebruiker.naam }));
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
      <HerlaadKnop fout={fout} onHerlaad={wijziging.herlaad} />
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
  const { bron, fout } = useVersieBron<Gebruiker>(`${gemeentePad(gemeente.code)}/gebruikers/${encodeURIComponent(id)}`);
  return (
    <Pagina titel={bron?.data.naam ?? t('gebruiker.titel')} terug={{ naar: `/${gemeente.code}/gebruikers`, tekst: t('gebruikers.terug') }}>
      {bron ? (
        <>
          <Gegevenslijst
            regels={[
              [t('veld.email'), bron.data.email],
              [
                t('veld.teams'),
                bron.data.teams.length === 0
                  ? t('geen')
                  : bron.data.teams.map((team, index) => (
                      <span key={team.id}>
                        {index > 0 && ', '}
                        <Link naar={`/${gemeente.code}/teams/${team.id}`}>{team.naam}</Link>
                      </span>
                    )),
              ],
            ]}
          />
          <VersieSectie bron={bron} naam="gegevens" titel={t('gebruiker.gegevens')}>
            {(wijziging) => <Gegevens wijziging={wijziging} />}
          </VersieSectie>
          <VersieSectie bron={bron} naam="rollen" titel={t('veld.rollen')}>
            {(wijziging) => <Rollen wijziging={wijziging} gemeente={gemeente} />}
          </VersieSectie>
          <VersieSectie bron={bron} naam="mfa" titel={t('veld.tweedeFactor')}>
            {(wijziging) => <MfaHerstel wijziging={wijziging} />}
          </VersieSectie>
        </>
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
  );
}
