import { TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vasteKlok } from '../src/klok.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import { expectAccessible, type LoketServer, nieuwePagina, startBrowser, startLoketServer, verwachtMedewerkersApp } from './support.ts';

// Friday 20 March 2026, 10:00 in Amsterdam. A bezwaar against a besluit bekendgemaakt on 2 March:
// the bezwaartermijn ends Monday 13 April; the beslistermijn of 12 weeks (adviescommissie) ends 6 July.
const klok = vasteKlok('2026-03-20T09:00:00Z');
let server: LoketServer;
let browser: Browser;
let zaak: { id: string; identificatie: string };
const teamleider = DEMO_GEBRUIKERS.find((d) => d.email === 'teamleider@diemen.demo');

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer({}, { klok });
  browser = await startBrowser();
  if (!teamleider) throw new Error('geen demoteamleider');
  const gebruiker = await server.database.db.selectFrom('gebruiker').select('id').where('email', '=', teamleider.email).executeTakeFirstOrThrow();
  const wie = { context: cliContext(), gebruiker: gebruiker.id, naam: teamleider.naam, rollen: ['teamleider' as const] };
  const { zaak: z } = await server.loket.services.zaken.registreer(wie, 'GM0384', { zaaktype: 'bezwaar', onderwerp: 'Bezwaar tegen de parkeerboete', kanaal: 'post', ontvangstdatum: '2026-03-20' });
  zaak = { id: z.id, identificatie: z.identificatie };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the term of a bezwaar in the medewerkers-app', () => {
  it('a teamleider records the end of the bezwaartermijn and the 12 weeks; the deadline, the term and the timeline follow', async () => {
    if (!teamleider) throw new Error('geen demoteamleider');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    const naar = `/GM0384/zaken/${zaak.id}`;
    klok.verder(30_000);
    await page.goto(`${server.url}/medewerkers${naar}`);
    await page.waitForURL(/\/medewerkers\/inloggen/);
    await page.getByLabel('E-mailadres').fill(teamleider.email);
    await page.getByLabel('Wachtwoord').fill(teamleider.wachtwoord);
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByLabel('Code', { exact: true }).fill(new TOTP({ secret: teamleider.totpGeheim }).generate({ timestamp: klok.nu().getTime() }));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${server.url}/medewerkers${naar}`);

    const termijn = page.getByRole('region', { name: 'Termijn', exact: true });
    const deadline = () => termijn.locator('strong').first().innerText();
    await expect.poll(deadline).toMatch(/^Uiterlijk klaar op 1 mei 2026$/);

    await page.getByRole('region', { name: 'Acties', exact: true }).getByRole('button', { name: 'Termijn vastleggen', exact: true }).click();
    const vak = page.getByRole('region', { name: 'Termijn vastleggen', exact: true });
    await expect.poll(() => vak.getByLabel('De termijn telt vanaf de dag na').count()).toBe(1);
    await vak.getByLabel('De termijn telt vanaf de dag na').fill('2026-04-13');
    await vak.getByLabel('Termijn', { exact: true }).selectOption({ label: '12 weken' });
    // The reason is required: the error is next to the field and nothing is recorded.
    await vak.getByRole('button', { name: 'Termijn vastleggen' }).click();
    await expect.poll(() => vak.getByRole('alert').innerText()).toContain('Controleer deze velden');
    expect(await vak.getByLabel('Reden').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await vak.getByLabel('Reden').fill('Einde bezwaartermijn; adviescommissie aangekondigd (Awb 7:10 lid 1).');
    await vak.getByRole('button', { name: 'Termijn vastleggen' }).click();
    await expect.poll(() => page.locator('.loket-focus-vak [role="status"]').innerText()).toBe('De termijn is vastgelegd.');

    await expect.poll(deadline).toMatch(/^Uiterlijk klaar op 6 jul\.? 2026$/);
    const tekst = await termijn.innerText();
    expect(tekst).toContain('12 weken');
    expect(tekst).toMatch(/Telt vanaf de dag na\s+13 apr\.? 2026/);
    expect(await page.getByRole('table', { name: /Alles wat er met zaak/ }).innerText()).toMatch(/Termijn vastgelegd: 12 weken, te tellen vanaf de dag na 13 apr\.? 2026\. Reden: Einde bezwaartermijn/);
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  }, 120_000);
});
