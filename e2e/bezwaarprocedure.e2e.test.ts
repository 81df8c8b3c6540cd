import { TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vasteKlok } from '../src/klok.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import { expectAccessible, type LoketServer, nieuwePagina, startBrowser, startLoketServer, verwachtMedewerkersApp } from './support.ts';

// Monday 2 March 2026, 10:00 in Amsterdam. A bezwaar against a besluit bekendgemaakt on 2 February, received
// 20 February: the beslistermijn ends 28 April (27 April is Koningsdag); verdaagd by six weeks: 8 June.
const klok = vasteKlok('2026-03-02T09:00:00Z');
let server: LoketServer;
let browser: Browser;
let zaak: { id: string; identificatie: string };
const email = 'teamleider@diemen.demo';

beforeAll(async () => {
  verwachtMedewerkersApp();
  server = await startLoketServer({}, { klok });
  browser = await startBrowser();
  const teamleider = DEMO_GEBRUIKERS.find((d) => d.email === email);
  if (!teamleider) throw new Error('geen demoteamleider');
  const gebruiker = await server.database.db.selectFrom('gebruiker').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const wie = { context: cliContext(), gebruiker: gebruiker.id, naam: teamleider.naam, rollen: ['teamleider' as const] };
  const procedure = server.loket.services.bezwaarProcedure;
  const { zaak: z } = await procedure.registreer(wie, 'GM0384', {
    besluit: 'Weigering omgevingsvergunning dakkapel',
    bekendmaking: '2026-02-02',
    ontvangen: '2026-02-20',
    commissie: false,
    onderwerp: 'Bezwaar dakkapel',
    kanaal: 'post',
    betrokkene: { naam: 'Sara Jansen', taal: 'nl' },
  });
  const na = await procedure.stap(wie, 'GM0384', z.id, z.versie, { soort: 'verdaging', weken: 6, reden: 'Advies van de welstandscommissie nodig.' });
  await procedure.stap(wie, 'GM0384', z.id, na.zaak.versie, { soort: 'hoorzitting', datum: '2026-03-20', tijd: '14:30', locatie: 'Raadhuis Diemen', commissie: 'mr. A. de Boer' });
  zaak = { id: z.id, identificatie: z.identificatie };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the bezwaar secretary in the medewerkers-app (ADR 0063)', () => {
  it('sees the bezwaar with its hearing and verdaagde term in the queue and the calendar, and every term explained', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problemen } = await nieuwePagina(context);
    const teamleider = DEMO_GEBRUIKERS.find((d) => d.email === email);
    if (!teamleider) throw new Error('geen demoteamleider');
    // The server runs on a fixed clock: the TOTP code is made on that clock (logInInApp uses the real one).
    klok.verder(30_000);
    await page.goto(`${server.url}/medewerkers/GM0384/bezwaren`);
    await page.waitForURL(/\/medewerkers\/inloggen/);
    await page.getByLabel('E-mailadres').fill(teamleider.email);
    await page.getByLabel('Wachtwoord').fill(teamleider.wachtwoord);
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByLabel('Code', { exact: true }).fill(new TOTP({ secret: teamleider.totpGeheim }).generate({ timestamp: klok.nu().getTime() }));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${server.url}/medewerkers/GM0384/bezwaren`);

    const wachtrij = page.getByRole('table', { name: 'Open bezwaren, de kortste beslistermijn eerst' });
    await expect.poll(() => wachtrij.innerText()).toContain(zaak.identificatie);
    const rij = await wachtrij.innerText();
    expect(rij).toContain('Weigering omgevingsvergunning dakkapel');
    expect(rij).toMatch(/8 jun\.? 2026/);
    expect(rij).toMatch(/20 mrt\.? 2026 14:30/);
    const agenda = await page.getByRole('table', { name: 'Hoorzittingen in de komende acht weken' }).innerText();
    expect(agenda).toContain('Raadhuis Diemen');
    expect(agenda).toContain('mr. A. de Boer');
    await expectAccessible(page);

    await wachtrij.getByRole('link', { name: zaak.identificatie }).click();
    await page.waitForURL(`${server.url}/medewerkers/GM0384/bezwaren/${zaak.id}`);
    const termijnen = page.getByRole('table', { name: 'Elke termijn met het artikel, de overgeslagen dagen en de uitleg' });
    await expect.poll(() => termijnen.innerText()).toContain('Awb 7:10');
    const tekst = await termijnen.innerText();
    expect(tekst).toContain('Awb 6:7 en 6:8');
    expect(tekst).toContain('Verdaagd met 6 weken (7:10 lid 3');
    await expectAccessible(page);
    expect(problemen).toEqual([]);
    await context.close();
  }, 180_000);
});
