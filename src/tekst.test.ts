import { describe, expect, it } from 'vitest';
import { bestandsnaamUit } from './modules/zaken/zaken.documenten.ts';
import { heeftOngeldigTeken, schoneNaam } from './tekst.ts';

describe('heeftOngeldigTeken', () => {
  it('finds NUL and lone surrogates, and nothing else', () => {
    for (const tekst of ['a\u0000b', '\uD800', 'x\uDC00', 'a\uDBFFb']) expect(heeftOngeldigTeken(tekst), JSON.stringify(tekst)).toBe(true);
    for (const tekst of ['', 'gewoon', 'één 😀 ﷽', 'regel\r\nregel\tkolom', 'pagina\fpagina\vregel\u0001', 'b\u202Ec']) {
      expect(heeftOngeldigTeken(tekst), JSON.stringify(tekst)).toBe(false);
    }
  });
});

describe('schoneNaam', () => {
  it('removes control and bidi characters, keeps letters of every script', () => {
    expect(schoneNaam('factuur\u202Efdp.exe')).toBe('factuurfdp.exe');
    expect(schoneNaam('\u200EJan\u200F \u061CJansen\u2066\u2067\u2068\u2069\u202A\u202B\u202C\u202D')).toBe('Jan Jansen');
    expect(schoneNaam(' Team\u0007\u007F\u0085 Noord\u009F ')).toBe('Team Noord');
    expect(schoneNaam('Jan\tJansen\r\nde Vries')).toBe('Jan Jansen de Vries');
    expect(schoneNaam('Zoë Çelik مريم 😀')).toBe('Zoë Çelik مريم 😀');
  });

  it('cleans document file names taken from Content-Disposition', () => {
    expect(bestandsnaamUit(`attachment; filename*=UTF-8''${encodeURIComponent('invoice\u202Efdp.exe')}`)).toBe('invoicefdp.exe');
    expect(bestandsnaamUit(`attachment; filename*=UTF-8''${encodeURIComponent('..\\map/brief\u2067 \u0001.pdf')}`)).toBe('brief .pdf');
    expect(() => bestandsnaamUit(`attachment; filename*=UTF-8''${encodeURIComponent('\u202E\u200F')}`)).toThrow('Ongeldige invoer');
  });
});
