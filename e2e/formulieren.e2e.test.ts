import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpOntvanger } from '../test/smtp.ts';
import { expectAccessible, startBrowser, startLoketServer, tweePaginas, type LoketServer } from './support.ts';

let server: LoketServer;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let browser: Browser;

beforeAll(async () => {
  smtp = await smtpOntvanger();
  server = await startLoketServer({ SMTP_URL: smtp.url });
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

const volgende = async (page: Page, knop = 'Volgende') => {
  await page.getByRole('button', { name: knop }).click();
  await page.waitForLoadState();
};

describe('forms without JavaScript', () => {
  it('a vraag from the portal home: errors in a summary and at the fields, check answers, change, send; axe-clean on every page', { timeout: 300_000 }, async () => {
    const { zonder, beide, sluit } = await tweePaginas(browser);
    await beide((page) => page.goto(`${server.url}/diemen/`));
    await beide((page) => page.getByRole('link', { name: /^Formulieren:/ }).click());
    expect(await zonder.locator('h1').innerText()).toBe('Formulieren');
    await beide((page) => page.getByRole('link', { name: 'Stel een vraag aan de gemeente' }).click());
    await beide((page) => volgende(page, 'Start'));
    expect(await zonder.locator('h1').innerText()).toBe('Uw vraag');
    expect(zonder.url()).toMatch(/\/diemen\/formulieren\/vraag\/[A-Za-z0-9_-]{43}\/stap\/1$/);

    // Nothing filled in: the same page with both errors.
    await beide((page) => volgende(page));
    expect(await zonder.title()).toMatch(/^Fout: Uw vraag/);
    const samenvatting = await zonder.getByRole('alert').innerText();
    expect(samenvatting).toContain('Waar gaat uw vraag over?: Vul dit in.');
    expect(samenvatting).toContain('Wat is uw vraag?: Vul dit in.');
    expect(await zonder.locator('#vraag-fout').innerText()).toBe('Vul dit in.');
    expect(await zonder.locator('#vraag').getAttribute('aria-invalid')).toBe('true');
    // The summary's link goes to the field.
    await zonder.getByRole('link', { name: 'Wat is uw vraag?: Vul dit in.' }).click();
    expect(zonder.url()).toMatch(/#vraag$/);

    await beide(async (page) => {
      await page.getByLabel('Waar gaat uw vraag over?').fill('Afvalpas');
      await page.getByLabel('Wat is uw vraag?').fill('Waar haal ik een nieuwe afvalpas?');
      await volgende(page);
    });
    expect(await zonder.locator('h1').innerText()).toBe('Uw gegevens');
    await beide(async (page) => {
      await page.getByLabel('Wat is uw naam?').fill('Anna de Vries');
      await page.getByLabel('Wat is uw e-mailadres?').fill(page === zonder ? 'anna-vraag@example.nl' : 'anna-axe@example.nl');
      await page.getByLabel('Per e-mail').check();
      await volgende(page);
    });
    expect(await zonder.locator('h1').innerText()).toBe('Controleer uw antwoorden');
    expect(await zonder.locator('main').innerText()).toContain('Waar haal ik een nieuwe afvalpas?');

    // Change an answer from the check page: back to the check page.
    await beide((page) => page.getByRole('link', { name: 'Wijzig Waar gaat uw vraag over?' }).click());
    await beide(async (page) => {
      await page.getByLabel('Waar gaat uw vraag over?').fill('Nieuwe afvalpas');
      await volgende(page);
    });
    expect(await zonder.locator('h1').innerText()).toBe('Controleer uw antwoorden');
    expect(await zonder.locator('main').innerText()).toContain('Nieuwe afvalpas');

    await beide((page) => volgende(page, 'Versturen'));
    expect(await zonder.locator('h1').innerText()).toBe('Wij hebben uw formulier ontvangen');
    const nummer = await zonder.locator('.loket-zaaknummer').innerText();
    expect(nummer).toMatch(/^Z-\d{4}-\d{6}$/);
    // The receipt with the tracking link arrives over SMTP.
    const mail = await smtp.wachtOp('anna-vraag@example.nl', new RegExp(`\\(${nummer}\\)$`));
    expect(mail.tekst).toContain('Nieuwe afvalpas');
    const volglink = /https?:\/\/\S+\/diemen\/zaken\/\S+/.exec(mail.tekst)?.[0];
    expect(volglink).toBeDefined();
    // Back to the check page (never cached): the draft was sent, so it shows the same receipt; no second submit.
    await zonder.goBack();
    await zonder.waitForLoadState();
    expect(await zonder.locator('h1').innerText()).toBe('Wij hebben uw formulier ontvangen');
    expect(await zonder.locator('.loket-zaaknummer').innerText()).toBe(nummer);
    await sluit();
  });

  it('a Wmo-melding from the product page, saved halfway and finished from the mailed link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/diemen/producten/wmo-ondersteuning`);
    await page.getByRole('link', { name: 'Vraag online aan' }).click();
    expect(await page.locator('h1').innerText()).toBe('Hulp of ondersteuning melden (Wmo)');
    await volgende(page, 'Start');
    await page.getByLabel('Voor mijzelf').check();
    await volgende(page);
    expect(await page.locator('h1').innerText()).toBe('Wie heeft hulp nodig?');
    await page.getByLabel('Wat is de naam van wie hulp nodig heeft?').fill('Piet Jansen');
    await page.getByLabel('Wat is de geboortedatum?').fill('3-2-1950');
    await page.getByLabel('Wat is het burgerservicenummer (BSN)?').fill('111222333');
    await page.getByLabel('Postcode').fill('1111AB');
    await page.getByLabel('Huisnummer en toevoeging').fill('12');
    await volgende(page, 'Opslaan en later verder');
    expect(await page.locator('h1').innerText()).toBe('Opslaan en later verder');
    await page.getByLabel('Uw e-mailadres').fill('piet-wmo@example.nl');
    await volgende(page, 'Stuur mij de link');
    expect(await page.locator('h1').innerText()).toBe('Wij hebben u de link gestuurd');
    await context.close();

    // Later, in another browser: the link from the mail.
    const mail = await smtp.wachtOp('piet-wmo@example.nl', 'Uw formulier Hulp of ondersteuning melden (Wmo): ga later verder');
    const link = /https?:\/\/\S+\/formulieren\/wmo-melding\/[A-Za-z0-9_-]{43}\/stap\/1/.exec(mail.tekst)?.[0];
    expect(link).toBeDefined();
    const { zonder, beide, sluit } = await tweePaginas(browser);
    const pad = new URL(link ?? '').pathname;
    await beide((p) => p.goto(server.url + pad));
    expect(await zonder.getByLabel('Voor mijzelf').isChecked()).toBe(true);
    await beide((p) => volgende(p));
    expect(await zonder.getByLabel('Wat is de naam van wie hulp nodig heeft?').inputValue()).toBe('Piet Jansen');
    expect(await zonder.getByLabel('Postcode').inputValue()).toBe('1111 AB');
    await beide((p) => volgende(p));
    expect(await zonder.locator('h1').innerText()).toBe('Welke hulp?');
    await beide(async (p) => {
      await p.getByLabel('Het huishouden').check();
      await p.getByLabel('Vertel wat er aan de hand is').fill('Ik kan niet meer stofzuigen.');
      await p.getByRole('group', { name: 'Is de hulp heel dringend?' }).getByLabel('Nee').check();
      await volgende(p);
    });
    await beide(async (p) => {
      await p.getByLabel('Wat is uw e-mailadres?').fill('piet-wmo@example.nl');
      await p.getByLabel('Wat is uw telefoonnummer?').fill('020 123 4567');
      await volgende(p);
    });
    await beide(async (p) => {
      await p.getByLabel('Ja, ik geef toestemming').check();
      await volgende(p);
    });
    expect(await zonder.locator('main').innerText()).toContain('1111 AB 12');
    await volgende(zonder, 'Versturen');
    expect(await zonder.locator('h1').innerText()).toBe('Wij hebben uw formulier ontvangen');
    // The receipt page, axe-clean (the JavaScript page's draft is still at the check page).
    const met = await (await browser.newContext()).newPage();
    await met.goto(zonder.url());
    await expectAccessible(met);
    await met.context().close();
    const nummer = await zonder.locator('.loket-zaaknummer').innerText();
    await smtp.wachtOp('piet-wmo@example.nl', new RegExp(`\\(${nummer}\\)$`));
    await sluit();
  });
});
