import { describe, expect, it } from 'vitest';
import { vasteKlok } from '../../klok.ts';
import { formulierTokens } from '../zaakvolgen/zaakvolgen.formulier.ts';
import { momentopnamen } from './meldingformulier.momentopname.ts';

describe('the check page snapshot (ADR 0100)', () => {
  const klok = vasteKlok('2026-03-02T09:00:00Z');
  const opnamen = momentopnamen(formulierTokens('geheim-van-de-test', klok));
  const sleutel = 'a'.repeat(43);
  const opname = { gegevens: { beschrijving: 'Losse tegel — “scheef”', categorie: 'losse-stoeptegel', locatie: { lat: 52.3, lon: 4.9, adres: 'Hartveldseweg 25' } }, aantalFotos: 2 };

  it('reads back what it was made of, for that concept of that gemeente only', () => {
    const veld = opnamen.maak('GM0384', sleutel, opname);
    expect(veld).toMatch(/^[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]+$/);
    expect(opnamen.lees('GM0384', sleutel, veld)).toEqual(opname);
    expect(opnamen.lees('GM0363', sleutel, veld)).toBeUndefined();
    expect(opnamen.lees('GM0384', 'b'.repeat(43), veld)).toBeUndefined();
    expect(momentopnamen(formulierTokens('een-ander-geheim', klok)).lees('GM0384', sleutel, veld)).toBeUndefined();
  });

  it('refuses a changed, malformed or expired snapshot', () => {
    const veld = opnamen.maak('GM0384', sleutel, opname);
    const [inhoud = '', tijd = '', mac = ''] = veld.split('.');
    const ander = Buffer.from(JSON.stringify({ ...opname, aantalFotos: 0 })).toString('base64url');
    for (const fout of [`${ander}.${tijd}.${mac}`, `${inhoud}.${Number(tijd) + 1}.${mac}`, `${inhoud}.${tijd}`, inhoud, '', '.', `.${tijd}.${mac}`]) expect(opnamen.lees('GM0384', sleutel, fout), fout).toBeUndefined();
    klok.verder(25 * 60 * 60 * 1000);
    expect(opnamen.lees('GM0384', sleutel, veld)).toBeUndefined();
  });
});
