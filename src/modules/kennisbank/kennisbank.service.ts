import { randomUUID } from 'node:crypto';
import { verouderd } from '../../http/etag.ts';
import type { InvalidParam } from '../../http/problem.ts';
import { heeftRecht } from '../../http/rechten.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import type { TeamsRepository } from '../teams/teams.repository.ts';
import type { Wie } from '../zaken/zaken.service.ts';
import { artikelNietGevonden, geenEigenaar, meldingAlAfgehandeld, meldingNietGevonden, nietUwTeam, onbekendeVersie, onbekendTeam, ongeldigeInvoer } from './kennisbank.errors.ts';
import type { ArtikelInhoud, ArtikelRecord, KennisbankRepository, MeldingRecord } from './kennisbank.repository.ts';
import type { AfhandelenInvoer, ArtikelenInvoer, ArtikelInvoer, MeldingenInvoer, MeldingInvoer, ZoekInvoer } from './kennisbank.schemas.ts';

const SOORT_TEKST: Record<MeldingRecord['soort'], string> = {
  'klopt-niet': 'Deze informatie klopt niet',
  onvolledig: 'Deze informatie is onvolledig',
  onduidelijk: 'Deze informatie is onduidelijk',
  'fout-in-informatie': 'Fout in informatie',
  'fout-in-proces': 'Fout in een proces',
};

const doorVan = (wie: Wie) => ({ id: wie.gebruiker, naam: wie.naam ?? wie.context.actorNaam ?? 'onbekend' });

const inhoudVan = (a: ArtikelInvoer): ArtikelInhoud => ({
  soort: a.soort,
  onderwerp: a.onderwerp,
  titel: a.titel,
  inhoud: a.inhoud,
  trefwoorden: a.trefwoorden,
  url: a.url,
  teamId: a.team,
  herzienOp: a.herzienOp,
});

/** A report as the API shows it: who reported it by name, not by id. */
function zonderMelder(m: MeldingRecord): Omit<MeldingRecord, 'gemeldDoorId'> {
  const kopie: Partial<MeldingRecord> = { ...m };
  delete kopie.gemeldDoorId;
  return kopie as Omit<MeldingRecord, 'gemeldDoorId'>;
}

export interface KennisbankDeps {
  repository: KennisbankRepository;
  /** The teams module's lookups: does a team exist, which teams is someone in. */
  teams: Pick<TeamsRepository, 'bestaat' | 'teamsVan'>;
  berichten: Berichten;
  audit: AuditService;
  klok: Klok;
  publicUrl: string;
}

/**
 * The knowledge base (ADR 0049): articles per onderwerp owned by a team, each change a new
 * version; the search; reports that information or a process is wrong, which become a task for
 * the owning team, who answers (the reporter is told by mail and sees the answer in the list).
 */
