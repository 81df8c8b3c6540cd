import type { TFunction } from 'i18next';
import { ROLLEN, type Rol } from '../api.ts';

/** The roles as choices for a Keuzes fieldset. */
export function rolOpties(t: TFunction): { waarde: Rol; label: string }[] {
  return ROLLEN.map((rol) => ({ waarde: rol, label: t(`rol.${rol}`) }));
}

/** "beheerder, behandelaar" in the chosen language; "—" for none. */
export function rollenTekst(t: TFunction, rollen: readonly Rol[]): string {
  return rollen.length ? rollen.map((rol) => t(`rol.${rol}`)).join(', ') : t('geen');
}
