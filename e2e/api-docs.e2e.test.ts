import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startBrowser, startLoketServer, type LoketServer } from './support.ts';

let server: LoketServer;
let browser: Browser;
beforeAll(async () => {
  server = await startLoketServer();
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('API-documentatie', () => {
  it('is an accessible page that needs no JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(`${server.url}/api-docs`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain('Loket API');
    expect(await page.getByRole('heading', { name: 'POST /sessie', exact: true }).count()).toBe(1);
    await context.close();
    // axe itself runs as JavaScript, so it checks the same page in a normal context.
    const metJs = await browser.newContext();
    const tweede = await metJs.newPage();
    await tweede.goto(`${server.url}/api-docs`);
    await expectAccessible(tweede);
    await metJs.close();
  });
});
