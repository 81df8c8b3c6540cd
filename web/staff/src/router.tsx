import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** Where the server serves the app (Vite's base, without the trailing slash). */
export const BASIS = '/medewerkers';

const luisteraars = new Set<() => void>();
let focusNaNavigatie = false;
let vorige = huidig();

function huidig(): string {
  return location.pathname + location.search;
}

function meld(): void {
  const nu = huidig();
  // A jump to an anchor on the same page (skip link) is no navigation.
  if (nu === vorige) return;
  vorige = nu;
  focusNaNavigatie = true;
  for (const luisteraar of luisteraars) luisteraar();
}

window.addEventListener('popstate', meld);

function abonneer(luisteraar: () => void): () => void {
  luisteraars.add(luisteraar);
  return () => luisteraars.delete(luisteraar);
}

/**
 * Goes to a path inside the app, e.g. navigeer('/GM0384/gebruikers'). A melding is shown as a
 * status message on the new page (kept in the history entry).
 */
export function navigeer(naar: string, { vervang = false, melding }: { vervang?: boolean; melding?: string } = {}): void {
  const staat = melding ? { melding } : null;
  if (vervang) history.replaceState(staat, '', BASIS + naar);
  else history.pushState(staat, '', BASIS + naar);
  meld();
}

/** The status message the navigation to this page brought along. */
export function meldingBijPagina(): string | undefined {
  const staat: unknown = history.state;
  return staat && typeof staat === 'object' && 'melding' in staat && typeof staat.melding === 'string' ? staat.melding : undefined;
}

/** True once after a navigation inside the app: the new page then takes the focus. */
export function neemFocusOver(): boolean {
  const waarde = focusNaNavigatie;
  focusNaNavigatie = false;
  return waarde;
}

export interface Locatie {
  /** The path inside the app, e.g. "/GM0384/gebruikers". */
  pad: string;
  segmenten: string[];
  zoek: URLSearchParams;
  /** Path and query: the key of the current view. */
  sleutel: string;
}

export function useLocatie(): Locatie {
  const sleutel = useSyncExternalStore(abonneer, huidig);
  const [pad = '', query = ''] = sleutel.split('?');
  const binnen = pad.startsWith(BASIS) ? pad.slice(BASIS.length) || '/' : pad;
  return {
    pad: binnen,
    segmenten: binnen.split('/').filter(Boolean).map(decodeURIComponent),
    zoek: new URLSearchParams(query),
    sleutel: binnen + (query ? `?${query}` : ''),
  };
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { naar: string };

/** A link inside the app: a real href, navigated without a page load. */
export function Link({ naar, className = 'utrecht-link utrecht-link--html-a', onClick, children, ...rest }: LinkProps) {
  function klik(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigeer(naar);
  }
  return (
    <a href={BASIS + naar} className={className} onClick={klik} {...rest}>
      {children}
    </a>
  );
}
