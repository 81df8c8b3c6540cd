import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { kalenderdag } from '../src/modules/termijnen/kalender.ts';
import { expectAccessible, logInInApp, nieuwePagina, startBrowser, startLoketServer, type LoketServer, verwachtMedewerkersApp } from './support.ts';

// The KCC dashboard and the KPI page of the staff app (ADR 0067): Diemen's teamleider sees today's
// telephony values from the rollup with their freshness, each chart with its table, the breakdown
// per wachtrij, and "niet bekend" with the reason where nothing can be computed; axe on both pages.
let server: LoketServer;
let browser: Browser;
const G = 'GM0384';

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer();
  // Today's calls (in Amsterdam): 3 answered within 30 s of 4 counted → 75 %; a 4 s abandon does not count.
  const vandaag = kalenderdag(new Date());
  const regels = [
    `e1,Algemeen,${vandaag} 09:00:00,30,beantwoord,60,`,
    `e2,Algemeen,${vandaag} 09:05:00,10,beantwoord,60,`,
    `e3,Burgerzaken,${vandaag} 09:10:00,5,beantwoord,60,`,
    `e4,Burgerzaken,${vandaag} 09:15:00,45,opgehangen,0,`,
    `e5,Burgerzaken,${vandaag} 09:20:00,4,opgehangen,0,`,
  ];
  const csv = ['gesprek_id,wachtrij,begin,wachttijd_s,afloop,gespreksduur_s,doorverbonden_naar', ...regels].join('\n');
  const uit = await server.loket.services.kccGesprekken.importeer(cliContext(), G, csv, { strikt: true });
  expect(uit.nieuw).toBe(5);
  for (const rollup of Object.values(server.loket.services.kccRollups)) await rollup.werkAf();
  browser = await startBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('KCC dashboard', () => {
  it('shows today per day with the rollup’s freshness, each chart with its table, the breakdown per wachtrij and "niet bekend" with the reason', async () => {
    const context = await browser.newContext();
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'teamleider@diemen.demo', `/${G}/kcc-dashboard`);
    await page.getByRole('heading', { level: 1, name: 'KCC-dashboard' }).waitFor();
    await page.getByLabel('Trend per').selectOption('dag');
    await page.getByRole('button', { name: 'Tonen' }).click();
    const binnen30s = page.getByRole('region', { name: '% binnenkomende gesprekken binnen 30 seconden beantwoord' });
    await expect.poll(() => binnen30s.getByText('Vandaag').count()).toBe(1);
    expect(await binnen30s.getByRole('paragraph').filter({ hasText: 'Vandaag' }).innerText()).toBe('Vandaag: 75% (3 van 4)');
    expect(await binnen30s.getByText('Uit de bijgehouden dagtotalen').count()).toBe(1);
    // The chart has its text alternative and the table beside it holds the same numbers.
    expect(await binnen30s.getByRole('img', { name: /Trend: % binnenkomende gesprekken/ }).count()).toBe(1);
    const tabel = binnen30s.getByRole('table', { name: '% binnenkomende gesprekken binnen 30 seconden beantwoord per periode' });
    expect(await tabel.getByRole('row').count()).toBe(15);
    expect(await tabel.getByRole('row').last().getByRole('cell').first().innerText()).toBe('75%');
    expect(await tabel.getByRole('row').nth(1).getByRole('cell').first().innerText()).toBe('niet bekend: Er zijn in deze periode geen gesprekken.');
    // Per wachtrij: Algemeen 2 of 2, Burgerzaken 1 of 2 (the 4 s abandon left out).
    const perWachtrij = binnen30s.getByRole('table', { name: /per wachtrij/ });
    expect(await perWachtrij.getByRole('row').nth(1).innerText()).toMatch(/Algemeen\s+100%\s+2\s+2/);
    expect(await perWachtrij.getByRole('row').nth(2).innerText()).toMatch(/Burgerzaken\s+50%\s+1\s+2/);
    // A measure without data says so, with the reason.
    const eerstelijns = page.getByRole('region', { name: 'Telefoonvragen meteen opgelost' });
    expect(await eerstelijns.getByText('niet bekend: Er zijn in deze periode geen telefonische klantcontacten vastgelegd.').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  }, 120_000);

  it('lists every registered KPI with its definition on the KPI page', async () => {
    const context = await browser.newContext();
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'pc@diemen.demo', `/${G}/kpis`);
    await page.getByRole('heading', { level: 1, name: "KPI's" }).waitFor();
    const codes = (await server.loket.services.kpi.definities()).map((d) => d.naam.nl);
    // The KPIs load after the page's heading: wait for their table of contents before counting.
    await expect.poll(() => page.getByRole('navigation', { name: "KPI's op deze pagina" }).getByRole('listitem').count()).toBe(codes.length);
    for (const naam of codes) expect(await page.getByRole('heading', { level: 2, name: naam, exact: true }).count(), naam).toBe(1);
    const email = page.getByRole('region', { name: 'E-mail binnen 5 werkdagen afgehandeld' });
    await email.getByRole('table').first().waitFor();
    expect(await email.getByText('E-mailvragen die uiterlijk op de 5e werkdag na ontvangst zijn afgesloten.').count()).toBe(1);
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  }, 180_000);
});
