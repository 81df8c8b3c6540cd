import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { vasteKlok } from '../../klok.ts';
import { auditService } from '../audit/audit.service.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { controleerMaten, vingerafdruk, type KpiDefinitie, type KpiMaat } from './kpi.definitie.ts';
import { kpiRepository } from './kpi.repository.ts';
import { kpiService } from './kpi.service.ts';

let loket: TestLoket;
beforeAll(async () => {
  loket = await testLoket({ nu: '2026-04-14T09:00:00Z' });
});
afterAll(async () => loket.close());

const definitie = (code: string, naam: string): KpiDefinitie => ({
  code,
  versie: 1,
  naam: { nl: naam, en: naam },
  doel: 'Test',
  teller: 'Iets',
  noemer: 'Alles',
  periode: { datum: 'afgesloten', regel: 'Test' },
  uitsluitingen: [],
  eenheid: 'procent',
  richting: 'hoger-is-beter',
  norm: null,
  eigenaar: 'Test',
  module: 'test',
  publiek: false,
  uitsplitsingen: [],
});

const maat = (code: string): KpiMaat => ({ definitie: definitie(code, 'x'), bereken: () => Promise.resolve([]) });

function dienst(maten: KpiMaat[], meldFout?: (fout: unknown, kpi: string) => void) {
  const klok = vasteKlok('2026-04-14T09:00:00Z');
  const db = loket.database.db;
  return kpiService({
    repository: kpiRepository(db),
    maten,
    sluitingsdagen: () => Promise.resolve(new Map()),
    zaaktypeBestaat: () => Promise.resolve(true),
    audit: auditService({ repository: auditRepository(db), klok }),
    klok,
    meldFout,
  });
}

describe('versies', () => {
  it('refuses a definition that changed under the same version number, and keeps the old text', async () => {
    const eerste = dienst([{ definitie: definitie('test-versie', 'Eerste tekst'), bereken: () => Promise.resolve([]) }]);
    expect((await eerste.definitie('test-versie')).versies).toHaveLength(1);
    const gewijzigd = dienst([{ definitie: definitie('test-versie', 'Andere tekst'), bereken: () => Promise.resolve([]) }]);
    await expect(gewijzigd.definities()).rejects.toThrow('gewijzigd zonder nieuwe versie');
    const volgende = dienst([{ definitie: { ...definitie('test-versie', 'Andere tekst'), versie: 2 }, bereken: () => Promise.resolve([]) }]);
    const { versies } = await volgende.definitie('test-versie');
    expect(versies.map((v) => [v.definitie.versie, v.definitie.naam.nl])).toEqual([
      [2, 'Andere tekst'],
      [1, 'Eerste tekst'],
    ]);
  });

  it('has the fingerprint of every declared version in the committed list', async () => {
    const lijst = await readFile(new URL('kpi-definities.vingerafdrukken.txt', import.meta.url), 'utf8');
    const bekend = new Map(lijst.split('\n').filter((r) => r && !r.startsWith('#')).map((r) => r.split(' ') as [string, string]));
    const ontbreekt: string[] = [];
    for (const d of await loket.services.kpi.definities()) {
      const regel = `${d.code}@${d.versie}`;
      const eigen = vingerafdruk(d);
      const opgeslagen = bekend.get(regel);
      if (opgeslagen === undefined) ontbreekt.push(`${regel} ${eigen}`);
      else expect(eigen, `${regel} changed without a new versie: raise its versie`).toBe(opgeslagen);
    }
    expect(ontbreekt, 'add these lines to kpi-definities.vingerafdrukken.txt').toEqual([]);
  });

  it('refuses malformed or doubled codes', () => {
    expect(() => controleerMaten([maat('Met Spatie')])).toThrow('kleine letters');
    expect(() => controleerMaten([maat('dubbel'), maat('dubbel')])).toThrow('twee keer');
  });
});

describe('een query die faalt', () => {
  it('gives "niet bekend" with the reason and tells the log, never a number or a 5xx', async () => {
    const fouten: string[] = [];
    const kapot: KpiMaat = {
      definitie: definitie('test-kapot', 'Kapot'),
      bereken: async () => {
        await sql`select * from bestaat_niet`.execute(loket.database.db);
        return [];
      },
    };
    const w = await dienst([kapot], (_fout, kpi) => fouten.push(kpi)).waarde('GM0384', 'test-kapot', { periode: '2026-Q1' });
    expect(w).toMatchObject({ status: 'niet-bekend', waarde: null, teller: null, reden: expect.stringContaining('mislukt') });
    expect(fouten).toEqual(['test-kapot']);
  });
});
