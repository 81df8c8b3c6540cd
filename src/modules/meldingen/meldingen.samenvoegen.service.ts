/**
 * Merging duplicate meldingen and reopening after the reporter's "nee" (issue 12, ADR 0074).
 *
 * Merging: the team of a main melding merges one or more open duplicates into it. Each duplicate
 * is closed through the zaken service with the result "Dubbel" and a text for its reporter that
 * names the main melding; its reporter and followers become followers of the main melding, so
 * every later status mail of the main melding reaches them (the zaken engine's followers, ADR
 * 0055). Checked first, then all in one transaction: a refused merge changes nothing.
 *
 * Reopening: a "nee" on the question after closing (KTO, ADR 0052) of a melding within 14 days of
 * its closing (calendar days, Europe/Amsterdam) makes a reopen request; later, "nee" is only
 * recorded. The team accepts it (the zaak reopens through the zaken engine with a new term per the
 * category's norm) or declines it with a reason the reporter gets by mail.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inEenTransactie } from '../../db/verzoek-transactie.ts';
import { heeftRecht } from '../../http/rechten.ts';
import { badRequest, conflict, ProblemError, type InvalidParam } from '../../http/problem.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import type { KtoVraag, NieuwAntwoord } from '../kto/kto.repository.ts';
import { kalenderdag, plusDagen } from '../termijnen/kalender.ts';
import type { Wie, ZakenService } from '../zaken/zaken.service.ts';
import { meldingAfgesloten, meldingNietGevonden } from './meldingen.errors.ts';
import { meldingenRepository, type MeldingenRepository } from './meldingen.repository.ts';
import { meldingSamenvoegenRepository } from './meldingen.samenvoegen.repository.ts';
import { DUBBEL_STRAAL_M, MELDING_ZAAKTYPE, type MeldingenService } from './meldingen.service.ts';

/** A "nee" up to this many calendar days (Europe/Amsterdam) after the closing day makes a reopen request. */
export const HEROPEN_DAGEN = 14;
/** At most this many meldingen merged at once. */
export const MAX_SAMENVOEGEN = 50;
/** The result a merged melding is closed with (the zaaktype must have it; meldingStatus shows it as geannuleerd). */
export const RESULTAAT_DUBBEL = 'dubbel';

export interface SamenvoegenDeps {
  db: Kysely<DB>;
  repository: MeldingenRepository;
  meldingen: Pick<MeldingenService, 'opZaak' | 'dubbelen' | 'geldendeCategorieen'>;
  zaken: Pick<ZakenService, 'procedureStap' | 'systeemGebeurtenis' | 'heropen' | 'detail'>;
  berichten: Berichten;
  audit: AuditService;
  klok: Klok;
}

const geenRechtTeam = () =>
  new ProblemError(403, 'geen-toegang', 'Geen toegang', { detail: 'Alleen het team van deze melding (of een beheerder) voegt meldingen samen en besluit over heropenen.' });

/** The text the reporter of a merged melding gets (mail and tracking page). */
export function samenvoegTekst(hoofd: string, toelichting: string): string {
  const basis = `Uw melding gaat over hetzelfde als melding ${hoofd}. Daarom hebben wij de meldingen samengevoegd. Wij werken verder aan melding ${hoofd}. U krijgt een e-mail als daar iets verandert.`;
  return toelichting ? `${basis}\n\n${toelichting}` : basis;
}

