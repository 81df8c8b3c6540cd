import { z } from 'zod';

const WIT = '#ffffff';

/** Loket's neutral look, for pages without a gemeente and for keys a gemeente leaves out. */
export const STANDAARD_KLEUREN = {
  kleurPrimair: '#243b53',
  kleurPrimairTekst: '#ffffff',
  kleurFocus: '#000000',
} as const;
const hexKleur = z.string().regex(/^#[0-9a-f]{6}$/, 'Een kleur is # met zes kleine hexadecimale tekens, bijvoorbeeld #00539f.');

/** Relative luminance of an sRGB colour #rrggbb (WCAG 2.1). */
function luminantie(kleur: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(kleur.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminantie(a), luminantie(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * The look and contact details of one gemeente, stored as JSON in `gemeente.thema`. Every key
 * is optional: what is missing falls back to STANDAARD_KLEUREN, and a page shows only the
 * contact details that exist. Colours are checked for WCAG 2.1 AA contrast, because they
 * colour text, links and the focus outline on the resident pages.
 */
export const gemeenteThemaSchema = z
  .strictObject({
    /** Header and footer background, headings. Text colour (at least 4.5:1) on white. */
    kleurPrimair: hexKleur.optional(),
    /** Text on kleurPrimair (at least 4.5:1 against it). */
    kleurPrimairTekst: hexKleur.optional(),
    /** Stripe under the header; decoration only. Defaults to kleurPrimair (no visible stripe). */
    kleurAccent: hexKleur.optional(),
    /** Links on white (at least 4.5:1); defaults to kleurPrimair. */
    kleurLink: hexKleur.optional(),
    /** Focus outline (at least 3:1 against white). */
    kleurFocus: hexKleur.optional(),
    /** Text in the header in place of a logo, e.g. "Gemeente Diemen". */
    logoTekst: z.string().trim().min(1).max(60).optional(),
    /** General phone number as residents write it, e.g. "14 020". */
    telefoon: z.string().regex(/^\+?[0-9][0-9 -]{1,18}[0-9]$/, 'Een telefoonnummer bestaat uit cijfers, spaties en streepjes.').optional(),
    /** Postal address in the sender block of letters (ADR 0050), one line, e.g. "Postbus 1, 1110 AA Diemen". */
    postadres: z.string().trim().min(1).max(120).regex(/^[^\p{Cc}]+$/u, 'Een adres is één regel tekst.').optional(),
    /** The court where a resident appeals against a decision on a bezwaar (ADR 0063), e.g. "Rechtbank Amsterdam". */
    rechtbank: z.string().trim().min(1).max(80).regex(/^[^\p{Cc}]+$/u, 'De naam van de rechtbank is één regel tekst.').optional(),
    /** The gemeente's own website. */
    website: z.url({ protocol: /^https$/, hostname: z.regexes.domain }).optional(),
  })
  .superRefine((thema, ctx) => {
    const kleuren = { ...STANDAARD_KLEUREN, ...thema };
    const eis = (pad: string, voorgrond: string, achtergrond: string, minimum: number): void => {
      if (contrast(voorgrond, achtergrond) < minimum) {
        ctx.addIssue({
          code: 'custom',
          path: [pad],
          message: `Te weinig contrast: ${contrast(voorgrond, achtergrond).toFixed(2)}:1, nodig is ${minimum}:1.`,
        });
      }
    };
    eis('kleurPrimair', kleuren.kleurPrimair, WIT, 4.5);
    eis('kleurPrimairTekst', kleuren.kleurPrimairTekst, kleuren.kleurPrimair, 4.5);
    if (kleuren.kleurLink) eis('kleurLink', kleuren.kleurLink, WIT, 4.5);
    eis('kleurFocus', kleuren.kleurFocus, WIT, 3);
  })
  .meta({ id: 'GemeenteThema' });

export type GemeenteThema = z.infer<typeof gemeenteThemaSchema>;
