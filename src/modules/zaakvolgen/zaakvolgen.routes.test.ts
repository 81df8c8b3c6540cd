import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { gebruikerId, postvak, registreerZaak, zaakActie, zaakDetail, type NieuweZaak } from '../../../test/zaken.ts';
import { cliContext } from '../audit/audit.service.ts';
import { MAX_REACTIE } from './zaakvolgen.schemas.ts';

let loket: TestLoket;
let kcc: Ingelogd;
let tim: Ingelogd;
/** Registered once at 10:01 and only read: tests that change a klacht register their own. */
let klacht: NieuweZaak;

const klachtInvoer = {
  zaaktype: 'klacht',
  onderwerp: 'Onvriendelijk behandeld <script>alert(1)</script>',
  kanaal: 'balie',
  ontvangstdatum: '2026-03-02',
  betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' },
};

beforeAll(async () => {
  // Monday 2 March 2026, 10:00 in Amsterdam.
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  tim = await logInAls(loket, 'teamleider@diemen.demo');
  klacht = await registreerZaak(loket.app, kcc, klachtInvoer);
});
afterAll(async () => loket?.close());

/** A klacht of its own for a test that changes it (a reply, an assignment, a document). */
const nieuweKlacht = (extra: Record<string, unknown> = {}) => registreerZaak(loket.app, kcc, { ...klachtInvoer, ...extra });

const pad = (code: string, taal: 'nl' | 'en' = 'nl') => `/diemen/${taal === 'en' ? 'en/' : ''}zaken/${code}`;
const haal = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const token = (body: string) => /name="formulier" value="([^"]+)"/.exec(body)?.[1] ?? '';
const verstuur = (url: string, velden: Record<string, string>) =>
  loket.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(velden).toString() });

/** A report about public space from a resident who reads English. */
const engelseMelding = (onderwerp: string, email: string, extra: Record<string, unknown> = {}) =>
  registreerZaak(loket.app, kcc, { zaaktype: 'melding-openbare-ruimte', onderwerp, kanaal: 'web', ontvangstdatum: '2026-03-02', betrokkene: { naam: 'Sam Jansen', email, taal: 'en' }, ...extra });

/** Fetches the page for a fresh form token, then posts the reply. */
async function reageer(code: string, tekst: string, taal: 'nl' | 'en' = 'nl') {
  const pagina = await haal(pad(code, taal));
  return verstuur(pad(code, taal), { tekst, formulier: token(pagina.body) });
}

function expectVeiligeKoppen(headers: Record<string, unknown>) {
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toBe('no-store');
  expect(headers['x-robots-tag']).toBe('noindex, nofollow');
}

