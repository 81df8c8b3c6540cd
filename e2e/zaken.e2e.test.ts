import { TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rol } from '../src/db/schema.ts';
import { vasteKlok } from '../src/klok.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import type { Wie } from '../src/modules/zaken/zaken.service.ts';
import type { Loket } from '../src/server.ts';
import type { Database } from '../src/db/database.ts';
import { expectAccessible, type LoketServer, nieuwePagina, startBrowser, startLoketServer, verwachtMedewerkersApp } from './support.ts';

// Wednesday 4 March 2026, 10:00 in Amsterdam: a working day, so a suspension moves a deadline in werkdagen.
const klok = vasteKlok('2026-03-04T09:00:00Z');
let server: LoketServer;
let database: Database;
let loket: Loket;
let url: string;
let browser: Browser;

/** The demo zaken: a report about public space (10 werkdagen, suspension and extension allowed). */
const nieuweMelding = (onderwerp: string) => ({
  zaaktype: 'melding-openbare-ruimte',
  onderwerp,
  kanaal: 'telefoon' as const,
  ontvangstdatum: '2026-03-04',
  betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' as const },
});

async function gebruikerId(email: string): Promise<string> {
  const rij = await database.db.selectFrom('gebruiker').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return rij.id;
}

async function wie(email: string, rollen: Rol[]): Promise<Wie> {
  const g = demo(email);
  return { context: cliContext(), gebruiker: await gebruikerId(email), naam: g.naam, rollen };
}

function demo(email: string) {
  const g = DEMO_GEBRUIKERS.find((d) => d.email === email);
  if (!g) throw new Error(`geen demogebruiker ${email}`);
  return g;
}

let journeyZaak: { id: string; identificatie: string };
let conflictZaak: { id: string; identificatie: string };
let teamleiderZaak: { id: string; identificatie: string };

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer({}, { klok });
  ({ database, loket, url } = server);
  browser = await startBrowser();

  const kcc = await wie('kcc@duoplus.demo', ['kcc-medewerker']);
  const maak = async (onderwerp: string) => {
    const { zaak } = await loket.services.zaken.registreer(kcc, 'GM0384', nieuweMelding(onderwerp));
    return { id: zaak.id, identificatie: zaak.identificatie };
  };
  journeyZaak = await maak('Lantaarnpaal kapot in de Ouddiemerlaan');
  conflictZaak = await maak('Losliggende stoeptegel bij de bibliotheek');
  teamleiderZaak = await maak('Overvolle afvalbak in het Diemerpark');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function isOp(page: Page, h1: string | RegExp): Promise<void> {
  const kop = page.getByRole('heading', { level: 1 });
  await expect.poll(() => kop.innerText()).toMatch(h1);
  expect(await page.locator('h1').count()).toBe(1);
  await expectAccessible(page);
}

