import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpOntvanger } from '../test/smtp.ts';
import { expectAccessible, startBrowser, startLoketServer, tweePaginas, type LoketServer } from './support.ts';

let server: LoketServer;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let browser: Browser;

beforeAll(async () => {
  smtp = await smtpOntvanger();
  server = await startLoketServer({ SMTP_URL: smtp.url, LOKET_AFSPRAKEN_PER_EMAIL: '10' });
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe.each([
  { taal: 'nl' as const, slot: 0, start: '/diemen/producten/paspoort', knop: 'Maak een afspraak', tijdKop: 'Kies een dag en tijd', verder: 'Verder', naam: 'Naam', email: 'E-mailadres', controle: 'Controleer uw afspraak', bevestig: 'Afspraak maken', gemaakt: 'Uw afspraak is gemaakt', emailFout: 'Vul een geldig e-mailadres in', afzeggen: 'Ja, zeg de afspraak af', afgezegd: 'Uw afspraak is afgezegd.', verzetten: 'Verzet naar deze tijd', verzet: 'Uw afspraak is verzet.' },
  { taal: 'en' as const, slot: 1, start: '/diemen/en/products/paspoort', knop: 'Make an appointment', tijdKop: 'Choose a day and time', verder: 'Continue', naam: 'Name', email: 'Email address', controle: 'Check your appointment', bevestig: 'Make the appointment', gemaakt: 'Your appointment has been made', emailFout: 'Enter a valid email address', afzeggen: 'Yes, cancel the appointment', afgezegd: 'Your appointment has been cancelled.', verzetten: 'Move to this time', verzet: 'Your appointment has been moved.' },
])('booking an appointment without JavaScript ($taal)', (s) => {
  it('goes from the product page to a booked appointment, then moves and cancels it through the link in the mail', async () => {
    const { zonder, beide, sluit } = await tweePaginas(browser);
    const email = `inwoner-${s.taal}@example.org`;
    await beide(async (page) => {
      await page.goto(`${server.url}${s.start}`);
      await page.getByRole('link', { name: s.knop }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(s.tijdKop);
    });
    await beide(async (page) => {
      // Each language its own slot: the two pages of one run take two of its three desks.
      await page.locator('input[name="keuze"]').nth(s.slot).check();
      await page.getByRole('button', { name: s.verder }).click();
      await page.getByLabel(s.naam).waitFor();
    });
    // A bad e-mail address: the error at the field and in the summary.
    await beide(async (page) => {
      await page.getByLabel(s.naam).fill('Fatma Yilmaz');
      await page.getByLabel(s.email).fill('geen-adres');
      await page.getByRole('button', { name: s.verder }).click();
      await page.locator('#email-fout').waitFor();
      expect(await page.locator('#email-fout').textContent()).toContain(s.emailFout);
    });
    await beide(async (page) => {
      await page.getByLabel(s.email).fill(email);
      await page.getByRole('button', { name: s.verder }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(s.controle);
    });
    await beide(async (page) => {
      await page.getByRole('button', { name: s.bevestig }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(s.gemaakt);
    });
    expect(await zonder.textContent('body')).toContain(email);
    await sluit();

    // The link in the confirmation mail opens the appointment's page.
    const mail = await smtp.wachtOp(email, /.+/);
    const link = /https?:\/\/\S+\/(afspraak|appointment)\/[A-Za-z0-9_-]{43}/.exec(mail.tekst.replace(/=\r?\n/g, ''))?.[0] ?? ''; // quoted-printable: soft line breaks
    expect(link, mail.tekst).not.toBe('');
    const pad = new URL(link).pathname;
    const pagina = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    const axe = await (await browser.newContext()).newPage();
    await pagina.goto(`${server.url}${pad}`);
    await axe.goto(`${server.url}${pad}`);
    await expectAccessible(axe);
    await pagina.locator('input[name="keuze"]').last().check();
    await pagina.getByRole('button', { name: s.verzetten }).click();
    await pagina.getByText(s.verzet).waitFor();
    await axe.goto(pagina.url());
    await expectAccessible(axe);
    await pagina.getByRole('button', { name: s.afzeggen }).click();
    await pagina.getByText(s.afgezegd).waitFor();
    await axe.goto(pagina.url());
    await expectAccessible(axe);
    // An unknown link: the 404 page, accessible too.
    const onbekend = await axe.goto(`${server.url}${pad.slice(0, -43)}${'x'.repeat(43)}`);
    expect(onbekend?.status()).toBe(404);
    await expectAccessible(axe);
    await Promise.all([pagina.context().close(), axe.context().close()]);
  });
});
