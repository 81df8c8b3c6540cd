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
import { Overzicht } from './pages/zaken/Overzicht.tsx';
import { Werkvoorraad } from './pages/zaken/Werkvoorraad.tsx';
import { ZaakDetail } from './pages/zaken/ZaakDetail.tsx';
import { ZaakNieuw } from './pages/zaken/ZaakNieuw.tsx';
import { ZaaktypeDetail, ZaaktypeNieuw, Zaaktypen } from './pages/zaken/Zaaktypen.tsx';
import { pcPagina } from './pages/pc/PcSectie.tsx';

export interface SectieProps {
  gemeente: SessieGemeente;
  /** The segment after the section: an id, "nieuw", or nothing. */
  id: string | undefined;
  zoek: URLSearchParams;
  /** Further path segments (only for a section with `diep`). */
  verder: string[];
}

export interface Sectie {
  /** The path segment after the gemeente code. */
  pad: string;
  /** Translation key of its name in the navigation. */
  label: string;
  /** Roles in the gemeente that may open it (the API checks the same). */
  rollen: readonly Rol[];
  /** Has pages below its items (e.g. /pc/{versie}/{programma}). */
  diep?: boolean;
  weergave(props: SectieProps): ReactNode;
}

const beheer: readonly Rol[] = ['beheerder'];
const zakenLezers: readonly Rol[] = ['behandelaar', 'teamleider', 'kcc-medewerker', 'beheerder'];
const leiding: readonly Rol[] = ['teamleider', 'beheerder'];

/** The sections of the app after the start page, in navigation order. */
export const SECTIES: readonly Sectie[] = [
  {
    pad: 'zaken',
    label: 'nav.zaken',
    rollen: zakenLezers,
    weergave: ({ gemeente, id, zoek }) =>
      id === 'nieuw' ? <ZaakNieuw gemeente={gemeente} /> : id ? <ZaakDetail gemeente={gemeente} id={id} /> : <Werkvoorraad gemeente={gemeente} zoek={zoek} />,
  },
  { pad: 'zaken-overzicht', label: 'nav.zakenOverzicht', rollen: leiding, weergave: ({ gemeente, id }) => (id ? null : <Overzicht gemeente={gemeente} />) },
  {
    pad: 'zaaktypen',
    label: 'nav.zaaktypen',
    rollen: beheer,
    weergave: ({ gemeente, id, zoek }) =>
      id === 'nieuw' ? <ZaaktypeNieuw gemeente={gemeente} /> : id ? <ZaaktypeDetail gemeente={gemeente} id={id} /> : <Zaaktypen gemeente={gemeente} zoek={zoek} />,
  },
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
  { pad: 'planning-control', label: 'nav.pc', rollen: ['pc-adviseur', 'beheerder'], diep: true, weergave: pcPagina },
];

export function magIn(gemeente: SessieGemeente, sectie: Sectie): boolean {
  return sectie.rollen.some((rol) => gemeente.rollen.includes(rol));
}
