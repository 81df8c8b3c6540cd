import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';
import { postvak, registreerZaak, zaakActie, zaakDetail, type NieuweZaak } from '../../../test/zaken.ts';
import { cliContext } from '../audit/audit.service.ts';
import { MAX_TOELICHTING, STANDAARD_KEUZES } from './kto.regels.ts';

let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let loket: TestLoket;
let kcc: Ingelogd;
let tim: Ingelogd;

beforeAll(async () => {
  smtp = await smtpOntvanger();
  // Monday 2 March 2026, 10:00 in Amsterdam.
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { SMTP_URL: smtp.url } });
  await laadDemo(loket);
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  tim = await logInAls(loket, 'teamleider@diemen.demo');
});
afterAll(async () => {
  await loket?.close();
  await smtp?.close();
});

const vraag = (email: string, naam = 'Anna de Vries', taal: 'nl' | 'en' = 'nl') =>
  registreerZaak(loket.app, kcc, { zaaktype: 'e-mailvraag', onderwerp: 'Openingstijden', kanaal: 'e-mail', ontvangstdatum: '2026-03-02', betrokkene: { naam, email, taal } });
const melding = (email: string, taal: 'nl' | 'en' = 'nl') =>
  registreerZaak(loket.app, kcc, { zaaktype: 'melding-openbare-ruimte', onderwerp: 'Losse stoeptegel', kanaal: 'web', ontvangstdatum: '2026-03-02', betrokkene: { naam: 'Sam Jansen', email, taal } });

async function sluitAf(zaak: NieuweZaak): Promise<void> {
  const zaaktype = (await zaakDetail(loket.app, tim, zaak)).zaaktypeVersie;
  await zaakActie(loket.app, tim, zaak, 'afsluiting', { resultaattype: zaaktype.resultaattypen[0].id });
}

const haal = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const verstuur = (url: string, velden: Record<string, string>) =>
  loket.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(velden).toString() });
const linkUit = (tekst: string): string => {
  const m = /http:\/\/127\.0\.0\.1:3000(\/diemen\/(?:en\/)?kto\/[A-Za-z0-9_-]{43})/.exec(tekst);
  if (!m?.[1]) throw new Error(`geen link in: ${tekst}`);
  return m[1];
};
const vragen = (zaak: { id: string }) => loket.database.db.selectFrom('kto_vraag').selectAll().where('zaak_id', '=', zaak.id).execute();
const antwoorden = (zaak: { id: string }) => loket.database.db.selectFrom('kto_antwoord').selectAll().where('zaak_id', '=', zaak.id).execute();
const ktoMails = async (aan: string) => (await postvak(loket.database, aan)).filter((m) => m.onderwerp.startsWith('Wat vond u') || m.onderwerp.startsWith('How did we'));

