import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';
import { gemeenteThemaSchema, STANDAARD_KLEUREN, type GemeenteThema } from './portaal.schemas.ts';

/** The theme of a gemeente; an invalid stored theme is logged and replaced by the neutral one. */
export function themaVan(gemeente: Gemeente, log: FastifyBaseLogger): GemeenteThema {
  const resultaat = gemeenteThemaSchema.safeParse(gemeente.thema);
  if (resultaat.success) return resultaat.data;
  log.warn({ gemeente: gemeente.code, fouten: resultaat.error.issues }, 'thema van gemeente klopt niet; het standaardthema wordt gebruikt');
  return {};
}

/**
 * The stylesheet of a theme: NL Design System (Utrecht) design tokens set from the theme's
 * colours. Values are validated hex colours, so nothing else can end up in the CSS.
 */
export function themaCss(thema: GemeenteThema): string {
  const kleuren = { ...STANDAARD_KLEUREN, ...thema };
  const primair = kleuren.kleurPrimair;
  const tekst = kleuren.kleurPrimairTekst;
  const link = thema.kleurLink ?? primair;
  const tokens: Record<string, string> = {
    '--utrecht-page-header-background-color': primair,
    '--utrecht-page-header-color': tekst,
    '--utrecht-page-header-content-background-color': primair,
    '--utrecht-page-header-content-color': tekst,
    '--utrecht-page-header-border-block-end-color': thema.kleurAccent ?? primair,
    '--utrecht-page-header-border-block-end-width': '0.375rem',
    '--utrecht-page-footer-background-color': primair,
    '--utrecht-page-footer-color': tekst,
    '--utrecht-heading-color': primair,
    '--utrecht-unordered-list-marker-color': primair,
    '--utrecht-skip-link-background-color': primair,
    '--utrecht-skip-link-color': tekst,
    '--utrecht-link-color': link,
    '--utrecht-link-hover-color': link,
    '--utrecht-link-focus-color': link,
    '--utrecht-link-visited-color': link,
    '--utrecht-link-active-color': link,
    '--utrecht-breadcrumb-nav-link-color': link,
    '--utrecht-focus-outline-color': kleuren.kleurFocus,
    '--utrecht-button-primary-action-background-color': primair,
    '--utrecht-button-primary-action-color': tekst,
  };
  const regels = Object.entries(tokens).map(([naam, waarde]) => `  ${naam}: ${waarde};`);
  return `.utrecht-theme.loket-thema {\n${regels.join('\n')}\n}\n`;
}

/** A short content hash, used as the `v` of a stylesheet URL so it may be cached for good. */
export function inhoudHash(inhoud: string | Buffer): string {
  return createHash('sha256').update(inhoud).digest('base64url').slice(0, 12);
}

/** At most this many themes are kept per node (the oldest kept goes first). */
const MAX_THEMAS = 100;
const themas = new Map<string, { thema: GemeenteThema; css: string; hash: string }>();

/**
 * A gemeente's theme with its stylesheet and the stylesheet's hash, as every portal page needs
 * them. A valid theme's are kept per node by the stored theme's JSON (they follow from it alone);
 * an invalid one is checked, and logged, every time.
 */
export function themaMetCss(gemeente: Gemeente, log: FastifyBaseLogger): { thema: GemeenteThema; css: string; hash: string } {
  const sleutel = JSON.stringify(gemeente.thema);
  const bekend = themas.get(sleutel);
  if (bekend) return bekend;
  const geldig = gemeenteThemaSchema.safeParse(gemeente.thema).success;
  const thema = themaVan(gemeente, log);
  const css = themaCss(thema);
  const uit = { thema, css, hash: inhoudHash(css) };
  if (geldig) {
    if (themas.size >= MAX_THEMAS) themas.delete(themas.keys().next().value as string);
    themas.set(sleutel, uit);
  }
  return uit;
}
