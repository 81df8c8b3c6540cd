import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systeemklok } from '../src/klok.ts';
import { demoGebruiker } from '../test/demo.ts';
import { logIn, type Ingelogd } from '../test/login.ts';
import { smtpOntvanger } from '../test/smtp.ts';
import { expectAccessible, logInInApp, startBrowser, startLoketServer, tweePaginas, verwachtMedewerkersApp, type LoketServer } from './support.ts';

let server: LoketServer;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let browser: Browser;
let tim: Ingelogd;
const jaar = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));

beforeAll(async () => {
  smtp = await smtpOntvanger();
  server = await startLoketServer({ SMTP_URL: smtp.url, LOKET_TERMIJNBEWAKING_MINUTEN: '0' });
  browser = await startBrowser();
  const g = demoGebruiker('teamleider@diemen.demo');
  tim = await logIn(server.loket.app, systeemklok, g.email, g.wachtwoord, g.totpGeheim);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe('klachten, without JavaScript', () => {
  it('a resident files a klacht, gets the receipt page and mail, follows it; the handler resolves it informally; the register shows it; axe-clean in every state', async () => {
    const { zonder, beide, sluit } = await tweePaginas(browser);
    await beide((page) => page.goto(`${server.url}/diemen/klacht`));
    expect(await zonder.locator('h1').innerText()).toBe('Een klacht indienen');

    // Nothing filled in: every error at its field and in the summary.
    await beide(async (page) => {
      await page.getByRole('button', { name: 'Klacht versturen' }).click();
      await page.waitForLoadState();
    });
    expect(await zonder.title()).toMatch(/^Fout: /);
    const samenvatting = await zonder.getByRole('alert').innerText();
    for (const fout of ['Vul uw naam in.', 'Vul een geldig e-mailadres in', 'Kies waar uw klacht over gaat.', 'Kies een afdeling', 'Vertel wat er is gebeurd']) expect(samenvatting).toContain(fout);
    expect(await zonder.locator('#naam-fout').innerText()).toBe('Vul uw naam in.');
    expect(await zonder.locator('#email').getAttribute('aria-describedby')).toBe('email-uitleg email-fout');
    expect(await server.database.db.selectFrom('klacht').select('zaak_id').execute()).toEqual([]);

    // Filled in: the receipt page with the zaak number and the tracking link.
    await beide(async (page) => {
      await page.getByLabel('Uw naam').fill('Fatima El Amrani');
      await page.getByLabel('Uw e-mailadres').fill('fatima@example.nl');
      await page.getByLabel('Waar gaat uw klacht over?').selectOption('bejegening');
      await page.getByLabel('Over welke afdeling gaat uw klacht?').selectOption({ label: 'Vergunningen' });
      await page.getByLabel('Wat is er gebeurd?').fill('Aan de telefoon werd ik niet serieus genomen.');
      await page.getByRole('button', { name: 'Klacht versturen' }).click();
      await page.waitForLoadState();
    });
    expect(await zonder.locator('h1').innerText()).toBe('Wij hebben uw klacht ontvangen');
    const tekst = await zonder.locator('main').innerText();
    const identificatie = /Uw zaaknummer is (Z-\d{4}-\d{6})/.exec(tekst)?.[1] ?? '';
    expect(identificatie).not.toBe('');
    const mail = await smtp.wachtOp('fatima@example.nl', new RegExp(identificatie));
    expect(mail.tekst).toContain('/diemen/zaken/');

    // The tracking page (without JavaScript), at the receipt page's link (its host is PUBLIC_URL, not this test server).
    const volgpad = new URL((await zonder.getByRole('link', { name: 'Bekijk hoe het met uw klacht gaat' }).getAttribute('href')) ?? '').pathname;
    expect(mail.tekst).toContain(volgpad);
    await beide((page) => page.goto(server.url + volgpad));
    expect(await zonder.locator('main').innerText()).toContain(identificatie);

    // The handler calls, the resident is satisfied: closed as informally resolved with the consent recorded.
    const klacht = await server.database.db.selectFrom('klacht').select('zaak_id').where('identificatie', '=', identificatie).executeTakeFirstOrThrow();
    const basis = `/api/v1/gemeenten/GM0384/klachten/${klacht.zaak_id}`;
    const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    let k = (await server.loket.app.inject({ method: 'GET', url: basis, headers: tim.headers })).json();
    const stap = async (payload: Record<string, unknown>) => {
      const res = await server.loket.app.inject({ method: 'POST', url: `${basis}/stappen`, headers: { ...tim.headers, 'if-match': `"${k.versie}"` }, payload });
      expect(res.statusCode, res.body).toBe(200);
      k = res.json();
    };
    await stap({ soort: 'contact', datum: vandaag, verslag: 'Gebeld, excuses aangeboden; mevrouw is tevreden.' });
    await stap({ soort: 'besluit', uitkomst: 'informeel-opgelost', bevindingen: 'Excuses aangeboden voor het telefoongesprek.', instemming: { datum: vandaag, wijze: 'mondeling' } });
    expect(k.uitkomst).toBe('informeel-opgelost');

    await beide((page) => page.goto(server.url + volgpad));
    expect(await zonder.locator('main').innerText()).toContain('Wij hebben uw klacht samen met u opgelost.');

    // The public register of this year, in Dutch and English.
    await beide((page) => page.goto(`${server.url}/diemen/klachten/${jaar}`));
    expect(await zonder.locator('h1').innerText()).toBe(`Klachten in ${jaar}`);
    expect(await zonder.locator('main').innerText()).toContain('Samen opgelost');
    await beide((page) => page.goto(`${server.url}/diemen/en/klachten/${jaar}`));
    expect(await zonder.locator('h1').innerText()).toBe(`Complaints in ${jaar}`);
    await sluit();
  });

  it('the English form is axe-clean too', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/diemen/en/complaint`);
    expect(await page.locator('h1').innerText()).toBe('Make a complaint');
    await expectAccessible(page);
    await page.context().close();
  });

  it('the staff app shows the klachtcoördinator the queue with the hearing planned and each term with its explanation', async () => {
    verwachtMedewerkersApp();
    const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const team = (await server.database.db.selectFrom('team').select('id').where('gemeente', '=', 'GM0384').where('naam', '=', 'Vergunningen').executeTakeFirstOrThrow()).id;
    const res = await server.loket.app.inject({
      method: 'POST',
      url: '/api/v1/gemeenten/GM0384/klachten',
      headers: tim.headers,
      payload: { onderwerp: 'Te laat geïnformeerd', omschrijving: 'Niemand liet iets weten.', kanaal: 'post', ontvangstdatum: vandaag, categorie: 'informatie', team, klager: { naam: 'Karin de Boer', taal: 'nl' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, identificatie } = res.json();
    const versie = (await server.loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/klachten/${id}`, headers: tim.headers })).json().versie;
    const gepland = await server.loket.app.inject({
      method: 'POST',
      url: `/api/v1/gemeenten/GM0384/klachten/${id}/stappen`,
      headers: { ...tim.headers, 'if-match': `"${versie}"` },
      payload: { soort: 'hoorzitting', op: `${vandaag}T15:00:00+01:00`, locatie: 'Raadhuis', genodigden: ['Karin de Boer'] },
    });
    expect(gepland.statusCode, gepland.body).toBe(200);

    const page = await (await browser.newContext()).newPage();
    await logInInApp(page, server, 'beheerder@duoplus.demo', '/GM0384/klachten');
    const rij = page.getByRole('row').filter({ hasText: identificatie });
    await rij.waitFor();
    expect(await rij.innerText()).toContain('Hoorzitting gepland');
    await rij.getByText('Uitleg').click();
    expect(await rij.innerText()).toContain('Awb 9:11: De klacht wordt binnen 6 weken na ontvangst');
    await expectAccessible(page);
    await page.context().close();
  });
});
