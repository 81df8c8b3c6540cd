import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { expectAccessible, nieuwePagina, startBrowser, startLoketServer, tweePaginas, type LoketServer } from './support.ts';

// The resident's melding form in Chromium: without JavaScript by address (and a photo), following
// a duplicate, and with JavaScript by a pin on the map. No map tiles are needed: the tile URL
// points at a closed port, the map still takes a click.

let zonderKaart: LoketServer;
let metKaart: LoketServer;
let browser: Browser;

beforeAll(async () => {
  zonderKaart = await startLoketServer({ LOKET_KAART_TEGELS: '' });
  metKaart = await startLoketServer({ LOKET_KAART_TEGELS: 'http://127.0.0.1:9/tegels/{z}/{x}/{y}.png' });
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
  await zonderKaart?.stop();
  await metKaart?.stop();
});

const kop = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('reporting without JavaScript', () => {
  it('reports by address with a photo, sees the errors next to the fields, checks the answers and gets a number', async () => {
    const { zonder, beide, sluit } = await tweePaginas(browser);
    const foto = await sharp({ create: { width: 80, height: 60, channels: 3, background: { r: 90, g: 160, b: 60 } } })
      .jpeg()
      .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 20/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 58/1 30/1' } })
      .toBuffer();
    await beide(async (page) => {
      await page.goto(`${zonderKaart.url}/diemen/`);
      await page.getByRole('link', { name: /Meld iets in de openbare ruimte/ }).click();
      await expect.poll(() => kop(page)).toBe('Wat wilt u melden?');
      await page.getByRole('button', { name: 'Volgende' }).click();
      await page.locator('#beschrijving-fout').waitFor();
    });
    await beide(async (page) => {
      await page.getByLabel('Beschrijf wat er aan de hand is').fill('Er ligt een losse stoeptegel, iemand kan struikelen.');
      await page.getByRole('button', { name: 'Volgende' }).click();
      await expect.poll(() => kop(page)).toBe('Kies het onderwerp');
      expect(await page.textContent('body')).toContain('Wij denken dat uw melding gaat over: Losse of kapotte stoeptegel.');
    });
    await beide(async (page) => {
      await page.getByLabel('Losse of kapotte stoeptegel').check();
      await page.getByRole('button', { name: 'Volgende' }).click();
      await expect.poll(() => kop(page)).toBe('Waar is het?');
    });
    await beide(async (page) => {
      await page.getByLabel('Postcode', { exact: true }).fill('1111 bc');
      await page.getByLabel('Huisnummer', { exact: true }).fill('12');
      await page.getByRole('button', { name: 'Zoek adres' }).first().click();
      await page.getByLabel('Ouddiemerlaan 12, 1111 BC Diemen').check();
      await page.getByRole('button', { name: 'Kies dit adres' }).click();
      await expect.poll(() => kop(page)).toBe("Foto's");
    });
    await beide(async (page) => {
      await page.locator('#fotos').setInputFiles({ name: 'tegel.jpg', mimeType: 'image/jpeg', buffer: foto });
      await page.getByRole('button', { name: 'Foto toevoegen' }).click();
      await page.getByRole('img', { name: 'Foto 1 bij uw melding' }).waitFor();
      await page.getByRole('button', { name: 'Volgende' }).click();
      await expect.poll(() => kop(page)).toBe('Uw gegevens');
    });
    await beide(async (page) => {
      await page.getByLabel('E-mailadres').fill('geen-adres');
      await page.getByRole('button', { name: 'Volgende' }).click();
      await page.locator('#email-fout').waitFor();
      expect(await page.locator('.utrecht-alert--error').textContent()).toContain('Dit e-mailadres klopt niet.');
    });
    await beide(async (page) => {
      await page.getByLabel('E-mailadres').fill('tegel@example.org');
      await page.getByLabel('Ik vind het goed').check();
      await page.getByRole('button', { name: 'Volgende' }).click();
      await expect.poll(() => kop(page)).toBe('Controleer uw antwoorden');
      expect(await page.textContent('main')).toContain('Ouddiemerlaan 12, Diemen');
    });
    await beide(async (page) => {
      await page.getByRole('button', { name: 'Verstuur melding' }).click();
      await expect.poll(() => kop(page)).toBe('Uw melding is verstuurd');
    });
    const nummer = /Z-\d{4}-\d{6}/.exec((await zonder.textContent('main')) ?? '')?.[0] ?? '';
    expect(nummer).not.toBe('');
    // The tracking link of the receipt opens the melding's page (PUBLIC_URL is not this test server: same path here).
    const volglink = (await zonder.getByRole('link', { name: 'Bekijk hier hoe het met uw melding gaat' }).getAttribute('href')) ?? '';
    await zonder.goto(`${zonderKaart.url}${new URL(volglink).pathname}`);
    expect(await zonder.textContent('main')).toContain(nummer);
    await sluit();
  });

  it('follows an open melding of the same category nearby instead of reporting it again', async () => {
    const bestaand = await zonderKaart.loket.services.meldingen.meld(cliContext(), 'Test', 'GM0384', {
      categorie: 'grofvuil-op-straat',
      beschrijving: 'Een bank op de stoep',
      lat: 52.3469,
      lon: 4.9751,
      antwoorden: {},
      kanaal: 'web',
      bron: 'open311',
    });
    const { zonder, beide, sluit } = await tweePaginas(browser);
    await beide(async (page) => {
      await page.goto(`${zonderKaart.url}/diemen/melding`);
      await page.getByLabel('Beschrijf wat er aan de hand is').fill('Er staat een oude matras naast de container.');
      await page.getByRole('button', { name: 'Volgende' }).click();
      await page.getByLabel('Grofvuil op straat').check();
      await page.getByRole('button', { name: 'Volgende' }).click();
      await page.getByLabel('Straatnaam').fill('Wildenb');
      await page.getByRole('button', { name: 'Zoek adres' }).nth(1).click();
      await page.getByLabel('Wildenborch 4, 1112 AB Diemen').check();
      await page.getByRole('button', { name: 'Kies dit adres' }).click();
      await expect.poll(() => kop(page)).toBe('Is dit al gemeld?');
      expect(await page.textContent('main')).toContain(`Melding ${bestaand.identificatie}: Grofvuil op straat`);
    });
    await beide(async (page) => {
      await page.getByLabel('Uw e-mailadres').fill('buur@example.org');
      await page.getByRole('button', { name: 'Dit is dezelfde, houd mij op de hoogte' }).click();
      await expect.poll(() => kop(page)).toBe(`U volgt melding ${bestaand.identificatie}`);
    });
    expect(await zonder.textContent('main')).toContain('U hoeft niets meer te doen.');
    await sluit();
  });
});

