import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { expectAccessible, logInInApp, nieuwePagina, startBrowser, startLoketServer, type LoketServer, verwachtMedewerkersApp } from './support.ts';

// Page feedback on the gemeente's website (ADR 0039): a page of "www.uithoorn.nl" with the embed
// snippet of docs/paginafeedback.md and a strict CSP, without and with JavaScript, and the
// webredacteur handling the remark in the staff app. The browser reaches the website and Loket
// over https through Playwright's routing: https://www.uithoorn.nl is served by the test,
// https://loket.test is forwarded to the Loket server (redirects are left to the browser).
let server: LoketServer;
let browser: Browser;
/** The Location of every 303 Loket gave through the routing. */
const doorverwezen: string[] = [];
const SITE = 'https://www.uithoorn.nl';
const LOKET = 'https://loket.test';

const websitePagina = (pad: string) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Grofvuil | Gemeente Uithoorn</title>
<link rel="stylesheet" href="${SITE}/site.css"></head>
<body><main><h1>Grofvuil</h1><p>Grofvuil laat u ophalen op afspraak.</p>
<form class="loket-feedback" data-loket-feedback method="post" action="${LOKET}/uithoorn/paginafeedback">
  <input type="hidden" name="pagina" value="${SITE}${pad}">
  <input type="hidden" name="terug" value="${SITE}${pad}">
  <fieldset><legend>Heeft u gevonden wat u zocht?</legend>
    <label><input type="radio" name="gevonden" value="ja" required> Ja</label>
    <label><input type="radio" name="gevonden" value="nee"> Nee</label>
  </fieldset>
  <details><summary>Vertel ons meer (niet verplicht)</summary>
    <fieldset><legend>Kon u de informatie makkelijk vinden?</legend>
      ${[1, 2, 3, 4, 5].map((n) => `<label><input type="radio" name="vindbaarheid" value="${n}"> ${n}</label>`).join('')}
    </fieldset>
    <label for="feedback-tekst">Wat kunnen we beter maken?</label>
    <p id="feedback-tekst-hint">Schrijf geen persoonlijke gegevens op.</p>
    <textarea id="feedback-tekst" name="tekst" maxlength="2000" rows="4" aria-describedby="feedback-tekst-hint"></textarea>
  </details>
  <div class="loket-feedback-val" aria-hidden="true"><label for="feedback-website">Laat dit veld leeg</label><input id="feedback-website" name="website" tabindex="-1" autocomplete="off"></div>
  <button type="submit">Versturen</button>
</form>
<p id="feedback-bedankt" class="loket-feedback-melding" hidden>Bedankt voor uw reactie.</p>
<p id="feedback-fout" class="loket-feedback-melding" hidden>Uw reactie is niet verstuurd.</p>
<script src="${LOKET}/static/paginafeedback.js" defer></script>
</main></body></html>`;

/** A context whose https://www.uithoorn.nl is the test's website and https://loket.test the Loket server. */
async function websiteContext(javaScriptEnabled: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled });
  await context.route(`${SITE}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/site.css') {
      await route.fulfill({ contentType: 'text/css', body: '.loket-feedback-val{position:absolute;left:-10000px}.loket-feedback-melding:target{display:block}' });
      return;
    }
    await route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': `default-src 'self'; script-src ${LOKET}; connect-src ${LOKET}; form-action 'self' ${LOKET}; style-src 'self'` },
      body: websitePagina(url.pathname),
    });
  });
  await context.route(`${LOKET}/**`, async (route) => {
    const url = new URL(route.request().url());
    // Forwarded with Node's fetch (the request's method, body, Origin and Accept), redirects left to the browser.
    const verzoek = route.request();
    const kop = await verzoek.allHeaders();
    const doorgestuurd: Record<string, string> = {};
    for (const naam of ['origin', 'accept', 'content-type']) if (kop[naam]) doorgestuurd[naam] = kop[naam];
    const antwoord = await fetch(`${server.url}${url.pathname}${url.search}`, { method: verzoek.method(), headers: doorgestuurd, body: verzoek.postData() ?? undefined, redirect: 'manual' });
    const headers: Record<string, string> = {};
    antwoord.headers.forEach((waarde, naam) => (headers[naam] = waarde));
    if (antwoord.status === 303 && headers.location) doorverwezen.push(headers.location);
    await route.fulfill({ status: antwoord.status, headers, body: Buffer.from(await antwoord.arrayBuffer()) });
  });
  return context;
}

