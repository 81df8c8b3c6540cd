import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';

export interface GelezenPdf {
  /** The text as pdftotext (poppler) reads it, in reading order. */
  tekst: string;
  /** pdfinfo's report: Title, Tagged, Pages, … */
  info: string;
  /** The embedded images (not their alpha masks), as PNG files read back by pdfimages. */
  afbeeldingen: Buffer[];
}

/** Reads a PDF back with poppler's tools, as a resident's reader or a search engine would. */
export function leesPdf(pdf: Buffer): GelezenPdf {
  const map = mkdtempSync(join(tmpdir(), 'loket-pdf-'));
  try {
    const bestand = join(map, 'bestand.pdf');
    writeFileSync(bestand, pdf);
    const tekst = execFileSync('pdftotext', [bestand, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [bestand], { encoding: 'utf8' });
    execFileSync('pdfimages', ['-png', bestand, join(map, 'beeld')]);
    // pdfimages -list: one line per image after two header lines; column 3 is "image" or "smask" (a PNG's alpha channel).
    const soorten = execFileSync('pdfimages', ['-list', bestand], { encoding: 'utf8' }).trim().split('\n').slice(2).map((regel) => regel.trim().split(/\s+/)[2]);
    const afbeeldingen = readdirSync(map)
      .filter((n) => n.startsWith('beeld'))
      .toSorted()
      .filter((_, i) => soorten[i] === 'image')
      .map((n) => readFileSync(join(map, n)));
    return { tekst, info, afbeeldingen };
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
}

/**
 * Whether an image is the QR code of `tekst`: every module of the code (as the qrcode package
 * encodes it, error correction M, quiet zone 4) is dark where it should be and light elsewhere,
 * read at the centre of each module. No QR decoder is installed; this compares the picture
 * module by module with what the text encodes, so a code for another text does not pass.
 */
export async function isQrVan(png: Buffer, tekst: string): Promise<boolean> {
  const qr = QRCode.create(tekst, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== info.height) return false;
  const schaal = info.width / (n + 8);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const x = Math.floor((c + 4 + 0.5) * schaal);
      const y = Math.floor((r + 4 + 0.5) * schaal);
      const donker = (data[(y * info.width + x) * info.channels] ?? 255) < 128;
      if (donker !== Boolean(qr.modules.get(r, c))) return false;
    }
  }
  return true;
}
