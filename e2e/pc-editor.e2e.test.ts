import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import { begroting2024, jaarstukken2023 } from '../src/modules/planning-control/fixtures/hoofdstuk.fixture.ts';
import { expectAccessible, logInInApp, startBrowser, startLoketServer, type LoketServer, verwachtMedewerkersApp } from './support.ts';

let server: LoketServer;
let browser: Browser;
let versieId: string;

const GEMEENTE = 'GM0384';
const SLUG = 'samen-besturen';

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer();
  // The demo has the Jaarstukken 2023 as published (version 1, vastgesteld); the hand-built chapter comes in as version 2, a concept.
  versieId = (await server.loket.services.pc.importeer(cliContext(), GEMEENTE, [jaarstukken2023()])).id;
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const adviseur = DEMO_GEBRUIKERS.find((g) => g.email === 'pc@diemen.demo');

/** The view has this one h1 (also in the document title) and passes axe. */
async function isOp(page: Page, h1: string | RegExp): Promise<void> {
  const kop = page.getByRole('heading', { level: 1 });
  await expect.poll(() => kop.innerText()).toMatch(h1);
  expect(await page.locator('h1').count()).toBe(1);
  expect(await page.title()).toContain(await kop.innerText());
  await expectAccessible(page);
}

/** The section (region) with this h2. */
const sectie = (page: Page, naam: string): Locator => page.getByRole('region', { name: naam, exact: true });

/** The success message of a section, once it is there. */
async function gemeld(plek: Locator, tekst: string): Promise<void> {
  await expect.poll(() => plek.getByRole('status').allInnerTexts()).toContain(tekst);
}

