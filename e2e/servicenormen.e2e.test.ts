import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vasteKlok } from '../src/klok.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { expectAccessible, nieuwePagina, startBrowser, startLoketServer, type LoketServer } from './support.ts';

let server: LoketServer;
let browser: Browser;
const klok = vasteKlok('2026-02-02T09:00:00Z');

beforeAll(async () => {
  server = await startLoketServer({}, { klok });
  // Two e-mail questions in February 2026: one answered in time, one late (see the route test).
  const zaken = server.loket.services.zaken;
  const { id } = await server.loket.services.gebruikers.opEmail('GM0384', 'beheerder@duoplus.demo');
  const wie = { context: cliContext(), gebruiker: id, naam: 'Bea de Beheerder', rollen: ['beheerder' as const] };
  for (const [ontvangen, gesloten] of [
    ['2026-02-02', '2026-02-05T10:00:00Z'],
    ['2026-02-09', '2026-02-20T10:00:00Z'],
  ] as const) {
    klok.zet(`${ontvangen}T09:00:00Z`);
    const { zaak } = await zaken.registreer(wie, 'GM0384', { zaaktype: 'e-mailvraag', kanaal: 'e-mail', ontvangstdatum: ontvangen, onderwerp: 'Vraag over de afvalkalender' });
    klok.zet(gesloten);
    const d = await zaken.detail(wie, 'GM0384', zaak.id, { loggen: false });
    await zaken.sluitAf(wie, 'GM0384', zaak.id, d.versie, { resultaattype: d.zaaktypeVersie.resultaattypen[0]?.id ?? '' });
  }
  klok.zet('2026-03-10T10:00:00Z');
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each([
  { javaScriptEnabled: true, uitleg: 'met JavaScript' },
  { javaScriptEnabled: false, uitleg: 'zonder JavaScript' },
])('servicenormen page $uitleg', ({ javaScriptEnabled }) => {
  it('goes from the home page to the servicenormen, reads a value, opens its definition and switches to English, all axe-clean', async () => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    // axe needs JavaScript; this page has none (checked), so axe runs on the same address in a page that allows it.
    const axe: Page = javaScriptEnabled ? page : await (await browser.newContext()).newPage();
    const controleer = async (pad: string, taal: 'nl' | 'en', h1: string) => {
      await page.waitForURL(server.url + pad);
      expect(await page.locator('html').getAttribute('lang')).toBe(taal);
      expect(await page.locator('h1').allInnerTexts()).toEqual([h1]);
      expect(await page.locator('script').count()).toBe(0);
      if (axe !== page) await axe.goto(page.url());
      await expectAccessible(axe);
    };

    await page.goto(`${server.url}/diemen/`);
    await page.getByRole('link', { name: /^Servicenormen: hoe snel krijgt u antwoord/ }).click();
    await controleer('/diemen/servicenormen', 'nl', 'Servicenormen');

    const termijnen = page.getByRole('table', { name: 'Onze termijnen per onderwerp' });
    const email = termijnen.getByRole('row', { name: /Vraag per e-mail/ });
    expect(await email.getByRole('cell').first().innerText()).toMatch(/^U krijgt binnen 5 werkdagen antwoord\./);

    const tabel = page.getByRole('table', { name: 'E-mail binnen 5 werkdagen afgehandeld, per onderwerp' });
    expect(await tabel.getByRole('columnheader').allInnerTexts()).toEqual(['Onderwerp', 'februari 2026', '4e kwartaal 2025', 'maart 2025 tot en met februari 2026']);
    const alle = tabel.getByRole('row', { name: /Alle onderwerpen/ });
    expect(await alle.getByRole('cell').first().innerText()).toMatch(/^50% \(1 van de 2\)\s*Streefwaarde niet gehaald\.$/);

    // The definition, one click away and without JavaScript: a <details>.
    const sectie = page.getByRole('region', { name: 'E-mail binnen 5 werkdagen afgehandeld', exact: true });
    const teller = sectie.getByText('E-mailvragen die uiterlijk op de 5e werkdag na ontvangst zijn afgesloten.');
    expect(await teller.isVisible()).toBe(false);
    await sectie.getByText('Zo meten wij dit').click();
    await expect.poll(() => teller.isVisible()).toBe(true);
    await expectAccessible(javaScriptEnabled ? page : axe);

    await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'English' }).click();
    await controleer('/diemen/en/servicenormen', 'en', 'Service standards');
    const engels = page.getByRole('table', { name: 'E-mail handled within 5 working days, per subject' });
    expect(await engels.getByRole('row', { name: /All subjects/ }).getByRole('cell').first().innerText()).toMatch(/^50% \(1 out of 2\)\s*Target not met\.$/);

    expect(problemen).toEqual([]);
    await context.close();
  });
});
