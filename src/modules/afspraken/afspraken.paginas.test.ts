import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';

let loket: TestLoket;
const NU = '2026-03-02T09:00:00Z'; // Monday; Amsterdam is UTC+1 until 29 March
const api = '/api/v1/gemeenten/GM0384/afspraken';

beforeAll(async () => {
  loket = await testLoket({ nu: NU, env: { LOKET_AFSPRAKEN_PER_EMAIL: '2' } });
  await laadDemo(loket);
});
afterAll(async () => loket.close());

const haal = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const verstuur = (url: string, velden: Record<string, string>) =>
  loket.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(velden).toString() });
const formulier = (body: string) => /name="formulier" value="([^"]+)"/.exec(body)?.[1] ?? '';
/** The radio values offered (a start, a location, an official). */
const keuzes = (body: string) => [...body.matchAll(/name="keuze" value="([^"]+)"/g)].map((m) => m[1] ?? '');
/** The hidden fields of the first form that posts this step. */
const verborgen = (body: string, stap: string): Record<string, string> => {
  const form = body.split('<form').find((f) => f.includes(`name="stap" value="${stap}"`)) ?? '';
  return Object.fromEntries([...form.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1] ?? '', (m[2] ?? '').replaceAll('&#64;', '@').replaceAll('&amp;', '&')]));
};
const uitbox = (aan: string) => loket.database.db.selectFrom('bericht').select(['onderwerp', 'tekst']).where('aan', '=', aan).execute();

/** Walks product → time → details → check, and returns the check page. */
async function totControle(product: string, dag: string, keuzeIndex: number, gegevens: Record<string, string>, taal: 'nl' | 'en' = 'nl') {
  const pad = taal === 'nl' ? '/diemen/afspraak' : '/diemen/en/appointment';
  const tijden = await haal(`${pad}?product=${product}&dag=${dag}`);
  expect(tijden.statusCode, tijden.body).toBe(200);
  const keuze = keuzes(tijden.body)[keuzeIndex] ?? '';
  const details = await verstuur(pad, { formulier: formulier(tijden.body), stap: 'tijd', product, keuze });
  expect(details.statusCode, details.body).toBe(200);
  const controle = await verstuur(pad, { formulier: formulier(details.body), stap: 'gegevens', product, keuze, ...gegevens });
  return { pad, keuze, controle };
}

