import { useState, type FormEvent } from 'react';
import { api, zetCsrfToken, type AanmeldStap, type Sessie } from '../api.ts';
import { FoutSamenvatting, Knop, Veld, useVerzenden } from '../components/Formulier.tsx';
import { Opmaak } from '../components/Opmaak.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { useTaal } from '../i18n/i18n.tsx';

/** "ABCDEFGH…" as "ABCD EFGH …": easier to type over. */
function inBlokken(geheim: string): string {
  return geheim.match(/.{1,4}/g)?.join(' ') ?? geheim;
}

function WachtwoordStap({ focus, onVerder }: { focus: boolean; onVerder(stap: AanmeldStap): void }) {
  const { t } = useTaal();
  const [email, setEmail] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const { fout, bezig, verzend } = useVerzenden();

  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      const { data } = await api.post<AanmeldStap>('/sessie', { body: { email, wachtwoord }, aanmelden: true });
      zetCsrfToken(data.csrfToken);
      onVerder(data);
    });
  }

  return (
    <Pagina titel={t('inloggen.titel')} focus={focus}>
      <p className="utrecht-paragraph">{t('inloggen.intro')}</p>
      <form className="loket-form" onSubmit={verstuur} noValidate>
        <FoutSamenvatting fout={fout} velden={{ email: 'email', wachtwoord: 'wachtwoord' }} meldingen={{ 401: t('inloggen.onjuist') }} />
        <Veld id="email" label={t('veld.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} fout={fout?.veld('email')} />
        <Veld
          id="wachtwoord"
          label={t('veld.wachtwoord')}
          type="password"
          autoComplete="current-password"
          required
          value={wachtwoord}
          onChange={(e) => setWachtwoord(e.target.value)}
          fout={fout?.veld('wachtwoord')}
        />
        <div>
          <Knop type="submit" bezig={bezig}>
            {t('inloggen.verder')}
          </Knop>
        </div>
      </form>
    </Pagina>
  );
}

function Instructies({ stap }: { stap: AanmeldStap }) {
  const { t } = useTaal();
  return (
    <>
      <p className="utrecht-paragraph">{t('inloggen.instellenIntro')}</p>
      <ol className="utrecht-ordered-list">
        <li className="utrecht-ordered-list__item">{t('inloggen.instellenApp')}</li>
        <li className="utrecht-ordered-list__item">{t('inloggen.instellenToevoegen')}</li>
        <li className="utrecht-ordered-list__item">
          {t('inloggen.instellenSleutel')}{' '}
          <code className="loket-geheim" aria-describedby="sleutel-uitleg">
            {inBlokken(stap.geheim ?? '')}
          </code>
          <span id="sleutel-uitleg"> {t('inloggen.instellenSleutelUitleg')}</span>
        </li>
        <li className="utrecht-ordered-list__item">{t('inloggen.instellenCode')}</li>
      </ol>
      <p className="utrecht-paragraph">{t('inloggen.instellenLink')}</p>
      <p className="utrecht-paragraph">
        <code className="loket-breek">{stap.otpauthUri}</code>
      </p>
    </>
  );
}

function CodeStap({ stap, onIngelogd, onOpnieuw }: { stap: AanmeldStap; onIngelogd(sessie: Sessie): void; onOpnieuw(): void }) {
  const { t } = useTaal();
  const [code, setCode] = useState('');
  const { fout, bezig, verzend } = useVerzenden();
  const instellen = stap.stap === 'totp-instellen';

  function verstuur(event: FormEvent) {
    event.preventDefault();
    void verzend(async () => {
      const { data } = await api.post<Sessie>('/sessie/totp', { body: { code: code.replaceAll(/\s/g, '') }, aanmelden: true });
      onIngelogd(data);
    });
  }

  return (
    <Pagina titel={instellen ? t('inloggen.instellenTitel') : t('inloggen.codeTitel')} focus>
      {instellen ? <Instructies stap={stap} /> : <p className="utrecht-paragraph">{t('inloggen.codeIntro')}</p>}
      <form className="loket-form" onSubmit={verstuur} noValidate>
        <FoutSamenvatting fout={fout} velden={{ code: 'code' }} meldingen={{ 401: t('inloggen.codeOnjuist') }} />
        <Veld
          id="code"
          label={t('veld.code')}
          uitleg={t('inloggen.codeUitleg')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          fout={fout?.veld('code')}
        />
        <div className="utrecht-button-group">
          <Knop type="submit" bezig={bezig}>
            {t('inloggen.inloggen')}
          </Knop>
          <Knop soort="subtle" onClick={onOpnieuw}>
            {t('inloggen.opnieuw')}
          </Knop>
        </div>
      </form>
    </Pagina>
  );
}

/** Login: e-mail and password, then the code from the authenticator app (set up on the first login). */
export function Inloggen({ onIngelogd }: { onIngelogd(sessie: Sessie): void }) {
  const [stap, setStap] = useState<AanmeldStap | null>();
  return (
    <Opmaak>
      {stap ? (
        <CodeStap stap={stap} onIngelogd={onIngelogd} onOpnieuw={() => setStap(null)} />
      ) : (
        <WachtwoordStap focus={stap === null} onVerder={setStap} />
      )}
    </Opmaak>
  );
}
