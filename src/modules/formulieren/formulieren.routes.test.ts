import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { postvak } from '../../../test/zaken.ts';
import { cliContext } from '../audit/audit.service.ts';

let loket: TestLoket;
let bea: Ingelogd;
let kees: Ingelogd;

beforeAll(async () => {
  // Monday 2 March 2026, 10:00 in Amsterdam.
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  bea = await logInAls(loket, 'beheerder@duoplus.demo');
  kees = await logInAls(loket, 'kcc@duoplus.demo');
});
afterAll(async () => {
  await loket?.close();
});

const API = '/api/v1/gemeenten/GM0384/formulieren';
const haal = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const post = (url: string, velden: Record<string, string> = {}) =>
  loket.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(velden).toString() });
/** Starts a draft of a demo form: the address of its first step. */
async function begin(code: string, taal: 'nl' | 'en' = 'nl'): Promise<string> {
  const res = await post(`/diemen${taal === 'en' ? '/en/forms' : '/formulieren'}/${code}`);
  expect(res.statusCode, res.body).toBe(303);
  return res.headers.location as string;
}
const basisVan = (stap1: string) => stap1.replace(/\/(stap|step)\/1$/, '');
const zakenVanType = async (code: string) =>
  loket.database.db
    .selectFrom('zaak as z')
    .innerJoin('zaaktype as t', (j) => j.onRef('t.gemeente', '=', 'z.gemeente').onRef('t.id', '=', 'z.zaaktype_id'))
    .select(['z.id', 'z.identificatie', 'z.onderwerp', 'z.kanaal'])
    .where('z.gemeente', '=', 'GM0384')
    .where('t.code', '=', code)
    .execute();
const tt = (nl: string) => ({ nl, en: `${nl} (en)` });

