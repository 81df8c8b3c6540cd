import type { ReactNode } from 'react';
import { heeftRecht, type Recht } from '../../../src/http/rechten.ts';
import type { SessieGemeente } from './api.ts';
import { ApiTokenNieuw, ApiTokens } from './pages/ApiTokens.tsx';
import { AfspraakLocatie, AfspraakLocaties } from './pages/afspraken/Locaties.tsx';
import { Auditlog } from './pages/Auditlog.tsx';
import { BerichtLezen, Berichten } from './pages/Berichten.tsx';
import { BezwaarDetail, Bezwaren } from './pages/Bezwaren.tsx';
import { GebruikerDetail } from './pages/GebruikerDetail.tsx';
import { Klachten } from './pages/Klachten.tsx';
import { Briefteksten } from './pages/klachten/Briefteksten.tsx';
import { KlachtNieuw } from './pages/klachten/KlachtNieuw.tsx';
import { KlachtMaatregelen } from './pages/klachten/KlachtMaatregelen.tsx';
import { GebruikerNieuw, Gebruikers } from './pages/Gebruikers.tsx';
import { Paginafeedback, PaginafeedbackDetail } from './pages/Paginafeedback.tsx';
import { enquetesPagina } from './pages/enquetes/Enquetes.tsx';
import { Kto } from './pages/enquetes/Kto.tsx';
import { Panel } from './pages/enquetes/Panel.tsx';
import { Sluitingsdagen } from './pages/Sluitingsdagen.tsx';
import { FormulierDetail, FormulierNieuw, Formulieren } from './pages/formulieren/Formulieren.tsx';
import { TeamDetail } from './pages/TeamDetail.tsx';
import { TeamNieuw, Teams } from './pages/Teams.tsx';
import { Verwerkingen } from './pages/Verwerkingen.tsx';
import { Overzicht } from './pages/zaken/Overzicht.tsx';
import { Werkvoorraad } from './pages/zaken/Werkvoorraad.tsx';
import { ZaakDetail } from './pages/zaken/ZaakDetail.tsx';
import { ZaakNieuw } from './pages/zaken/ZaakNieuw.tsx';
import { ZaaktypeDetail, ZaaktypeNieuw, Zaaktypen } from './pages/zaken/Zaaktypen.tsx';
import { pcPagina } from './pages/pc/PcSectie.tsx';
import { ContactverzoekDetail, Contactverzoeken } from './pages/kcc/Contactverzoeken.tsx';
import { Kcc } from './pages/kcc/Kcc.tsx';
import { Klantreis } from './pages/kcc/Klantreis.tsx';
import { KlantreisStromen } from './pages/klantreizen/KlantreisStromen.tsx';
import { kennisbankPagina } from './pages/kcc/Kennisbank.tsx';
import { KCC_KPIS, Kpis } from './pages/kpi/Kpis.tsx';
import { KpiZaken } from './pages/kpi/KpiZaken.tsx';
import { useTaal } from './i18n/i18n.tsx';
import { MeldingDetail } from './pages/meldingen/MeldingDetail.tsx';
import { Meldingen } from './pages/meldingen/Meldingen.tsx';
import { PartnerMelding, PartnerMeldingen } from './pages/meldingen/PartnerMeldingen.tsx';
import { Open311Sleutels, PartnerBewerken, Partners } from './pages/meldingen/Partners.tsx';
import { KccMelding } from './pages/kcc/KccMelding.tsx';

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
  /** The right (src/http/rechten.ts) needed in the gemeente to open it: the API checks the same. */
  recht: Recht;
  /** Has pages below its items (e.g. /pc/{versie}/{programma}). */
  diep?: boolean;
  weergave(props: SectieProps): ReactNode;
}

