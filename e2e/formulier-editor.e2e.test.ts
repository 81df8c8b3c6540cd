import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { expectAccessible, logInInApp, nieuwePagina, startBrowser, startLoketServer, tweePaginas, verwachtMedewerkersApp, type LoketServer } from './support.ts';

let server: LoketServer;
let browser: Browser;

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer();
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The view has this one h1 (also in the document title) and passes axe. */
async function isOp(page: Page, h1: string | RegExp): Promise<void> {
  const kop = page.getByRole('heading', { level: 1 });
  await expect.poll(() => kop.innerText()).toMatch(h1);
  expect(await page.title()).toContain(await kop.innerText());
  await expectAccessible(page);
}

const tt = (nl: string) => ({ nl, en: `${nl} (en)` });
const volgende = async (page: Page, knop = 'Volgende') => {
  await page.getByRole('button', { name: knop }).click();
  await page.waitForLoadState();
};
const groep = (plek: Page | Locator, naam: string): Locator => plek.getByRole('group', { name: naam, exact: true });
const sectie = (page: Page, naam: string): Locator => page.getByRole('region', { name: naam, exact: true });

async function vraag(plek: Locator, v: { id: string; soort?: string; nl: string; en: string; hulp?: string; verplicht?: boolean }): Promise<void> {
  await plek.getByLabel('Id van de vraag').fill(v.id);
  if (v.soort) await plek.getByLabel('Soort antwoord').selectOption(v.soort);
  await plek.getByLabel('Vraag (Nederlands)').fill(v.nl);
  await plek.getByLabel('Vraag (Engels)').fill(v.en);
  if (v.hulp) await plek.getByLabel('Hulptekst (Nederlands)').fill(v.hulp);
  if (v.verplicht === false) await plek.getByLabel('De inwoner moet deze vraag beantwoorden').uncheck();
}