export function kennisbankService(deps: KennisbankDeps) {
  const { repository, audit, klok, berichten } = deps;

  const eigenTeams = async (wie: Wie, gemeente: string): Promise<string[]> => (wie.gebruiker ? deps.teams.teamsVan(gemeente, wie.gebruiker) : []);

  async function artikel(gemeente: string, id: string): Promise<ArtikelRecord> {
    const a = await repository.opId(gemeente, id);
    if (!a) throw artikelNietGevonden();
    return a;
  }

  /** The owning team's members and beheerders. */
  async function isEigenaar(wie: Wie, gemeente: string, teamId: string): Promise<boolean> {
    return heeftRecht(wie.rollen, 'beheer') || (await eigenTeams(wie, gemeente)).includes(teamId);
  }

  /**
   * Checks the team of an article: it exists; a new article is for one of the caller's own teams
   * (a beheerder: any); the owning team may hand an article over to another team.
   */
  async function controleerTeam(wie: Wie, gemeente: string, teamId: string, nieuw: boolean): Promise<void> {
    const fouten: InvalidParam[] = [];
    if (!(await deps.teams.bestaat(gemeente, teamId))) fouten.push(onbekendTeam());
    else if (nieuw && !(await isEigenaar(wie, gemeente, teamId))) fouten.push(nietUwTeam());
    if (fouten.length > 0) throw ongeldigeInvoer(fouten);
  }

  const metStatus = (a: ArtikelRecord) => ({ ...a, teHerzien: a.herzienOp < kalenderdag(klok.nu()) });

  async function zichtbareMelding(wie: Wie, gemeente: string, id: string): Promise<MeldingRecord> {
    const m = await repository.melding(gemeente, id);
    if (!m) throw meldingNietGevonden();
    const mag = (wie.gebruiker !== null && m.gemeldDoorId === wie.gebruiker) || (await isEigenaar(wie, gemeente, m.team.id));
    if (!mag) throw meldingNietGevonden();
    return m;
  }

  return {
    /** Search as you type: the best `limit` articles for the typed text. */
    zoek: (gemeente: string, z: ZoekInvoer) => repository.zoek(gemeente, { tekst: z.q, onderwerp: z.onderwerp, soort: z.soort, limit: z.limit }),

    /** The topics (onderwerpen) of the articles: what the KCC registers a contact under. */
    onderwerpen: async (gemeente: string) => ({ items: await repository.onderwerpen(gemeente) }),

    async lijst(wie: Wie, gemeente: string, q: ArtikelenInvoer) {
      let teams: string[] | undefined = q.team ? [q.team] : undefined;
      if (q.teHerzien && !heeftRecht(wie.rollen, 'beheer')) {
        const eigen = await eigenTeams(wie, gemeente);
        teams = teams ? teams.filter((t) => eigen.includes(t)) : eigen;
      }
      const { rijen, totaal } = await repository.lijst(gemeente, {
        onderwerp: q.onderwerp,
        soort: q.soort,
        teams,
        teHerzienVoor: q.teHerzien ? kalenderdag(klok.nu()) : undefined,
        offset: (q.page - 1) * q.pageSize,
        limit: q.pageSize,
      });
      return { items: rijen, totaal };
    },

    haal: async (gemeente: string, id: string) => metStatus(await artikel(gemeente, id)),

    async versies(gemeente: string, id: string) {
      await artikel(gemeente, id);
      return { items: await repository.versies(gemeente, id) };
    },

    async maak(wie: Wie, gemeente: string, invoer: ArtikelInvoer) {
      await controleerTeam(wie, gemeente, invoer.team, true);
      const id = randomUUID();
      const op = klok.nu().toISOString();
      await repository.samen(async () => {
        await repository.voegToe(gemeente, id, inhoudVan(invoer), { toelichting: invoer.toelichting, door: doorVan(wie), op });
        await audit.log(wie.context, { gemeente, actie: 'kennisartikel-maken', objectType: 'kennisartikel', objectId: id, details: { titel: invoer.titel, team: invoer.team } });
      });
      return metStatus(await artikel(gemeente, id));
    },

    /** A new version, by the owning team (or a beheerder), based on `versie` (If-Match). */
    async wijzig(wie: Wie, gemeente: string, id: string, versie: number, invoer: ArtikelInvoer) {
      const huidig = await artikel(gemeente, id);
      if (!(await isEigenaar(wie, gemeente, huidig.team.id))) throw geenEigenaar();
      await controleerTeam(wie, gemeente, invoer.team, false);
      const op = klok.nu().toISOString();
      await repository.samen(async () => {
        if (!(await repository.wijzig(gemeente, id, versie, inhoudVan(invoer), { toelichting: invoer.toelichting, door: doorVan(wie), op }))) throw verouderd();
        await audit.log(wie.context, { gemeente, actie: 'kennisartikel-wijzigen', objectType: 'kennisartikel', objectId: id, details: { versie: versie + 1, toelichting: invoer.toelichting } });
      });
      return metStatus(await artikel(gemeente, id));
    },

    /** "Deze informatie klopt niet / is onvolledig / is onduidelijk": a task for the article's team. */
    async meldOpArtikel(wie: Wie, gemeente: string, artikelId: string, invoer: { soort: 'klopt-niet' | 'onvolledig' | 'onduidelijk'; toelichting: string }) {
      const a = await artikel(gemeente, artikelId);
      const id = randomUUID();
      await repository.samen(async () => {
        await repository.voegMeldingToe(gemeente, { id, artikelId, artikelVersie: a.versie, soort: invoer.soort, toelichting: invoer.toelichting, teamId: a.team.id, door: doorVan(wie), op: klok.nu().toISOString() });
        await audit.log(wie.context, { gemeente, actie: 'kennis-melden', objectType: 'kennis-melding', objectId: id, details: { artikel: artikelId, soort: invoer.soort } });
      });
      return zonderMelder(await zichtbareMelding(wie, gemeente, id));
    },

    /** Any staff member reports an error in information or a process to the team it belongs to. */
    async meld(wie: Wie, gemeente: string, invoer: MeldingInvoer) {
      const fouten: InvalidParam[] = [];
      if (!(await deps.teams.bestaat(gemeente, invoer.team))) fouten.push(onbekendTeam());
      const a = invoer.artikel ? await repository.opId(gemeente, invoer.artikel) : undefined;
      if (invoer.artikel && !a) fouten.push({ name: 'artikel', code: 'onbekend-artikel', reason: 'Dit kennisartikel bestaat niet in deze gemeente.' });
      if (fouten.length > 0) throw ongeldigeInvoer(fouten);
      const id = randomUUID();
      await repository.samen(async () => {
        await repository.voegMeldingToe(gemeente, {
          id,
          artikelId: a?.id ?? null,
          artikelVersie: a?.versie ?? null,
          soort: invoer.soort,
          toelichting: invoer.toelichting,
          teamId: invoer.team,
          door: doorVan(wie),
          op: klok.nu().toISOString(),
        });
        await audit.log(wie.context, { gemeente, actie: 'kennis-melden', objectType: 'kennis-melding', objectId: id, details: { soort: invoer.soort, team: invoer.team } });
      });
      return zonderMelder(await zichtbareMelding(wie, gemeente, id));
    },

    async meldingen(wie: Wie, gemeente: string, q: MeldingenInvoer) {
      const pagina = { offset: (q.page - 1) * q.pageSize, limit: q.pageSize };
      const { rijen, totaal } =
        q.voor === 'team' ? await repository.meldingen(gemeente, { teams: await eigenTeams(wie, gemeente), ...pagina }) : await repository.meldingen(gemeente, { melder: wie.gebruiker ?? '', ...pagina });
      return { items: rijen.map(zonderMelder), totaal };
    },

    melding: async (wie: Wie, gemeente: string, id: string) => zonderMelder(await zichtbareMelding(wie, gemeente, id)),

    /**
     * The owning team answers a report (and says which version of the article corrects it, if
     * any); the reporter gets the answer by mail through the outbox, in the same transaction.
     */
    async handelMeldingAf(wie: Wie, gemeente: string, id: string, invoer: AfhandelenInvoer) {
      const m = await zichtbareMelding(wie, gemeente, id);
      if (!(await isEigenaar(wie, gemeente, m.team.id))) throw geenEigenaar();
      if (m.status !== 'open') throw meldingAlAfgehandeld();
      if (invoer.gecorrigeerdInVersie !== undefined) {
        const a = m.artikel ? await repository.opId(gemeente, m.artikel.id) : undefined;
        if (!a || invoer.gecorrigeerdInVersie > a.versie || invoer.gecorrigeerdInVersie < (m.artikel?.versie ?? 1)) throw ongeldigeInvoer([onbekendeVersie()]);
      }
      const door = doorVan(wie);
      await repository.samen(async () => {
        if (!(await repository.handelMeldingAf(gemeente, id, { antwoord: invoer.antwoord, gecorrigeerdInVersie: invoer.gecorrigeerdInVersie ?? null, door, op: klok.nu().toISOString() }))) {
          throw meldingAlAfgehandeld();
        }
        const email = m.gemeldDoorId ? await repository.emailVan(m.gemeldDoorId) : undefined;
        if (email) {
          await berichten.verstuur({
            gemeente,
            aan: email,
            onderwerp: `Antwoord op uw melding: ${SOORT_TEKST[m.soort]}${m.artikel ? ` (${m.artikel.titel})` : ''}`,
            tekst: [
              `U meldde: ${m.toelichting}`,
              `Team ${m.team.naam} antwoordt: ${invoer.antwoord}`,
              ...(invoer.gecorrigeerdInVersie ? [`Het artikel is aangepast (versie ${invoer.gecorrigeerdInVersie}).`] : []),
              `Uw meldingen in Loket: ${deps.publicUrl.replace(/\/$/, '')}/medewerkers/${gemeente}/kennisbank/meldingen`,
            ].join('\n\n'),
          });
        }
        await audit.log(wie.context, { gemeente, actie: 'kennis-melding-afhandelen', objectType: 'kennis-melding', objectId: id, details: { gecorrigeerdInVersie: invoer.gecorrigeerdInVersie ?? null } });
      });
      return zonderMelder(await zichtbareMelding(wie, gemeente, id));
    },
  };
}

export type KennisbankService = ReturnType<typeof kennisbankService>;
