import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';

let loket: TestLoket;
let beheerder: Ingelogd;
let redacteur: Ingelogd;
let kcc: Ingelogd;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  redacteur = await logInAls(loket, 'redacteur@uithoorn.demo');
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
});
afterAll(async () => loket.close());

const afvalpas = {
  code: 'afvalpas',
  naam: { nl: 'Afvalpas aanvragen', en: 'Apply for a waste pass' },
  thema: 'overig',
  omschrijving: { nl: 'Met de afvalpas opent u de container.', en: 'With the waste pass you open the container.' },
  voorWie: { nl: 'Voor elk huishouden.', en: 'For every household.' },
  kosten: { nl: 'Gratis.', en: 'Free.' },
  meenemen: { nl: '', en: '' },
  hoeAanvragen: { nl: 'Vraag hem online aan.', en: 'Apply online.' },
  aanvragen: 'formulier',
  formulierUrl: 'https://www.uithoorn.nl/afvalpas',
};

describe('products (public)', () => {
  it('lists the published products of a gemeente with code, naam and afspraak, in Dutch or English', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/producten' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; naam: string; afspraak: boolean; pagina: string; themaNaam: string }[];
    const codes = items.map((p) => p.code);
    for (const code of ['paspoort', 'id-kaart', 'rijbewijs-verlengen', 'huwelijk-partnerschap', 'geboorteaangifte', 'wmo-ondersteuning']) expect(codes).toContain(code);
    expect(items.find((p) => p.code === 'paspoort')).toMatchObject({ naam: 'Paspoort aanvragen', afspraak: true, online: false, afspraakMinuten: 15, pagina: '/diemen/producten/paspoort', themaNaam: 'Paspoort en ID-kaart' });
    expect(items.find((p) => p.code === 'wmo-ondersteuning')).toMatchObject({ afspraak: false, online: true, zaaktype: 'wmo-melding' });
    expect(items.find((p) => p.code === 'huwelijk-partnerschap')).toMatchObject({ afspraak: true, ambtenaarKiezen: true });
    const en = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/producten?taal=en' });
    expect(en.json().items.find((p: { code: string }) => p.code === 'paspoort')).toMatchObject({ naam: 'Apply for a passport', pagina: '/diemen/en/products/paspoort' });
    const een = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/producten/id-kaart' });
    expect(een.statusCode).toBe(200);
    expect(een.json()).toMatchObject({ code: 'id-kaart', afspraak: true });
  });

  it('answers 404 for an unknown gemeente or product, 400 for a bad code or language', async () => {
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM9999/producten' })).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/producten/bestaat-niet' })).statusCode).toBe(404);
    const fout = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/producten/Niet%20Goed?taal=fr' });
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toContain('application/problem+json');
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['params.code']);
    const taal = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/producten?taal=fr' });
    expect(taal.statusCode).toBe(400);
  });

  it('shows the product pages without JavaScript: search, themes, a product with its start button, in Dutch and English', async () => {
    const lijst = await loket.app.inject({ method: 'GET', url: '/diemen/producten' });
    expect(lijst.statusCode).toBe(200);
    expect(lijst.body).toContain('<h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Producten en diensten</h1>');
    expect(lijst.body).toContain('<label class="utrecht-form-label" for="zoek">Zoek een product</label>');
    expect(lijst.body).toContain('href="/diemen/producten?thema=reisdocumenten"');
    expect(lijst.body).not.toContain('<script');
    const zoek = await loket.app.inject({ method: 'GET', url: '/diemen/producten?zoek=id%20KAART' });
    expect(zoek.body).toContain('1 product gevonden voor ‘id KAART’.');
    expect(zoek.body).toContain('href="/diemen/producten/id-kaart"');
    expect(zoek.body).not.toContain('href="/diemen/producten/paspoort"');
    const niets = await loket.app.inject({ method: 'GET', url: '/diemen/producten?zoek=%3Cscript%3E' });
    expect(niets.body).toContain('We vonden geen product voor ‘&lt;script&gt;’.');
    const thema = await loket.app.inject({ method: 'GET', url: '/diemen/producten?thema=burgerlijke-stand&onzin=1' });
    expect(thema.body).toContain('href="/diemen/producten/geboorteaangifte"');
    expect(thema.body).not.toContain('href="/diemen/producten/paspoort"');
    const product = await loket.app.inject({ method: 'GET', url: '/diemen/producten/paspoort' });
    expect(product.statusCode).toBe(200);
    expect(product.body).toContain('Wat kost het?');
    expect(product.body).toContain('href="/diemen/afspraak?product=paspoort">Maak een afspraak</a>');
    const engels = await loket.app.inject({ method: 'GET', url: '/diemen/en/products/rijbewijs-verlengen' });
    expect(engels.body).toContain('<html lang="en"');
    expect(engels.body).toContain('href="/diemen/en/appointment?product=rijbewijs-verlengen">Make an appointment</a>');
    // A Loket form, in the page's language.
    expect(engels.body).toContain('href="/diemen/en/forms/rijbewijs-verlengen">Apply online</a>');
    expect(engels.body).toContain('hreflang="nl" href="/diemen/producten/rijbewijs-verlengen"');
    expect((await loket.app.inject({ method: 'GET', url: '/diemen/producten/bestaat-niet', headers: { accept: 'text/html' } })).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'GET', url: '/nergens/producten' })).statusCode).toBe(404);
  });
});

