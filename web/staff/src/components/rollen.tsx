import type { TFunction } from 'i18next';
import { ROLLEN, type Rol, type SessieGemeente } from '../api.ts';
import { useTaal } from '../i18n/i18n.tsx';
import { Keuzes, type KeuzesProps } from './Formulier.tsx';

/** The roles in a gemeente as a fieldset of checkboxes. */
export function RolKeuzes({ gemeente, ...keuzes }: Omit<KeuzesProps<Rol>, 'legenda' | 'opties'> & { gemeente: SessieGemeente }) {
  const { t } = useTaal();
  return <Keuzes legenda={t('veld.rollenIn', { gemeente: gemeente.naam })} opties={ROLLEN.map((rol) => ({ waarde: rol, label: t(`rol.${rol}`) }))} {...keuzes} />;
}

/** "beheerder, behandelaar" in the chosen language; "—" for none. */
export function rollenTekst(t: TFunction, rollen: readonly Rol[]): string {
  return rollen.length ? rollen.map((rol) => t(`rol.${rol}`)).join(', ') : t('geen');
}
