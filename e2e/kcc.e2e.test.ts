import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leesPdf } from '../test/pdf.ts';
import { expectAccessible, logInInApp, nieuwePagina, startBrowser, startLoketServer, type LoketServer, verwachtMedewerkersApp } from './support.ts';

// The KCC's staff screens (issue 11, ADR 0058): a call registered with the keyboard alone with a
// callback request, a zaak with the tracking letter for a resident without e-mail, the team that
// handles the request, and an article reported wrong and corrected by its owners. The tests run
// in order and share two logged-in staff members: Kees (KCC) and Bo (team Openbare ruimte).
let server: LoketServer;
let browser: Browser;
let kees: { context: BrowserContext; page: Page; problemen: string[] };
let bo: { context: BrowserContext; page: Page; problemen: string[] };
let verzoekId: string;
/** The zaak registered from the second call, with the caller's address (1111AA 5 A, demo gazetteer). */
let zaakMetAdres: string;

async function isOp(page: Page, h1: string | RegExp): Promise<void> {
  // A reload on a busy machine can take longer than the poll's default second (seen in a run).
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 10_000 }).toMatch(h1);
  await expectAccessible(page);
}

/** The id (or, without one, the tag) of the element with the focus. */
const focusOp = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || '');

async function medewerker(email: string, naar: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const { page, problemen } = await nieuwePagina(context);
  await logInInApp(page, server, email, naar);
  return { context, page, problemen };
}

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer();
  browser = await startBrowser();
  kees = await medewerker('kcc@duoplus.demo', '/GM0384/kcc');
  bo = await medewerker('behandelaar@diemen.demo', '/GM0384/contactverzoeken');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('het KCC-scherm', () => {
  it('registers a call and a callback request with the keyboard alone, the knowledge base read beside it', async () => {
    const { page } = kees;
    await isOp(page, 'Contact registreren');
    const k = page.keyboard;

    // Sending an empty form: the errors next to their fields and in the summary.
    await k.press('Alt+O');
    expect(await focusOp(page)).toBe('onderwerp');
    await k.press('Control+Enter');
    await expect.poll(() => page.locator('#onderwerp-fout').innerText()).toBe('Vul dit in.');
    expect(await page.locator('#uitkomst-fout').innerText()).toBe('Kies de uitkomst van het contact.');
    expect(await page.getByRole('alert').innerText()).toContain('Controleer deze velden');
    await expectAccessible(page);

    const begin = Date.now();
    // The knowledge base while on the phone: type, arrow down to the first article, read it, back with Escape.
    await k.press('Alt+K');
    expect(await focusOp(page)).toBe('kennis-zoek');
    await k.type('container geleegd');
    await expect.poll(() => page.getByRole('list', { name: 'Artikelen' }).innerText()).toContain('Mijn container is niet geleegd, wat nu?');
    await k.press('ArrowDown');
    await k.press('Enter');
    await expect.poll(() => focusOp(page)).toBe('kennis-artikel-kop');
    expect(await page.getByRole('article').innerText()).toContain('voor 7.30 uur');
    // The accessibility check is the test's, not the staff member's: not counted in the 20 seconds.
    const axeBegin = Date.now();
    await expectAccessible(page);
    const axeDuur = Date.now() - axeBegin;
    await k.press('Escape');
    expect(await focusOp(page)).toBe('onderwerp');

    // The contact: topic, question, answer, the person, and a callback request to team Openbare ruimte.
    await k.type('Afval');
    await k.press('Tab');
    await k.type('Container is vandaag niet geleegd.');
    await k.press('Tab');
    await k.type('Uitgelegd dat het team terugbelt.');
    await k.press('Tab'); // into the outcome group: the callback request below chooses it
    await k.press('Tab');
    expect(await focusOp(page)).toBe('persoon-naam');
    await k.type('Fatima el Amrani');
    await k.press('Tab');
    await k.press('Tab');
    await k.type('06 12345678');
    await k.press('Tab'); // the caller's zaken: none
    await k.press('Tab');
    await k.press('Tab'); // zaak maken: no
    await k.press('Tab');
    expect(await focusOp(page)).toBe('verzoek-maken');
    await k.press('Space');
    expect(await page.locator('#uitkomst-contactverzoek-gemaakt').isChecked()).toBe(true);
    await k.press('Tab');
    expect(await focusOp(page)).toBe('verzoek-team');
    await k.type('Openbare');
    await k.press('Tab');
    await k.type('Graag na 12 uur bellen.');
    await k.press('Control+Enter');
    await expect.poll(() => focusOp(page)).toBe('vastgelegd-kop');
    expect(Date.now() - begin - axeDuur).toBeLessThan(20_000);
    const uitslag = await page.locator('.loket-kcc__contact').innerText();
    expect(uitslag).toContain('Uitkomst: Terugbelverzoek gemaakt');
    expect(uitslag).toMatch(/Terugbelverzoek gemaakt voor Openbare ruimte: uiterlijk \d+ \w+\.? \d{4} contact/);
    await expectAccessible(page);

    const contact = await server.database.db.selectFrom('klantcontact').select(['id', 'kanaal', 'onderwerp', 'uitkomst']).where('gemeente', '=', 'GM0384').executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ kanaal: 'telefoon', onderwerp: 'Afval', uitkomst: 'contactverzoek-gemaakt' });
    const verzoek = await server.database.db
      .selectFrom('contactverzoek')
      .select(['id', 'klantcontact_id', 'toelichting', 'status'])
      .where('gemeente', '=', 'GM0384')
      .where('klantcontact_id', '=', contact.id)
      .executeTakeFirstOrThrow();
    expect(verzoek).toMatchObject({ toelichting: 'Graag na 12 uur bellen.', status: 'open' });
    verzoekId = verzoek.id;
    expect(kees.problemen).toEqual([]);
  });

  it('registers a zaak from the next call and prints the tracking letter with the code of the registration', async () => {
    const { page } = kees;
    const k = page.keyboard;
    await k.press('Alt+N');
    await expect.poll(() => focusOp(page)).toBe('kanaal');
    await k.press('Alt+O');
    await k.type('Openbare verlichting');
    await k.press('Tab');
    await k.type('Lantaarnpaal bij de Ouddiemerlaan is uit.');
    await k.press('Tab');
    await k.press('Tab');
    await k.press('Tab');
    await k.type('Jan Jansen');
    await k.press('Tab');
    await k.press('Tab');
    await k.type('020 123 4567');
    await k.press('Tab');
    await k.press('Tab');
    await k.press('Tab');
    expect(await focusOp(page)).toBe('zaak-maken');
    await k.press('Space');
    await k.press('Tab');
    expect(await focusOp(page)).toBe('zaaktype');
    await k.type('Melding');
    // The caller's own address (optional), typed loosely: the KCC finds the zaak by it later.
    await k.press('Tab');
    await k.press('Tab');
    expect(await focusOp(page)).toBe('zaak-postcode');
    await k.type('1111 aa');
    await k.press('Tab');
    await k.type('5a');
    await k.press('Control+Enter');
    await expect.poll(() => focusOp(page)).toBe('vastgelegd-kop');
    const uitslag = await page.locator('.loket-kcc__contact').innerText();
    expect(uitslag).toContain('Uitkomst: Zaak aangemaakt');
    expect(uitslag).toContain('geen e-mailadres');
    const code = (await page.locator('.loket-token').innerText()).trim();
    await expectAccessible(page);

    // The letter, from the keyboard: Tab to its button past the link to the zaak.
    await k.press('Tab');
    await k.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Volgbrief maken (PDF)');
    const [download] = await Promise.all([page.waitForEvent('download'), k.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^brief-Z-\d{4}-\d{6}\.pdf$/);
    const brief = leesPdf(readFileSync(await download.path()));
    expect(brief.tekst.replace(/\s+/g, '')).toContain(code);
    await expect.poll(() => page.getByText('De volgbrief is gedownload.').isVisible()).toBe(true);
    // The code on the letter is the one the resident heard on the phone: it still opens the zaak.
    expect(await server.loket.services.zaakvolgen.zaak('GM0384', code)).not.toBeNull();
    const adres = await server.database.db
      .selectFrom('betrokkene as b')
      .innerJoin('zaak as z', (j) => j.onRef('z.gemeente', '=', 'b.gemeente').onRef('z.id', '=', 'b.zaak_id'))
      .select(['z.identificatie', 'b.postcode', 'b.huisnummer', 'b.huisnummertoevoeging'])
      .where('b.gemeente', '=', 'GM0384')
      .where('b.naam', '=', 'Jan Jansen')
      .executeTakeFirstOrThrow();
    expect(adres).toMatchObject({ postcode: '1111AA', huisnummer: 5, huisnummertoevoeging: 'A' });
    zaakMetAdres = adres.identificatie;
  });

  it('finds the caller’s zaken by postcode and huisnummer in the same search field, with the keyboard', async () => {
    const { page } = kees;
    const k = page.keyboard;
    await k.press('Alt+N');
    await expect.poll(() => focusOp(page)).toBe('kanaal');
    await k.press('Alt+Z');
    expect(await focusOp(page)).toBe('zaken-zoek');
    // Half an address: the error next to the field, in B1.
    await k.type('1111 AA');
    await k.press('Enter');
    await expect.poll(() => page.locator('#zaken-zoek-fout').innerText()).toBe('Geef ook het huisnummer.');
    await expectAccessible(page);
    await k.type(' 5 a');
    await k.press('Enter');
    await expect.poll(() => page.getByRole('checkbox', { name: new RegExp(zaakMetAdres) }).count()).toBe(1);
    expect(await page.locator('#zaken-zoek-fout').count()).toBe(0);
    expect(await page.locator('main').innerText()).toMatch(/1 zaak gevonden|\d+ zaken gevonden/);
    await expectAccessible(page);
    // Ticking it links the zaak to the contact, as with a zaak number.
    await page.getByRole('checkbox', { name: new RegExp(zaakMetAdres) }).check();
    expect(await page.getByRole('checkbox', { name: new RegExp(zaakMetAdres) }).isChecked()).toBe(true);
    expect(kees.problemen).toEqual([]);
  });

  it('is in English too', async () => {
    const { page } = kees;
    await page.getByRole('button', { name: 'English' }).click();
    await isOp(page, 'Register a contact');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await isOp(page, 'Contact registreren');
  });
});

