import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';

let loket: TestLoket;

// Monday 2 March 2026, 10:00 in Amsterdam.
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
// Tests run in a random order: each looks only at its own bezwaren (by the day of bekendmaking).
const bezwaren = (bekendmaking?: string) => {
  const q = loket.database.db.selectFrom('bezwaar').select(['zaak_id', 'besluit', 'bekendmaking', 'ontvangen']);
  return (bekendmaking ? q.where('bekendmaking', '=', bekendmaking) : q).execute();
};
const goed = { besluit: 'Geen vergunning voor een dakkapel', kenmerk: 'OV-2026-0042', bekendmaking: '2026-02-20', gronden: 'De dakkapel past wel in het bestemmingsplan.', naam: 'Jan Jansen', email: 'jan@example.nl', telefoon: '' };

describe('the resident bezwaar form', () => {
  it('shows the term and that a late bezwaar is still taken, in nl and en, and the portal home links to it next to the klacht', async () => {
    const nl = await loket.app.inject({ method: 'GET', url: '/diemen/bezwaar' });
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['cache-control']).toBe('no-store');
    expect(nl.body).toContain('Maak bezwaar binnen 6 weken.');
    expect(nl.body).toContain('Bent u te laat? Stuur uw bezwaar dan toch.');
    const en = await loket.app.inject({ method: 'GET', url: '/diemen/en/objection' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Object within 6 weeks.');
    expect(en.body).toContain('href="/diemen/bezwaar"');
    const home = await loket.app.inject({ method: 'GET', url: '/diemen/' });
    expect(home.body).toContain('href="/diemen/klacht"');
    expect(home.body).toContain('href="/diemen/bezwaar"');
    expect((await loket.app.inject({ method: 'GET', url: '/bestaat-niet/bezwaar' })).statusCode).toBe(404);
  });

  it('names every bad field at once next to the field, with a 400 and nothing stored', async () => {
    const voor = (await bezwaren()).length;
    const token = formulierToken((await loket.app.inject({ method: 'GET', url: '/diemen/bezwaar' })).body);
    const fout = await post('/diemen/bezwaar', { formulier: token, besluit: '', kenmerk: 'x'.repeat(81), bekendmaking: '20-02-2026', gronden: ' ', naam: '', email: 'geen-adres', telefoon: 'bel me' });
    expect(fout.statusCode).toBe(400);
    for (const veld of ['besluit', 'kenmerk', 'bekendmaking', 'gronden', 'naam', 'email', 'telefoon']) {
      expect(fout.body).toContain(`id="${veld}-fout"`);
      expect(fout.body).toContain(`href="#${veld}"`);
    }
    expect(fout.body).toContain('<title>Fout: ');
    expect(fout.body).toContain('Vul een datum in zoals 2026-02-27.');
    // What the resident typed stays in the form.
    expect(fout.body).toContain('value="20-02-2026"');

    const teLang = await post('/diemen/bezwaar', { ...goed, formulier: token, besluit: 'b'.repeat(401), gronden: 'g'.repeat(5001) });
    expect(teLang.statusCode).toBe(400);
    expect(teLang.body).toContain('id="besluit-fout"');
    expect(teLang.body).toContain('id="gronden-fout"');

    const bestaatNiet = await post('/diemen/bezwaar', { ...goed, formulier: token, bekendmaking: '2026-02-30' });
    expect(bestaatNiet.statusCode).toBe(400);
    expect(bestaatNiet.body).toContain('id="bekendmaking-fout"');

    const toekomst = await post('/diemen/en/objection', { ...goed, formulier: token, bekendmaking: '2026-03-03' });
    expect(toekomst.statusCode).toBe(400);
    expect(toekomst.body).toContain('This date has not happened yet.');
    expect(toekomst.body).not.toContain('id="besluit-fout"');

    const verlopen = await post('/diemen/bezwaar', { ...goed, formulier: 'nep.token' });
    expect(verlopen.statusCode).toBe(400);
    expect(verlopen.body).toContain('Het formulier was te lang open.');

    const leeg = await loket.app.inject({ method: 'POST', url: '/diemen/bezwaar', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(leeg.statusCode).toBe(400);
    expect((await bezwaren()).length).toBe(voor);
  });

  it('files the bezwaar through the procedure: zaak via the web, receipt page with number and link, mail in the outbox, receipt letter; a double submit stores nothing twice', async () => {
    const token = formulierToken((await loket.app.inject({ method: 'GET', url: '/diemen/en/objection' })).body);
    const antwoord = await post('/diemen/en/objection', { ...goed, formulier: token, telefoon: '06 12345678' });
    expect(antwoord.statusCode, antwoord.body).toBe(200);
    expect(antwoord.body).toContain('We have received your objection');
    const nummer = /Your case number is (Z-2026-\d{6})/.exec(antwoord.body)?.[1];
    expect(nummer).toBeDefined();
    const volglink = /href="([^"]+)"[^>]*>See how your objection is going/.exec(antwoord.body)?.[1] ?? '';
    const volgpagina = await loket.app.inject({ method: 'GET', url: new URL(volglink, 'http://localhost').pathname });
    expect(volgpagina.statusCode).toBe(200);
    expect(volgpagina.body).toContain(nummer);

    const [rij] = await bezwaren('2026-02-20');
    expect(rij).toMatchObject({ besluit: 'Geen vergunning voor een dakkapel (kenmerk OV-2026-0042)', bekendmaking: '2026-02-20', ontvangen: '2026-03-02' });
    const zaak = await loket.database.db.selectFrom('zaak').select(['identificatie', 'kanaal', 'onderwerp', 'omschrijving', 'taal']).where('id', '=', rij?.zaak_id ?? '').executeTakeFirstOrThrow();
    expect(zaak).toEqual({ identificatie: nummer, kanaal: 'web', onderwerp: 'Bezwaar tegen: Geen vergunning voor een dakkapel', omschrijving: goed.gronden, taal: 'en' });
    const mail = await loket.database.db.selectFrom('bericht').select(['aan', 'onderwerp']).where('aan', '=', 'jan@example.nl').execute();
    expect(mail.length).toBe(1);
    const brieven = await loket.database.db.selectFrom('zaak_document').select('bestandsnaam').where('zaak_id', '=', rij?.zaak_id ?? '').execute();
    expect(brieven.map((b) => b.bestandsnaam)).toEqual([`receipt-${nummer}.pdf`]);

    // Sent again (the button pressed twice, or the page reloaded): the same number, nothing stored twice.
    const nogEens = await post('/diemen/en/objection', { ...goed, formulier: token, telefoon: '06 12345678' });
    expect(nogEens.statusCode).toBe(200);
    expect(nogEens.body).toContain('We had already received this objection');
    expect(nogEens.body).toContain(nummer);
    expect((await bezwaren('2026-02-20')).length).toBe(1);
    expect((await loket.database.db.selectFrom('bericht').select('id').where('aan', '=', 'jan@example.nl').execute()).length).toBe(1);
  });

  it('registers a late bezwaar too, for the handler to judge (Awb 6:11)', async () => {
    const token = formulierToken((await loket.app.inject({ method: 'GET', url: '/diemen/bezwaar' })).body);
    const antwoord = await post('/diemen/bezwaar', { ...goed, formulier: token, kenmerk: '', bekendmaking: '2025-12-01', email: 'laat@example.nl' });
    expect(antwoord.statusCode, antwoord.body).toBe(200);
    expect(antwoord.body).toContain('Wij hebben uw bezwaar ontvangen');
    const rij = await loket.database.db.selectFrom('bezwaar').select(['zaak_id', 'besluit']).where('bekendmaking', '=', '2025-12-01').executeTakeFirstOrThrow();
    expect(rij.besluit).toBe('Geen vergunning voor een dakkapel');
    // The handler sees it flagged late, with the verschoonbaarheid still to judge.
    const bo = await logInAls(loket, 'teamleider@diemen.demo');
    const bezwaar = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken/${rij.zaak_id}/bezwaar`, headers: bo.headers });
    expect(bezwaar.statusCode, bezwaar.body).toBe(200);
    expect(bezwaar.json()).toMatchObject({ termijnen: { laat: true }, signalen: { verschoonbaarheidOpen: true } });
  });
});
