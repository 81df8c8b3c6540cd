import { randomUUID } from 'node:crypto';
import { verouderd } from '../../http/etag.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { alGepubliceerd, codeVast, conceptBestaat, nietDeNieuwste, standaardTeamOnbekend, versieGepubliceerd, zaaktypeBestaat, zaaktypeOnbekend } from './zaaktypen.errors.ts';
import type { ZaaktypeInvoer } from './zaaktypen.schemas.ts';
import type { ZaaktypeGegevens, ZaaktypeRecord, ZaaktypenRepository } from './zaaktypen.repository.ts';
import { kalenderdag } from '../termijnen/kalender.ts';

function gegevens(invoer: ZaaktypeInvoer, ids?: string[]): ZaaktypeGegevens {
  return {
    code: invoer.code,
    naam: invoer.naam,
    omschrijving: invoer.omschrijving ?? { nl: '', en: '' },
    rechtsgrond: invoer.rechtsgrond,
    norm: invoer.norm,
    opschortingToegestaan: invoer.opschortingToegestaan,
    maxVerlenging: invoer.maxVerlenging,
    termijnStart: invoer.termijnStart,
    normKeuze: invoer.normKeuze,
    standaardTeam: invoer.standaardTeam,
    vertrouwelijkheid: invoer.vertrouwelijkheid,
    geldigVanaf: invoer.geldigVanaf,
    statustypen: invoer.statustypen,
    resultaattypen: invoer.resultaattypen.map((r, i) => ({ ...r, tekst: r.tekst ?? { nl: '', en: '' }, id: ids?.[i] ?? randomUUID() })),
  };
}

/**
 * The zaaktype catalogue of a gemeente. A version is drafted as a concept, then published; a
 * published version never changes (a zaak keeps the version it started under), so a change
 * is a new version.
 */
export function zaaktypenService(deps: { repository: ZaaktypenRepository; audit: AuditService; klok: Klok }) {
  const { repository, audit, klok } = deps;

  async function bestaand(gemeente: string, id: string): Promise<ZaaktypeRecord> {
    const zaaktype = await repository.opId(gemeente, id);
    if (!zaaktype) throw zaaktypeOnbekend();
    return zaaktype;
  }

  async function controleerTeam(gemeente: string, team: string | null) {
    if (team !== null && !(await repository.teamBestaat(gemeente, team))) {
      throw standaardTeamOnbekend();
    }
  }

  async function gelogd(context: Context, gemeente: string, id: string, actie: string, details: Record<string, unknown>) {
    await audit.log(context, { gemeente, actie, objectType: 'zaaktype', objectId: id, details });
    return bestaand(gemeente, id);
  }

  return {
    lijst: (gemeente: string, opties: { alleVersies: boolean; status?: 'concept' | 'gepubliceerd' | undefined }, offset: number, limit: number) =>
      repository.pagina(gemeente, opties, offset, limit),

    haal: bestaand,

    /** The published version that applies today, by code. */

    async maak(context: Context, gemeente: string, invoer: ZaaktypeInvoer): Promise<ZaaktypeRecord> {
      if (await repository.hoogsteVersie(gemeente, invoer.code)) {
        throw zaaktypeBestaat();
      }
      await controleerTeam(gemeente, invoer.standaardTeam);
      const id = randomUUID();
      await repository.maak(gemeente, id, 1, gegevens(invoer), klok.nu().toISOString());
      return gelogd(context, gemeente, id, 'zaaktype-aanmaken', { code: invoer.code, versie: 1 });
    },

    /** Replaces a concept version; a published version cannot change. */
    async wijzig(context: Context, gemeente: string, id: string, revisie: number, invoer: ZaaktypeInvoer): Promise<ZaaktypeRecord> {
      const huidig = await bestaand(gemeente, id);
      if (huidig.status !== 'concept') throw versieGepubliceerd();
      if (invoer.code !== huidig.code) throw codeVast();
      await controleerTeam(gemeente, invoer.standaardTeam);
      if (!(await repository.vervangConcept(gemeente, id, revisie, gegevens(invoer), klok.nu().toISOString()))) throw verouderd();
      return gelogd(context, gemeente, id, 'zaaktype-wijzigen', { code: huidig.code, versie: huidig.versie });
    },

    /** A new concept version copied from the newest published version. */
    async nieuweVersie(context: Context, gemeente: string, id: string): Promise<ZaaktypeRecord> {
      const bron = await bestaand(gemeente, id);
      const hoogste = await repository.hoogsteVersie(gemeente, bron.code);
      if (hoogste && hoogste.status === 'concept') throw conceptBestaat();
      if (hoogste && hoogste.id !== bron.id) throw nietDeNieuwste();
      const nieuw = randomUUID();
      const versie = bron.versie + 1;
      await repository.maak(
        gemeente,
        nieuw,
        versie,
        {
          ...bron,
          geldigVanaf: null,
          statustypen: bron.statustypen.map((s) => ({ naam: s.naam, naamEn: s.naamEn, tekst: s.tekst, informeren: s.informeren })),
          resultaattypen: bron.resultaattypen.map((r) => ({ ...r, id: randomUUID() })),
        },
        klok.nu().toISOString(),
      );
      return gelogd(context, gemeente, nieuw, 'zaaktype-nieuwe-versie', { code: bron.code, versie });
    },

    /** Publishes a concept; it applies from its geldigVanaf, or from today. */
    async publiceer(context: Context, gemeente: string, id: string, revisie: number): Promise<ZaaktypeRecord> {
      const huidig = await bestaand(gemeente, id);
      if (huidig.status !== 'concept') throw alGepubliceerd();
      if (!(await repository.publiceer(gemeente, id, revisie, klok.nu().toISOString(), kalenderdag(klok.nu())))) throw verouderd();
      return gelogd(context, gemeente, id, 'zaaktype-publiceren', { code: huidig.code, versie: huidig.versie });
    },
  };
}

export type ZaaktypenService = ReturnType<typeof zaaktypenService>;