/** The sections of the app after the start page, in navigation order. */
export const SECTIES: readonly Sectie[] = [
  {
    pad: 'zaken',
    label: 'nav.zaken',
    recht: 'zakenLezen',
    weergave: ({ gemeente, id, zoek }) =>
      id === 'nieuw' ? <ZaakNieuw gemeente={gemeente} /> : id ? <ZaakDetail gemeente={gemeente} id={id} /> : <Werkvoorraad gemeente={gemeente} zoek={zoek} />,
  },
  {
    pad: 'meldingen',
    label: 'nav.meldingen',
    recht: 'zakenLezen',
    weergave: ({ gemeente, id, zoek }) => (id ? <MeldingDetail gemeente={gemeente} id={id} /> : <Meldingen gemeente={gemeente} zoek={zoek} />),
  },
  {
    pad: 'partner-meldingen',
    label: 'nav.partnerMeldingen',
    recht: 'partnerMeldingen',
    weergave: ({ gemeente, id }) => (id ? <PartnerMelding gemeente={gemeente} id={id} /> : <PartnerMeldingen gemeente={gemeente} />),
  },
  {
    pad: 'melding-partners',
    label: 'nav.meldingPartners',
    recht: 'beheer',
    weergave: ({ gemeente, id }) => (id ? <PartnerBewerken key={id} gemeente={gemeente} id={id} /> : <Partners gemeente={gemeente} />),
  },
  { pad: 'open311-sleutels', label: 'nav.open311', recht: 'open311Beheren', weergave: ({ gemeente, id }) => (id ? null : <Open311Sleutels gemeente={gemeente} />) },
  // The KCC (ADR 0058): register a call, the callback queue, the knowledge base with its correction loop.
  // …/kcc/klantreis: one resident's journey (issue 10), for who may read klantcontacten (the API checks it).
  // A melding openbare ruimte for a caller (/kcc/melding): the resident form's flow, the same API.
  {
    pad: 'kcc',
    label: 'nav.kcc',
    recht: 'klantcontactenRegistreren',
    weergave: ({ gemeente, id, zoek }) => (id === 'klantreis' ? <Klantreis gemeente={gemeente} zoek={zoek} /> : id === 'melding' ? <KccMelding gemeente={gemeente} /> : id ? null : <Kcc gemeente={gemeente} />),
  },
  {
    pad: 'contactverzoeken',
    label: 'nav.contactverzoeken',
    recht: 'contactverzoekenBehandelen',
    weergave: ({ gemeente, id, zoek }) => (id ? <ContactverzoekDetail gemeente={gemeente} id={id} /> : <Contactverzoeken gemeente={gemeente} zoek={zoek} />),
  },
  { pad: 'kennisbank', label: 'nav.kennisbank', recht: 'kennisbankLezen', diep: true, weergave: kennisbankPagina },
  {
    pad: 'bezwaren',
    label: 'nav.bezwaren',
    recht: 'bezwaarBehandelen',
    weergave: ({ gemeente, id }) => (id ? <BezwaarDetail gemeente={gemeente} id={id} /> : <Bezwaren gemeente={gemeente} />),
  },
  { pad: 'zaken-overzicht', label: 'nav.zakenOverzicht', recht: 'zakenLeiden', weergave: ({ gemeente, id }) => (id ? null : <Overzicht gemeente={gemeente} />) },
  { pad: 'klachten', label: 'nav.klachten', recht: 'klachtenBehandelen', weergave: ({ gemeente, id }) => (id === 'nieuw' ? <KlachtNieuw gemeente={gemeente} /> : id ? null : <Klachten gemeente={gemeente} />) },
  { pad: 'klacht-maatregelen', label: 'nav.klachtMaatregelen', recht: 'maatregelenBijwerken', weergave: ({ gemeente, id }) => (id ? null : <KlachtMaatregelen gemeente={gemeente} />) },
  { pad: 'briefteksten', label: 'nav.briefteksten', recht: 'brieftekstenBeheren', weergave: ({ gemeente, id }) => (id ? null : <Briefteksten gemeente={gemeente} />) },
  {
    pad: 'zaaktypen',
    label: 'nav.zaaktypen',
    recht: 'beheer',
    weergave: ({ gemeente, id, zoek }) =>
      id === 'nieuw' ? <ZaaktypeNieuw gemeente={gemeente} /> : id ? <ZaaktypeDetail gemeente={gemeente} id={id} /> : <Zaaktypen gemeente={gemeente} zoek={zoek} />,
  },
  // The form editor (ADR 0064): concept → published (immutable) → withdrawn, per zaaktype version.
  {
    pad: 'formulieren',
    label: 'nav.formulieren',
    recht: 'beheer',
    weergave: ({ gemeente, id, zoek }) =>
      id === 'nieuw' ? <FormulierNieuw gemeente={gemeente} /> : id ? <FormulierDetail gemeente={gemeente} id={id} /> : <Formulieren gemeente={gemeente} zoek={zoek} />,
  },
  {
    pad: 'gebruikers',
    label: 'nav.gebruikers',
    recht: 'beheer',
    weergave: ({ gemeente, id, zoek }) =>
      id === 'nieuw' ? <GebruikerNieuw gemeente={gemeente} /> : id ? <GebruikerDetail gemeente={gemeente} id={id} /> : <Gebruikers gemeente={gemeente} zoek={zoek} />,
  },
  {
    pad: 'teams',
    label: 'nav.teams',
    recht: 'beheer',
    weergave: ({ gemeente, id, zoek }) =>
      id === 'nieuw' ? <TeamNieuw gemeente={gemeente} /> : id ? <TeamDetail gemeente={gemeente} id={id} /> : <Teams gemeente={gemeente} zoek={zoek} />,
  },
  {
    pad: 'sluitingsdagen',
    label: 'nav.sluitingsdagen',
    recht: 'beheer',
    weergave: ({ gemeente, id, zoek }) => (id ? null : <Sluitingsdagen gemeente={gemeente} zoek={zoek} />),
  },
  // The balie's set-up (ADR 0085): locations, hours, desks and their products, closed days; beheerders change it, balie staff read it.
  {
    pad: 'afspraak-locaties',
    label: 'nav.afspraakLocaties',
    recht: 'afsprakenInrichtingLezen',
    weergave: ({ gemeente, id, zoek }) => (id ? <AfspraakLocatie key={id} gemeente={gemeente} id={id} zoek={zoek} /> : <AfspraakLocaties gemeente={gemeente} />),
  },
  {
    pad: 'api-tokens',
    label: 'nav.apiTokens',
    recht: 'beheer',
    weergave: ({ gemeente, id, zoek }) => (id === 'nieuw' ? <ApiTokenNieuw gemeente={gemeente} /> : id ? null : <ApiTokens gemeente={gemeente} zoek={zoek} />),
  },
  { pad: 'auditlog', label: 'nav.auditlog', recht: 'logboekenLezen', weergave: ({ gemeente, id, zoek }) => (id ? null : <Auditlog gemeente={gemeente} zoek={zoek} />) },
  {
    pad: 'verwerkingen',
    label: 'nav.verwerkingen',
    recht: 'logboekenLezen',
    weergave: ({ gemeente, id, zoek }) => (id ? null : <Verwerkingen gemeente={gemeente} zoek={zoek} />),
  },
  {
    pad: 'berichten',
    label: 'nav.berichten',
    recht: 'beheer',
    weergave: ({ gemeente, id, zoek }) => (id ? <BerichtLezen gemeente={gemeente} id={id} /> : <Berichten gemeente={gemeente} zoek={zoek} />),
  },
  {
    pad: 'paginafeedback',
    label: 'nav.paginafeedback',
    recht: 'paginafeedbackLezen',
    weergave: ({ gemeente, id }) => (id ? <PaginafeedbackDetail gemeente={gemeente} id={id} /> : <Paginafeedback gemeente={gemeente} />),
  },
  // The inwonerspanel and its surveys (ADR 0068) and the question after closing (ADR 0052), from their published API.
  { pad: 'enquetes', label: 'nav.enquetes', recht: 'enquetesLezen', diep: true, weergave: enquetesPagina },
  { pad: 'inwonerspanel', label: 'nav.inwonerspanel', recht: 'enquetesLezen', weergave: ({ gemeente, id }) => (id ? null : <Panel gemeente={gemeente} />) },
  { pad: 'kto', label: 'nav.kto', recht: 'beheer', weergave: ({ gemeente, id }) => (id ? null : <Kto gemeente={gemeente} />) },
  // The KPI register (ADR 0067): the teamleider's KCC dashboard and every registered KPI, from the published KPI API.
  { pad: 'kcc-dashboard', label: 'nav.kccDashboard', recht: 'kpiLezen', weergave: ({ gemeente, id }) => (id ? null : <KccDashboard gemeente={gemeente} />) },
  // /kpis/{kpi}?periodeVan=…&periodeTot=…&deel=…: the zaken behind a value (ADR 0082).
  { pad: 'kpis', label: 'nav.kpis', recht: 'kpiLezen', weergave: ({ gemeente, id, zoek }) => (id ? <KpiZaken gemeente={gemeente} kpi={id} zoek={zoek} /> : <AlleKpis gemeente={gemeente} />) },
  // The customer journeys per product (ADR 0081): the flow, its tables, where journeys stall, and the repeat contacts.
  { pad: 'klantreizen', label: 'nav.klantreizen', recht: 'klantreisStromenLezen', weergave: ({ gemeente, id, zoek }) => (id ? null : <KlantreisStromen gemeente={gemeente} zoek={zoek} />) },
  // The register's workplace (import, edit, adopt); others read what it publishes.
  { pad: 'planning-control', label: 'nav.pc', recht: 'pcBewerken', diep: true, weergave: pcPagina },
];

export function magIn(gemeente: SessieGemeente, sectie: Sectie): boolean {
  return heeftRecht(gemeente.rollen, sectie.recht);
}

function KccDashboard({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  return <Kpis gemeente={gemeente} alleen={KCC_KPIS} titel={t('kpi.kccTitel')} />;
}

function AlleKpis({ gemeente }: { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  return <Kpis gemeente={gemeente} titel={t('kpi.alleTitel')} />;
}
