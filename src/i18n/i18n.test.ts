import { readdirSync, readFileSync } from 'node:fs';
import { createInstance } from 'i18next';
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

  it('fills in every text with values as i18next does, also when asked again', async () => {
    // i18next itself on the same catalogs, with the same interpolation (no escaping).
    const resources = Object.fromEntries(
      TALEN.map((taal) => {
        const map = new URL(`./${taal}/`, import.meta.url);
        return [taal, Object.fromEntries(readdirSync(map).filter((n) => n.endsWith('.json')).map((n) => [n.slice(0, -5), JSON.parse(readFileSync(new URL(n, map), 'utf8'))]))];
      }),
    );
    const i18next = createInstance();
    await i18next.init({ resources, lng: 'nl', supportedLngs: [...TALEN], fallbackLng: false, ns: NAMESPACES, initAsync: false, interpolation: { escapeValue: false }, returnNull: false, returnObjects: false });
    let metWaarden = 0;
    for (const ns of NAMESPACES) {
      for (const taal of TALEN) {
        const t = vertaler(taal, ns);
        const verwacht = i18next.getFixedT(taal, ns);
        for (const sleutel of sleutels(taal, ns)) {
          const plaatsen = [...String(i18next.getResource(taal, ns, sleutel)).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string);
          if (plaatsen.length === 0) continue;
          metWaarden++;
          const waarden = Object.fromEntries(plaatsen.map((p, i) => [p, i % 2 ? i : `<${p}> & {{x}}`]));
          for (let keer = 0; keer < 2; keer++) expect(t(sleutel, waarden), `${taal} ${ns}:${sleutel}`).toBe(verwacht(sleutel, waarden));
          // A value missing, or one i18next would nest: i18next's own answer.
          expect(t(sleutel, {}), `${taal} ${ns}:${sleutel} without values`).toBe(verwacht(sleutel, {}));
          expect(t(sleutel, { ...waarden, [plaatsen[0] as string]: '$t(bestaat.niet)' })).toBe(verwacht(sleutel, { ...waarden, [plaatsen[0] as string]: '$t(bestaat.niet)' }));
        }
      }
    }
    expect(metWaarden).toBeGreaterThan(50);
    // A plural (a count): i18next's own choice of text.
    expect(vertaler('nl', 'producten')('zoeken.resultaat', { count: 1, aantal: 1, zoek: 'pas' })).toBe(i18next.getFixedT('nl', 'producten')('zoeken.resultaat', { count: 1, aantal: 1, zoek: 'pas' }));
    expect(vertaler('nl', 'producten')('zoeken.resultaat', { count: 3, aantal: 3, zoek: 'pas' })).toBe(i18next.getFixedT('nl', 'producten')('zoeken.resultaat', { count: 3, aantal: 3, zoek: 'pas' }));
  });

  it('throws on a key that does not exist instead of showing it', () => {
    expect(() => vertaler('en', 'portaal')('bestaat.niet')).toThrow(/Tekst ontbreekt: en portaal:bestaat.niet/);
  });
});
