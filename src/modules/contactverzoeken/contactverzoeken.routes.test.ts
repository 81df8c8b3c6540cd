/**
 * Contactverzoeken through the API (PGlite or PostgreSQL) with a real SMTP receiver. Each test
 * moves the clock far (deadlines, the watcher, retention), so each has its own database.
 *
 * Diemen's demo teams: Openbare ruimte (Tim Teamleider, Bo Behandelaar), Klantcontactcentrum
 * (Kees). Diemen's demo closure day in 2026: Friday 15 May (after Ascension Day, 14 May).
 */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';
import { cliContext, systeemContext } from '../audit/audit.service.ts';

let loket: TestLoket;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
const G = 'GM0384';
const basis = `/api/v1/gemeenten/${G}/contactverzoeken`;
let openbareRuimte: string;
let kccTeam: string;
let boId: string;

beforeAll(async () => {
  smtp = await smtpOntvanger();
});
afterAll(async () => smtp.close());

beforeEach(async () => {
  loket = await testLoket({ nu: '2025-01-01T09:00:00Z', env: { SMTP_URL: smtp.url } });
  await laadDemo(loket);
  const teams = await loket.services.teams.lijst(cliContext(), G, 0, 100);
  openbareRuimte = teams.rows.find((t) => t.naam === 'Openbare ruimte')?.id ?? '';
  kccTeam = teams.rows.find((t) => t.naam === 'Klantcontactcentrum')?.id ?? '';
  boId = (await loket.services.gebruikers.opEmail(G, 'behandelaar@diemen.demo')).id;
}, 120_000);
afterEach(async () => loket.close());

/** Sets the clock and logs these demo users in (a login moves the clock 30 s). */
async function op(tijd: string, ...emails: string[]): Promise<Ingelogd[]> {
  loket.klok.zet(tijd);
  const sessies: Ingelogd[] = [];
  for (const email of emails) sessies.push(await logInAls(loket, email));
  return sessies;
}

const post = (sessie: Ingelogd, pad: string, payload: Record<string, unknown>) => loket.app.inject({ method: 'POST', url: `${basis}${pad}`, headers: sessie.headers, payload });
const get = (sessie: Ingelogd, pad: string) => loket.app.inject({ method: 'GET', url: `${basis}${pad}`, headers: sessie.headers });

const persoon = { naam: 'Fatima el Amrani', telefoon: '06 12345678', email: 'fatima@example.nl' };

