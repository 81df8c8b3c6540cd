import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { DEMO_GEMEENTEN } from '../src/modules/demo/demo.data.ts';
import { gemeentenRepository } from '../src/modules/gemeenten/gemeenten.repository.ts';
import { createLoket, type Loket } from '../src/server.ts';
import { testDatabase } from '../test/database.ts';
import { expectAccessible, nieuwePagina, startBrowser } from './support.ts';

let loket: Loket;
let sluitDatabase: () => Promise<void>;
let basis: string;
let browser: Browser;

beforeAll(async () => {
  const database = await testDatabase();
  sluitDatabase = database.close;
  for (const g of DEMO_GEMEENTEN) await gemeentenRepository(database.db).bewaar(g);
  loket = await createLoket({ config: loadConfig({ PUBLIC_URL: 'http://127.0.0.1' }), database, logger: false });
  basis = await loket.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
  await loket?.close();
  await sluitDatabase?.();
});

/**
 * Checks where we are, in which language, and runs axe. axe cannot run in a page without
 * JavaScript; these pages have no script at all (checked here), so their DOM is the same with
 * JavaScript on, and axe runs on the same address in a page that allows it.
 */
async function isOpPagina(page: Page, pad: string, taal: 'nl' | 'en', h1: string, axePagina?: Page): Promise<void> {
  await page.waitForURL(basis + pad);
  expect(await page.locator('html').getAttribute('lang')).toBe(taal);
  expect(await page.locator('h1').allInnerTexts()).toEqual([h1]);
  expect(await page.locator('script').count()).toBe(0);
  if (axePagina) await axePagina.goto(page.url());
  await expectAccessible(axePagina ?? page);
}

/** Without JavaScript: a JavaScript-enabled page to run axe on the same addresses. */
async function axePaginaVoor(javaScriptEnabled: boolean): Promise<Page | undefined> {
  return javaScriptEnabled ? undefined : (await browser.newContext()).newPage();
}

const taalknop = (page: Page, naam: 'English' | 'Nederlands') =>
  page.getByRole('navigation', { name: naam === 'English' ? 'Taal' : 'Language' }).getByRole('link', { name: naam });

describe.each([
  { javaScriptEnabled: true, uitleg: 'met JavaScript' },
  { javaScriptEnabled: false, uitleg: 'zonder JavaScript' },
])('resident portal $uitleg', ({ javaScriptEnabled }) => {
  it('picks a gemeente, switches language and stays on the same page', async () => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    const axe = await axePaginaVoor(javaScriptEnabled);
    const isOp = (pad: string, taal: 'nl' | 'en', h1: string) => isOpPagina(page, pad, taal, h1, axe);

    await page.goto(`${basis}/`);
    await isOp('/', 'nl', 'Kies uw gemeente');

    await page.getByRole('link', { name: 'Gemeente Diemen' }).click();
    await isOp('/diemen/', 'nl', 'Welkom bij gemeente Diemen');
    // The theme applies: Diemen's green header.
    expect(await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 112, 74)');

    const english = taalknop(page, 'English');
    expect(await english.getAttribute('lang')).toBe('en');
    expect(await english.getAttribute('hreflang')).toBe('en');
    await english.click();
    await isOp('/diemen/en/', 'en', 'Welcome to the municipality of Diemen');

    await page.getByRole('link', { name: 'Privacy statement: what do we do with your data?' }).click();
    await isOp('/diemen/en/privacy', 'en', 'Privacy statement');

    await taalknop(page, 'Nederlands').click();
    await isOp('/diemen/privacy', 'nl', 'Privacyverklaring');

    await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheidsverklaring' }).click();
    await isOp('/diemen/toegankelijkheid', 'nl', 'Toegankelijkheidsverklaring');

    await taalknop(page, 'English').click();
    await isOp('/diemen/en/accessibility', 'en', 'Accessibility statement');

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Municipality of Diemen' }).click();
    await isOp('/diemen/en/', 'en', 'Welcome to the municipality of Diemen');

    expect(problemen).toEqual([]);
    await context.close();
    await axe?.context().close();
  });

  it('shows every gemeente in its own accessible theme, a 404 page for a wrong address and a 400 page for a refused character', async () => {
    const context = await browser.newContext({ javaScriptEnabled });
    const { page, problemen } = await nieuwePagina(context);
    const axe = await axePaginaVoor(javaScriptEnabled);
    const isOp = (pad: string, taal: 'nl' | 'en', h1: string) => isOpPagina(page, pad, taal, h1, axe);
    for (const [pad, taal, h1] of [
      ['/ouder-amstel/', 'nl', 'Welkom bij gemeente Ouder-Amstel'],
      ['/uithoorn/en/', 'en', 'Welcome to the municipality of Uithoorn'],
      ['/en/', 'en', 'Choose your municipality'],
    ] as const) {
      await page.goto(basis + pad);
      await isOp(pad, taal, h1);
    }
    const antwoord = await page.goto(`${basis}/uithoorn/en/does-not-exist`);
    expect(antwoord?.status()).toBe(404);
    await isOp('/uithoorn/en/does-not-exist', 'en', 'This page does not exist');
    await page.getByRole('link', { name: 'Go to the home page of the municipality of Uithoorn' }).click();
    await isOp('/uithoorn/en/', 'en', 'Welcome to the municipality of Uithoorn');

    expect((await page.goto(`${basis}/bestaat-niet/`))?.status()).toBe(404);
    await isOp('/bestaat-niet/', 'nl', 'Deze pagina bestaat niet');
    // An address with a character Loket refuses (ADR 0020): 400, in the gemeente's theme and language.
    expect((await page.goto(`${basis}/uithoorn/en/zaken/%00`))?.status()).toBe(400);
    await isOp('/uithoorn/en/zaken/%00', 'en', 'We cannot read this');
    expect((await page.goto(`${basis}/diemen/%00`))?.status()).toBe(400);
    await isOp('/diemen/%00', 'nl', 'Dit kunnen wij niet lezen');
    expect(problemen).toEqual([]);
    await context.close();
    await axe?.context().close();
  });
});

describe('keyboard', () => {
  it('reaches the skip link first, and it moves focus to the main content', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${basis}/ouder-amstel/privacy`);
    await page.keyboard.press('Tab');
    const skiplink = page.getByRole('link', { name: 'Naar de inhoud' });
    await expect.poll(() => skiplink.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skiplink.isVisible()).toBe(true);
    const box = await skiplink.boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    await context.close();
  });
});
