import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logInInApp, startBrowser, startLoketServer, type LoketServer, verwachtMedewerkersApp } from './support.ts';

let server: LoketServer;
let browser: Browser;

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer();
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function logInAlsBeheerder(page: Page, naar: string): Promise<void> {
  return logInInApp(page, server, 'beheerder@duoplus.demo', naar);
}

describe('sluitingsdagen in de medewerkers-app', () => {
  it('a beheerder sees the closure days of a year, adds one (errors at the fields first) and removes it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problemen: string[] = [];
    page.on('pageerror', (fout) => problemen.push(`scriptfout: ${fout.message}`));

    await logInAlsBeheerder(page, '/GM0384/sluitingsdagen');
    await page.goto(`${server.url}/medewerkers/GM0384/sluitingsdagen?jaar=2027`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Sluitingsdagen');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sluitingsdagen', exact: true }).count()).toBe(1);
    const tabel = page.getByRole('table', { name: 'Sluitingsdagen van Diemen in 2027' });
    await expect.poll(() => tabel.innerText()).toContain('vrijdag 7 mei 2027');
    expect(await tabel.innerText()).toContain('Vrijdag na Hemelvaartsdag');
    await expectAccessible(page);

    // Empty form: both fields get their error; a holiday is refused at the date field.
    await page.getByRole('button', { name: 'Sluitingsdag toevoegen' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Vul een naam in.');
    expect(await page.getByLabel('Datum').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await page.getByLabel('Datum').fill('2027-12-25');
    await page.getByLabel('Naam').fill('Kerst');
    await page.getByRole('button', { name: 'Sluitingsdag toevoegen' }).click();
    await expect.poll(() => page.locator('#datum-fout').innerText()).toContain('al een feestdag (Eerste Kerstdag)');
    expect(await page.getByLabel('Naam').getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel('Datum').fill('2027-03-12');
    await page.getByLabel('Naam').fill('Verhuizing gemeentehuis');
    await page.getByRole('button', { name: 'Sluitingsdag toevoegen' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('De sluitingsdag vrijdag 12 maart 2027 (Verhuizing gemeentehuis) is toegevoegd.');
    await expect.poll(() => tabel.innerText()).toContain('Verhuizing gemeentehuis');
    expect(await page.getByLabel('Naam').inputValue()).toBe('');
    const api = await page.request.get(`${server.url}/api/v1/termijnen?startdatum=2027-03-11&duur=1wd&gemeente=GM0384`);
    expect((await api.json()).einddatum).toBe('2027-03-15');

    // Remove, with a confirm step.
    await page.getByRole('button', { name: 'Verwijderen: vrijdag 12 maart 2027' }).click();
    await page.getByRole('button', { name: 'Ja, vrijdag 12 maart 2027 verwijderen' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('is verwijderd');
    await expect.poll(() => tabel.innerText()).not.toContain('Verhuizing gemeentehuis');

    // Another year through the year navigation, and English.
    await page.getByRole('link', { name: 'Naar 2028' }).click();
    await expect.poll(() => page.getByRole('main').innerText()).toContain('Er zijn geen sluitingsdagen in 2028.');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Closure days');
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  });
});
