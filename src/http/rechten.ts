import type { Rol } from '../db/schema.ts';

/**
 * The table of rights: every capability named once, with the roles (per gemeente) that hold it.
 * Routes declare `beleid('…')`, services ask `heeftRecht(rollen, '…')`, and the staff app reads
 * the same table to decide what to show. Changing who may do what is a change of this table
 * only; `test/rechten.snapshot.txt` (route → right → roles, `npm run rechten:snapshot`) makes
 * every such change visible in review. See ADR 0021.
 *
 * This file is imported by the staff app too: it holds data and pure functions only.
 */
export const RECHTEN = {
  /** Manage the gemeente: users, teams (changes), API tokens, zaaktypen, closure days, mailbox. */
  beheer: ['beheerder'],
  /** Read the audit log and the processing log. */
  logboekenLezen: ['beheerder'],
  /** Read the gemeente's teams and their members. */
  teamsLezen: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker', 'klachtcoordinator', 'secretaris-bezwaarcommissie'],
  /** Read zaken (queues, detail, documents) and the zaaktype catalogue. */
  zakenLezen: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker', 'klachtcoordinator', 'secretaris-bezwaarcommissie'],
  /** Register a zaak and add a note to one (the KCC does both). */
  zakenRegistreren: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker', 'klachtcoordinator'],
  /** Give a resident a new tracking link (the KCC on the phone, or the handler). */
  volgcodeVernieuwen: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker'],
  /** Handle zaken: claim, statuses, messages, suspensions, extensions, documents, closing. Also: who can be behandelaar. */
  zakenBehandelen: ['beheerder', 'teamleider', 'behandelaar', 'klachtcoordinator'],
  /**
   * The bezwaar procedure (ADR 0063): register a bezwaar with its contested besluit, record its steps (herstel, verdaging,
   * the informal route, hearing, advice, ingebrekestelling, decision) with their letters, and read the secretary's queue
   * and the hearings calendar. The secretary of the bezwaarcommissie plans and records the hearings and the advice.
   */
  bezwaarBehandelen: ['beheerder', 'teamleider', 'behandelaar', 'secretaris-bezwaarcommissie'],
  /** Lead: assign zaken to others (also in bulk) and see the team overview. */
  zakenLeiden: ['beheerder', 'teamleider'],
  /** See confidential zaken of every team (others see them only in their own team or when they handle them). */
  vertrouwelijkeZakenZien: ['beheerder'],
  /** Register a klantcontact (a call, a visit at the desk, a mail, a chat, a letter): everyone who speaks to residents. */
  klantcontactenRegistreren: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker'],
  /** Read the gemeente's klantcontacten (with the person's data): the KCC and who leads it. */
  klantcontactenLezen: ['beheerder', 'teamleider', 'kcc-medewerker'],
  /** The journeys per product (ADR 0081): counts and times only, over the zaken the user may see; for teamleiders, management (pc-adviseur) and the KCC. */
  klantreisStromenLezen: ['beheerder', 'teamleider', 'kcc-medewerker', 'pc-adviseur'],
  /** Make a contactverzoek (callback request) for a team or a staff member, and read the norms per onderwerp: everyone who speaks to residents. */
  contactverzoekenMaken: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker'],
  /** See the queue of callback requests of one's own teams and handle them (the service checks team or person). */
  contactverzoekenBehandelen: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker'],
  /** Search and read the knowledge base: every staff role except external partners. */
  kennisbankLezen: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker', 'webredacteur', 'pc-adviseur'],
  /** Write articles and answer reports, for one's own teams (the service checks the owning team). */
  kennisbankBewerken: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker', 'webredacteur'],
  /** Report that information or a process is wrong, and see the answers: any staff member (doel 7). */
  kennisMelden: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker', 'webredacteur', 'pc-adviseur'],
  /** Read the P&C register (documents, versions, chapters, comparisons, deviations). */
  pcLezen: ['beheerder', 'pc-adviseur', 'teamleider', 'behandelaar', 'kcc-medewerker', 'webredacteur'],
  /** Change the P&C register: import, edit, offer and adopt versions. */
  pcBewerken: ['beheerder', 'pc-adviseur'],
  /** Import call records from the telephony platform (KCC service levels): the KCC's teamleider, or a beheerder (also as an API token of the platform). */
  kccGesprekkenImporteren: ['beheerder', 'teamleider'],
  /** Read the gemeente's KPI values and norms (the work measured: leading it and accounting for it). */
  kpiLezen: ['beheerder', 'teamleider', 'pc-adviseur'],
  /**
   * Open the zaken behind a KPI value (the drill-down, ADR 0082): who leads the work. A confidential zaak the user may not
   * see is counted but not listed (vertrouwelijkeZakenZien, the zaak's team and behandelaar decide, as in the queues).
   */
  kpiZakenInzien: ['beheerder', 'teamleider'],
  /** Set the gemeente's norms and targets for KPIs. */
  kpiBeheren: ['beheerder', 'pc-adviseur'],
  /** Forward a melding openbare ruimte to an external partner (ADR 0056): who handles zaken. */
  meldingenDoorzetten: ['beheerder', 'teamleider', 'behandelaar'],
  /** Merge duplicate meldingen into a main melding and decide on reopen requests after a "nee" (ADR 0074): who handles zaken; the service also requires the melding's team (or beheerder). */
  meldingenSamenvoegen: ['beheerder', 'teamleider', 'behandelaar'],
  /** The partner's side of meldingen (ADR 0056): only the meldingen routed now to one's own partner organisation (the service checks it); report a status, add an "after" photo. */
  partnerMeldingen: ['externe-partner'],
  /** Manage the gemeente's Open311 API keys (clients such as FixMyStreet that post meldingen). */
  open311Beheren: ['beheerder'],
  /** Read the remarks on the gemeente's web pages, the pages ranked by share of "nee" and their trend: the webredactie and the vakafdelingen that own pages. */
  paginafeedbackLezen: ['beheerder', 'webredacteur', 'teamleider', 'behandelaar'],
  /** Mark a remark on a web page as handled (gecorrigeerd, aangevuld, herschreven in B1, geen actie). */
  paginafeedbackAfhandelen: ['beheerder', 'webredacteur', 'teamleider', 'behandelaar'],
  /** Edit the gemeente's products and services (producten- en dienstencatalogus): the website's editors and beheerders. */
  productenBeheren: ['beheerder', 'webredacteur'],
  /** The desk view of today's appointments: check a resident in, mark served or no-show; book on a caller's behalf. */
  afsprakenBalie: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker'],
  /** Set up the balie (ADR 0085): locations with opening hours, desks and the products they serve, closures of a location or desk. */
  afsprakenInrichten: ['beheerder'],
  /** Read that set-up (which desks serve what, when a location is closed): who works at the balie or books for a caller. */
  afsprakenInrichtingLezen: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker'],
  /** Read the gemeente's calendar (closure days, which count in its service norms): every staff role. */
  kalenderLezen: ['beheerder', 'teamleider', 'behandelaar', 'kcc-medewerker', 'webredacteur', 'pc-adviseur', 'externe-partner', 'klachtcoordinator'],
  /** Define, start and close surveys of the inwonerspanel and invite its members: the researchers (pc-adviseur) and beheerders. Population margins are `beheer`. */
  enquetesBeheren: ['beheerder', 'pc-adviseur'],
  /** Read survey reports (weighted shares, never an individual) and the panel's make-up: who accounts for and improves the service. */
  enquetesLezen: ['beheerder', 'pc-adviseur', 'teamleider', 'webredacteur'],
  /** Register a klacht (Awb titel 9.1) and take its steps: informal contact, niet behandelen, hearing, verdaging, decision; see the klachten queue. */
  klachtenBehandelen: ['beheerder', 'klachtcoordinator', 'teamleider', 'behandelaar'],
  /** Read the yearly klachtenregister with the counts per team unhidden (9:12a), and every verbetermaatregel. */
  klachtenregisterLezen: ['beheerder', 'klachtcoordinator', 'teamleider', 'pc-adviseur'],
  /** Set the gemeente's klacht settings: the informal-contact norm and the ombudsman named in the decision letter. */
  klachtenInstellen: ['beheerder', 'klachtcoordinator'],
  /** List the verbetermaatregelen of klachten (per owner team) and mark one carried out or dropped: the owning teams and the klachtcoördinator. */
  maatregelenBijwerken: ['beheerder', 'klachtcoordinator', 'teamleider', 'behandelaar'],
  /** Set the gemeente's own wording of letters (intro, contact line, signature; per group of letters and language, ADR 0071). */
  brieftekstenBeheren: ['beheerder'],
} as const satisfies Record<string, readonly Rol[]>;

export type Recht = keyof typeof RECHTEN;

/**
 * The policy of a route bound to a right: a caller needs one of the right's roles in the gemeente
 * of the route's `:gemeente` parameter. It names the right, never the roles: those are looked up in
 * `RECHTEN` when a request comes in, so no route carries a role list of its own.
 */
export interface RechtBeleid {
  toegang: 'rollen';
  recht: Recht;
}

/** The access policy of a route that needs this right (see `RechtBeleid`). */
export function beleid(recht: Recht): RechtBeleid {
  return { toegang: 'rollen', recht };
}

/** Whether someone holding these roles (in one gemeente) has this right there. */
export function heeftRecht(rollen: readonly Rol[], recht: Recht): boolean {
  const houders: readonly Rol[] = RECHTEN[recht];
  return rollen.some((rol) => houders.includes(rol));
}