async function maak(sessie: Ingelogd, payload: Record<string, unknown>) {
  const res = await post(sessie, '', { onderwerp: 'Afval', vraag: 'Mijn container is niet geleegd.', persoon, team: openbareRuimte, ...payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; uiterlijkOp: string; status: string; [k: string]: unknown };
}

describe('POST /contactverzoeken', () => {
  it('makes a request to a team with a deadline of 2 werkdagen, its resident, history, audit and processing log', async () => {
    // Wednesday 4 March 2026, 10:00 in Amsterdam: 2 werkdagen later is Friday 6 March.
    const [kcc] = await op('2026-03-04T09:00:00Z', 'kcc@duoplus.demo');
    const res = await post(kcc!, '', { team: openbareRuimte, onderwerp: 'Grofvuil ophalen', vraag: 'Wanneer komt de grofvuilwagen?', toelichting: 'Belt voor de derde keer.', persoon });
    expect(res.statusCode, res.body).toBe(201);
    const verzoek = res.json();
    expect(res.headers.location).toBe(`${basis}/${verzoek.id}`);
    expect(verzoek).toMatchObject({
      onderwerp: 'Grofvuil ophalen',
      status: 'open',
      team: { id: openbareRuimte, naam: 'Openbare ruimte' },
      medewerker: null,
      behandelaar: null,
      normWerkdagen: 2,
      uiterlijkOp: '2026-03-06',
      toelichting: 'Belt voor de derde keer.',
      persoon,
      pogingen: 0,
      aangemaaktDoor: { type: 'gebruiker', naam: 'Kees van het KCC' },
      geschiedenis: [{ volgnummer: 1, soort: 'aangemaakt', gegevens: { normWerkdagen: 2, uiterlijkOp: '2026-03-06' } }],
    });
    const audit = await loket.database.db.selectFrom('audit_log').select('actie').where('object_id', '=', verzoek.id).execute();
    expect(audit.map((a) => a.actie)).toEqual(['contactverzoek-maken']);
    const verwerkingen = await loket.database.db.selectFrom('verwerking_log').select('naam').where('betrokkene_id', '=', verzoek.id).execute();
    expect(verwerkingen.map((v) => v.naam)).toEqual(['contactverzoek-maken']);
  });

  it('skips a holiday and the gemeente closure day, and uses the norm of the onderwerp', async () => {
    // Wednesday 13 May 2026: Thursday 14 is Ascension Day, Friday 15 Diemen's closure day.
    const [kcc, admin] = await op('2026-05-13T09:00:00Z', 'kcc@duoplus.demo', 'beheerder@duoplus.demo');
    expect((await maak(kcc!, { onderwerp: 'Hemelvaart standaard' })).uiterlijkOp).toBe('2026-05-19');
    const normen = await loket.app.inject({
      method: 'PUT',
      url: `/api/v1/gemeenten/${G}/contactverzoek-normen`,
      headers: admin!.headers,
      payload: { normen: [{ onderwerp: 'Parkeervergunning', werkdagen: 5 }] },
    });
    expect(normen.statusCode, normen.body).toBe(200);
    expect(normen.json()).toEqual({ standaardWerkdagen: 2, normen: [{ onderwerp: 'Parkeervergunning', werkdagen: 5 }] });
    // Case does not matter; 5 werkdagen from 13 May: 18, 19, 20, 21, 22 May.
    const lang = await maak(kcc!, { onderwerp: 'parkeervergunning' });
    expect(lang).toMatchObject({ normWerkdagen: 5, uiterlijkOp: '2026-05-22' });
    const gelezen = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/contactverzoek-normen`, headers: kcc!.headers });
    expect(gelezen.json().normen).toEqual([{ onderwerp: 'Parkeervergunning', werkdagen: 5 }]);
    // Only a beheerder sets norms.
    const kccNormen = await loket.app.inject({ method: 'PUT', url: `/api/v1/gemeenten/${G}/contactverzoek-normen`, headers: kcc!.headers, payload: { normen: [] } });
    expect(kccNormen.statusCode).toBe(403);
  });

  it('goes to a named staff member', async () => {
    const [kcc] = await op('2026-03-04T09:00:00Z', 'kcc@duoplus.demo');
    const verzoek = await maak(kcc!, { team: undefined, medewerker: boId, onderwerp: 'Voor Bo' });
    expect(verzoek).toMatchObject({ team: null, medewerker: { id: boId, naam: 'Bo Behandelaar' } });
  });

  it('mails the resident a confirmation with the date through the outbox when asked', async () => {
    const [kcc] = await op('2026-03-04T09:00:00Z', 'kcc@duoplus.demo');
    const verzoek = await maak(kcc!, { onderwerp: 'Bevestiging gevraagd', bevestiging: true, persoon: { naam: 'Jan', email: 'jan.bevestiging@example.nl' } });
    const mail = await smtp.wachtOp('jan.bevestiging@example.nl', 'Wij nemen contact met u op over: Bevestiging gevraagd');
    expect(mail.tekst).toContain('Wij bellen of mailen u uiterlijk 6 maart 2026.');
    expect(mail.tekst).not.toContain('toelichting');
    expect((verzoek.geschiedenis as { soort: string }[]).map((g) => g.soort)).toEqual(['aangemaakt', 'bevestiging']);
    const engels = await maak(kcc!, { onderwerp: 'Confirmation', bevestiging: true, taal: 'en', persoon: { naam: '', email: 'john.en@example.nl' } });
    expect(engels.status).toBe('open');
    expect((await smtp.wachtOp('john.en@example.nl', 'We will contact you about: Confirmation')).tekst).toContain('no later than');
  });

  it('refuses a request without a target, and names every bad field at once; nothing is stored', async () => {
    const [kcc] = await op('2026-03-04T09:00:00Z', 'kcc@duoplus.demo');
    const voor = await loket.database.db.selectFrom('contactverzoek').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await post(kcc!, '', { onderwerp: '', vraag: 'x', persoon: { naam: 'Zonder nummer' } });
    expect(res.statusCode).toBe(400);
    const namen = (res.json().invalidParams as { name: string }[]).map((p) => p.name).toSorted();
    expect(namen).toEqual(['medewerker', 'onderwerp', 'persoon.telefoon', 'team']);
    const onbekend = await post(kcc!, '', {
      team: '00000000-0000-4000-8000-000000000000',
      medewerker: '00000000-0000-4000-8000-000000000001',
      klantcontact: '00000000-0000-4000-8000-000000000002',
      onderwerp: 'Onbekend',
      vraag: 'x',
      persoon: { telefoon: '0612345678' },
      bevestiging: true,
    });
    expect(onbekend.statusCode).toBe(400);
    expect((onbekend.json().invalidParams as { code: string }[]).map((p) => p.code).toSorted()).toEqual(['geen-email', 'onbekend-klantcontact', 'onbekend-team', 'onbekende-medewerker']);
    const na = await loket.database.db.selectFrom('contactverzoek').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(na.n)).toBe(Number(voor.n));
  });

  it('links a request to the klantcontact it came from', async () => {
    const [kcc] = await op('2026-03-04T09:00:00Z', 'kcc@duoplus.demo');
    const contact = await loket.app.inject({
      method: 'POST',
      url: `/api/v1/gemeenten/${G}/klantcontacten`,
      headers: kcc!.headers,
      payload: { kanaal: 'telefoon', onderwerp: 'Afval', uitkomst: 'contactverzoek-gemaakt' },
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const verzoek = await maak(kcc!, { onderwerp: 'Uit klantcontact', klantcontact: contact.json().id });
    expect(verzoek.klantcontactId).toBe(contact.json().id);
  });

  it('is refused to roles without the right, and to another gemeente', async () => {
    const [pc, kcc] = await op('2026-03-04T09:00:00Z', 'pc@diemen.demo', 'kcc@duoplus.demo');
    expect((await post(pc!, '', { team: openbareRuimte, onderwerp: 'x', vraag: 'x', persoon })).statusCode).toBe(403);
    const elders = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0437/contactverzoeken', headers: kcc!.headers, payload: { team: openbareRuimte, onderwerp: 'x', vraag: 'x', persoon } });
    expect(elders.statusCode).toBe(400);
    expect(elders.json().invalidParams).toEqual([expect.objectContaining({ code: 'onbekend-team' })]);
  });
});

describe('the queue and handling', () => {
  it('shows a team its open requests by deadline, and not to other teams', async () => {
    const [kcc] = await op('2026-03-09T09:00:00Z', 'kcc@duoplus.demo');
    const later = await maak(kcc!, { onderwerp: 'Wachtrij later' });
    loket.klok.zet('2026-03-06T09:00:00Z');
    const eerder = await maak(kcc!, { onderwerp: 'Wachtrij eerder' });
    const naarKcc = await maak(kcc!, { onderwerp: 'Wachtrij KCC', team: kccTeam });
    const [bo, kees] = await op('2026-03-09T09:30:00Z', 'behandelaar@diemen.demo', 'kcc@duoplus.demo');
    const lijst = await get(bo!, '?pageSize=100');
    expect(lijst.statusCode, lijst.body).toBe(200);
    const ids = (lijst.json().items as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(eerder.id);
    expect(ids.indexOf(eerder.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids).not.toContain(naarKcc.id);
    const deadlines = (lijst.json().items as { uiterlijkOp: string }[]).map((i) => i.uiterlijkOp);
    expect(deadlines).toEqual(deadlines.toSorted());
    const keesLijst = (await get(kees!, '?pageSize=100')).json().items as { id: string }[];
    expect(keesLijst.map((i) => i.id)).toContain(naarKcc.id);
    expect(keesLijst.map((i) => i.id)).not.toContain(eerder.id);
    // The KCC may look at every open request; Bo may not, nor filter on a team that is not his.
    expect(((await get(kees!, '?alle=true&pageSize=100')).json().items as { id: string }[]).map((i) => i.id)).toContain(eerder.id);
    expect((await get(bo!, '?alle=true')).statusCode).toBe(400);
    expect((await get(bo!, `?team=${kccTeam}`)).statusCode).toBe(400);
  });

  it('gives each request its deadline band on the calendar, and mij=true lists what is to me or picked up by me', async () => {
    // Monday 11 May 2026: the band dezeWeek runs to Tuesday 19 May (Ascension Day 14 May and the closure day 15 May skipped).
    // A session does not survive the clock moving days ahead, so the requests are made from the latest back.
    const [kcc] = await op('2026-05-11T09:00:00Z', 'kcc@duoplus.demo');
    const dezeWeek = await maak(kcc!, { onderwerp: 'Band deze week', team: undefined, medewerker: boId });
    loket.klok.zet('2026-05-07T09:00:00Z');
    const vandaag = await maak(kcc!, { onderwerp: 'Band vandaag' });
    loket.klok.zet('2026-05-06T09:00:00Z');
    const teLaat = await maak(kcc!, { onderwerp: 'Band te laat' });
    expect([teLaat.uiterlijkOp, vandaag.uiterlijkOp, dezeWeek.uiterlijkOp]).toEqual(['2026-05-08', '2026-05-11', '2026-05-13']);
    const [bo] = await op('2026-05-11T09:30:00Z', 'behandelaar@diemen.demo');
    const banden = ((await get(bo!, '?pageSize=100')).json().items as { id: string; termijnband: string }[]).map((i) => [i.id, i.termijnband]);
    expect(banden).toEqual([
      [teLaat.id, 'teLaat'],
      [vandaag.id, 'vandaag'],
      [dezeWeek.id, 'dezeWeek'],
    ]);
    expect(((await get(bo!, '?mij=true')).json().items as { id: string }[]).map((i) => i.id)).toEqual([dezeWeek.id]);
    await post(bo!, `/${vandaag.id}/oppakken`, {});
    expect(((await get(bo!, '?mij=true')).json().items as { id: string }[]).map((i) => i.id)).toEqual([vandaag.id, dezeWeek.id]);
  });

  it('is picked up, attempts are recorded append-only, and it closes as niet bereikt only after an attempt', async () => {
    const [kcc] = await op('2026-03-04T09:00:00Z', 'kcc@duoplus.demo');
    const verzoek = await maak(kcc!, { onderwerp: 'Niet bereikt' });
    const [bo, pc] = await op('2026-03-05T09:00:00Z', 'behandelaar@diemen.demo', 'kcc@duoplus.demo');
    const tevroeg = await post(bo!, `/${verzoek.id}/afhandelen`, { status: 'niet-bereikt' });
    expect(tevroeg.statusCode).toBe(400);
    expect(tevroeg.json().invalidParams).toEqual([expect.objectContaining({ code: 'geen-poging' })]);
    // Kees is not in Openbare ruimte: he may read it (KCC) but not handle it.
    expect((await post(pc!, `/${verzoek.id}/oppakken`, {})).statusCode).toBe(403);
    const opgepakt = await post(bo!, `/${verzoek.id}/oppakken`, {});
    expect(opgepakt.json()).toMatchObject({ status: 'in-behandeling', behandelaar: { id: boId, naam: 'Bo Behandelaar' } });
    const poging = await post(bo!, `/${verzoek.id}/pogingen`, { bereikt: false, notitie: 'Voicemail ingesproken.' });
    expect(poging.statusCode, poging.body).toBe(201);
    expect(poging.json().pogingen).toBe(1);
    await post(bo!, `/${verzoek.id}/pogingen`, { bereikt: false, kanaal: 'e-mail' });
    const af = await post(bo!, `/${verzoek.id}/afhandelen`, { status: 'niet-bereikt' });
    expect(af.statusCode, af.body).toBe(200);
    expect(af.json()).toMatchObject({ status: 'niet-bereikt', pogingen: 2, afgehandeldOp: expect.any(String) });
    expect((af.json().geschiedenis as { soort: string; gegevens: Record<string, unknown> }[]).map((g) => [g.soort, g.gegevens])).toEqual([
      ['aangemaakt', { normWerkdagen: 2, uiterlijkOp: '2026-03-06' }],
      ['opgepakt', {}],
      ['poging', { bereikt: false, kanaal: 'telefoon', notitie: 'Voicemail ingesproken.' }],
      ['poging', { bereikt: false, kanaal: 'e-mail', notitie: '' }],
      ['niet-bereikt', { uitkomst: null, binnenTermijn: true }],
    ]);
    // Closed: no more attempts, no second closing; the history cannot be changed.
    expect((await post(bo!, `/${verzoek.id}/pogingen`, { bereikt: true })).statusCode).toBe(409);
    expect((await post(bo!, `/${verzoek.id}/afhandelen`, { status: 'afgerond', uitkomst: 'x' })).statusCode).toBe(409);
    await expect(sql`update contactverzoek_gebeurtenis set gegevens = '{}' where contactverzoek_id = ${verzoek.id}`.execute(loket.database.db)).rejects.toThrow();
    await expect(sql`delete from contactverzoek_gebeurtenis where contactverzoek_id = ${verzoek.id}`.execute(loket.database.db)).rejects.toThrow();
    // Gone from the queue.
    expect(((await get(bo!, '?pageSize=100')).json().items as { id: string }[]).map((i) => i.id)).not.toContain(verzoek.id);
  });

  it('closes as afgerond with the outcome (required); the named staff member handles a request to him', async () => {
    const [kcc] = await op('2026-03-04T09:00:00Z', 'kcc@duoplus.demo');
    const verzoek = await maak(kcc!, { team: undefined, medewerker: boId, onderwerp: 'Afgerond' });
    const [bo, tim] = await op('2026-03-06T15:00:00Z', 'behandelaar@diemen.demo', 'teamleider@diemen.demo');
    // Tim is in Bo's team, but the request is to Bo alone.
    expect((await post(tim!, `/${verzoek.id}/oppakken`, {})).statusCode).toBe(403);
    const zonder = await post(bo!, `/${verzoek.id}/afhandelen`, { status: 'afgerond' });
    expect(zonder.statusCode).toBe(400);
    expect(zonder.json().invalidParams).toEqual([expect.objectContaining({ name: 'uitkomst' })]);
    const af = await post(bo!, `/${verzoek.id}/afhandelen`, { status: 'afgerond', uitkomst: 'Uitgelegd hoe de container wordt vervangen.' });
    expect(af.statusCode, af.body).toBe(200);
    expect(af.json()).toMatchObject({ status: 'afgerond', uitkomst: 'Uitgelegd hoe de container wordt vervangen.', behandelaar: { id: boId } });
    expect((await get(bo!, `/${verzoek.id}`)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown id and for a request of another gemeente, and 400 for a bad body', async () => {
    const [kcc] = await op('2026-03-04T09:00:00Z', 'kcc@duoplus.demo');
    const verzoek = await maak(kcc!, { onderwerp: 'Ander' });
    expect((await get(kcc!, '/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const elders = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0437/contactverzoeken/${verzoek.id}`, headers: kcc!.headers });
    expect(elders.statusCode).toBe(404);
    const fout = await post(kcc!, `/${verzoek.id}/pogingen`, { bereikt: 'ja', kanaal: 'duif', extra: 1 });
    expect(fout.statusCode).toBe(400);
    expect((fout.json().invalidParams as { name: string }[]).map((p) => p.name).toSorted()).toEqual(['bereikt', 'extra', 'kanaal']);
  });
});