// In this order: the first test waits for real SMTP delivery, before the later tests fill the outbox.
describe('the question after closing', { shuffle: false }, () => {
  it('close → mail with a one-time link → answer without login → stored once; a second answer changes nothing', async () => {
    const zaak = await vraag('anna@example.nl');
    await sluitAf(zaak);
    const mail = await smtp.wachtOp('anna@example.nl', `Wat vond u van de afhandeling van zaak ${zaak.identificatie}?`);
    expect(mail.tekst).toContain('Beste Anna de Vries,');
    const pad = linkUit(mail.tekst);
    const token = pad.split('/').at(-1) ?? '';
    // Only the token's hash is kept, never the token or the e-mail address.
    const [rij] = await vragen(zaak);
    expect(rij).toMatchObject({ zaaktype: 'e-mailvraag', vorm: 'score-5', taal: 'nl', identificatie: zaak.identificatie });
    expect(JSON.stringify(rij)).not.toContain(token);
    expect(JSON.stringify(rij)).not.toContain('anna@example.nl');

    const pagina = await haal(pad);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.headers['referrer-policy']).toBe('no-referrer');
    expect(pagina.headers['cache-control']).toBe('no-store');
    expect(pagina.body).toContain('Wat vond u van de afhandeling?');
    expect(pagina.body).toContain(`Wij hebben uw zaak ${zaak.identificatie} afgehandeld.`);
    expect(pagina.body.match(/name="score"/g)).toHaveLength(5);
    expect(pagina.body).toContain('value="bejegening"');
    expect(pagina.body).not.toContain('<script');

    // Nothing chosen: both errors at once, in a summary and at the fields.
    const leeg = await verstuur(pad, { toelichting: 'Goed geholpen' });
    expect(leeg.statusCode).toBe(400);
    expect(leeg.body).toContain('<title>Fout: Wat vond u van de afhandeling?');
    expect(leeg.body).toContain('<a class="utrecht-link utrecht-link--html-a" href="#score-0">Kies een antwoord.</a>');
    expect(leeg.body).toContain('<a class="utrecht-link utrecht-link--html-a" href="#punt-0">Kies wat goed of niet goed ging.</a>');
    expect(leeg.body).toContain('id="score-fout"');
    expect(leeg.body).toContain('aria-describedby="punt-uitleg punt-fout"');
    expect(leeg.body).toContain('>Goed geholpen</textarea>');
    expect(await antwoorden(zaak)).toEqual([]);

    const goed = await verstuur(pad, { score: '4', punt: 'bejegening', toelichting: 'Fijn! Bel me op 06-12345678 of mail anna@example.nl' });
    expect(goed.statusCode).toBe(303);
    expect(goed.headers.location).toBe(`${pad}?bedankt=1`);
    expect((await haal(`${pad}?bedankt=1`)).body).toContain('Bedankt voor uw antwoord');
    const opgeslagen = await antwoorden(zaak);
    expect(opgeslagen).toHaveLength(1);
    expect(opgeslagen[0]).toMatchObject({ score: 4, tevreden: true, punt: 'bejegening', toelichting: 'Fijn! Bel me op [telefoonnummer] of mail [e-mailadres]' });

    const tweede = await verstuur(pad, { score: '1', punt: 'snelheid' });
    expect(tweede.statusCode).toBe(409);
    expect(tweede.body).toContain('U heeft deze vraag al beantwoord');
    expect(tweede.body).toContain('Er is niets veranderd.');
    expect(await antwoorden(zaak)).toEqual(opgeslagen);
    expect((await haal(pad)).body).toContain('U heeft deze vraag al beantwoord');
  });

  it('asks the same e-mail address at most once in 30 days (case does not matter)', async () => {
    const eerste = await vraag('bram@example.nl', 'Bram');
    await sluitAf(eerste);
    expect(await vragen(eerste)).toHaveLength(1);
    const tweede = await melding('Bram@Example.nl');
    await sluitAf(tweede);
    expect(await vragen(tweede)).toEqual([]);
    expect(await ktoMails('bram@example.nl')).toHaveLength(1);
  });

  it('sample rate 0: no question, no mail', async () => {
    await loket.services.kto.zetInstelling('GM0384', { zaaktype: 'e-mailvraag', actief: true, vorm: 'score-5', steekproef: 0 });
    try {
      const zaak = await vraag('cor@example.nl', 'Cor');
      await sluitAf(zaak);
      expect(await vragen(zaak)).toEqual([]);
      expect(await ktoMails('cor@example.nl')).toEqual([]);
      // The closing mail itself still goes.
      expect((await postvak(loket.database, 'cor@example.nl')).map((m) => m.onderwerp)).toContain(`Uw zaak ${zaak.identificatie} is afgehandeld`);
    } finally {
      await loket.services.kto.zetInstelling('GM0384', { zaaktype: 'e-mailvraag', actief: true, vorm: 'score-5', steekproef: 100 });
    }
  });

  it('a melding gets tevreden ja/nee in the resident\'s language; "nee" is stored as not satisfied', async () => {
    const zaak = await melding('sam@example.com', 'en');
    await sluitAf(zaak);
    // From the outbox (the SMTP delivery itself is shown in the first test).
    const [mail] = await ktoMails('sam@example.com');
    expect(mail?.onderwerp).toBe(`How did we handle case ${zaak.identificatie}?`);
    const pad = linkUit(mail?.tekst ?? '');
    expect(pad).toMatch(/^\/diemen\/en\/kto\//);
    const pagina = await haal(pad);
    expect(pagina.body).toContain('<html lang="en"');
    expect(pagina.body).toContain('Are you satisfied with how we handled your case?');
    expect(pagina.body.match(/name="score"/g)).toHaveLength(2);
    const te = 'x'.repeat(MAX_TOELICHTING + 1);
    const lang = await verstuur(pad, { score: '0', punt: 'uitkomst', toelichting: te });
    expect(lang.statusCode).toBe(400);
    expect(lang.body).toContain('Your text is too long. Use at most 2000 characters.');
    expect(lang.body).toContain('id="score-1" name="score" value="0" checked');
    expect((await verstuur(pad, { score: '0', punt: 'uitkomst' })).statusCode).toBe(303);
    expect(await antwoorden(zaak)).toMatchObject([{ score: 0, tevreden: false, punt: 'uitkomst', toelichting: null }]);
  });

  it('shows the question on the closed zaak\'s tracking page and takes the answer there, once', async () => {
    const zaak = await vraag('eva@example.nl', 'Eva');
    const volg = `/diemen/zaken/${zaak.volgcode}`;
    expect((await haal(volg)).body).not.toContain('id="tevredenheid"');
    await sluitAf(zaak);
    const pagina = await haal(volg);
    expect(pagina.body).toContain('<section id="tevredenheid">');
    expect(pagina.body).toContain(`action="${volg}/tevredenheid"`);
    const fout = await verstuur(`${volg}/tevredenheid`, { punt: 'snelheid' });
    expect(fout.statusCode).toBe(400);
    expect(fout.body).toContain('<title>Fout: Uw zaak');
    expect(fout.body).toContain('href="#score-0">Kies een antwoord.</a>');
    expect(fout.body).toContain('value="snelheid" checked');
    const goed = await verstuur(`${volg}/tevredenheid`, { score: '2', punt: 'snelheid' });
    expect(goed.statusCode).toBe(303);
    expect(goed.headers.location).toBe(`${volg}#tevredenheid`);
    expect((await haal(volg)).body).toContain('Wij hebben uw antwoord ontvangen.');
    expect(await antwoorden(zaak)).toMatchObject([{ score: 2, tevreden: false, punt: 'snelheid' }]);
    // The link in the mail now says it was answered; a second answer changes nothing.
    const [mail] = await ktoMails('eva@example.nl');
    const link = linkUit(mail?.tekst ?? '');
    expect((await verstuur(link, { score: '5', punt: 'anders' })).statusCode).toBe(409);
    const weer = await verstuur(`${volg}/tevredenheid`, { score: '5', punt: 'anders' });
    expect(weer.statusCode).toBe(409);
    expect(weer.body).toContain('Er is niets veranderd.');
    expect(await antwoorden(zaak)).toMatchObject([{ score: 2 }]);
  });

  it('no e-mail address, an unknown or malformed token: no question / the 404 page', async () => {
    const zonder = await registreerZaak(loket.app, kcc, { zaaktype: 'e-mailvraag', onderwerp: 'Zonder mail', kanaal: 'balie', ontvangstdatum: '2026-03-02', betrokkene: { naam: 'Dirk', taal: 'nl' } });
    await sluitAf(zonder);
    expect(await vragen(zonder)).toEqual([]);
    expect((await haal(`/diemen/kto/${'A'.repeat(43)}`)).statusCode).toBe(404);
    expect((await haal('/diemen/kto/kort')).statusCode).toBe(404);
    expect((await verstuur(`/diemen/kto/${'A'.repeat(43)}`, { score: '3', punt: 'anders' })).statusCode).toBe(404);
    expect((await haal(`/onbekend/kto/${'A'.repeat(43)}`)).statusCode).toBe(404);
  });

  // Last: it moves the clock on.
  it('after 30 days asks the same address again; housekeeping erases the e-mail hashes after 30 days and the texts after a year', async () => {
    loket.klok.verder(31 * 86_400_000);
    // The sessions expired meanwhile.
    kcc = await logInAls(loket, 'kcc@duoplus.demo');
    tim = await logInAls(loket, 'teamleider@diemen.demo');
    const weer = await vraag('bram@example.nl', 'Bram');
    await sluitAf(weer);
    expect(await vragen(weer)).toHaveLength(1);
    expect(await ktoMails('bram@example.nl')).toHaveLength(2);
    expect(await loket.services.onderhoud.ruimOp(cliContext())).toMatchObject({ kto: expect.any(Number) });
    const hashes = await loket.database.db.selectFrom('kto_vraag').select(['zaak_id', 'email_hash']).execute();
    expect(hashes.filter((h) => h.email_hash === '').map((h) => h.zaak_id)).not.toContain(weer.id);
    expect(hashes.filter((h) => h.email_hash !== '').map((h) => h.zaak_id)).toEqual([weer.id]);
    const metTekst = await loket.database.db.selectFrom('kto_antwoord').select('zaak_id').where('toelichting', 'is not', null).execute();
    expect(metTekst.length).toBeGreaterThan(0);
    loket.klok.verder(366 * 86_400_000);
    await loket.services.onderhoud.ruimOp(cliContext());
    const rijen = await loket.database.db.selectFrom('kto_antwoord').select(['score', 'toelichting']).execute();
    expect(rijen.length).toBeGreaterThan(0);
    expect(rijen.every((r) => r.toelichting === null && r.score >= 0)).toBe(true);
  });
});

