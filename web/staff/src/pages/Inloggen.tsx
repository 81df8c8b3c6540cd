import { useState } from 'react';
import { api, zetCsrfToken, type AanmeldStap, type Sessie } from '../api.ts';
import { Formulier, Knop, Veld, useFormulier } from '../components/Formulier.tsx';
import { Opmaak } from '../components/Opmaak.tsx';
import { Pagina } from '../components/Pagina.tsx';
import { useTaal } from '../i18n/i18n.tsx';

/** "ABCDEFGH…" as "ABCD EFGH …": easier to type over. */
function inBlokken(geheim: string): string {
  return geheim.match(/.{1,4}/g)?.join(' ') ?? geheim;
}

function WachtwoordStap({ focus, onVerder }: { focus: boolean; onVerder(stap: AanmeldStap): void }) {
  const { t } = useTaal();
  const formulier = useFormulier({ email: '', wachtwoord: '' });

  async function meldAan() {
    const { data } = await api.post<AanmeldStap>('/sessie', { body: formulier.waarden, aanmelden: true });
    zetCsrfToken(data.csrfToken);
    onVerder(data);
  }

  return (
    <Pagina titel={t('inloggen.titel')} focus={focus}>
      <p className="utrecht-paragraph">{t('inloggen.intro')}</p>
      <Formulier formulier={formulier} onVerstuur={meldAan} knop={t('inloggen.verder')} meldingen={{ 401: t('inloggen.onjuist') }}>
        <Veld label={t('veld.email')} type="email" autoComplete="username" required {...formulier.tekst('email')} />
        <Veld label={t('veld.wachtwoord')} type="password" autoComplete="current-password" required {...formulier.tekst('wachtwoord')} />
      </Formulier>
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
  const formulier = useFormulier({ code: '' });
  const instellen = stap.stap === 'totp-instellen';

  async function meldAan() {
    const { data } = await api.post<Sessie>('/sessie/totp', { body: { code: formulier.waarden.code.replaceAll(/\s/g, '') }, aanmelden: true });
    onIngelogd(data);
  }

  return (
    <Pagina titel={instellen ? t('inloggen.instellenTitel') : t('inloggen.codeTitel')} focus>
      {instellen ? <Instructies stap={stap} /> : <p className="utrecht-paragraph">{t('inloggen.codeIntro')}</p>}
      <Formulier
        formulier={formulier}
        onVerstuur={meldAan}
        knop={t('inloggen.inloggen')}
        knoppen={
          <Knop soort="subtle" onClick={onOpnieuw}>
            {t('inloggen.opnieuw')}
          </Knop>
        }
        meldingen={{ 401: t('inloggen.codeOnjuist'), 'code-al-gebruikt': t('inloggen.codeAlGebruikt') }}
      >
        <Veld label={t('veld.code')} uitleg={t('inloggen.codeUitleg')} inputMode="numeric" autoComplete="one-time-code" maxLength={7} required {...formulier.tekst('code')} />
      </Formulier>
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
