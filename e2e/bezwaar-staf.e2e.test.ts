import { TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vasteKlok } from '../src/klok.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import { expectAccessible, type LoketServer, nieuwePagina, startBrowser, startLoketServer, verwachtMedewerkersApp } from './support.ts';

// Monday 2 March 2026, 10:00 in Amsterdam. The secretary registers a paper bezwaar against a besluit bekendgemaakt
// on 2 February, received 20 February: the beslistermijn ends 28 April (27 April is Koningsdag); verdaagd by six
// weeks: 8 June. The hearing is today, so its report can follow at once.
const klok = vasteKlok('2026-03-02T09:00:00Z');
let server: LoketServer;
let browser: Browser;
const email = 'secretaris@duoplus.demo';

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer({}, { klok });
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Logs the demo secretary in on the server's fixed clock (the TOTP code is made on that clock). */
async function logIn(page: Page, naar: string) {
  const secretaris = DEMO_GEBRUIKERS.find((d) => d.email === email);
  if (!secretaris) throw new Error('geen demosecretaris');
  klok.verder(30_000);
  await page.goto(`${server.url}/medewerkers${naar}`);
  await page.waitForURL(/\/medewerkers\/inloggen/);
  await page.getByLabel('E-mailadres').fill(secretaris.email);
  await page.getByLabel('Wachtwoord').fill(secretaris.wachtwoord);
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByLabel('Code', { exact: true }).fill(new TOTP({ secret: secretaris.totpGeheim }).generate({ timestamp: klok.nu().getTime() }));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${server.url}/medewerkers${naar}`);
}

describe('the bezwaar secretary runs a bezwaar in the medewerkers-app (ADR 0063)', () => {
  it('registers it, plans the hearing, verdaagt within the law, records the hearing and decides, axe-clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logIn(page, '/GM0384/bezwaren');

    // A paper bezwaar, registered with its contested besluit.
    await page.getByLabel('Bestreden besluit').fill('Weigering omgevingsvergunning dakkapel');
    await page.getByLabel('Bekendgemaakt op').fill('2026-02-02');
    await page.getByLabel('Bezwaarschrift ontvangen op').fill('2026-02-20');
    await page.getByLabel('Onderwerp').fill('Bezwaar tegen weigering dakkapel');
    await page.getByLabel('Naam van de indiener').fill('Sara Jansen');
    // The bezwaarschrift names her address (Awb 6:5): kept so the KCC finds the zaak by it.
    await page.getByLabel('Postcode van de inwoner').fill('1112 ab');
    await page.getByLabel('Huisnummer en toevoeging').fill('7');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Bezwaar registreren' }).click();
    await page.waitForURL(/\/medewerkers\/GM0384\/zaken\/[0-9a-f-]{36}$/);
    const zaakId = page.url().split('/').at(-1) ?? '';
    expect(await server.database.db.selectFrom('betrokkene').select(['postcode', 'huisnummer', 'huisnummertoevoeging']).where('zaak_id', '=', zaakId).executeTakeFirstOrThrow()).toEqual({
      postcode: '1112AB',
      huisnummer: 7,
      huisnummertoevoeging: null,
    });
    const stand = page.getByRole('region', { name: 'Stand van zaken' });
    await expect.poll(() => page.locator('main').innerText()).toContain('Plan de hoorzitting, of leg vast waarom niet wordt gehoord.');
    expect(await page.locator('main').innerText()).toMatch(/28 apr\.? 2026/);
    await expectAccessible(page);

    // The hearing: a day in the past is refused by the API, its reason next to the field; then today.
    const paneel = page.getByRole('region', { name: 'Acties' });
    await paneel.getByRole('button', { name: 'Hoorzitting plannen', exact: true }).click();
    const hoorzitting = page.locator('#actie-bezwaar-hoorzitting');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('actie-bezwaar-hoorzitting-kop');
    await hoorzitting.getByLabel('Datum').fill('2026-02-27');
    await hoorzitting.getByLabel('Tijd').fill('10:30');
    await hoorzitting.getByLabel('Plaats').fill('Raadhuis Diemen, zaal 2');
    await hoorzitting.getByLabel('Commissie (optioneel)').fill('mr. A. de Boer');
    await hoorzitting.getByRole('button', { name: 'Hoorzitting plannen' }).click();
    await expect.poll(() => page.locator('#bz-hoorzitting-datum-fout').innerText()).toContain('vandaag of later');
    expect(await page.locator('#bz-hoorzitting-datum').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await hoorzitting.getByLabel('Datum').fill('2026-03-02');
    await hoorzitting.getByRole('button', { name: 'Hoorzitting plannen' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('De hoorzitting is gepland.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('De hoorzitting is gepland.');

    // Verdaging: more than the six weeks of 7:10 lid 3 is refused next to the field; six weeks move the zaak's deadline.
    await paneel.getByRole('button', { name: 'Verdagen', exact: true }).click();
    const verdaging = page.locator('#actie-bezwaar-verdaging');
    await verdaging.getByLabel('Aantal weken').fill('7');
    await verdaging.getByLabel('Reden').fill('Wij wachten op een advies van de welstandscommissie.');
    await verdaging.getByRole('button', { name: 'Beslissing verdagen' }).click();
    await expect.poll(() => page.locator('#bz-verdaging-weken-fout').innerText()).toContain('hoogstens 6 weken');
    await expectAccessible(page);
    await verdaging.getByLabel('Aantal weken').fill('6');
    await verdaging.getByRole('button', { name: 'Beslissing verdagen' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('De beslissing is verdaagd.');
    await expect.poll(() => stand.innerText()).toMatch(/8 jun\.? 2026/);
    await expect.poll(() => page.getByRole('region', { name: 'Bezwaar', exact: true }).innerText()).toMatch(/uiterlijk 8 jun\.? 2026 \(verdaagd 6 weken/);
    const zaak = await server.loket.services.zaken.detail({ context: cliContext(), gebruiker: null, naam: null, rollen: ['beheerder'] }, 'GM0384', zaakId, { loggen: false });
    expect(zaak.uiterlijkeEinddatum).toBe('2026-06-08');

    // The hearing is today: its report, then the decision with its letter.
    expect(await stand.innerText()).toContain('Leg daarna het hoorverslag vast.');
    await stand.getByRole('button', { name: 'Hoorverslag' }).click();
    await page.locator('#actie-bezwaar-hoorverslag').getByLabel('Hoorverslag').fill('Mevrouw Jansen licht toe dat de buren ook een dakkapel hebben.');
    await page.locator('#actie-bezwaar-hoorverslag').getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Het hoorverslag is vastgelegd.');
    await expectAccessible(page);

    await paneel.getByRole('button', { name: 'Beslissing op bezwaar' }).click();
    const beslissing = page.locator('#actie-bezwaar-beslissing');
    await beslissing.getByRole('button', { name: 'Beslissen' }).click();
    await expect.poll(() => page.locator('#bz-uitkomst-fout').innerText()).toContain('Kies een beslissing.');
    await beslissing.getByLabel('Beslissing', { exact: true }).selectOption('ongegrond');
    await beslissing.getByLabel('Motivering').fill('De dakkapel is groter dan het bestemmingsplan toestaat.');
    await beslissing.getByRole('button', { name: 'Beslissen' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Er is beslist op het bezwaar.');
    const tekst = await page.locator('main').innerText();
    expect(tekst).toContain('Ongegrond');
    expect(tekst).toMatch(/beslissing-op-bezwaar-Z-2026-\d{6}\.pdf/);
    expect(tekst).toMatch(/uitnodiging-hoorzitting-Z-2026-\d{6}\.pdf/);
    expect(tekst).toMatch(/verdaging-Z-2026-\d{6}\.pdf/);
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  }, 240_000);
});