describe('P&C editor in the staff app', () => {
  it('a pc-adviseur edits a value with a footnote, explains a deviation, offers and adopts the version, then amends and compares', async () => {
    if (!adviseur) throw new Error('demo-pc-adviseur ontbreekt');
    const pc = server.loket.services.pc;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problemen: string[] = [];
    page.on('pageerror', (fout) => problemen.push(`scriptfout: ${fout.message}`));
    page.on('console', (bericht) => {
      if (bericht.text().includes('Content Security Policy')) problemen.push(bericht.text());
    });

    // Log in; the navigation has the P&C section (and the knowledge base every staff member reads, ADR 0058).
    await logInInApp(page, server, adviseur.email, `/${GEMEENTE}/planning-control`);
    await isOp(page, 'Planning en control');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts()).toEqual(['Start', 'Kennisbank', 'Enquêtes', 'Inwonerspanel', "KCC-dashboard", "KPI's", 'Klantreizen', 'Planning en control']);

    // The published version 1 is read-only: the chapter has no fields but the name of a new version.
    const versies = page.getByRole('table', { name: 'Versies van Jaarstukken 2023' });
    expect(await versies.getByRole('row').nth(1).innerText()).toContain('vastgesteld door de raad');
    expect(await versies.getByRole('row').nth(2).innerText()).toContain('concept');
    await versies.getByRole('link', { name: 'versie 1, Zoals gepubliceerd' }).click();
    await isOp(page, 'Jaarstukken 2023: versie 1, Zoals gepubliceerd');
    expect(await sectie(page, 'Status').innerText()).toContain('De raad heeft deze versie vastgesteld. U kunt haar alleen nog lezen.');
    await page.getByRole('link', { name: 'Samen besturen' }).click();
    await isOp(page, 'Samen besturen');
    expect(await page.getByRole('heading', { name: 'Alleen lezen: deze versie is vastgesteld' }).count()).toBe(1);
    expect(await page.getByRole('textbox').count()).toBe(1);

    // Documents → version 2 → programme.
    await page.getByRole('link', { name: 'Planning en control' }).click();
    await isOp(page, 'Planning en control');
    await versies.getByRole('link', { name: 'versie 2, Import Samen besturen' }).click();
    await isOp(page, 'Jaarstukken 2023: versie 2, Import Samen besturen');
    await page.getByRole('link', { name: 'Samen besturen' }).click();
    await page.waitForURL(`${server.url}/medewerkers/${GEMEENTE}/planning-control/${versieId}/${SLUG}`);
    await isOp(page, 'Samen besturen');

    // Goals: an empty name is refused next to its field; a new subgoal is saved.
    const doelen = sectie(page, 'Doelen en subdoelen');
    await doelen.getByRole('button', { name: 'Subdoel toevoegen aan doel 2' }).click();
    await doelen.getByRole('button', { name: 'Doelen opslaan' }).click();
    await expect.poll(() => page.locator('#doelen-1-subdoelen-3-naam-fout').innerText()).toBe('Vul een naam in.');
    await expectAccessible(page);
    const nieuwSubdoel = doelen.getByRole('group', { name: 'Subdoel 2.4' });
    expect(await nieuwSubdoel.getByLabel('Code').inputValue()).toBe('2.4');
    await nieuwSubdoel.getByLabel('Subdoel').fill('Inwoners vinden hun weg op de website');
    await doelen.getByRole('button', { name: 'Doelen opslaan' }).click();
    await gemeld(doelen, 'De wijziging is opgeslagen.');
    expect((await pc.programma(GEMEENTE, versieId, SLUG)).hoofdstuk.doelen[1]?.subdoelen[3]).toEqual({ code: '2.4', naam: 'Inwoners vinden hun weg op de website' });

    // A new footnote for the chapter.
    const voetnoten = sectie(page, 'Voetnoten');
    await voetnoten.getByRole('button', { name: 'Voetnoot 32 toevoegen' }).click();
    await voetnoten.getByLabel('Voetnoot 32').fill('Herberekend na de jaarafsluiting.');
    await voetnoten.getByRole('button', { name: 'Voetnoten opslaan' }).click();
    await gemeld(voetnoten, 'De wijziging is opgeslagen.');

    // The indicator: its direction and a value that refers to the new footnote.
    await sectie(page, 'Indicatoren').getByRole('link', { name: 'Apparaatskosten per inwoner' }).click();
    await isOp(page, /^Indicator A\d+: Apparaatskosten per inwoner$/);
    const indicator = sectie(page, 'Indicator en waarden');
    const realisatie = indicator.getByRole('group', { name: 'Realisatie 2023' });
    expect(await realisatie.getByLabel('Getal').inputValue()).toBe('979');
    await realisatie.getByLabel('Getal').fill('negen');
    await realisatie.getByLabel('Voetnoten').fill('32');
    await indicator.getByRole('button', { name: 'Indicator opslaan' }).click();
    // An error is shown in the summary and next to the field.
    await expect.poll(() => indicator.getByRole('alert').innerText()).toContain('Vul bij Realisatie 2023 een getal in');
    expect(await realisatie.getByLabel('Getal').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await realisatie.getByLabel('Getal').fill('985');
    await realisatie.getByLabel('Waarde zoals in het document').fill('€ 985');
    await indicator.getByLabel('Wat is beter?').selectOption('lager');
    await indicator.getByLabel('Bron').fill('Eigen administratie');

    // Someone else changes the chapter first: the save answers 412 and offers the newest version.
    const nu = await pc.programma(GEMEENTE, versieId, SLUG);
    await pc.wijzigIndicator(cliContext(), GEMEENTE, versieId, SLUG, '8', nu.etag, { peildatum: '2023-12-31' });
    await indicator.getByRole('button', { name: 'Indicator opslaan' }).click();
    await expect.poll(() => indicator.getByRole('alert').innerText()).toContain('Iemand anders heeft dit net gewijzigd');
    await indicator.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect.poll(() => indicator.getByLabel('Peildatum').inputValue()).toBe('2023-12-31');
    expect(await realisatie.getByLabel('Getal').inputValue()).toBe('979');
    await realisatie.getByLabel('Getal').fill('985');
    await realisatie.getByLabel('Waarde zoals in het document').fill('€ 985');
    await realisatie.getByLabel('Voetnoten').fill('32');
    await indicator.getByLabel('Wat is beter?').selectOption('lager');
    await indicator.getByRole('button', { name: 'Indicator opslaan' }).click();
    await gemeld(indicator, 'De wijziging is opgeslagen.');
    await expectAccessible(page);
    const opgeslagen = await pc.programma(GEMEENTE, versieId, SLUG);
    expect(opgeslagen.hoofdstuk.indicatoren[7]?.waarden[2]).toMatchObject({ tekst: '€ 985', getal: 985, eenheid: '€', voetnoten: [32] });
    expect(opgeslagen.hoofdstuk.indicatoren[7]?.aanvulling).toMatchObject({ richting: 'lager', peildatum: '2023-12-31' });

    // Back on the chapter, the table shows the value with its footnote.
    await page.getByRole('link', { name: 'Terug naar het programma Samen besturen' }).click();
    await isOp(page, 'Samen besturen');
    const rij = sectie(page, 'Indicatoren').getByRole('row').filter({ hasText: 'Apparaatskosten per inwoner' });
    expect(await rij.innerText()).toContain('Realisatie 2023: € 985 (voetnoot 32)');

    // Deviations: default thresholds, rows without an explanation stand out; other thresholds; an explanation resolves one.
    await page.getByRole('link', { name: 'Afwijkingen van de begroting bekijken' }).click();
    await isOp(page, 'Afwijkingen: Samen besturen');
    expect(await page.getByLabel('Drempel in euro').inputValue()).toBe('100000');
    expect(await page.getByLabel('Drempel in procent').inputValue()).toBe('10');
    const tabel = page.getByRole('table', { name: /Afwijkingen van minstens € 100\.000 of 10%/ });
    await expect.poll(() => tabel.getByRole('row').count()).toBe(1 + 9);
    const lasten = tabel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Structurele lasten', exact: true }) });
    expect(await lasten.innerText()).toContain('Geen toelichting');
    expect(await lasten.getAttribute('class')).toContain('loket-onverklaard');
    expect(await page.getByRole('main').innerText()).toContain('9 afwijkingen, waarvan 9 zonder toelichting.');

    await page.getByLabel('Drempel in euro').fill('veel');
    await page.getByRole('button', { name: 'Afwijkingen tonen' }).click();
    await expect.poll(() => page.locator('#drempelBedrag-fout').innerText()).toBe('Vul een bedrag in euro in, bijvoorbeeld 100000.');
    await expectAccessible(page);
    await page.getByLabel('Drempel in euro').fill('500.000');
    await page.getByLabel('Drempel in procent').fill('50');
    await page.getByRole('button', { name: 'Afwijkingen tonen' }).click();
    await page.waitForURL(/drempelBedrag=500000&drempelProcent=50$/);
    await expect.poll(() => page.getByRole('table', { name: /€ 500\.000 of 50%/ }).getByRole('row').count()).toBe(1 + 5);
    await isOp(page, 'Afwijkingen: Samen besturen');

    await page.getByLabel('Drempel in euro').fill('100000');
    await page.getByLabel('Drempel in procent').fill('10');
    await page.getByRole('button', { name: 'Afwijkingen tonen' }).click();
    await expect.poll(() => tabel.getByRole('row').count()).toBe(1 + 9);
    await lasten.getByRole('link', { name: 'Toelichting toevoegen' }).click();
    const toelichtingen = sectie(page, 'Toelichtingen');
    await toelichtingen.getByLabel('Toelichting bij Structurele lasten').fill('Hogere loonkosten door de cao.');
    await toelichtingen.getByRole('button', { name: 'Toelichting opslaan' }).first().click();
    await gemeld(toelichtingen, 'De toelichting bij Structurele lasten is opgeslagen.');
    await expect.poll(() => page.getByRole('main').innerText()).toContain('9 afwijkingen, waarvan 8 zonder toelichting.');
    expect(await lasten.innerText()).toContain('Hogere loonkosten door de cao.');
    expect(await lasten.getAttribute('class')).not.toContain('loket-onverklaard');
    await expectAccessible(page);

    // The version: offered, then adopted with the council date (errors next to the date field).
    await page.goto(`${server.url}/medewerkers/${GEMEENTE}/planning-control/${versieId}`);
    await isOp(page, /versie 2/);
    const status = sectie(page, 'Status');
    await status.getByRole('button', { name: 'Markeer als aangeboden' }).click();
    await gemeld(status, 'De versie is gemarkeerd als aangeboden aan de raad.');
    expect(await status.innerText()).toContain('Deze versie is nu: aangeboden aan de raad.');
    await status.getByRole('button', { name: 'Markeer als vastgesteld' }).click();
    await expect.poll(() => page.locator('#vastgesteldOp-fout').innerText()).toBe('Vul de datum van het raadsbesluit in.');
    expect(await status.getByLabel('Datum van het raadsbesluit').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await status.getByLabel('Datum van het raadsbesluit').fill('2999-01-01');
    await status.getByRole('button', { name: 'Markeer als vastgesteld' }).click();
    await expect.poll(() => page.locator('#vastgesteldOp-fout').innerText()).toBe('De datum van het raadsbesluit ligt in de toekomst.');
    await status.getByLabel('Datum van het raadsbesluit').fill('2024-07-04');
    await status.getByRole('button', { name: 'Markeer als vastgesteld' }).click();
    await gemeld(status, 'De versie is vastgesteld. Zij verandert niet meer.');
    expect(await status.innerText()).toContain('De raad heeft deze versie vastgesteld op 4 jul 2024.');
    expect(await page.getByRole('main').innerText()).toContain('vastgesteld door de raad op 4 jul 2024');
    await expectAccessible(page);

    // The adopted chapter is now read-only too.
    await page.getByRole('link', { name: 'Samen besturen' }).click();
    await isOp(page, 'Samen besturen');
    expect(await page.getByRole('heading', { name: 'Alleen lezen: deze versie is vastgesteld' }).count()).toBe(1);
    expect(await page.getByRole('textbox').count()).toBe(1);
    expect(await page.getByRole('button', { name: /opslaan/i }).count()).toBe(0);
    expect(await sectie(page, 'Voetnoten').innerText()).toContain('Herberekend na de jaarafsluiting.');
    await sectie(page, 'Indicatoren').getByRole('link', { name: 'Apparaatskosten per inwoner' }).click();
    await isOp(page, /^Indicator A\d+: Apparaatskosten per inwoner$/);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('main').innerText()).toContain('€ 985 (voetnoot 32)');
    await page.goBack();
    await isOp(page, 'Samen besturen');

    // A new version (budget amendment) opens as a concept; a change there shows in the comparison.
    await page.getByLabel('Naam van de nieuwe versie (niet verplicht)').fill('Begrotingswijziging 1');
    await page.getByRole('button', { name: 'Nieuwe versie (begrotingswijziging)' }).click();
    await page.waitForURL(new RegExp(`/planning-control/(?!${versieId})[0-9a-f-]{36}/${SLUG}$`));
    await isOp(page, 'Samen besturen');
    expect(await page.getByRole('status').first().innerText()).toContain('Versie 3 (Begrotingswijziging 1) is gemaakt als concept.');
    expect(await page.getByRole('main').innerText()).toContain('versie 3, Begrotingswijziging 1');
    const programma = sectie(page, 'Programma');
    await programma.getByLabel('Portefeuillehouders').fill('E. Boog\nH. Prins\nA. Nieuw');
    await programma.getByRole('button', { name: 'Opslaan' }).click();
    await gemeld(programma, 'De wijziging is opgeslagen.');

    await page.getByRole('link', { name: 'Vergelijken met de vorige versie' }).click();
    await isOp(page, 'Versies vergelijken');
    const verschillen = page.getByRole('table', { name: '1 verschil tussen versie 2 en versie 3' });
    const cellen = await verschillen.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
    expect(await verschillen.getByRole('row').nth(1).getByRole('rowheader').innerText()).toBe('Samen besturen: Portefeuillehouders');
    expect(cellen).toEqual(['Programma', 'E. Boog, H. Prins', 'E. Boog, H. Prins, A. Nieuw', '–']);

    // The version page offers the comparison too, and the documents list shows both versions.
    await page.getByRole('link', { name: 'Terug naar de versie' }).click();
    await isOp(page, 'Jaarstukken 2023: versie 3, Begrotingswijziging 1');
    expect(await page.getByLabel('Vergelijk deze versie met').locator('option:checked').innerText()).toBe('Versie 2: Import Samen besturen (vastgesteld door de raad)');
    await page.getByRole('button', { name: 'Vergelijk', exact: true }).click();
    await isOp(page, 'Versies vergelijken');
    await page.getByRole('button', { name: 'English' }).click();
    await isOp(page, 'Compare versions');
    expect(await page.getByRole('table', { name: '1 difference between version 2 and version 3' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Planning and control' }).click();
    await isOp(page, 'Planning and control');
    expect(await page.getByRole('table', { name: 'Versions of Annual accounts 2023' }).getByRole('row').count()).toBe(4);

    expect(problemen).toEqual([]);
    await context.close();
  });

  it('a beheerder imports a chapter (errors at the file field); other staff roles get no P&C section; unknown pages are not found', async () => {
    const behandelaar = DEMO_GEBRUIKERS.find((g) => g.email === 'behandelaar@diemen.demo');
    const beheerder = DEMO_GEBRUIKERS.find((g) => g.email === 'beheerder@duoplus.demo');
    if (!behandelaar || !beheerder) throw new Error('demo-gebruikers ontbreken');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await logInInApp(page, server, behandelaar.email, `/${GEMEENTE}/planning-control`);
    await isOp(page, 'Geen toegang');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts()).toEqual(['Start', 'Zaken', 'Meldingen openbare ruimte', 'KCC', 'Terugbelverzoeken', 'Kennisbank', 'Bezwaren', 'Klachten', 'Verbetermaatregelen', 'Afspraaklocaties', 'Paginafeedback']);
    await context.close();

    const tweede = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const beheer = await tweede.newPage();
    await logInInApp(beheer, server, beheerder.email, `/${GEMEENTE}/planning-control`);
    await isOp(beheer, 'Planning en control');

    // Importing a chapter (the JSON of `loket pc import`): a file that is no JSON, a chapter with a problem, then a good one.
    const importeren = sectie(beheer, 'Hoofdstuk importeren');
    await importeren.getByRole('button', { name: 'Hoofdstuk importeren' }).click();
    await expect.poll(() => beheer.locator('#bestand-fout').innerText()).toBe('Kies een JSON-bestand met een hoofdstuk.');
    await importeren.getByLabel('JSON-bestand van het hoofdstuk').setInputFiles({ name: 'hoofdstuk.txt', mimeType: 'text/plain', buffer: Buffer.from('Programma 1: Samen besturen') });
    await importeren.getByRole('button', { name: 'Hoofdstuk importeren' }).click();
    await expect.poll(() => beheer.locator('#bestand-fout').innerText()).toBe('hoofdstuk.txt is geen JSON-bestand. Kies het bestand dat loket pc import maakt.');
    const fout = begroting2024();
    const eerste = fout.indicatoren[0];
    if (eerste) eerste.naam = '';
    await importeren.getByLabel('JSON-bestand van het hoofdstuk').setInputFiles({ name: 'hoofdstuk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fout)) });
    await importeren.getByRole('button', { name: 'Hoofdstuk importeren' }).click();
    await expect.poll(() => beheer.locator('#bestand-fout').innerText()).toBe('indicatoren.0.naam: Vul een naam in.');
    expect(await beheer.getByLabel('JSON-bestand van het hoofdstuk').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(beheer);
    await importeren.getByLabel('JSON-bestand van het hoofdstuk').setInputFiles({ name: 'hoofdstuk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(begroting2024())) });
    await importeren.getByRole('button', { name: 'Hoofdstuk importeren' }).click();
    await isOp(beheer, 'Programmabegroting 2024: versie 2, Import Samen besturen');
    expect(await beheer.getByRole('status').first().innerText()).toBe('Het hoofdstuk is geïmporteerd als versie 2 van Programmabegroting 2024.');
    await beheer.goto(`${server.url}/medewerkers/${GEMEENTE}/planning-control/${versieId}/${SLUG}/iets/anders`);
    await isOp(beheer, 'Pagina niet gevonden');
    await beheer.goto(`${server.url}/medewerkers/${GEMEENTE}/planning-control/${versieId}/${SLUG}/indicatoren/99`);
    await isOp(beheer, 'Indicator');
    expect(await beheer.getByRole('alert').innerText()).toContain('Dit bestaat niet (meer)');
    await tweede.close();
  });

  it('a pc-adviseur adds and removes indicators, edits finance rows with their controles, paragrafen, overhevelingen and investeringen, and imports a chapter from text', async () => {
    if (!adviseur) throw new Error('demo-pc-adviseur ontbreekt');
    const pc = server.loket.services.pc;
    const id = (await pc.importeer(cliContext(), GEMEENTE, [jaarstukken2023()], { naam: 'Lijsten' })).id;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problemen: string[] = [];
    page.on('pageerror', (fout) => problemen.push(`scriptfout: ${fout.message}`));
    await logInInApp(page, server, adviseur.email, `/${GEMEENTE}/planning-control/${id}/${SLUG}`);
    await isOp(page, 'Samen besturen');
    const hoofdstuk = async () => (await pc.programma(GEMEENTE, id, SLUG)).hoofdstuk;

    // Add an indicator; remove the first one: the explanation of another indicator stays with it.
    await pc.wijzigIndicator(cliContext(), GEMEENTE, id, SLUG, '2', 1, { toelichting: 'Meer mediation.' });
    await page.reload();
    await isOp(page, 'Samen besturen');
    const nieuw = sectie(page, 'Indicator toevoegen');
    await nieuw.getByLabel('Code').fill('9.9.9');
    await nieuw.getByLabel('Naam van de indicator').fill('Nieuwe indicator');
    await nieuw.getByRole('button', { name: 'Indicator toevoegen' }).click();
    await gemeld(nieuw, 'Indicator 9.9.9 is toegevoegd. Vul de waarden in op de pagina van de indicator.');
    await expectAccessible(page);
    const indicatoren = sectie(page, 'Indicatoren');
    await indicatoren.getByRole('button', { name: /^Indicator 1\.1\.1 .* verwijderen$/ }).click();
    await gemeld(indicatoren, 'Indicator 1.1.1 is verwijderd.');
    await expectAccessible(page);
    let h = await hoofdstuk();
    expect(h.indicatoren).toHaveLength(jaarstukken2023().indicatoren.length);
    expect(h.indicatoren[0]).toMatchObject({ code: '1.1.2', aanvulling: { toelichting: 'Meer mediation.' } });
    expect(h.indicatoren.at(-1)).toMatchObject({ code: '9.9.9', naam: 'Nieuwe indicator' });

    // Finance rows: an amount that is no number is named at its field; a changed amount shows the controle that no longer adds up, in words.
    const geld = sectie(page, 'Wat heeft het gekost?');
    await expect.poll(() => geld.innerText()).toContain('De controles kloppen');
    const lasten = geld.getByLabel('Structurele lasten: Rekening 2023', { exact: true });
    // One unit more than printed: the saldo and the budget result differ by 1, which rounding to € 1.000 explains (ADR 0034): named as such, not as an error.
    await lasten.fill('-16.517');
    await geld.getByRole('button', { name: 'Financiën opslaan' }).click();
    await expect.poll(() => geld.innerText()).toContain('2 afrondingsverschillen: de saldi wijken af met niet meer dan de afronding van de bedragen verklaart. Dat is geen fout.');
    expect(await geld.innerText()).not.toMatch(/Let op: \d+ controles? kloppen? niet/);
    expect(await geld.innerText()).toContain('Saldo Structureel, Rekening 2023: in het document');
    await expectAccessible(page);
    expect((await hoofdstuk()).controles.filter((c) => c.oordeel === 'afrondingsverschil').map((c) => [c.regel, c.kolom, c.verschil, c.ok])).toEqual([
      ['Saldo Structureel', 'Rekening 2023', 1, true],
      ['Structurele lasten', 'Budgetresultaat 2023', 1, true],
    ]);
    await lasten.fill('veel');
    await geld.getByRole('button', { name: 'Financiën opslaan' }).click();
    await expect.poll(() => page.locator('#financien-regels-0-bedragen-3-fout').innerText()).toContain('Vul een bedrag in');
    await expectAccessible(page);
    await lasten.fill('-16.600');
    await geld.getByRole('button', { name: 'Regel toevoegen' }).click();
    const nieuweRegel = geld.getByRole('group', { name: /^Regel 12/ });
    await nieuweRegel.getByLabel('Naam').fill('Nieuwe baten');
    await nieuweRegel.getByLabel('Nieuwe baten: Rekening 2023').fill('10');
    await geld.getByRole('button', { name: 'Financiën opslaan' }).click();
    await gemeld(geld, 'De wijziging is opgeslagen.');
    await expect.poll(() => geld.innerText()).toMatch(/Let op: \d+ controles? kloppen? niet\./);
    expect(await geld.innerText()).toContain('Saldo Structureel, Rekening 2023: in het document');
    await expectAccessible(page);
    h = await hoofdstuk();
    expect(h.financien?.regels[0]?.bedragen[3]).toBe(-16_600);
    expect(h.financien?.regels.at(-1)).toEqual({ naam: 'Nieuwe baten', bedragen: [null, null, null, 10, null] });
    expect(h.controles.find((c) => c.regel === 'Saldo Structureel' && c.kolom === 'Rekening 2023')?.ok).toBe(false);

    // Paragrafen, overhevelingen and investeringen.
    const paragrafen = sectie(page, 'Paragrafen');
    await paragrafen.getByRole('button', { name: 'Paragraaf toevoegen' }).click();
    await paragrafen.getByLabel('Titel').fill('Kaderstellende beleidsnota’s');
    await paragrafen.getByLabel('Tekst').fill('Nota bestuursstijl 2023.\n\nNota dienstverlening.');
    await paragrafen.getByRole('button', { name: 'Paragrafen opslaan' }).click();
    await gemeld(paragrafen, 'De wijziging is opgeslagen.');
    const overhevelingen = sectie(page, 'Voorgestelde overhevelingen');
    await overhevelingen.getByRole('button', { name: 'Overheveling toevoegen' }).click();
    await overhevelingen.getByLabel('Naam').fill('Dorpshuis');
    await overhevelingen.getByLabel('Bedrag (× € 1.000)').fill('150');
    await overhevelingen.getByLabel('Motivering').fill('De verbouwing liep vertraging op.');
    await overhevelingen.getByRole('button', { name: 'Overhevelingen opslaan' }).click();
    await gemeld(overhevelingen, 'De wijziging is opgeslagen.');
    const investeringen = sectie(page, 'Investeringen');
    await investeringen.getByRole('button', { name: 'Investering toevoegen' }).click();
    await investeringen.getByLabel('Naam').fill('Raadzaal');
    await investeringen.getByLabel('Kolommen').fill('Krediet; Restant');
    await investeringen.getByLabel('Raadzaal: Krediet').fill('400');
    await investeringen.getByLabel('Raadzaal: Restant').fill('300');
    await investeringen.getByRole('button', { name: 'Investeringen opslaan' }).click();
    await gemeld(investeringen, 'De wijziging is opgeslagen.');
    await expectAccessible(page);
    h = await hoofdstuk();
    expect(h.paragrafen).toEqual([{ titel: 'Kaderstellende beleidsnota’s', tekst: ['Nota bestuursstijl 2023.', 'Nota dienstverlening.'] }]);
    expect(h.overhevelingen).toEqual([{ naam: 'Dorpshuis', bedrag: 150, motivering: 'De verbouwing liep vertraging op.' }]);
    expect(h.investeringen).toEqual([{ naam: 'Raadzaal', kolommen: ['Krediet', 'Restant'], bedragen: [400, 300] }]);

    // The deviations page says what the thresholds apply to.
    await page.goto(`${server.url}/medewerkers/${GEMEENTE}/planning-control/${id}/${SLUG}/afwijkingen`);
    await isOp(page, 'Afwijkingen: Samen besturen');
    expect(await page.locator('main').innerText()).toContain('De drempels in euro en procent gelden voor de regels van de financiële tabel. Bij indicatoren telt het stoplicht');

    // Import from text: a text that is no chapter is named by its line at the field; a chapter's text becomes a new version.
    await page.goto(`${server.url}/medewerkers/${GEMEENTE}/planning-control`);
    await isOp(page, 'Planning en control');
    const tekst = sectie(page, 'Hoofdstuk importeren uit tekst');
    await tekst.getByRole('button', { name: 'Tekst importeren' }).click();
    await expect.poll(() => page.locator('#tekst-fout').innerText()).toBe('Plak de tekst van een hoofdstuk of kies een tekstbestand.');
    await tekst.getByLabel('Tekst van het hoofdstuk').fill('Boodschappen\nMelk\nBrood');
    await tekst.getByRole('button', { name: 'Tekst importeren' }).click();
    await expect.poll(() => page.locator('#tekst-fout').innerText()).toMatch(/^Regel 1: geen programmahoofdstuk/);
    await expectAccessible(page);
    await tekst.getByLabel('Tekst van het hoofdstuk').fill('');
    const bestand = readFileSync(join(import.meta.dirname, '..', 'src', 'modules', 'planning-control', 'fixtures', 'begroting-2026-bereikbaarheid.txt'));
    await tekst.getByLabel('Tekstbestand (.txt)').setInputFiles({ name: 'bereikbaarheid.txt', mimeType: 'text/plain', buffer: bestand });
    await tekst.getByRole('button', { name: 'Tekst importeren' }).click();
    await isOp(page, /^Programmabegroting 2026: versie 1/);
    expect(await page.getByRole('status').first().innerText()).toBe('Het hoofdstuk is geïmporteerd als versie 1 van Programmabegroting 2026.');
    expect(problemen).toEqual([]);
    await context.close();
  });
});
