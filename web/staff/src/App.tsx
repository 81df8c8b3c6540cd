import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, bijNietIngelogd, zetCsrfToken, type Sessie } from './api.ts';
import { Pagina } from './components/Pagina.tsx';
import { useTaal } from './i18n/i18n.tsx';
import { Laadstatus } from './laden.tsx';
import { Inloggen } from './pages/Inloggen.tsx';
import { navigeer, useLocatie } from './router.tsx';
import { Schil } from './Schil.tsx';

/** Checks the session, then shows the login or the app; a 401 anywhere leads back to the login. */
export function App() {
  const { t } = useTaal();
  const { pad, segmenten, zoek } = useLocatie();
  // undefined: still asking the server.
  const [sessie, setSessie] = useState<Sessie | null>();
  const [laadfout, setLaadfout] = useState<ApiError>();

  const zet = useCallback((nieuw: Sessie | null) => {
    zetCsrfToken(nieuw?.csrfToken);
    setSessie(nieuw);
  }, []);

  useEffect(() => {
    bijNietIngelogd(() => zet(null));
    api.get<Sessie>('/sessie', { aanmelden: true }).then(
      ({ data }) => zet(data),
      (fout: unknown) => {
        if (fout instanceof ApiError && fout.status === 401) zet(null);
        else if (fout instanceof ApiError) setLaadfout(fout);
      },
    );
  }, [zet]);

  const opInlogpagina = segmenten[0] === 'inloggen';
  const start = sessie?.gemeenten[0] ? `/${sessie.gemeenten[0].code}` : undefined;
  useEffect(() => {
    if (sessie === null && !opInlogpagina) {
      if (pad === '/') navigeer('/inloggen', { vervang: true });
      else navigeer(`/inloggen?terug=${encodeURIComponent(pad)}`, { vervang: true, melding: t('inloggen.eerstInloggen') });
    } else if (sessie && (opInlogpagina || (pad === '/' && start))) {
      navigeer(start ?? '/', { vervang: true });
    }
  }, [sessie, opInlogpagina, pad, start, t]);

  if (laadfout) {
    return (
      <main className="loket-main">
        <Pagina titel={t('app.naam')}>
          <Laadstatus fout={laadfout} />
        </Pagina>
      </main>
    );
  }
  if (sessie === undefined || (sessie === null) !== opInlogpagina) return null;
  if (sessie === null) {
    const terug = zoek.get('terug');
    return <Inloggen onIngelogd={(nieuw) => {
      zet(nieuw);
      const eerste = nieuw.gemeenten[0];
      navigeer(terug?.startsWith('/') ? terug : eerste ? `/${eerste.code}` : '/');
    }} />;
  }
  return <Schil sessie={sessie} onUitgelogd={(melding) => {
    zet(null);
    navigeer('/inloggen', { melding });
  }} />;
}
