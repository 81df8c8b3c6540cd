import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { demoGebruiker } from '../test/demo.ts';
import { kalenderdag } from '../src/modules/termijnen/kalender.ts';
import type { Wie } from '../src/modules/zaken/zaken.service.ts';
import { expectAccessible, logInInApp, nieuwePagina, startBrowser, startLoketServer, type LoketServer, verwachtMedewerkersApp } from './support.ts';

// From a number to the zaken behind it (ADR 0082): on the KCC dashboard Diemen's teamleider clicks
// today's noemer of "E-mail binnen 5 werkdagen", sees the zaken it counts (a confidential one of
// the KCC team counted but not listed), downloads them as CSV, and downloads the trend as CSV.
let server: LoketServer;
let browser: Browser;
const G = 'GM0384';
let zichtbaar: string;
let vertrouwelijk: string;

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer();
  const zaken = server.loket.services.zaken;
  const { id } = await server.loket.services.gebruikers.opEmail(G, 'beheerder@duoplus.demo');
  const bea: Wie = { context: cliContext(), gebruiker: id, naam: 'Bea de Beheerder', rollen: demoGebruiker('beheerder@duoplus.demo').rollen[G] ?? [] };
  const vandaag = kalenderdag(new Date());
  const maak = async (onderwerp: string, vertrouwelijkheid?: 'vertrouwelijk') => {
    const { zaak } = await zaken.registreer(bea, G, { zaaktype: 'e-mailvraag', kanaal: 'e-mail', ontvangstdatum: vandaag, onderwerp, ...(vertrouwelijkheid ? { vertrouwelijkheid } : {}) });
    const d = await zaken.detail(bea, G, zaak.id, { loggen: false });
    await zaken.sluitAf(bea, G, zaak.id, d.versie, { resultaattype: d.zaaktypeVersie.resultaattypen[0]?.id ?? '' });
    return zaak.identificatie;
  };
  zichtbaar = await maak('Vraag over de afvalkalender');
  vertrouwelijk = await maak('Vraag over een persoonlijke situatie', 'vertrouwelijk');
  browser = await startBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('drill-down from a KPI value', () => {
  it('opens the zaken behind today’s noemer, hides the confidential one, and downloads the list and the trend as CSV', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'teamleider@diemen.demo', `/${G}/kcc-dashboard`);
    await page.getByRole('heading', { level: 1, name: 'KCC-dashboard' }).waitFor();
    await page.getByLabel('Trend per').selectOption('dag');
    await page.getByRole('button', { name: 'Tonen' }).click();
    const email = page.getByRole('region', { name: 'E-mail binnen 5 werkdagen afgehandeld' });
    const tabel = email.getByRole('table', { name: 'E-mail binnen 5 werkdagen afgehandeld per periode' });
    await expect.poll(() => tabel.getByRole('row').count()).toBe(15);
    const vandaag = kalenderdag(new Date());
    const noemer = tabel.getByRole('link', { name: new RegExp(`^\\d+: zaken in de noemer, ${vandaag}$`) });
    await expect.poll(() => noemer.count()).toBe(1);
    const aantal = Number(await noemer.innerText());
    expect(aantal).toBeGreaterThanOrEqual(2);

    // The trend's data as CSV, beside its table.
    const [trend] = await Promise.all([page.waitForEvent('download'), email.getByRole('button', { name: 'Download de trend als CSV: E-mail binnen 5 werkdagen afgehandeld' }).click()]);
    const trendCsv = readFileSync(await trend.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(trendCsv[0]).toBe('kpi;versie;gemeente;periodeVan;periodeTot;voorlopig;waarde;eenheid;teller;noemer;status;reden;inBehandeling;normGehaald;norm');
    expect(trendCsv.find((r) => r.includes(`;${vandaag};${vandaag};`))?.split(';')[9]).toBe(String(aantal));

    // Keyboard: the number is a link like any other.
    await noemer.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Zaken in de noemer: E-mail binnen 5 werkdagen afgehandeld' }).waitFor();
    await expect.poll(() => page.getByText(`De waarde telt ${aantal} zaken.`).count()).toBe(1);
    const lijst = page.getByRole('table', { name: `E-mail binnen 5 werkdagen afgehandeld: zaken in de noemer, ${vandaag}` });
    await expect.poll(() => lijst.getByRole('link', { name: zichtbaar }).count()).toBe(1);
    expect(await lijst.getByRole('link', { name: vertrouwelijk }).count()).toBe(0);
    expect(await page.getByText(/daarvan (is|zijn) vertrouwelijk/).count()).toBe(1);
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download de zaken als CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`email-binnen-5-werkdagen-${vandaag}-${vandaag}-noemer.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('kpi;periodeVan;periodeTot;deel;zaak;zaaktype;onderwerp;datum;teller;waarde;ontvangstdatum;afgeslotenOp;uiterlijkeEinddatum;opgeschort;team');
    expect(csv).toContain(`;${zichtbaar};e-mailvraag;Vraag over de afvalkalender;${vandaag};ja;`);
    expect(csv).not.toContain(vertrouwelijk);
    expect(problemen).toEqual([]);
    await context.close();
  }, 180_000);
});
