import { randomUUID } from 'node:crypto';
import { gedeeldeCache, KANAAL, type Signalen } from '../../db/signalen.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { alAfgehandeld, feedbackOnbekend, gemeenteOnbekend, teamsOnbekend } from './paginafeedback.errors.ts';
import { paginaSleutel, routeer, type Reactie } from './paginafeedback.regels.ts';
import type { Afhandeling, Instellingen, Intake, PaginafeedbackRepository } from './paginafeedback.repository.ts';

/** How long a remark is kept (ADR 0039): two years, then onderhoud deletes it. */
export const BEWAARTERMIJN_DAGEN = 730;

/** How long a node keeps a gemeente's intake configuration at most (a signal drops it at once). */
const INTAKE_MS = 5_000;

/** The day after a date (YYYY-MM-DD): the end of a period whose last day is included. */
const dagNa = (datum: string) => new Date(Date.parse(`${datum}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Page feedback of a gemeente's website (ADR 0039): its configuration (domains, routing), the
 * intake of remarks (anonymous; routed by pattern to a team, else the webredactie), and the
 * webredacteur's inbox (remarks, pages ranked by share of "nee", the trend of a page, handling).
 */
export function paginafeedbackService(deps: { repository: PaginafeedbackRepository; gemeenten: GemeentenRepository; audit: AuditService; klok: Klok; signalen: Signalen }) {
  const { repository, gemeenten, audit, klok, signalen } = deps;
  // The intake's configuration per slug (gemeente, domains, routing), read on every post before:
  // each node keeps it a few seconds, and a change on any node (new settings, a gemeente's slug)
  // drops it on every node when committed (ADR 0023), so a post is one INSERT (issue 15's speed).
  const intakeCache = gedeeldeCache<Intake>({ signalen, kanaal: KANAAL.paginafeedback, ms: INTAKE_MS, max: 1_000, raakt: (signaal, _slug, intake) => signaal === intake.gemeente });

  async function bestaandeGemeente(gemeente: string) {
    const g = await gemeenten.opCode(gemeente);
    if (!g) throw gemeenteOnbekend();
    return g;
  }

  return {
    async instellingen(gemeente: string): Promise<Instellingen> {
      await bestaandeGemeente(gemeente);
      return repository.instellingen(gemeente);
    },

    async zetInstellingen(context: Context, gemeente: string, invoer: Instellingen): Promise<Instellingen> {
      await bestaandeGemeente(gemeente);
      const onbekend = new Set(await repository.onbekendeTeams(gemeente, [...new Set(invoer.routes.map((r) => r.team))]));
      if (onbekend.size > 0) throw teamsOnbekend(invoer.routes.flatMap((r, index) => (onbekend.has(r.team) ? [{ index, team: r.team }] : [])));
      const schoon = { domeinen: [...new Set(invoer.domeinen)], routes: invoer.routes };
      intakeCache.vergeet((_slug, intake) => intake.gemeente === gemeente);
      await repository.vervangInstellingen(gemeente, schoon);
      intakeCache.vergeet((_slug, intake) => intake.gemeente === gemeente);
      await audit.log(context, { gemeente, actie: 'paginafeedback-instellingen', objectType: 'paginafeedback', objectId: gemeente, details: { domeinen: schoon.domeinen, routes: schoon.routes.length } });
      return repository.instellingen(gemeente);
    },

    /** The gemeente of this slug with its website's domains (which pages, origins and return addresses are allowed) and routing; undefined: no such gemeente. */
    intake: (slug: string): Promise<Intake | undefined> => intakeCache.haal(slug, () => repository.intake(slug)),

    /** Stores one checked remark, routed to its team by the intake's routing: one INSERT. Anonymous: no audit line (there is no actor, and no personal data is asked). */
    async ontvang(intake: Intake, reactie: Reactie): Promise<void> {
      const { gemeente, routes } = intake;
      await repository.bewaar(gemeente, {
        id: randomUUID(),
        ontvangenOp: klok.nu().toISOString(),
        pagina: paginaSleutel(reactie.pagina),
        gevonden: reactie.gevonden,
        ...reactie.scores,
        tekst: reactie.tekst,
        team: routeer(routes, reactie.pagina),
        metJavascript: reactie.metJavascript,
      });
    },

    lijst: (gemeente: string, filter: { status?: 'open' | 'afgehandeld' | undefined; team?: string | undefined; pagina?: string | undefined }, offset: number, limit: number) =>
      repository.lijst(gemeente, { ...filter, team: filter.team === 'webredactie' ? null : filter.team }, offset, limit),

    async paginas(gemeente: string, q: { van: string; tot: string; minimum: number }, offset: number, limit: number) {
      const { rows, total } = await repository.paginas(gemeente, q.van, dagNa(q.tot), q.minimum, offset, limit);
      return { total, rows: rows.map((r) => ({ ...r, aandeelNee: r.aantal === 0 ? 0 : r.nee / r.aantal })) };
    },

    async trend(gemeente: string, q: { pagina: string; van: string; tot: string }) {
      return { pagina: q.pagina, weken: await repository.trend(gemeente, q.pagina, q.van, dagNa(q.tot)) };
    },

    async haal(gemeente: string, id: string) {
      const rij = await repository.opId(gemeente, id);
      if (!rij) throw feedbackOnbekend();
      return rij;
    },

    async handelAf(context: Context, gemeente: string, id: string, invoer: { afhandeling: Afhandeling; notitie: string }) {
      if (!(await repository.bestaat(gemeente, id))) throw feedbackOnbekend();
      const gelukt = await repository.handelAf(gemeente, id, { ...invoer, op: klok.nu().toISOString(), door: context.actorType === 'gebruiker' ? context.actorId : null });
      if (!gelukt) throw alAfgehandeld();
      await audit.log(context, { gemeente, actie: 'paginafeedback-afhandelen', objectType: 'paginafeedback', objectId: id, details: { afhandeling: invoer.afhandeling } });
      const rij = await repository.opId(gemeente, id);
      if (!rij) throw feedbackOnbekend();
      return rij;
    },

    /** Retention: deletes remarks older than the term; returns how many. */
    verwijderVerlopen: () => repository.verwijderVoor(new Date(klok.nu().getTime() - BEWAARTERMIJN_DAGEN * 86_400_000).toISOString()),
  };
}

export type PaginafeedbackService = ReturnType<typeof paginafeedbackService>;
