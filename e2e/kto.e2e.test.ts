import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systeemklok } from '../src/klok.ts';
import { demoGebruiker } from '../test/demo.ts';
import { logIn, type Ingelogd } from '../test/login.ts';
import { smtpOntvanger } from '../test/smtp.ts';
import { expectAccessible, startBrowser, startLoketServer, type LoketServer } from './support.ts';

let server: LoketServer;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let browser: Browser;
let kcc: Ingelogd;
let tim: Ingelogd;

beforeAll(async () => {
  smtp = await smtpOntvanger();
  server = await startLoketServer({ SMTP_URL: smtp.url, LOKET_TERMIJNBEWAKING_MINUTEN: '0' });
  browser = await startBrowser();
  const inloggen = (email: string) => {
    const g = demoGebruiker(email);
    return logIn(server.loket.app, systeemklok, g.email, g.wachtwoord, g.totpGeheim);
  };
  kcc = await inloggen('kcc@duoplus.demo');
  tim = await inloggen('teamleider@diemen.demo');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

/** A kcc-medewerker registers a question by e-mail, the team closes it; the question after closing arrives over SMTP. */
async function gesloten(email: string): Promise<{ identificatie: string; pad: string; volgpad: string }> {
  const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const basis = '/api/v1/gemeenten/GM0384/zaken';
  const res = await server.loket.app.inject({
    method: 'POST',
    url: basis,
    headers: kcc.headers,
    payload: { zaaktype: 'e-mailvraag', onderwerp: 'Openingstijden', kanaal: 'e-mail', ontvangstdatum: vandaag, betrokkene: { naam: 'Anna de Vries', email, taal: 'nl' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  const zaak = res.json();
  const detail = await server.loket.app.inject({ method: 'GET', url: `${basis}/${zaak.id}`, headers: tim.headers });
  const dicht = await server.loket.app.inject({
    method: 'POST',
    url: `${basis}/${zaak.id}/afsluiting`,
    headers: { ...tim.headers, 'if-match': detail.headers.etag as string },
    payload: { resultaattype: detail.json().zaaktypeVersie.resultaattypen[0].id },
  });
  expect(dicht.statusCode, dicht.body).toBe(200);
  const mail = await smtp.wachtOp(email, `Wat vond u van de afhandeling van zaak ${zaak.identificatie}?`);
  const link = /https?:\/\/\S+\/kto\/[A-Za-z0-9_-]{43}/.exec(mail.tekst)?.[0];
  expect(link).toBeDefined();
  return { identificatie: zaak.identificatie, pad: new URL(link ?? '').pathname, volgpad: new URL(zaak.volglink).pathname };
}

describe('the question after closing, without JavaScript', () => {
  it('shows the question, errors next to the fields and in a summary, takes the answer once; axe-clean in every state', async () => {
    const zaak = await gesloten('anna-kto@example.nl');
    // The resident's browser has no JavaScript; axe runs in a second page on the same states (the pages have no scripts).
    const zonder = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const met = await (await browser.newContext()).newPage();
    const beide = async (stap: (page: Page) => Promise<unknown>) => {
      await stap(zonder);
      await stap(met);
      expect(await zonder.locator('script').count()).toBe(0);
      await expectAccessible(met);
    };

    await beide((page) => page.goto(server.url + zaak.pad));
    expect(await zonder.locator('h1').innerText()).toBe('Wat vond u van de afhandeling?');
    expect(await zonder.locator('main').innerText()).toContain(`Wij hebben uw zaak ${zaak.identificatie} afgehandeld.`);

    // Nothing chosen: the page again with both errors, at the fields and in the summary.
    await beide(async (page) => {
      await page.getByRole('button', { name: 'Verstuur' }).click();
      await page.waitForLoadState();
    });
    expect(await zonder.title()).toMatch(/^Fout: /);
    const samenvatting = await zonder.getByRole('alert').innerText();
    expect(samenvatting).toContain('Kies een antwoord.');
    expect(samenvatting).toContain('Kies wat goed of niet goed ging.');
    expect(await zonder.locator('#score-fout').innerText()).toBe('Kies een antwoord.');
    expect(await zonder.locator('#punt').getAttribute('aria-describedby')).toBe('punt-uitleg punt-fout');

    // The closed zaak's tracking page shows the same question (axe-clean too).
    await met.goto(server.url + zaak.volgpad);
    expect(await met.locator('#tevredenheid h2').first().innerText()).toBe('Wat vond u van de afhandeling?');
    await expectAccessible(met);
    await met.goto(server.url + zaak.pad);

    // The answer, in the page without JavaScript.
    await zonder.getByRole('radio', { name: '4' }).check();
    await zonder.getByRole('radio', { name: 'Hoe wij u behandelden' }).check();
    await zonder.getByLabel('Wilt u nog iets zeggen? (niet verplicht)').fill('Vriendelijk geholpen. Mijn nummer is 06-12345678.');
    await zonder.getByRole('button', { name: 'Verstuur' }).click();
    await zonder.waitForURL(/\?bedankt=1$/);
    expect(await zonder.locator('h1').innerText()).toBe('Bedankt voor uw antwoord');
    const opgeslagen = await server.database.db.selectFrom('kto_antwoord').selectAll().execute();
    expect(opgeslagen).toMatchObject([{ score: 4, tevreden: true, punt: 'bejegening', toelichting: 'Vriendelijk geholpen. Mijn nummer is [telefoonnummer].' }]);

    // The second page still has the form: its answer is refused with a clear message, nothing changed.
    await met.getByRole('radio', { name: '1' }).check();
    await met.getByRole('radio', { name: 'Hoe snel het ging' }).check();
    await met.getByRole('button', { name: 'Verstuur' }).click();
    await met.waitForLoadState();
    expect(await met.locator('h1').innerText()).toBe('U heeft deze vraag al beantwoord');
    await expectAccessible(met);
    expect(await server.database.db.selectFrom('kto_antwoord').selectAll().execute()).toEqual(opgeslagen);
    await met.goto(`${server.url}${zaak.pad}?bedankt=1`);
    await expectAccessible(met);
    await Promise.all([zonder.context().close(), met.context().close()]);
  });
});
