import type { ReactNode } from 'react';
import { useTaal } from '../i18n/i18n.tsx';

/** The language switch: names the other language in that language. */
function TaalKnop() {
  const { taal, zetTaal, t } = useTaal();
  const ander = taal === 'nl' ? 'en' : 'nl';
  return (
    <button type="button" className="loket-taal" lang={ander} onClick={() => zetTaal(ander)}>
      {t('app.andereTaal')}
    </button>
  );
}

/** Skip link, header (app name, actions, language), optional navigation, and the main landmark. */
export function Opmaak({ acties, nav, children }: { acties?: ReactNode; nav?: ReactNode; children: ReactNode }) {
  const { t } = useTaal();
  return (
    <>
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        {t('app.naarInhoud')}
      </a>
      <header className="loket-header">
        <p className="loket-header__naam">{t('app.naam')}</p>
        <div className="loket-header__acties">
          {acties}
          <TaalKnop />
        </div>
      </header>
      {nav}
      <main id="inhoud" tabIndex={-1} className="loket-main">
        {children}
      </main>
    </>
  );
}
