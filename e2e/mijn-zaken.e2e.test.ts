import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_INWONERS, startDemoProvider, type DemoProvider } from '../src/modules/inwoners/demo-provider.ts';
import { bsnSleutelVan } from '../src/modules/inwoners/inwoners.service.ts';
import { smtpOntvanger } from '../test/smtp.ts';
import { startBrowser, startLoketServer, tweePaginas, type LoketServer } from './support.ts';

/**
 * The resident's journey without JavaScript (ADR 0077): from the portal home to "Mijn zaken", log
 * in at the real demo OpenID provider as a fictional resident, see their zaken, open one and reply
 * to it with the tracking page's form, log out; and "stuur mij een link" with the mail through a real SMTP receiver. Axe on every page,
 * the provider's own login page included.
 */

const SLEUTEL = 'e2e-bsn-sleutel-0123456789abcdef';
const FATIMA = DEMO_INWONERS[0]!;

let provider: DemoProvider;
let server: LoketServer;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let browser: Browser;
let identificatie: string;

/** A free port on loopback, so the provider knows Loket's callback address before Loket listens. */
async function vrijePoort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((klaar) => s.listen(0, '127.0.0.1', () => klaar()));
  const adres = s.address();
  const poort = typeof adres === 'object' && adres ? adres.port : 0;
  await new Promise<void>((klaar) => s.close(() => klaar()));
  return poort;
}

beforeAll(async () => {
  const poort = await vrijePoort();
  const basis = `http://127.0.0.1:${poort}`;
  provider = await startDemoProvider({ redirectUris: [`${basis}/diemen/inloggen/terug`] });
  smtp = await smtpOntvanger();
  server = await startLoketServer(
    {
      PUBLIC_URL: basis,
      SMTP_URL: smtp.url,
      LOKET_BSN_SLEUTEL: SLEUTEL,
      LOKET_OIDC_ISSUER: provider.issuer,
      LOKET_OIDC_CLIENT_ID: provider.clientId,
      LOKET_OIDC_CLIENT_SECRET: provider.clientSecret,
      LOKET_OIDC_SCOPES: 'openid bsn profile email',
    },
    { port: poort },
  );
  const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  // A zaak from a web form while Fatima was logged in (linked to her BSN key), and one by phone with her e-mail address.
  identificatie = (
    await server.loket.services.zaken.registreerKort({ soort: 'systeem', context: cliContext(), naam: 'Website (e-formulieren)' }, 'GM0384', {
      zaaktype: 'klacht',
      onderwerp: 'Stoep bij de school is kapot',
      kanaal: 'web',
      ontvangstdatum: vandaag,
      betrokkene: { naam: FATIMA.naam, taal: 'nl' },
      bsnSleutel: bsnSleutelVan(SLEUTEL, 'GM0384', FATIMA.bsn),
    })
  ).identificatie;
  await server.loket.services.zaken.registreerKort({ soort: 'systeem', context: cliContext(), naam: 'KCC' }, 'GM0384', {
    zaaktype: 'klacht',
    onderwerp: 'Geluidsoverlast gemeld per telefoon',
    kanaal: 'telefoon',
    ontvangstdatum: vandaag,
    betrokkene: { naam: FATIMA.naam, email: 'link@example.org', taal: 'nl' },
  });
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
  await smtp?.close();
});

