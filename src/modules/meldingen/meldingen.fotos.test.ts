import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { formaatVan, verwerkFoto } from './meldingen.fotos.ts';

// Fixture images are made here with sharp: small, and nothing read from outside the repository.

const beeld = (width = 64, height = 48) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });

/** A JPEG as a phone writes it: EXIF with the GPS position (IFD3), camera make, and orientation 6 (turned 90°). */
async function telefoonJpeg(): Promise<Buffer> {
  return beeld(64, 48)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'Telefoonmerk', Model: 'Model X' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 20/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 58/1 30/1' },
    })
    .toBuffer();
}

/** Whether EXIF data holds a GPS IFD: the pointer tag 0x8825, in either byte order. */
const heeftGps = (exif: Buffer) => exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

/** A valid PNG whose header claims `width` × `height` (with a correct CRC), as a decompression bomb does. */
async function pngMetKop(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await beeld(8, 8).png().toBuffer());
  // IHDR: length (4) + "IHDR" (4) at offset 8, data at 16 (width, height), CRC after 13 bytes of data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

describe('verwerkFoto', () => {
  it('strips all metadata, the GPS position included, and turns the image upright first', async () => {
    const origineel = await telefoonJpeg();
    const voor = await sharp(origineel).metadata();
    expect(voor.exif?.includes(Buffer.from('Telefoonmerk'))).toBe(true);
    expect(voor.orientation).toBe(6);
    expect(voor.exif && heeftGps(voor.exif)).toBe(true);
    expect(heeftGps(await sharp({ create: { width: 4, height: 4, channels: 3, background: 'white' } }).jpeg().withExif({ IFD0: { Make: 'Telefoonmerk' } }).toBuffer())).toBe(false);

    const uit = await verwerkFoto(origineel);
    expect(uit).toMatchObject({ ok: true, formaat: 'jpeg', mediatype: 'image/jpeg', breedte: 48, hoogte: 64 });
    if (!uit.ok) return;
    const na = await sharp(uit.data).metadata();
    expect([na.exif, na.xmp, na.icc, na.iptc, na.orientation]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect([na.width, na.height]).toEqual([48, 64]);
    for (const spoor of ['Exif', 'Telefoonmerk', 'Model X']) expect(uit.data.includes(Buffer.from(spoor)), spoor).toBe(false);
  });

  it('keeps PNG and WebP as they are, re-encoded; drops a ZIP appended behind a PNG', async () => {
    const zip = Buffer.from('PK\u0003\u0004 een verstopt archief');
    const polyglot = Buffer.concat([await beeld().png().withMetadata().toBuffer(), zip]);
    const png = await verwerkFoto(polyglot);
    expect(png).toMatchObject({ ok: true, formaat: 'png', breedte: 64, hoogte: 48 });
    if (png.ok) expect(png.data.includes(Buffer.from('PK\u0003\u0004'))).toBe(false);
    const webp = await verwerkFoto(await beeld().webp().withExif({ IFD0: { Artist: 'Iemand' } }).toBuffer());
    expect(webp).toMatchObject({ ok: true, formaat: 'webp', mediatype: 'image/webp' });
    if (webp.ok) expect((await sharp(webp.data).metadata()).exif).toBeUndefined();
  });

  it('refuses a ZIP named .png, a truncated JPEG, a 100-megapixel image, an empty and a too large file', async () => {
    expect(await verwerkFoto(Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000 zip met een .png-naam'))).toMatchObject({ ok: false, code: 'onbekend-formaat' });
    const jpeg = await beeld(256, 256).jpeg().toBuffer();
    expect(await verwerkFoto(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toMatchObject({ ok: false, code: 'beschadigd' });
    expect(await verwerkFoto(await pngMetKop(10_000, 10_000))).toMatchObject({ ok: false, code: 'te-veel-pixels' });
    expect(await verwerkFoto(Buffer.alloc(0))).toMatchObject({ ok: false, code: 'leeg' });
    expect(await verwerkFoto(jpeg, { maxBytes: 100 })).toMatchObject({ ok: false, code: 'te-groot' });
    // An image over a (low) pixel limit is refused; under it, the same image passes.
    expect(await verwerkFoto(jpeg, { maxPixels: 256 * 255 })).toMatchObject({ ok: false, code: 'te-veel-pixels' });
    expect(await verwerkFoto(jpeg, { maxPixels: 256 * 256 })).toMatchObject({ ok: true });
    // GIF and a PNG signature in front of something else.
    expect(await verwerkFoto(await beeld().gif().toBuffer())).toMatchObject({ ok: false, code: 'onbekend-formaat' });
    expect(await verwerkFoto(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('geen png')]))).toMatchObject({ ok: false, code: 'beschadigd' });
  });

  it('knows the formats by their first bytes only', () => {
    expect(formaatVan(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(formaatVan(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('webp');
    expect(formaatVan(Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBeUndefined();
    expect(formaatVan(Buffer.from('<svg'))).toBeUndefined();
  });
});
