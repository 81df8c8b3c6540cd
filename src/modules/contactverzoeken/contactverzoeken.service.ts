import { randomUUID } from 'node:crypto';
import type { ContactverzoekStatus } from '../../db/schema.ts';
import type { InvalidParam } from '../../http/problem.ts';
import { heeftRecht } from '../../http/rechten.ts';
import type { Klok } from '../../klok.ts';
import { systeemContext, type AuditService, type Context } from '../audit/audit.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { berekenTermijn, kalenderdag, telWerkdagenNa, type Sluitingsdagen } from '../termijnen/kalender.ts';
import type { TeamsRepository } from '../teams/teams.repository.ts';
import type { TermijnbewakingRepository } from '../termijnbewaking/termijnbewaking.repository.ts';
import type { Wie } from '../zaken/zaken.service.ts';
import { eindeDezeWeek, termijnband } from '../zaken/zaken.projectie.ts';
import {
  contactverzoekNietGevonden,
  geenEmailVoorBevestiging,
  nietVoorU,
  nogGeenPoging,
  onbekendeMedewerker,
  onbekendKlantcontact,
  onbekendTeam,
  ongeldigContactverzoek,
  statusIsVeranderd,
} from './contactverzoeken.errors.ts';
import { bevestigingAanInwoner, escalatieAanTeamleider, herinneringAanMedewerker } from './contactverzoeken.mails.ts';
import type { ContactverzoekDoor, ContactverzoekenRepository, ContactverzoekRecord, Medewerker, OpenContactverzoek } from './contactverzoeken.repository.ts';
import type { AfhandelenInvoer, NieuwContactverzoekInvoer, PogingInvoer, WachtrijInvoer } from './contactverzoeken.schemas.ts';

/** The processing of a resident's data in a callback request (the processing log). */
export const VERWERKING_CONTACTVERZOEKEN = {
  verwerkingsactiviteit: 'loket:verwerkingsactiviteit:contactverzoek',
  grondslag: 'AVG art. 6 lid 1 sub e (taak van algemeen belang: inwoners te woord staan en terugbellen op hun verzoek)',
  betrokkeneType: 'inwoner',
} as const;

/** The term of a callback request when its onderwerp has no norm of its own (ADR 0048). */
export const STANDAARD_WERKDAGEN = 2;

/** How long the resident of a handled request is kept: one year after it was handled (ADR 0048). */
export const PERSOON_BEWAARTERMIJN = 'P1Y';

/** The pg-boss queue of the watcher of callback requests. */
export const CONTACTVERZOEKEN_BEWAKEN = 'contactverzoeken.bewaken';

const OPEN: readonly ContactverzoekStatus[] = ['open', 'in-behandeling'];

function doorVan(wie: Wie): ContactverzoekDoor {
  const type = wie.context.actorType;
  return { type: type === 'anoniem' ? 'systeem' : type, id: wie.gebruiker, naam: wie.naam ?? wie.context.actorNaam };
}

/** Who a request is for, in words (for staff mails). */
const voorWie = (v: { team: { naam: string } | null; medewerker: { naam: string } | null }) =>
  [v.medewerker ? v.medewerker.naam : null, v.team ? `team ${v.team.naam}` : null].filter(Boolean).join(' en ');

const uniek = (mensen: Medewerker[]): Medewerker[] => mensen.filter((m, i, alle) => alle.findIndex((x) => x.id === m.id) === i);

export interface ContactverzoekenDeps {
  repository: ContactverzoekenRepository;
  /** The teams module's lookups: does a team exist, which teams is someone in. */
  teams: Pick<TeamsRepository, 'bestaat' | 'teamsVan'>;
  /** Who to warn: the teamleiders of a team and the beheerders (the deadline watcher's queries). */
  medewerkers: Pick<TermijnbewakingRepository, 'teamleiders' | 'beheerders'>;
  gemeenten: Pick<GemeentenRepository, 'lijst' | 'opCode'>;
  berichten: Berichten;
  audit: AuditService;
  klok: Klok;
  sluitingsdagen: (gemeente: string) => Promise<Sluitingsdagen>;
  /** Whether a klantcontact exists in the gemeente (the klantcontacten module's repository). */
  klantcontactBestaat: (gemeente: string, id: string) => Promise<boolean>;
  publicUrl: string;
}

