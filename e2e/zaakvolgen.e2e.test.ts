import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systeemklok } from '../src/klok.ts';
import { datumTekst } from '../src/i18n/i18n.ts';
import { demoGebruiker } from '../test/demo.ts';
import { logIn, type Ingelogd } from '../test/login.ts';
import { smtpOntvanger } from '../test/smtp.ts';
import { startBrowser, startLoketServer, tweePaginas, type LoketServer } from './support.ts';

let server: LoketServer;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let browser: Browser;
let kcc: Ingelogd;

beforeAll(async () => {
  smtp = await smtpOntvanger();
  server = await startLoketServer({ SMTP_URL: smtp.url, LOKET_TERMIJNBEWAKING_MINUTEN: '0' });
  browser = await startBrowser();
  const g = demoGebruiker('kcc@duoplus.demo');
  kcc = await logIn(server.loket.app, systeemklok, g.email, g.wachtwoord, g.totpGeheim);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

/** A kcc-medewerker registers a zaak through the API; the resident's receipt mail arrives over SMTP. */
async function registreer(email: string, taal: 'nl' | 'en'): Promise<{ identificatie: string; pad: string; einddatum: string }> {
  const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const res = await server.loket.app.inject({
    method: 'POST',
    url: '/api/v1/gemeenten/GM0384/zaken',
    headers: kcc.headers,
    payload: { zaaktype: 'klacht', onderwerp: 'Onvriendelijk behandeld', kanaal: 'balie', ontvangstdatum: vandaag, betrokkene: { naam: 'Anna de Vries', email, taal } },
  });
  expect(res.statusCode, res.body).toBe(201);
  const zaak = res.json();
  const mail = await smtp.wachtOp(email, new RegExp(zaak.identificatie));
  const link = /https?:\/\/\S+\/zaken\/[a-z2-7]{32}/.exec(mail.tekst)?.[0];
  expect(link).toBeDefined();
  return { identificatie: zaak.identificatie, pad: new URL(link ?? '').pathname, einddatum: zaak.uiterlijkeEinddatum };
}

describe.each([
  {
    taal: 'nl' as const,
    titel: (id: string) => `Uw zaak ${id}`,
    fase: 'Wij hebben uw klacht ontvangen.',
    datumLabel: 'U hoort van ons uiterlijk op',
    contact: 'het team Juridische zaken',
    veld: 'Uw bericht',
    knop: 'Bericht versturen',
    leeg: 'U heeft nog niets geschreven. Schrijf uw bericht in het vak.',
    bevestiging: 'Wij hebben uw bericht ontvangen.',
    reactie: 'Ik wil graag teruggebeld worden.',
    ander: 'English',
  },
  {
    taal: 'en' as const,
    titel: (id: string) => `Your case ${id}`,
    fase: 'We have received your complaint.',
    datumLabel: 'You will hear from us by',
    contact: 'the team handling your case: Juridische zaken',
    veld: 'Your message',
    knop: 'Send message',
    leeg: 'You have not written anything yet. Write your message in the box.',
    bevestiging: 'We have received your message.',
    reactie: 'Please call me back.',
    ander: 'Nederlands',
  },
])('tracking page without JavaScript ($taal)', (tekst) => {
  it('shows phase, date and contact; shows an error next to the field; takes a reply', async () => {
    const zaak = await registreer(`anna-${tekst.taal}@example.nl`, tekst.taal);
    expect(zaak.pad).toMatch(tekst.taal === 'en' ? /^\/diemen\/en\/zaken\// : /^\/diemen\/zaken\//);
    const { zonder, beide, sluit } = await tweePaginas(browser);

    await beide((page) => page.goto(server.url + zaak.pad));
    expect(await zonder.locator('html').getAttribute('lang')).toBe(tekst.taal);
    expect(await zonder.locator('h1').innerText()).toBe(tekst.titel(zaak.identificatie));
    const gegevens = zonder.locator('dl');
    await expect.poll(() => gegevens.innerText()).toContain(tekst.fase);
    expect(await gegevens.innerText()).toContain(`${tekst.datumLabel}\n${datumTekst(tekst.taal, zaak.einddatum)}`);
    expect(await gegevens.innerText()).toContain(tekst.contact);
    expect(await zonder.locator('[aria-current="step"]').count()).toBe(1);

    // Empty: the page again (400) with the error next to the field.
    await beide(async (page) => {
      await page.getByRole('button', { name: tekst.knop }).click();
      await page.waitForLoadState();
    });
    const fout = zonder.locator('.utrecht-form-field--invalid #tekst-fout');
    expect(await fout.innerText()).toBe(tekst.leeg);
    const veld = zonder.getByLabel(tekst.veld);
    expect(await veld.getAttribute('aria-invalid')).toBe('true');
    expect(await veld.getAttribute('aria-describedby')).toContain('tekst-fout');
    expect(await zonder.getByRole('alert').innerText()).toContain(tekst.leeg);

    // A real reply: back on the page (303) with a confirmation, the reply in the timeline.
    await beide(async (page) => {
      await page.getByLabel(tekst.veld).fill(tekst.reactie);
      await page.getByRole('button', { name: tekst.knop }).click();
      await page.waitForURL(/\?verstuurd=1$/);
    });
    expect(await zonder.getByRole('status').innerText()).toContain(tekst.bevestiging);
    expect(await zonder.locator('main').innerText()).toContain(tekst.reactie);
    expect(await zonder.getByLabel(tekst.veld).inputValue()).toBe('');

    // The language switch keeps the zaak.
    await beide(async (page) => {
      await page.getByRole('link', { name: tekst.ander }).click();
      await page.waitForLoadState();
    });
    expect(await zonder.locator('html').getAttribute('lang')).toBe(tekst.taal === 'nl' ? 'en' : 'nl');
    expect(await zonder.locator('main').innerText()).toContain(tekst.reactie);
    await sluit();
  });
});
