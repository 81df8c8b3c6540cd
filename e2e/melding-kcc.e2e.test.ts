import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logInInApp, nieuwePagina, startBrowser, startLoketServer, verwachtMedewerkersApp, type LoketServer } from './support.ts';

// The KCC registers a melding for a caller in the staff app; a beheerder makes a partner and an
// Open311 key; the resident melding pages work offline through their service worker (ADR 0075).

let server: LoketServer;
let browser: Browser;
const G = 'GM0384';

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer({ LOKET_KAART_TEGELS: '' });
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the resident melding pages offline', () => {
  it('registers a service worker that shows the offline page in nl and en when the network is off; axe-clean', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page } = await nieuwePagina(context);
    await page.goto(`${server.url}/diemen/melding`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.url}/diemen/melding`);
    // Controlled from the next navigation on (clients.claim may come first): load once more online.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    await page.goto(`${server.url}/diemen/melding`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('U bent offline');
    expect(await page.locator('main').innerText()).toContain('Een melding is pas gedaan als u het nummer van uw melding ziet.');
    // The shell came from the cache: the page is styled.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe('');
    await expectAccessible(page);
    await page.goto(`${server.url}/diemen/melding/iets-anders`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('U bent offline');

    // The English pages have their own scope and offline page.
    await context.setOffline(false);
    await page.goto(`${server.url}/diemen/en/report`);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${server.url}/diemen/en/report`);
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.goto(`${server.url}/diemen/en/report`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('You are offline');
    await expectAccessible(page);
    await context.close();
  });

  it('without JavaScript the form works as before and no worker is registered', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/diemen/melding`);
    await page.getByLabel('Beschrijf wat er aan de hand is').fill('De lantaarnpaal is kapot, het is donker.');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.waitForURL(/\/categorie$/);
    expect(await page.locator('main').innerText()).toContain('Wij denken dat uw melding gaat over: Lantaarnpaal doet het niet.');
    expect(context.serviceWorkers()).toEqual([]);
    await context.close();
  });
});

describe('the KCC and the beheerder in the staff app', () => {
  it('a KCC medewerker registers a melding for a caller, with the keyboard; errors next to the fields; axe-clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'kcc@duoplus.demo', `/${G}/kcc`);
    await page.getByRole('link', { name: 'Melding openbare ruimte registreren voor een beller' }).click();
    await page.waitForURL(/\/kcc\/melding$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Melding openbare ruimte registreren');
    await expectAccessible(page);

    // Sent empty: every problem at once, each next to its field.
    await page.getByRole('button', { name: 'Melding registreren' }).click();
    const samenvatting = page.getByRole('alert');
    await expect.poll(() => samenvatting.innerText()).toContain('Beschrijf wat de beller meldt.');
    expect(await page.locator('#categorie-fout').innerText()).toBe('Deze categorie bestaat niet in deze gemeente.');
    expect(await page.locator('#locatie-fout').innerText()).toContain('Geef de plek');
    await expectAccessible(page);

    // The description, and the suggestion with its explanation; taken over with the keyboard.
    await page.getByLabel('Wat meldt de beller?').focus();
    await page.keyboard.type('De lantaarnpaal voor nummer 25 is kapot, het is donker.');
    const kies = page.getByRole('button', { name: 'Kies Lantaarnpaal doet het niet' });
    await expect.poll(() => kies.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('main').innerText()).toContain('“lantaarnpaal” is een trefwoord van deze categorie');
    await kies.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Categorie').inputValue()).toBe('lantaarnpaal-kapot');
    await page.getByLabel(/Nummer op de paal/).fill('A123');

    // The address by street search: Enter searches, one address is chosen at once.
    await page.getByLabel('Straat').focus();
    await page.keyboard.type('hartveld');
    await page.getByLabel('Huisnummer').focus();
    await page.keyboard.type('25');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').innerText()).toContain('Gekozen: Hartveldseweg 25, 1111 CD Diemen');

    await page.getByLabel('Naam').fill('Piet Beller');
    await page.getByLabel('E-mailadres').fill('piet@example.nl');
    await expectAccessible(page);
    await page.getByLabel('E-mailadres').focus();
    await page.keyboard.press('Enter');
    const kop = page.getByRole('heading', { level: 2, name: /is geregistreerd/ });
    await expect.poll(() => kop.count()).toBe(1);
    const nummer = /Melding (\S+) is geregistreerd/.exec(await kop.innerText())?.[1] ?? '';
    const melding = (await server.loket.services.meldingen.opIdentificatie(G, [nummer]))[0];
    expect(melding).toMatchObject({ categorieCode: 'lantaarnpaal-kapot', adres: 'Hartveldseweg 25, 1111 CD Diemen' });
    const rij = await server.database.db.selectFrom('melding').select(['bron', 'antwoorden']).where('identificatie', '=', nummer).executeTakeFirstOrThrow();
    expect(rij).toEqual({ bron: 'medewerker', antwoorden: { mastnummer: 'A123' } });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(nummer);
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  });

  it('a beheerder creates a partner with a category, and an Open311 key shown once, then revokes it; axe-clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'beheerder@duoplus.demo', `/${G}/melding-partners`);
    await expect.poll(() => page.getByRole('table').innerText()).toContain('Afvalpartner Amstelland');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Nieuwe partner' }).click();
    await page.getByLabel('Naam', { exact: true }).fill('Groenbedrijf Amstel');
    await page.getByLabel('E-mailadres').fill('groen@example.nl');
    await page.getByLabel('Snoeien nodig').check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Partner aanmaken' }).click();
    await page.waitForURL(new RegExp(`/${G}/melding-partners$`));
    await expect.poll(() => page.getByRole('table').innerText()).toContain('Groenbedrijf Amstel');
    const partner = (await server.loket.services.meldingenBehandeling.partners(G)).find((p) => p.naam === 'Groenbedrijf Amstel');
    const snoeien = (await server.loket.services.meldingen.geldendeCategorieen(G)).find((c) => c.code === 'snoeien');
    expect(snoeien?.partner).toBe(partner?.id);

    await page.goto(`${server.url}/medewerkers/${G}/open311-sleutels`);
    await page.getByLabel('Naam van de app').fill('FixMyStreet');
    await page.getByRole('button', { name: 'Sleutel aanmaken' }).click();
    const sleutel = page.getByTestId('open311-sleutel');
    await expect.poll(() => sleutel.count()).toBe(1);
    expect(await sleutel.innerText()).toMatch(/^o311_/);
    await expect.poll(() => page.getByRole('table').innerText()).toContain('FixMyStreet');
    expect(await page.getByRole('table').innerText()).toContain('Verloopt niet');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sleutel FixMyStreet intrekken' }).click();
    await page.getByRole('button', { name: 'Ja, sleutel FixMyStreet intrekken' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('Sleutel FixMyStreet is ingetrokken.');
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  });
});