/**
 * Contactverzoeken (ADR 0048): the KCC asks a team or a named staff member to contact a resident.
 * The deadline comes from the calendar: the norm of the onderwerp in werkdagen (default 2) from
 * the day after the request, skipping weekends, holidays and the gemeente's closure days. The
 * team (or person) picks it up, records each attempt, and closes it as afgerond (with the
 * outcome) or niet bereikt. A watcher reminds the handlers before the deadline and tells the
 * teamleider after it, each once per request.
 */
export function contactverzoekenService(deps: ContactverzoekenDeps) {
  const { repository, audit, klok, berichten } = deps;

  async function bestaand(gemeente: string, id: string): Promise<ContactverzoekRecord> {
    const verzoek = await repository.opId(gemeente, id);
    if (!verzoek) throw contactverzoekNietGevonden();
    return verzoek;
  }

  /** A beheerder, the named staff member, or a member of the team. */
  async function magBehandelen(wie: Wie, gemeente: string, verzoek: Pick<ContactverzoekRecord, 'team' | 'medewerker'>): Promise<boolean> {
    if (heeftRecht(wie.rollen, 'beheer')) return true;
    if (!wie.gebruiker) return false;
    if (verzoek.medewerker?.id === wie.gebruiker) return true;
    return verzoek.team !== null && (await deps.teams.teamsVan(gemeente, wie.gebruiker)).includes(verzoek.team.id);
  }

  /** The request, for someone who may handle it; otherwise 404 (not theirs to see) or 403. */
  async function voorBehandeling(wie: Wie, gemeente: string, id: string): Promise<ContactverzoekRecord> {
    const verzoek = await bestaand(gemeente, id);
    if (!(await magBehandelen(wie, gemeente, verzoek))) throw nietVoorU();
    return verzoek;
  }

  const link = (gemeente: string, id: string) => `${deps.publicUrl.replace(/\/$/, '')}/medewerkers/${gemeente}/contactverzoeken/${id}`;

  /**
   * Sends the reminder or the escalation of one request once: records it (the key is the
   * request and the kind) in the transaction that queues its mails and appends it to the history.
   */
  async function meld(gemeente: string, verzoek: OpenContactverzoek, soort: 'herinnering' | 'escalatie', nu: string): Promise<boolean> {
    return repository.samen(async () => {
      if (!(await repository.isOpen(gemeente, verzoek.id))) return false;
      const record = await bestaand(gemeente, verzoek.id);
      let ontvangers: Medewerker[];
      if (soort === 'herinnering') {
        const persoon = verzoek.medewerkerId ? await repository.medewerker(verzoek.medewerkerId) : undefined;
        ontvangers = persoon ? [persoon] : verzoek.teamId ? await repository.teamleden(gemeente, verzoek.teamId) : [];
      } else {
        ontvangers = verzoek.teamId
          ? await deps.medewerkers.teamleiders(gemeente, verzoek.teamId)
          : verzoek.medewerkerId
            ? await repository.teamleidersVan(gemeente, verzoek.medewerkerId)
            : [];
      }
      ontvangers = uniek(ontvangers);
      if (ontvangers.length === 0) ontvangers = await deps.medewerkers.beheerders(gemeente);
      const adressen = ontvangers.map((m) => m.email);
      if (!(await repository.legMeldingVast(gemeente, verzoek.id, soort, adressen, nu))) return false;
      const waarden = { onderwerp: record.onderwerp, uiterlijkOp: record.uiterlijkOp, voor: voorWie(record), link: link(gemeente, record.id) };
      for (const m of ontvangers) {
        await berichten.verstuur(soort === 'herinnering' ? herinneringAanMedewerker(gemeente, m.email, waarden) : escalatieAanTeamleider(gemeente, m.email, waarden));
      }
      await repository.voegGebeurtenisToe(gemeente, verzoek.id, { soort, gegevens: { ontvangers: ontvangers.map((m) => m.naam), uiterlijkOp: record.uiterlijkOp }, door: { id: null, naam: null }, op: nu });
      await audit.log(systeemContext(), { gemeente, actie: `contactverzoek-${soort}`, objectType: 'contactverzoek', objectId: verzoek.id, details: { ontvangers: adressen } });
      return true;
    });
  }

  /** The deadline a request about this onderwerp made now gets. */
  async function termijn(gemeente: string, onderwerp: string): Promise<{ normWerkdagen: number; uiterlijkOp: string }> {
    const normWerkdagen = (await repository.norm(gemeente, onderwerp)) ?? STANDAARD_WERKDAGEN;
    const t = berekenTermijn(kalenderdag(klok.nu()), { soort: 'werkdagen', aantal: normWerkdagen }, await deps.sluitingsdagen(gemeente));
    return { normWerkdagen, uiterlijkOp: t.einddatum };
  }

  const normen = async (gemeente: string) => ({ standaardWerkdagen: STANDAARD_WERKDAGEN, normen: await repository.normen(gemeente) });

  return {
    termijn,

    /**
     * Makes a request: checks the team, staff member and klantcontact, computes the deadline,
     * stores the request, its resident and its first history entry, and (optionally) queues the
     * confirmation to the resident, all in one transaction.
     */
    async maak(wie: Wie, gemeente: string, invoer: NieuwContactverzoekInvoer): Promise<ContactverzoekRecord> {
      const fouten: InvalidParam[] = [];
      if (invoer.team && !(await deps.teams.bestaat(gemeente, invoer.team))) fouten.push(onbekendTeam());
      if (invoer.medewerker && !(await repository.medewerkerBestaat(gemeente, invoer.medewerker))) fouten.push(onbekendeMedewerker());
      if (invoer.klantcontact && !(await deps.klantcontactBestaat(gemeente, invoer.klantcontact))) fouten.push(onbekendKlantcontact());
      if (invoer.bevestiging && !invoer.persoon.email) fouten.push(geenEmailVoorBevestiging());
      if (fouten.length > 0) throw ongeldigContactverzoek(fouten);

      const nu = klok.nu().toISOString();
      const id = randomUUID();
      const { normWerkdagen, uiterlijkOp } = await termijn(gemeente, invoer.onderwerp);
      const door = doorVan(wie);
      const persoon = { naam: invoer.persoon.naam, telefoon: invoer.persoon.telefoon ?? null, email: invoer.persoon.email ?? null };
      const gemeenteRec = invoer.bevestiging ? await deps.gemeenten.opCode(gemeente) : undefined;
      await repository.samen(async () => {
        await repository.voegToe(gemeente, {
          id,
          onderwerp: invoer.onderwerp,
          vraag: invoer.vraag,
          toelichting: invoer.toelichting,
          teamId: invoer.team ?? null,
          medewerkerId: invoer.medewerker ?? null,
          klantcontactId: invoer.klantcontact ?? null,
          normWerkdagen,
          uiterlijkOp,
          aangemaaktOp: nu,
          door,
          persoon,
        });
        // No personal data in the history: it outlives the resident's retention term.
        await repository.voegGebeurtenisToe(gemeente, id, { soort: 'aangemaakt', gegevens: { normWerkdagen, uiterlijkOp }, door, op: nu });
        if (invoer.bevestiging && persoon.email && gemeenteRec) {
          await berichten.verstuur(bevestigingAanInwoner(gemeenteRec, persoon.email, invoer.taal, { naam: persoon.naam, onderwerp: invoer.onderwerp, uiterlijkOp }));
          await repository.voegGebeurtenisToe(gemeente, id, { soort: 'bevestiging', gegevens: { taal: invoer.taal }, door, op: nu });
        }
        await audit.log(wie.context, {
          gemeente,
          actie: 'contactverzoek-maken',
          objectType: 'contactverzoek',
          objectId: id,
          details: { team: invoer.team ?? null, medewerker: invoer.medewerker ?? null, uiterlijkOp, bevestiging: invoer.bevestiging },
        });
        await audit.verwerking(wie.context, { gemeente, naam: 'contactverzoek-maken', ...VERWERKING_CONTACTVERZOEKEN, betrokkeneIds: [id] });
      });
      return bestaand(gemeente, id);
    },

    /**
     * One request with its resident and history: for its handlers, whoever made it, and who
     * reads the gemeente's klantcontacten (the KCC, teamleiders, beheerders). Reading the
     * resident is logged.
     */
    async haal(wie: Wie, gemeente: string, id: string): Promise<ContactverzoekRecord> {
      const verzoek = await bestaand(gemeente, id);
      const mag =
        heeftRecht(wie.rollen, 'klantcontactenLezen') || (wie.gebruiker !== null && verzoek.aangemaaktDoor.id === wie.gebruiker) || (await magBehandelen(wie, gemeente, verzoek));
      if (!mag) throw contactverzoekNietGevonden();
      if (verzoek.persoon) await audit.verwerking(wie.context, { gemeente, naam: 'contactverzoek-bekijken', ...VERWERKING_CONTACTVERZOEKEN, betrokkeneIds: [id] });
      return verzoek;
    },

    /**
     * The queue: open requests of the caller's teams and to the caller, by deadline. `team`:
     * one of them (a beheerder: any team); `alle`: every open request (who reads klantcontacten).
     */
    async wachtrij(wie: Wie, gemeente: string, q: WachtrijInvoer) {
      const eigenTeams = wie.gebruiker ? await deps.teams.teamsVan(gemeente, wie.gebruiker) : [];
      const fouten: InvalidParam[] = [];
      if (q.alle && !heeftRecht(wie.rollen, 'klantcontactenLezen')) {
        fouten.push({ name: 'query.alle', code: 'geen-toegang', reason: 'U ziet alleen de verzoeken van uw eigen teams en aan uzelf.' });
      }
      if (q.team && !eigenTeams.includes(q.team) && !heeftRecht(wie.rollen, 'beheer')) {
        fouten.push({ name: 'query.team', code: 'niet-uw-team', reason: 'Kies een van uw eigen teams.' });
      }
      if (fouten.length > 0) throw ongeldigContactverzoek(fouten);
      const [{ rijen, totaal }, sluitingsdagen] = await Promise.all([
        repository.wachtrij(gemeente, {
          teams: q.team ? [q.team] : eigenTeams,
          medewerker: q.team ? null : wie.gebruiker,
          alle: q.alle,
          mij: q.mij ? (wie.gebruiker ?? '') : undefined,
          status: q.status,
          offset: (q.page - 1) * q.pageSize,
          limit: q.pageSize,
        }),
        deps.sluitingsdagen(gemeente),
      ]);
      // The same bands as the zaken queue, on the gemeente's calendar.
      const vandaag = kalenderdag(klok.nu());
      const grens = eindeDezeWeek(vandaag, sluitingsdagen);
      return { items: rijen.map((r) => ({ ...r, termijnband: termijnband(r.uiterlijkOp, vandaag, grens) })), totaal };
    },

    /** Picks a request up: in behandeling, with the caller as its handler. */
    async pakOp(wie: Wie, gemeente: string, id: string): Promise<ContactverzoekRecord> {
      const verzoek = await voorBehandeling(wie, gemeente, id);
      const nu = klok.nu().toISOString();
      const door = doorVan(wie);
      await repository.samen(async () => {
        if (!(await repository.zetStatus(gemeente, id, ['open', 'in-behandeling'], { status: 'in-behandeling', behandelaarId: wie.gebruiker }))) throw statusIsVeranderd(verzoek.status);
        await repository.voegGebeurtenisToe(gemeente, id, { soort: 'opgepakt', gegevens: {}, door, op: nu });
        await audit.log(wie.context, { gemeente, actie: 'contactverzoek-oppakken', objectType: 'contactverzoek', objectId: id, details: {} });
      });
      return bestaand(gemeente, id);
    },

    /**
     * Records one attempt to reach the resident (append-only). The first attempt puts an open
     * request in behandeling with the caller as handler.
     */
    async poging(wie: Wie, gemeente: string, id: string, invoer: PogingInvoer): Promise<ContactverzoekRecord> {
      const verzoek = await voorBehandeling(wie, gemeente, id);
      if (!OPEN.includes(verzoek.status)) throw statusIsVeranderd(verzoek.status);
      const nu = klok.nu().toISOString();
      const door = doorVan(wie);
      await repository.samen(async () => {
        const behandelaar = verzoek.behandelaar === null ? { behandelaarId: wie.gebruiker } : {};
        if (!(await repository.zetStatus(gemeente, id, OPEN, { status: 'in-behandeling', ...behandelaar }))) throw statusIsVeranderd(verzoek.status);
        await repository.voegGebeurtenisToe(gemeente, id, { soort: 'poging', gegevens: { bereikt: invoer.bereikt, kanaal: invoer.kanaal, notitie: invoer.notitie }, door, op: nu });
        await audit.log(wie.context, { gemeente, actie: 'contactverzoek-poging', objectType: 'contactverzoek', objectId: id, details: { bereikt: invoer.bereikt, kanaal: invoer.kanaal } });
        await audit.verwerking(wie.context, { gemeente, naam: 'contactverzoek-poging', ...VERWERKING_CONTACTVERZOEKEN, betrokkeneIds: [id] });
      });
      return bestaand(gemeente, id);
    },

    /** Closes a request: afgerond with its outcome, or niet bereikt after at least one attempt. */
    async handelAf(wie: Wie, gemeente: string, id: string, invoer: AfhandelenInvoer): Promise<ContactverzoekRecord> {
      const verzoek = await voorBehandeling(wie, gemeente, id);
      if (!OPEN.includes(verzoek.status)) throw statusIsVeranderd(verzoek.status);
      if (invoer.status === 'niet-bereikt' && verzoek.pogingen === 0) throw nogGeenPoging();
      const nu = klok.nu().toISOString();
      const door = doorVan(wie);
      await repository.samen(async () => {
        const behandelaar = verzoek.behandelaar === null ? { behandelaarId: wie.gebruiker } : {};
        const uitkomst = invoer.uitkomst === '' ? null : invoer.uitkomst;
        if (!(await repository.zetStatus(gemeente, id, OPEN, { status: invoer.status, uitkomst, afgehandeldOp: nu, ...behandelaar }))) throw statusIsVeranderd(verzoek.status);
        await repository.voegGebeurtenisToe(gemeente, id, { soort: invoer.status, gegevens: { uitkomst, binnenTermijn: kalenderdag(nu) <= verzoek.uiterlijkOp }, door, op: nu });
        await audit.log(wie.context, { gemeente, actie: 'contactverzoek-afhandelen', objectType: 'contactverzoek', objectId: id, details: { status: invoer.status } });
      });
      return bestaand(gemeente, id);
    },

    normen,

    async zetNormen(context: Context, gemeente: string, nieuw: { onderwerp: string; werkdagen: number }[]) {
      await repository.zetNormen(gemeente, nieuw);
      await audit.log(context, { gemeente, actie: 'contactverzoek-normen', details: { normen: nieuw } });
      return normen(gemeente);
    },

    /**
     * One round of the watcher over every gemeente: a reminder to the handlers of each open
     * request whose deadline is today or the next working day, and an escalation to the
     * teamleider of each one whose deadline has passed. Each once per request; safe to run at
     * any time and as often as wanted.
     */
    async bewaak(): Promise<{ herinneringen: number; escalaties: number }> {
      const nu = klok.nu();
      const dag = kalenderdag(nu);
      const telling = { herinneringen: 0, escalaties: 0 };
      for (const gemeente of await deps.gemeenten.lijst()) {
        const morgen = telWerkdagenNa(dag, 1, await deps.sluitingsdagen(gemeente.code)).datum;
        let na: { uiterlijkOp: string; id: string } | undefined;
        for (;;) {
          const verzoeken = await repository.openTot(gemeente.code, morgen, na, 200);
          for (const v of verzoeken) {
            const soort = v.uiterlijkOp < dag ? 'escalatie' : 'herinnering';
            if (await meld(gemeente.code, v, soort, nu.toISOString())) {
              if (soort === 'escalatie') telling.escalaties++;
              else telling.herinneringen++;
            }
          }
          const laatste = verzoeken.at(-1);
          if (!laatste || verzoeken.length < 200) break;
          na = { uiterlijkOp: laatste.uiterlijkOp, id: laatste.id };
        }
      }
      return telling;
    },

    /** Erases the resident of every request handled more than a year ago (housekeeping). */
    async ruimPersoonsgegevensOp(context: Context, gemeente: string): Promise<number> {
      const nu = klok.nu();
      const grens = new Date(nu);
      grens.setUTCFullYear(grens.getUTCFullYear() - 1);
      const aantal = await repository.wisPersonen(gemeente, grens.toISOString(), nu.toISOString(), PERSOON_BEWAARTERMIJN);
      if (aantal > 0) await audit.log(context, { gemeente, actie: 'contactverzoek-personen-wissen', details: { aantal, afgehandeldVoor: grens.toISOString() } });
      return aantal;
    },
  };
}

export type ContactverzoekenService = ReturnType<typeof contactverzoekenService>;
