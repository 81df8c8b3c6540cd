import { createInstance, type TFunction } from 'i18next';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zetApiTaal } from '../api.ts';
import en from './en.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };

export type Taal = 'nl' | 'en';
const OPSLAG = 'loket-medewerkers-taal';

const i18n = createInstance();
void i18n.init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: 'nl',
  fallbackLng: 'nl',
  initAsync: false,
  interpolation: { escapeValue: false },
});

function beginTaal(): Taal {
  const opgeslagen = localStorage.getItem(OPSLAG);
  const taal = opgeslagen === 'en' || opgeslagen === 'nl' ? opgeslagen : 'nl';
  zetApiTaal(taal);
  return taal;
}

interface TaalContext {
  taal: Taal;
  zetTaal(taal: Taal): void;
  t: TFunction;
}

const Context = createContext<TaalContext | null>(null);

/** Holds the chosen language; sets <html lang> and tells the API client. */
export function TaalProvider({ children }: { children: ReactNode }) {
  const [taal, setTaal] = useState<Taal>(beginTaal);
  useEffect(() => {
    document.documentElement.lang = taal;
  }, [taal]);
  const zetTaal = useCallback((nieuw: Taal) => {
    localStorage.setItem(OPSLAG, nieuw);
    zetApiTaal(nieuw);
    setTaal(nieuw);
  }, []);
  const waarde = useMemo(() => ({ taal, zetTaal, t: i18n.getFixedT(taal) }), [taal, zetTaal]);
  return <Context value={waarde}>{children}</Context>;
}

export function useTaal(): TaalContext {
  const context = useContext(Context);
  if (!context) throw new Error('useTaal buiten TaalProvider');
  return context;
}
