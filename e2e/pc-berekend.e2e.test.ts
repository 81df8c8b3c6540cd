import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Klok } from '../src/klok.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import { expectAccessible, logInInApp, startBrowser, startLoketServer, type LoketServer, verwachtMedewerkersApp } from './support.ts';

/**
 * P&C indicators filled from operations in the staff app (ADR 0079): the adviser links 2.2.1 of
 * the jaarstukken 2023 to the KPI "E-mail binnen 5 werkdagen afgehandeld" and accepts the value
 * the register computes from three e-mail zaken of 2023 (two answered within 5 werkdagen: 66,7%).
 */
let server: LoketServer;
let browser: Browser;
let versieId: string;
const GEMEENTE = 'GM0384';

/** The real time, moved back while the zaken of 2023 are made. */
let verschuiving = 0;
const klok: Klok = { nu: () => new Date(Date.now() + verschuiving) };
const op = (moment: string) => {
  verschuiving = new Date(moment).getTime() - Date.now();
};

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer({}, { klok });
  const { zaken, zaaktypen, pc } = server.loket.services;
  const beheerder = DEMO_GEBRUIKERS.find((g) => g.email === 'beheerder@duoplus.demo');
  const admin = { context: cliContext(), gebruiker: (await server.loket.services.gebruikers.opEmail(GEMEENTE, 'beheerder@duoplus.demo')).id, naam: beheerder?.naam ?? '', rollen: beheerder?.rollen[GEMEENTE] ?? [] };
  const emailvraag = (await zaaktypen.lijst(GEMEENTE, { alleVersies: false, status: 'gepubliceerd' }, 0, 100)).rows.find((z) => z.code === 'e-mailvraag')?.id ?? '';
  for (const [ontvangen, afgesloten] of [
    ['2023-03-01', '2023-03-06'],
    ['2023-06-01', '2023-06-12'],
    ['2023-12-28', '2024-01-02'],
  ] as const) {
    op(`${ontvangen}T10:00:00Z`);
    const { zaak } = await zaken.registreer(admin, GEMEENTE, { zaaktype: emailvraag, kanaal: 'e-mail', ontvangstdatum: ontvangen, onderwerp: `Vraag ${ontvangen}` });
    op(`${afgesloten}T14:00:00Z`);
    const d = await zaken.detail(admin, GEMEENTE, zaak.id, { loggen: false });
    await zaken.sluitAf(admin, GEMEENTE, zaak.id, d.versie, { resultaattype: d.zaaktypeVersie.resultaattypen[0]?.id ?? '' });
  }
  verschuiving = 0;
  // A new concept version of the published jaarstukken 2023 (version 1, vastgesteld).
  const document = (await pc.documenten(GEMEENTE, { soort: 'jaarstukken', jaar: 2023 }))[0];
  versieId = (await pc.nieuweVersie(cliContext(), GEMEENTE, document?.versies[0]?.id ?? '', { naam: 'Jaarrekening bijgewerkt' })).id;
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const sectie = (page: Page, naam: string): Locator => page.getByRole('region', { name: naam, exact: true });

describe('P&C indicator computed from a KPI, in the staff app', () => {
  it('a pc-adviseur links 2.2.1 to the KPI, sees the computed value beside the typed one and accepts it into the concept', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await logInInApp(page, server, 'pc@diemen.demo', `/${GEMEENTE}/planning-control/${versieId}/samen-besturen/indicatoren/7`);
    const kop = page.getByRole('heading', { level: 1 });
    await expect.poll(() => kop.innerText()).toContain('2.2.1');
    const berekend = sectie(page, 'Berekend uit Loket');
    await expect.poll(() => berekend.innerText()).toContain('Deze indicator is niet aan een KPI gekoppeld');
    await expectAccessible(page);

    await berekend.getByLabel('Berekend uit de KPI').selectOption('email-binnen-5-werkdagen');
    await berekend.getByRole('button', { name: 'Koppeling opslaan' }).click();
    const tabel = berekend.getByRole('table', { name: 'Getypte en berekende waarden van indicator 2.2.1' });
    await expect.poll(() => tabel.innerText()).toContain('66,7% – 2 van 3');
    const rij2023 = tabel.getByRole('row', { name: /Realisatie 2023/ });
    expect(await rij2023.innerText()).toContain('NB');
    // 2022 has no e-mails: not known, with the reason, and nothing to accept.
    const rij2022 = tabel.getByRole('row', { name: /Realisatie 2022/ });
    expect(await rij2022.innerText()).toContain('Niet bekend');
    expect(await rij2022.getByRole('button').count()).toBe(0);
    await expectAccessible(page);

    await rij2023.getByRole('button', { name: 'Overnemen in Realisatie 2023' }).click();
    await expect.poll(() => berekend.getByRole('status').allInnerTexts()).toContain('De berekende waarde van Realisatie 2023 is overgenomen.');
    await expect.poll(() => rij2023.innerText()).toContain('Overgenomen');
    expect(await rij2023.innerText()).toContain('66,7%');
    await expectAccessible(page);

    // Stored in the concept, with its source; the published version is as printed.
    const p = await server.loket.services.pc.programma(GEMEENTE, versieId, 'samen-besturen');
    expect(p.hoofdstuk.indicatoren[6]?.waarden.find((w) => w.kolom === 'Realisatie 2023')).toMatchObject({ tekst: '66,7%', berekend: { kpi: 'email-binnen-5-werkdagen', aantallen: { teller: 2, noemer: 3 } } });
    await context.close();
  });
});