describe('form editor in the staff app', () => {
  it('a beheerder builds a two-step form with a choice and a condition, sees errors at their fields, previews and publishes it; a resident fills it in without JavaScript; then it is withdrawn', { timeout: 300_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    await logInInApp(page, server, 'beheerder@duoplus.demo', '/GM0384/formulieren');
    await isOp(page, 'Formulieren');
    // The demo's forms are listed with their version and status.
    expect(await page.getByRole('table', { name: 'Formulieren van Diemen (alle versies)' }).innerText()).toContain('Gepubliceerd');

    await page.getByRole('link', { name: 'Nieuw formulier' }).click();
    await isOp(page, 'Nieuw formulier');
    // Nothing filled in: every error at once, next to its field (also inside the step's questions).
    await page.getByRole('button', { name: 'Formulier aanmaken (als concept)' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Controleer deze velden');
    expect(await page.locator('#code').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#definitie-stappen-0-velden-0-label-nl').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#definitie-stappen-0-id-fout').innerText()).not.toBe('');
    await expectAccessible(page);

    const zaaktypen = await page.locator('#zaaktype option').allInnerTexts();
    const vraagZaaktype = zaaktypen.find((o) => o.includes('(vraag), versie') && o.endsWith('Gepubliceerd'));
    expect(vraagZaaktype).toBeDefined();
    await page.getByLabel('Code', { exact: true }).fill('proef-vraag');
    await page.getByLabel('Zaaktype').selectOption({ label: vraagZaaktype ?? '' });
    await page.getByLabel('Titel (Nederlands)', { exact: true }).fill('Proefvraag');
    await page.getByLabel('Titel (Engels)', { exact: true }).fill('Trial question');
    await page.getByLabel('Inleiding (Nederlands)').fill('Stel hier uw vraag.');

    const stap1 = groep(page, 'Stap 1');
    await stap1.getByLabel('Id van de stap').fill('vraag');
    await stap1.getByLabel('Titel van de stap (Nederlands)').fill('Uw vraag');
    await stap1.getByLabel('Titel van de stap (Engels)').fill('Your question');
    await vraag(groep(page, 'Vraag 1.1'), { id: 'onderwerp', nl: 'Waar gaat het over?', en: 'What is it about?', hulp: 'Een paar woorden is genoeg.' });
    await stap1.getByRole('button', { name: 'Vraag toevoegen aan stap 1' }).click();
    // The new question's first field has the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('definitie-stappen-0-velden-1-id');
    const keuzeVraag = groep(page, 'Vraag 1.2');
    await vraag(keuzeVraag, { id: 'soort', soort: 'keuze', nl: 'Wat voor vraag is het?', en: 'What kind of question?' });
    const keuze1 = groep(keuzeVraag, 'Keuze 1');
    await keuze1.getByLabel('Waarde').fill('afval');
    await keuze1.getByLabel('Tekst (Nederlands)').fill('Over afval');
    await keuze1.getByLabel('Tekst (Engels)').fill('About waste');
    const keuze2 = groep(keuzeVraag, 'Keuze 2');
    await keuze2.getByLabel('Waarde').fill('anders');
    await keuze2.getByLabel('Tekst (Nederlands)').fill('Iets anders');
    await keuze2.getByLabel('Tekst (Engels)').fill('Something else');

    await page.getByRole('button', { name: 'Stap toevoegen' }).click();
    const stap2 = groep(page, 'Stap 2');
    await stap2.getByLabel('Id van de stap').fill('gegevens');
    await stap2.getByLabel('Titel van de stap (Nederlands)').fill('Uw gegevens');
    await stap2.getByLabel('Titel van de stap (Engels)').fill('Your details');
    await vraag(groep(page, 'Vraag 2.1'), { id: 'email', soort: 'email', nl: 'Wat is uw e-mailadres?', en: 'What is your e-mail address?' });
    await stap2.getByRole('button', { name: 'Vraag toevoegen aan stap 2' }).click();
    const toelichting = groep(page, 'Vraag 2.2');
    await vraag(toelichting, { id: 'toelichting', soort: 'lange-tekst', nl: 'Vertel er meer over', en: 'Tell us more', verplicht: false });
    await toelichting.getByLabel('Alleen tonen als deze vraag…').selectOption('soort');
    await page.getByLabel('Vraag met het e-mailadres (voor de ontvangstbevestiging)').selectOption('email');
    await page.getByLabel('Vraag die het onderwerp van de zaak wordt').selectOption('onderwerp');
    // A condition without its value comes back from the API next to that field.
    await page.getByRole('button', { name: 'Formulier aanmaken (als concept)' }).click();
    await expect.poll(() => page.locator('#definitie-stappen-1-velden-1-toonAls-is').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#code').getAttribute('aria-invalid')).toBe(null);
    await expectAccessible(page);
    await toelichting.getByLabel('…dit antwoord heeft').fill('anders');
    await page.getByRole('button', { name: 'Formulier aanmaken (als concept)' }).click();

    await isOp(page, 'Proefvraag: versie 1');
    expect(await page.getByRole('status').innerText()).toContain('Het formulier proef-vraag is aangemaakt als concept.');
    const voorbeeld = sectie(page, 'Voorbeeld');
    expect(await voorbeeld.innerText()).toContain('Stap 2 van 2: Uw gegevens');
    expect(await voorbeeld.innerText()).toContain('Alleen als het antwoord op \u201cWat voor vraag is het?\u201d Iets anders is.');
    expect(await voorbeeld.getByLabel('Over afval').count()).toBe(1);

    // An edit of the concept is saved; then publish.
    const bewerken = sectie(page, 'Concept bewerken');
    await groep(bewerken, 'Vraag 1.1').getByLabel('Hulptekst (Engels)').fill('A few words will do.');
    await bewerken.getByRole('button', { name: 'Concept opslaan' }).click();
    await expect.poll(() => bewerken.getByRole('status').allInnerTexts()).toContain('De wijziging is opgeslagen.');
    await sectie(page, 'Publiceren').getByRole('button', { name: 'Publiceren' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('Het formulier is gepubliceerd. Inwoners kunnen het nu invullen.');
    // Published: no editing any more, only withdraw or a new version.
    expect(await page.getByRole('region', { name: 'Concept bewerken' }).count()).toBe(0);
    expect(await page.locator('dl').innerText()).toContain('Gepubliceerd');
    await expectAccessible(page);
    const formulier = await server.loket.services.formulieren.gepubliceerd('GM0384', 'proef-vraag');
    expect(formulier?.definitie.stappen[0]?.velden[0]?.hulp).toEqual({ nl: 'Een paar woorden is genoeg.', en: 'A few words will do.' });

    // The resident, without JavaScript: the condition shows the extra question only for "Iets anders".
    const inwoner = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await inwoner.goto(`${server.url}/diemen/formulieren/proef-vraag`);
    expect(await inwoner.locator('h1').innerText()).toBe('Proefvraag');
    await inwoner.getByRole('button', { name: 'Start' }).click();
    await inwoner.getByLabel('Waar gaat het over?').fill('Container');
    await inwoner.getByLabel('Iets anders').check();
    await inwoner.getByRole('button', { name: 'Volgende' }).click();
    expect(await inwoner.locator('h1').innerText()).toBe('Uw gegevens');
    await inwoner.getByLabel('Wat is uw e-mailadres?').fill('proef@example.nl');
    await inwoner.getByLabel(/^Vertel er meer over/).fill('De container is kapot.');
    await inwoner.getByRole('button', { name: 'Volgende' }).click();
    expect(await inwoner.locator('h1').innerText()).toBe('Controleer uw antwoorden');
    expect(await inwoner.locator('main').innerText()).toContain('De container is kapot.');
    await inwoner.getByRole('button', { name: 'Versturen' }).click();
    expect(await inwoner.locator('h1').innerText()).toBe('Wij hebben uw formulier ontvangen');
    expect(await inwoner.locator('.loket-zaaknummer').innerText()).toMatch(/^Z-\d{4}-\d{6}$/);
    await inwoner.context().close();

    // Withdraw: the portal no longer has the form.
    await sectie(page, 'Intrekken').getByRole('button', { name: 'Intrekken' }).click();
    await expect.poll(() => page.getByRole('status').allInnerTexts()).toContain('Het formulier is ingetrokken.');
    expect(await page.locator('dl').innerText()).toContain('Ingetrokken');
    await expectAccessible(page);
    expect((await fetch(`${server.url}/diemen/formulieren/proef-vraag`)).status).toBe(404);

    // A new version is a concept copy.
    await sectie(page, 'Nieuwe versie maken').getByRole('button', { name: 'Nieuwe versie maken' }).click();
    await isOp(page, 'Proefvraag: versie 2');
    expect(await page.locator('dl').innerText()).toContain('Concept');

    expect(problemen).toEqual([]);
    await context.close();
  });

  it('a file upload in a form without JavaScript: a bad file gets a B1 error at the field, a photo goes through and is a document of the zaak; axe-clean', { timeout: 300_000 }, async () => {
    const zaaktype = await server.database.db.selectFrom('zaaktype').select('id').where('gemeente', '=', 'GM0384').where('code', '=', 'vraag').where('status', '=', 'gepubliceerd').executeTakeFirstOrThrow();
    const formulieren = server.loket.services.formulieren;
    const concept = await formulieren.maak(cliContext(), 'GM0384', {
      code: 'foto-sturen',
      zaaktype: zaaktype.id,
      definitie: {
        titel: tt('Foto sturen'),
        inleiding: tt(''),
        stappen: [{ id: 'foto', titel: tt('Uw foto'), velden: [{ id: 'naam', soort: 'tekst', label: tt('Wat is uw naam?'), verplicht: true }, { id: 'foto', soort: 'bestand', label: tt('Kies uw foto'), verplicht: true }] }],
        contact: { naam: 'naam' },
      },
    });
    await formulieren.publiceer(cliContext(), 'GM0384', concept.id, concept.revisie);

    const { zonder, beide, sluit } = await tweePaginas(browser);
    await beide((page) => page.goto(`${server.url}/diemen/formulieren/foto-sturen`));
    await beide((page) => volgende(page, 'Start'));
    expect(await zonder.locator('h1').innerText()).toBe('Uw foto');
    // Not a PDF at all, though its name says so: refused at the field, nothing stored.
    await beide(async (page) => {
      await page.getByLabel('Wat is uw naam?').fill('Anna de Vries');
      await page.getByLabel('Kies uw foto').setInputFiles({ name: 'foto.pdf', mimeType: 'application/pdf', buffer: Buffer.from('gewone tekst') });
      await volgende(page);
    });
    expect(await zonder.locator('#foto-fout').innerText()).toBe('Dit soort bestand nemen wij niet aan. Kies een PDF, JPG of PNG.');
    expect(await zonder.getByRole('alert').innerText()).toContain('Kies uw foto: Dit soort bestand nemen wij niet aan.');
    expect(await zonder.locator('#foto').getAttribute('aria-invalid')).toBe('true');
    expect(await server.database.db.selectFrom('formulier_bestand').select('veld').execute()).toEqual([]);

    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 0, g: 128, b: 0 } } }).png().toBuffer();
    await beide(async (page) => {
      await page.getByLabel('Kies uw foto').setInputFiles({ name: 'stoep.png', mimeType: 'image/png', buffer: png });
      await volgende(page);
    });
    expect(await zonder.locator('h1').innerText()).toBe('Controleer uw antwoorden');
    expect(await zonder.locator('main').innerText()).toContain('stoep.png');
    await beide((page) => volgende(page, 'Versturen'));
    expect(await zonder.locator('h1').innerText()).toBe('Wij hebben uw formulier ontvangen');
    const nummer = await zonder.locator('.loket-zaaknummer').innerText();
    const documenten = await server.database.db
      .selectFrom('zaak_document as d')
      .innerJoin('zaak as z', (j) => j.onRef('z.gemeente', '=', 'd.gemeente').onRef('z.id', '=', 'd.zaak_id'))
      .select(['d.bestandsnaam', 'd.mediatype'])
      .where('z.identificatie', '=', nummer)
      .execute();
    expect(documenten.map((d) => d.bestandsnaam)).toContain('stoep.png');
    await sluit();
  });
});