const STANDAARD = { vraag: null, keuzes: STANDAARD_KEUZES, toelichtingVragen: true };

describe('the settings per zaaktype in the API', () => {
  it('beheerders read and set them (audit-logged); an unknown zaaktype is 404, bad input 400 with every field, others 403', async () => {
    // Fresh sessions: another describe may have moved the clock past the earlier ones.
    const beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
    tim = await logInAls(loket, 'teamleider@diemen.demo');
    const url = '/api/v1/gemeenten/GM0384/kto-instellingen';
    expect((await loket.app.inject({ method: 'GET', url, headers: tim.headers })).statusCode).toBe(403);
    expect((await loket.app.inject({ method: 'PUT', url: `${url}/klacht`, headers: tim.headers, payload: { actief: true, vorm: 'score-10', steekproef: 25 } })).statusCode).toBe(403);
    // Without the question's own parts: the standard question, list and text.
    const gezet = await loket.app.inject({ method: 'PUT', url: `${url}/klacht`, headers: beheerder.headers, payload: { actief: true, vorm: 'score-10', steekproef: 25 } });
    expect(gezet.statusCode).toBe(200);
    expect(gezet.json()).toEqual({ zaaktype: 'klacht', actief: true, vorm: 'score-10', steekproef: 25, ...STANDAARD });
    const lijst = (await loket.app.inject({ method: 'GET', url, headers: beheerder.headers })).json().items;
    expect(lijst).toContainEqual({ zaaktype: 'klacht', actief: true, vorm: 'score-10', steekproef: 25, ...STANDAARD });
    const log = await loket.database.db.selectFrom('audit_log').select(['actie', 'object_id']).where('actie', '=', 'kto-instelling').execute();
    expect(log).toContainEqual({ actie: 'kto-instelling', object_id: 'klacht' });

    expect((await loket.app.inject({ method: 'PUT', url: `${url}/bestaat-niet`, headers: beheerder.headers, payload: { actief: true, vorm: 'ja-nee', steekproef: 100 } })).statusCode).toBe(404);
    const fout = await loket.app.inject({ method: 'PUT', url: `${url}/klacht`, headers: beheerder.headers, payload: { actief: 'ja', vorm: 'score-7', steekproef: 101 } });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['actief', 'steekproef', 'vorm']);
  });

  it('the question text nl/en, the choice list and the optional text: set, read back, and every error at once', async () => {
    const beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
    const url = '/api/v1/gemeenten/GM0384/kto-instellingen/klacht';
    const instelling = {
      actief: true,
      vorm: 'score-10',
      steekproef: 100,
      vraag: { nl: '  Welk cijfer geeft u onze klachtbehandeling?  ', en: 'What mark do you give our complaint handling?' },
      keuzes: [
        { sleutel: 'luisteren', nl: 'Of wij goed luisterden', en: 'Whether we listened well' },
        { sleutel: 'oplossing', nl: 'De oplossing', en: 'The solution' },
      ],
      toelichtingVragen: false,
    };
    const gezet = await loket.app.inject({ method: 'PUT', url, headers: beheerder.headers, payload: instelling });
    expect(gezet.statusCode, gezet.body).toBe(200);
    const verwacht = { zaaktype: 'klacht', ...instelling, vraag: { nl: 'Welk cijfer geeft u onze klachtbehandeling?', en: instelling.vraag.en } };
    expect(gezet.json()).toEqual(verwacht);
    expect(await loket.services.kto.instellingen('GM0384')).toContainEqual(verwacht);

    // No choice list: the choice is not asked.
    expect((await loket.app.inject({ method: 'PUT', url, headers: beheerder.headers, payload: { ...instelling, keuzes: [] } })).json()).toMatchObject({ keuzes: [] });

    const fout = await loket.app.inject({
      method: 'PUT',
      url,
      headers: beheerder.headers,
      payload: {
        ...instelling,
        vraag: { nl: '   ', en: 'x'.repeat(201) },
        keuzes: [{ sleutel: 'Met Spatie', nl: 'Goed', en: '' }, { sleutel: 'goed', nl: 'x'.repeat(101), en: 'Good' }, { sleutel: 'extra', nl: 'Extra', en: 'Extra', kleur: 'rood' }],
        toelichtingVragen: 'ja',
      },
    });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['keuzes.0.en', 'keuzes.0.sleutel', 'keuzes.1.nl', 'keuzes.2.kleur', 'toelichtingVragen', 'vraag.en', 'vraag.nl']);
    const dubbel = await loket.app.inject({ method: 'PUT', url, headers: beheerder.headers, payload: { ...instelling, keuzes: [...instelling.keuzes, { sleutel: 'luisteren', nl: 'Nog eens', en: 'Again' }] } });
    expect(dubbel.statusCode).toBe(400);
    expect(dubbel.json().invalidParams).toEqual([expect.objectContaining({ name: 'keuzes.2.sleutel', reason: 'De sleutel luisteren komt twee keer voor. Geef elke keuze een eigen sleutel.' })]);
    const teVeel = Array.from({ length: 13 }, (_, i) => ({ sleutel: `k${i}`, nl: `Keuze ${i}`, en: `Option ${i}` }));
    const lang = await loket.app.inject({ method: 'PUT', url, headers: beheerder.headers, payload: { ...instelling, keuzes: teVeel } });
    expect(lang.statusCode).toBe(400);
    expect(lang.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['keuzes']);
    // Nothing of the refused settings was stored.
    expect((await loket.services.kto.instellingen('GM0384')).find((i) => i.zaaktype === 'klacht')).toMatchObject({ keuzes: [] });
  });
});