/** Logs a demo user in through the login pages (TOTP at the test clock's time; each login a fresh time step). */
async function logIn(page: Page, email: string, naar: string): Promise<void> {
  const g = demo(email);
  klok.verder(30_000);
  await page.goto(`${url}/medewerkers${naar}`);
  await page.waitForURL(/\/medewerkers\/inloggen/);
  await page.getByLabel('E-mailadres').fill(g.email);
  await page.getByLabel('Wachtwoord').fill(g.wachtwoord);
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByLabel('Code', { exact: true }).fill(new TOTP({ secret: g.totpGeheim }).generate({ timestamp: klok.nu().getTime() }));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${url}/medewerkers${naar}`);
}

/** The text of the status message the page focused after an action. */
async function melding(page: Page): Promise<string> {
  const status = page.locator('.loket-focus-vak [role="status"]');
  await expect.poll(() => status.count()).toBe(1);
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('loket-focus-vak'))).toBe(true);
  return status.innerText();
}

const deadline = (page: Page) => page.getByRole('region', { name: 'Termijn', exact: true }).locator('strong').first().innerText();
const sectie = (page: Page, naam: string) => page.getByRole('region', { name: naam, exact: true });

/** Opens one action of the zaak's action panel; the focus moves to the form's heading. Returns the form's region. */
async function openActie(page: Page, naam: string) {
  await sectie(page, 'Acties').getByRole('button', { name: naam, exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(naam);
  return sectie(page, naam);
}

describe('zaken in de medewerkers-app', () => {
  it('a behandelaar claims a zaak from the team queue, suspends, ends the suspension, extends, sets a status and closes it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logIn(page, 'behandelaar@diemen.demo', '/GM0384/zaken');

    // "Mijn zaken" first: nothing yet.
    await isOp(page, 'Zaken');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zaken', exact: true }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByRole('main').innerText()).toContain('Er zijn geen open zaken die bij dit filter passen.');

    // The team queue, sorted by deadline, with the band as text.
    await page.getByRole('link', { name: 'Team Openbare ruimte' }).click();
    await page.waitForURL(/behandelaar=alle&team=/);
    await isOp(page, 'Zaken');
    const tabel = page.getByRole('table', { name: /Open zaken/ });
    await expect.poll(() => tabel.getByRole('row').count()).toBe(4);
    const rij = tabel.getByRole('row').filter({ hasText: journeyZaak.identificatie });
    expect(await rij.innerText()).toContain('Lantaarnpaal kapot in de Ouddiemerlaan');
    expect(await rij.innerText()).toContain('Later');
    expect(await rij.innerText()).toContain('Niemand');

    // Filters are plain controls with a button; the band filter narrows the list.
    await page.getByLabel('Termijn').selectOption('teLaat');
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.waitForURL(/termijn=teLaat/);
    await isOp(page, 'Zaken');
    await expect.poll(() => page.getByRole('main').innerText()).toContain('Er zijn geen open zaken die bij dit filter passen.');
    await page.goBack();
    await expect.poll(() => tabel.getByRole('row').count()).toBe(4);

    // Claim: the zaak is now the behandelaar's.
    await page.getByRole('button', { name: `Oppakken: ${journeyZaak.identificatie}` }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain(`U heeft zaak ${journeyZaak.identificatie} opgepakt.`);
    await expect.poll(() => tabel.getByRole('row').filter({ hasText: journeyZaak.identificatie }).innerText()).toContain('Bo Behandelaar');
    await expectAccessible(page);

    // Detail.
    await page.getByRole('link', { name: journeyZaak.identificatie }).click();
    await isOp(page, `${journeyZaak.identificatie}: Lantaarnpaal kapot in de Ouddiemerlaan`);
    const oorspronkelijk = await deadline(page);
    expect(oorspronkelijk).toMatch(/^Uiterlijk klaar op 18 mrt\.? 2026$/);
    expect(await page.getByRole('main').innerText()).toContain('Anna de Vries');
    // On top: status, the deadline in words and the next step; no form is open yet.
    const stand = sectie(page, 'Stand van zaken');
    expect(await stand.innerText()).toMatch(/Ontvangen \(de termijn loopt\)/);
    expect(await stand.innerText()).toMatch(/18 mrt\.? 2026: nog 14 dagen/);
    await expect.poll(() => stand.innerText()).toContain('Zet de status op Ingepland als het zover is.');
    expect(await page.locator('.loket-actievak').count()).toBe(0);

    // Ask for information: the term is suspended and the deadline moves a working day.
    const opschorten = await openActie(page, 'Informatie vragen (termijn opschorten)');
    await opschorten.getByLabel('Reden').fill('Graag een foto van de lantaarnpaal en het paalnummer.');
    await opschorten.getByRole('button', { name: 'Termijn opschorten' }).click();
    expect(await melding(page)).toBe('De termijn is opgeschort.');
    expect(await page.locator('.loket-actievak').count()).toBe(0);
    expect(await stand.innerText()).toContain('Wacht op de reactie van de inwoner.');
    expect(await stand.innerText()).toContain('de termijn staat stil');
    await expect.poll(() => deadline(page)).toMatch(/^Uiterlijk klaar op 19 mrt\.? 2026$/);
    const termijn = await sectie(page, 'Termijn').innerText();
    expect(termijn).toContain('1 dag opgeschort in totaal:');
    expect(termijn).toContain('(loopt nog): Graag een foto van de lantaarnpaal en het paalnummer.');
    expect(await page.getByRole('table', { name: /Alles wat er met zaak/ }).innerText()).toContain('Termijn opgeschort. Reden: Graag een foto');
    await expectAccessible(page);

    // End the suspension (same day: no day suspended, back to the original deadline).
    await (await openActie(page, 'Opschorting beëindigen')).getByRole('button', { name: 'Opschorting beëindigen' }).click();
    expect(await melding(page)).toBe('De opschorting is beëindigd. De termijn loopt weer.');
    await expect.poll(() => deadline(page)).toBe(oorspronkelijk);

    // Extend: the maximum is shown; a reason is required (the error is next to the field and in the summary).
    const verlengen = await openActie(page, 'Termijn verlengen');
    expect(await verlengen.innerText()).toContain('U mag in totaal hoogstens 10 werkdagen verlengen.');
    await verlengen.getByLabel('Verlengen met (aantal)').fill('5');
    await verlengen.getByRole('button', { name: 'Termijn verlengen' }).click();
    await expect.poll(() => verlengen.getByRole('alert').innerText()).toContain('Controleer deze velden');
    expect(await verlengen.getByLabel('Reden').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await verlengen.getByLabel('Reden').fill('De leverancier levert de nieuwe lamp pas volgende week.');
    await verlengen.getByRole('button', { name: 'Termijn verlengen' }).click();
    expect(await melding(page)).toBe('De termijn is verlengd.');
    await expect.poll(() => deadline(page)).toMatch(/^Uiterlijk klaar op 25 mrt\.? 2026$/);
    expect(await sectie(page, 'Termijn').innerText()).toContain('5 werkdagen');

    // Next status, from the next step on top: the page says whether the resident is informed.
    await stand.getByRole('button', { name: 'Volgende status' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('actie-status-kop');
    const status = sectie(page, 'Volgende status');
    expect(await status.getByLabel('Nieuwe status').inputValue()).toBe('2');
    expect(await status.innerText()).toContain('De inwoner krijgt bij deze status een e-mail.');
    await status.getByLabel('Nieuwe status').selectOption({ label: 'In uitvoering' });
    await expect.poll(() => status.innerText()).toContain('De inwoner krijgt bij deze status geen e-mail.');
    await status.getByLabel('Nieuwe status').selectOption({ label: 'Ingepland' });
    await status.getByLabel('Toelichting (niet verplicht)').fill('De monteur komt dinsdag.');
    await status.getByRole('button', { name: 'Status zetten' }).click();
    expect(await melding(page)).toBe('De status is nu: Ingepland.');
    const stappen = await sectie(page, 'Stappen').innerText();
    expect(stappen).toMatch(/Ingepland — huidige status/);
    expect(stappen).toMatch(/In uitvoering — volgende stap/);

    // An internal note. One form is open at a time; closing one puts the focus back on its button.
    await openActie(page, 'Termijn verlengen');
    const notitie = await openActie(page, 'Notitie');
    expect(await page.locator('.loket-actievak').count()).toBe(1);
    await notitie.getByRole('button', { name: 'Sluiten' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Notitie');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('actie-notitie-kop');
    await notitie.getByLabel('Tekst van de notitie').fill('Paalnummer 12-034 volgens de beheerkaart.');
    await notitie.getByRole('button', { name: 'Notitie toevoegen' }).click();
    expect(await melding(page)).toBe('De notitie is toegevoegd.');
    await expectAccessible(page);

    // Close with a result.
    const afsluiten = await openActie(page, 'Zaak afsluiten');
    await afsluiten.getByLabel('Resultaat').selectOption({ label: 'Opgelost' });
    await afsluiten.getByRole('button', { name: 'Zaak afsluiten' }).click();
    expect(await melding(page)).toBe('De zaak is afgesloten.');
    expect(await page.getByRole('main').innerText()).toContain('met het resultaat: Opgelost.');
    expect(await page.getByRole('button', { name: 'Termijn verlengen' }).count()).toBe(0);
    await expectAccessible(page);

    // The timeline: who, what, intern/extern, newest first.
    const tijdlijn = page.getByRole('table', { name: /Alles wat er met zaak/ });
    const regels = await tijdlijn.locator('tbody tr').allInnerTexts();
    expect(regels[0]).toContain('Afgesloten met resultaat Opgelost.');
    expect(regels.find((r) => r.includes('Paalnummer 12-034'))).toContain('Nee, intern');
    expect(regels.find((r) => r.includes('Termijn verlengd met 5 werkdagen'))).toMatch(/Bo Behandelaar\s+Ja, extern/);
    expect(regels.at(-1)).toContain('Zaak geregistreerd (kanaal: Telefoon).');

    // Mails to the resident: receipt, new status, extension, closing.
    const mails = await database.db.selectFrom('bericht').select('onderwerp').where('aan', '=', 'anna@example.nl').execute();
    expect(mails.length).toBeGreaterThanOrEqual(6);

    expect(problemen).toEqual([]);
    await context.close();
  });

  it('an action on a zaak someone else changed meanwhile shows the conflict and offers the newest version', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logIn(page, 'behandelaar@diemen.demo', `/GM0384/zaken/${conflictZaak.id}`);
    await isOp(page, `${conflictZaak.identificatie}: Losliggende stoeptegel bij de bibliotheek`);
    // Nobody handles it yet: the next step on top is to take it.
    const stand = sectie(page, 'Stand van zaken');
    expect(await stand.innerText()).toContain('Niemand behandelt deze zaak nog.');
    expect(await stand.getByRole('button', { name: 'Neem in behandeling' }).count()).toBe(1);

    // Meanwhile the teamleider adds a note (the zaak's version goes up).
    const tim = await wie('teamleider@diemen.demo', ['teamleider', 'behandelaar']);
    await loket.services.zaken.voegNotitieToe(tim, 'GM0384', conflictZaak.id, 1, { tekst: 'Even gebeld met de bewoner.', extern: false });

    const notitie = await openActie(page, 'Notitie');
    await notitie.getByLabel('Tekst van de notitie').fill('Tegel ligt voor de ingang.');
    await notitie.getByRole('button', { name: 'Notitie toevoegen' }).click();
    const alert = notitie.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Iemand anders heeft de zaak intussen gewijzigd.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await expectAccessible(page);

    await notitie.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect.poll(() => page.getByRole('table', { name: /Alles wat er met zaak/ }).innerText()).toContain('Even gebeld met de bewoner.');
    expect(await notitie.getByRole('alert').count()).toBe(0);
    await notitie.getByLabel('Tekst van de notitie').fill('Tegel ligt voor de ingang.');
    await notitie.getByRole('button', { name: 'Notitie toevoegen' }).click();
    expect(await melding(page)).toBe('De notitie is toegevoegd.');
    expect(await page.getByRole('table', { name: /Alles wat er met zaak/ }).innerText()).toContain('Tegel ligt voor de ingang.');

    expect(problemen).toEqual([]);
    await context.close();
  });

  it('a behandelaar adds documents (a refused one says why), downloads one, relates a closed zaak by number and issues a new tracking link', async () => {
    const bo = await wie('behandelaar@diemen.demo', ['behandelaar']);
    const { zaak, volgcode } = await loket.services.zaken.registreer(bo, 'GM0384', { ...nieuweMelding('Scheve boom in het Wilgenplantsoen'), behandelaar: 'ik' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logIn(page, 'behandelaar@diemen.demo', `/GM0384/zaken/${zaak.id}`);
    await isOp(page, `${zaak.identificatie}: Scheve boom in het Wilgenplantsoen`);

    // Documents: none yet; a file whose content is not what its type says is refused, with the reason.
    const documenten = sectie(page, 'Documenten');
    expect(await documenten.innerText()).toContain('Er zijn nog geen documenten.');
    const toevoegen = await openActie(page, 'Document toevoegen');
    await toevoegen.getByLabel('Bestand').setInputFiles({ name: 'foto.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03 geen pdf') });
    await toevoegen.getByRole('button', { name: 'Document toevoegen' }).click();
    await expect.poll(() => toevoegen.getByRole('alert').innerText()).toContain('Dit soort bestand nemen we niet aan');
    await expectAccessible(page);

    // A real PDF, visible to the resident: listed with a download link.
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await toevoegen.getByLabel('Bestand').setInputFiles({ name: 'situatie boom.pdf', mimeType: 'application/pdf', buffer: pdf });
    await toevoegen.getByLabel('Zichtbaar voor de inwoner').check();
    await toevoegen.getByRole('button', { name: 'Document toevoegen' }).click();
    expect(await melding(page)).toBe('Document situatie boom.pdf is toegevoegd.');
    const downloadLink = documenten.getByRole('link', { name: 'situatie boom.pdf downloaden' });
    expect(await documenten.innerText()).toContain('zichtbaar voor de inwoner');
    const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
    expect(download.suggestedFilename()).toBe('situatie boom.pdf');
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(await download.path())).equals(pdf)).toBe(true);
    expect(await page.getByRole('table', { name: /Alles wat er met zaak/ }).innerText()).toContain('Document toegevoegd: situatie boom.pdf');
    await expectAccessible(page);

    // Relate the (closed) zaak of the first journey by its number.
    const relaties = sectie(page, 'Gerelateerde zaken');
    const relateren = await openActie(page, 'Gerelateerde zaak toevoegen');
    await relateren.getByLabel('Zaaknummer').fill(journeyZaak.identificatie.toLowerCase());
    await relateren.getByRole('button', { name: 'Zaak relateren' }).click();
    await melding(page);
    expect(await relaties.getByRole('link', { name: journeyZaak.identificatie }).count()).toBe(1);

    // The resident lost the link: a new one is mailed, shown once here; the old one stops working.
    const volglink = await openActie(page, 'Volglink');
    await volglink.getByRole('button', { name: 'Nieuwe volglink maken' }).click();
    await expect.poll(() => volglink.getByRole('status').innerText()).toContain('De nieuwe link is gemaild naar anna@example.nl.');
    const link = await volglink.locator('code').innerText();
    expect(link).toMatch(/\/diemen\/zaken\/[a-z2-7]{32}$/);
    await expect.poll(() => page.getByRole('table', { name: /Alles wat er met zaak/ }).innerText()).toContain('Nieuwe volglink gemaakt en gemaild aan de inwoner.');
    await expectAccessible(page);
    expect(await loket.services.zaakvolgen.zaak('GM0384', volgcode)).toBeNull();
    const mail = await database.db.selectFrom('bericht').select('tekst').where('onderwerp', '=', `Nieuwe link voor uw zaak ${zaak.identificatie}`).executeTakeFirstOrThrow();
    expect(mail.tekst).toContain(link.split('/zaken/')[1]);

    // The new link opens the tracking page, with the document for the resident.
    await page.goto(`${url}/diemen/zaken/${link.split('/zaken/')[1]}`);
    await isOp(page, `Uw zaak ${zaak.identificatie}`);
    expect(await page.getByRole('main').innerText()).toContain('situatie boom.pdf');

    expect(problemen).toEqual([]);
    await context.close();
    // Closed again, so the teamleider's counts below stay as they were.
    const actueel = await loket.services.zaken.detail(bo, 'GM0384', zaak.id);
    await loket.services.zaken.sluitAf(bo, 'GM0384', zaak.id, actueel.versie, { resultaattype: actueel.zaaktypeVersie.resultaattypen[0]?.id ?? '' });
  });

  it('a new reply of the resident is marked in the queue and on top of the zaak until the behandelaar acts; in English too', async () => {
    const bo = await wie('behandelaar@diemen.demo', ['behandelaar']);
    const { zaak, volgcode } = await loket.services.zaken.registreer(bo, 'GM0384', { ...nieuweMelding('Kapotte bank in het Diemerpark'), behandelaar: 'ik' });
    await loket.services.zaken.reactieVanInwoner({ soort: 'inwoner', context: cliContext(), volgcode }, 'GM0384', { tekst: 'De bank staat bij de vijver.' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logIn(page, 'behandelaar@diemen.demo', '/GM0384/zaken');
    await isOp(page, 'Zaken');
    await page.getByLabel('Reacties van inwoners').selectOption({ label: 'Alleen met een nieuwe reactie' });
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.waitForURL(/reactie=nieuw/);
    const tabel = page.getByRole('table', { name: /Mijn open zaken/ });
    await expect.poll(() => tabel.getByRole('row').count()).toBe(2);
    expect(await tabel.getByRole('row').nth(1).innerText()).toContain('Kapotte bank in het Diemerpark Nieuwe reactie');
    await expectAccessible(page);

    await tabel.getByRole('link', { name: zaak.identificatie }).click();
    await isOp(page, `${zaak.identificatie}: Kapotte bank in het Diemerpark`);
    expect(await sectie(page, 'Nieuwe reactie van de inwoner').innerText()).toContain('De bank staat bij de vijver.');
    const stand = sectie(page, 'Stand van zaken');
    expect(await stand.innerText()).toContain('Reageer op de inwoner.');
    await stand.getByRole('button', { name: 'Bericht aan de inwoner' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('actie-bericht-kop');
    const bericht = sectie(page, 'Bericht aan de inwoner');
    await bericht.getByLabel('Tekst van het bericht').fill('Dank u wel, wij repareren de bank deze week.');
    await bericht.getByRole('button', { name: 'Bericht versturen' }).click();
    expect(await melding(page)).toBe('Het bericht is verstuurd naar anna@example.nl.');
    expect(await sectie(page, 'Nieuwe reactie van de inwoner').count()).toBe(0);
    expect(await stand.innerText()).not.toContain('Reageer op de inwoner.');
    await expectAccessible(page);

    // English: the zaaktype by its English name, the deadline and the next step in words.
    await page.getByRole('button', { name: 'English' }).click();
    const standEn = sectie(page, 'Where the case stands');
    await expect.poll(() => standEn.innerText()).toMatch(/18 Mar 2026: 14 days left/);
    expect(await standEn.innerText()).toContain('Received (the term is running)');
    expect(await standEn.innerText()).toContain('Set the status to Scheduled when the time has come.');
    expect(await sectie(page, 'Actions').getByRole('button', { name: 'Extend the term', exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back to the cases' }).click();
    await isOp(page, 'Cases');
    await page.getByLabel('Case type').selectOption({ label: 'Report about public space' });
    expect(await page.getByLabel('Status', { exact: true }).locator('option').allInnerTexts()).toEqual(['All statuses', '1. Received', '2. Scheduled', '3. Being carried out', '4. Completed']);
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.waitForURL(/zaaktype=melding-openbare-ruimte/);
    const rijEn = page.getByRole('table', { name: /My open cases/ }).getByRole('row').filter({ hasText: zaak.identificatie });
    await expect.poll(() => rijEn.innerText()).toContain('Report about public space');
    expect(await rijEn.innerText()).toContain('Received');
    expect(await page.locator('#filter-termijn option').allInnerTexts()).toContain('Next 5 working days');
    await expectAccessible(page);

    // The timeline names a step by its English name too, not by the Dutch name stored in the event.
    const nu = await loket.services.zaken.detail(bo, 'GM0384', zaak.id);
    await loket.services.zaken.zetStatus(bo, 'GM0384', zaak.id, nu.versie, { statustype: 2 });
    await rijEn.getByRole('link', { name: zaak.identificatie }).click();
    await expect.poll(() => sectie(page, 'Timeline').innerText()).toContain('Status set to Scheduled.');
    expect(await sectie(page, 'Timeline').innerText()).not.toContain('Ingepland');

    expect(problemen).toEqual([]);
    await context.close();
    // Closed again, so the teamleider's counts below stay as they were.
    const actueel = await loket.services.zaken.detail(bo, 'GM0384', zaak.id);
    await loket.services.zaken.sluitAf(bo, 'GM0384', zaak.id, actueel.versie, { resultaattype: actueel.zaaktypeVersie.resultaattypen[0]?.id ?? '' });
  });

  it('a teamleider sees the overview per team and behandelaar, follows a number into the queue and assigns zaken in bulk', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logIn(page, 'teamleider@diemen.demo', '/GM0384/zaken-overzicht');
    await isOp(page, 'Overzicht termijnen');
    const teams = page.getByRole('table', { name: 'Open zaken per team en termijn bij Diemen' });
    const openbareRuimte = teams.getByRole('row').filter({ hasText: 'Openbare ruimte' });
    expect(await openbareRuimte.innerText()).toMatch(/Openbare ruimte\s+0\s+0\s+0\s+2\s+0\s+2/);
    const behandelaars = page.getByRole('table', { name: 'Open zaken per behandelaar en termijn bij Diemen' });
    expect(await behandelaars.getByRole('row').filter({ hasText: 'Niemand' }).innerText()).toMatch(/Niemand\s+0\s+0\s+0\s+2\s+0\s+2/);

    await openbareRuimte.getByRole('link', { name: '2 zaken Later: Openbare ruimte' }).click();
    await page.waitForURL(/termijn=later/);
    await isOp(page, 'Zaken');
    const tabel = page.getByRole('table', { name: /Open zaken/ });
    await expect.poll(() => tabel.getByRole('row').count()).toBe(3);

    await page.getByRole('checkbox', { name: `Kies ${teamleiderZaak.identificatie}` }).check();
    await page.getByRole('checkbox', { name: `Kies ${conflictZaak.identificatie}` }).check();
    await expect.poll(() => page.getByRole('main').innerText()).toContain('U heeft 2 zaken gekozen.');
    await page.getByLabel('Toewijzen aan').selectOption({ label: 'Bo Behandelaar' });
    await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('2 zaken zijn toegewezen aan Bo Behandelaar.');
    await expect.poll(() => tabel.getByRole('row').filter({ hasText: teamleiderZaak.identificatie }).innerText()).toContain('Bo Behandelaar');
    await expectAccessible(page);

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Deadline overview' }).click();
    await isOp(page, 'Deadline overview');

    expect(problemen).toEqual([]);
    await context.close();
  });

  it('the KCC registers a zaak: errors next to the fields, then the tracking code once', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logIn(page, 'kcc@duoplus.demo', '/GM0384/zaken/nieuw');
    await isOp(page, 'Zaak registreren');
    await page.getByRole('button', { name: 'Zaak registreren' }).click();
    const samenvatting = page.getByRole('alert');
    await expect.poll(() => samenvatting.innerText()).toContain('Controleer deze velden');
    expect(await page.getByLabel('Onderwerp').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('E-mailadres (niet verplicht)').fill('geen-adres');
    // The resident's address is optional, but a house number alone is not an address.
    await page.getByLabel('Huisnummer en toevoeging').fill('12');
    await page.getByRole('button', { name: 'Zaak registreren' }).click();
    await expect.poll(() => page.locator('#betrokkene-email-fout').count()).toBe(1);
    expect(await page.locator('#betrokkene-postcode-fout').innerText()).toBe('Geef een postcode als 1111 AA: vier cijfers en twee letters.');
    await expectAccessible(page);

    await page.getByLabel('Zaaktype').selectOption({ label: 'Melding openbare ruimte' });
    await page.getByLabel('Onderwerp').fill('Boom valt bijna om aan de Wilhelminalaan');
    await page.getByLabel('Kanaal').selectOption('balie');
    await page.getByLabel('Ontvangen op').fill('2026-03-04');
    await page.getByLabel('Naam (niet verplicht)').fill('Karim Bakker');
    await page.getByLabel('E-mailadres (niet verplicht)').fill('karim@example.nl');
    await page.getByLabel('Postcode van de inwoner').fill('1111 ac');
    await page.getByRole('button', { name: 'Zaak registreren' }).click();
    await isOp(page, /^Zaak Z-2026-\d{6} is geregistreerd$/);
    const identificatie = /Z-2026-\d{6}/.exec(await page.getByRole('heading', { level: 1 }).innerText())?.[0] ?? '';
    const adres = await database.db
      .selectFrom('zaak as z')
      .innerJoin('betrokkene as b', (j) => j.onRef('b.gemeente', '=', 'z.gemeente').onRef('b.zaak_id', '=', 'z.id'))
      .select(['b.postcode', 'b.huisnummer', 'b.huisnummertoevoeging'])
      .where('z.identificatie', '=', identificatie)
      .executeTakeFirstOrThrow();
    expect(adres).toEqual({ postcode: '1111AC', huisnummer: 12, huisnummertoevoeging: null });
    expect(await page.locator('code.loket-token').innerText()).toMatch(/^[a-z2-7]{32}$/);
    expect(await page.getByRole('main').innerText()).toContain('De ontvangstbevestiging met de link is gemaild naar karim@example.nl.');

    expect(problemen).toEqual([]);
    await context.close();
  });
  it('a beheerder drafts a zaaktype with statuses and results, publishes it and starts a new version', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logIn(page, 'beheerder@duoplus.demo', '/GM0384/zaaktypen');
    await isOp(page, 'Zaaktypen');
    expect(await page.getByRole('table', { name: 'Zaaktypen van Diemen (nieuwste versie)' }).innerText()).toContain('Melding openbare ruimte');

    await page.getByRole('link', { name: 'Nieuw zaaktype' }).click();
    await isOp(page, 'Nieuw zaaktype');
    await page.getByRole('button', { name: 'Zaaktype aanmaken (als concept)' }).click();
    const samenvatting = page.getByRole('alert');
    await expect.poll(() => samenvatting.innerText()).toContain('Controleer deze velden');
    // Errors inside the rows land at their own field.
    expect(await page.locator('#statustypen-0-naam').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#naam-nl').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await page.getByLabel('Code', { exact: true }).fill('proef-aanvraag');
    await page.getByLabel('Naam (Nederlands)').fill('Proefaanvraag');
    await page.getByLabel('Naam (Engels)').fill('Trial application');
    await page.getByLabel('Termijn', { exact: true }).fill('P8W');
    const statussen: [string, string, string][] = [
      ['Ontvangen', 'Wij hebben uw aanvraag ontvangen.', 'We have received your application.'],
      ['Afgehandeld', 'Uw aanvraag is afgehandeld.', 'Your application has been completed.'],
      ['In behandeling', 'Wij beoordelen uw aanvraag.', 'We are assessing your application.'],
    ];
    await page.getByRole('button', { name: 'Status toevoegen' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('statustypen-2-naam');
    for (const [i, [naam, nl, en]] of statussen.entries()) {
      await page.locator(`#statustypen-${i}-naam`).fill(naam);
      await page.locator(`#statustypen-${i}-tekst-nl`).fill(nl);
      await page.locator(`#statustypen-${i}-tekst-en`).fill(en);
    }
    // "In behandeling" goes before the eindstatus.
    await page.getByRole('button', { name: 'Status 3 omhoog' }).click();
    expect(await page.locator('#statustypen-1-naam').inputValue()).toBe('In behandeling');
    expect(await page.locator('#statustypen-2-naam').inputValue()).toBe('Afgehandeld');
    await page.locator('#resultaattypen-0-naam').fill('Toegekend');
    await page.locator('#resultaattypen-0-selectielijstklasse').fill('1.1');
    await page.getByRole('button', { name: 'Zaaktype aanmaken (als concept)' }).click();
    await page.waitForURL(/\/zaaktypen\/[0-9a-f-]{36}$/);
    await isOp(page, 'Proefaanvraag, versie 1');
    expect(await page.getByRole('table', { name: 'Statussen van Proefaanvraag' }).innerText()).toMatch(/Ontvangen[\s\S]*In behandeling[\s\S]*Afgehandeld \(eindstatus\)/);

    await page.getByRole('button', { name: 'Publiceren', exact: true }).click();
    expect(await melding(page)).toBe('De versie is gepubliceerd.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Nieuwe versie' }).click();
    await isOp(page, 'Proefaanvraag, versie 2');
    expect(await page.getByRole('status').first().innerText()).toContain('Versie 2 is gemaakt als concept.');
    expect(await page.getByRole('button', { name: 'Concept opslaan' }).count()).toBe(1);

    // The catalogue shows the newest version of each zaaktype, or on request all of them.
    await page.goto(`${url}/medewerkers/GM0384/zaaktypen`);
    await isOp(page, 'Zaaktypen');
    const proef = () => page.getByRole('table', { name: /Zaaktypen van Diemen/ }).getByRole('row').filter({ hasText: 'Proefaanvraag' });
    await expect.poll(() => proef().count()).toBe(1);
    await page.getByRole('link', { name: 'Alle versies tonen' }).click();
    await page.waitForURL(/alleVersies=true/);
    await expect.poll(() => page.getByRole('table', { name: 'Zaaktypen van Diemen (alle versies)' }).count()).toBe(1);
    await expect.poll(() => proef().count()).toBe(2);
    await expectAccessible(page);

    expect(problemen).toEqual([]);
    await context.close();
  });
});
