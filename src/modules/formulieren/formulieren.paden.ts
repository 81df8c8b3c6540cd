import type { Taal } from '../../i18n/i18n.ts';

const SEGMENT: Record<Taal, string> = { nl: 'formulieren', en: 'forms' };
/** The pages of a draft below its form's address, per language. */
export const DEELPAGINAS = {
  stap: { nl: 'stap', en: 'step' },
  controleer: { nl: 'controleer', en: 'check' },
  opslaan: { nl: 'opslaan', en: 'save' },
  ontvangen: { nl: 'ontvangen', en: 'received' },
} as const satisfies Record<string, Record<Taal, string>>;

/** `/diemen/formulieren`, `/diemen/en/forms`, a form below it (`…/wmo-melding`), and parts after that. */
export function formulierPad(taal: Taal, slug: string, code?: string, ...delen: string[]): string {
  return [`/${slug}${taal === 'en' ? '/en' : ''}/${SEGMENT[taal]}`, ...(code === undefined ? [] : [code]), ...delen].join('/');
}

/** The address of a draft's page: `…/{code}/{token}/stap/2`, `…/{code}/{token}/controleer`. */
export function conceptPad(taal: Taal, slug: string, code: string, token: string, deel: keyof typeof DEELPAGINAS, stap?: number): string {
  return formulierPad(taal, slug, code, token, DEELPAGINAS[deel][taal], ...(stap === undefined ? [] : [String(stap)]));
}
