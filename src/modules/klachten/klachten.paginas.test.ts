import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';

let loket: TestLoket;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
});
afterAll(async () => {
  await loket.close();
});

const formulierToken = (html: string) => /name="formulier" value="([^"]+)"/.exec(html)?.[1] ?? '';
const post = (pad: string, velden: Record<string, string>) =>
  loket.app.inject({ method: 'POST', url: pad, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(velden).toString() });

describe('the resident klacht form', () => {
  it('names every error at once next to its field, stores nothing, and then files the klacht as a zaak of type klacht', async () => {
    const formulier = await loket.app.inject({ method: 'GET', url: '/diemen/klacht' });
    expect(formulier.statusCode).toBe(200);
    expect(formulier.headers['cache-control']).toBe('no-store');
    const token = formulierToken(formulier.body);

    const fout = await post('/diemen/klacht', { formulier: token, naam: '', email: 'geen-adres', categorie: 'onzin', team: '', omschrijving: '', datum: '2026-03-09' });
    expect(fout.statusCode).toBe(400);
    for (const veld of ['naam', 'email', 'categorie', 'team', 'omschrijving', 'datum']) expect(fout.body).toContain(`id="${veld}-fout"`);
    expect(fout.body).toContain('<title>Fout: ');
    expect(await loket.database.db.selectFrom('klacht').select('zaak_id').execute()).toEqual([]);

    const verlopen = await post('/diemen/klacht', { formulier: 'nep.token', naam: 'Jan', email: 'jan@example.nl', categorie: 'bejegening', team: 'onbekend', omschrijving: 'Iets.' });
    expect(verlopen.statusCode).toBe(400);
    expect(verlopen.body).toContain('Het formulier was te lang open.');

    const goed = await post('/diemen/en/complaint', { formulier: token, naam: 'Jan Jansen', email: 'jan@example.nl', telefoon: '', categorie: 'bereikbaarheid', team: 'onbekend', omschrijving: 'Nobody answered the phone.', datum: '2026-02-27' });
    expect(goed.statusCode, goed.body).toBe(200);
    expect(goed.body).toContain('We have received your complaint');
    const nummer = /Your case number is (Z-2026-\d{6})/.exec(goed.body)?.[1];
    expect(nummer).toBeDefined();
    const klacht = await loket.database.db.selectFrom('klacht as k').innerJoin('team as t', (j) => j.onRef('t.gemeente', '=', 'k.gemeente').onRef('t.id', '=', 'k.team_id')).select(['k.identificatie', 'k.categorie', 'k.gedraging_datum', 't.naam']).executeTakeFirstOrThrow();
    expect(klacht).toEqual({ identificatie: nummer, categorie: 'bereikbaarheid', gedraging_datum: '2026-02-27', naam: 'Juridische zaken' });
    const mail = await loket.database.db.selectFrom('bericht').select(['aan', 'onderwerp']).where('aan', '=', 'jan@example.nl').execute();
    expect(mail.length).toBe(1);
  });
});