describe('a configured question', { shuffle: false }, () => {
  const keuzes = [
    { sleutel: 'wachttijd', nl: 'Hoe lang ik moest wachten', en: 'How long I had to wait' },
    { sleutel: 'antwoord', nl: 'Of mijn vraag beantwoord is', en: 'Whether my question was answered' },
  ];
  let pad = '';
  let zaak: NieuweZaak;
  // The other describes (in any order) ask the demo's question for e-mailvraag.
  afterAll(() => loket.services.kto.zetInstelling('GM0384', { zaaktype: 'e-mailvraag', actief: true, vorm: 'score-5', steekproef: 100 }));

  it('the mail and the page ask what the zaaktype sets: its text, 1–10, its choices, no text field; the answer keeps key and label', async () => {
    kcc = await logInAls(loket, 'kcc@duoplus.demo');
    tim = await logInAls(loket, 'teamleider@diemen.demo');
    await loket.services.kto.zetInstelling('GM0384', {
      zaaktype: 'e-mailvraag',
      actief: true,
      vorm: 'score-10',
      steekproef: 100,
      vraag: { nl: 'Welk rapportcijfer geeft u ons antwoord op uw e-mail?', en: 'What mark do you give our answer to your e-mail?' },
      keuzes,
      toelichtingVragen: false,
    });
    zaak = await vraag('femke@example.nl', 'Femke');
    await sluitAf(zaak);
    const [mail] = await ktoMails('femke@example.nl');
    expect(mail?.tekst).toContain('Onze vraag is:\n\nWelk rapportcijfer geeft u ons antwoord op uw e-mail?\n\n');
    pad = linkUit(mail?.tekst ?? '');
    expect(await vragen(zaak)).toMatchObject([{ vorm: 'score-10', kanaal: 'e-mail', team_id: expect.any(String) }]);

    const pagina = await haal(pad);
    expect(pagina.body).toContain('Welk rapportcijfer geeft u ons antwoord op uw e-mail?</legend>');
    expect(pagina.body.match(/name="score"/g)).toHaveLength(10);
    expect(pagina.body.match(/name="punt"/g)).toHaveLength(2);
    expect(pagina.body).toContain('>Hoe lang ik moest wachten</label>');
    expect(pagina.body).not.toContain('value="snelheid"');
    expect(pagina.body).not.toContain('<textarea');
    const engels = await haal(pad.replace('/diemen/kto/', '/diemen/en/kto/'));
    expect(engels.body).toContain('What mark do you give our answer to your e-mail?</legend>');
    expect(engels.body).toContain('>Whether my question was answered</label>');

    // A choice from the standard list is not one of this zaaktype's.
    const fout = await verstuur(pad, { score: '11', punt: 'snelheid' });
    expect(fout.statusCode).toBe(400);
    expect(fout.body).toContain('href="#score-0">Kies een antwoord.</a>');
    expect(fout.body).toContain('href="#punt-0">Kies wat goed of niet goed ging.</a>');

    // A text the zaaktype does not ask for is not kept.
    expect((await verstuur(pad, { score: '8', punt: 'wachttijd', toelichting: 'Niet gevraagd' })).statusCode).toBe(303);
    expect(await antwoorden(zaak)).toMatchObject([{ score: 8, tevreden: true, punt: 'wachttijd', punt_tekst: 'Hoe lang ik moest wachten', toelichting: null }]);
  });

  it('after the list changes an answer keeps the option it chose; a question asked in another form keeps the standard text of its form', async () => {
    const eerder = await antwoorden(zaak);
    const ander = await vraag('gijs@example.nl', 'Gijs');
    await sluitAf(ander);
    const link = linkUit((await ktoMails('gijs@example.nl'))[0]?.tekst ?? '');
    await loket.services.kto.zetInstelling('GM0384', { zaaktype: 'e-mailvraag', actief: true, vorm: 'ja-nee', steekproef: 100, vraag: { nl: 'Bent u tevreden?', en: 'Are you happy?' }, keuzes: [{ sleutel: 'snel', nl: 'Snel', en: 'Fast' }], toelichtingVragen: true });
    expect(await antwoorden(zaak)).toEqual(eerder);
    const pagina = await haal(link);
    // Asked as 1–10: still 1–10, with that form's standard text, and the list as it is now.
    expect(pagina.body.match(/name="score"/g)).toHaveLength(10);
    expect(pagina.body).toContain('Welk rapportcijfer geeft u? 1 is heel slecht, 10 is heel goed.</legend>');
    expect(pagina.body).not.toContain('Bent u tevreden?');
    expect(pagina.body).toContain('>Snel</label>');
    expect(pagina.body).toContain('<textarea');
    expect((await verstuur(link, { score: '3', punt: 'snel', toelichting: 'Kan beter' })).statusCode).toBe(303);
    expect(await antwoorden(ander)).toMatchObject([{ score: 3, tevreden: false, punt: 'snel', punt_tekst: 'Snel', toelichting: 'Kan beter' }]);
  });

  it('without a choice list only the score (and the text) is asked', async () => {
    await loket.services.kto.zetInstelling('GM0384', { zaaktype: 'e-mailvraag', actief: true, vorm: 'ja-nee', steekproef: 100, keuzes: [] });
    const z = await vraag('hanna@example.nl', 'Hanna');
    await sluitAf(z);
    const volg = `/diemen/zaken/${z.volgcode}`;
    const pagina = await haal(volg);
    expect(pagina.body).toContain('Bent u tevreden over hoe wij uw zaak hebben afgehandeld?</legend>');
    expect(pagina.body).not.toContain('name="punt"');
    expect((await verstuur(`${volg}/tevredenheid`, { score: '1' })).statusCode).toBe(303);
    expect(await antwoorden(z)).toMatchObject([{ score: 1, tevreden: true, punt: null, punt_tekst: null }]);
  });
});
