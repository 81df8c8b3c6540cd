import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import type { Wie } from '../src/modules/zaken/zaken.service.ts';
import { demoGebruiker } from '../test/demo.ts';
import { expectAccessible, logInInApp, nieuwePagina, startBrowser, startLoketServer, verwachtMedewerkersApp, type LoketServer } from './support.ts';

// Merging duplicate meldingen and reopening after "nee" (ADR 0074): the resident answers "nee" on
// the tracking page without JavaScript, the team accepts the reopen request in the staff app; and
// a merge in the staff app. No map tiles.

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

async function team(): Promise<Wie> {
  const email = 'behandelaar@diemen.demo';
  const { id } = await server.loket.services.gebruikers.opEmail(G, email);
  return { context: cliContext(), gebruiker: id, naam: demoGebruiker(email).naam, rollen: ['behandelaar'] };
}

async function meld(email: string, lat: number, lon: number) {
  return server.loket.services.meldingen.meld(cliContext(), 'Test', G, {
    categorie: 'losse-stoeptegel',
    beschrijving: 'Een losse tegel bij de bushalte.',
    lat,
    lon,
    antwoorden: {},
    kanaal: 'web',
    bron: 'formulier',
    melder: { naam: 'Sam Jansen', email, taal: 'nl' },
  });
}

describe('merge and reopen in the browser', () => {
  it('closure → "nee" on the tracking page without JavaScript → the team accepts the reopen request in the staff app; axe-clean', async () => {
    const melding = await meld('sam-heropen@example.nl', 52.3402, 4.9603);
    const wie = await team();
    const zaak = await server.loket.services.zaken.detail(wie, G, melding.zaakId, { loggen: false });
    const opgelost = zaak.zaaktypeVersie.resultaattypen.find((r: { naam: string }) => r.naam === 'Opgelost');
    await server.loket.services.zaken.sluitAf(wie, G, melding.zaakId, zaak.versie, { resultaattype: opgelost?.id ?? '' });

    // The resident, without JavaScript, on the tracking page of the closed melding.
    const zonder = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const met = await (await browser.newContext()).newPage();
    const volgpad = new URL(melding.volglink).pathname;
    await zonder.goto(server.url + volgpad);
    await met.goto(server.url + volgpad);
    expect(await zonder.locator('#tevredenheid').innerText()).toContain('Bent u tevreden over hoe wij uw zaak hebben afgehandeld?');
    await expectAccessible(met);
    await zonder.getByRole('radio', { name: 'Nee' }).check();
    await zonder.getByRole('radio', { name: 'De uitkomst' }).check();
    await zonder.getByLabel('Wilt u nog iets zeggen? (niet verplicht)').fill('De tegel ligt nog steeds los.');
    await zonder.getByRole('button', { name: 'Verstuur' }).click();
    await zonder.waitForLoadState();
    expect(await zonder.locator('script').count()).toBe(0);
    const verzoeken = await server.database.db.selectFrom('melding_heropenverzoek').selectAll().where('zaak_id', '=', melding.zaakId).execute();
    expect(verzoeken).toMatchObject([{ status: 'open' }]);

    // The team: the queue filtered on open reopen requests, the badge, the decision.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'behandelaar@diemen.demo', `/${G}/meldingen`);
    await page.getByLabel('Verzoek om heropenen').selectOption({ label: 'Met een open verzoek om heropenen' });
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await page.waitForURL(/heropenverzoek=open/);
    await expect.poll(() => page.getByRole('table').innerText()).toContain(melding.identificatie);
    expect(await page.getByRole('table').innerText()).toContain('Verzoek om heropenen');
    await expectAccessible(page);
    await page.getByRole('link', { name: melding.identificatie }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`Melding ${melding.identificatie}`);
    await expect.poll(() => page.locator('main').innerText()).toContain('De melder is niet tevreden over de afhandeling');
    await expectAccessible(page);
    await page.getByLabel('Besluit', { exact: true }).selectOption({ label: 'Accepteren: de melding gaat opnieuw open' });
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('De melding is heropend. De melder krijgt een e-mail.');
    await expect.poll(() => page.locator('main').innerText()).toContain('Heropend');
    await expectAccessible(page);
    const na = await server.loket.services.meldingenBehandeling.melding(G, melding.zaakId);
    expect(na).toMatchObject({ status: 'heropend', afgeslotenOp: null, heropenverzoek: { status: 'geaccepteerd' } });
    expect(problemen).toEqual([]);
    await context.close();
  });

  it('a merge in the staff app: nearby candidates, the merged melding closed and listed; axe-clean', async () => {
    const hoofd = await meld('hoofd-e2e@example.nl', 52.3312, 4.9712);
    const dubbel = await meld('dubbel-e2e@example.nl', 52.3313, 4.9712);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'behandelaar@diemen.demo', `/${G}/meldingen/${hoofd.zaakId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`Melding ${hoofd.identificatie}`);
    const kandidaat = page.getByRole('checkbox', { name: new RegExp(dubbel.identificatie) });
    await expect.poll(() => kandidaat.count()).toBe(1);
    await expectAccessible(page);

    // Nothing chosen: the error in the summary; then the merge.
    await page.getByRole('button', { name: 'Samenvoegen in deze melding' }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Kies minstens één melding');
    await expectAccessible(page);
    await kandidaat.check();
    await page.getByLabel('Extra tekst voor de melders (niet verplicht)').fill('Dank voor uw melding.');
    await page.getByRole('button', { name: 'Samenvoegen in deze melding' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain(`Samengevoegd in deze melding: ${dubbel.identificatie}.`);
    await expect.poll(() => page.getByRole('link', { name: dubbel.identificatie }).count()).toBe(1);
    await expectAccessible(page);

    // The merged melding points to the main one.
    await page.getByRole('link', { name: dubbel.identificatie }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`Melding ${dubbel.identificatie}`);
    await expect.poll(() => page.locator('main').innerText()).toContain(`Deze melding is samengevoegd met melding ${hoofd.identificatie}`);
    await expect.poll(() => page.locator('main').innerText()).toContain('Geannuleerd');
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  });

  it('the meldingen measures appear on the staff KPI page by themselves, with the breakdowns per team and per category', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'teamleider@diemen.demo', `/${G}/kpis`);
    for (const naam of ['Meldingen afgehandeld binnen de norm', 'Heropende meldingen', 'Melders tevreden na afhandeling', 'Samengevoegde meldingen']) {
      await expect.poll(() => page.getByRole('region', { name: naam }).count()).toBe(1);
    }
    const binnenNorm = page.getByRole('region', { name: 'Meldingen afgehandeld binnen de norm' });
    await expect.poll(() => binnenNorm.innerText()).toContain('per team');
    await expect.poll(() => binnenNorm.innerText()).toContain('per categorie');
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  });
});