describe('reminder and escalation', () => {
  it('reminds the team before the deadline and tells the teamleider after it, each once', async () => {
    // Monday 2 March: the deadline is Wednesday 4 March.
    const [kcc] = await op('2026-03-02T09:00:00Z', 'kcc@duoplus.demo');
    const verzoek = await maak(kcc!, { onderwerp: 'Bewaakt verzoek' });
    const dienst = loket.services.contactverzoeken;
    expect(verzoek.uiterlijkOp).toBe('2026-03-04');
    await dienst.bewaak();
    expect(smtp.ontvangen.filter((m) => m.onderwerp.includes('Bewaakt verzoek'))).toHaveLength(0);
    // Tuesday 3 March: the deadline is the next working day.
    loket.klok.zet('2026-03-03T07:00:00Z');
    await dienst.bewaak();
    const herinnering = await smtp.wachtOp('behandelaar@diemen.demo', /^Herinnering: terugbelverzoek "Bewaakt verzoek"/);
    expect(herinnering.tekst).toContain('team Openbare ruimte');
    await smtp.wachtOp('teamleider@diemen.demo', /^Herinnering: terugbelverzoek "Bewaakt verzoek"/);
    expect(await dienst.bewaak()).toEqual({ herinneringen: 0, escalaties: 0 });
    // Thursday 5 March: the deadline has passed.
    loket.klok.zet('2026-03-05T07:00:00Z');
    await dienst.bewaak();
    const escalatie = await smtp.wachtOp('teamleider@diemen.demo', /^Te laat: terugbelverzoek "Bewaakt verzoek"/);
    expect(escalatie.tekst).toContain('als teamleider');
    expect(await dienst.bewaak()).toEqual({ herinneringen: 0, escalaties: 0 });
    const [admin] = await op('2026-03-05T07:10:00Z', 'beheerder@duoplus.demo');
    const gelezen = (await get(admin!, `/${verzoek.id}`)).json();
    expect((gelezen.geschiedenis as { soort: string; gegevens: Record<string, unknown> }[]).map((g) => [g.soort, g.gegevens])).toEqual([
      ['aangemaakt', { normWerkdagen: 2, uiterlijkOp: '2026-03-04' }],
      ['herinnering', { ontvangers: ['Bo Behandelaar', 'Tim Teamleider'], uiterlijkOp: '2026-03-04' }],
      ['escalatie', { ontvangers: ['Tim Teamleider'], uiterlijkOp: '2026-03-04' }],
    ]);
    expect(smtp.ontvangen.filter((m) => m.onderwerp.includes('Bewaakt verzoek'))).toHaveLength(3);
  });

  it('reminds nobody about a request that is handled', async () => {
    const [kcc] = await op('2026-03-02T09:00:00Z', 'kcc@duoplus.demo');
    const verzoek = await maak(kcc!, { onderwerp: 'Al afgehandeld' });
    const [bo] = await op('2026-03-02T10:00:00Z', 'behandelaar@diemen.demo');
    expect((await post(bo!, `/${verzoek.id}/afhandelen`, { status: 'afgerond', uitkomst: 'Gebeld.' })).statusCode).toBe(200);
    loket.klok.zet('2026-03-05T07:00:00Z');
    await loket.services.contactverzoeken.bewaak();
    const meldingen = await loket.database.db.selectFrom('contactverzoek_melding').select('soort').where('contactverzoek_id', '=', verzoek.id).execute();
    expect(meldingen).toEqual([]);
  });
});

