import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import type { Wie } from '../src/modules/zaken/zaken.service.ts';
import { expectAccessible, logInInApp, nieuwePagina, startBrowser, startLoketServer, type LoketServer, verwachtMedewerkersApp } from './support.ts';

// The customer journeys per product (issue 10, ADR 0081): Diemen's teamleider finds the page in the
// navigation, chooses a product with the keyboard alone and reads the flow (an SVG with its text
// alternative) with its tables: two parkeervergunning zaken of today, one after a telephone call of
// the same address, one suspended; and the repeat contacts of the same days. Axe on the page.
let server: LoketServer;
let browser: Browser;
const G = 'GM0384';

async function wie(email: string): Promise<Wie> {
  const g = DEMO_GEBRUIKERS.find((d) => d.email === email);
  if (!g) throw new Error(`geen demogebruiker ${email}`);
  const { id } = await server.loket.services.gebruikers.opEmail(G, email);
  return { context: cliContext(), gebruiker: id, naam: g.naam, rollen: g.rollen[G] ?? [] };
}

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer();
  const { zaken, klantcontacten } = server.loket.services;
  const beheerder = await wie('beheerder@duoplus.demo');
  const kcc = await wie('kcc@duoplus.demo');
  const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const eerder = new Date(Date.now() - 60 * 60_000).toISOString();
  await klantcontacten.registreer(kcc, G, { kanaal: 'telefoon', uitkomst: 'zelfstandig-afgehandeld', op: eerder, onderwerp: 'Parkeervergunning', vraag: '', antwoord: '', zaken: [], persoon: { naam: 'Anna', email: 'anna@example.nl' } });
  const zaak = (naam: string, email: string) =>
    zaken.registreer(beheerder, G, { zaaktype: 'parkeervergunning', onderwerp: `Parkeervergunning ${naam}`, omschrijving: '', kanaal: 'web', ontvangstdatum: vandaag, betrokkene: { naam, email, taal: 'nl' } });
  await zaak('Anna', 'anna@example.nl');
  const bert = await zaak('Bert', 'bert@example.nl');
  await zaken.schortOp(beheerder, G, bert.zaak.id, bert.zaak.versie, { reden: 'Stuur een kopie van uw kentekenbewijs.' });
  browser = await startBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('klantreizen per product', () => {
  it('shows the flow of a product chosen with the keyboard, with its text alternative, its tables and where journeys wait', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'teamleider@diemen.demo', `/${G}`);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Klantreizen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Klantreizen per product');
    const keuze = page.getByLabel('Product of zaaktype');
    await expect.poll(() => keuze.locator('option').count()).toBeGreaterThan(1);
    await keuze.focus();
    await keuze.selectOption({ label: 'Parkeervergunning voor bewoners' });
    // Through the two date fields (each with its parts) to the button, with the keyboard alone.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Klantreizen tonen'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Klantreizen tonen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('keuze=product%3Aparkeervergunning');

    const stappen = page.getByRole('table', { name: 'Stappen van de klantreizen van Parkeervergunning voor bewoners' });
    await expect.poll(() => stappen.getByRole('row').count()).toBe(4);
    expect(await stappen.getByRole('row').nth(1).innerText()).toMatch(/^Contact vooraf\s+1\b/);
    expect(await stappen.getByRole('row').nth(2).innerText()).toMatch(/^Zaak geregistreerd\s+2\b/);
    expect(await stappen.getByRole('row').nth(3).innerText()).toMatch(/^Opgeschort\s+1\b/);
    const grafiek = page.getByRole('img', { name: /Klantreizen van Parkeervergunning voor bewoners/ });
    expect(await grafiek.count()).toBe(1);
    expect(await grafiek.locator('desc').textContent()).toContain('Stap Zaak geregistreerd: 2 reizen');
    expect(await page.getByRole('listitem').filter({ hasText: 'open reizen wachten hier' }).count()).toBe(2);
    expect(await page.getByRole('table', { name: 'Kanalen van het contact voordat de zaak begon' }).getByRole('row').nth(1).innerText()).toMatch(/telefoon\s+1/);
    // Nothing of a person on the page.
    expect(await page.getByRole('main').innerText()).not.toContain('anna@example.nl');
    // The repeat contacts of the same days, from the KPI register.
    await expect.poll(() => page.getByText(/^Herhaalcontact: /).count()).toBe(1);
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  }, 120_000);
});
