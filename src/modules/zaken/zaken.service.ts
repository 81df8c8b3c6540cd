import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB, Kanaal, Rol, Vertrouwelijkheid } from '../../db/schema.ts';
import { verouderd } from '../../http/etag.ts';
import { badRequest, type InvalidParam } from '../../http/problem.ts';
import { datumTekst, vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import { VERWERKING_PERSONEELSACCOUNTS, type AuditService, type Context } from '../audit/audit.service.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { berekenTermijn, kalenderdag, leesDuur, plusDagen, plusMaanden, type Sluitingsdagen } from '../termijnen/kalender.ts';
import type { ResultaattypeRecord, ZaaktypeRecord, ZaaktypenRepository } from '../zaaktypen/zaaktypen.repository.ts';
import {
  alOpgeschort,
  eindstatusViaAfsluiting,
  geenEmail,
  geenRecht,
  nietOpgeschort,
  ongeldig,
  statusNietOpVolgorde,
  zaakAfgesloten,
  zaakNietGevonden,
} from './zaken.errors.ts';
import { binnenMaxVerlenging, eindeDezeWeek, projecteer, termijnband, type Gebeurtenis, type Projectie, type Termijnband } from './zaken.projectie.ts';
import {
  BEPERKT_ZICHTBAAR,
  type Betrokkene,
  type DocumentMeta,
  type NieuweGebeurtenis,
  type ZaakQueries,
  type ZaakRegel,
  type ZaakRij,
  type ZakenRepository,
} from './zaken.repository.ts';

/** What the zaken service needs of the mail outbox. */
export interface Berichten {
  verstuur(bericht: { gemeente: string; aan: string; onderwerp: string; tekst: string }, opties?: { transactie?: Transaction<DB> }): Promise<unknown>;
}

/** Who acts: the audit context, the staff user (null for an API token) and their roles in the gemeente. */
export interface Wie {
  context: Context;
  gebruiker: string | null;
  naam: string | null;
  rollen: readonly Rol[];
}

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
}

export interface NieuweZaakInvoer {
  zaaktype: string;
  onderwerp: string;
  omschrijving?: string | undefined;
  kanaal: Kanaal;
  ontvangstdatum: string;
  vertrouwelijkheid?: Vertrouwelijkheid | undefined;
  team?: string | undefined;
  behandelaar?: string | undefined;
  betrokkene?: { naam?: string | undefined; email?: string | undefined; telefoon?: string | undefined; taal: Taal } | undefined;
}

export interface WerkvoorraadInvoer {
  team?: string | undefined;
  behandelaar?: string | undefined;
  status?: number | undefined;
  zaaktype?: string | undefined;
  termijn?: Termijnband | undefined;
  reactie?: 'nieuw' | undefined;
  open: boolean;
  zoek?: string | undefined;
  identificatie?: string | undefined;
  cursor?: string | undefined;
  pageSize: number;
}

export const VERWERKING_ZAKEN = {
  verwerkingsactiviteit: 'loket:verwerkingsactiviteit:zaakbehandeling',
  grondslag: 'AVG art. 6 lid 1 sub e (taak van algemeen belang: behandeling van vragen, meldingen, klachten, bezwaren en aanvragen; Awb)',
  betrokkeneType: 'inwoner',
} as const;

