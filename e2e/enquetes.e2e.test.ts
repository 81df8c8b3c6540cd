import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systeemklok } from '../src/klok.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { laadDemoPanel } from '../src/modules/demo/demo.panel.ts';
import { enquetesRepository } from '../src/modules/enquetes/enquetes.repository.ts';
import { enquetesService } from '../src/modules/enquetes/enquetes.service.ts';
import { smtpOntvanger } from '../test/smtp.ts';
import { expectAccessible, logInInApp, nieuwePagina, startBrowser, startLoketServer, tweePaginas, verwachtMedewerkersApp, type LoketServer } from './support.ts';

// The inwonerspanel in the browser (issue 15, ADR 0068): the beheerder sets Diemen's margins in the
// staff app (errors per line first), a resident signs up without JavaScript and confirms through
// the mail (real SMTP), the researcher makes a survey in the staff app, starts it and invites the
// panel, the resident answers from the invitation (errors next to the fields; a second answer on
// the used link refused), and the researcher reads the report. Ouder-Amstel gets the demo panel
// (334 members, a closed survey) so the weighted report, its breakdown with suppressed cells and
// the panel beside the margins are seen too. axe on every page, nl and en.
let server: LoketServer;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let browser: Browser;
const EMAIL = 'noor-panel@example.nl';
let uitnodiging = '';
let enqueteId = '';

