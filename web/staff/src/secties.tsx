import type { ReactNode } from 'react';
import type { Rol, SessieGemeente } from './api.ts';
import { ApiTokenNieuw, ApiTokens } from './pages/ApiTokens.tsx';
import { Auditlog } from './pages/Auditlog.tsx';
import { BerichtLezen, Berichten } from './pages/Berichten.tsx';
import { GebruikerDetail } from './pages/GebruikerDetail.tsx';
import { GebruikerNieuw, Gebruikers } from './pages/Gebruikers.tsx';
import { Sluitingsdagen } from './pages/Sluitingsdagen.tsx';
import { TeamDetail } from './pages/TeamDetail.tsx';
import { TeamNieuw, Teams } from './pages/Teams.tsx';
import { Verwerkingen } from './pages/Verwerkingen.tsx';

export interface SectieProps {
  gemeente: SessieGemeente;
  /** The segment after the section: an id, "nieuw", or nothing. */
  id: string | undefined;
  zoek: URLSearchParams;
}

export interface Sectie {
  /** The path segment after the gemeente code. */
  pad: string;
  /** Translation key of its name in the navigation. */
  label: string;
  /** Roles in the gemeente that may open it (the API checks the same). */
  rollen: readonly Rol[];
  weergave(props: SectieProps): ReactNode;
}

const beheer: readonly Rol[] = ['beheerder'];

/** The sections of the app after the start page, in navigation order. */
export const SECTIES: readonly Sectie[] = [
  {
    pad: 'gebruikers',
    label: 'nav.gebruikers',
    rollen: beheer,
    weergave: ({ gemeente, id, zoek }) =>
      id === 'nieuw' ? <GebruikerNieuw gemeente={gemeente} /> : id ? <GebruikerDetail gemeente={gemeente} id={id} /> : <Gebruikers gemeente={gemeente} zoek={zoek} />,
  },
  {
    pad: 'teams',
    label: 'nav.teams',
    rollen: beheer,
    weergave: ({ gemeente, id, zoek }) =>
      id === 'nieuw' ? <TeamNieuw gemeente={gemeente} /> : id ? <TeamDetail gemeente={gemeente} id={id} /> : <Teams gemeente={gemeente} zoek={zoek} />,
  },
  {
    pad: 'sluitingsdagen',
    label: 'nav.sluitingsdagen',
    rollen: beheer,
    weergave: ({ gemeente, id, zoek }) => (id ? null : <Sluitingsdagen gemeente={gemeente} zoek={zoek} />),
  },
  {
    pad: 'api-tokens',
    label: 'nav.apiTokens',
    rollen: beheer,
    weergave: ({ gemeente, id, zoek }) => (id === 'nieuw' ? <ApiTokenNieuw gemeente={gemeente} /> : id ? null : <ApiTokens gemeente={gemeente} zoek={zoek} />),
  },
  { pad: 'auditlog', label: 'nav.auditlog', rollen: beheer, weergave: ({ gemeente, id, zoek }) => (id ? null : <Auditlog gemeente={gemeente} zoek={zoek} />) },
  {
    pad: 'verwerkingen',
    label: 'nav.verwerkingen',
    rollen: beheer,
    weergave: ({ gemeente, id, zoek }) => (id ? null : <Verwerkingen gemeente={gemeente} zoek={zoek} />),
  },
  {
    pad: 'berichten',
    label: 'nav.berichten',
    rollen: beheer,
    weergave: ({ gemeente, id, zoek }) => (id ? <BerichtLezen gemeente={gemeente} id={id} /> : <Berichten gemeente={gemeente} zoek={zoek} />),
  },
];

export function magIn(gemeente: SessieGemeente, sectie: Sectie): boolean {
  return sectie.rollen.some((rol) => gemeente.rollen.includes(rol));
}