describe('the resident fills in a form without JavaScript and it becomes a zaak', { shuffle: false }, () => {
  it('a vraag: start, errors at the field and in a summary, check page with change links, submit once', async () => {
    const start = await haal('/diemen/formulieren/vraag');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Stel een vraag aan de gemeente');
    expect(start.body).not.toContain('<script');
    const stap1 = await begin('vraag');
    expect(stap1).toMatch(/^\/diemen\/formulieren\/vraag\/[A-Za-z0-9_-]{43}\/stap\/1$/);
    const basis = basisVan(stap1);
    const token = basis.split('/').at(-1) ?? '';
    // Only the hash of the secret is stored.
    const [concept] = await loket.database.db.selectFrom('formulier_concept').selectAll().execute();
    expect(JSON.stringify(concept)).not.toContain(token);

    const pagina = await haal(stap1);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.headers['referrer-policy']).toBe('no-referrer');
    expect(pagina.headers['cache-control']).toBe('no-store');
    expect(pagina.body).toContain('Stap 1 van 2');

    const leeg = await post(stap1, { onderwerp: '', vraag: '' });
    expect(leeg.statusCode).toBe(400);
    expect(leeg.body).toContain('<title>Fout: Uw vraag – Stel een vraag aan de gemeente');
    expect(leeg.body).toContain('href="#onderwerp">Waar gaat uw vraag over?: Vul dit in.</a>');
    expect(leeg.body).toContain('href="#vraag">Wat is uw vraag?: Vul dit in.</a>');
    expect(leeg.body).toContain('id="onderwerp-fout">Vul dit in.</p>');
    expect(leeg.body).toContain('aria-describedby="onderwerp-hulp onderwerp-fout"');

    const goed = await post(stap1, { onderwerp: 'Afvalpas', vraag: 'Waar haal ik een nieuwe afvalpas?' });
    expect(goed.statusCode).toBe(303);
    expect(goed.headers.location).toBe(`${basis}/stap/2`);
    // Bad e-mail and phone, and a choice that is not offered: every problem at once, what was typed kept.
    const fout = await post(`${basis}/stap/2`, { naam: 'Anna de Vries', email: 'anna@', telefoon: '12', 'antwoord-via': 'brief' });
    expect(fout.statusCode).toBe(400);
    expect(fout.body).toContain('Vul een e-mailadres in zoals naam@voorbeeld.nl.');
    expect(fout.body).toContain('Vul een telefoonnummer in zoals');
    expect(fout.body).toContain('Kies een van de antwoorden.');
    expect(fout.body).toContain('value="anna@"');
    const stap2 = await post(`${basis}/stap/2`, { naam: 'Anna de Vries', email: 'anna@example.nl', telefoon: '', 'antwoord-via': 'email' });
    expect(stap2.headers.location).toBe(`${basis}/controleer`);

    const controle = await haal(`${basis}/controleer`);
    expect(controle.body).toContain('Controleer uw antwoorden');
    expect(controle.body).toContain('Waar haal ik een nieuwe afvalpas?');
    expect(controle.body).toContain('Per e-mail');
    expect(controle.body).toContain('Niet ingevuld');
    expect(controle.body).toContain(`href="${basis}/stap/1?terug=controleer#onderwerp"`);
    // A change from the check page goes back to it.
    const wijzig = await post(`${basis}/stap/1?terug=controleer`, { onderwerp: 'Nieuwe afvalpas', vraag: 'Waar haal ik een nieuwe afvalpas?' });
    expect(wijzig.headers.location).toBe(`${basis}/controleer`);

    const verstuurd = await post(`${basis}/controleer`);
    expect(verstuurd.statusCode, verstuurd.body).toBe(303);
    expect(verstuurd.headers.location).toBe(`${basis}/ontvangen`);
    const [zaak, ...meer] = await zakenVanType('vraag');
    expect(meer).toEqual([]);
    expect(zaak).toMatchObject({ onderwerp: 'Nieuwe afvalpas', kanaal: 'web' });
    const ontvangen = await haal(`${basis}/ontvangen`);
    expect(ontvangen.statusCode).toBe(200);
    expect(ontvangen.body).toContain(zaak?.identificatie);

    // The answers as data on the zaak, and as a tagged PDF document the resident may see.
    const inzending = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken/${zaak?.id}/formulier`, headers: kees.headers });
    expect(inzending.statusCode, inzending.body).toBe(200);
    expect(inzending.json()).toMatchObject({ formulier: { code: 'vraag', versie: 1 }, antwoorden: { onderwerp: 'Nieuwe afvalpas', email: 'anna@example.nl', 'antwoord-via': 'email' } });
    expect(inzending.json().antwoorden).not.toHaveProperty('telefoon');
    const documenten = await loket.database.db.selectFrom('zaak_document').select(['bestandsnaam', 'mediatype', 'extern', 'inhoud']).where('zaak_id', '=', zaak?.id ?? '').execute();
    expect(documenten).toHaveLength(1);
    expect(documenten[0]).toMatchObject({ bestandsnaam: `formulier-${zaak?.identificatie}.pdf`, mediatype: 'application/pdf', extern: true });
    const pdf = Buffer.from(documenten[0]?.inhoud ?? []).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/MarkInfo');
    // The receipt with the tracking link, through the outbox.
    const mails = await postvak(loket.database, 'anna@example.nl');
    expect(mails.map((m) => m.tekst).join('\n')).toContain(zaak?.identificatie);
    expect(mails.some((m) => /http:\/\/127\.0\.0\.1:3000\/diemen\/zaken\//.test(m.tekst))).toBe(true);

    // Submitting again (a double click, the back button): the same receipt, no second zaak.
    const nogmaals = await post(`${basis}/controleer`);
    expect(nogmaals.statusCode).toBe(303);
    expect(nogmaals.headers.location).toBe(`${basis}/ontvangen`);
    expect(await zakenVanType('vraag')).toHaveLength(1);
    // The draft holds no answers any more; its steps lead to the receipt.
    const rij = await loket.database.db.selectFrom('formulier_concept').select(['antwoorden', 'ingediend_identificatie']).executeTakeFirstOrThrow();
    expect(rij).toEqual({ antwoorden: {}, ingediend_identificatie: zaak?.identificatie });
    expect((await haal(`${basis}/stap/1`)).headers.location).toBe(`${basis}/ontvangen`);
  });

  it('two submits of one draft at once make one zaak', async () => {
    const basis = basisVan(await begin('vraag'));
    await post(`${basis}/stap/1`, { onderwerp: 'Tegelijk', vraag: 'Twee keer klikken' });
    await post(`${basis}/stap/2`, { naam: 'Bo', email: 'bo@example.nl', 'antwoord-via': 'telefoon' });
    const antwoorden = await Promise.all([post(`${basis}/controleer`), post(`${basis}/controleer`)]);
    expect(antwoorden.map((a) => a.statusCode)).toEqual([303, 303]);
    expect((await zakenVanType('vraag')).filter((z) => z.onderwerp === 'Tegelijk')).toHaveLength(1);
  });

  it('a Wmo-melding: a step shown only for "someone else", a multiple choice and an address, in English too', async () => {
    const stap1 = await begin('wmo-melding', 'en');
    const basis = basisVan(stap1);
    expect(stap1).toMatch(/^\/diemen\/en\/forms\/wmo-melding\/[A-Za-z0-9_-]{43}\/step\/1$/);
    expect((await haal(stap1)).body).toContain('Who do you ask help for?');
    // "Someone else": the reporter's step comes next.
    expect((await post(stap1, { 'voor-wie': 'ander' })).headers.location).toBe(`${basis}/step/2`);
    expect((await haal(`${basis}/step/2`)).body).toContain('Step 2 of 6');
    // Back to "myself": that step is skipped.
    expect((await post(stap1, { 'voor-wie': 'mijzelf' })).headers.location).toBe(`${basis}/step/3`);
    const fout = await post(`${basis}/step/3`, { naam: 'Piet', geboortedatum: '31-02-1950', bsn: '111222334', 'adres.postcode': '1111 SS', 'adres.huisnummer': '1' });
    expect(fout.statusCode).toBe(400);
    expect(fout.body).toContain('Enter a date that exists');
    expect(fout.body).toContain('This citizen service number is not right.');
    expect(fout.body).toContain('href="#adres.postcode"');
    expect((await post(`${basis}/step/3`, { naam: 'Piet', geboortedatum: '3-2-1950', bsn: '111222333', 'adres.postcode': '1111ab', 'adres.huisnummer': '1' })).headers.location).toBe(`${basis}/step/4`);
    expect((await post(`${basis}/step/4`, { 'soort-hulp.huishouden': 'ja', 'soort-hulp.vervoer': 'ja', situatie: 'Ik kan niet meer stofzuigen.', spoed: 'nee' })).headers.location).toBe(`${basis}/step/5`);
    expect((await post(`${basis}/step/5`, { email: 'piet@example.nl', telefoon: '020 123 4567' })).headers.location).toBe(`${basis}/step/6`);
    const zonder = await post(`${basis}/step/6`, {});
    expect(zonder.body).toContain('Tick the box if you give permission.');
    expect((await post(`${basis}/step/6`, { toestemming: 'ja' })).headers.location).toBe(`${basis}/check`);
    const controle = await haal(`${basis}/check`);
    expect(controle.body).toContain('1111 AB 1');
    expect(controle.body).toContain('Housework, Transport, for example a mobility scooter or taxi');
    expect(controle.body).toContain('3 February 1950');
    expect(controle.body).not.toContain('How are you related');
    expect((await post(`${basis}/check`)).headers.location).toBe(`${basis}/received`);
    const [zaak] = await zakenVanType('wmo-melding');
    const inzending = await loket.services.formulieren.inzending('GM0384', zaak?.id ?? '');
    expect(inzending?.antwoorden).toMatchObject({ 'voor-wie': 'mijzelf', adres: { postcode: '1111 AB', huisnummer: '1' }, 'soort-hulp': ['huishouden', 'vervoer'], geboortedatum: '1950-02-03', bsn: '111222333' });
  });

  it('save and continue later: the link by mail (the address not kept); an expired link says so and housekeeping deletes the draft', async () => {
    const stap1 = await begin('wmo-melding');
    const basis = basisVan(stap1);
    // Save halfway: the right answers of the step are kept.
    const opslaan = await post(stap1, { 'voor-wie': 'mijzelf', opslaan: '1' });
    expect(opslaan.headers.location).toBe(`${basis}/opslaan`);
    const slecht = await post(`${basis}/opslaan`, { email: 'geen adres' });
    expect(slecht.statusCode).toBe(400);
    expect(slecht.body).toContain('Vul een e-mailadres in zoals naam@voorbeeld.nl.');
    const goed = await post(`${basis}/opslaan`, { email: 'later@example.nl' });
    expect(goed.statusCode).toBe(200);
    expect(goed.body).toContain('Wij hebben u de link gestuurd');
    const [mail] = await postvak(loket.database, 'later@example.nl');
    expect(mail?.tekst).toContain(`http://127.0.0.1:3000${stap1}`);
    expect(JSON.stringify(await loket.database.db.selectFrom('formulier_concept').selectAll().execute())).not.toContain('later@example.nl');
    expect((await haal(stap1)).body).toContain('value="mijzelf" checked');

    loket.klok.verder(31 * 86_400_000);
    const verlopen = await haal(stap1);
    expect(verlopen.statusCode).toBe(404);
    expect(verlopen.body).toContain('Deze link werkt niet meer');
    const opgeruimd = await loket.services.onderhoud.ruimOp(cliContext());
    expect(opgeruimd.formulierConcepten).toBeGreaterThanOrEqual(1);
    expect(await loket.database.db.selectFrom('formulier_concept').selectAll().execute()).toEqual([]);
  });

  it('a form version withdrawn meanwhile: a clear message, nothing stored, no zaak', async () => {
    const stap1 = await begin('rijbewijs-verlengen');
    const basis = basisVan(stap1);
    await post(stap1, { naam: 'Rik', geboortedatum: '1-1-1970', bsn: '111222333', email: 'rik@example.nl' });
    bea = await logInAls(loket, 'beheerder@duoplus.demo');
    const [versie] = (await loket.app.inject({ method: 'GET', url: API, headers: bea.headers })).json().items.filter((f: { code: string }) => f.code === 'rijbewijs-verlengen');
    expect((await loket.app.inject({ method: 'POST', url: `${API}/${versie.id}/intrekking`, headers: bea.headers })).statusCode).toBe(200);
    const stap = await post(`${basis}/stap/2`, { 'categorieen.b': 'ja', keuring: 'nee' });
    expect(stap.statusCode).toBe(410);
    expect(stap.body).toContain('Dit formulier kunt u niet meer versturen');
    const versturen = await post(`${basis}/controleer`);
    expect(versturen.statusCode).toBe(410);
    expect(await zakenVanType('rijbewijs-verlengen')).toEqual([]);
    expect((await haal('/diemen/formulieren/rijbewijs-verlengen')).statusCode).toBe(404);
  });
});

