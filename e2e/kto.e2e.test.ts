import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systeemklok } from '../src/klok.ts';
import { demoGebruiker } from '../test/demo.ts';
import { logIn, type Ingelogd } from '../test/login.ts';
import { smtpOntvanger } from '../test/smtp.ts';
import { expectAccessible, startBrowser, startLoketServer, tweePaginas, type LoketServer } from './support.ts';

let server: LoketServer;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let browser: Browser;
let kcc: Ingelogd;
let tim: Ingelogd;

beforeAll(async () => {
  smtp = await smtpOntvanger();
  server = await startLoketServer({ SMTP_URL: smtp.url, LOKET_TERMIJNBEWAKING_MINUTEN: '0' });
  browser = await startBrowser();
  const inloggen = (email: string) => {
    const g = demoGebruiker(email);
    return logIn(server.loket.app, systeemklok, g.email, g.wachtwoord, g.totpGeheim);
  };
  kcc = await inloggen('kcc@duoplus.demo');
  tim = await inloggen('teamleider@diemen.demo');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

/** A kcc-medewerker registers a question by e-mail, the team closes it; the question after closing arrives over SMTP. */
async function gesloten(email: string): Promise<{ identificatie: string; pad: string; volgpad: string }> {
  const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const basis = '/api/v1/gemeenten/GM0384/zaken';
  const res = await server.loket.app.inject({
    method: 'POST',
    url: basis,
    headers: kcc.headers,
    payload: { zaaktype: 'e-mailvraag', onderwerp: 'Openingstijden', kanaal: 'e-mail', ontvangstdatum: vandaag, betrokkene: { naam: 'Anna de Vries', email, taal: 'nl' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  const zaak = res.json();
  const detail = await server.loket.app.inject({ method: 'GET', url: `${basis}/${zaak.id}`, headers: tim.headers });
  const dicht = await server.loket.app.inject({
    method: 'POST',
    url: `${basis}/${zaak.id}/afsluiting`,
    headers: { ...tim.headers, 'if-match': detail.headers.etag as string },
    payload: { resultaattype: detail.json().zaaktypeVersie.resultaattypen[0].id },
  });
  expect(dicht.statusCode, dicht.body).toBe(200);
  const mail = await smtp.wachtOp(email, `Wat vond u van de afhandeling van zaak ${zaak.identificatie}?`);
  const link = /https?:\/\/\S+\/kto\/[A-Za-z0-9_-]{43}/.exec(mail.tekst)?.[0];
  expect(link).toBeDefined();
  return { identificatie: zaak.identificatie, pad: new URL(link ?? '').pathname, volgpad: new URL(zaak.volglink).pathname };
}

describe('the question after closing, without JavaScript', () => {
  it('shows the question, errors next to the fields and in a summary, takes the answer once; axe-clean in every state', async () => {
    const zaak = await gesloten('anna-kto@example.nl');
    const { zonder, met, beide } = await tweePaginas(browser);

    await beide((page) => page.goto(server.url + zaak.pad));
    expect(await zonder.locator('h1').innerText()).toBe('Wat vond u van de afhandeling?');
    expect(await zonder.locator('main').innerText()).toContain(`Wij hebben uw zaak ${zaak.identificatie} afgehandeld.`);

    // Nothing chosen: the page again with both errors, at the fields and in the summary.
    await beide(async (page) => {
      await page.getByRole('button', { name: 'Verstuur' }).click();
      await page.waitForLoadState();
    });
    expect(await zonder.title()).toMatch(/^Fout: /);
    const samenvatting = await zonder.getByRole('alert').innerText();
    expect(samenvatting).toContain('Kies een antwoord.');
    expect(samenvatting).toContain('Kies wat goed of niet goed ging.');
    expect(await zonder.locator('#score-fout').innerText()).toBe('Kies een antwoord.');
    expect(await zonder.locator('#punt').getAttribute('aria-describedby')).toBe('punt-uitleg punt-fout');

    // The closed zaak's tracking page shows the same question (axe-clean too).
    await met.goto(server.url + zaak.volgpad);
    expect(await met.locator('#tevredenheid h2').first().innerText()).toBe('Wat vond u van de afhandeling?');
    await expectAccessible(met);
    await met.goto(server.url + zaak.pad);

    // The answer, in the page without JavaScript.
    await zonder.getByRole('radio', { name: '4' }).check();
    await zonder.getByRole('radio', { name: 'Hoe wij u behandelden' }).check();
    await zonder.getByLabel('Wilt u nog iets zeggen? (niet verplicht)').fill('Vriendelijk geholpen. Mijn nummer is 06-12345678.');
    await zonder.getByRole('button', { name: 'Verstuur' }).click();
    await zonder.waitForURL(/\?bedankt=1$/);
    expect(await zonder.locator('h1').innerText()).toBe('Bedankt voor uw antwoord');
    const opgeslagen = await server.database.db.selectFrom('kto_antwoord').selectAll().execute();
    expect(opgeslagen).toMatchObject([{ score: 4, tevreden: true, punt: 'bejegening', toelichting: 'Vriendelijk geholpen. Mijn nummer is [telefoonnummer].' }]);

    // The second page still has the form: its answer is refused with a clear message, nothing changed.
    await met.getByRole('radio', { name: '1' }).check();
    await met.getByRole('radio', { name: 'Hoe snel het ging' }).check();
    await met.getByRole('button', { name: 'Verstuur' }).click();
    await met.waitForLoadState();
    expect(await met.locator('h1').innerText()).toBe('U heeft deze vraag al beantwoord');
    await expectAccessible(met);
    expect(await server.database.db.selectFrom('kto_antwoord').selectAll().execute()).toEqual(opgeslagen);
    await met.goto(`${server.url}${zaak.pad}?bedankt=1`);
    await expectAccessible(met);
    await Promise.all([zonder.context().close(), met.context().close()]);
  });
});

describe('a question configured for the zaaktype', () => {
  it('asks its own text on 1–10 with its own choices and no text field, nl and en, errors at the fields; axe-clean in every state', async () => {
    await server.loket.services.kto.zetInstelling('GM0384', {
      zaaktype: 'e-mailvraag',
      actief: true,
      vorm: 'score-10',
      steekproef: 100,
      vraag: { nl: 'Welk rapportcijfer geeft u ons antwoord op uw e-mail?', en: 'What mark do you give our answer to your e-mail?' },
      keuzes: [
        { sleutel: 'wachttijd', nl: 'Hoe lang ik moest wachten', en: 'How long I had to wait' },
        { sleutel: 'antwoord', nl: 'Of mijn vraag beantwoord is', en: 'Whether my question was answered' },
        { sleutel: 'toon', nl: 'De toon van ons antwoord', en: 'The tone of our answer' },
      ],
      toelichtingVragen: false,
    });
    const zaak = await gesloten('bo-kto@example.nl');
    const { zonder, met, beide } = await tweePaginas(browser);

    await beide((page) => page.goto(server.url + zaak.pad));
    await expect.poll(() => zonder.locator('#score legend').innerText()).toBe('Welk rapportcijfer geeft u ons antwoord op uw e-mail?');
    expect(await zonder.getByRole('radio').count()).toBe(13);
    expect(await zonder.locator('#punt label').allInnerTexts()).toEqual(['Hoe lang ik moest wachten', 'Of mijn vraag beantwoord is', 'De toon van ons antwoord']);
    expect(await zonder.locator('textarea').count()).toBe(0);

    // In English: the English texts of the same question.
    const engels = zaak.pad.replace('/kto/', '/en/kto/');
    await beide((page) => page.goto(server.url + engels));
    await expect.poll(() => met.locator('#score legend').innerText()).toBe('What mark do you give our answer to your e-mail?');
    expect(await met.locator('#punt label').allInnerTexts()).toEqual(['How long I had to wait', 'Whether my question was answered', 'The tone of our answer']);

    // Only a score: the choice's error at its field and in the summary.
    await beide(async (page) => {
      await page.getByRole('radio', { name: '9' }).check();
      await page.getByRole('button', { name: 'Send' }).click();
      await page.waitForLoadState();
    });
    await expect.poll(() => zonder.title()).toMatch(/^Error: /);
    expect(await zonder.locator('#punt-fout').innerText()).toBe('Choose what went well or not well.');
    expect(await zonder.getByRole('radio', { name: '9' }).isChecked()).toBe(true);

    await zonder.getByRole('radio', { name: 'The tone of our answer' }).check();
    await zonder.getByRole('button', { name: 'Send' }).click();
    await zonder.waitForURL(/\?bedankt=1$/);
    await expect.poll(() => zonder.locator('h1').innerText(), { timeout: 10_000 }).toBe('Thank you for your answer');
    await met.goto(`${server.url}${engels}?bedankt=1`);
    await expect.poll(() => met.locator('h1').innerText()).toBe('Thank you for your answer');
    await expectAccessible(met);
    const opgeslagen = await server.database.db.selectFrom('kto_antwoord').select(['score', 'tevreden', 'punt', 'punt_tekst', 'toelichting']).where('punt', '=', 'toon').execute();
    expect(opgeslagen).toEqual([{ score: 9, tevreden: true, punt: 'toon', punt_tekst: 'De toon van ons antwoord', toelichting: null }]);
    await Promise.all([zonder.context().close(), met.context().close()]);
  });
});
