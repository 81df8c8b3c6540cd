import type { Taal } from '../../i18n/i18n.ts';

/** The resident pages of login and "Mijn zaken" (ADR 0077), per language: Dutch at the gemeente's root, English under `en/`. */
const SEGMENT = {
  mijnZaken: { nl: 'mijn-zaken', en: 'my-cases' },
  inloggen: { nl: 'inloggen', en: 'log-in' },
  uitloggen: { nl: 'uitloggen', en: 'log-out' },
} as const satisfies Record<string, Record<Taal, string>>;

const basis = (taal: Taal, slug: string): string => `/${slug}${taal === 'en' ? '/en' : ''}`;

/** `/diemen/mijn-zaken`, `/diemen/en/my-cases`, and below it a zaak (`…/Z-2026-000001`) or the link pages (`…/link`, `…/link/{token}`). */
export const mijnZakenPad = (taal: Taal, slug: string, ...delen: string[]): string => [`${basis(taal, slug)}/${SEGMENT.mijnZaken[taal]}`, ...delen].join('/');
/** `/diemen/inloggen`, `/diemen/en/log-in`: starts a login at the broker. */
export const inloggenPad = (taal: Taal, slug: string): string => `${basis(taal, slug)}/${SEGMENT.inloggen[taal]}`;
/** `/diemen/uitloggen`, `/diemen/en/log-out`. */
export const uitloggenPad = (taal: Taal, slug: string): string => `${basis(taal, slug)}/${SEGMENT.uitloggen[taal]}`;
/** The broker's callback, one per gemeente for both languages (the language travels with the login). */
export const terugPad = (slug: string): string => `/${slug}/inloggen/terug`;
