import { randomUUID } from 'node:crypto';
import { verouderd } from '../../http/etag.ts';
import type { Klok } from '../../klok.ts';
import { VERWERKING_PERSONEELSACCOUNTS, type AuditService, type Context } from '../audit/audit.service.ts';
import { onbekendeLeden, teamNaamBezet, teamOnbekend } from './teams.errors.ts';
import type { TeamRecord, TeamsRepository, TeamWijziging } from './teams.repository.ts';

/** Teams per gemeente: create, rename, members. */
export function teamsService(deps: { repository: TeamsRepository; audit: AuditService; klok: Klok }) {
  const { repository, audit, klok } = deps;

  async function bestaand(gemeente: string, id: string): Promise<TeamRecord> {
    const team = await repository.opId(gemeente, id);
    if (!team) throw teamOnbekend();
    return team;
  }

  const ledenGelezen = (context: Context, gemeente: string, naam: string, teams: readonly TeamRecord[]) =>
    audit.verwerking(context, { gemeente, naam, ...VERWERKING_PERSONEELSACCOUNTS, betrokkeneIds: [...new Set(teams.flatMap((t) => t.leden.map((l) => l.id)))] });

  async function gelogd(context: Context, gemeente: string, id: string, actie: string, details: Record<string, unknown>) {
    await audit.log(context, { gemeente, actie, objectType: 'team', objectId: id, details });
    return bestaand(gemeente, id);
  }

  return {
    /** Teams show their members' names: reading them is logged per member in the processing log. */
    async lijst(context: Context, gemeente: string, offset: number, limit: number, lid?: string) {
      const pagina = await repository.pagina(gemeente, offset, limit, lid);
      await ledenGelezen(context, gemeente, 'teams-bekijken', pagina.rows);
      return pagina;
    },
    async haal(context: Context, gemeente: string, id: string) {
      const team = await bestaand(gemeente, id);
      await ledenGelezen(context, gemeente, 'team-bekijken', [team]);
      return team;
    },
    async maak(context: Context, gemeente: string, t: { naam: string } & { [K in keyof TeamWijziging]?: string | undefined }) {
      if (await repository.naamBestaat(gemeente, t.naam)) throw teamNaamBezet();
      const id = randomUUID();
      await repository.maak(gemeente, { id, naam: t.naam, omschrijving: t.omschrijving ?? '', telefoon: t.telefoon ?? '', email: t.email ?? '' });
      return gelogd(context, gemeente, id, 'team-aanmaken', { naam: t.naam });
    },
    async wijzig(context: Context, gemeente: string, id: string, versie: number, w: { [K in keyof TeamWijziging]?: string | undefined }) {
      await bestaand(gemeente, id);
      if (w.naam && (await repository.naamBestaat(gemeente, w.naam, id))) throw teamNaamBezet();
      const wijziging: TeamWijziging = Object.fromEntries(Object.entries(w).filter(([, waarde]) => waarde !== undefined));
      if (!(await repository.wijzig(gemeente, id, versie, wijziging, klok.nu().toISOString()))) throw verouderd();
      return gelogd(context, gemeente, id, 'team-wijzigen', wijziging);
    },
    async zetLeden(context: Context, gemeente: string, id: string, versie: number, leden: string[]) {
      await bestaand(gemeente, id);
      const uniek = [...new Set(leden)];
      const onbekend = await repository.onbekendeLeden(gemeente, uniek);
      if (onbekend.length > 0) {
        throw onbekendeLeden(onbekend.map((g) => leden.indexOf(g)));
      }
      if (!(await repository.zetLeden(gemeente, id, versie, uniek, klok.nu().toISOString()))) throw verouderd();
      const team = await gelogd(context, gemeente, id, 'team-leden', { leden: uniek });
      await ledenGelezen(context, gemeente, 'team-leden', [team]);
      return team;
    },
  };
}

export type TeamsService = ReturnType<typeof teamsService>;
