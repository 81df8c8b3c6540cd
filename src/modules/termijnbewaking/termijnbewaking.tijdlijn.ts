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
  const bijgewerkt = await repo.verhoogVersie(gemeente, rij.id, rij.versie);
  if (!bijgewerkt) throw new Error(`zaak ${rij.id} veranderde tijdens de termijnbewaking`);
}