describe('bewaartermijn', () => {
  it('erases the resident a year after the request was handled; the request and its history stay', async () => {
    const [kcc] = await op('2025-01-06T09:00:00Z', 'kcc@duoplus.demo');
    const oud = await maak(kcc!, { onderwerp: 'Oud verzoek' });
    const open = await maak(kcc!, { onderwerp: 'Nog open' });
    const [bo] = await op('2025-01-06T10:00:00Z', 'behandelaar@diemen.demo');
    expect((await post(bo!, `/${oud.id}/afhandelen`, { status: 'afgerond', uitkomst: 'Gebeld.' })).statusCode).toBe(200);
    loket.klok.zet('2026-01-07T09:00:00Z');
    const resultaat = await loket.services.onderhoud.ruimOp(systeemContext());
    expect(resultaat.contactverzoekPersonen).toBeGreaterThanOrEqual(1);
    const [admin] = await op('2026-01-07T09:05:00Z', 'beheerder@duoplus.demo');
    const gewist = (await get(admin!, `/${oud.id}`)).json();
    expect(gewist).toMatchObject({ persoon: null, status: 'afgerond', uitkomst: 'Gebeld.' });
    expect((gewist.geschiedenis as { soort: string }[]).at(-1)).toMatchObject({ soort: 'persoon-gewist', gegevens: { bewaartermijn: 'P1Y' } });
    expect((await get(admin!, `/${open.id}`)).json().persoon).toEqual(persoon);
  });
});
