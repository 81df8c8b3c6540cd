import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { TOTP } from 'otpauth';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import type { Klok } from '../src/klok.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import { createLoket, type Loket } from '../src/server.ts';
import { testDatabase } from '../test/database.ts';

/** Launches Debian's Chromium headless (no browser download). */
export async function startBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Runs axe (WCAG 2.1 A and AA) on the page and expects zero violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/**
 * The resident uses a browser without JavaScript; axe cannot run there, so every step is done
 * the same way in a second, JavaScript-enabled page (the pages have no scripts: same DOM) and axe
 * runs on that one, in every state.
 */
export async function tweePaginas(browser: Browser) {
  const zonder = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  const met = await (await browser.newContext()).newPage();
  const beide = async (stap: (page: Page) => Promise<unknown>) => {
    await stap(zonder);
    await stap(met);
    // The melding pages' service-worker registration (ADR 0075) is the one script allowed: it does not change the DOM.
    expect(await zonder.locator('script:not([data-sw])').count()).toBe(0);
    await expectAccessible(met);
  };
  return { zonder, met, beide, sluit: async () => Promise.all([zonder.context().close(), met.context().close()]) };
}

export interface LoketServer {
  url: string;
  loket: Loket;
  database: Database;
  stop(): Promise<void>;
}

/** A full Loket on a fresh in-memory PGlite with the demo data, listening on a free port of 127.0.0.1. */
export async function startLoketServer(env: Record<string, string> = {}, opties: { klok?: Klok; port?: number } = {}): Promise<LoketServer> {
  const database = await testDatabase();
  const config = loadConfig({ LOKET_RATE_LIMIT: '100000', LOKET_RATE_LIMIT_AANMELDEN: '100000', ...env });
  const loket = await createLoket({ config, database, logger: false, klok: opties.klok });
  await loket.services.demo.laad(cliContext());
  await loket.app.listen({ port: opties.port ?? 0, host: '127.0.0.1' });
  const address = loket.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    loket,
    database,
    stop: async () => {
      await loket.close();
      await database.close();
    },
  };
}

/** A page that records script errors, CSP reports, requests that did not complete and stylesheets or fonts that failed. */
export async function nieuwePagina(context: BrowserContext): Promise<{ page: Page; problemen: string[] }> {
  const page = await context.newPage();
  const problemen: string[] = [];
  page.on('console', (bericht) => {
    if (bericht.text().includes('Content Security Policy')) problemen.push(bericht.text());
  });
  page.on('pageerror', (fout) => problemen.push(`scriptfout: ${fout.message}`));
  page.on('requestfailed', (verzoek) => problemen.push(`mislukt: ${verzoek.url()}`));
  page.on('response', (antwoord) => {
    const soort = antwoord.request().resourceType();
    if ((soort === 'stylesheet' || soort === 'font') && antwoord.status() >= 400) problemen.push(`${antwoord.status()}: ${antwoord.url()}`);
  });
  return { page, problemen };
}

/** The staff-app journeys need its build (`npm run build`, which `npm test` runs first). */
export function verwachtMedewerkersApp(): void {
  expect(existsSync(join(import.meta.dirname, '..', 'web', 'staff', 'dist', 'index.html')), 'bouw eerst de medewerkers-app: npm run build').toBe(true);
}

const gebruikteStappen = new Map<string, number>();
const totpStap = (): number => Math.floor(Date.now() / 30_000);

/**
 * A TOTP code at the real clock for a time step this test file has not used for this secret yet: the server refuses
 * a code (or an earlier one) twice, so a second login of the same user within 30 seconds waits for the next step.
 */
async function verseTotpCode(geheim: string): Promise<string> {
  const vorige = gebruikteStappen.get(geheim);
  if (vorige !== undefined && totpStap() <= vorige) await new Promise((klaar) => setTimeout(klaar, (vorige + 1) * 30_000 - Date.now() + 50));
  gebruikteStappen.set(geheim, totpStap());
  return new TOTP({ secret: geheim }).generate();
}

/** Logs a demo user into the staff app on the way to `naar` (password, then TOTP), and waits until it is there. */
export async function logInInApp(page: Page, server: LoketServer, email: string, naar: string): Promise<void> {
  const gebruiker = DEMO_GEBRUIKERS.find((g) => g.email === email);
  if (!gebruiker) throw new Error(`geen demo-gebruiker ${email}`);
  await page.goto(`${server.url}/medewerkers${naar}`);
  await page.waitForURL(/\/medewerkers\/inloggen\?terug=/);
  await page.getByLabel('E-mailadres').fill(gebruiker.email);
  await page.getByLabel('Wachtwoord').fill(gebruiker.wachtwoord);
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByLabel('Code', { exact: true }).fill(await verseTotpCode(gebruiker.totpGeheim));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${server.url}/medewerkers${naar}`);
}
