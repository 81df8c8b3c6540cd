import { describe, expect, it } from 'vitest';
import { leesMultipart } from './multipart.ts';

const grens = 'XyZ123';
const type = `multipart/form-data; boundary=${grens}`;
const deel = (kop: string, inhoud: Buffer | string) => Buffer.concat([Buffer.from(`--${grens}\r\n${kop}\r\n\r\n`), Buffer.from(inhoud), Buffer.from('\r\n')]);
const einde = Buffer.from(`--${grens}--\r\n`);
/** The status of the error `f` throws (200: none). */
const status = (f: () => unknown) => {
  try {
    f();
    return 200;
  } catch (error) {
    return (error as { status?: number }).status;
  }
};

describe('leesMultipart', () => {
  it('reads text fields and files (binary, with CRLF inside), and skips an empty file input', () => {
    const binair = Buffer.from([0xff, 0xd8, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x00]);
    const body = Buffer.concat([
      deel('Content-Disposition: form-data; name="beschrijving"', 'Kapotte lamp, één'),
      deel('Content-Disposition: form-data; name="fotos"; filename="a.jpg"\r\nContent-Type: image/jpeg', binair),
      deel('Content-Disposition: form-data; name="fotos"; filename=""\r\nContent-Type: application/octet-stream', ''),
      einde,
    ]);
    const uit = leesMultipart(body, `multipart/form-data; boundary="${grens}"`, 10);
    expect(uit.velden).toEqual({ beschrijving: 'Kapotte lamp, één' });
    expect(uit.bestanden).toEqual([{ veld: 'fotos', bestandsnaam: 'a.jpg', mediatype: 'image/jpeg', inhoud: binair }]);
  });

  it('refuses a body without its boundary, a cut-off part, too many parts and text that is not UTF-8 (400)', () => {
    expect(status(() => leesMultipart(Buffer.from('rommel'), type, 10))).toBe(400);
    expect(status(() => leesMultipart(Buffer.from('x'), 'multipart/form-data', 10))).toBe(400);
    expect(status(() => leesMultipart(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc`), type, 10))).toBe(400);
    const veel = Buffer.concat([...Array.from({ length: 3 }, () => deel('Content-Disposition: form-data; name="a"', 'x')), einde]);
    expect(status(() => leesMultipart(veel, type, 2))).toBe(400);
    expect(status(() => leesMultipart(Buffer.concat([deel('Content-Disposition: form-data; name="a"', Buffer.from([0xc3, 0x28])), einde]), type, 10))).toBe(400);
  });
});
