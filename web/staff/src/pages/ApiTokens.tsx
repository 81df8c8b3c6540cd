import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ApiError, api, gemeentePad, type ApiToken, type NieuwApiToken, type Rol, type SessieGemeente } from '../api.ts';
import { Formulier, Knop, Veld, useFormulier } from '../components/Formulier.tsx';
import { Bevestigen } from '../components/Bevestigen.tsx';
import { LijstPagina } from '../components/LijstPagina.tsx';
import { Melding, Statusmelding } from '../components/Melding.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { RolKeuzes, rollenTekst } from '../components/rollen.tsx';
import { useTaal } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { tijdstip } from '../tijd.ts';

/** Revoke with a confirm step inside the table row. */
function Intrekken({ token, pad, onIngetrokken }: { token: ApiToken; pad: string; onIngetrokken(token: ApiToken): void }) {
  const { t } = useTaal();
  return (
    <Bevestigen
      knop={t('apiTokens.intrekken')}
      knopLabel={t('apiTokens.intrekkenVan', { naam: token.naam })}
      ja={t('apiTokens.jaIntrekken', { naam: token.naam })}
      onBevestig={async () => {
        await api.delete(`${pad}/${token.id}`);
        onIngetrokken(token);
      }}
    />
  );
}

/** The gemeente's API tokens for machine clients. */
export function ApiTokens({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const [ingetrokken, setIngetrokken] = useState<string>();
  const melding = useRef<HTMLDivElement>(null);
  const [nu] = useState(Date.now);

  function status(token: ApiToken): string {
    if (token.ingetrokkenOp) return t('apiTokens.ingetrokken', { datum: tijdstip(token.ingetrokkenOp, taal) });
    return Date.parse(token.geldigTot) < nu ? t('apiTokens.verlopen') : t('apiTokens.geldig');
  }

  return (
    <LijstPagina<ApiToken>
      gemeente={gemeente}
      zoek={zoek}
      sectie="api-tokens"
      teksten="apiTokens"
      uitleg
      nieuw
      kolommen={({ apiPad, herlaad }) => [
        { kop: t('veld.naam'), render: (token) => token.naam },
        { kop: t('veld.rollen'), render: (token) => rollenTekst(t, token.rollen) },
        { kop: t('veld.geldigTot'), render: (token) => tijdstip(token.geldigTot, taal) },
        { kop: t('veld.status'), render: status },
        {
          kop: t('veld.actie'),
          render: (token) =>
            token.ingetrokkenOp ? null : (
              <Intrekken
                token={token}
                pad={apiPad}
                onIngetrokken={(weg) => {
                  flushSync(() => setIngetrokken(weg.naam));
                  melding.current?.focus();
                  herlaad();
                }}
              />
            ),
        },
      ]}
    >
      <div ref={melding} tabIndex={-1}>
        <Statusmelding tekst={ingetrokken && t('apiTokens.isIngetrokken', { naam: ingetrokken })} />
      </div>
    </LijstPagina>
  );
}

/** A date as yyyy-mm-dd (the value of a date input), a number of years from today. */
function datumOver(jaren: number): string {
  const datum = new Date();
  datum.setFullYear(datum.getFullYear() + jaren);
  return datum.toISOString().slice(0, 10);
}

/** The token, shown once after it is made. */
function Gemaakt({ token, gemeente }: { token: NieuwApiToken; gemeente: SessieGemeente }) {
  const { t, taal } = useTaal();
  const [gekopieerd, setGekopieerd] = useState(false);
  return (
    <Pagina titel={t('apiTokens.gemaaktTitel', { naam: token.naam })} focus>
      <Melding soort="warning" rol="none">
        <p className="utrecht-paragraph">{t('apiTokens.eenKeer')}</p>
      </Melding>
      <p className="utrecht-paragraph" id="token-label">
        {t('apiTokens.hetToken', { datum: tijdstip(token.geldigTot, taal) })}
      </p>
      <code className="loket-token" aria-labelledby="token-label">
        {token.token}
      </code>
      <div className="utrecht-button-group loket-sectie">
        <Knop soort="secondary-action" onClick={() => void navigator.clipboard.writeText(token.token).then(() => setGekopieerd(true))}>
          {t('apiTokens.kopieer')}
        </Knop>
        <output>{gekopieerd ? t('apiTokens.gekopieerd') : ''}</output>
      </div>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/api-tokens`}>{t('apiTokens.terug')}</Link>
      </p>
    </Pagina>
  );
}

export function ApiTokenNieuw({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  const formulier = useFormulier(() => ({ naam: '', rollen: [] as Rol[], geldigTot: datumOver(1) }));
  const [vandaag] = useState(() => datumOver(0));
  const [gemaakt, setGemaakt] = useState<NieuwApiToken>();

  async function maak() {
    const { naam, rollen, geldigTot: datum } = formulier.waarden;
    if (!datum) {
      throw new ApiError({ type: 'urn:loket:problem:ongeldige-invoer', title: '', status: 400, invalidParams: [{ name: 'geldigTot', code: 'verplicht', reason: t('apiTokens.kiesDatum') }] });
    }
    // Valid until the end of the chosen day, in the staff member's own time zone.
    const geldigTot = new Date(`${datum}T23:59:59`).toISOString();
    const { data } = await api.post<NieuwApiToken>(`${gemeentePad(gemeente.code)}/api-tokens`, { body: { naam, rollen, geldigTot } });
    setGemaakt(data);
  }

  if (gemaakt) return <Gemaakt token={gemaakt} gemeente={gemeente} />;
  return (
    <Pagina titel={t('apiTokens.nieuwTitel')} terug={{ naar: `/${gemeente.code}/api-tokens`, tekst: t('apiTokens.terug') }}>
      <Formulier formulier={formulier} onVerstuur={maak} knop={t('apiTokens.aanmaken')}>
        <Veld label={t('veld.naam')} uitleg={t('apiTokens.naamUitleg')} autoComplete="off" required {...formulier.tekst('naam')} />
        <RolKeuzes gemeente={gemeente} {...formulier.keuzes('rollen')} />
        <Veld label={t('veld.geldigTot')} uitleg={t('apiTokens.geldigTotUitleg')} type="date" required min={vandaag} {...formulier.tekst('geldigTot')} />
      </Formulier>
    </Pagina>
  );
}
