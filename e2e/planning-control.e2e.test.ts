import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { jaarstukken2023 } from '../src/modules/planning-control/fixtures/hoofdstuk.fixture.ts';
import { parseHoofdstuk } from '../src/modules/planning-control/pc.parser.ts';
import { expectAccessible, startBrowser, startLoketServer, type LoketServer } from './support.ts';

let server: LoketServer;
let browser: Browser;

beforeAll(async () => {
  server = await startLoketServer();
  const pc = server.loket.services.pc;
  const v = await pc.importeer(cliContext(), 'GM0384', [jaarstukken2023()], { naam: 'Jaarstukken 2023' });
  await pc.wijzigIndicator(cliContext(), 'GM0384', v.id, 'samen-besturen', '8', 1, { richting: 'lager', toelichting: 'Meer inwoners, hogere loonkosten.' });
  await pc.wijzigVersie(cliContext(), 'GM0384', v.id, 1, { status: 'vastgesteld', vastgesteldOp: '2024-07-04' });
  // Chapters with a further finance table, investeringen and overhevelingen, offered to the council.
  for (const bestand of ['begroting-2026-bereikbaarheid.txt', 'jaarstukken-2024-economie-en-cultuur.txt']) {
    const tekst = readFileSync(join(import.meta.dirname, '..', 'src', 'modules', 'planning-control', 'fixtures', bestand), 'utf8');
    const w = await pc.importeer(cliContext(), 'GM0384', [parseHoofdstuk(tekst, { gemeente: 'GM0384' })]);
    await pc.wijzigVersie(cliContext(), 'GM0384', w.id, w.etag, { status: 'aangeboden' });
  }
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pagina(context: BrowserContext): Promise<{ page: Page; problemen: string[] }> {
  const page = await context.newPage();
  const problemen: string[] = [];
  page.on('console', (bericht) => {
    if (bericht.text().includes('Content Security Policy')) problemen.push(bericht.text());
  });
  page.on('response', (antwoord) => {
    if (antwoord.status() >= 400) problemen.push(`${antwoord.status()}: ${antwoord.url()}`);
  });
  return { page, problemen };
}

describe.each([
  { javaScriptEnabled: true, uitleg: 'met JavaScript' },
  { javaScriptEnabled: false, uitleg: 'zonder JavaScript' },
])('published P&C chapter $uitleg', ({ javaScriptEnabled }) => {
  it('goes from the index to the chapter, follows a footnote there and back, switches to English, all axe-clean', async () => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await pagina(context);
    // axe needs JavaScript; these pages have none, so it runs on the same address in a page that allows it.
    const axe = javaScriptEnabled ? page : await (await browser.newContext()).newPage();
    const controleer = async () => {
      expect(await page.locator('script').count()).toBe(0);
      if (axe !== page) await axe.goto(page.url());
      await expectAccessible(axe);
    };

    await page.goto(`${server.url}/diemen/jaarstukken`);
    expect(await page.locator('h1').innerText()).toBe('Jaarstukken');
    await controleer();
    await page.getByRole('link', { name: 'Samen besturen' }).click();
    await page.waitForURL(`${server.url}/diemen/jaarstukken/2023/samen-besturen`);
    expect(await page.title()).toBe('Samen besturen - Jaarstukken 2023 - Gemeente Diemen');
    await controleer();

    const prestatie = page.getByRole('table', { name: 'Prestatie-indicatoren' });
    await expect.poll(() => prestatie.getByRole('rowheader', { name: /Apparaatskosten per inwoner/ }).count()).toBe(1);
    const rij = prestatie.getByRole('row', { name: /Apparaatskosten per inwoner/ });
    expect(await rij.getByRole('cell').last().innerText()).toBe('▲ Bijna gehaald');
    expect(await page.getByRole('img', { name: 'Lasten en baten' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Voetnoot 31' }).first().click();
    await page.waitForURL(/#vn-31$/);
    await page.getByRole('link', { name: 'Terug naar verwijzing 2 van voetnoot 31' }).click();
    await page.waitForURL(/#vnr-31-2$/);

    await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${server.url}/diemen/en/jaarstukken/2023/samen-besturen`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('table', { name: 'Performance indicators' }).count()).toBe(1);
    await controleer();

    const pdf = await page.request.get(`${server.url}/diemen/en/jaarstukken/2023/samen-besturen.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(problemen).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('published P&C chapter with further finance tables', () => {
  it('shows the further table, investeringen and overhevelingen as named tables, axe-clean in both languages', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/diemen/begroting/2026/bereikbaarheid-en-mobiliteit`);
    expect(await page.getByRole('table', { name: 'Reserve Mobiliteitsfonds (bedragen × € 1.000)' }).getByRole('rowheader').allInnerTexts()).toContain('Saldo mutaties');
    expect(await page.getByRole('table', { name: 'Investeringen (bedragen × € 1.000)' }).getByRole('rowheader').first().innerText()).toBe('Herinrichting Weesperstraat');
    await expectAccessible(page);
    await page.goto(`${server.url}/diemen/en/jaarstukken/2024/economie-en-cultuur`);
    expect(await page.getByRole('table', { name: 'Proposed carry-overs (amounts × € 1,000)' }).getByRole('rowheader').allInnerTexts()).toEqual(['Evenementenbeleid', 'Onderzoek nieuwe bibliotheekvestiging Holland Park']);
    await expectAccessible(page);
    await context.close();
  });
});