const ROLLEN_BEHANDELEN: readonly Rol[] = ['behandelaar', 'teamleider', 'beheerder'];
const ROLLEN_TOEWIJZEN: readonly Rol[] = ['teamleider', 'beheerder'];
const ROLLEN_VOLGCODE: readonly Rol[] = [...ROLLEN_BEHANDELEN, 'kcc-medewerker'];
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A tracking code of 160 random bits in lowercase base32 (32 characters). */
export function nieuweVolgcode(): string {
  const bytes = randomBytes(20);
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

export const volgcodeHash = (code: string): string => createHash('sha256').update(code).digest('hex');
const VOLGCODE = /^[a-z2-7]{32}$/;

export function volgcodeUitTekst(tekst: string): string | null {
  const code = tekst.trim().toLowerCase();
  return VOLGCODE.test(code) ? code : null;
}

/** The opaque keyset cursor of a work queue page. */
function schrijfCursor(regel: { uiterlijkeEinddatum: string; id: string }): string {
  return Buffer.from(JSON.stringify([regel.uiterlijkeEinddatum, regel.id])).toString('base64url');
}

function leesCursor(cursor: string): { einddatum: string; id: string } {
  try {
    const waarde: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(waarde) &&
      typeof waarde[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(waarde[0]) &&
      typeof waarde[1] === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(waarde[1])
    ) {
      return { einddatum: waarde[0], id: waarde[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw ongeldig('query.cursor', 'ongeldige-cursor', 'Deze cursor kennen we niet. Begin opnieuw bij de eerste pagina.');
}

const voornaam = (naam: string | null): string | null => (naam ? (naam.trim().split(/\s+/)[0] ?? null) : null);

function archiefactiedatum(resultaattype: ResultaattypeRecord, afsluitdatum: string): string | null {
  if (resultaattype.archiefnominatie === 'blijvend_bewaren' || !resultaattype.bewaartermijn) return null;
  const match = /^P(\d+)([YM])$/.exec(resultaattype.bewaartermijn);
  if (!match) return null;
  const aantal = Number(match[1]);
  return plusMaanden(afsluitdatum, match[2] === 'Y' ? aantal * 12 : aantal);
}

function magBehandelen(wie: Wie) {
  if (!wie.rollen.some((r) => ROLLEN_BEHANDELEN.includes(r))) throw geenRecht('Alleen behandelaars, teamleiders en beheerders kunnen dit.');
}

function projectieVan(rij: Pick<ZaakRij, 'ontvangstdatum'>, zaaktype: ZaaktypeRecord, gebeurtenissen: readonly Gebeurtenis[], dag: string, sluitingsdagen: Sluitingsdagen) {
  return projecteer({ ontvangstdatum: rij.ontvangstdatum, norm: zaaktype.norm, gebeurtenissen, vandaag: dag, sluitingsdagen });
}

/** The mails to the resident; each has `mail.<soort>.onderwerp` and `.tekst` in the zaken catalogue. */
type MailSoort = 'ontvangst' | 'status' | 'bericht' | 'verlenging' | 'afsluiting' | 'opschorting' | 'opschortingEinde' | 'volgcode';

/** Two replies with the same text within this time are one reply sent twice (ADR 0019). */
export const DUBBELE_REACTIE_MS = 15 * 60 * 1000;

/** Returned by a step of `wijzig` that turns out to change nothing (no event, no new version). */
const GEEN_WIJZIGING = Symbol('geen wijziging');

function mailAanInwoner(
  gemeente: Gemeente,
  betrokkene: Betrokkene,
  soort: MailSoort,
  waarden: Record<string, string>,
  extra: { link?: string | undefined; contact?: { naam: string; team: string } | null; toelichting?: string | undefined } = {},
) {
  const t = vertaler(betrokkene.taal, 'zaken');
  const delen = [
    betrokkene.naam ? t('mail.aanhef', { naam: betrokkene.naam }) : t('mail.aanhefZonderNaam'),
    t(`mail.${soort}.tekst`, waarden),
    ...(extra.toelichting ? [t('mail.toelichting', { toelichting: extra.toelichting })] : []),
    ...(extra.contact ? [t('mail.contact', extra.contact)] : []),
    // The suspension mail says itself how to reply (ADR 0019).
    ...(extra.link ? [t('mail.volgen', { link: extra.link })] : soort === 'opschorting' ? [] : [t('mail.volgenZonderLink')]),
    t('mail.groet', { gemeente: gemeente.naam }),
  ];
  return { gemeente: gemeente.code, aan: betrokkene.email ?? '', onderwerp: t(`mail.${soort}.onderwerp`, waarden), tekst: delen.join('\n\n') };
}

/** `grens`: the last day of the band `dezeWeek` (eindeDezeWeek). */
function samenvatting(regel: ZaakRegel, dag: string, grens: string) {
  return {
    id: regel.id,
    identificatie: regel.identificatie,
    zaaktype: { id: regel.zaaktypeId, code: regel.zaaktypeCode, versie: regel.zaaktypeVersie, naam: regel.zaaktypeNaam, naamEn: regel.zaaktypeNaamEn },
    onderwerp: regel.onderwerp,
    kanaal: regel.kanaal,
    ontvangstdatum: regel.ontvangstdatum,
    registratieOp: regel.registratieOp,
    vertrouwelijkheid: regel.vertrouwelijkheid,
    team: { id: regel.teamId, naam: regel.teamNaam },
    behandelaar: regel.behandelaarId ? { id: regel.behandelaarId, naam: regel.behandelaarNaam ?? '' } : null,
    status: { volgnummer: regel.statusVolgnummer, naam: regel.statusNaam, naamEn: regel.statusNaamEn },
    oorspronkelijkeEinddatum: regel.oorspronkelijkeEinddatum,
    uiterlijkeEinddatum: regel.uiterlijkeEinddatum,
    termijnband: regel.afgeslotenOp ? null : termijnband(regel.uiterlijkeEinddatum, dag, grens),
    opgeschort: regel.opgeschort,
    afgeslotenOp: regel.afgeslotenOp,
    nieuweReactieOp: regel.nieuweReactieOp,
    versie: regel.versie,
  };
}

function tijdlijnRegel(g: Gebeurtenis) {
  return {
    volgnummer: g.volgnummer,
    soort: g.soort,
    gegevens: g.gegevens,
    extern: g.extern,
    door: g.doorInwoner ? null : g.doorNaam === null ? null : { id: g.doorGebruiker, naam: g.doorNaam },
    doorInwoner: g.doorInwoner,
    op: g.op,
  };
}

/** What happens inside a change: the zaak as it was, and how to append events and queue mail. */
interface Wijziging {
  rij: ZaakRij;
  zaaktype: ZaaktypeRecord;
  voor: Projectie;
  betrokkene: Betrokkene | undefined;
  nu: string;
  vandaag: string;
  repo: ZaakQueries;
  transactie: Transaction<DB>;
  /** The history so far, including what this change appended. */
  gebeurtenissen: readonly Gebeurtenis[];
  /** The projection over the history so far (after what this change appended). */
  projectie(): Projectie;
  voegToe(g: Omit<NieuweGebeurtenis, 'op' | 'doorGebruiker' | 'doorNaam' | 'doorInwoner'> & { doorInwoner?: boolean }): Promise<Gebeurtenis>;
}

/**
 * Zaken: create, work queues, detail, and every action on them. Each action appends events
 * to the history in one transaction, recomputes the stored projection (deadline, status,
 * team, behandelaar) from the whole history and bumps the version (ADR 0012).
 */
export function zakenService(deps: ZakenDeps) {
  const { repository, audit, klok, berichten } = deps;
  const zaaktypeCache = new Map<string, ZaaktypeRecord>();

  /** A zaaktype version; published versions never change, so they are cached. */
  async function zaaktypeVan(gemeente: string, id: string): Promise<ZaaktypeRecord> {
    const sleutel = `${gemeente}:${id}`;
    const bekend = zaaktypeCache.get(sleutel);
    if (bekend) return bekend;
    const zaaktype = await deps.zaaktypen.opId(gemeente, id);
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

  /** Restricted zaken (ADR 0013) are visible to beheerders, the zaak's team and its behandelaar. */
  async function magZien(
    wie: Wie,
    gemeente: string,
    rij: Pick<ZaakRij, 'vertrouwelijkheid' | 'team_id' | 'behandelaar_id'>,
    repo: ZaakQueries = repository,
    inTeam?: boolean,
  ): Promise<boolean> {
    if (!BEPERKT_ZICHTBAAR.includes(rij.vertrouwelijkheid) || wie.rollen.includes('beheerder')) return true;
    if (wie.gebruiker === null) return false;
    if (rij.behandelaar_id === wie.gebruiker) return true;
    return inTeam ?? (await repo.teamsVan(gemeente, wie.gebruiker)).includes(rij.team_id);
  }

  /** Resolves 'ik' or an id to a staff member who can handle zaken in this gemeente. */
  async function behandelaarVan(wie: Wie, gemeente: string, waarde: string | null, veld: string, repo: ZaakQueries = repository) {
    if (waarde === null) return null;
    const id = waarde === 'ik' ? wie.gebruiker : waarde;
    if (id === null) throw ongeldig(veld, 'geen-medewerker', "'ik' kan alleen een ingelogde medewerker zijn, geen API-token.");
    const medewerker = await repo.medewerker(gemeente, id, ['behandelaar', 'teamleider', 'beheerder']);
    if (!medewerker) throw ongeldig(veld, 'onbekende-behandelaar', 'Deze medewerker werkt niet als behandelaar in deze gemeente.');
    return medewerker;
  }

  async function teamVan(gemeente: string, id: string, veld: string, repo: ZaakQueries = repository) {
    const team = await repo.team(gemeente, id);
    if (!team) throw ongeldig(veld, 'onbekend-team', 'Dit team bestaat niet in deze gemeente.');
    return team;
  }

  /**
   * The frame of every change: lock the zaak, check version and visibility, let `stap` append
   * events (and queue mail), recompute the projection from the whole history, store it with
   * version + 1. All in one transaction; the audit entry follows the commit.
   */
  async function wijzig(
    wie: Wie,
    gemeente: string,
    id: string,
    versie: number | null,
    actie: string,
    stap: (w: Wijziging) => Promise<Record<string, unknown> | void | typeof GEEN_WIJZIGING>,
    opties: { ookAfgesloten?: boolean } = {},
  ): Promise<boolean> {
    const sluitingsdagen = await deps.sluitingsdagen(gemeente);
    const details = await repository.transactie(async (repo, transactie) => {
      const rij = await repo.voorWijziging(gemeente, id);
      if (!rij || !(await magZien(wie, gemeente, rij, repo))) throw zaakNietGevonden();
      if (versie !== null && rij.versie !== versie) throw verouderd();
      if (rij.afgesloten_op !== null && !opties.ookAfgesloten) throw zaakAfgesloten();
      const zaaktype = await zaaktypeVan(gemeente, rij.zaaktype_id);
      const gebeurtenissen = await repo.gebeurtenissen(gemeente, id);
      const nu = klok.nu().toISOString();
      const dag = kalenderdag(nu);
      const voor = projectieVan(rij, zaaktype, gebeurtenissen, dag, sluitingsdagen);
      const betrokkene = await repo.betrokkene(gemeente, id);
      const details = await stap({
        rij,
        zaaktype,
        voor,
        betrokkene,
        nu,
        vandaag: dag,
        repo,
        transactie,
        gebeurtenissen,
        projectie: () => projectieVan(rij, zaaktype, gebeurtenissen, dag, sluitingsdagen),
        voegToe: async (g) => {
          const nieuw = await repo.voegGebeurtenisToe(gemeente, id, {
            ...g,
            doorGebruiker: g.doorInwoner ? null : wie.gebruiker,
            doorNaam: g.doorInwoner ? null : wie.naam,
            doorInwoner: g.doorInwoner ?? false,
            op: nu,
          });
          gebeurtenissen.push(nieuw);
          return nieuw;
        },
      });
      if (details === GEEN_WIJZIGING) return GEEN_WIJZIGING;
      const na = projectieVan(rij, zaaktype, gebeurtenissen, dag, sluitingsdagen);
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
      return details ?? {};
    });
    if (details === GEEN_WIJZIGING) return false;
    await audit.log(wie.context, { gemeente, actie, objectType: 'zaak', objectId: id, details });
    return true;
  }

  /**
   * Queues a mail to the resident in the change's transaction, with the contact person; only
   * when the resident left an e-mail address. True when a mail was queued.
   */
  async function mailInwoner(
    w: Wijziging,
    gemeente: Gemeente,
    soort: MailSoort,
    waarden: (taal: Taal) => Record<string, string>,
    extra: { toelichting?: string | undefined; link?: string | undefined } = {},
  ): Promise<boolean> {
    if (!w.betrokkene?.email) return false;
    const contact = await contactVan(gemeente.code, w.rij, w.repo);
    const basis = { identificatie: w.rij.identificatie, onderwerp: w.rij.onderwerp };
    await berichten.verstuur(mailAanInwoner(gemeente, w.betrokkene, soort, { ...basis, ...waarden(w.betrokkene.taal) }, { ...extra, contact }), { transactie: w.transactie });
    return true;
  }

  /** The contact person the resident sees: the behandelaar's first name and the team. */
  async function contactVan(gemeente: string, rij: Pick<ZaakRij, 'team_id' | 'behandelaar_id'>, repo: ZaakQueries = repository) {
    if (!rij.behandelaar_id) return null;
    const [medewerker, team] = await Promise.all([repo.medewerker(gemeente, rij.behandelaar_id, ['behandelaar', 'teamleider', 'beheerder']), repo.team(gemeente, rij.team_id)]);
    const naam = voornaam(medewerker?.naam ?? null);
    return naam && team ? { naam, team: team.naam } : null;
  }

  /**
   * The full staff view of one zaak; reading the resident's data is logged. `zojuist`: the answer
   * to the one who just registered or changed it (a committed change is never answered with a
   * 404), who sees it even when it is now restricted for them (ADR 0016).
   */
  async function detail(wie: Wie, gemeente: string, id: string, opties: { loggen: boolean; zojuist?: boolean } = { loggen: true }) {
    const gelezen = await repository.detail(gemeente, id, wie.gebruiker);
    if (!gelezen || !(opties.zojuist || (await magZien(wie, gemeente, gelezen.rij, repository, gelezen.inTeam)))) throw zaakNietGevonden();
    const { rij, regel, betrokkene, gebeurtenissen, documenten, relaties } = gelezen;
    const [zaaktype, sluitingsdagen] = await Promise.all([zaaktypeVan(gemeente, rij.zaaktype_id), deps.sluitingsdagen(gemeente)]);
    const dag = vandaag();
    const projectie = projectieVan(rij, zaaktype, gebeurtenissen, dag, sluitingsdagen);
    const gezet = new Map<number, string>();
    for (const g of gebeurtenissen) {
      if (g.soort === 'aangemaakt') gezet.set(typeof g.gegevens.status === 'number' ? g.gegevens.status : 1, g.op);
      if ((g.soort === 'status' || g.soort === 'resultaat') && typeof g.gegevens.volgnummer === 'number') gezet.set(g.gegevens.volgnummer, g.op);
      if (g.soort === 'resultaat' && typeof g.gegevens.status === 'number') gezet.set(g.gegevens.status, g.op);
    }
    const volgende = zaaktype.statustypen.find((s) => s.volgnummer > rij.status_volgnummer);
    const resultaattype = rij.resultaattype_id ? zaaktype.resultaattypen.find((r) => r.id === rij.resultaattype_id) : undefined;
    const resultaatGebeurtenis = gebeurtenissen.findLast((g) => g.soort === 'resultaat');
    if (opties.loggen && betrokkene) await audit.verwerking(wie.context, { gemeente, naam: 'zaak-bekijken', ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
    const termijn = berekenTermijn(rij.ontvangstdatum, leesDuur(zaaktype.norm), sluitingsdagen);
    const live = samenvatting({ ...regel, uiterlijkeEinddatum: rij.afgesloten_op ? regel.uiterlijkeEinddatum : projectie.uiterlijkeEinddatum }, dag, eindeDezeWeek(dag, sluitingsdagen));
    return {
      ...live,
      omschrijving: rij.omschrijving,
      taal: rij.taal,
      betrokkene: betrokkene ?? null,
      zaaktypeVersie: zaaktype,
      statussen: zaaktype.statustypen.map((s) => ({
        volgnummer: s.volgnummer,
        naam: s.naam,
        naamEn: s.naamEn,
        tekst: s.tekst,
        informeren: s.informeren,
        eindstatus: s.eindstatus,
        gezetOp: gezet.get(s.volgnummer) ?? null,
        huidig: s.volgnummer === rij.status_volgnummer,
        volgende: s.volgnummer === volgende?.volgnummer,
      })),
      resultaat: resultaattype
        ? { id: resultaattype.id, naam: resultaattype.naam, toelichting: typeof resultaatGebeurtenis?.gegevens.toelichting === 'string' ? resultaatGebeurtenis.gegevens.toelichting : '' }
        : null,
      archiefactiedatum: rij.archiefactiedatum,
      reactieOntvangen: projectie.reactieOntvangen,
      termijn: {
        norm: zaaktype.norm,
        ontvangstdatum: rij.ontvangstdatum,
        oorspronkelijkeEinddatum: projectie.oorspronkelijkeEinddatum,
        uiterlijkeEinddatum: projectie.uiterlijkeEinddatum,
        verlengingen: projectie.verlengingen,
        opschortingen: projectie.opschortingen,
        opgeschorteDagen: projectie.opgeschorteDagen,
        verschoven: projectie.verschoven,
        regel: termijn.regel,
        maxVerlenging: zaaktype.maxVerlenging,
        opschortingToegestaan: zaaktype.opschortingToegestaan,
        berekendOp: dag,
      },
      tijdlijn: gebeurtenissen.map(tijdlijnRegel),
      documenten: documenten.map((d: DocumentMeta) => ({ id: d.id, bestandsnaam: d.bestandsnaam, mediatype: d.mediatype, grootte: d.grootte, sha256: d.sha256, extern: d.extern, aangemaaktOp: d.aangemaaktOp })),
      relaties: relaties.map((r) => ({ zaak: { id: r.id, identificatie: r.identificatie, onderwerp: r.onderwerp }, soort: r.soort })),
    };
  }

  function volglink(gemeente: Gemeente, taal: Taal, code: string): string {
    return `${deps.publicUrl}/${gemeente.slug}/${taal === 'en' ? 'en/' : ''}zaken/${code}`;
  }

  return {
    detail,

    /** Registers a zaak under the zaaktype version that applies today; mails the receipt. */
    async maak(wie: Wie, gemeenteCode: string, invoer: NieuweZaakInvoer) {
      const dag = vandaag();
      const fouten: InvalidParam[] = [];
      const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(invoer.zaaktype);
      const zaaktype = isId ? await deps.zaaktypen.opId(gemeenteCode, invoer.zaaktype) : await deps.zaaktypen.geldendeVersie(gemeenteCode, invoer.zaaktype, dag);
      if (!zaaktype || zaaktype.status !== 'gepubliceerd') fouten.push({ name: 'zaaktype', code: 'onbekend-zaaktype', reason: 'Dit zaaktype bestaat niet of is niet gepubliceerd in deze gemeente.' });
      if (invoer.ontvangstdatum > dag) fouten.push({ name: 'ontvangstdatum', code: 'in-de-toekomst', reason: 'De ontvangstdatum kan niet in de toekomst liggen.' });
      const teamId = invoer.team ?? zaaktype?.standaardTeam ?? null;
      if (teamId === null && zaaktype) fouten.push({ name: 'team', code: 'team-vereist', reason: 'Dit zaaktype heeft geen standaardteam: kies een team.' });
      const team = teamId ? await repository.team(gemeenteCode, teamId) : undefined;
      if (teamId && !team) fouten.push({ name: 'team', code: 'onbekend-team', reason: 'Dit team bestaat niet in deze gemeente.' });
      let behandelaar: { id: string; naam: string } | null = null;
      if (invoer.behandelaar !== undefined) {
        const behandelaarId = invoer.behandelaar === 'ik' ? wie.gebruiker : invoer.behandelaar;
        const medewerker = behandelaarId ? await repository.medewerker(gemeenteCode, behandelaarId, ['behandelaar', 'teamleider', 'beheerder']) : undefined;
        if (medewerker) behandelaar = medewerker;
        else fouten.push({ name: 'behandelaar', code: 'onbekende-behandelaar', reason: 'Deze medewerker werkt niet als behandelaar in deze gemeente.' });
      }
      if (fouten.length > 0 || !zaaktype || !team) throw badRequest(fouten);
      const gemeente = await gemeenteVan(gemeenteCode);
      const sluitingsdagen = await deps.sluitingsdagen(gemeenteCode);
      const id = randomUUID();
      const volgcode = nieuweVolgcode();
      const taal: Taal = invoer.betrokkene?.taal ?? 'nl';
      const nu = klok.nu().toISOString();
      const betrokkene: Betrokkene | null = invoer.betrokkene
        ? { naam: invoer.betrokkene.naam ?? '', email: invoer.betrokkene.email ?? null, telefoon: invoer.betrokkene.telefoon ?? null, taal }
        : null;
      const aangemaakt: Gebeurtenis = {
        volgnummer: 1,
        soort: 'aangemaakt',
        gegevens: { status: 1, team: team.id, behandelaar: behandelaar?.id ?? null, kanaal: invoer.kanaal, zaaktype: zaaktype.code, zaaktypeVersie: zaaktype.versie },
        extern: true,
        doorGebruiker: wie.gebruiker,
        doorNaam: wie.naam,
        doorInwoner: false,
        op: nu,
      };
      const projectie = projecteer({ ontvangstdatum: invoer.ontvangstdatum, norm: zaaktype.norm, gebeurtenissen: [aangemaakt], vandaag: dag, sluitingsdagen });
      const identificatie = await repository.transactie(async (repo, transactie) => {
        const jaar = Number(dag.slice(0, 4));
        const identificatie = `Z-${jaar}-${String(await repo.volgendNummer(gemeenteCode, jaar)).padStart(6, '0')}`;
        await repo.voegToe(
          gemeenteCode,
          {
            id,
            identificatie,
            zaaktypeId: zaaktype.id,
            onderwerp: invoer.onderwerp,
            omschrijving: invoer.omschrijving ?? '',
            kanaal: invoer.kanaal,
            ontvangstdatum: invoer.ontvangstdatum,
            registratieOp: nu,
            vertrouwelijkheid: invoer.vertrouwelijkheid ?? zaaktype.vertrouwelijkheid,
            teamId: team.id,
            behandelaarId: behandelaar?.id ?? null,
            statusVolgnummer: 1,
            oorspronkelijkeEinddatum: projectie.oorspronkelijkeEinddatum,
            uiterlijkeEinddatum: projectie.uiterlijkeEinddatum,
            volgcodeHash: volgcodeHash(volgcode),
            taal,
          },
          betrokkene,
        );
        await repo.voegGebeurtenisToe(gemeenteCode, id, aangemaakt);
        if (betrokkene?.email) {
          const contact = behandelaar && voornaam(behandelaar.naam) ? { naam: voornaam(behandelaar.naam) ?? '', team: team.naam } : null;
          await berichten.verstuur(
            mailAanInwoner(
              gemeente,
              betrokkene,
              'ontvangst',
              {
                zaaktype: zaaktype.naam[taal].toLowerCase(),
                identificatie,
                onderwerp: invoer.onderwerp,
                ontvangstdatum: datumTekst(taal, invoer.ontvangstdatum),
                einddatum: datumTekst(taal, projectie.uiterlijkeEinddatum),
              },
              { link: volglink(gemeente, taal, volgcode), contact },
            ),
            { transactie },
          );
        }
        return identificatie;
      });
      await audit.log(wie.context, { gemeente: gemeenteCode, actie: 'zaak-aanmaken', objectType: 'zaak', objectId: id, details: { identificatie, zaaktype: zaaktype.code, versie: zaaktype.versie } });
      if (betrokkene) await audit.verwerking(wie.context, { gemeente: gemeenteCode, naam: 'zaak-aanmaken', ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
      const zaak = await detail(wie, gemeenteCode, id, { loggen: false, zojuist: true });
      return { zaak, volgcode, volglink: volglink(gemeente, taal, volgcode) };
    },

    /** One page of a work queue (keyset on deadline, id): no total count (ADR 0012). */
    async werkvoorraad(wie: Wie, gemeente: string, invoer: WerkvoorraadInvoer) {
      const dag = vandaag();
      const week = eindeDezeWeek(dag, await deps.sluitingsdagen(gemeente));
      const banden: Record<Termijnband, { vanaf?: string; tot?: string }> = {
        teLaat: { tot: plusDagen(dag, -1) },
        vandaag: { vanaf: dag, tot: dag },
        dezeWeek: { vanaf: plusDagen(dag, 1), tot: week },
        later: { vanaf: plusDagen(week, 1) },
      };
      const band = invoer.termijn ? banden[invoer.termijn] : {};
      const behandelaar =
        invoer.behandelaar === undefined ? undefined : invoer.behandelaar === 'geen' ? null : invoer.behandelaar === 'ik' ? (wie.gebruiker ?? '00000000-0000-0000-0000-000000000000') : invoer.behandelaar;
      const rijen = await repository.werkvoorraad(gemeente, {
        team: invoer.team,
        behandelaar,
        status: invoer.status,
        zaaktype: invoer.zaaktype,
        open: invoer.open,
        vanaf: band.vanaf,
        tot: band.tot,
        zoek: invoer.zoek,
        nieuweReactie: invoer.reactie === 'nieuw',
        identificatie: invoer.identificatie,
        na: invoer.cursor ? leesCursor(invoer.cursor) : undefined,
        limit: invoer.pageSize + 1,
        // Beheerders see every zaak; others the restricted ones of their teams and their own (in the query).
        beperkt: wie.rollen.includes('beheerder') ? undefined : { gebruiker: wie.gebruiker },
      });
      const items = rijen.slice(0, invoer.pageSize);
      const laatste = items.at(-1);
      return { items: items.map((r) => samenvatting(r, dag, week)), volgende: rijen.length > invoer.pageSize && laatste ? schrijfCursor(laatste) : null };
    },

    /** Open zaken per team × deadline band and per behandelaar (the teamleider's overview). */
    async overzicht(gemeente: string) {
      const dag = vandaag();
      const { teams, behandelaars } = await repository.overzicht(gemeente, dag, eindeDezeWeek(dag, await deps.sluitingsdagen(gemeente)));
      return {
        peildatum: dag,
        teams: teams.map((t) => ({ team: { id: t.id, naam: t.naam }, teLaat: t.teLaat, vandaag: t.vandaag, dezeWeek: t.dezeWeek, later: t.later })),
        behandelaars: behandelaars.map((b) => ({
          behandelaar: b.id ? { id: b.id, naam: b.naam ?? '' } : null,
          teLaat: b.teLaat,
          vandaag: b.vandaag,
          dezeWeek: b.dezeWeek,
          later: b.later,
        })),
      };
    },

    /** Claim (behandelaar 'ik'), assign or reassign; only teamleiders and beheerders assign others. */
    async wijsToe(wie: Wie, gemeente: string, id: string, versie: number, invoer: { behandelaar: string | null; team?: string | undefined }) {
      magBehandelen(wie);
      const zelf = invoer.behandelaar === 'ik' || (invoer.behandelaar !== null && invoer.behandelaar === wie.gebruiker);
      if (!zelf && !wie.rollen.some((r) => ROLLEN_TOEWIJZEN.includes(r))) throw geenRecht('Alleen een teamleider of beheerder wijst zaken toe aan anderen. U kunt een zaak wel zelf oppakken.');
      await wijzig(wie, gemeente, id, versie, 'zaak-toewijzen', async (w) => {
        const medewerker = await behandelaarVan(wie, gemeente, invoer.behandelaar, 'behandelaar', w.repo);
        const team = invoer.team ? await teamVan(gemeente, invoer.team, 'team', w.repo) : undefined;
        const gegevens = {
          team: team?.id ?? w.voor.teamId,
          behandelaar: medewerker?.id ?? null,
          behandelaarNaam: medewerker?.naam ?? null,
          vorigTeam: w.voor.teamId,
          vorigeBehandelaar: w.voor.behandelaarId,
        };
        await w.voegToe({ soort: 'toewijzing', gegevens, extern: false });
        return { team: gegevens.team, behandelaar: gegevens.behandelaar };
      });
      return detail(wie, gemeente, id, { loggen: false, zojuist: true });
    },

    /** Assigns several zaken at once (all or none); no If-Match per zaak. */
    async wijsToeInBulk(wie: Wie, gemeente: string, invoer: { zaken: string[]; behandelaar: string | null; team?: string | undefined }) {
      const sluitingsdagen = await deps.sluitingsdagen(gemeente);
      const uniek = [...new Set(invoer.zaken)];
      const resultaat = await repository.transactie(async (repo) => {
        const medewerker = await behandelaarVan(wie, gemeente, invoer.behandelaar, 'behandelaar', repo);
        const team = invoer.team ? await teamVan(gemeente, invoer.team, 'team', repo) : undefined;
        const fouten: InvalidParam[] = [];
        const rijen: ZaakRij[] = [];
        for (const [i, id] of uniek.entries()) {
          const rij = await repo.voorWijziging(gemeente, id);
          if (!rij || !(await magZien(wie, gemeente, rij, repo))) fouten.push({ name: `zaken.${i}`, code: 'onbekende-zaak', reason: 'Deze zaak bestaat niet in deze gemeente.' });
          else if (rij.afgesloten_op !== null) fouten.push({ name: `zaken.${i}`, code: 'zaak-afgesloten', reason: 'Deze zaak is al afgesloten.' });
          else rijen.push(rij);
        }
        if (fouten.length > 0) throw badRequest(fouten);
        const nu = klok.nu().toISOString();
        const dag = kalenderdag(nu);
        const items: { id: string; versie: number }[] = [];
        for (const rij of rijen) {
          const zaaktype = await zaaktypeVan(gemeente, rij.zaaktype_id);
          const gebeurtenissen = await repo.gebeurtenissen(gemeente, rij.id);
          const voor = projectieVan(rij, zaaktype, gebeurtenissen, dag, sluitingsdagen);
          gebeurtenissen.push(
            await repo.voegGebeurtenisToe(gemeente, rij.id, {
              soort: 'toewijzing',
              gegevens: { team: team?.id ?? voor.teamId, behandelaar: medewerker?.id ?? null, behandelaarNaam: medewerker?.naam ?? null, vorigTeam: voor.teamId, vorigeBehandelaar: voor.behandelaarId },
              extern: false,
              doorGebruiker: wie.gebruiker,
              doorNaam: wie.naam,
              doorInwoner: false,
              op: nu,
            }),
          );
          const na = projectieVan(rij, zaaktype, gebeurtenissen, dag, sluitingsdagen);
          if (!(await repo.werkBij(gemeente, rij.id, rij.versie, { ...na, archiefactiedatum: null }))) throw verouderd();
          items.push({ id: rij.id, versie: rij.versie + 1 });
        }
        return items;
      });
      for (const item of resultaat) {
        await audit.log(wie.context, { gemeente, actie: 'zaak-toewijzen', objectType: 'zaak', objectId: item.id, details: { behandelaar: invoer.behandelaar, team: invoer.team ?? null, bulk: true } });
      }
      return { items: resultaat };
    },

    /** Moves the zaak forward to a status; an 'informeren' status mails the resident. */
    async zetStatus(wie: Wie, gemeente: string, id: string, versie: number, invoer: { statustype: number; toelichting?: string | undefined }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-status', async (w) => {
        const statustype = w.zaaktype.statustypen.find((s) => s.volgnummer === invoer.statustype);
        if (!statustype) throw ongeldig('statustype', 'onbekend-statustype', 'Dit zaaktype heeft geen status met dit volgnummer.');
        if (statustype.eindstatus) throw eindstatusViaAfsluiting();
        if (statustype.volgnummer <= w.voor.statusVolgnummer) throw statusNietOpVolgorde(w.voor.statusVolgnummer);
        const extern = statustype.informeren;
        await w.voegToe({
          soort: 'status',
          gegevens: { volgnummer: statustype.volgnummer, naam: statustype.naam, tekst: statustype.tekst, toelichting: invoer.toelichting ?? '' },
          extern,
        });
        const geinformeerd = extern && (await mailInwoner(w, gemeenteRec, 'status', (taal) => ({ status: statustype.tekst[taal] }), { toelichting: invoer.toelichting }));
        return { status: statustype.volgnummer, geinformeerd };
      });
      return detail(wie, gemeente, id, { loggen: false, zojuist: true });
    },

    /** An internal note, or an external one the resident sees on the tracking page. */
    async voegNotitieToe(wie: Wie, gemeente: string, id: string, versie: number, invoer: { tekst: string; extern: boolean }) {
      await wijzig(
        wie,
        gemeente,
        id,
        versie,
        'zaak-notitie',
        async (w) => {
          await w.voegToe({ soort: 'notitie', gegevens: { tekst: invoer.tekst }, extern: invoer.extern });
          return { extern: invoer.extern };
        },
        { ookAfgesloten: true },
      );
      return detail(wie, gemeente, id, { loggen: false, zojuist: true });
    },

    /** A message to the resident: mailed in their language and shown in the timeline. */
    async stuurBericht(wie: Wie, gemeente: string, id: string, versie: number, invoer: { tekst: string }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-bericht', async (w) => {
        if (!w.betrokkene?.email) throw geenEmail();
        await w.voegToe({ soort: 'bericht', gegevens: { tekst: invoer.tekst }, extern: true });
        await mailInwoner(w, gemeenteRec, 'bericht', () => ({ tekst: invoer.tekst }));
      });
      await audit.verwerking(wie.context, { gemeente, naam: 'zaak-bericht', ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
      return detail(wie, gemeente, id, { loggen: false, zojuist: true });
    },

    /** Stops the clock (Awb 4:15), when the zaaktype allows it. */
    /**
     * Stops the clock (Awb 4:15), when the zaaktype allows it. The reason (what we need from the
     * resident) is an external timeline entry and is mailed to the resident with how to reply.
     */
    async schortOp(wie: Wie, gemeente: string, id: string, versie: number, invoer: { reden: string }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-opschorten', async (w) => {
        if (!w.zaaktype.opschortingToegestaan) throw ongeldig('reden', 'opschorting-niet-toegestaan', 'Bij dit zaaktype kan de termijn niet worden opgeschort.');
        if (w.voor.opgeschort) throw alOpgeschort();
        const geinformeerd = Boolean(w.betrokkene?.email);
        await w.voegToe({ soort: 'opschorting', gegevens: { reden: invoer.reden, van: w.vandaag, geinformeerd }, extern: true });
        await mailInwoner(w, gemeenteRec, 'opschorting', () => ({ reden: invoer.reden }));
        return { geinformeerd };
      });
      return detail(wie, gemeente, id, { loggen: false, zojuist: true });
    },

    /** Restarts the clock; the resident is mailed the new expected date. */
    async beeindigOpschorting(wie: Wie, gemeente: string, id: string, versie: number, invoer: { toelichting?: string | undefined }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-opschorting-beeindigen', async (w) => {
        if (!w.voor.opgeschort) throw nietOpgeschort();
        const geinformeerd = Boolean(w.betrokkene?.email);
        await w.voegToe({ soort: 'opschorting-einde', gegevens: { tot: w.vandaag, toelichting: invoer.toelichting ?? '', geinformeerd }, extern: true });
        const einddatum = w.projectie().uiterlijkeEinddatum;
        await mailInwoner(w, gemeenteRec, 'opschortingEinde', (taal) => ({ einddatum: datumTekst(taal, einddatum) }), { toelichting: invoer.toelichting });
        return { einddatum, geinformeerd };
      });
      return detail(wie, gemeente, id, { loggen: false, zojuist: true });
    },

    /** Extends the term (Awb 4:14, 7:10 lid 3, 9:11 lid 2) within the zaaktype's maximum; tells the resident. */
    async verleng(wie: Wie, gemeente: string, id: string, versie: number, invoer: { duur: string; reden: string }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      const sluitingsdagen = await deps.sluitingsdagen(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-verlengen', async (w) => {
        const max = w.zaaktype.maxVerlenging;
        if (!max) throw ongeldig('duur', 'verlenging-niet-toegestaan', 'Bij dit zaaktype kan de termijn niet worden verlengd.');
        const alle = [...w.voor.verlengingen.map((v) => v.duur), invoer.duur];
        if (!binnenMaxVerlenging(w.rij.ontvangstdatum, w.zaaktype.norm, alle, max, sluitingsdagen)) {
          const al = w.voor.verlengingen.length > 0 ? ` Er is al verlengd met ${w.voor.verlengingen.map((v) => v.duur).join(' + ')}.` : '';
          throw ongeldig('duur', 'verlenging-te-lang', `Zo lang verlengen mag niet: bij dit zaaktype mag de termijn in totaal hoogstens ${max} verlengd worden.${al}`);
        }
        const vorige = w.voor.uiterlijkeEinddatum;
        await w.voegToe({ soort: 'verlenging', gegevens: { duur: invoer.duur, reden: invoer.reden, vorigeEinddatum: vorige }, extern: true });
        const na = w.projectie();
        await mailInwoner(w, gemeenteRec, 'verlenging', (taal) => ({ reden: invoer.reden, einddatum: datumTekst(taal, na.uiterlijkeEinddatum), vorigeEinddatum: datumTekst(taal, vorige) }));
        return { duur: invoer.duur, einddatum: na.uiterlijkeEinddatum };
      });
      return detail(wie, gemeente, id, { loggen: false, zojuist: true });
    },

    /** Closes with a result: sets the end status and the archive date; tells the resident. */
    async sluitAf(wie: Wie, gemeente: string, id: string, versie: number, invoer: { resultaattype: string; toelichting?: string | undefined }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-afsluiten', async (w) => {
        const resultaattype = w.zaaktype.resultaattypen.find((r) => r.id === invoer.resultaattype);
        if (!resultaattype) throw ongeldig('resultaattype', 'onbekend-resultaattype', 'Dit resultaat hoort niet bij het zaaktype van deze zaak.');
        const eind = w.zaaktype.statustypen.at(-1);
        if (!eind) throw new Error('zaaktype zonder statustypen');
        if (w.voor.opgeschort) await w.voegToe({ soort: 'opschorting-einde', gegevens: { tot: w.vandaag, toelichting: '' }, extern: true });
        await w.voegToe({
          soort: 'resultaat',
          gegevens: { resultaattype: resultaattype.id, naam: resultaattype.naam, tekst: resultaattype.tekst, toelichting: invoer.toelichting ?? '', status: eind.volgnummer, volgnummer: eind.volgnummer },
          extern: true,
        });
        await mailInwoner(w, gemeenteRec, 'afsluiting', (taal) => ({ resultaat: resultaattype.tekst[taal] || eind.tekst[taal] }), { toelichting: invoer.toelichting });
        return { resultaattype: resultaattype.id };
      });
      return detail(wie, gemeente, id, { loggen: false, zojuist: true });
    },

    /** Relates two zaken of the same gemeente. */
    async voegRelatieToe(wie: Wie, gemeente: string, id: string, versie: number, invoer: { zaak: string; soort: 'vervolg' | 'onderwerp' | 'bijdrage' | 'gerelateerd' }) {
      magBehandelen(wie);
      await wijzig(
        wie,
        gemeente,
        id,
        versie,
        'zaak-relatie',
        async (w) => {
          if (invoer.zaak === id) throw ongeldig('zaak', 'zelfde-zaak', 'Een zaak kan niet aan zichzelf gerelateerd worden.');
          const andere = await w.repo.opId(gemeente, invoer.zaak);
          if (!andere || !(await magZien(wie, gemeente, andere, w.repo))) throw ongeldig('zaak', 'onbekende-zaak', 'Deze zaak bestaat niet in deze gemeente.');
          if ((await w.repo.relaties(gemeente, id)).some((r) => r.id === invoer.zaak)) throw ongeldig('zaak', 'al-gerelateerd', 'Deze zaken zijn al aan elkaar gerelateerd.');
          await w.repo.voegRelatieToe(gemeente, id, invoer.zaak, invoer.soort, w.nu);
          await w.voegToe({ soort: 'relatie', gegevens: { zaak: andere.id, identificatie: andere.identificatie, soort: invoer.soort }, extern: false });
          return { zaak: andere.id, soort: invoer.soort };
        },
        { ookAfgesloten: true },
      );
      return detail(wie, gemeente, id, { loggen: false, zojuist: true });
    },

    /** Stores a checked document with the zaak (see zaken.documenten.ts for the checks). */
    async voegDocumentToe(wie: Wie, gemeente: string, id: string, versie: number, document: { bestandsnaam: string; mediatype: string; inhoud: Buffer; extern: boolean }) {
      magBehandelen(wie);
      const documentId = randomUUID();
      await wijzig(wie, gemeente, id, versie, 'zaak-document', async (w) => {
        const sha256 = createHash('sha256').update(document.inhoud).digest('hex');
        await w.repo.voegDocumentToe(gemeente, id, {
          id: documentId,
          bestandsnaam: document.bestandsnaam,
          mediatype: document.mediatype,
          grootte: document.inhoud.length,
          sha256,
          extern: document.extern,
          aangemaaktOp: w.nu,
          inhoud: document.inhoud,
          doorGebruiker: wie.gebruiker,
        });
        await w.voegToe({
          soort: 'document',
          gegevens: { document: documentId, bestandsnaam: document.bestandsnaam, mediatype: document.mediatype, grootte: document.inhoud.length, sha256 },
          extern: document.extern,
        });
        return { document: documentId, mediatype: document.mediatype, grootte: document.inhoud.length };
      });
      return { documentId, zaak: await detail(wie, gemeente, id, { loggen: false, zojuist: true }) };
    },

    /**
     * A new tracking code for a resident who lost the link: the old code stops working, the
     * resident gets the new link by mail (when we have an address), and an internal timeline
     * entry records it. The new code and link are shown once to the caller (to pass on
     * otherwise when there is no address). Also on a closed zaak.
     */
    async geefNieuweVolgcode(wie: Wie, gemeente: string, id: string, versie: number) {
      if (!wie.rollen.some((r) => ROLLEN_VOLGCODE.includes(r))) throw geenRecht('Alleen behandelaars, teamleiders, KCC-medewerkers en beheerders kunnen dit.');
      const gemeenteRec = await gemeenteVan(gemeente);
      const volgcode = nieuweVolgcode();
      let link = '';
      let gemaild = false;
      await wijzig(
        wie,
        gemeente,
        id,
        versie,
        'zaak-volgcode',
        async (w) => {
          link = volglink(gemeenteRec, w.rij.taal, volgcode);
          await w.repo.zetVolgcodeHash(gemeente, id, volgcodeHash(volgcode));
          gemaild = await mailInwoner(w, gemeenteRec, 'volgcode', () => ({}), { link });
          await w.voegToe({ soort: 'volgcode', gegevens: { gemaild }, extern: false });
          return { gemaild };
        },
        { ookAfgesloten: true },
      );
      if (gemaild) await audit.verwerking(wie.context, { gemeente, naam: 'zaak-volgcode', ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
      return { zaak: await detail(wie, gemeente, id, { loggen: false, zojuist: true }), volgcode, volglink: link };
    },

    /**
     * Staff with a role in the gemeente (for pickers): filter on roles (any of them) and team.
     * Reading their names and teams is logged like reading teams (ADR 0007).
     */
    async medewerkers(context: Context, gemeente: string, f: { rollen?: readonly Rol[] | undefined; team?: string | undefined; offset: number; limit: number }) {
      const pagina = await repository.medewerkers(gemeente, f);
      await audit.verwerking(context, { gemeente, naam: 'medewerkers-bekijken', ...VERWERKING_PERSONEELSACCOUNTS, betrokkeneIds: pagina.rijen.map((m) => m.id) });
      return pagina;
    },

    /** 404 unless the zaak exists in this gemeente and the caller may see it (before reading an upload). */
    async controleerZichtbaar(wie: Wie, gemeente: string, id: string): Promise<void> {
      const rij = await repository.opId(gemeente, id);
      if (!rij || !(await magZien(wie, gemeente, rij))) throw zaakNietGevonden();
    },

    async document(wie: Wie, gemeente: string, id: string, documentId: string) {
      const rij = await repository.opId(gemeente, id);
      if (!rij || !(await magZien(wie, gemeente, rij))) throw zaakNietGevonden();
      const document = await repository.document(gemeente, id, documentId);
      if (!document) throw zaakNietGevonden();
      await audit.verwerking(wie.context, { gemeente, naam: 'zaak-document-bekijken', ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
      return document;
    },

    /**
     * What the resident sees on the tracking page, found by the tracking code: phase and steps
     * in their words, the expected date, the named contact (first name and team) and only the
     * external timeline. Null when the code is unknown.
     */
    async zaakVoorInwoner(gemeente: string, code: string) {
      const volgcode = volgcodeUitTekst(code);
      if (!volgcode) return null;
      const rij = await repository.opVolgcodeHash(gemeente, volgcodeHash(volgcode));
      if (!rij) return null;
      const [zaaktype, gebeurtenissen, sluitingsdagen, contact, documenten, team] = await Promise.all([
        zaaktypeVan(gemeente, rij.zaaktype_id),
        repository.gebeurtenissen(gemeente, rij.id),
        deps.sluitingsdagen(gemeente),
        contactVan(gemeente, rij),
        repository.documenten(gemeente, rij.id),
        repository.team(gemeente, rij.team_id),
      ]);
      const projectie = projectieVan(rij, zaaktype, gebeurtenissen, vandaag(), sluitingsdagen);
      const gezet = new Map<number, string>();
      for (const g of gebeurtenissen) {
        if (g.soort === 'aangemaakt') gezet.set(1, g.op);
        if ((g.soort === 'status' || g.soort === 'resultaat') && typeof g.gegevens.volgnummer === 'number') gezet.set(g.gegevens.volgnummer, g.op);
      }
      const huidig = zaaktype.statustypen.find((s) => s.volgnummer === rij.status_volgnummer);
      const resultaattype = rij.resultaattype_id ? zaaktype.resultaattypen.find((r) => r.id === rij.resultaattype_id) : undefined;
      return {
        zaakId: rij.id,
        identificatie: rij.identificatie,
        taal: rij.taal,
        zaaktype: { code: zaaktype.code, naam: zaaktype.naam, omschrijving: zaaktype.omschrijving },
        onderwerp: rij.onderwerp,
        ontvangstdatum: rij.ontvangstdatum,
        status: { volgnummer: rij.status_volgnummer, tekst: huidig?.tekst ?? { nl: '', en: '' } },
        stappen: zaaktype.statustypen.map((s) => ({
          volgnummer: s.volgnummer,
          tekst: s.tekst,
          klaar: s.volgnummer <= rij.status_volgnummer,
          huidig: s.volgnummer === rij.status_volgnummer,
          gezetOp: gezet.get(s.volgnummer) ?? null,
        })),
        verwachteEinddatum: rij.afgesloten_op ? null : projectie.uiterlijkeEinddatum,
        oorspronkelijkeEinddatum: projectie.oorspronkelijkeEinddatum,
        opgeschort: projectie.opgeschort,
        afgeslotenOp: rij.afgesloten_op,
        resultaat: resultaattype ? { tekst: resultaattype.tekst } : null,
        contact,
        /** The team that handles the zaak (for "team X" while nobody is assigned). */
        team: team?.naam ?? null,
        tijdlijn: gebeurtenissen
          .filter((g) => g.extern)
          .map((g) => ({
            soort: g.soort,
            op: g.op,
            doorInwoner: g.doorInwoner,
            tekst: typeof g.gegevens.tekst === 'string' ? g.gegevens.tekst : null,
            statustekst: g.soort === 'status' || g.soort === 'resultaat' ? (g.gegevens.tekst as { nl: string; en: string } | undefined) ?? null : null,
            reden: typeof g.gegevens.reden === 'string' ? g.gegevens.reden : null,
            toelichting: typeof g.gegevens.toelichting === 'string' && g.gegevens.toelichting !== '' ? g.gegevens.toelichting : null,
            bestandsnaam: g.soort === 'document' && typeof g.gegevens.bestandsnaam === 'string' ? g.gegevens.bestandsnaam : null,
          })),
        documenten: documenten.filter((d) => d.extern).map((d) => ({ id: d.id, bestandsnaam: d.bestandsnaam, mediatype: d.mediatype, grootte: d.grootte })),
      };
    },

    /** An external document of the zaak behind a tracking code (for the tracking page); null when unknown. */
    async documentVoorInwoner(gemeente: string, code: string, documentId: string) {
      const volgcode = volgcodeUitTekst(code);
      if (!volgcode) return null;
      const rij = await repository.opVolgcodeHash(gemeente, volgcodeHash(volgcode));
      if (!rij) return null;
      const document = await repository.document(gemeente, rij.id, documentId);
      return document?.extern ? document : null;
    },

    /**
     * A reply from the resident through the tracking page: an external timeline entry, a mail
     * to the behandelaar; on a suspended zaak it marks 'reactie ontvangen' so the handler ends
     * the suspension. The same text again within DUBBELE_REACTIE_MS (a double click, back and
     * send again) is taken as already received: no second entry or mail (`dubbel: true`).
     * Null when the code is unknown; 409 when the zaak is closed.
     */
    async reactieVanInwoner(gemeente: string, code: string, invoer: { tekst: string }, context: Context) {
      const volgcode = volgcodeUitTekst(code);
      if (!volgcode) return null;
      const gevonden = await repository.opVolgcodeHash(gemeente, volgcodeHash(volgcode));
      if (!gevonden) return null;
      const inwoner: Wie = { context, gebruiker: null, naam: null, rollen: ['beheerder'] };
      let opgeschort = false;
      const toegevoegd = await wijzig(inwoner, gemeente, gevonden.id, null, 'zaak-reactie-inwoner', async (w) => {
        // The zaak row is locked here, so two requests at once see each other's reply.
        const grens = new Date(klok.nu().getTime() - DUBBELE_REACTIE_MS).toISOString();
        const zelfde = w.gebeurtenissen.some((g) => g.soort === 'reactie' && g.doorInwoner && g.gegevens.tekst === invoer.tekst && new Date(g.op).toISOString() >= grens);
        opgeschort = w.voor.opgeschort;
        if (zelfde) return GEEN_WIJZIGING;
        await w.voegToe({ soort: 'reactie', gegevens: { tekst: invoer.tekst }, extern: true, doorInwoner: true });
        if (w.rij.behandelaar_id) {
          const medewerker = await w.repo.medewerker(gemeente, w.rij.behandelaar_id, ['behandelaar', 'teamleider', 'beheerder']);
          if (medewerker) {
            const t = vertaler('nl', 'zaken');
            const waarden = { identificatie: w.rij.identificatie, onderwerp: w.rij.onderwerp, tekst: invoer.tekst };
            await berichten.verstuur(
              {
                gemeente,
                aan: medewerker.email,
                onderwerp: t('mail.reactie.onderwerp', waarden),
                tekst: [t('mail.reactie.tekst', waarden), ...(opgeschort ? [t('mail.reactie.opgeschort')] : [])].join('\n\n'),
              },
              { transactie: w.transactie },
            );
          }
        }
        return { opgeschort };
      });
      return { identificatie: gevonden.identificatie, reactieOntvangen: opgeschort, dubbel: !toegevoegd };
    },

    /**
     * Retention of the resident's contact data (ADR 0013): e-mail and telephone are erased one
     * year after the zaak closed; name and language stay with the zaak for its own term. For the
     * housekeeping job; logged in the audit log.
     */
    async ruimContactgegevensOp(context: Context, gemeente: string): Promise<number> {
      const grens = new Date(klok.nu());
      grens.setUTCFullYear(grens.getUTCFullYear() - 1);
      const aantal = await repository.wisContactgegevens(gemeente, grens.toISOString());
      if (aantal > 0) await audit.log(context, { gemeente, actie: 'contactgegevens-inwoners-wissen', details: { aantal, geslotenVoor: grens.toISOString() } });
      return aantal;
    },

    /**
     * Open, not suspended zaken whose deadline is within `werkdagen` working days from today
     * (0: due today) or has passed, by deadline (keyset with `na`). For the deadline watcher;
     * each row carries the behandelaar's e-mail address when there is one.
     */
    async openZakenMetTermijn(gemeente: string, opties: { werkdagen: number; limit?: number; na?: { einddatum: string; id: string } }) {
      const dag = vandaag();
      const sluitingsdagen = await deps.sluitingsdagen(gemeente);
      const tot = opties.werkdagen > 0 ? berekenTermijn(dag, { soort: 'werkdagen', aantal: opties.werkdagen }, sluitingsdagen).einddatum : dag;
      const rijen = await repository.openZakenMetTermijnTot(gemeente, tot, opties.limit ?? 500, opties.na);
      const emails = new Map<string, string>();
      for (const id of new Set(rijen.map((r) => r.behandelaarId).filter((x): x is string => x !== null))) {
        const medewerker = await repository.medewerker(gemeente, id, ['behandelaar', 'teamleider', 'beheerder']);
        if (medewerker) emails.set(id, medewerker.email);
      }
      return rijen.map((r) => ({ ...samenvatting(r, dag, eindeDezeWeek(dag, sluitingsdagen)), behandelaarEmail: r.behandelaarId ? (emails.get(r.behandelaarId) ?? null) : null }));
    },
  };
}

export type ZakenService = ReturnType<typeof zakenService>;
