import { describe, expect, it } from 'vitest';
import { formulierParser } from './invoer.ts';
import { ProblemError } from './problem.ts';

/** What `formulierParser` makes of a body sent as these bytes. */
function lees(body: Buffer | string): { fout: Error | null; velden: unknown } {
  let uitkomst: { fout: Error | null; velden: unknown } = { fout: null, velden: undefined };
  formulierParser(undefined, typeof body === 'string' ? Buffer.from(body, 'latin1') : body, (fout, velden) => {
    uitkomst = { fout, velden };
  });
  return uitkomst;
}

describe('formulierParser', () => {
  it('decodes plain ASCII, a plus as a space, an escaped plus as a plus, and a key without a value', () => {
    expect(lees('naam=Jan+de+Vries&som=1%2B1&leeg=&alleen').velden).toEqual({ naam: 'Jan de Vries', som: '1+1', leeg: '', alleen: '' });
  });

  it('decodes percent-escaped UTF-8 and raw UTF-8 bytes alike', () => {
    expect(lees('straat=Caf%C3%A9laan&plaats=%E2%82%AC').velden).toEqual({ straat: 'Cafélaan', plaats: '€' });
    expect(lees(Buffer.from('straat=Caféweg', 'utf8')).velden).toEqual({ straat: 'Caféweg' });
  });

  it('keeps a percent sign that starts no escape', () => {
    expect(lees('korting=50%&code=%zz&eind=%4').velden).toEqual({ korting: '50%', code: '%zz', eind: '%4' });
  });

  it('refuses bytes that are not UTF-8, naming every such field and the body for a key', () => {
    const { fout } = lees('goed=ja&tekst=%FF%FE&ander=%C3&%C3%28=x');
    expect(fout).toBeInstanceOf(ProblemError);
    expect((fout as ProblemError).status).toBe(400);
    expect((fout as ProblemError).invalidParams?.map((p) => p.name)).toEqual(['body.tekst', 'body.ander', 'body']);
  });
});
