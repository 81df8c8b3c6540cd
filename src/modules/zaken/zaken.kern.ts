/**
 * The core the zaken service's parts share: who acts (staff, the system, the resident), who may
 * see a zaak, the zaaktype cache, and `wijzig` — the one frame in which every change to a zaak
 * happens (ADR 0012): lock, check version and visibility, append events, fold the history again,
 * store the projection with version + 1, in one transaction with any mail; audit after commit.
 */
import type { Transaction } from 'kysely';
import type { DB, Kanaal, Rol } from '../../db/schema.ts';
import { verouderd } from '../../http/etag.ts';
import { heeftRecht, RECHTEN } from '../../http/rechten.ts';
import type { Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { sha256 } from '../auth/auth.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { kalenderdag, type Sluitingsdagen } from '../termijnen/kalender.ts';
import { zaaktypenRepository, type ZaaktypeRecord, type ZaaktypenRepository } from '../zaaktypen/zaaktypen.repository.ts';
import { archiefactiedatum } from './zaken.bewaren.ts';
import type { IngelogdeInwoner } from './zaken.inwoner.ts';
import { geenRecht, ongeldig, zaakAfgesloten, zaakNietGevonden } from './zaken.errors.ts';
import type { Gebeurtenis, GebeurtenisInhoud } from './zaken.gebeurtenis.ts';
import { mailAanInwoner, voornaam, type MailSoort } from './zaken.mails.ts';
import { projecteer, type Projectie } from './zaken.projectie.ts';
import { BEPERKT_ZICHTBAAR, type GelezenBetrokkene, type ZaakQueries, type ZaakRij, type ZakenRepository } from './zaken.repository.ts';
import { willekeurigeBytes } from '../../willekeurig.ts';

/** A staff member (or an API token: `gebruiker` null) acting with their roles in the gemeente. */
export interface Wie {
  soort?: 'medewerker';
  context: Context;
  gebruiker: string | null;
  naam: string | null;
  rollen: readonly Rol[];
}

/**
 * Loket itself, on behalf of no person: the deadline watcher, a web form. Sees every zaak of
 * the gemeente; `naam` is what the timeline shows as the author (null: nobody is named).
 */
export interface Systeem {
  soort: 'systeem';
  context: Context;
  naam: string | null;
}

/**
 * How a resident reaches one zaak: by the tracking code they hold, or logged in ("Mijn zaken",
 * ADR 0077) on a zaak linked to their BSN key or verified e-mail address (checked on every change).
 */
export type InwonerToegang = { volgcode: string } | { ingelogd: IngelogdeInwoner; zaakId: string };

/** The resident: they may act on the one zaak of their tracking code or their login. */
export type Inwoner = { soort: 'inwoner'; context: Context } & InwonerToegang;

export type Actor = Wie | Systeem | Inwoner;

export interface ZakenDeps {
  repository: ZakenRepository;
  zaaktypen: ZaaktypenRepository;
  gemeenten: GemeentenRepository;
  berichten: Berichten;
  audit: AuditService;
  klok: Klok;
  /** The closure days of a gemeente (werkdagen norms skip them). */
  sluitingsdagen: (gemeente: string) => Promise<Sluitingsdagen>;
  /** The public base URL of the resident pages (tracking links). */
  publicUrl: string;
  /**
   * Called inside the closing transaction of every zaak (ADR 0052): another module (the question
   * after closing, kto) adds its own rows and queues its mail in `transactie`, so it happens
   * exactly when the closing commits. It must not write zaak tables.
   */
  naAfsluiten?: NaAfsluiten | undefined;
  /**
   * Residents who follow a zaak without being its betrokkene (a melding reported again: "houd
   * mij op de hoogte", ADR 0055): they get the mails about its progress (VOLGER_MAILS), without
   * the tracking link. Read inside the change's transaction.
   */
  volgers?: Volgers | undefined;
  /**
   * Whether a procedure module owns this zaak's term and closing (a bezwaar registered through the
   * bezwaar procedure, ADR 0063): the reason to give, or null. Then the generic suspension,
   * extension, term and closing are refused (409 `via-procedure`), so the zaak's deadline stays the
   * legal one the procedure records (verdaging, uitstel, herstel) and it closes only with its
   * decision and letter. Read inside the change's transaction.
   */
  procedureVan?: ((gemeente: string, zaakId: string, transactie: Transaction<DB>) => Promise<string | null>) | undefined;
}

export type Volgers = (gemeente: string, zaakId: string, transactie: Transaction<DB>) => Promise<{ email: string; taal: Taal }[]>;

/** The mails about a zaak's progress that its followers get too (not the personal ones: a question, a new code). */
export const VOLGER_MAILS: readonly MailSoort[] = ['status', 'verlenging', 'afsluiting'];

/** A zaak that is being closed, as the `naAfsluiten` port sees it. */
export interface AfgeslotenZaak {
  gemeente: Gemeente;
  zaakId: string;
  identificatie: string;
  onderwerp: string;
  /** The zaaktype's code. */
  zaaktype: string;
  /** The resident who asked (no e-mail address: nothing to send). */
  inwoner: { naam: string; email: string | null; taal: 'nl' | 'en' } | null;
  /** The team that has the zaak at closing (id) and the channel it came in through. */
  team: string;
  kanaal: Kanaal;
  op: string;
}

export type NaAfsluiten = (zaak: AfgeslotenZaak, binnen: { transactie: Transaction<DB>; berichten: Berichten }) => Promise<void>;

export const VERWERKING_ZAKEN = {
  verwerkingsactiviteit: 'loket:verwerkingsactiviteit:zaakbehandeling',
  grondslag: 'AVG art. 6 lid 1 sub e (taak van algemeen belang: behandeling van vragen, meldingen, klachten, bezwaren en aanvragen; Awb)',
  betrokkeneType: 'inwoner',
} as const;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A tracking code of 160 random bits in lowercase base32 (32 characters). */
export function nieuweVolgcode(): string {
  const bytes = willekeurigeBytes(20);
  let bits = 0;
  let waarde = 0;
  let code = '';
  for (const byte of bytes) {
    waarde = (waarde << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += BASE32[(waarde >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code;
}

/** Only the hash of a tracking code is kept (the project's one SHA-256 helper). */
export const volgcodeHash: (code: string) => string = sha256;
const VOLGCODE = /^[a-z2-7]{32}$/;

export function volgcodeUitTekst(tekst: string): string | null {
  const code = tekst.trim().toLowerCase();
  return VOLGCODE.test(code) ? code : null;
}

export function magBehandelen(wie: Wie): void {
  if (!heeftRecht(wie.rollen, 'zakenBehandelen')) throw geenRecht('Alleen behandelaars, teamleiders en beheerders kunnen dit.');
}

/** Returned by a step of `wijzig` that turns out to change nothing (no event, no new version). */
export const GEEN_WIJZIGING = Symbol('geen wijziging');

/** What happens inside a change: the zaak as it was, and how to append events and queue mail. */
export interface Wijziging {
  rij: ZaakRij;
  zaaktype: ZaaktypeRecord;
  voor: Projectie;
  betrokkene: GelezenBetrokkene | undefined;
  nu: string;
  vandaag: string;
  repo: ZaakQueries;
  transactie: Transaction<DB>;
  /** The history so far, including what this change appended. */
  gebeurtenissen: readonly Gebeurtenis[];
  /** The projection over the history so far (after what this change appended). */
  projectie(): Projectie;
  /** Appends an event by the acting one (staff member, system or resident). */
  voegToe(g: GebeurtenisInhoud & { extern: boolean }): Promise<Gebeurtenis>;
}

export type Stap = (w: Wijziging) => Promise<Record<string, unknown> | void | typeof GEEN_WIJZIGING>;

/** The projection of a zaak's history as of `dag`. */
export function projectieVan(rij: Pick<ZaakRij, 'ontvangstdatum'>, zaaktype: ZaaktypeRecord, gebeurtenissen: readonly Gebeurtenis[], dag: string, sluitingsdagen: Sluitingsdagen) {
  return projecteer({ ontvangstdatum: rij.ontvangstdatum, norm: zaaktype.norm, gebeurtenissen, vandaag: dag, sluitingsdagen });
}

/** Who an event is recorded as done by. */
export function auteur(actor: Actor): { doorGebruiker: string | null; doorNaam: string | null; doorInwoner: boolean } {
  if (actor.soort === 'inwoner') return { doorGebruiker: null, doorNaam: null, doorInwoner: true };
  if (actor.soort === 'systeem') return { doorGebruiker: null, doorNaam: actor.naam, doorInwoner: false };
  return { doorGebruiker: actor.gebruiker, doorNaam: actor.naam, doorInwoner: false };
}

export function zakenKern(deps: ZakenDeps) {
  const { repository, audit, klok, berichten } = deps;
  const zaaktypeCache = new Map<string, ZaaktypeRecord>();

  /**
   * A zaaktype version; published versions never change, so they are cached. Inside a
   * transaction pass `zaaktypen` on it (PGlite has one connection: a read beside the
   * transaction would wait for it).
   */
  async function zaaktypeVan(gemeente: string, id: string, zaaktypen: Pick<ZaaktypenRepository, 'opId'> = deps.zaaktypen): Promise<ZaaktypeRecord> {
    const sleutel = `${gemeente}:${id}`;
    const bekend = zaaktypeCache.get(sleutel);
    if (bekend) return bekend;
    const zaaktype = await zaaktypen.opId(gemeente, id);
    if (!zaaktype) throw new Error(`zaaktype ${id} ontbreekt`);
    if (zaaktype.status === 'gepubliceerd') zaaktypeCache.set(sleutel, zaaktype);
    return zaaktype;
  }

  async function gemeenteVan(code: string): Promise<Gemeente> {
    const gemeente = await deps.gemeenten.opCode(code);
    if (!gemeente) throw zaakNietGevonden();
    return gemeente;
  }

  const vandaag = () => kalenderdag(klok.nu());

  /**
   * Who may see a zaak. Staff: restricted zaken (ADR 0013) only for those who see confidential
   * zaken, the zaak's team and its behandelaar. The system: every zaak. The resident: the zaak
   * of their tracking code.
   */
  async function magZien(
    actor: Actor,
    gemeente: string,
    rij: Pick<ZaakRij, 'id' | 'vertrouwelijkheid' | 'team_id' | 'behandelaar_id' | 'volgcode_hash'>,
    repo: ZaakQueries = repository,
    inTeam?: boolean,
  ): Promise<boolean> {
    if (actor.soort === 'systeem') return true;
    if (actor.soort === 'inwoner') {
      if ('ingelogd' in actor) return rij.id === actor.zaakId && (await repo.isVanInwoner(gemeente, rij.id, actor.ingelogd));
      const code = volgcodeUitTekst(actor.volgcode);
      return code !== null && rij.volgcode_hash === volgcodeHash(code);
    }
    if (!BEPERKT_ZICHTBAAR.includes(rij.vertrouwelijkheid) || heeftRecht(actor.rollen, 'vertrouwelijkeZakenZien')) return true;
    if (actor.gebruiker === null) return false;
    if (rij.behandelaar_id === actor.gebruiker) return true;
    return inTeam ?? (await repo.teamsVan(gemeente, actor.gebruiker)).includes(rij.team_id);
  }

  /** A staff member who can be behandelaar in this gemeente (undefined when not). */
  const behandelaar = (gemeente: string, id: string, repo: ZaakQueries = repository) => repo.medewerker(gemeente, id, RECHTEN.zakenBehandelen);

  /** Resolves 'ik' or an id to a staff member who can handle zaken in this gemeente. */
  async function behandelaarVan(wie: Wie, gemeente: string, waarde: string | null, veld: string, repo: ZaakQueries = repository) {
    if (waarde === null) return null;
    const id = waarde === 'ik' ? wie.gebruiker : waarde;
    if (id === null) throw ongeldig(veld, 'geen-medewerker', "'ik' kan alleen een ingelogde medewerker zijn, geen API-token.");
    const medewerker = await behandelaar(gemeente, id, repo);
    if (!medewerker) throw ongeldig(veld, 'onbekende-behandelaar', 'Deze medewerker werkt niet als behandelaar in deze gemeente.');
    return medewerker;
  }

  async function teamVan(gemeente: string, id: string, veld: string, repo: ZaakQueries = repository) {
    const team = await repo.team(gemeente, id);
    if (!team) throw ongeldig(veld, 'onbekend-team', 'Dit team bestaat niet in deze gemeente.');
    return team;
  }

  /** The contact person the resident sees: the behandelaar's first name and the team. */
  async function contactVan(gemeente: string, rij: Pick<ZaakRij, 'team_id' | 'behandelaar_id'>, repo: ZaakQueries = repository) {
    if (!rij.behandelaar_id) return null;
    const [medewerker, team] = await Promise.all([behandelaar(gemeente, rij.behandelaar_id, repo), repo.team(gemeente, rij.team_id)]);
    const naam = voornaam(medewerker?.naam ?? null);
    return naam && team ? { naam, team: team.naam } : null;
  }

  function volglink(gemeente: Gemeente, taal: Taal, code: string): string {
    return `${deps.publicUrl}/${gemeente.slug}/${taal === 'en' ? 'en/' : ''}zaken/${code}`;
  }

  /**
   * One change inside a running transaction: lock the zaak, check visibility, version and
   * whether it is open, let `stap` append events, store the new projection with version + 1.
   * Returns the step's details and the new version, or GEEN_WIJZIGING.
   */
  async function wijzigIn(
    repo: ZaakQueries,
    transactie: Transaction<DB>,
    actor: Actor,
    gemeente: string,
    id: string,
    versie: number | null,
    stap: Stap,
    opties: { ookAfgesloten?: boolean; sluitingsdagen: Sluitingsdagen },
  ): Promise<{ details: Record<string, unknown>; versie: number } | typeof GEEN_WIJZIGING> {
    const { sluitingsdagen } = opties;
    const rij = await repo.voorWijziging(gemeente, id);
    if (!rij || !(await magZien(actor, gemeente, rij, repo))) throw zaakNietGevonden();
    if (versie !== null && rij.versie !== versie) throw verouderd();
    if (rij.afgesloten_op !== null && !opties.ookAfgesloten) throw zaakAfgesloten();
    const zaaktype = await zaaktypeVan(gemeente, rij.zaaktype_id, zaaktypenRepository(transactie));
    const gebeurtenissen = await repo.gebeurtenissen(gemeente, id);
    const nu = klok.nu().toISOString();
    const dag = kalenderdag(nu);
    const projectie = () => projectieVan(rij, zaaktype, gebeurtenissen, dag, sluitingsdagen);
    const door = auteur(actor);
    const details = await stap({
      rij,
      zaaktype,
      voor: projectie(),
      betrokkene: await repo.betrokkene(gemeente, id),
      nu,
      vandaag: dag,
      repo,
      transactie,
      gebeurtenissen,
      projectie,
      voegToe: async (g) => {
        const nieuw = await repo.voegGebeurtenisToe(gemeente, id, { ...g, ...door, op: nu });
        gebeurtenissen.push(nieuw);
        return nieuw;
      },
    });
    if (details === GEEN_WIJZIGING) return GEEN_WIJZIGING;
    const na = projectie();
    const resultaattype = na.resultaattypeId ? zaaktype.resultaattypen.find((r) => r.id === na.resultaattypeId) : undefined;
    const opgeslagen = await repo.werkBij(gemeente, id, rij.versie, {
      teamId: na.teamId,
      behandelaarId: na.behandelaarId,
      statusVolgnummer: na.statusVolgnummer,
      oorspronkelijkeEinddatum: na.oorspronkelijkeEinddatum,
      uiterlijkeEinddatum: na.uiterlijkeEinddatum,
      opgeschort: na.opgeschort,
      afgeslotenOp: na.afgeslotenOp,
      resultaattypeId: na.resultaattypeId,
      archiefactiedatum: resultaattype && na.afgeslotenOp ? archiefactiedatum(resultaattype, kalenderdag(na.afgeslotenOp)) : null,
      nieuweReactieOp: na.nieuweReactieOp,
    });
    if (!opgeslagen) throw verouderd();
    return { details: details ?? {}, versie: rij.versie + 1 };
  }

  /**
   * The frame of every change to one zaak: `wijzigIn` in its own transaction, then the audit
   * entry `actie` (after the commit). Returns the step's details, or null when it changed nothing.
   */
  async function wijzig(actor: Actor, gemeente: string, id: string, versie: number | null, actie: string, stap: Stap, opties: { ookAfgesloten?: boolean } = {}) {
    const sluitingsdagen = await deps.sluitingsdagen(gemeente);
    const uitkomst = await repository.transactie((repo, transactie) => wijzigIn(repo, transactie, actor, gemeente, id, versie, stap, { ...opties, sluitingsdagen }));
    if (uitkomst === GEEN_WIJZIGING) return null;
    await audit.log(actor.context, { gemeente, actie, objectType: 'zaak', objectId: id, details: uitkomst.details });
    return uitkomst.details;
  }

  /**
   * Queues a mail to the resident in the change's transaction, with the contact person; only
   * when the resident left an e-mail address, and a new status only when they did not say on the
   * tracking page that they want no such mails (ADR 0070); the zaak's followers get the progress
   * mails too. True when the resident's mail was queued.
   */
  async function mailInwoner(
    w: Wijziging,
    gemeente: Gemeente,
    soort: MailSoort,
    waarden: (taal: Taal) => Record<string, string>,
    extra: { toelichting?: string | undefined; link?: string | undefined } = {},
  ): Promise<boolean> {
    const volgers = deps.volgers && VOLGER_MAILS.includes(soort) ? await deps.volgers(gemeente.code, w.rij.id, w.transactie) : [];
    const aanInwoner = Boolean(w.betrokkene?.email) && (soort !== 'status' || w.betrokkene?.tussentijdseBerichten !== false);
    if (!aanInwoner && volgers.length === 0) return false;
    const contact = await contactVan(gemeente.code, w.rij, w.repo);
    const basis = { identificatie: w.rij.identificatie, onderwerp: w.rij.onderwerp };
    if (aanInwoner && w.betrokkene) await berichten.verstuur(mailAanInwoner(gemeente, w.betrokkene, soort, { ...basis, ...waarden(w.betrokkene.taal) }, { ...extra, contact }), { transactie: w.transactie });
    for (const v of volgers) {
      if (v.email === w.betrokkene?.email) continue;
      const { link: _link, ...zonderLink } = extra;
      await berichten.verstuur(mailAanInwoner(gemeente, { naam: '', email: v.email, taal: v.taal }, soort, { ...basis, ...waarden(v.taal) }, { ...zonderLink, contact }), { transactie: w.transactie });
    }
    return aanInwoner;
  }

  return { deps, zaaktypeVan, gemeenteVan, vandaag, magZien, behandelaar, behandelaarVan, teamVan, contactVan, volglink, wijzigIn, wijzig, mailInwoner };
}

export type ZakenKern = ReturnType<typeof zakenKern>;