describe('reporting with JavaScript', () => {
  it('drops a pin on the map (no tiles needed) and sends the melding at that point', async () => {
    const context = await browser.newContext();
    const { page, problemen } = await nieuwePagina(context);
    await page.goto(`${metKaart.url}/diemen/en/report`);
    await page.getByLabel('Describe what is wrong').fill('A hole in the cycle path.');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Hole in the road or cycle path').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => kop(page)).toBe('Where is it?');
    const kaart = page.locator('#kaart');
    await kaart.waitFor({ state: 'visible' });
    await expectAccessible(page);
    const knop = page.getByRole('button', { name: 'Choose this place' });
    expect(await knop.isDisabled()).toBe(true);
    // A click in the middle of the map (Playwright scrolls it into view first) puts the pin.
    await kaart.click();
    expect(problemen.filter((p) => !p.includes('/tegels/'))).toEqual([]);
    await expect.poll(() => knop.isDisabled()).toBe(false);
    await knop.click();
    await expect.poll(() => kop(page)).toBe('Photos');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => kop(page)).toBe('Check your answers');
    expect(await page.textContent('main')).toMatch(/Point on the map \(52\.\d+, 4\.\d+\)/);
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => kop(page)).toBe('Your report has been sent');
    await expectAccessible(page);
    // Only the missing tiles failed; no script error, no CSP report.
    expect(problemen.filter((p) => !p.includes('/tegels/'))).toEqual([]);
    await context.close();
  });
});
