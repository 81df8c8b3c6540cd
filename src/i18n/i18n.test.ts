import { describe, expect, it } from 'vitest';
import { NAMESPACES, TALEN, sleutels, vertaler } from './i18n.ts';

describe('i18n', () => {
  it('has the same keys in every language, for every namespace', () => {
    expect(NAMESPACES).toContain('portaal');
    for (const ns of NAMESPACES) {
      const nl = sleutels('nl', ns);
      expect(nl.length).toBeGreaterThan(0);
      for (const taal of TALEN) expect(sleutels(taal, ns), `${taal}/${ns}.json`).toEqual(nl);
    }
  });

  it('has no empty texts', () => {
    for (const ns of NAMESPACES) {
      for (const taal of TALEN) {
        const t = vertaler(taal, ns);
        for (const sleutel of sleutels(taal, ns)) expect(t(sleutel).trim(), `${taal} ${ns}:${sleutel}`).not.toBe('');
      }
    }
  });

  it('translates with values and leaves escaping to the HTML templates', () => {
    expect(vertaler('nl', 'portaal')('algemeen.gemeenteNaam', { naam: 'A & <B>' })).toBe('Gemeente A & <B>');
    expect(vertaler('en', 'portaal')('algemeen.gemeenteNaam', { naam: 'Diemen' })).toBe('Municipality of Diemen');
  });

  it('throws on a key that does not exist instead of showing it', () => {
    expect(() => vertaler('en', 'portaal')('bestaat.niet')).toThrow(/Tekst ontbreekt: en portaal:bestaat.niet/);
  });
});
