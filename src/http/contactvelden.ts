import { z } from 'zod';

/**
 * The contact fields every API takes the same way (a resident's, a caller's, a team's): one
 * definition, so a number or address accepted in one place is accepted everywhere.
 */
/** A telephone number as residents write it: digits, spaces, brackets and dashes, an optional leading +. */
export const TELEFOONNUMMER = /^\+?[0-9 ()-]{6,20}$/;
export const telefoonnummer = z.string().trim().regex(TELEFOONNUMMER, 'Dit is geen geldig telefoonnummer.');
export const emailadres = z.email('Dit is geen geldig e-mailadres.').max(254, 'Hoogstens 254 tekens.');

/**
 * A resident's address as the KCC finds their zaken by it (ADR 0083): postcode and huisnummer
 * with an optional toevoeging (huisletter and/or huisnummertoevoeging), each in one stored form.
 */
export interface Adres {
  /** Four digits and two capitals without a space: `1111AA`. */
  postcode: string;
  huisnummer: number;
  /** Capitals and digits, e.g. `A`, `2`, `A-2`; null: none. */
  huisnummerToevoeging: string | null;
}

/** A Dutch postcode written loosely (`1111 aa`) in its one form (`1111AA`), or undefined. SA, SD and SS are never given out. */
export function postcodeVan(tekst: string): string | undefined {
  const p = tekst.replace(/\s+/g, '').toUpperCase();
  return /^[1-9][0-9]{3}[A-Z]{2}$/.test(p) && !/(SA|SD|SS)$/.test(p) ? p : undefined;
}

/** A toevoeging written loosely (` a`, `-2`, `a 2`) in its one form (`A`, `2`, `A-2`), or undefined when it is not one. */
export function toevoegingVan(tekst: string): string | undefined {
  const t = tekst.trim().toUpperCase().replace(/^-\s*/, '').replace(/\s*-\s*|\s+/g, '-');
  return /^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(t) && t.length <= 10 ? t : undefined;
}

/** A house number as residents write it (`12`, `12a`, `12 A`, `12-2`): the number and the toevoeging, or undefined. */
export function huisnummerVan(tekst: string): { huisnummer: number; huisnummerToevoeging: string | null } | undefined {
  const m = /^\s*([1-9][0-9]{0,4})(?![0-9])(?:\s*-?\s*(\S.*?))?\s*$/.exec(tekst);
  if (!m) return undefined;
  if (m[2] === undefined) return { huisnummer: Number(m[1]), huisnummerToevoeging: null };
  const toevoeging = toevoegingVan(m[2]);
  return toevoeging === undefined ? undefined : { huisnummer: Number(m[1]), huisnummerToevoeging: toevoeging };
}

/** A text field read by `lees` into its normal form; `fout` when it has none (also when it is missing or not text). */
const genormaliseerd = (lees: (tekst: string) => string | undefined, fout: string) =>
  z
    .string({ error: fout })
    .max(100, fout)
    .transform((tekst, ctx) => {
      const normaal = lees(tekst);
      if (normaal === undefined) {
        ctx.addIssue({ code: 'custom', message: fout });
        return z.NEVER;
      }
      return normaal;
    });

export const postcode = genormaliseerd(postcodeVan, 'Geef een postcode als 1111 AA: vier cijfers en twee letters.').describe(
  'Postcode, bijvoorbeeld 1111AA of 1111 aa (opgeslagen als 1111AA)',
);
export const huisnummer = z.coerce
  .number({ error: 'Geef een huisnummer als heel getal.' })
  .int('Geef een huisnummer als heel getal.')
  .min(1, 'Een huisnummer is 1 of hoger.')
  .max(99_999, 'Een huisnummer is hoogstens 99999.');
export const huisnummerToevoeging = genormaliseerd(toevoegingVan, 'Geef een toevoeging van letters en cijfers, bijvoorbeeld A of 2 (hoogstens 10 tekens).').describe(
  'Huisletter en/of huisnummertoevoeging, bijvoorbeeld A, 2 of A-2 (opgeslagen in hoofdletters)',
);
/** An address in a request body: postcode and huisnummer, optionally the toevoeging. */
export const adresInvoer = z
  .strictObject({ postcode, huisnummer, huisnummerToevoeging: huisnummerToevoeging.optional() })
  .transform((a): Adres => ({ postcode: a.postcode, huisnummer: a.huisnummer, huisnummerToevoeging: a.huisnummerToevoeging ?? null }));
