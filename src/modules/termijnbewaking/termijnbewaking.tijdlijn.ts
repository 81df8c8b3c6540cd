import type { GebeurtenisSoort } from '../../db/schema.ts';
import type { ZaakQueries, ZaakRij } from '../zaken/zaken.repository.ts';

/**
 * Appends a system event (no staff member, no resident) to a zaak's timeline through the zaken
 * repository, and bumps the zaak's version so ETags see the change. Call it inside a zaken
 * transaction, on the row locked with `voorWijziging`. Only for events that do not change the
 * projection (notes and messages): the stored deadline, status and team stay as they are.
 */
export async function voegSysteemGebeurtenisToe(
  repo: ZaakQueries,
  gemeente: string,
  rij: ZaakRij,
  gebeurtenissen: readonly { soort: Extract<GebeurtenisSoort, 'notitie' | 'bericht'>; gegevens: Record<string, unknown>; extern: boolean }[],
  op: string,
): Promise<void> {
  for (const g of gebeurtenissen) {
    await repo.voegGebeurtenisToe(gemeente, rij.id, { ...g, doorGebruiker: null, doorNaam: null, doorInwoner: false, op });
  }
  const bijgewerkt = await repo.werkBij(gemeente, rij.id, rij.versie, {
    teamId: rij.team_id,
    behandelaarId: rij.behandelaar_id,
    statusVolgnummer: rij.status_volgnummer,
    oorspronkelijkeEinddatum: rij.oorspronkelijke_einddatum,
    uiterlijkeEinddatum: rij.uiterlijke_einddatum,
    opgeschort: rij.opgeschort,
    afgeslotenOp: rij.afgesloten_op,
    resultaattypeId: rij.resultaattype_id,
    archiefactiedatum: rij.archiefactiedatum,
  });
  if (!bijgewerkt) throw new Error(`zaak ${rij.id} veranderde tijdens de termijnbewaking`);
}
