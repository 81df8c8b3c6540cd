import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, logInInApp, startBrowser, startLoketServer, type LoketServer, verwachtMedewerkersApp } from './support.ts';

/**
 * A beheerder sets up the balie in the staff app (ADR 0085): a location open on Saturday morning
 * (the demo's town hall is closed then) with a desk for the uittreksel; the resident's
 * availability shows its slots at once, and closing the desk for that Saturday takes them away.
 */

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

/** The Saturday after next (Amsterdam calendar), YYYY-MM-DD: always in the future, within the 6 weeks one request may ask for. */
function zaterdag(): string {
  const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const d = new Date(`${vandaag}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7) + 7);
  return d.toISOString().slice(0, 10);
}

/** The resident's availability of the uittreksel on that Saturday at one location (the public API the booking pages use). */
async function slotsBij(page: Page, dag: string, locatie: string): Promise<number> {
  const res = await page.request.get(`${server.url}/api/v1/gemeenten/GM0384/afspraken/beschikbaarheid?product=uittreksel-brp&van=${dag}&tot=${dag}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { locatie: string }[]).filter((s) => s.locatie === locatie).length;
}

describe('the balie set up in the medewerkers-app', () => {
  it('a beheerder adds a location with a desk (errors at the fields first); residents see its slots, and not after the desk is closed', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problemen: string[] = [];
    page.on('pageerror', (fout) => problemen.push(`scriptfout: ${fout.message}`));
    const dag = zaterdag();

    await logInInApp(page, server, 'beheerder@duoplus.demo', '/GM0384/afspraak-locaties');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Locaties voor afspraken');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Afspraaklocaties', exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: 'Locaties voor afspraken van Diemen' }).innerText()).toContain('Gemeentehuis Diemen');
    await expectAccessible(page);

    // Empty, and hours that end before they begin: every error at once, each at its field.
    await page.getByLabel('Zaterdag').fill('11:00-10:00');
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Vul een naam in.');
    expect(await page.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Adres').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await page.getByLabel('Naam').fill('Servicepunt Noord');
    await page.getByLabel('Adres').fill('Kruidenhof 1, Diemen');
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await expect.poll(() => page.locator('#dag6-fout').innerText()).toBe('De eindtijd moet na de begintijd liggen.');
    expect(await page.getByLabel('Zaterdag').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Zaterdag').fill('10:00-11:00');
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await page.waitForURL(/\/medewerkers\/GM0384\/afspraak-locaties\/[0-9a-f-]{36}$/);
    const locatie = page.url().split('/').at(-1) ?? '';
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Servicepunt Noord');
    expect(await page.getByRole('status').first().innerText()).toContain('Locatie Servicepunt Noord is toegevoegd.');
    await expect.poll(() => page.getByLabel('Zaterdag').inputValue()).toBe('10:00-11:00');
    expect(await slotsBij(page, dag, locatie)).toBe(0);

    // A desk for the uittreksel: its slots are there for residents at once.
    await page.getByLabel('Naam van de balie').fill('Balie Z');
    await page.getByRole('group', { name: 'Producten' }).getByLabel('Uittreksel uit de BRP').check();
    await page.getByRole('button', { name: 'Balie toevoegen' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Balies van Servicepunt Noord' }).innerText()).toContain('Balie Z');
    expect(await page.getByRole('table', { name: 'Balies van Servicepunt Noord' }).innerText()).toContain('Uittreksel uit de BRP');
    await expectAccessible(page);
    expect(await slotsBij(page, dag, locatie)).toBe(6);
    // The resident's booking page offers them too.
    const inwoner = await context.newPage();
    await inwoner.goto(`${server.url}/diemen/afspraak?product=uittreksel-brp&dag=${dag}`);
    await expect.poll(() => inwoner.locator(`input[name="keuze"][value*="|${locatie}|"]`).count()).toBe(6);
    await expectAccessible(inwoner);

    // Closed for that Saturday: the slots are gone.
    await page.getByLabel('Eerste dag').fill(dag);
    await page.getByLabel('Wat is dicht').selectOption({ label: 'Balie Z' });
    await page.getByLabel('Reden').fill('Storing aan de pasprinter');
    await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Gesloten dagen van Servicepunt Noord' }).innerText()).toContain('Storing aan de pasprinter');
    expect(await slotsBij(page, dag, locatie)).toBe(0);
    await expectAccessible(page);
    await inwoner.reload();
    await expect.poll(() => inwoner.locator('input[name="keuze"]').count()).toBeGreaterThan(0);
    expect(await inwoner.locator(`input[name="keuze"][value*="|${locatie}|"]`).count()).toBe(0);

    // Lifted again, with a confirm step.
    await page.getByRole('button', { name: `Sluiting vanaf ${dag} opheffen` }).click();
    await page.getByRole('button', { name: `Ja, sluiting vanaf ${dag} opheffen` }).click();
    await expect.poll(() => page.getByRole('main').innerText()).toContain('Er zijn geen gesloten dagen.');
    expect(await slotsBij(page, dag, locatie)).toBe(6);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Desks' }).count()).toBe(1);
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  });
});
