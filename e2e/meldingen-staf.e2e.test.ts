import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { expectAccessible, logInInApp, nieuwePagina, startBrowser, startLoketServer, verwachtMedewerkersApp, type LoketServer } from './support.ts';

// The staff and partner side of meldingen openbare ruimte (ADR 0056) in the staff app: the team's
// queue as a list and a map, forwarding to a partner, and the partner's journey. No map tiles.

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

async function meld(categorie: string, lat: number, lon: number, antwoorden: Record<string, string> = {}) {
  return server.loket.services.meldingen.meld(cliContext(), 'Test', G, { categorie, beschrijving: `De ${categorie} bij het plein.`, lat, lon, antwoorden, kanaal: 'web', bron: 'formulier' });
}

describe('meldingen in the staff app', () => {
  it('the team’s queue as a list and a map; a melding forwarded to the category’s partner; axe-clean', async () => {
    const container = await meld('container-vol', 52.335, 4.99, { soort_afval: 'glas' });
    const tegel = await meld('losse-stoeptegel', 52.345, 4.96);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'behandelaar@diemen.demo', `/${G}/meldingen`);
    await expect.poll(() => page.getByRole('table').innerText()).toContain(container.identificatie);
    expect(await page.getByRole('table').innerText()).toContain(tegel.identificatie);
    await expectAccessible(page);

    // Filter on a main category: only its subcategories' meldingen.
    await page.getByLabel('Categorie').selectOption({ label: 'Afval' });
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await page.waitForURL(/categorie=afval/);
    await expect.poll(() => page.getByRole('table').innerText()).not.toContain(tegel.identificatie);
    expect(await page.getByRole('table').innerText()).toContain(container.identificatie);

    // The map: a marker per melding, a link by keyboard too; "only this map view" filters on the box.
    await page.getByRole('link', { name: 'Kaart' }).click();
    await page.waitForURL(/weergave=kaart/);
    const punt = page.getByRole('link', { name: new RegExp(`${container.identificatie}: Container is vol`) });
    await expect.poll(() => punt.count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Alleen meldingen in dit kaartbeeld' }).click();
    await page.waitForURL(/bbox=/);
    await punt.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/meldingen/${container.zaakId}$`));

    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`Melding ${container.identificatie}`);
    await expectAccessible(page);
    await page.getByLabel('Toelichting voor de partner (niet verplicht)').fill('Graag vandaag.');
    await page.getByRole('button', { name: 'Doorzetten naar partner' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('De melding is doorgezet naar Afvalpartner Amstelland.');
    expect(await page.locator('main').innerText()).toContain('Doorgezet naar Afvalpartner Amstelland');
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  });

  it('a partner’s journey: its meldingen only, a status, an "after" photo; another melding is not found', async () => {
    const mijn = await meld('container-vol', 52.336, 4.991, { soort_afval: 'papier' });
    const ander = await meld('losse-stoeptegel', 52.346, 4.961);
    const team = await server.loket.services.meldingenBehandeling.doorzetten({ context: cliContext(), gebruiker: null, naam: 'Test', rollen: ['behandelaar'] }, G, mijn.zaakId, { toelichting: '' });
    expect(team.partner?.naam).toBe('Afvalpartner Amstelland');

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'partner@afvalpartner.demo', `/${G}/partner-meldingen`);
    await expect.poll(() => page.getByRole('table').innerText()).toContain(mijn.identificatie);
    expect(await page.getByRole('table').innerText()).not.toContain(ander.identificatie);
    await expectAccessible(page);

    await page.getByRole('link', { name: mijn.identificatie }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`Melding ${mijn.identificatie}`);
    expect(await page.locator('main').innerText()).toContain('De container-vol bij het plein.');
    await expectAccessible(page);

    // Sending without a status: the error next to the field and in the summary.
    await page.getByRole('button', { name: 'Status doorgeven' }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Kies een status');
    await expectAccessible(page);
    await page.getByLabel('Nieuwe status').selectOption({ label: 'Gereed' });
    await page.getByLabel('Toelichting (niet verplicht)').fill('Geleegd om 9 uur.');
    await page.getByRole('button', { name: 'Status doorgeven' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('De status is nu: Gereed.');

    const foto = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
    await page.getByLabel('Foto', { exact: true }).setInputFiles({ name: 'na.jpg', mimeType: 'image/jpeg', buffer: foto });
    await page.getByRole('button', { name: 'Foto toevoegen' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('De foto is toegevoegd.');
    expect(await page.locator('main').innerText()).toContain('Foto na afloop toegevoegd');
    await expectAccessible(page);

    // A melding not routed to this partner: not found, nothing shown.
    await page.goto(`${server.url}/medewerkers/${G}/partner-meldingen/${ander.zaakId}`);
    await expect.poll(() => page.locator('main').innerText()).toContain('Dit bestaat niet (meer), of u mag het niet zien.');
    expect(await page.locator('main').innerText()).not.toContain(ander.identificatie);
    // The team's queue is not in the partner's menu, and refused when typed in.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).innerText()).not.toContain('Meldingen openbare ruimte');
    await page.goto(`${server.url}/medewerkers/${G}/meldingen`);
    await expect.poll(() => page.locator('main').innerText()).toContain('Geen toegang');
    expect(problemen.filter((p) => !p.includes(ander.zaakId))).toEqual([]);
    await context.close();
  });
});
