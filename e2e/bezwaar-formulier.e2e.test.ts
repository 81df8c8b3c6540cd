import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpOntvanger } from '../test/smtp.ts';
import { expectAccessible, startBrowser, startLoketServer, tweePaginas, type LoketServer } from './support.ts';

let server: LoketServer;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let browser: Browser;
const dag = (verschil: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + verschil * 86_400_000));

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

describe('bezwaar form, without JavaScript', () => {
  it('a resident finds the form from the portal home, is told the term, corrects a future date, files the bezwaar, gets the receipt page and mail, follows it; sending it again stores nothing twice; axe-clean in every state', async () => {
    const { zonder, beide, sluit } = await tweePaginas(browser);
    await beide(async (page) => {
      await page.goto(`${server.url}/diemen/`);
      await page.getByRole('link', { name: /^Bezwaar maken/ }).click();
      await page.waitForLoadState();
    });
    expect(await zonder.locator('h1').innerText()).toBe('Bezwaar maken');
    expect(await zonder.locator('main').innerText()).toContain('Maak bezwaar binnen 6 weken.');

    // A date that has not come yet, and nothing else: every error at its field and in the summary.
    await beide(async (page) => {
      await page.getByLabel('Op welke datum is het besluit bekendgemaakt?').fill(dag(3));
      await page.getByRole('button', { name: 'Bezwaar versturen' }).click();
      await page.waitForLoadState();
    });
    expect(await zonder.title()).toMatch(/^Fout: /);
    const samenvatting = await zonder.getByRole('alert').innerText();
    for (const fout of ['Schrijf tegen welk besluit u bezwaar maakt', 'Deze datum is nog niet geweest.', 'Schrijf waarom u het niet eens bent', 'Vul uw naam in.', 'Vul een geldig e-mailadres in']) expect(samenvatting).toContain(fout);
    expect(await zonder.locator('#bekendmaking').getAttribute('aria-describedby')).toBe('bekendmaking-uitleg bekendmaking-fout');
    expect(await server.database.db.selectFrom('bezwaar').select('zaak_id').execute()).toEqual([]);

    await beide(async (page) => {
      await page.getByLabel('Tegen welk besluit maakt u bezwaar?').fill('Geen vergunning voor een dakkapel');
      await page.getByLabel('Kenmerk van de brief (als u het weet)').fill('OV-2026-0042');
      await page.getByLabel('Op welke datum is het besluit bekendgemaakt?').fill(dag(-10));
      await page.getByLabel('Waarom bent u het niet eens met het besluit?').fill('De dakkapel past in het bestemmingsplan.');
      await page.getByLabel('Uw naam').fill('Fatima El Amrani');
      await page.getByLabel('Uw e-mailadres').fill('fatima@example.nl');
      await page.getByRole('button', { name: 'Bezwaar versturen' }).click();
      await page.waitForLoadState();
    });
    expect(await zonder.locator('h1').innerText()).toBe('Wij hebben uw bezwaar ontvangen');
    const identificatie = /Uw zaaknummer is (Z-\d{4}-\d{6})/.exec(await zonder.locator('main').innerText())?.[1] ?? '';
    expect(identificatie).not.toBe('');
    const mail = await smtp.wachtOp('fatima@example.nl', new RegExp(identificatie));
    const volgpad = new URL((await zonder.getByRole('link', { name: 'Bekijk hoe het met uw bezwaar gaat' }).getAttribute('href')) ?? '').pathname;
    expect(mail.tekst).toContain(volgpad);
    // The second page sent the same bezwaar again: told so, stored once.
    expect(await server.database.db.selectFrom('bezwaar').select('zaak_id').execute()).toHaveLength(1);

    await beide((page) => page.goto(server.url + volgpad));
    expect(await zonder.locator('main').innerText()).toContain(identificatie);
    await sluit();
  });

  it('the English form is axe-clean too', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/diemen/en/objection`);
    expect(await page.locator('h1').innerText()).toBe('Object to a decision');
    await expectAccessible(page);
    await page.context().close();
  });
});
