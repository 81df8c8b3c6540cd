/**
 * A resident's photo with a melding (issue 12): accepted only as JPEG, PNG or WebP, known by its
 * first bytes (not its name or declared type), within a size and a pixel limit, and re-encoded
 * with sharp so nothing of the original file survives: no EXIF (GPS position, camera, time), no
 * XMP, no ICC profile, no comment, nothing appended after the image (a ZIP behind a PNG). Turned
 * upright first (`.rotate()` applies the EXIF orientation), because the orientation goes too.
 * Pure: bytes in, bytes or a reason out; storing is the caller's.
 */
import sharp, { type Metadata } from 'sharp';

export const FOTO_MAX_BYTES = 10 * 1024 * 1024;
/** 40 megapixels: more than any phone camera; a larger image is refused before it is decoded. */
export const FOTO_MAX_PIXELS = 40_000_000;

export type FotoFormaat = 'jpeg' | 'png' | 'webp';

export type FotoUitkomst =
  | { ok: true; data: Buffer; formaat: FotoFormaat; mediatype: `image/${FotoFormaat}`; breedte: number; hoogte: number }
  | { ok: false; code: 'leeg' | 'te-groot' | 'onbekend-formaat' | 'te-veel-pixels' | 'beschadigd'; reden: string };

/** The format by the file's first bytes (its magic number), or undefined. */
export function formaatVan(b: Uint8Array): FotoFormaat | undefined {
  const begint = (bytes: number[], vanaf = 0) => bytes.every((x, i) => b[vanaf + i] === x);
  if (begint([0xff, 0xd8, 0xff])) return 'jpeg';
  if (begint([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (begint([0x52, 0x49, 0x46, 0x46]) && begint([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return undefined;
}

/** Checks a photo and re-encodes it without any metadata; never throws for bad input. */
export async function verwerkFoto(bestand: Buffer, opties: { maxBytes?: number; maxPixels?: number } = {}): Promise<FotoUitkomst> {
  const maxBytes = opties.maxBytes ?? FOTO_MAX_BYTES;
  const maxPixels = opties.maxPixels ?? FOTO_MAX_PIXELS;
  if (bestand.length === 0) return { ok: false, code: 'leeg', reden: 'Het bestand is leeg.' };
  if (bestand.length > maxBytes) return { ok: false, code: 'te-groot', reden: `De foto is te groot: hoogstens ${Math.floor(maxBytes / (1024 * 1024))} MB.` };
  const formaat = formaatVan(bestand);
  if (!formaat) return { ok: false, code: 'onbekend-formaat', reden: 'Dit is geen foto die wij aannemen. Stuur een JPEG-, PNG- of WebP-bestand.' };
  const beschadigd = { ok: false, code: 'beschadigd', reden: 'De foto is beschadigd of onvolledig. Probeer een andere foto.' } as const;
  // `failOn: 'truncated'`: an image that ends early is refused, not padded with grey.
  const invoer = () => sharp(bestand, { limitInputPixels: maxPixels, failOn: 'truncated', sequentialRead: true });
  const teVeel = { ok: false, code: 'te-veel-pixels', reden: `De foto heeft te veel pixels: hoogstens ${maxPixels / 1_000_000} megapixel, één beeld.` } as const;
  const fout = (error: unknown): FotoUitkomst => (error instanceof Error && /pixel limit/i.test(error.message) ? teVeel : beschadigd);
  let kop: Metadata;
  try {
    kop = await invoer().metadata();
  } catch (error) {
    return fout(error);
  }
  if (kop.format !== formaat) return { ok: false, code: 'onbekend-formaat', reden: 'De inhoud van het bestand past niet bij een JPEG-, PNG- of WebP-foto.' };
  if ((kop.width ?? 0) * (kop.height ?? 0) > maxPixels || (kop.pages ?? 1) > 1) return teVeel;
  try {
    const beeld = invoer().rotate();
    const gecodeerd = formaat === 'jpeg' ? beeld.jpeg({ quality: 85, mozjpeg: true }) : formaat === 'png' ? beeld.png() : beeld.webp({ quality: 85 });
    // sharp writes no metadata unless asked (withMetadata/keepExif): none is asked here.
    const { data, info } = await gecodeerd.toBuffer({ resolveWithObject: true });
    return { ok: true, data, formaat, mediatype: `image/${formaat}`, breedte: info.width, hoogte: info.height };
  } catch (error) {
    return fout(error);
  }
}