export function meldingSamenvoegenService(deps: SamenvoegenDeps) {
  const { db, klok, audit, zaken } = deps;
  const repo = meldingSamenvoegenRepository(db);

  /** The team of the melding, or a beheerder; else 403. */
  async function magVoorTeam(wie: Wie, gemeente: string, zaakId: string): Promise<void> {
    if (wie.rollen.includes('beheerder')) return;
    const team = await repo.teamVanZaak(gemeente, zaakId);
    if (!wie.gebruiker || team === undefined || !(await repo.inTeam(gemeente, wie.gebruiker, team))) throw geenRechtTeam();
  }

  return {
    /** Open meldingen of the same category near a melding (nearest first, at most 10): candidates to merge into it. */
    async kandidaten(gemeente: string, zaakId: string, straalM: number = DUBBEL_STRAAL_M) {
      const m = await deps.meldingen.opZaak(gemeente, zaakId);
      if (!m) throw meldingNietGevonden();
      if (m.lat === null || m.lon === null) return { items: [] };
      const gevonden = await deps.meldingen.dubbelen(gemeente, m.categorieCode, { lat: m.lat, lon: m.lon }, { straalM });
      return {
        items: gevonden
          .filter((d) => d.zaakId !== zaakId)
          .map((d) => ({ zaakId: d.zaakId, identificatie: d.identificatie, adres: d.adres, afstandM: d.afstandM, ontvangenOp: new Date(d.ontvangenOp).toISOString(), statusTekst: d.stand.statusTekst })),
      };
    },

    /** What was merged into this melding, and what it was merged into. */
    async samenvoegingen(gemeente: string, zaakId: string) {
      const hoofd = (await repo.hoofdVan(gemeente, [zaakId])).get(zaakId) ?? null;
      return { samengevoegdIn: hoofd, samengevoegd: await repo.samengevoegdIn(gemeente, zaakId) };
    },

    /** For Open311 and the queue: the main melding of each merged one. */
    hoofdVan: (gemeente: string, zaakIds: readonly string[]) => repo.hoofdVan(gemeente, zaakIds),

    /**
     * Merges `invoer.meldingen` into the main melding `hoofdZaakId`. Refused, with nothing
     * changed: into itself or twice the same (400), a melding that is not in this gemeente or not
     * a melding openbare ruimte (400), a closed main melding or a closed duplicate (409).
     */
    async samenvoegen(wie: Wie, gemeente: string, hoofdZaakId: string, invoer: { meldingen: string[]; toelichting: string }) {
      const hoofd = await deps.meldingen.opZaak(gemeente, hoofdZaakId);
      if (!hoofd) throw meldingNietGevonden();
      await magVoorTeam(wie, gemeente, hoofdZaakId);
      const fouten: InvalidParam[] = [];
      const gezien = new Set<string>();
      const zaaktypen = await repo.zaaktypen(gemeente, invoer.meldingen);
      const dubbelen: NonNullable<Awaited<ReturnType<typeof deps.meldingen.opZaak>>>[] = [];
      for (const [i, id] of invoer.meldingen.entries()) {
        const name = `meldingen.${i}`;
        if (id === hoofdZaakId) fouten.push({ name, code: 'zelfde-melding', reason: 'Een melding kan niet met zichzelf worden samengevoegd.' });
        else if (gezien.has(id)) fouten.push({ name, code: 'dubbel-gekozen', reason: 'Deze melding staat al eerder in de lijst.' });
        else {
          const m = await deps.meldingen.opZaak(gemeente, id);
          if (m) dubbelen.push(m);
          else if (zaaktypen.has(id) && zaaktypen.get(id) !== MELDING_ZAAKTYPE) fouten.push({ name, code: 'ander-zaaktype', reason: 'Deze zaak is geen melding openbare ruimte. Alleen meldingen worden samengevoegd.' });
          else fouten.push({ name, code: 'onbekende-melding', reason: 'Deze melding bestaat niet in deze gemeente.' });
        }
        gezien.add(id);
      }
      if (fouten.length > 0) throw badRequest(fouten);
      if (hoofd.stand.afgeslotenOp !== null) throw conflict('hoofdmelding-afgesloten', `Melding ${hoofd.identificatie} is al afgehandeld. Kies een open melding als hoofdmelding.`);
      const dicht = dubbelen.filter((m) => m.stand.afgeslotenOp !== null);
      if (dicht.length > 0) throw conflict('melding-afgesloten', `Al afgehandeld, dus niet meer samen te voegen: ${dicht.map((m) => m.identificatie).join(', ')}.`);

      const nu = klok.nu().toISOString();
      const systeem = { soort: 'systeem' as const, context: wie.context, naam: wie.naam };
      await inEenTransactie(db, async () => {
        for (const m of dubbelen) {
          const { versie } = await zaken.detail(wie, gemeente, m.zaakId, { loggen: false });
          await zaken.procedureStap(wie, gemeente, m.zaakId, versie, 'meldingenSamenvoegen', 'melding-samenvoegen', async (z) => {
            const dubbel = z.zaaktype.resultaattypen.find((r) => r.naam.trim().toLowerCase() === RESULTAAT_DUBBEL);
            if (!dubbel) throw conflict('geen-resultaat-dubbel', `Het zaaktype ${z.zaaktype.code} heeft geen resultaat "Dubbel". Een beheerder voegt dat toe; daarna kunt u samenvoegen.`);
            const eigen = meldingSamenvoegenRepository(z.transactie);
            if (!(await eigen.voegSamenvoegingToe(gemeente, { zaakId: m.zaakId, hoofdZaakId, doorGebruiker: wie.gebruiker, doorNaam: wie.naam, op: nu }))) throw meldingAfgesloten();
            const meldingRepo = meldingenRepository(z.transactie);
            const volgers = await meldingRepo.volgers(gemeente, m.zaakId, z.transactie);
            const nieuweVolgers = [...(z.betrokkene?.email ? [{ email: z.betrokkene.email, taal: z.betrokkene.taal }] : []), ...volgers];
            for (const v of nieuweVolgers) await meldingRepo.voegVolgerToe(gemeente, hoofdZaakId, v.email, v.taal, nu);
            return {
              gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst: `Samengevoegd met melding ${hoofd.identificatie}.` }, extern: false }],
              afsluiten: { resultaattype: dubbel.id, toelichting: samenvoegTekst(hoofd.identificatie, invoer.toelichting), zonderNaAfsluiten: true },
              details: { hoofd: hoofdZaakId, volgers: nieuweVolgers.length },
            };
          });
        }
        await zaken.systeemGebeurtenis(systeem, gemeente, hoofdZaakId, 'melding-samenvoegen-hoofd', async () => ({
          gebeurtenissen: [
            {
              soort: 'notitie',
              gegevens: { tekst: `Samengevoegd in deze melding: ${dubbelen.map((m) => m.identificatie).join(', ')}. Hun melders en volgers krijgen voortaan bericht bij een nieuwe status.${invoer.toelichting ? ` ${invoer.toelichting}` : ''}` },
              extern: false,
            },
          ],
          details: { samengevoegd: dubbelen.map((m) => m.zaakId) },
        }));
      });
      return { hoofd: { zaakId: hoofdZaakId, identificatie: hoofd.identificatie }, samengevoegd: dubbelen.map((m) => ({ zaakId: m.zaakId, identificatie: m.identificatie })) };
    },

    /**
     * The KTO port (ADR 0074): after a stored answer, inside its transaction. A "nee" on a closed
     * melding within HEROPEN_DAGEN calendar days (Europe/Amsterdam) of its closing day makes a
     * reopen request and a note in the zaak's timeline; otherwise nothing. Returns whether it did.
     */
    async naKtoAntwoord(context: Context, vraag: KtoVraag, antwoord: NieuwAntwoord, op: string): Promise<boolean> {
      if (vraag.zaaktype !== MELDING_ZAAKTYPE || antwoord.tevreden) return false;
      const m = await deps.meldingen.opZaak(vraag.gemeente, vraag.zaakId);
      if (!m || m.stand.afgeslotenOp === null) return false;
      if (!binnenHeropentermijn(m.stand.afgeslotenOp, op)) return false;
      const id = randomUUID();
      if (!(await repo.voegVerzoekToe(vraag.gemeente, { id, zaakId: vraag.zaakId, op }))) return false;
      await zaken.systeemGebeurtenis({ soort: 'systeem', context, naam: null }, vraag.gemeente, vraag.zaakId, 'melding-heropenverzoek', async () => ({
        gebeurtenissen: [{ soort: 'notitie', gegevens: { tekst: 'De melder is niet tevreden over de afhandeling en vraagt om heropenen. Het team besluit over het verzoek.' }, extern: false }],
        details: { heropenverzoek: id },
      }));
      return true;
    },

    /** The reopen requests (for the queue's filter and badge); optionally only the open ones or those of some meldingen. */
    heropenverzoeken: (gemeente: string, opties: { zaakIds?: readonly string[]; status?: 'open' | 'geaccepteerd' | 'afgewezen' } = {}) => repo.verzoeken(gemeente, opties),

    /** Accepts an open request: the zaak reopens through the zaken engine with a new term per the category's norm. */
    async accepteer(wie: Wie, gemeente: string, zaakId: string, verzoekId: string, invoer: { toelichting: string }) {
      const verzoek = await openVerzoek(gemeente, zaakId, verzoekId);
      await magVoorTeam(wie, gemeente, zaakId);
      const m = await deps.meldingen.opZaak(gemeente, zaakId);
      if (!m) throw meldingNietGevonden();
      const categorie = (await deps.meldingen.geldendeCategorieen(gemeente)).find((c) => c.code === m.categorieCode);
      const norm = categorie?.normWerkdagen ? `${categorie.normWerkdagen}wd` : undefined;
      await zaken.heropen(wie, gemeente, zaakId, null, { reden: 'De melder was niet tevreden over de afhandeling.', toelichting: invoer.toelichting, norm }, async (transactie) => {
        if (!(await meldingSamenvoegenRepository(transactie).besluit(gemeente, verzoek.id, { status: 'geaccepteerd', op: klok.nu().toISOString(), door: wie.gebruiker, naam: wie.naam, reden: invoer.toelichting }))) throw verzoekBesloten();
      });
      await audit.log(wie.context, { gemeente, actie: 'melding-heropenverzoek-accepteren', objectType: 'zaak', objectId: zaakId, details: { heropenverzoek: verzoek.id, norm: norm ?? null } });
      return besloten(gemeente, verzoek.id);
    },

    /** Declines an open request with a reason: the reporter gets it by mail, and it is on the tracking page. */
    async wijsAf(wie: Wie, gemeente: string, zaakId: string, verzoekId: string, invoer: { reden: string }) {
      const verzoek = await openVerzoek(gemeente, zaakId, verzoekId);
      await magVoorTeam(wie, gemeente, zaakId);
      if (!heeftRecht(wie.rollen, 'meldingenSamenvoegen')) throw geenRechtTeam();
      await zaken.systeemGebeurtenis({ soort: 'systeem', context: wie.context, naam: wie.naam }, gemeente, zaakId, 'melding-heropenverzoek-afwijzen', async (z) => {
        if (!(await meldingSamenvoegenRepository(z.transactie).besluit(gemeente, verzoek.id, { status: 'afgewezen', op: klok.nu().toISOString(), door: wie.gebruiker, naam: wie.naam, reden: invoer.reden }))) throw verzoekBesloten();
        const b = z.betrokkene;
        if (b?.email) {
          const en = b.taal === 'en';
          await deps.berichten.verstuur(
            {
              gemeente,
              aan: b.email,
              onderwerp: en ? `Your report ${z.zaak.identificatie} will not be reopened` : `Uw melding ${z.zaak.identificatie} gaat niet opnieuw open`,
              tekst: [
                en ? `Dear ${b.naam || 'resident'},` : `Beste ${b.naam || 'inwoner'},`,
                en
                  ? `You told us you were not satisfied with how we handled report ${z.zaak.identificatie}. We looked at it again and will not reopen it.`
                  : `U liet ons weten dat u niet tevreden bent over de afhandeling van melding ${z.zaak.identificatie}. Wij hebben er opnieuw naar gekeken. Wij openen de melding niet opnieuw.`,
                en ? `Reason: ${invoer.reden}` : `De reden: ${invoer.reden}`,
                en ? 'Is something still wrong at this place? Please make a new report.' : 'Is er op deze plek nog steeds iets mis? Doe dan een nieuwe melding.',
              ].join('\n\n'),
            },
            { transactie: z.transactie },
          );
        }
        return {
          gebeurtenissen: [{ soort: 'bericht', gegevens: { tekst: `Wij openen de melding niet opnieuw. De reden: ${invoer.reden}` }, extern: true }],
          details: { heropenverzoek: verzoek.id, gemaild: Boolean(b?.email) },
        };
      });
      return besloten(gemeente, verzoek.id);
    },
  };

  async function besloten(gemeente: string, verzoekId: string) {
    const na = await repo.verzoek(gemeente, verzoekId);
    if (!na) throw meldingNietGevonden();
    return na;
  }

  async function openVerzoek(gemeente: string, zaakId: string, verzoekId: string) {
    const verzoek = await repo.verzoek(gemeente, verzoekId);
    if (!verzoek || verzoek.zaakId !== zaakId) throw meldingNietGevonden();
    if (verzoek.status !== 'open') throw verzoekBesloten();
    return verzoek;
  }
}

const verzoekBesloten = () => conflict('heropenverzoek-besloten', 'Over dit verzoek om heropenen is al besloten.');

/** Whether `antwoordOp` falls on or before the 14th calendar day after the closing day, both in Europe/Amsterdam. */
export function binnenHeropentermijn(afgeslotenOp: string, antwoordOp: string): boolean {
  return kalenderdag(antwoordOp) <= plusDagen(kalenderdag(afgeslotenOp), HEROPEN_DAGEN);
}

export type MeldingSamenvoegenService = ReturnType<typeof meldingSamenvoegenService>;
