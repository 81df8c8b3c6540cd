import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { ApiError, api, gemeentePad, type ApiToken, type NieuwApiToken, type Rol, type SessieGemeente } from '../api.ts';
import { FoutSamenvatting, KNOP_LINK, Keuzes, Knop, Veld, useVerzenden } from '../components/Formulier.tsx';
import { Melding } from '../components/Melding.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { LijstTabel, useLijst } from '../components/Paginering.tsx';
import { rolOpties, rollenTekst } from '../components/rollen.ts';
import { useTaal } from '../i18n/i18n.tsx';
import { Laadstatus } from '../laden.tsx';
import { Link } from '../router.tsx';
import { tijdstip } from '../tijd.ts';

/** Revoke with a confirm step inside the table row. */
function Intrekken({ token, pad, onIngetrokken }: { token: ApiToken; pad: string; onIngetrokken(token: ApiToken): void }) {
  const { t } = useTaal();
  const [vragen, setVragen] = useState(false);
  const { fout, bezig, verzend } = useVerzenden();
  const ja = useRef<HTMLButtonElement>(null);
  function vraag() {
    flushSync(() => setVragen(true));
    ja.current?.focus();
  }
  if (!vragen) {
    return (
      <Knop soort="secondary-action" onClick={vraag} aria-label={t('apiTokens.intrekkenVan', { naam: token.naam })}>
        {t('apiTokens.intrekken')}
      </Knop>
    );
  }
  return (
    <>
      <FoutSamenvatting fout={fout} />
      <div className="loket-rij-acties">
        <Knop
          ref={ja}
          bezig={bezig}
          onClick={() => void verzend(async () => {
            await api.delete(`${pad}/${token.id}`);
            onIngetrokken(token);
          })}
        >
          {t('apiTokens.jaIntrekken', { naam: token.naam })}
        </Knop>
        <Knop soort="secondary-action" onClick={() => setVragen(false)}>
          {t('annuleren')}
        </Knop>
      </div>
    </>
  );
}

/** The gemeente's API tokens for machine clients. */
export function ApiTokens({ gemeente, zoek }: { gemeente: SessieGemeente; zoek: URLSearchParams }) {
  const { t, taal } = useTaal();
  const pad = `${gemeentePad(gemeente.code)}/api-tokens`;
  const { data, fout, herlaad } = useLijst<ApiToken>(pad, zoek);
  const [ingetrokken, setIngetrokken] = useState<string>();
  const melding = useRef<HTMLDivElement>(null);
  const basis = `/${gemeente.code}/api-tokens`;
  const [nu] = useState(Date.now);

  function status(token: ApiToken): string {
    if (token.ingetrokkenOp) return t('apiTokens.ingetrokken', { datum: tijdstip(token.ingetrokkenOp, taal) });
    return Date.parse(token.geldigTot) < nu ? t('apiTokens.verlopen') : t('apiTokens.geldig');
  }

  return (
    <Pagina titel={t('apiTokens.titel')}>
      <p className="utrecht-paragraph">{t('apiTokens.uitleg')}</p>
      <p className="utrecht-paragraph">
        <Link naar={`${basis}/nieuw`} className={KNOP_LINK}>
          {t('apiTokens.nieuw')}
        </Link>
      </p>
      <div ref={melding} tabIndex={-1}>
        {ingetrokken && (
          <Melding soort="ok">
            <p className="utrecht-paragraph">{t('apiTokens.isIngetrokken', { naam: ingetrokken })}</p>
          </Melding>
        )}
      </div>
      {data ? (
        <LijstTabel
          pagina={data}
          pad={basis}
          bijschrift={t('apiTokens.bijschrift', { gemeente: gemeente.naam })}
          leeg={t('apiTokens.leeg')}
          kolommen={[
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
                    pad={pad}
                    onIngetrokken={(weg) => {
                      flushSync(() => setIngetrokken(weg.naam));
                      melding.current?.focus();
                      herlaad();
                    }}
                  />
                ),
            },
          ]}
        />
      ) : (
        <Laadstatus fout={fout} />
      )}
    </Pagina>
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
  const [naam, setNaam] = useState('');
  const [rollen, setRollen] = useState<Rol[]>([]);
  const [datum, setDatum] = useState(() => datumOver(1));
  const [vandaag] = useState(() => datumOver(0));
  const [gemaakt, setGemaakt] = useState<NieuwApiToken>();
  const { fout, bezig, verzend, setFout } = useVerzenden();

  function verstuur(event: FormEvent) {
    event.preventDefault();
    if (!datum) {
      setFout(new ApiError({ type: 'urn:loket:problem:ongeldige-invoer', title: '', status: 400, invalidParams: [{ name: 'geldigTot', code: 'verplicht', reason: t('apiTokens.kiesDatum') }] }));
      return;
    }
    // Valid until the end of the chosen day, in the staff member's own time zone.
    const geldigTot = new Date(`${datum}T23:59:59`).toISOString();
    void verzend(async () => {
      const { data } = await api.post<NieuwApiToken>(`${gemeentePad(gemeente.code)}/api-tokens`, { body: { naam, rollen, geldigTot } });
      setGemaakt(data);
    });
  }

  if (gemaakt) return <Gemaakt token={gemaakt} gemeente={gemeente} />;
  return (
    <Pagina titel={t('apiTokens.nieuwTitel')}>
      <p className="utrecht-paragraph">
        <Link naar={`/${gemeente.code}/api-tokens`}>{t('apiTokens.terug')}</Link>
      </p>
      <form className="loket-form" onSubmit={verstuur} noValidate>
        <FoutSamenvatting fout={fout} velden={{ naam: 'naam', rollen: 'rollen', geldigTot: 'geldigTot' }} />
        <Veld id="naam" label={t('veld.naam')} uitleg={t('apiTokens.naamUitleg')} autoComplete="off" required value={naam} onChange={(e) => setNaam(e.target.value)} fout={fout?.veld('naam')} />
        <Keuzes id="rollen" legenda={t('veld.rollenIn', { gemeente: gemeente.naam })} opties={rolOpties(t)} gekozen={rollen} onChange={setRollen} fout={fout?.veld('rollen')} />
        <Veld
          id="geldigTot"
          label={t('veld.geldigTot')}
          uitleg={t('apiTokens.geldigTotUitleg')}
          type="date"
          required
          min={vandaag}
          value={datum}
          onChange={(e) => setDatum(e.target.value)}
          fout={fout?.veld('geldigTot')}
        />
        <div>
          <Knop type="submit" bezig={bezig}>
            {t('apiTokens.aanmaken')}
          </Knop>
        </div>
      </form>
    </Pagina>
  );
}