describe('Mijn zaken in a browser without JavaScript', () => {
  it('logs in at the demo provider as a fictional resident, shows the zaken, opens one, replies and logs out', async () => {
    const { zonder, beide, sluit } = await tweePaginas(browser);
    try {
      await beide((p) => p.goto(`${server.url}/diemen/`));
      await beide((p) => p.getByRole('link', { name: /Mijn zaken: bekijk/ }).click());
      expect(await zonder.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen voor mijn zaken');
      // To the provider's own login page, which says the residents are fictional.
      await beide((p) => p.getByRole('link', { name: 'Inloggen met DigiD' }).click());
      expect(zonder.url().startsWith(provider.issuer)).toBe(true);
      expect(await zonder.locator('main').textContent()).toContain('De inwoners hieronder zijn verzonnen');
      await beide((p) => p.getByRole('radio', { name: new RegExp(FATIMA.naam) }).check());
      await beide((p) => p.getByRole('button', { name: 'Inloggen' }).click());
      expect(zonder.url()).toBe(`${server.url}/diemen/mijn-zaken`);
      expect(await zonder.getByRole('heading', { level: 1 }).textContent()).toBe('Mijn zaken');
      expect(await zonder.locator('main').textContent()).toContain(`U bent ingelogd als ${FATIMA.naam}.`);
      await beide((p) => p.getByRole('link', { name: `Bekijk zaak ${identificatie}` }).click());
      expect(await zonder.getByRole('heading', { level: 1 }).textContent()).toBe(`Zaak ${identificatie}`);
      expect(await zonder.locator('main').textContent()).toContain('Stoep bij de school is kapot');
      // The tracking page's reply form: an empty message gets its error next to the field, then the reply is sent.
      await beide((p) => p.getByRole('button', { name: 'Bericht versturen' }).click());
      await beide((p) => expect.poll(() => p.locator('#tekst-fout').textContent()).toBe('U heeft nog niets geschreven. Schrijf uw bericht in het vak.'));
      expect(await zonder.getByLabel('Uw bericht').getAttribute('aria-invalid')).toBe('true');
      await beide((p) => p.getByLabel('Uw bericht').fill('De stoep is nog steeds kapot. Foto volgt.'));
      await beide((p) => p.getByRole('button', { name: 'Bericht versturen' }).click());
      await beide((p) => expect.poll(() => p.getByRole('status').first().textContent()).toContain('Wij hebben uw bericht ontvangen.'));
      expect(zonder.url()).toBe(`${server.url}/diemen/mijn-zaken/${identificatie}?verstuurd=1`);
      expect(await zonder.locator('main').textContent()).toContain('De stoep is nog steeds kapot. Foto volgt.');
      await beide((p) => p.getByRole('button', { name: 'Uitloggen' }).click());
      expect(await zonder.getByRole('heading', { level: 1 }).textContent()).toBe('U bent uitgelogd');
      // Logged out: Mijn zaken asks to log in again.
      await beide((p) => p.goto(`${server.url}/diemen/mijn-zaken`));
      expect(await zonder.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen voor mijn zaken');
    } finally {
      await sluit();
    }
  });

  it('sends a one-time link by e-mail that shows the zaken of that address, and refuses it the second time', async () => {
    const { zonder, beide, sluit } = await tweePaginas(browser);
    try {
      await beide((p) => p.goto(`${server.url}/diemen/mijn-zaken`));
      await zonder.getByLabel('Uw e-mailadres').fill('link@example.org');
      await zonder.getByRole('button', { name: 'Stuur mij een link' }).click();
      expect(await zonder.getByRole('heading', { level: 1 }).textContent()).toBe('Kijk in uw e-mail');
      const mail = await smtp.wachtOp('link@example.org', /Uw link naar mijn zaken/);
      const link = /http:\/\/\S+\/mijn-zaken\/link\/[\w-]+/.exec(mail.tekst)?.[0] ?? '';
      expect(link).not.toBe('');
      await zonder.goto(link);
      await zonder.getByRole('button', { name: 'Bekijk mijn zaken' }).click();
      expect(await zonder.locator('main').textContent()).toContain('Geluidsoverlast gemeld per telefoon');
      // The other page opens the used link: a clear page, accessible.
      await beide((p) => p.goto(link));
      expect(await zonder.getByRole('heading', { level: 1 }).textContent()).toBe('Deze link werkt niet meer');
    } finally {
      await sluit();
    }
  });

});