describe('beheerders manage form definitions per zaaktype version', () => {
  const definitie = {
    titel: tt('Afvalpas aanvragen'),
    inleiding: tt('Vraag een nieuwe afvalpas aan.'),
    stappen: [{ id: 'pas', titel: tt('Uw pas'), velden: [{ id: 'email', soort: 'email', label: tt('E-mail') }] }],
    contact: { email: 'email' },
  };

  it('draft, refuse bad definitions with every problem at once, publish, never change a published version, copy, withdraw', async () => {
    bea = await logInAls(loket, 'beheerder@duoplus.demo');
    kees = await logInAls(loket, 'kcc@duoplus.demo');
    const zaaktypen = (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/zaaktypen', headers: bea.headers })).json().items;
    const vraag = zaaktypen.find((z: { code: string }) => z.code === 'vraag');
    expect((await loket.app.inject({ method: 'POST', url: API, headers: kees.headers, payload: { code: 'afvalpas', zaaktype: vraag.id, definitie } })).statusCode).toBe(403);

    const slecht = await loket.app.inject({
      method: 'POST',
      url: API,
      headers: bea.headers,
      payload: { code: 'Afval Pas', zaaktype: vraag.id, definitie: { ...definitie, stappen: [{ id: 'pas', titel: tt('Pas'), velden: [{ id: 'k', soort: 'keuze', label: tt('K') }, { id: 'x', soort: 'wachtwoord', label: tt('X') }] }] } },
    });
    expect(slecht.statusCode).toBe(400);
    expect(slecht.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['code', 'definitie.stappen.0.velden.1.soort']);

    const gemaakt = await loket.app.inject({ method: 'POST', url: API, headers: bea.headers, payload: { code: 'afvalpas', zaaktype: vraag.id, definitie } });
    expect(gemaakt.statusCode, gemaakt.body).toBe(201);
    const f = gemaakt.json();
    expect(f).toMatchObject({ code: 'afvalpas', versie: 1, status: 'concept', zaaktype: { code: 'vraag', versie: 1 } });
    // A concept is not public.
    expect((await haal('/diemen/formulieren/afvalpas')).statusCode).toBe(404);
    const gepubliceerd = await loket.app.inject({ method: 'POST', url: `${API}/${f.id}/publicatie`, headers: { ...bea.headers, 'if-match': `"${f.revisie}"` } });
    expect(gepubliceerd.statusCode, gepubliceerd.body).toBe(200);
    expect((await haal('/diemen/formulieren/afvalpas')).statusCode).toBe(200);
    const wijzig = await loket.app.inject({ method: 'PUT', url: `${API}/${f.id}`, headers: { ...bea.headers, 'if-match': `"${gepubliceerd.json().revisie}"` }, payload: { code: 'afvalpas', zaaktype: vraag.id, definitie } });
    expect(wijzig.statusCode).toBe(409);
    const nieuw = await loket.app.inject({ method: 'POST', url: `${API}/${f.id}/versies`, headers: bea.headers });
    expect(nieuw.statusCode).toBe(201);
    expect(nieuw.json()).toMatchObject({ versie: 2, status: 'concept' });
    expect((await loket.app.inject({ method: 'POST', url: `${API}/${f.id}/intrekking`, headers: bea.headers })).json().status).toBe('ingetrokken');
    expect((await loket.app.inject({ method: 'POST', url: `${API}/${f.id}/intrekking`, headers: bea.headers })).statusCode).toBe(409);
  });
});
