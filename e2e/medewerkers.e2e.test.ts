import { TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import { expectAccessible, type LoketServer, nieuwePagina, startBrowser, startLoketServer, verwachtMedewerkersApp } from './support.ts';

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

const beheerder = DEMO_GEBRUIKERS.find((g) => g.email === 'beheerder@duoplus.demo');

/** The view has this one h1, has the focus on it after a navigation inside the app, and passes axe. */
async function isOp(page: Page, h1: string | RegExp, opties: { focus?: boolean } = {}): Promise<void> {
  const kop = page.getByRole('heading', { level: 1 });
  await expect.poll(() => kop.innerText()).toMatch(h1);
  expect(await page.locator('h1').count()).toBe(1);
  expect(await page.title()).toContain(await kop.innerText());
  if (opties.focus) await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  await expectAccessible(page);
}

const totpCode = (geheim: string) => new TOTP({ secret: geheim }).generate();

describe('medewerkers-app', () => {
  it('a beheerder creates a user with a role; that user sets up the second factor and sees the start page', async () => {
    if (!beheerder) throw new Error('demo-beheerder ontbreekt');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);

    // Not logged in: the app sends us to the login page and remembers where we wanted to go.
    await page.goto(`${server.url}/medewerkers/GM0384/gebruikers`);
    await page.waitForURL(/\/medewerkers\/inloggen\?terug=/);
    await isOp(page, 'Inloggen');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    for (const landmark of ['banner', 'main'] as const) await expect.poll(() => page.getByRole(landmark).count()).toBe(1);

    await page.getByLabel('E-mailadres').fill(beheerder.email);
    await page.getByLabel('Wachtwoord').fill(beheerder.wachtwoord);
    await page.getByRole('button', { name: 'Verder' }).click();
    await isOp(page, 'Code invullen', { focus: true });
    const code = page.getByLabel('Code', { exact: true });
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    const gebruikt = totpCode(beheerder.totpGeheim);
    await code.fill(gebruikt);
    await page.getByRole('button', { name: 'Inloggen' }).click();

    // Back where we wanted to be; the navigation shows the beheer pages.
    await page.waitForURL(`${server.url}/medewerkers/GM0384/gebruikers`);

    // The same code again (a second tab, within its 30 seconds): refused, saying why.
    const tweede = await browser.newContext();
    const ander = (await nieuwePagina(tweede)).page;
    await ander.goto(`${server.url}/medewerkers/inloggen`);
    await ander.getByLabel('E-mailadres').fill(beheerder.email);
    await ander.getByLabel('Wachtwoord').fill(beheerder.wachtwoord);
    await ander.getByRole('button', { name: 'Verder' }).click();
    await ander.getByLabel('Code', { exact: true }).fill(gebruikt);
    await ander.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => ander.getByRole('alert').innerText()).toContain('Deze code is net al gebruikt. Wacht op de volgende code van uw app en probeer het opnieuw.');
    await tweede.close();
    await isOp(page, 'Gebruikers', { focus: true });
    await expect.poll(() => page.getByRole('table', { name: 'Gebruikers van Diemen' }).getByRole('row').count()).toBeGreaterThan(1);
    expect(await page.getByRole('banner').innerText()).toContain(beheerder.naam);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const naam of ['Start', 'Gebruikers', 'Teams', 'API-tokens', 'Auditlog', 'Verwerkingenlog', 'Berichten']) {
      expect(await nav.getByRole('link', { name: naam, exact: true }).count(), naam).toBe(1);
    }

    // The form shows every error from the API at once, in a summary and at each field.
    await page.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
    await isOp(page, 'Nieuwe gebruiker', { focus: true });
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    const samenvatting = page.getByRole('alert');
    await expect.poll(() => samenvatting.innerText()).toContain('Vul een naam in.');
    expect(await page.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Naam').getAttribute('aria-describedby')).toBe('naam-fout');
    expect(await page.locator('#naam-fout').innerText()).toBe('Vul een naam in.');
    await expectAccessible(page);

    const nieuw = { naam: 'Noor Nieuwkomer', email: 'noor.nieuwkomer@diemen.demo', wachtwoord: 'Tijdelijk-wachtwoord-voor-Noor-7' };
    await page.getByLabel('Naam').fill(nieuw.naam);
    await page.getByLabel('E-mailadres').fill(nieuw.email);
    await page.getByLabel('Tijdelijk wachtwoord').fill(nieuw.wachtwoord);
    await page.getByRole('group', { name: 'Rollen bij Diemen' }).getByLabel('Behandelaar').check();
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.waitForURL(/\/medewerkers\/GM0384\/gebruikers\/[0-9a-f-]{36}$/);
    await isOp(page, nieuw.naam, { focus: true });
    expect(await page.getByRole('status').first().innerText()).toContain('werkt nu voor deze gemeente');
    expect(await page.getByRole('group', { name: 'Rollen bij Diemen' }).getByLabel('Behandelaar').isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await page.waitForURL(`${server.url}/medewerkers/inloggen`);
    await isOp(page, 'Inloggen', { focus: true });
    expect(await page.getByRole('status').innerText()).toContain('U bent uitgelogd.');
    expect((await context.cookies()).filter((c) => c.name.includes('sessie'))).toEqual([]);

    // The new user: first login asks to set up the authenticator app with the secret shown.
    await page.getByLabel('E-mailadres').fill(nieuw.email);
    await page.getByLabel('Wachtwoord').fill(nieuw.wachtwoord);
    await page.getByRole('button', { name: 'Verder' }).click();
    await isOp(page, 'Tweede stap instellen', { focus: true });
    const getoond = await page.locator('.loket-geheim').innerText();
    expect(getoond).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const geheim = getoond.replaceAll(' ', '');
    expect(await page.getByText(/^otpauth:\/\/totp\//).innerText()).toContain(`secret=${geheim}`);
    await page.getByLabel('Code', { exact: true }).fill(totpCode(geheim));
    await page.getByRole('button', { name: 'Inloggen' }).click();

    await page.waitForURL(`${server.url}/medewerkers/GM0384`);
    await isOp(page, `Welkom, ${nieuw.naam}`, { focus: true });
    const inhoud = await page.getByRole('main').innerText();
    expect(inhoud).toContain('U werkt nu voor de gemeente Diemen. Hier heeft u deze rol:');
    expect(inhoud).toContain('Behandelaar: handelt zaken af');
    // A behandelaar gets no beheer pages: the navigation shows the start page, the cases and meldingen, the
    // KCC's screens (a behandelaar speaks to residents too, ADR 0058), the bezwaar and klacht queues (ADR
    // 0060, 0063), the klacht verbetermaatregelen their team owns, the balie's locations to read (ADR 0085), and the remarks on the website's pages (a vakafdeling owns pages too, ADR 0039).
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts()).toEqual(['Start', 'Zaken', 'Meldingen openbare ruimte', 'KCC', 'Terugbelverzoeken', 'Kennisbank', 'Bezwaren', 'Klachten', 'Verbetermaatregelen', 'Afspraaklocaties', 'Paginafeedback']);

    // The language switch changes the text and the lang attribute.
    await page.getByRole('button', { name: 'English' }).click();
    await isOp(page, `Welcome, ${nieuw.naam}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('main').innerText()).toContain('Case handler: handles cases');

    expect(problemen).toEqual([]);
    await context.close();
  });
});
