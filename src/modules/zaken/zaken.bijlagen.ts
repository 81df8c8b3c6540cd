/**
 * A resident's attachment (ADR 0078): a file uploaded in a form or sent with a reply on the
 * tracking page. One check for both, built from the existing ones, not a copy of them: the type by
 * its first bytes (herkenDocument, as for staff uploads), only PDF, JPEG or PNG, at most
 * MAX_DOCUMENT bytes; a photo goes through verwerkFoto (meldingen.fotos.ts), which re-encodes it so
 * no metadata survives (EXIF with a GPS position, XMP, anything appended). A PDF is kept as sent
 * (after its magic bytes): re-writing PDFs is not done here (ADR 0078). Pure: bytes in, the bytes to
 * store or a reason code out; never throws for bad input.
 */
import { schoneNaam } from '../../tekst.ts';
import { verwerkFoto } from '../meldingen/meldingen.fotos.ts';
import { herkenDocument, MAX_DOCUMENT } from './zaken.documenten.ts';

/** The types a resident may attach. */
export const BIJLAGE_SOORTEN = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type Bijlagesoort = (typeof BIJLAGE_SOORTEN)[number];
/** What an `<input type="file">` offers (a phone also offers its camera). */
export const BIJLAGE_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const BIJLAGE_MAX_BYTES = MAX_DOCUMENT;

/** Why a file is refused; each has a B1 text (`bijlage.<code>` in the resident's i18n). */
export type BijlageFout = 'leeg' | 'te-groot' | 'soort' | 'beschadigd';

export type BijlageUitkomst = { ok: true; bestandsnaam: string; mediatype: Bijlagesoort; inhoud: Buffer } | { ok: false; code: BijlageFout };

const EXTENSIE: Record<Bijlagesoort, readonly string[]> = { 'application/pdf': ['pdf'], 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'] };

/** The file name without a path or invisible characters, at most 200 characters, with the extension of what it is. */
export function bijlageNaam(naam: string, soort: Bijlagesoort): string {
  const kaal = [...schoneNaam(naam.split(/[\\/]/).at(-1) ?? '')].slice(0, 200).join('').trim();
  const extensies = EXTENSIE[soort];
  const basis = kaal || 'bijlage';
  const ext = /\.([A-Za-z0-9]+)$/.exec(basis)?.[1]?.toLowerCase();
  return ext && extensies.includes(ext) ? basis : `${basis}.${extensies[0] ?? 'bin'}`;
}

/** Checks one attachment (see the module's comment). */
export async function controleerBijlage(bestand: { bestandsnaam: string; inhoud: Buffer }, maxBytes = BIJLAGE_MAX_BYTES): Promise<BijlageUitkomst> {
  const { inhoud } = bestand;
  if (inhoud.length === 0) return { ok: false, code: 'leeg' };
  if (inhoud.length > maxBytes) return { ok: false, code: 'te-groot' };
  const soort = herkenDocument(inhoud);
  if (soort === 'application/pdf') {
    // A PDF ends with %%EOF (perhaps followed by a line end): a cut-off upload is refused.
    if (!inhoud.subarray(Math.max(0, inhoud.length - 1024)).includes('%%EOF')) return { ok: false, code: 'beschadigd' };
    return { ok: true, bestandsnaam: bijlageNaam(bestand.bestandsnaam, soort), mediatype: soort, inhoud };
  }
  if (soort === 'image/jpeg' || soort === 'image/png') {
    const foto = await verwerkFoto(inhoud, { maxBytes });
    if (!foto.ok) return { ok: false, code: foto.code === 'te-groot' || foto.code === 'te-veel-pixels' ? 'te-groot' : foto.code === 'leeg' ? 'leeg' : foto.code === 'onbekend-formaat' ? 'soort' : 'beschadigd' };
    return { ok: true, bestandsnaam: bijlageNaam(bestand.bestandsnaam, soort), mediatype: soort, inhoud: foto.data };
  }
  return { ok: false, code: 'soort' };
}