function logInAlsRedacteur(page: Page, naar: string): Promise<void> {
  return logInInApp(page, server, 'redacteur@uithoorn.demo', naar);
}

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer();
  browser = await startBrowser();
  await server.loket.services.paginafeedback.zetInstellingen(cliContext(), 'GM0451', { domeinen: ['uithoorn.nl'], routes: [] });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// The tests run in order (the e2e project does not shuffle): the webredacteur handles the remark of the second.
describe('paginafeedback op de website van de gemeente', () => {
  it('without JavaScript the form posts and the visitor is back on the page with the thanks', async () => {
    const context = await websiteContext(false);
    const { page, problemen } = await nieuwePagina(context);
    await page.goto(`${SITE}/afval/grofvuil`);
    await page.getByRole('radio', { name: 'Nee' }).check();
    await page.getByText('Vertel ons meer').click();
    await page.getByRole('radio', { name: '2' }).check();
    await page.getByLabel('Wat kunnen we beter maken?').fill('Ik kon de kosten niet vinden. Bel me op 06-12345678.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    // Loket answers 303 back to the page (form-action must allow the website itself for that redirect).
    // Playwright does not route the browser's follow of a fulfilled redirect (it would go to the real
    // www.uithoorn.nl), so the test opens the address Loket sent the browser to in a tab of its own.
    await expect.poll(() => doorverwezen).toEqual([`${SITE}/afval/grofvuil#feedback-bedankt`]);
    const terug = await context.newPage();
    await terug.goto(doorverwezen[0] as string);
    expect(await terug.getByText('Bedankt voor uw reactie.').isVisible()).toBe(true);
    expect(await terug.getByText('Uw reactie is niet verstuurd.').isVisible()).toBe(false);
    expect(problemen.filter((p) => p !== `mislukt: ${SITE}/afval/grofvuil`)).toEqual([]);
    const { rows } = await server.loket.services.paginafeedback.lijst('GM0451', { pagina: `${SITE}/afval/grofvuil` }, 0, 10);
    expect(rows).toEqual([expect.objectContaining({ gevonden: false, vindbaarheid: 2, tekst: 'Ik kon de kosten niet vinden. Bel me op [telefoonnummer].', metJavascript: false })]);
    await context.close();
  });

  it('with JavaScript the script sends it in place, under the website’s strict CSP', async () => {
    const context = await websiteContext(true);
    const { page, problemen } = await nieuwePagina(context);
    await page.goto(`${SITE}/afval/kca`);
    await page.getByRole('radio', { name: 'Nee' }).check();
    // "Nee" opens the questions about the page.
    await expect.poll(() => page.locator('details').getAttribute('open')).toBe('');
    await page.getByLabel('Wat kunnen we beter maken?').fill('Welke batterijen mogen erin?');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect.poll(() => page.getByText('Bedankt voor uw reactie.').isVisible()).toBe(true);
    expect(page.url()).toBe(`${SITE}/afval/kca`);
    expect(await page.locator('form').isVisible()).toBe(false);
    expect(problemen).toEqual([]);
    const { rows } = await server.loket.services.paginafeedback.lijst('GM0451', { pagina: `${SITE}/afval/kca` }, 0, 10);
    expect(rows).toEqual([expect.objectContaining({ gevonden: false, tekst: 'Welke batterijen mogen erin?', metJavascript: true })]);
    await context.close();
  });

  it('the webredacteur sees the page at the top and handles the remark', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logInAlsRedacteur(page, '/GM0451/paginafeedback');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Paginafeedback');
    const paginas = page.getByRole('table', { name: 'Pagina\'s, het grootste aandeel "nee" eerst' });
    await expect.poll(() => paginas.innerText()).toContain(`${SITE}/afval/`);
    await expectAccessible(page);
    const open = page.getByRole('table', { name: 'Reacties die nog niet zijn afgehandeld, nieuwste eerst' });
    await expect.poll(() => open.innerText()).toContain('Welke batterijen mogen erin?');
    await open.getByRole('row', { name: /Welke batterijen/ }).getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Reactie op een pagina');
    await expectAccessible(page);
    await page.getByLabel('Wat heeft u gedaan?').selectOption('aangevuld');
    await page.getByLabel('Notitie').fill('Lijst met batterijen toegevoegd.');
    await page.getByRole('button', { name: 'Afhandelen' }).click();
    await page.waitForURL(`${server.url}/medewerkers/GM0451/paginafeedback`);
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('De reactie is afgehandeld.');
    await expect.poll(() => open.innerText()).not.toContain('Welke batterijen mogen erin?');
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  });
});
