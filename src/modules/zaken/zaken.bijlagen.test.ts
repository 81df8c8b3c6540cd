import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { KLEINE_PDF } from '../../../test/multipart.ts';
import { bijlageNaam, controleerBijlage } from './zaken.bijlagen.ts';

describe('controleerBijlage (ADR 0078)', () => {
  it('names: no path, no invisible or bidi characters, the extension of what the file is', () => {
    expect(bijlageNaam('mapje/brief.pdf', 'application/pdf')).toBe('brief.pdf');
    expect(bijlageNaam('factuur\u202Efdp.exe', 'application/pdf')).toBe('factuurfdp.exe.pdf');
    expect(bijlageNaam('FOTO.JPEG', 'image/jpeg')).toBe('FOTO.JPEG');
    expect(bijlageNaam('foto.png', 'image/jpeg')).toBe('foto.png.jpg');
    expect(bijlageNaam('', 'image/png')).toBe('bijlage.png');
  });

  it('takes PDF as sent, re-encodes a PNG that hides a ZIP, refuses the rest with a reason code', async () => {
    expect(await controleerBijlage({ bestandsnaam: 'b.pdf', inhoud: KLEINE_PDF })).toMatchObject({ ok: true, mediatype: 'application/pdf', inhoud: KLEINE_PDF });
    const polyglot = Buffer.concat([await sharp({ create: { width: 8, height: 8, channels: 3, background: 'white' } }).png().toBuffer(), Buffer.from('PK\u0003\u0004 archief')]);
    const png = await controleerBijlage({ bestandsnaam: 'p.png', inhoud: polyglot });
    expect(png).toMatchObject({ ok: true, mediatype: 'image/png' });
    if (png.ok) expect(png.inhoud.includes(Buffer.from('PK\u0003\u0004'))).toBe(false);
    expect(await controleerBijlage({ bestandsnaam: 'x', inhoud: Buffer.alloc(0) })).toEqual({ ok: false, code: 'leeg' });
    expect(await controleerBijlage({ bestandsnaam: 'x', inhoud: KLEINE_PDF }, 10)).toEqual({ ok: false, code: 'te-groot' });
    expect(await controleerBijlage({ bestandsnaam: 'x.docx', inhoud: Buffer.from('gewone tekst') })).toEqual({ ok: false, code: 'soort' });
    expect(await controleerBijlage({ bestandsnaam: 'x.pdf', inhoud: KLEINE_PDF.subarray(0, 50) })).toEqual({ ok: false, code: 'beschadigd' });
    expect(await controleerBijlage({ bestandsnaam: 'x.jpg', inhoud: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) })).toEqual({ ok: false, code: 'beschadigd' });
  });
});