describe('de wachtrij van het team', () => {
  it('shows the request with its deadline band; Bo takes it, records an attempt and closes it with the outcome', async () => {
    const { page } = bo;
    await page.reload();
    await isOp(page, 'Terugbelverzoeken');
    const tabel = page.getByRole('table', { name: 'Open terugbelverzoeken, vroegste termijn eerst' });
    await expect.poll(() => tabel.innerText()).toContain('Afval');
    expect(await tabel.getByRole('row', { name: /Afval/ }).innerText()).toMatch(/Vandaag|Komende 5 werkdagen|Later/);

    // The link in the reminder mail opens this page.
    await page.goto(`${server.url}/medewerkers/GM0384/contactverzoeken/${verzoekId}`);
    await isOp(page, 'Terugbelverzoek: Afval');
    expect(await page.locator('dl').first().innerText()).toContain('Graag na 12 uur bellen.');
    await page.getByRole('button', { name: 'Oppakken' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('U heeft het verzoek opgepakt.');
    await page.getByLabel('Notitie').first().fill('Voicemail ingesproken.');
    await page.getByRole('button', { name: 'Poging vastleggen' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('De poging is vastgelegd.');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Afhandelen' }).click();
    await expect.poll(() => page.locator('#uitkomst-fout').innerText()).toBe('Schrijf op wat de uitkomst is.');
    await expectAccessible(page);
    await page.getByLabel('Uitkomst').fill('Container wordt morgen alsnog geleegd.');
    await page.getByRole('button', { name: 'Afhandelen' }).click();
    await page.waitForURL(`${server.url}/medewerkers/GM0384/contactverzoeken`);
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Het terugbelverzoek is afgehandeld.');
    // The queue loads after the message shows: wait for it, not for one read.
    await expect.poll(() => page.locator('main').innerText()).toContain('Er staan geen terugbelverzoeken open.');

    // "Mine": requests to me or taken by me.
    await page.getByLabel('Welke verzoeken').selectOption({ label: 'Aan mij of door mij opgepakt' });
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForURL(`${server.url}/medewerkers/GM0384/contactverzoeken?mij=true`);
    await isOp(page, 'Terugbelverzoeken');
    const verzoek = await server.database.db.selectFrom('contactverzoek').select(['status', 'uitkomst']).where('id', '=', verzoekId).executeTakeFirstOrThrow();
    expect(verzoek).toEqual({ status: 'afgerond', uitkomst: 'Container wordt morgen alsnog geleegd.' });
    expect(bo.problemen).toEqual([]);
  });
});

describe('de kennisbank en de correctielus', () => {
  it('Kees reports that an article is wrong; Bo corrects it and answers; Kees sees the answer', async () => {
    const titel = 'Mijn container is niet geleegd, wat nu?';
    const k = kees.page;
    await k.goto(`${server.url}/medewerkers/GM0384/kennisbank`);
    await isOp(k, 'Kennisbank');
    await k.getByLabel('Zoek in de kennisbank').fill('kliko');
    await k.getByRole('link', { name: titel }).click();
    await isOp(k, titel);
    await k.getByRole('button', { name: 'Melding versturen' }).click();
    await expect.poll(() => k.locator('#toelichting-fout').innerText()).toBe('Schrijf wat er niet klopt, ontbreekt of onduidelijk is.');
    expect(await k.locator('#soort-fout').innerText()).toBe('Kies klopt-niet, onvolledig of onduidelijk.');
    await expectAccessible(k);
    await k.getByLabel('Wat is er aan de hand?').selectOption('klopt-niet');
    await k.getByLabel('Toelichting').fill('De container moet om 7.00 uur buiten staan, niet om 7.30 uur.');
    await k.getByRole('button', { name: 'Melding versturen' }).click();
    await expect.poll(() => k.getByRole('status').first().innerText()).toContain('Uw melding is verstuurd naar team Openbare ruimte.');

    // An error in a process, to the team it concerns.
    await k.goto(`${server.url}/medewerkers/GM0384/kennisbank/melden`);
    await isOp(k, 'Een fout melden');
    await k.getByLabel('Wat is er aan de hand?').selectOption('fout-in-proces');
    await k.getByLabel('Welk team gaat erover?').selectOption({ label: 'Openbare ruimte' });
    await k.getByLabel('Toelichting').fill('Meldingen over grofvuil komen twee keer binnen.');
    await k.getByRole('button', { name: 'Melding versturen' }).click();
    await k.waitForURL(`${server.url}/medewerkers/GM0384/kennisbank/meldingen`);
    await isOp(k, 'Meldingen');

    // Bo's team has the tasks; he corrects the article and answers with the new version.
    const b = bo.page;
    await b.goto(`${server.url}/medewerkers/GM0384/kennisbank/meldingen`);
    await isOp(b, 'Meldingen');
    const taken = b.getByRole('table', { name: 'Open meldingen voor uw teams, oudste eerst' });
    await expect.poll(() => taken.innerText()).toContain('Fout in een proces');
    await taken.getByRole('link', { name: titel }).click();
    await isOp(b, 'Melding');
    await b.getByRole('link', { name: 'Eerst het artikel aanpassen' }).click();
    await isOp(b, `Bewerken: ${titel}`);
    const inhoud = b.getByLabel('Antwoord of instructie');
    await inhoud.fill((await inhoud.inputValue()).replace('voor 7.30 uur', 'voor 7.00 uur'));
    await b.getByLabel('Waarom deze versie (niet verplicht)').fill('N.a.v. melding KCC');
    await b.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => b.getByRole('status').first().innerText()).toContain('Het artikel is opgeslagen (versie 2). Beantwoord nu de melding.');
    await isOp(b, 'Melding');
    expect(await b.getByLabel('Aangepast in versie (niet verplicht)').inputValue()).toBe('2');
    await b.getByLabel('Antwoord', { exact: true }).fill('Klopt, aangepast naar 7.00 uur.');
    await b.getByRole('button', { name: 'Antwoord versturen' }).click();
    await expect.poll(() => b.locator('dl').innerText()).toContain('Ja, in versie 2');
    await expectAccessible(b);

    // Kees sees the answer, and the corrected article.
    await k.goto(`${server.url}/medewerkers/GM0384/kennisbank/meldingen`);
    await isOp(k, 'Meldingen');
    const mijn = k.getByRole('table', { name: 'Wat u meldde, met het antwoord, nieuwste eerst' });
    await expect.poll(() => mijn.getByRole('row', { name: new RegExp(titel.replace('?', '\\?')) }).innerText()).toContain('Klopt, aangepast naar 7.00 uur.');
    await mijn.getByRole('link', { name: titel }).click();
    await isOp(k, 'Melding');
    await k.getByRole('link', { name: titel }).click();
    await isOp(k, titel);
    expect(await k.locator('main').innerText()).toContain('voor 7.00 uur');
    expect(kees.problemen).toEqual([]);
    expect(bo.problemen).toEqual([]);
  });

  it('lists the articles of my teams past their review date, and lets their owners edit them', async () => {
    const k = kees.page;
    await k.goto(`${server.url}/medewerkers/GM0384/kennisbank/te-herzien`);
    await isOp(k, 'Na te kijken artikelen');
    const tabel = k.getByRole('table', { name: 'Na te kijken artikelen, oudste datum eerst' });
    await expect.poll(() => tabel.innerText()).toContain('Werkinstructie: verhuizing doorgeven aan de telefoon');
    expect(await tabel.innerText()).not.toContain('Werkinstructie: vraag om hulp bij het huishouden (Wmo)');
    await tabel.getByRole('link', { name: 'Werkinstructie: verhuizing doorgeven aan de telefoon' }).click();
    await isOp(k, 'Werkinstructie: verhuizing doorgeven aan de telefoon');
    expect(await k.getByText(/had op .* opnieuw nagekeken moeten worden/).isVisible()).toBe(true);
    await k.getByRole('link', { name: 'Artikel bewerken' }).click();
    await isOp(k, /^Bewerken: /);
    await k.getByLabel('Titel').fill('');
    await k.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => k.locator('#titel-fout').innerText()).toBe('Vul dit in.');
    await expectAccessible(k);
  });
});