describe('reaching the team, and a mail at each new step or not (ADR 0070)', () => {
  it("shows the team's telephone number and e-mail address as links, once a beheerder set them", async () => {
    const beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
    const zaak = await nieuweKlacht();
    // The demo gives each team an address on the .demo domain and no telephone number.
    const voor = (await haal(pad(zaak.volgcode))).body;
    expect(voor).toMatch(/<dt[^>]*>E-mail<\/dt>\s*<dd[^>]*><a class="utrecht-link[^"]*" href="mailto:juridische-zaken@diemen.demo">juridische-zaken@diemen.demo<\/a><\/dd>/);
    expect(voor).not.toContain('href="tel:');
    const teams = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams?pageSize=100', headers: beheerder.headers });
    const team = teams.json().items.find((t: { naam: string }) => t.naam === 'Juridische zaken');
    const res = await loket.app.inject({ method: 'PATCH', url: `/api/v1/gemeenten/GM0384/teams/${team.id}`, headers: { ...beheerder.headers, 'if-match': `"${team.versie}"` }, payload: { telefoon: '+31 20 123 45 67' } });
    expect(res.statusCode, res.body).toBe(200);
    const na = (await haal(pad(zaak.volgcode, 'en'))).body;
    expect(na).toMatch(/<dt[^>]*>Telephone<\/dt>\s*<dd[^>]*><a class="utrecht-link[^"]*" href="tel:\+31201234567">\+31 20 123 45 67<\/a><\/dd>/);
  });

  it('stops the mail at each new status when the resident asks, keeps the other mails, and turns it on again', async () => {
    const email = 'anna.stil@example.nl';
    const zaak = await nieuweKlacht({ betrokkene: { naam: 'Anna Stil', email, taal: 'nl' } });
    const pagina = await haal(pad(zaak.volgcode));
    expect(pagina.body).toContain('U krijgt een e-mail bij elke nieuwe stap in uw zaak.');
    const uit = await verstuur(`${pad(zaak.volgcode)}/berichten`, { tussentijds: 'nee', formulier: token(pagina.body) });
    expect(uit.statusCode).toBe(303);
    expect(uit.headers.location).toBe(`${pad(zaak.volgcode)}?berichten=1#berichten`);
    const daarna = (await haal(`${pad(zaak.volgcode)}?berichten=1`)).body;
    expect(daarna).toMatch(/role="status">[\s\S]*Uw keuze is opgeslagen\./);
    expect(daarna).toContain('U krijgt geen e-mail bij elke nieuwe stap.');
    expect(daarna).toContain('Wel weer een e-mail bij elke nieuwe stap</button>');

    const ontvangst = await postvak(loket.database, email);
    await zaakActie(loket.app, tim, zaak, 'statussen', { statustype: 2 });
    expect(await postvak(loket.database, email)).toHaveLength(ontvangst.length);
    // The handler sees why no mail went out: an internal note, not on the tracking page.
    const detail = await zaakDetail(loket.app, tim, zaak);
    expect(detail.tijdlijn).toContainEqual(expect.objectContaining({ soort: 'notitie', extern: false, gegevens: expect.objectContaining({ tekst: expect.stringContaining('geen e-mail meer bij elke nieuwe stap') }) }));
    expect((await haal(pad(zaak.volgcode))).body).not.toContain('De inwoner wil');
    // An extension is still mailed.
    await zaakActie(loket.app, tim, zaak, 'verlengingen', { duur: 'P2W', reden: 'Wij horen eerst de medewerker.' });
    expect(await postvak(loket.database, email)).toHaveLength(ontvangst.length + 1);

    const weer = await verstuur(`${pad(zaak.volgcode)}/berichten`, { tussentijds: 'ja', formulier: token((await haal(pad(zaak.volgcode))).body) });
    expect(weer.statusCode).toBe(303);
    await zaakActie(loket.app, tim, zaak, 'statussen', { statustype: 3 });
    const mails = await postvak(loket.database, email);
    expect(mails).toHaveLength(ontvangst.length + 2);
    expect(mails.at(-1)?.onderwerp).toContain(zaak.identificatie);
  });

  it('refuses a form without a valid token or choice (400, nothing changed), and answers 404 for an unknown code', async () => {
    const zaak = await nieuweKlacht({ betrokkene: { naam: 'Anna Fout', email: 'anna.fout@example.nl', taal: 'nl' } });
    const geldig = token((await haal(pad(zaak.volgcode))).body);
    const zonderToken = await verstuur(`${pad(zaak.volgcode)}/berichten`, { tussentijds: 'nee', formulier: 'x' });
    expect(zonderToken.statusCode).toBe(400);
    const vreemd = await verstuur(`${pad(zaak.volgcode)}/berichten`, { tussentijds: 'misschien', formulier: geldig });
    expect(vreemd.statusCode).toBe(400);
    expect((await haal(pad(zaak.volgcode))).body).toContain('U krijgt een e-mail bij elke nieuwe stap in uw zaak.');
    const onbekend = await verstuur(`${pad('a'.repeat(32))}/berichten`, { tussentijds: 'nee', formulier: geldig });
    expect(onbekend.statusCode).toBe(404);
  });

  it('offers no choice without an e-mail address, nor on a closed zaak', async () => {
    const zonder = await nieuweKlacht({ betrokkene: { naam: 'Piet Zonder', taal: 'nl' } });
    expect((await haal(pad(zonder.volgcode))).body).not.toContain('id="berichten"');
    const geweigerd = await verstuur(`${pad(zonder.volgcode)}/berichten`, { tussentijds: 'nee', formulier: token((await haal(pad(zonder.volgcode))).body) });
    expect(geweigerd.statusCode).toBe(404);
  });
});

