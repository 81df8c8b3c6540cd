/**
 * The pure rules of page feedback (ADR 0039): masking e-mail addresses and telephone numbers in a
 * remark, checking that a page or return address belongs to the gemeente's website, normalising a
 * page address, and routing a page to its team by pattern. No database, no clock.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/**
 * A telephone number: 9 or more digits, with spaces, dots, dashes, slashes or brackets between
 * them and an optional + in front (06-12345678, +31 20 123 4567, (020) 123 45 67, 0031…). A BSN
 * (9 digits) or an account number in digits is masked by the same rule; a date or a postcode is not.
 */
const TELEFOON = /(?<![\p{L}\p{N}])\+?\(?\d(?:[\s.\-/()]{0,2}\d){8,}(?![\p{L}\p{N}])/gu;
/** An IBAN (NL91 ABNA 0417 1643 00), which also holds personal data. */
const IBAN = /\b[A-Z]{2}\d{2}[ ]?[A-Z]{4}(?:[ ]?\d){10}\b/g;

export const GEMASKEERD = { email: '[e-mailadres]', telefoon: '[telefoonnummer]', iban: '[rekeningnummer]' } as const;

/** The remark with every e-mail address, IBAN and telephone number replaced by a placeholder. */
export function maskeer(tekst: string): string {
  return tekst.replace(EMAIL, GEMASKEERD.email).replace(IBAN, GEMASKEERD.iban).replace(TELEFOON, GEMASKEERD.telefoon);
}

/** Whether a host name is one of the domains or a subdomain of one (`www.diemen.nl` for `diemen.nl`). */
export function hoortBij(host: string, domeinen: readonly string[]): boolean {
  const h = host.toLowerCase();
  return domeinen.some((d) => h === d || h.endsWith(`.${d}`));
}

/** An https address on the gemeente's website, or undefined. */
export function websiteAdres(tekst: string | undefined, domeinen: readonly string[]): URL | undefined {
  if (!tekst || tekst.length > 2000) return undefined;
  let url: URL;
  try {
    url = new URL(tekst);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return undefined;
  return hoortBij(url.hostname, domeinen) ? url : undefined;
}

/** Whether an Origin header (`https://www.diemen.nl`) is the gemeente's website. */
export function herkomstToegestaan(origin: string, domeinen: readonly string[]): boolean {
  const url = websiteAdres(origin, domeinen);
  return url !== undefined && url.origin === origin;
}

/** The page as stored: scheme, host and path (a query or fragment may hold personal data). */
export function paginaSleutel(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * Whether a routing pattern fits a page path: `/afval/*` fits `/afval` and everything under it,
 * `*` inside a segment fits any characters but `/` (`/nieuws/2026-*`), otherwise the path exactly.
 * A pattern may start with a host (`www.diemen.nl/afval/*`) to fit one site only.
 */
export function patroonPast(patroon: string, pagina: URL): boolean {
  const metHost = !patroon.startsWith('/');
  const doel = metHost ? `${pagina.hostname}${pagina.pathname}` : pagina.pathname;
  const p = metHost ? patroon.toLowerCase().replace(/^https?:\/\//, '') : patroon;
  if (p.endsWith('/*')) {
    const basis = p.slice(0, -2);
    if (doel === basis || doel === `${basis}/`) return true;
    return naarRegex(`${basis}/`, true).test(doel);
  }
  return naarRegex(p, false).test(doel);
}

function naarRegex(patroon: string, voorvoegsel: boolean): RegExp {
  const bron = patroon
    .split('*')
    .map((deel) => deel.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${bron}${voorvoegsel ? '' : '/?$'}`);
}

/** The team of the first rule whose pattern fits; null (the webredactie) when none does. */
export function routeer(regels: readonly { patroon: string; team: string }[], pagina: URL): string | null {
  return regels.find((r) => patroonPast(r.patroon, pagina))?.team ?? null;
}

export interface Reactie {
  pagina: URL;
  gevonden: boolean;
  scores: Record<'vindbaarheid' | 'begrijpelijkheid' | 'volledigheid', number | null>;
  tekst: string | null;
  metJavascript: boolean;
}

export interface Veldfout {
  name: string;
  code: string;
  reason: string;
}

const veld = (velden: Record<string, string | string[]>, naam: string): string | undefined => {
  const w = velden[naam];
  return (Array.isArray(w) ? w[0] : w)?.trim();
};

/**
 * The posted fields (form or script, all strings) checked against the website's domains: the
 * remark, or every field that is not right. `website` is the honeypot: a person leaves it empty
 * (it is hidden), a bot fills it in (`bot`: answer as if stored, store nothing).
 */
export function leesReactie(velden: Record<string, string | string[]>, domeinen: readonly string[], maxTekst: number): { reactie: Reactie } | { fouten: Veldfout[] } | { bot: true } {
  if ((veld(velden, 'website') ?? '') !== '') return { bot: true };
  const fouten: Veldfout[] = [];
  const ruwePagina = veld(velden, 'pagina');
  const pagina = websiteAdres(ruwePagina, domeinen);
  if (!pagina) {
    fouten.push({
      name: 'pagina',
      code: ruwePagina ? 'andere-website' : 'verplicht',
      reason: ruwePagina ? 'Deze pagina hoort niet bij de website van de gemeente (https en een van haar domeinen).' : 'Het adres van de pagina ontbreekt.',
    });
  }
  const ruwGevonden = veld(velden, 'gevonden');
  if (ruwGevonden !== 'ja' && ruwGevonden !== 'nee') fouten.push({ name: 'gevonden', code: 'verplicht', reason: 'Kies ja of nee.' });
  const scores = { vindbaarheid: null, begrijpelijkheid: null, volledigheid: null } as Reactie['scores'];
  for (const schaal of Object.keys(scores) as (keyof Reactie['scores'])[]) {
    const w = veld(velden, schaal) ?? '';
    if (w === '') continue;
    if (/^[1-5]$/.test(w)) scores[schaal] = Number(w);
    else fouten.push({ name: schaal, code: 'ongeldige-score', reason: 'Kies een cijfer van 1 tot en met 5.' });
  }
  const ruweTekst = veld(velden, 'tekst') ?? '';
  if (ruweTekst.length > maxTekst) fouten.push({ name: 'tekst', code: 'te-lang', reason: `Uw opmerking is ${ruweTekst.length} tekens. Dat mag hoogstens ${maxTekst} zijn.` });
  if (fouten.length > 0 || !pagina) return { fouten };
  return {
    reactie: {
      pagina,
      gevonden: ruwGevonden === 'ja',
      scores,
      tekst: ruweTekst === '' ? null : maskeer(ruweTekst),
      metJavascript: veld(velden, 'js') === '1',
    },
  };
}