describe('products (staff)', () => {
  it('lets a beheerder or webredacteur add, change and withdraw a product; others may not', async () => {
    const basis = '/api/v1/gemeenten/GM0451/beheer/producten';
    expect((await loket.app.inject({ method: 'POST', url: basis, headers: kcc.headers, payload: afvalpas })).statusCode).toBe(403);
    const nieuw = await loket.app.inject({ method: 'POST', url: basis, headers: redacteur.headers, payload: afvalpas });
    expect(nieuw.statusCode, nieuw.body).toBe(201);
    expect(nieuw.headers.etag).toBe('"1"');
    expect(nieuw.json()).toMatchObject({ code: 'afvalpas', gepubliceerd: true, afspraakMinuten: null, ambtenaarKiezen: false });
    expect((await loket.app.inject({ method: 'POST', url: basis, headers: redacteur.headers, payload: afvalpas })).statusCode).toBe(409);
    const publiek = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0451/producten/afvalpas' });
    expect(publiek.json()).toMatchObject({ naam: 'Afvalpas aanvragen', afspraak: false, online: true });
    const terug = await loket.app.inject({ method: 'PUT', url: `${basis}/afvalpas`, headers: { ...redacteur.headers, 'if-match': '"1"' }, payload: { ...afvalpas, gepubliceerd: false } });
    expect(terug.statusCode, terug.body).toBe(200);
    expect(terug.json().revisie).toBe(2);
    expect((await loket.app.inject({ method: 'PUT', url: `${basis}/afvalpas`, headers: { ...redacteur.headers, 'if-match': '"1"' }, payload: afvalpas })).statusCode).toBe(412);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0451/producten/afvalpas' })).statusCode).toBe(404);
    const alle = await loket.app.inject({ method: 'GET', url: basis, headers: beheerder.headers });
    expect(alle.json().items.find((p: { code: string }) => p.code === 'afvalpas')).toMatchObject({ gepubliceerd: false });
    // The webredacteur of Uithoorn has no role in Diemen.
    expect((await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/beheer/producten', headers: redacteur.headers, payload: afvalpas })).statusCode).toBe(403);
  });

  it('refuses a bad product with every problem at once, and an unknown zaaktype', async () => {
    const basis = '/api/v1/gemeenten/GM0451/beheer/producten';
    const fout = await loket.app.inject({
      method: 'POST',
      url: basis,
      headers: beheerder.headers,
      payload: { ...afvalpas, code: 'Afval Pas', aanvragen: 'afspraak', thema: 'feest', formulierUrl: 'javascript:alert(1)' },
    });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['afspraakMinuten', 'code', 'formulierUrl', 'thema']);
    const zaaktype = await loket.app.inject({ method: 'POST', url: basis, headers: beheerder.headers, payload: { ...afvalpas, code: 'afvalpas-2', zaaktype: 'bestaat-niet' } });
    expect(zaaktype.statusCode).toBe(400);
    expect(zaaktype.json().invalidParams[0]).toMatchObject({ name: 'zaaktype', code: 'onbekend-zaaktype' });
    const ceremonie = await loket.app.inject({ method: 'POST', url: basis, headers: beheerder.headers, payload: { ...afvalpas, code: 'afvalpas-3', ambtenaarKiezen: true } });
    expect(ceremonie.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['ambtenaarKiezen']);
  });
});