describe('booking pages', () => {
  it('lists the bookable products without a product, in Dutch and English', async () => {
    const nl = await haal('/diemen/afspraak');
    expect(nl.statusCode).toBe(200);
    expect(nl.body).toContain('Waarvoor wilt u een afspraak maken?');
    expect(nl.body).toContain('href="/diemen/afspraak?product=paspoort"');
    expect(nl.body).not.toContain('product=wmo-ondersteuning');
    const en = await haal('/diemen/en/appointment');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('href="/diemen/en/appointment?product=paspoort"');
    expect(en.headers['cache-control']).toBe('no-store');
    expect((await haal('/diemen/afspraak?product=ruimtevaart')).statusCode).toBe(404);
    expect((await haal('/diemen/afspraak?product=wmo-ondersteuning')).statusCode).toBe(404);
    expect((await haal('/nergens/afspraak')).statusCode).toBe(404);
  });

  it('shows the free times of one day with links to the other days', async () => {
    const res = await haal('/diemen/afspraak?product=paspoort');
    expect(res.statusCode).toBe(200);
    // Today, from the next slot on; the other days as links, no weekend.
    expect(keuzes(res.body)[0]).toMatch(/^2026-03-02T09:15:00\.000Z\|/);
    expect(res.body).toContain('href="/diemen/afspraak?product=paspoort&amp;dag=2026-03-03"');
    expect(res.body).not.toContain('dag=2026-03-07');
    const dinsdag = await haal('/diemen/afspraak?product=paspoort&dag=2026-03-03');
    expect(keuzes(dinsdag.body)).toHaveLength(30);
    expect(dinsdag.body).toContain('Vrije tijden op dinsdag 3 maart');
  });

  it('books the whole journey by form posts: time, details, check, booked, with a mail holding the link', async () => {
    const { pad, controle } = await totControle('paspoort', '2026-03-10', 4, { naam: 'Fatma Yilmaz', email: 'fatma@example.org', telefoon: '06 12345678' });
    expect(controle.statusCode, controle.body).toBe(200);
    expect(controle.body).toContain('Controleer uw afspraak');
    expect(controle.body).toContain('dinsdag 10 maart 2026 om 10:00');
    // "Gegevens wijzigen" goes back to the details with everything filled in.
    const terug = await verstuur(pad, { formulier: formulier(controle.body), stap: 'tijd', ...verborgen(controle.body, 'tijd') });
    expect(terug.statusCode).toBe(200);
    expect(terug.body).toContain('value="Fatma Yilmaz"');
    expect(terug.body).toContain('value="06 12345678"');
    const geboekt = await verstuur(pad, { formulier: formulier(controle.body), stap: 'boek', ...verborgen(controle.body, 'boek') });
    expect(geboekt.statusCode, geboekt.body).toBe(303);
    // A double click or a resent form books once and says so.
    const nogmaals = await verstuur(pad, { formulier: formulier(controle.body), stap: 'boek', ...verborgen(controle.body, 'boek') });
    expect(nogmaals.statusCode).toBe(409);
    expect(nogmaals.body).toContain('U heeft deze afspraak al gemaakt.');
    const locatie = geboekt.headers.location ?? '';
    expect(locatie).toMatch(/^\/diemen\/afspraak\/[A-Za-z0-9_-]{43}\?gemaakt=1$/);
    const bevestiging = await haal(locatie);
    expect(bevestiging.statusCode).toBe(200);
    expect(bevestiging.body).toContain('Uw afspraak is gemaakt');
    expect(bevestiging.body).toContain('dinsdag 10 maart 2026 om 10:00');
    expect(bevestiging.body).toContain('Wij hebben een e-mail gestuurd naar fatma@example.org');
    expect(bevestiging.headers['referrer-policy']).toBe('no-referrer');
    const mails = await uitbox('fatma@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.tekst).toContain(`${locatie.split('?')[0]}`);
  });

  it('books in English, and a ceremony with a chosen official', async () => {
    const { pad, controle } = await totControle('huwelijk-partnerschap', '2026-03-09', 1, { naam: 'Sam Jansen', email: 'sam@example.org' }, 'en');
    expect(controle.statusCode, controle.body).toBe(200);
    expect(controle.body).toContain('Check your appointment');
    expect(controle.body).toContain('Mohamed el Amrani (trouwambtenaar)');
    // Sent twice at the same moment: one appointment, the other answer says it is already made.
    const twee = await Promise.all([1, 2].map(() => verstuur(pad, { formulier: formulier(controle.body), stap: 'boek', ...verborgen(controle.body, 'boek') })));
    expect(twee.map((r) => r.statusCode).toSorted()).toEqual([303, 409]);
    expect(twee.find((r) => r.statusCode === 409)?.body).toContain('You have already made this appointment.');
    expect(await uitbox('sam@example.org')).toHaveLength(1);
    const geboekt = twee.find((r) => r.statusCode === 303) ?? twee[0];
    if (!geboekt) throw new Error('geen antwoord');
    expect(geboekt.headers.location).toMatch(/^\/diemen\/en\/appointment\//);
    const pagina = await haal(geboekt.headers.location ?? '');
    expect(pagina.body).toContain('Your appointment has been made');
    expect(pagina.body).toContain('Mohamed el Amrani (trouwambtenaar)');
  });

  it('shows B1 errors next to the fields and in a summary, and books nothing', async () => {
    const { controle } = await totControle('paspoort', '2026-03-11', 0, { naam: '', email: 'geen-adres', telefoon: 'abc' });
    expect(controle.statusCode).toBe(400);
    expect(controle.body).toContain('<title>Fout: Uw gegevens');
    expect(controle.body).toContain('id="email-fout">Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.</div>');
    expect(controle.body).toContain('id="naam-fout">Vul uw naam in.</div>');
    expect(controle.body).toContain('id="telefoon-fout">');
    expect(controle.body).toContain('href="#email"');
    expect(controle.body).toContain('value="geen-adres"');
    expect(await uitbox('geen-adres')).toHaveLength(0);
    // No time chosen, or a form from elsewhere: the time choice again.
    const zonderTijd = await verstuur('/diemen/afspraak', { formulier: formulier(controle.body), stap: 'tijd', product: 'paspoort' });
    expect(zonderTijd.statusCode).toBe(400);
    expect(zonderTijd.body).toContain('Kies een tijd.');
    const vreemd = await verstuur('/diemen/afspraak', { formulier: 'nep', stap: 'tijd', product: 'paspoort', keuze: keuzes(zonderTijd.body)[0] ?? '' });
    expect(vreemd.statusCode).toBe(400);
    expect(vreemd.body).toContain('Het formulier is verlopen.');
    // A made-up time is no choice, never a 5xx.
    const verzonnen = await verstuur('/diemen/afspraak', { formulier: formulier(controle.body), stap: 'tijd', product: 'paspoort', keuze: `2026-13-45T99:00:00Z|${'0'.repeat(36)}|` });
    expect(verzonnen.statusCode).toBe(400);
    expect(verzonnen.body).toContain('Kies een tijd.');
  });

  it('sends the resident back to the time choice when the slot was taken meanwhile', async () => {
    const { pad, keuze, controle } = await totControle('paspoort', '2026-03-12', 2, { naam: 'Piet de Boer', email: 'piet@example.org' });
    expect(controle.statusCode).toBe(200);
    const start = keuze.split('|')[0] ?? '';
    // Three desks serve the passport: others take all three.
    for (const n of [1, 2, 3]) {
      const res = await loket.app.inject({ method: 'POST', url: api, payload: { product: 'paspoort', start, naam: `Ander ${n}`, email: `ander-${n}@example.org` } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const geboekt = await verstuur(pad, { formulier: formulier(controle.body), stap: 'boek', ...verborgen(controle.body, 'boek') });
    expect(geboekt.statusCode).toBe(409);
    expect(geboekt.body).toContain('Deze tijd is net door iemand anders gekozen. Kies een andere tijd.');
    expect(keuzes(geboekt.body)).not.toContain(keuze);
    expect(await uitbox('piet@example.org')).toHaveLength(0);
  });

  it('says so when the e-mail address has too many open appointments', async () => {
    for (const tijd of ['2026-03-16T09:00:00Z', '2026-03-16T09:15:00Z']) {
      const res = await loket.app.inject({ method: 'POST', url: api, payload: { product: 'paspoort', start: tijd, naam: 'Veel', email: 'veel@example.org' } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const { pad, controle } = await totControle('paspoort', '2026-03-17', 0, { naam: 'Veel', email: 'veel@example.org' });
    const geboekt = await verstuur(pad, { formulier: formulier(controle.body), stap: 'boek', ...verborgen(controle.body, 'boek') });
    expect(geboekt.statusCode).toBe(400);
    expect(geboekt.body).toContain('Met dit e-mailadres staan al 2 afspraken open.');
    expect(geboekt.body).toContain('id="email-fout"');
  });
});

/** Books through the API and returns the path of the secret link. */
async function maak(start: string, email: string): Promise<string> {
  const res = await loket.app.inject({ method: 'POST', url: api, payload: { product: 'paspoort', start, naam: 'Link Gebruiker', email } });
  expect(res.statusCode, res.body).toBe(201);
  return new URL(res.json().beheerUrl).pathname;
}

describe('the page behind the secret link', () => {
  it('moves the appointment to another free time', async () => {
    const pad = await maak('2026-03-18T10:00:00Z', 'verzet@example.org');
    const pagina = await haal(`${pad}?dag=2026-03-19`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('woensdag 18 maart 2026 om 11:00');
    const nieuw = keuzes(pagina.body).find((k) => k.startsWith('2026-03-19T13:00:00.000Z')) ?? '';
    const res = await verstuur(pad, { formulier: formulier(pagina.body), actie: 'verzetten', keuze: nieuw });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`${pad}?verzet=1`);
    const daarna = await haal(res.headers.location ?? '');
    expect(daarna.body).toContain('Uw afspraak is verzet.');
    expect(daarna.body).toContain('donderdag 19 maart 2026 om 14:00');
    // Without a time: the error at the choice.
    const zonder = await verstuur(pad, { formulier: formulier(daarna.body), actie: 'verzetten' });
    expect(zonder.statusCode).toBe(400);
    expect(zonder.body).toContain('id="keuze-fout">Kies een tijd.</div>');
  });

  it('cancels the appointment with a confirm button, after which it can no longer be changed', async () => {
    const pad = await maak('2026-03-18T12:00:00Z', 'afzeggen@example.org');
    const pagina = await haal(pad);
    expect(pagina.body).toContain('Ja, zeg de afspraak af');
    const res = await verstuur(pad, { formulier: formulier(pagina.body), actie: 'afzeggen' });
    expect(res.statusCode).toBe(303);
    const daarna = await haal(res.headers.location ?? '');
    expect(daarna.body).toContain('Uw afspraak is afgezegd.');
    expect(daarna.body).not.toContain('Ja, zeg de afspraak af');
    const nogmaals = await verstuur(pad, { formulier: formulier(pagina.body), actie: 'afzeggen' });
    expect(nogmaals.statusCode).toBe(409);
    expect(nogmaals.body).toContain('U kunt hem niet meer wijzigen.');
    expect((await uitbox('afzeggen@example.org')).map((m) => m.onderwerp).some((o) => o.startsWith('Uw afspraak is afgezegd'))).toBe(true);
  });

  it('answers an unknown or malformed link with the 404 page, also on a post', async () => {
    const onbekend = await haal(`/diemen/afspraak/${'a'.repeat(43)}`);
    expect(onbekend.statusCode).toBe(404);
    expect(onbekend.headers['content-type']).toContain('text/html');
    expect((await haal('/diemen/en/appointment/kort')).statusCode).toBe(404);
    expect((await verstuur(`/diemen/afspraak/${'b'.repeat(43)}`, { actie: 'afzeggen' })).statusCode).toBe(404);
  });
});