describe('tracking page', () => {
  it('shows number, subject, phase, steps, expected date and the team as contact, in Dutch', async () => {
    const res = await haal(pad(klacht.volgcode));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expectVeiligeKoppen(res.headers);
    const body = res.body;
    expect(body).toContain('<html lang="nl"');
    expect(body).toContain(`<h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Uw zaak ${klacht.identificatie}</h1>`);
    // The subject is escaped, never markup.
    expect(body).toContain('Onderwerp: Onvriendelijk behandeld &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('<script');
    expect(body).toContain('Soort zaak: Klacht');
    expect(body).toMatch(/<dt[^>]*>Waar zijn we nu<\/dt>\s*<dd[^>]*>Wij hebben uw klacht ontvangen\.<\/dd>/);
    // Awb 9:11: six weeks.
    expect(body).toMatch(/<dt[^>]*>U hoort van ons uiterlijk op<\/dt>\s*<dd[^>]*>13 april 2026<\/dd>/);
    expect(body).toMatch(/<dt[^>]*>Uw contactpersoon<\/dt>\s*<dd[^>]*>het team Juridische zaken<\/dd>/);
    // Steps say in words which is done, current and still to do.
    expect(body).toMatch(/<li class="utrecht-ordered-list__item" aria-current="step"><strong>Nu:<\/strong>/);
    expect(body).toContain('<strong>Nog te doen:</strong>');
    expect(body).toContain('Wij hebben uw zaak geregistreerd.');
    // Registered after two logins of 30 s each.
    expect(body).toContain('<time datetime="2026-03-02T09:01:00.000Z">2 maart 2026 om 10:01</time>');
    expect(body).toContain('<strong>Nu:</strong> Wij hebben uw klacht ontvangen. (op 2 maart 2026 om 10:01)</li>');
    // The reply form: a label, the maximum length, a form token; posts to this address.
    expect(body).toContain(`<form class="loket-formulier" method="post" action="${pad(klacht.volgcode)}" enctype="multipart/form-data" novalidate>`);
    expect(body).toContain('<label class="utrecht-form-label" for="tekst">Uw bericht</label>');
    expect(body).toContain(`U kunt maximaal ${MAX_REACTIE} tekens gebruiken.`);
    expect(token(body)).toMatch(/^\d+\.[\w-]{43}$/);
    // The language switch leads to the same zaak in English.
    expect(body).toContain(`href="${pad(klacht.volgcode, 'en')}" lang="en" hreflang="en"`);
  });

  it('shows the same zaak in English with English dates', async () => {
    const res = await haal(pad(klacht.volgcode, 'en'));
    expect(res.statusCode).toBe(200);
    expectVeiligeKoppen(res.headers);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain(`Your case ${klacht.identificatie}`);
    expect(res.body).toMatch(/<dt[^>]*>You will hear from us by<\/dt>\s*<dd[^>]*>13 April 2026<\/dd>/);
    expect(res.body).toMatch(/<dt[^>]*>Your contact person<\/dt>\s*<dd[^>]*>the team handling your case: Juridische zaken<\/dd>/);
    expect(res.body).toContain('2 March 2026 at 10:01');
    expect(res.body).toContain('<strong>Still to do:</strong>');
  });

  it('shows a step the handler skipped as skipped, with dates only for the steps reached', async () => {
    const melding = await engelseMelding('Scheve lantaarnpaal', 'sam.stappen@example.nl');
    // From 'Ontvangen' straight to 'In uitvoering': 'Ingepland' was never set.
    await zaakActie(loket.app, tim, melding, 'statussen', { statustype: 3 });
    const nl = (await haal(pad(melding.volgcode))).body;
    expect(nl).toMatch(/<li class="utrecht-ordered-list__item"><strong>Afgerond:<\/strong> Wij hebben uw bericht ontvangen\. \(op 2 maart 2026 om \d\d:\d\d\)<\/li>/);
    expect(nl).toContain('<li class="utrecht-ordered-list__item"><strong>Overgeslagen:</strong> Wij hebben het werk ingepland.</li>');
    expect(nl).toMatch(/aria-current="step"><strong>Nu:<\/strong> Wij zijn ermee bezig\. \(op 2 maart 2026 om \d\d:\d\d\)<\/li>/);
    expect(nl).toContain('<li class="utrecht-ordered-list__item"><strong>Nog te doen:</strong> Uw zaak is afgehandeld.</li>');
    const en = (await haal(pad(melding.volgcode, 'en'))).body;
    expect(en).toContain('<strong>Skipped:</strong> We have scheduled the work.</li>');
    expect(en).not.toContain('<strong>Done:</strong> We have scheduled the work.');
  });

  it('uses the English names of zaaktype and statuses on English pages, and no Dutch phrasing around team names', async () => {
    const melding = await engelseMelding('Loose paving stone', 'sam.engels@example.nl', { behandelaar: await gebruikerId(loket.database, 'behandelaar@diemen.demo') });
    await zaakActie(loket.app, tim, melding, 'statussen', { statustype: 2 });
    const en = (await haal(pad(melding.volgcode, 'en'))).body;
    expect(en).toContain('Type of case: Report about public space');
    expect(en).toMatch(/<dt[^>]*>Where we are now<\/dt>\s*<dd[^>]*>We have scheduled the work\.<\/dd>/);
    // The team's name is a proper name; the sentence around it is English.
    expect(en).toMatch(/<dt[^>]*>Your contact person<\/dt>\s*<dd[^>]*>Bo \(team: Openbare ruimte\)<\/dd>/);
    for (const nederlands of ['Melding openbare ruimte', 'Wij hebben', 'Ingepland', ' van team ', 'the team Openbare']) expect(en).not.toContain(nederlands);
    // The mails say it the same way.
    const mails = await postvak(loket.database, 'sam.engels@example.nl');
    // Both at the same moment of the fixed clock: the order of the outbox rows is not defined.
    expect(mails.map((m) => m.onderwerp).toSorted()).toEqual([`News about your case ${melding.identificatie}`, `We have received your report about public space (${melding.identificatie})`]);
    for (const mail of mails) {
      expect(mail.tekst).toContain('Your contact person is Bo (team: Openbare ruimte).');
      expect(mail.tekst).not.toContain(' of team ');
    }
  });

  it('answers the same themed 404 for an unknown code, a malformed code and an unknown gemeente', async () => {
    const onbekend = await haal(pad('a'.repeat(32)));
    const misvormd = await haal(pad('dit-is-geen-code'));
    for (const res of [onbekend, misvormd]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expectVeiligeKoppen(res.headers);
      expect(res.body).toContain('Deze pagina bestaat niet');
      expect(res.body).toContain('/static/thema/diemen.css');
    }
    expect(misvormd.body).toBe(onbekend.body);
    // A code of another gemeente does not work here.
    expect((await haal(`/uithoorn/zaken/${klacht.volgcode}`)).statusCode).toBe(404);
    expect((await haal(`/bestaat-niet/zaken/${klacht.volgcode}`)).statusCode).toBe(404);
    // Posting to an unknown code changes nothing and says the same.
    expect((await verstuur(pad('a'.repeat(32)), { tekst: 'hallo', formulier: 'x' })).statusCode).toBe(404);
  });
});

describe('replying', () => {
  it('shows an error next to the field for an empty reply, keeps the text, and sends nothing', async () => {
    const res = await reageer(klacht.volgcode, '   \r\n  ');
    expect(res.statusCode).toBe(400);
    expectVeiligeKoppen(res.headers);
    expect(res.body).toContain('<title>Fout: Uw zaak');
    expect(res.body).toMatch(
      /<div class="utrecht-form-field utrecht-form-field--distanced utrecht-form-field--invalid">[\s\S]*<div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="tekst-fout">U heeft nog niets geschreven\. Schrijf uw bericht in het vak\.<\/div>[\s\S]*<textarea [^>]*aria-describedby="tekst-uitleg tekst-fout" aria-invalid="true" autofocus>/,
    );
    // The summary at the top links to the field.
    expect(res.body).toContain('<a class="utrecht-link utrecht-link--html-a" href="#tekst">U heeft nog niets geschreven.');
    expect((await zaakDetail(loket.app, kcc, klacht)).tijdlijn).toHaveLength(1);
  });

  it('refuses a reply that is too long, says how long it is, and keeps the text (escaped)', async () => {
    const tekst = `<b>${'x'.repeat(MAX_REACTIE)}</b>`;
    const res = await reageer(klacht.volgcode, tekst);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`Uw bericht is te lang. U kunt maximaal ${MAX_REACTIE} tekens gebruiken. Nu zijn het er ${MAX_REACTIE + 7}.`);
    expect(res.body).toContain(`>&lt;b&gt;${'x'.repeat(MAX_REACTIE)}&lt;/b&gt;</textarea>`);
  });

  it('refuses a character it cannot process next to the field, showing where it was, in Dutch and English (ADR 0020)', async () => {
    const res = await reageer(klacht.volgcode, 'Mijn\u0000 reactie');
    expect(res.statusCode).toBe(400);
    expectVeiligeKoppen(res.headers);
    expect(res.body).toMatch(/id="tekst-fout">Uw bericht bevat een teken dat wij niet kunnen verwerken\. Op die plek staat nu het teken �\./);
    expect(res.body).toContain('aria-invalid="true" autofocus>Mijn� reactie</textarea>');
    const en = await reageer(klacht.volgcode, 'My\u0000 reply', 'en');
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('Your message contains a character that we cannot process.');
    expect((await zaakDetail(loket.app, kcc, klacht)).tijdlijn).toHaveLength(1);
  });

  it('refuses a missing, forged, expired or other zaak\'s form token, keeping the text', async () => {
    const ander = await registreerZaak(loket.app, kcc, { ...klachtInvoer, onderwerp: 'Tweede klacht' });
    const vanAnder = token((await haal(pad(ander.volgcode))).body);
    const geldig = token((await haal(pad(klacht.volgcode))).body);
    const [tijd] = geldig.split('.');
    for (const formulier of ['', 'onzin', vanAnder, `${tijd}.${'A'.repeat(43)}`]) {
      const res = await verstuur(pad(klacht.volgcode), { tekst: 'Mijn reactie', formulier });
      expect(res.statusCode, formulier).toBe(400);
      expect(res.body).toContain('Het formulier was te lang open. Uw tekst staat er nog.');
      expect(res.body).toContain('>Mijn reactie</textarea>');
    }
    // A day later the token has expired; the clock goes back after, for the other tests.
    const nu = loket.klok.nu();
    loket.klok.verder(25 * 60 * 60 * 1000);
    try {
      const verlopen = await verstuur(pad(klacht.volgcode), { tekst: 'Mijn reactie', formulier: geldig });
      expect(verlopen.statusCode).toBe(400);
    } finally {
      loket.klok.zet(nu);
    }
    expect((await zaakDetail(loket.app, kcc, klacht)).tijdlijn).toHaveLength(1);
  });

  it('takes a reply: 303 back to the page, a confirmation, the reply in the timeline and a mail to the handler', async () => {
    const klacht = await nieuweKlacht();
    const bo = await gebruikerId(loket.database, 'behandelaar@diemen.demo');
    await zaakActie(loket.app, tim, klacht, 'toewijzing', { behandelaar: bo });
    const res = await reageer(klacht.volgcode, 'Ik werd  niet geholpen.\n\nMet groet, Anna');
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`${pad(klacht.volgcode)}?verstuurd=1`);
    expectVeiligeKoppen(res.headers);

    const pagina = await haal(res.headers.location as string);
    expect(pagina.body).toContain('Wij hebben uw bericht ontvangen. U ziet het hieronder bij ‘Wat er is gebeurd’.');
    expect(pagina.body).toContain('<strong>Uw bericht:</strong>');
    expect(pagina.body).toContain('<p class="utrecht-paragraph">Ik werd  niet geholpen.</p><p class="utrecht-paragraph">Met groet, Anna</p>');
    // The named contact: first name and the zaak's team.
    expect(pagina.body).toMatch(/<dt[^>]*>Uw contactpersoon<\/dt>\s*<dd[^>]*>Bo van team Juridische zaken<\/dd>/);

    const detail = await zaakDetail(loket.app, kcc, klacht);
    expect(detail.tijdlijn.at(-1)).toMatchObject({ soort: 'reactie', extern: true, doorInwoner: true, gegevens: { tekst: 'Ik werd  niet geholpen.\n\nMet groet, Anna' } });
    const mails = await postvak(loket.database, 'behandelaar@diemen.demo');
    expect(mails.filter((m) => m.onderwerp.includes(klacht.identificatie)).map((m) => m.onderwerp)).toEqual([`Reactie van de inwoner op zaak ${klacht.identificatie}`]);
  });

  it('takes the same reply posted twice (double click, back and send again) once, and says it was received both times', async () => {
    const klacht = await nieuweKlacht({ behandelaar: await gebruikerId(loket.database, 'behandelaar@diemen.demo') });
    const pagina = await haal(pad(klacht.volgcode));
    const velden = { tekst: 'Mijn telefoonnummer is 06 12345678.', formulier: token(pagina.body) };
    const [een, twee] = await Promise.all([verstuur(pad(klacht.volgcode), velden), verstuur(pad(klacht.volgcode), velden)]);
    const terug = await verstuur(pad(klacht.volgcode), velden);
    for (const res of [een, twee, terug]) {
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toBe(`${pad(klacht.volgcode)}?verstuurd=1`);
    }
    const detail = await zaakDetail(loket.app, kcc, klacht);
    expect(detail.tijdlijn.filter((g: { soort: string; gegevens: { tekst?: string } }) => g.soort === 'reactie' && g.gegevens.tekst === velden.tekst)).toHaveLength(1);
    const mails = await postvak(loket.database, 'behandelaar@diemen.demo');
    expect(mails.filter((m) => m.tekst.includes(velden.tekst))).toHaveLength(1);
  });

  it('on a suspended zaak: says we wait for information and why; the reply shows to the handler as information received', async () => {
    const melding = await engelseMelding('Losse stoeptegel', 'sam@example.nl', { behandelaar: await gebruikerId(loket.database, 'behandelaar@diemen.demo') });
    await zaakActie(loket.app, tim, melding, 'opschortingen', { reden: 'Stuur ons een foto van de tegel.' });
    const en = await haal(pad(melding.volgcode, 'en'));
    expect(en.body).toContain('We are waiting for information from you');
    expect(en.body).toContain('This is what we need from you: Stuur ons een foto van de tegel.');
    const nl = await haal(pad(melding.volgcode));
    expect(nl.body).toContain('Wij wachten op informatie van u');
    expect(nl.body).toContain('Dit hebben wij van u nodig: Stuur ons een foto van de tegel.');

    expect((await reageer(melding.volgcode, 'The tile is near number 12.', 'en')).statusCode).toBe(303);
    expect((await zaakDetail(loket.app, tim, melding)).reactieOntvangen).toBe(true);
    const mails = await postvak(loket.database, 'behandelaar@diemen.demo');
    expect(mails.find((m) => m.onderwerp.includes(melding.identificatie))?.tekst).toContain('Deze zaak is opgeschort.');
  });

  it('on a closed zaak: shows the outcome, no form, and refuses a reply with 409', async () => {
    const vraag = await registreerZaak(loket.app, kcc, {
      zaaktype: 'e-mailvraag',
      onderwerp: 'Openingstijden',
      kanaal: 'e-mail',
      ontvangstdatum: '2026-03-02',
      betrokkene: { naam: 'Piet', email: 'piet@example.nl', taal: 'nl' },
    });
    const formulier = token((await haal(pad(vraag.volgcode))).body);
    const zaaktype = (await zaakDetail(loket.app, tim, vraag)).zaaktypeVersie;
    await zaakActie(loket.app, tim, vraag, 'afsluiting', { resultaattype: zaaktype.resultaattypen[0].id });
    const res = await haal(pad(vraag.volgcode));
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<dt[^>]*>Uitkomst<\/dt>\s*<dd[^>]*>Wij hebben uw vraag beantwoord\.<\/dd>/);
    expect(res.body).toMatch(/<dt[^>]*>Afgehandeld op<\/dt>/);
    // No reply form; the only form is the question after closing (ADR 0052, kto.routes.test.ts).
    expect(res.body).not.toContain('name="tekst"');
    expect(res.body.match(/<form /g)).toHaveLength(1);
    expect(res.body).toContain(`action="${pad(vraag.volgcode)}/tevredenheid"`);
    expect(res.body).toContain('U kunt hier niet meer reageren.');
    const post = await verstuur(pad(vraag.volgcode), { tekst: 'Nog een vraag', formulier });
    expect(post.statusCode).toBe(409);
    expect(post.body).not.toContain('<form');
  });

  it('offers the external documents of the zaak for download, with the same headers', async () => {
    const klacht = await nieuweKlacht();
    const wie = { context: cliContext(), gebruiker: null, naam: null, rollen: ['beheerder' as const] };
    const { documentId } = await loket.services.zaken.voegDocumentToe(wie, 'GM0384', klacht.id, (await zaakDetail(loket.app, kcc, klacht)).versie, {
      bestandsnaam: 'besluit op uw klacht.pdf',
      mediatype: 'application/pdf',
      inhoud: Buffer.from('%PDF-1.7 test'),
      extern: true,
    });
    const pagina = await haal(pad(klacht.volgcode));
    expect(pagina.body).toContain(`href="${pad(klacht.volgcode)}/documenten/${documentId}">besluit op uw klacht.pdf</a> (1 kB)`);
    const res = await haal(`${pad(klacht.volgcode)}/documenten/${documentId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe("attachment; filename*=UTF-8''besluit%20op%20uw%20klacht.pdf");
    expectVeiligeKoppen(res.headers);
    expect(res.body).toBe('%PDF-1.7 test');
    expect((await haal(`${pad('a'.repeat(32))}/documenten/${documentId}`)).statusCode).toBe(404);
    expect((await haal(`${pad(klacht.volgcode)}/documenten/geen-uuid`)).statusCode).toBe(404);
  });
});
