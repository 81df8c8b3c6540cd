import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useTaal } from '../i18n/i18n.tsx';
import { Link, meldingBijPagina, neemFocusOver } from '../router.tsx';
import { Statusmelding } from './Melding.tsx';

/** The name of the gemeente the staff member works in now (for the document title). */
export const GemeenteNaam = createContext<string | undefined>(undefined);

interface PaginaProps {
  titel: string;
  /** A link back (e.g. to the list), below the heading and its message. */
  terug?: { naar: string; tekst: string };
  /** Take the focus on the first render too (a new step without a navigation). */
  focus?: boolean;
  children?: ReactNode;
}

/** One view: its h1, the document title, the focus on the h1 after a navigation, the message it brought, and its link back. */
export function Pagina({ titel, terug, focus = false, children }: PaginaProps) {
  const { t } = useTaal();
  const gemeente = useContext(GemeenteNaam);
  const kop = useRef<HTMLHeadingElement>(null);
  const melding = meldingBijPagina();
  useEffect(() => {
    document.title = [titel, gemeente, t('app.naam')].filter(Boolean).join(' – ');
  }, [t, titel, gemeente]);
  useEffect(() => {
    if (neemFocusOver() || focus) kop.current?.focus();
  }, [focus]);
  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1} ref={kop}>
        {titel}
      </h1>
      <Statusmelding tekst={melding} />
      {terug && (
        <p className="utrecht-paragraph">
          <Link naar={terug.naar}>{terug.tekst}</Link>
        </p>
      )}
      {children}
    </>
  );
}