beforeAll(async () => {
  verwachtMedewerkersApp();
  smtp = await smtpOntvanger();
  server = await startLoketServer({ SMTP_URL: smtp.url });
  browser = await startBrowser();
  const services = server.loket.services;
  const uit = await laadDemoPanel(
    { klok: systeemklok, enquetes: (klok, berichten) => enquetesService({ repository: enquetesRepository(server.database.db), berichten, audit: services.audit, klok, publicUrl: server.url }) },
    cliContext(),
    'GM0437',
  );
  expect(uit).toEqual({ panelleden: 334, enqueteAntwoorden: 295 });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

async function staf(email: string, naar: string): Promise<{ page: Page; problemen: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const uit = await nieuwePagina(context);
  await logInInApp(uit.page, server, email, naar);
  return uit;
}
/** Diemen's margins as CSV, with the share of 65+ given. */
const csv = (laatste: string) => ['kenmerk,categorie,aandeel', 'leeftijdsgroep,18-34,0.3', 'leeftijdsgroep,35-49,0.25', 'leeftijdsgroep,50-64,0.25', `leeftijdsgroep,65+,${laatste}`, 'wijk,Centrum,0.6', 'wijk,Noord,0.4'];
const kop = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

describe('inwonerspanel and surveys in the browser', () => {
  it('the beheerder imports the margins: errors per line first and nothing changed, then saved', async () => {
    const { page, problemen } = await staf('beheerder@duoplus.demo', '/GM0384/inwonerspanel');
    await expect.poll(() => kop(page)).toBe('Inwonerspanel');
    await expect.poll(() => page.getByText('Er zijn nog geen marges.').isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Inhoud van het CSV-bestand').fill([...csv('0.3'), 'schoenmaat,42,1'].join('\n'));
    await page.getByRole('button', { name: 'Marges inlezen' }).click();
    const fouten = page.locator('#marges-csv-fouten');
    await expect.poll(() => fouten.isVisible()).toBe(true);
    const tekst = await fouten.innerText();
    expect(tekst).toContain('regel 8: Het kenmerk "schoenmaat" kent het panel niet');
    expect(tekst).toContain('regel 5: De aandelen van leeftijdsgroep tellen op tot 1.1; dat moet 1 zijn (op 0.001 na).');
    await expectAccessible(page);
    expect(await server.loket.services.enquetes.marges('GM0384')).toEqual([]);

    await page.getByLabel('Inhoud van het CSV-bestand').fill(csv('0.2').join('\n'));
    await page.getByRole('button', { name: 'Marges inlezen' }).click();
    await expect.poll(() => page.getByText('De marges zijn bewaard (6 regels).').isVisible()).toBe(true);
    const tabel = page.getByRole('table', { name: 'Marges van de bevolking per kenmerk' });
    expect(await tabel.innerText()).toContain('Noord');
    await expectAccessible(page);

    // The same margins in the form: a share that breaks the sum is named at its line, nothing changed.
    const regel6 = page.getByRole('group', { name: 'Regel 6', exact: true });
    await regel6.getByLabel('Aandeel in procent').fill('50');
    await page.getByRole('button', { name: 'Marges bewaren' }).click();
    await expect.poll(() => regel6.getByText('De aandelen van wijk tellen op tot 1.1', { exact: false }).isVisible()).toBe(true);
    await expectAccessible(page);
    expect((await server.loket.services.enquetes.marges('GM0384')).find((m) => m.categorie === 'Noord')?.aandeel).toBeCloseTo(0.4, 9);
    await regel6.getByLabel('Aandeel in procent').fill('40');
    await page.getByRole('button', { name: 'Marges bewaren' }).click();
    await expect.poll(() => page.getByText('De marges zijn bewaard (6 regels).').isVisible()).toBe(true);
    expect(problemen).toEqual([]);
    await page.context().close();
  });

  it('the beheerder sets the question after closing per zaaktype, its own text and choice list: errors at their fields, then saved', async () => {
    const { page, problemen } = await staf('beheerder@duoplus.demo', '/GM0384/kto');
    await expect.poll(() => kop(page)).toBe('Vraag na afhandeling');
    const formulier = page.getByRole('form', { name: 'Vraag per e-mail' });
    await expect.poll(() => formulier.isVisible()).toBe(true);
    expect(await formulier.getByRole('checkbox', { name: 'De vraag stellen na Vraag per e-mail' }).isChecked()).toBe(true);
    await formulier.getByLabel('Vorm van de vraag').selectOption('score-10');
    await formulier.getByLabel('Deel van de afgesloten zaken (procent)').fill('150');
    await formulier.getByRole('checkbox', { name: 'Een eigen vraag stellen' }).check();
    await formulier.getByLabel('Vraag in het Nederlands').fill('Welk rapportcijfer geeft u ons antwoord?');
    await formulier.getByLabel('Vraag in het Engels').fill('What mark do you give our answer?');
    // The list: the last option removed, the second moved up, a new one added (its English text forgotten).
    await formulier.getByRole('button', { name: 'Keuze 6 verwijderen' }).click();
    await formulier.getByRole('button', { name: 'Keuze 2 omhoog' }).click();
    await formulier.getByRole('button', { name: 'Keuze toevoegen' }).click();
    await expect.poll(() => page.locator('#kto-e-mailvraag-keuze-5-nl').isVisible()).toBe(true);
    await page.locator('#kto-e-mailvraag-keuze-5-nl').fill('Hoe vriendelijk wij waren');
    await formulier.getByRole('checkbox', { name: 'De inwoner mag er een tekst bij schrijven (niet verplicht)' }).uncheck();
    await formulier.getByRole('button', { name: 'Instelling van Vraag per e-mail bewaren' }).click();
    await expect.poll(() => page.locator('#kto-e-mailvraag-steekproef-fout').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#kto-e-mailvraag-keuze-5-en-fout').isVisible()).toBe(true);
    await expectAccessible(page);
    await formulier.getByLabel('Deel van de afgesloten zaken (procent)').fill('25');
    await page.locator('#kto-e-mailvraag-keuze-5-en').fill('How friendly we were');
    await formulier.getByRole('button', { name: 'Instelling van Vraag per e-mail bewaren' }).click();
    await expect.poll(() => page.getByText('De instelling van Vraag per e-mail is bewaard.').isVisible()).toBe(true);
    const bewaard = (await server.loket.services.kto.instellingen('GM0384')).find((i) => i.zaaktype === 'e-mailvraag');
    expect(bewaard).toMatchObject({ zaaktype: 'e-mailvraag', actief: true, vorm: 'score-10', steekproef: 25, vraag: { nl: 'Welk rapportcijfer geeft u ons antwoord?', en: 'What mark do you give our answer?' }, toelichtingVragen: false });
    expect(bewaard?.keuzes.map((k) => k.sleutel)).toEqual(['duidelijkheid', 'snelheid', 'bejegening', 'uitkomst', 'bereikbaarheid', 'hoe-vriendelijk-wij-waren']);
    expect(bewaard?.keuzes.at(-1)).toEqual({ sleutel: 'hoe-vriendelijk-wij-waren', nl: 'Hoe vriendelijk wij waren', en: 'How friendly we were' });
    expect(await page.getByRole('heading', { name: 'Uitkomsten van de afgelopen 90 dagen' }).isVisible()).toBe(true);
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await page.context().close();
  });

  it('a resident signs up without JavaScript, errors next to the fields, and confirms through the mail', async () => {
    const { zonder, beide, sluit } = await tweePaginas(browser);
    await beide((p) => p.goto(`${server.url}/diemen/inwonerspanel`));
    expect(await kop(zonder)).toBe('Meld u aan voor het inwonerspanel');
    await beide(async (p) => {
      await p.getByLabel('Uw e-mailadres').fill('geen-adres');
      await p.getByRole('button', { name: 'Aanmelden' }).click();
      await p.waitForLoadState();
    });
    expect(await zonder.title()).toMatch(/^Fout: /);
    expect(await zonder.locator('#email-fout').innerText()).toBe('Vul een e-mailadres in zoals naam@voorbeeld.nl.');
    expect(await zonder.locator('#wijk-fout').innerText()).toBe('Kies uw wijk.');
    expect(await zonder.getByRole('alert').innerText()).toContain('Geef toestemming.');

    await zonder.getByLabel('Uw e-mailadres').fill(EMAIL);
    await zonder.getByRole('radio', { name: '18 tot en met 34 jaar' }).check();
    await zonder.getByRole('radio', { name: 'Vrouw' }).check();
    await zonder.getByRole('radio', { name: 'Noord' }).check();
    await zonder.getByRole('radio', { name: 'Hbo of universiteit' }).check();
    await zonder.getByRole('checkbox', { name: 'Ik geef toestemming en wil lid worden van het inwonerspanel' }).check();
    await zonder.getByRole('button', { name: 'Aanmelden' }).click();
    await zonder.waitForURL(/\/diemen\/inwonerspanel\/aangemeld$/);
    expect(await kop(zonder)).toBe('Kijk in uw e-mail');

    const mail = await smtp.wachtOp(EMAIL, 'Bevestig uw aanmelding voor het inwonerspanel');
    const link = /https?:\/\/\S+\/inwonerspanel\/bevestig\/[A-Za-z0-9_-]{43}/.exec(mail.tekst)?.[0] ?? '';
    expect(link).not.toBe('');
    const pad = new URL(link).pathname;
    // Opening the link changes nothing (a mail scanner may open it); the button confirms.
    await beide((p) => p.goto(server.url + pad));
    expect(await kop(zonder)).toBe('Bevestig uw aanmelding');
    expect((await server.loket.services.enquetes.panelStand('GM0384')).leden).toBe(0);
    await zonder.getByRole('button', { name: 'Ik word lid' }).click();
    await zonder.waitForLoadState();
    expect(await kop(zonder)).toBe('U bent lid van het inwonerspanel');
    expect((await server.loket.services.enquetes.panelStand('GM0384')).leden).toBe(1);
    await sluit();
  });

  it('the sign-up pages are axe-clean in English too', async () => {
    const { zonder, beide, sluit } = await tweePaginas(browser);
    await beide((p) => p.goto(`${server.url}/diemen/en/inwonerspanel`));
    await beide(async (p) => {
      await p.getByRole('button', { name: 'Join', exact: true }).click();
      await p.waitForLoadState();
    });
    expect(await zonder.getByRole('alert').isVisible()).toBe(true);
    await beide((p) => p.goto(`${server.url}/diemen/en/inwonerspanel/aangemeld`));
    await sluit();
  });

  it('the researcher makes a survey in the staff app (errors at the fields), starts it and invites the panel', async () => {
    const { page, problemen } = await staf('pc@diemen.demo', '/GM0384/enquetes');
    await expect.poll(() => kop(page)).toBe('Enquêtes');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Nieuwe enquête' }).click();
    await expect.poll(() => kop(page)).toBe('Nieuwe enquête');
    await page.getByLabel('Titel (Nederlands)', { exact: true }).fill('Afval in uw buurt');
    const vraag = (n: number) => page.getByRole('group', { name: `Vraag ${n}`, exact: true });
    await vraag(1).getByLabel('Vraag-id').fill('tevreden');
    await vraag(1).getByLabel('Vraag (Nederlands)').fill('Bent u tevreden over het ophalen van afval?');
    await vraag(1).getByLabel('Verplicht', { exact: true }).check();
    // Saved without the English texts and option values: every error at once, at its field.
    await page.getByRole('button', { name: 'Concept bewaren' }).click();
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
    expect(await page.locator('#titel-en-fout').isVisible()).toBe(true);
    expect(await page.locator('#vraag-0-optie-0-waarde-fout').isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByLabel('Titel (Engels)', { exact: true }).fill('Waste in your area');
    await vraag(1).getByLabel('Vraag (Engels)').fill('Are you satisfied with waste collection?');
    for (const [i, [waarde, nl, en]] of [
      ['ja', 'Ja', 'Yes'],
      ['nee', 'Nee', 'No'],
    ].entries()) {
      await vraag(1).getByLabel(`Waarde van antwoord ${i + 1}`).fill(waarde as string);
      await vraag(1).getByLabel(`Tekst van antwoord ${i + 1} (Nederlands)`).fill(nl as string);
      await vraag(1).getByLabel(`Tekst van antwoord ${i + 1} (Engels)`).fill(en as string);
    }
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await vraag(2).getByLabel('Soort vraag').selectOption('rapportcijfer');
    await vraag(2).getByLabel('Vraag-id').fill('cijfer');
    await vraag(2).getByLabel('Vraag (Nederlands)').fill('Welk cijfer geeft u?');
    await vraag(2).getByLabel('Vraag (Engels)').fill('What mark do you give?');
    await vraag(2).getByLabel('Verplicht', { exact: true }).check();
    await vraag(2).getByLabel('Uitleg bij de vraag (niet verplicht) (Nederlands)').fill('Denk aan het afgelopen jaar.');
    await vraag(2).getByLabel('Uitleg bij de vraag (niet verplicht) (Engels)').fill('Think of the past year.');
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await vraag(3).getByLabel('Soort vraag').selectOption('open');
    await vraag(3).getByLabel('Vraag-id').fill('waarom');
    await vraag(3).getByLabel('Vraag (Nederlands)').fill('Wat kan beter?');
    await vraag(3).getByLabel('Vraag (Engels)').fill('What could be better?');
    await vraag(3).getByLabel('Alleen vragen als').selectOption('tevreden');
    await vraag(3).getByLabel('Bij deze antwoorden').fill('nee');
    await page.getByRole('button', { name: 'Concept bewaren' }).click();
    await expect.poll(() => kop(page)).toBe('Afval in uw buurt');
    expect(await page.getByText('Het concept is bewaard.').isVisible()).toBe(true);
    enqueteId = page.url().split('/').at(-1) ?? '';
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Enquête starten' }).click();
    await expect.poll(() => page.getByText('De enquête loopt.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Panelleden uitnodigen' }).click();
    await expect.poll(() => page.getByText('1 panellid uitgenodigd.').isVisible()).toBe(true);
    await expectAccessible(page);
    const mail = await smtp.wachtOp(EMAIL, 'Nieuwe vragenlijst: Afval in uw buurt');
    uitnodiging = new URL(/https?:\/\/\S+\/enquete\/u\/[A-Za-z0-9_-]{43}/.exec(mail.tekst)?.[0] ?? 'http://x/').pathname;
    expect(uitnodiging).toMatch(/^\/diemen\/enquete\/u\//);
    expect(problemen).toEqual([]);
    await page.context().close();
  });

  it('the resident answers from the invitation without JavaScript; errors next to the fields; a second answer is refused', async () => {
    const { zonder, met, beide, sluit } = await tweePaginas(browser);
    await beide((p) => p.goto(server.url + uitnodiging));
    expect(await kop(zonder)).toBe('Afval in uw buurt');
    await beide(async (p) => {
      await p.getByRole('button', { name: 'Verstuur' }).click();
      await p.waitForLoadState();
    });
    expect(await zonder.locator('#v-tevreden-fout').innerText()).toBe('Beantwoord deze vraag.');
    expect(await zonder.locator('#v-cijfer-fout').innerText()).toBe('Beantwoord deze vraag.');
    expect(await zonder.locator('#v-waarom-fout').count()).toBe(0);
    expect(await zonder.locator('#v-cijfer-uitleg').innerText()).toContain('Denk aan het afgelopen jaar.');

    await zonder.getByRole('radio', { name: 'Nee', exact: true }).check();
    await zonder.getByRole('radio', { name: '6', exact: true }).check();
    await zonder.getByLabel('3. Wat kan beter?').fill('Vaker legen. Bel mij op 06-12345678.');
    await zonder.getByRole('button', { name: 'Verstuur' }).click();
    await zonder.waitForURL(/\?bedankt=1$/);
    expect(await kop(zonder)).toBe('Bedankt voor uw antwoorden');

    // The second page still has the form: its answer is refused with a clear message, nothing stored.
    await met.getByRole('radio', { name: 'Ja', exact: true }).check();
    await met.getByRole('radio', { name: '9', exact: true }).check();
    await met.getByRole('button', { name: 'Verstuur' }).click();
    await met.waitForLoadState();
    expect(await kop(met)).toBe('U heeft deze vragenlijst al ingevuld');
    expect(await met.locator('main').innerText()).toContain('Er is niets veranderd.');
    await expectAccessible(met);
    const rapport = await server.loket.services.enquetes.rapport({ code: 'GM0384', slug: 'diemen', naam: 'Diemen' }, enqueteId, {});
    expect(rapport.panel.respondenten).toBe(1);
    expect(rapport.panel.vragen[0]?.antwoorden.find((a) => a.waarde === 'nee')?.aantal).toBe(1);
    // In English: the used link says so, axe-clean.
    await met.goto(server.url + uitnodiging.replace('/diemen/', '/diemen/en/'));
    expect(await kop(met)).toBe('You have already filled in this questionnaire');
    await expectAccessible(met);
    await sluit();
  });

  it('the researcher reads the report of the survey: one respondent, unweighted, with the reasons; the chart has its table', async () => {
    const { page, problemen } = await staf('pc@diemen.demo', `/GM0384/enquetes/${enqueteId}/rapport`);
    await expect.poll(() => kop(page)).toBe('Rapport: Afval in uw buurt');
    const tabel = page.getByRole('table', { name: 'Bent u tevreden over het ophalen van afval? (panel): aantallen, aandelen en 95%-intervallen' });
    await expect.poll(() => tabel.isVisible()).toBe(true);
    expect(await tabel.innerText()).toContain('100,0%');
    expect(await page.getByText('Niet gewogen: de aandelen hieronder zijn ongewogen').first().isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /Bent u tevreden over het ophalen van afval\? \(panel\)/ }).count()).toBe(1);
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await page.context().close();
  });

  it('the demo panel beside its margins, and a weighted report with a breakdown whose small cells are suppressed, nl and en', async () => {
    const { page, problemen } = await staf('beheerder@duoplus.demo', '/GM0437/inwonerspanel');
    await expect.poll(() => page.getByText('334 bevestigde panelleden', { exact: false }).isVisible()).toBe(true);
    const leeftijd = page.getByRole('table', { name: 'Panel en bevolking naar leeftijdsgroep' });
    expect(await leeftijd.getByRole('row', { name: /18-34/ }).innerText()).toMatch(/31,0%/);
    expect(await page.getByText('panellid-', { exact: false }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Enquêtes' }).click();
    await page.getByRole('link', { name: 'Contact met de gemeente' }).click();
    await page.getByRole('link', { name: 'Bekijk het rapport' }).click();
    await expect.poll(() => kop(page)).toBe('Rapport: Contact met de gemeente');
    const kanaal = page.getByRole('table', { name: /^Hoe had u het laatst contact met de gemeente\? \(panel\)/ });
    await expect.poll(() => kanaal.isVisible()).toBe(true);
    expect(await kanaal.getByRole('columnheader').allInnerTexts()).toEqual(['Antwoord', 'Aantal', 'Ongewogen', 'Gewogen', '95%-interval']);
    expect(await page.getByText('Gewogen naar de marges van de bevolking').isVisible()).toBe(true);
    await expectAccessible(page);

    // The CSV has a line per answer with n, n_eff and the weighted share.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download als CSV' }).click()]);
    const csvTekst = readFileSync(await download.path(), 'utf8');
    expect(csvTekst.split('\r\n')[0]).toBe('bron,groep,vraag,antwoord,aantal,n,n_eff,ongewogen,gewogen,interval_laag,interval_hoog');
    expect(csvTekst).toMatch(/\r\npanel,,kanaal,website,\d+,295,/);

    // Trimmed weights: the report says at what.
    await page.getByLabel('Gewichten afkappen op (niet verplicht)').fill('2');
    await page.getByLabel('Uitsplitsen naar').selectOption('geslacht');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Uitgesplitst naar geslacht' }).isVisible()).toBe(true);
    expect(await page.getByRole('definition').filter({ hasText: /^2$/ }).count()).toBe(1);
    const geslacht = page.getByRole('table', { name: 'Hoe had u het laatst contact met de gemeente? per geslacht' });
    expect(await geslacht.getByRole('row', { name: /anders/ }).innerText()).toContain('Onderdrukt (te weinig respondenten)');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => kop(page)).toBe('Report: Contact met de gemeente');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Residents’ panel' }).click();
    await expect.poll(() => kop(page)).toBe('Residents’ panel');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Question after closing' }).click();
    await expect.poll(() => kop(page)).toBe('Question after closing');
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await page.context().close();
  });
});
