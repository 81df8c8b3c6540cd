import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';

let loket: TestLoket;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let bo: Ingelogd;
let kcc: Ingelogd;
const basis = '/api/v1/gemeenten/GM0384/zaken';

beforeEach(async () => {
  smtp = await smtpOntvanger();
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { SMTP_URL: smtp.url } });
  await laadDemo(loket);
  bo = await logInAls(loket, 'behandelaar@diemen.demo');
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
});
afterEach(async () => {
  await loket.close();
  await smtp.close();
});

async function emailZaak() {
  const res = await loket.app.inject({
    method: 'POST',
    url: basis,
    headers: bo.headers,
    payload: { zaaktype: 'e-mailvraag', onderwerp: 'Boos over de bouwvergunning van de buren', kanaal: 'e-mail', ontvangstdatum: '2026-02-20', betrokkene: { naam: 'Sara Jansen', email: 'sara@example.nl', taal: 'nl' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; versie: number; identificatie: string; zaaktypeVersie: { resultaattypen: { id: string }[] } };
}

const zetOm = (sessie: Ingelogd, zaak: { id: string }, versie: number, body: Record<string, unknown>) =>
  loket.app.inject({ method: 'POST', url: `${basis}/${zaak.id}/omzettingen`, headers: { ...sessie.headers, 'if-match': `"${versie}"` }, payload: body });
const haal = async (id: string) => (await loket.app.inject({ method: 'GET', url: `${basis}/${id}`, headers: bo.headers })).json();

describe('POST …/zaken/{id}/omzettingen (ADR 0062)', () => {
  it('turns an e-mail zaak into a klacht: same receipt date (the term counts from it), resident, both related, the first closed', async () => {
    const bron = await emailZaak();
    const resultaattype = bron.zaaktypeVersie.resultaattypen[0]!.id;
    const res = await zetOm(bo, bron, bron.versie, { zaaktype: 'klacht', reden: 'De inwoner klaagt over de bejegening aan de balie.', resultaattype });
    expect(res.statusCode, res.body).toBe(201);
    const nieuw = res.json();
    expect(res.headers.location).toBe(`${basis}/${nieuw.id}`);
    expect(nieuw).toMatchObject({ ontvangstdatum: '2026-02-20', kanaal: 'e-mail', onderwerp: 'Boos over de bouwvergunning van de buren', betrokkene: { naam: 'Sara Jansen' } });
    expect(nieuw.zaaktypeVersie.code).toBe('klacht');
    // Six weeks from 20 February, not from today (2 March).
    expect(nieuw.uiterlijkeEinddatum).toBe('2026-04-03');
    expect(nieuw.relaties).toEqual([{ soort: 'vervolg', zaak: expect.objectContaining({ id: bron.id, identificatie: bron.identificatie }) }]);
    const oud = await haal(bron.id);
    expect(oud.afgeslotenOp).not.toBeNull();
    expect(oud.versie).toBe(bron.versie + 1);
    expect(oud.relaties).toEqual([{ soort: 'vervolg', zaak: expect.objectContaining({ id: nieuw.id, identificatie: nieuw.identificatie }) }]);
    expect(oud.tijdlijn.map((g: { soort: string }) => g.soort)).toEqual(expect.arrayContaining(['relatie', 'notitie', 'resultaat']));
    // The resident gets the receipt of the new zaak with its own tracking link.
    const mail = await smtp.wachtOp('sara@example.nl', new RegExp(nieuw.identificatie));
    expect(mail.tekst).toContain(nieuw.volglink);
  });

  it('keeps the first zaak open without a result', async () => {
    const bron = await emailZaak();
    const res = await zetOm(bo, bron, bron.versie, { zaaktype: 'bezwaar', reden: 'Het is een bezwaar tegen een besluit.' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await haal(bron.id)).afgeslotenOp).toBeNull();
  });

  it('refuses the same zaaktype, an unknown result, an old version, a closed zaak and the KCC; nothing changes', async () => {
    const bron = await emailZaak();
    const zelfde = await zetOm(bo, bron, bron.versie, { zaaktype: 'e-mailvraag', reden: 'x' });
    expect(zelfde.statusCode).toBe(400);
    expect(zelfde.json().invalidParams).toEqual([expect.objectContaining({ name: 'zaaktype', code: 'zelfde-zaaktype' })]);
    const onbekend = await zetOm(bo, bron, bron.versie, { zaaktype: 'klacht', reden: 'x', resultaattype: '00000000-0000-4000-8000-000000000000' });
    expect(onbekend.statusCode).toBe(400);
    expect(onbekend.json().invalidParams).toEqual([expect.objectContaining({ name: 'resultaattype', code: 'onbekend-resultaattype' })]);
    expect((await zetOm(bo, bron, bron.versie + 1, { zaaktype: 'klacht', reden: 'x' })).statusCode).toBe(412);
    expect((await zetOm(kcc, bron, bron.versie, { zaaktype: 'klacht', reden: 'x' })).statusCode).toBe(403);
    const leeg = await zetOm(bo, bron, bron.versie, { zaaktype: '', reden: '' });
    expect(leeg.statusCode).toBe(400);
    expect(leeg.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['reden', 'zaaktype']);
    const oud = await haal(bron.id);
    expect(oud).toMatchObject({ versie: bron.versie, relaties: [], afgeslotenOp: null });
    const klachten = await loket.app.inject({ method: 'GET', url: `${basis}?zaaktype=klacht`, headers: bo.headers });
    expect(klachten.json().items).toEqual([]);
    await zetOm(bo, bron, bron.versie, { zaaktype: 'klacht', reden: 'Klacht.', resultaattype: bron.zaaktypeVersie.resultaattypen[0]!.id });
    expect((await zetOm(bo, bron, bron.versie + 1, { zaaktype: 'bezwaar', reden: 'x' })).statusCode).toBe(409);
  });
});
