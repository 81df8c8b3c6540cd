import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { systeemContext } from '../audit/audit.service.ts';

let loket: TestLoket;
let kcc: Ingelogd;
let bo: Ingelogd;
let admin: Ingelogd;
const G = 'GM0384';
const basis = `/api/v1/gemeenten/${G}/klantcontacten`;

// Each test has its own database and clock: Monday 2 March 2026, 10:00 in Amsterdam (each login moves it 30 s).
beforeEach(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  bo = await logInAls(loket, 'behandelaar@diemen.demo');
  admin = await logInAls(loket, 'beheerder@duoplus.demo');
});
afterEach(async () => loket.close());

const post = (sessie: Ingelogd, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  loket.app.inject({ method: 'POST', url: basis, headers: { ...sessie.headers, ...headers }, payload });
const get = (sessie: Ingelogd, pad: string) => loket.app.inject({ method: 'GET', url: `${basis}${pad}`, headers: sessie.headers });

async function registreer(sessie: Ingelogd, payload: Record<string, unknown>) {
  const res = await post(sessie, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const tel = async (tabel: 'klantcontact' | 'klantcontact_persoon' | 'klantcontact_zaak' | 'klantcontact_gebeurtenis' | 'zaak' | 'bericht') =>
  Number((await loket.database.db.selectFrom(tabel).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const auditActies = async (actie: string) => (await loket.database.db.selectFrom('audit_log').select('object_id').where('actie', '=', actie).execute()).map((r) => r.object_id);
const verwerkingen = async (betrokkene: string) =>
  (await loket.database.db.selectFrom('verwerking_log').select(['naam', 'verwerkingsactiviteit']).where('betrokkene_id', '=', betrokkene).orderBy('id').execute()).map((r) => r.naam);

/** A contact at a moment (`op`), its id. */
const contactOp = async (tijd: string, kanaal: string, uitkomst: string) => (await registreer(kcc, { kanaal, onderwerp: `${kanaal} ${tijd}`, uitkomst, op: tijd })).id as string;

/** A zaak registered by the KCC, optionally with the resident's e-mail address. */
async function zaak(onderwerp: string, email?: string) {
  const res = await loket.app.inject({
    method: 'POST',
    url: `/api/v1/gemeenten/${G}/zaken`,
    headers: kcc.headers,
    payload: { zaaktype: 'klacht', onderwerp, kanaal: 'e-mail', ontvangstdatum: '2026-03-02', ...(email ? { betrokkene: { naam: onderwerp, email, taal: 'nl' } } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; identificatie: string; versie: number };
}

/** A zaak whose resident gave this address (or none), registered by `sessie`. */
async function metAdres(sessie: Ingelogd, zaaktype: string, onderwerp: string, adres?: Record<string, unknown>) {
  const res = await loket.app.inject({
    method: 'POST',
    url: `/api/v1/gemeenten/${G}/zaken`,
    headers: sessie.headers,
    payload: { zaaktype, onderwerp, kanaal: 'telefoon', ontvangstdatum: '2026-03-02', betrokkene: { naam: onderwerp, taal: 'nl', ...(adres ? { adres } : {}) } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; identificatie: string; betrokkene: unknown };
}

/** The ids of the zaken the caller search finds for `sessie`. */
async function gevonden(sessie: Ingelogd, query: string) {
  const res = await get(sessie, `/zoek-zaken?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((z) => z.id).toSorted();
}

describe('POST /klantcontacten', () => {
  it('registers a call answered at once: who, when, outcome, history; Location reads it back', async () => {
    const nu = loket.klok.nu().toISOString();
    const res = await post(kcc, {
      kanaal: 'telefoon',
      onderwerp: 'Afvalkalender',
      vraag: 'Wanneer wordt het oud papier opgehaald?',
      antwoord: 'Elke tweede dinsdag van de maand.',
      uitkomst: 'zelfstandig-afgehandeld',
    });
    expect(res.statusCode, res.body).toBe(201);
    const contact = res.json();
    expect(res.headers.location).toBe(`${basis}/${contact.id}`);
    expect(contact).toMatchObject({
      kanaal: 'telefoon',
      onderwerp: 'Afvalkalender',
      vraag: 'Wanneer wordt het oud papier opgehaald?',
      antwoord: 'Elke tweede dinsdag van de maand.',
      uitkomst: 'zelfstandig-afgehandeld',
      op: nu,
      geregistreerdOp: nu,
      geregistreerdDoor: { type: 'gebruiker', naam: 'Kees van het KCC' },
      metPersoon: false,
      persoon: null,
      zaken: [],
      zaak: null,
    });
    expect(contact.geschiedenis).toEqual([
      { volgnummer: 1, soort: 'geregistreerd', gegevens: { kanaal: 'telefoon', uitkomst: 'zelfstandig-afgehandeld', zaken: [] }, door: { id: contact.geregistreerdDoor.id, naam: 'Kees van het KCC' }, op: nu },
    ]);
    const { zaak: _, ...opgeslagen } = contact;
    const gelezen = await loket.app.inject({ method: 'GET', url: res.headers.location as string, headers: kcc.headers });
    expect(gelezen.statusCode).toBe(200);
    expect(gelezen.json()).toEqual(opgeslagen);
    expect(await auditActies('klantcontact-registreren')).toEqual([contact.id]);
    // No person, so nothing in the processing log.
    expect(await verwerkingen(contact.id)).toEqual([]);
  });

  it('keeps the person apart: logged when registered and when read, not shown in the list', async () => {
    const contact = await registreer(kcc, {
      kanaal: 'balie',
      onderwerp: 'Parkeervergunning',
      uitkomst: 'contactverzoek-gemaakt',
      persoon: { naam: 'Fatima El Amrani', telefoon: '06-12345678' },
      op: '2026-03-02T09:55:00+01:00',
    });
    expect(contact).toMatchObject({ op: '2026-03-02T08:55:00.000Z', metPersoon: true, persoon: { naam: 'Fatima El Amrani', email: null, telefoon: '06-12345678' } });
    expect(await verwerkingen(contact.id)).toEqual(['klantcontact-registreren']);
    const lijst = await get(kcc, '');
    expect(lijst.json().items).toEqual([expect.objectContaining({ id: contact.id, metPersoon: true })]);
    expect(JSON.stringify(lijst.json())).not.toContain('Fatima');
    expect(await verwerkingen(contact.id)).toEqual(['klantcontact-registreren']);
    expect((await get(kcc, `/${contact.id}`)).json().persoon.naam).toBe('Fatima El Amrani');
    expect(await verwerkingen(contact.id)).toEqual(['klantcontact-registreren', 'klantcontact-bekijken']);
  });

  it('refuses a contact without kanaal and uitkomst with every error at once, and stores nothing', async () => {
    const res = await post(kcc, { vraag: 'Hoe laat is het gemeentehuis open?' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const velden = res.json().invalidParams.map((p: { name: string }) => p.name);
    expect(velden).toEqual(expect.arrayContaining(['kanaal', 'uitkomst', 'onderwerp']));
    expect(res.json().invalidParams.find((p: { name: string }) => p.name === 'kanaal').reason).toBe('Kies het kanaal van het contact.');

    const fout = await post(kcc, { kanaal: 'fax', onderwerp: 'x', uitkomst: 'opgelost', persoon: {}, zaken: ['geen-id'], extra: 1 });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['kanaal', 'uitkomst', 'persoon', 'zaken.0', 'extra']));
    expect(await tel('klantcontact')).toBe(0);
  });

  it('refuses outcomes that do not fit the zaak, a moment in the future and a zaak that is not there', async () => {
    const basisInvoer = { kanaal: 'telefoon', onderwerp: 'Paspoort' };
    const zaakZonderUitkomst = await post(kcc, { ...basisInvoer, uitkomst: 'zelfstandig-afgehandeld', zaak: { zaaktype: 'klacht' } });
    expect(zaakZonderUitkomst.statusCode).toBe(400);
    expect(zaakZonderUitkomst.json().invalidParams).toEqual([expect.objectContaining({ name: 'uitkomst' })]);
    const uitkomstZonderZaak = await post(kcc, { ...basisInvoer, uitkomst: 'zaak-aangemaakt' });
    expect(uitkomstZonderZaak.json().invalidParams).toEqual([expect.objectContaining({ name: 'uitkomst' })]);

    const later = await post(kcc, { ...basisInvoer, uitkomst: 'verwezen', op: '2026-03-02T09:05:00Z', zaken: ['7c9e6679-7425-40de-944b-e07fc1f90ae7'] });
    expect(later.statusCode).toBe(400);
    expect(later.json().invalidParams).toEqual([
      { name: 'op', code: 'in-de-toekomst', reason: 'Een contact kan niet in de toekomst liggen.' },
      { name: 'zaken.0', code: 'onbekende-zaak', reason: 'Deze zaak bestaat niet in deze gemeente, of u mag haar niet zien.' },
    ]);
    expect(await tel('klantcontact')).toBe(0);
  });

  it('links existing zaken by id and keeps their numbers', async () => {
    const zaak = await loket.app.inject({
      method: 'POST',
      url: `/api/v1/gemeenten/${G}/zaken`,
      headers: kcc.headers,
      payload: { zaaktype: 'klacht', onderwerp: 'Lantaarnpaal', kanaal: 'telefoon', ontvangstdatum: '2026-03-02' },
    });
    expect(zaak.statusCode).toBe(201);
    const contact = await registreer(kcc, { kanaal: 'telefoon', onderwerp: 'Stand van mijn klacht', uitkomst: 'zelfstandig-afgehandeld', zaken: [zaak.json().id] });
    expect(contact.zaken).toEqual([{ id: zaak.json().id, identificatie: 'Z-2026-000001', aangemaakt: false }]);
    expect(contact.geschiedenis[0].gegevens.zaken).toEqual(['Z-2026-000001']);
  });
});

describe('een zaak uit het contact', () => {
  const metZaak = {
    kanaal: 'telefoon',
    onderwerp: 'Overlast buren',
    vraag: 'De buren maken elke nacht lawaai.',
    uitkomst: 'zaak-aangemaakt',
    persoon: { naam: 'Jan de Vries', email: 'jan@example.nl' },
    zaak: { zaaktype: 'klacht' },
  };

  it('registers the zaak through the zaken service in the same request and links it', async () => {
    const contact = await registreer(kcc, metZaak);
    expect(contact.zaak).toMatchObject({ identificatie: 'Z-2026-000001' });
    expect(contact.zaak.volglink).toContain(contact.zaak.volgcode);
    expect(contact.zaken).toEqual([{ id: contact.zaak.id, identificatie: 'Z-2026-000001', aangemaakt: true }]);
    const zaak = (await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/zaken/${contact.zaak.id}`, headers: kcc.headers })).json();
    expect(zaak).toMatchObject({
      onderwerp: 'Overlast buren',
      omschrijving: 'De buren maken elke nacht lawaai.',
      kanaal: 'telefoon',
      ontvangstdatum: '2026-03-02',
      uiterlijkeEinddatum: contact.zaak.uiterlijkeEinddatum,
      betrokkene: { naam: 'Jan de Vries', email: 'jan@example.nl', telefoon: null, taal: 'nl' },
    });
    // The receipt with the tracking link is queued for the resident, as for any zaak.
    expect(await tel('bericht')).toBe(1);
    expect(await auditActies('zaak-aanmaken')).toEqual([contact.zaak.id]);
  });

  it('a chat becomes a zaak with channel web, a letter one with channel post', async () => {
    const chat = await registreer(kcc, { ...metZaak, kanaal: 'chat', persoon: undefined });
    const brief = await registreer(kcc, { ...metZaak, kanaal: 'brief', persoon: undefined, zaak: { zaaktype: 'klacht', onderwerp: 'Brief over overlast' } });
    const kanaal = async (id: string) => (await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/zaken/${id}`, headers: kcc.headers })).json();
    expect(await kanaal(chat.zaak.id)).toMatchObject({ kanaal: 'web', onderwerp: 'Overlast buren', betrokkene: null });
    expect(await kanaal(brief.zaak.id)).toMatchObject({ kanaal: 'post', onderwerp: 'Brief over overlast' });
  });

  it('stores neither when the zaak is refused: its errors under zaak.', async () => {
    const res = await post(kcc, { ...metZaak, zaak: { zaaktype: 'bestaat-niet' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams).toEqual([expect.objectContaining({ name: 'zaak.zaaktype', code: 'onbekend-zaaktype' })]);
    expect([await tel('klantcontact'), await tel('klantcontact_persoon'), await tel('klantcontact_gebeurtenis'), await tel('zaak'), await tel('bericht')]).toEqual([0, 0, 0, 0, 0]);
    expect(await auditActies('klantcontact-registreren')).toEqual([]);
  });

  it('stores neither when linking fails after the zaak was registered', async () => {
    // A real failure in the database after the zaken service has done its work: the link row is refused.
    await sql`create function weiger_koppeling() returns trigger language plpgsql as $$ begin raise exception 'koppeling geweigerd (test)'; end $$`.execute(loket.database.db);
    await sql`create trigger weiger_koppeling before insert on klantcontact_zaak for each row execute function weiger_koppeling()`.execute(loket.database.db);
    const res = await post(kcc, metZaak);
    expect(res.statusCode).toBe(500);
    expect([await tel('klantcontact'), await tel('zaak'), await tel('bericht'), await tel('klantcontact_gebeurtenis')]).toEqual([0, 0, 0, 0]);
    expect(await auditActies('zaak-aanmaken')).toEqual([]);
    // The zaak number was not used up either: the year's sequence was made in that transaction and rolled back with it (ADR 0042).
    await sql`drop trigger weiger_koppeling on klantcontact_zaak`.execute(loket.database.db);
    expect((await registreer(kcc, metZaak)).zaak.identificatie).toBe('Z-2026-000001');
  });

  it('with an Idempotency-Key: a refused zaak stores nothing, a retry is answered from the first time', async () => {
    const fout = await post(kcc, { ...metZaak, zaak: { zaaktype: 'bestaat-niet' } }, { 'idempotency-key': 'kcc-contact-1' });
    expect(fout.statusCode).toBe(400);
    expect([await tel('klantcontact'), await tel('zaak')]).toEqual([0, 0]);
    const eerste = await post(kcc, metZaak, { 'idempotency-key': 'kcc-contact-2' });
    expect(eerste.statusCode, eerste.body).toBe(201);
    const opnieuw = await post(kcc, metZaak, { 'idempotency-key': 'kcc-contact-2' });
    expect(opnieuw.statusCode).toBe(201);
    expect(opnieuw.headers['idempotent-replayed']).toBe('true');
    expect(opnieuw.json()).toEqual(eerste.json());
    expect([await tel('klantcontact'), await tel('zaak'), await tel('bericht')]).toEqual([1, 1, 1]);
  });

  it('lets a behandelaar register a contact with a zaak, but not read the KCC list', async () => {
    // A behandelaar registers contacts and zaken, but does not read the KCC's list.
    expect((await post(bo, metZaak)).statusCode).toBe(201);
    expect((await get(bo, '')).statusCode).toBe(403);
  });
});

describe('GET /klantcontacten', () => {
  it('filters on kanaal, uitkomst and Amsterdam days, newest first, page by page', async () => {
    const a = await contactOp('2026-02-28T22:30:00Z', 'telefoon', 'zelfstandig-afgehandeld'); // 28 Feb 23:30 in Amsterdam
    const b = await contactOp('2026-02-28T23:30:00Z', 'telefoon', 'doorverbonden'); // 1 Mar 00:30 in Amsterdam
    const c = await contactOp('2026-03-01T12:00:00Z', 'e-mail', 'zelfstandig-afgehandeld');
    const d = await contactOp('2026-03-02T08:00:00Z', 'telefoon', 'zelfstandig-afgehandeld');
    const ids = async (query: string) => (await get(admin, query)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('')).toEqual([d, c, b, a]);
    expect(await ids('?kanaal=telefoon')).toEqual([d, b, a]);
    expect(await ids('?kanaal=telefoon&uitkomst=zelfstandig-afgehandeld')).toEqual([d, a]);
    expect(await ids('?van=2026-03-01&tot=2026-03-01')).toEqual([c, b]);
    expect(await ids('?tot=2026-02-28')).toEqual([a]);

    const eerste = (await get(admin, '?pageSize=3')).json();
    expect(eerste.items.map((i: { id: string }) => i.id)).toEqual([d, c, b]);
    const volgende = await loket.app.inject({ method: 'GET', url: eerste._links.next.href, headers: admin.headers });
    expect(volgende.json().items.map((i: { id: string }) => i.id)).toEqual([a]);
    expect(volgende.json()._links.next).toBeUndefined();
  });

  it('refuses a bad filter or cursor with 400, and answers 404 for an unknown id', async () => {
    const res = await get(admin, '?kanaal=fax&van=2026-03-05&tot=2026-03-01&pageSize=500');
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['query.kanaal', 'query.pageSize']));
    expect((await get(admin, '?van=2026-03-05&tot=2026-03-01')).statusCode).toBe(400);
    expect((await get(admin, '?cursor=onzin')).json().invalidParams).toEqual([expect.objectContaining({ name: 'query.cursor', code: 'ongeldige-cursor' })]);
    expect((await get(admin, '/7c9e6679-7425-40de-944b-e07fc1f90ae7')).statusCode).toBe(404);
  });
});

describe('GET /klantcontacten/zoek-zaken', () => {
  it('finds a caller’s zaken by e-mail address (any case, open and closed) and logs the search', async () => {
    const eerste = await zaak('Eerste', 'Anna@Example.nl');
    const tweede = await zaak('Tweede', 'anna@example.nl');
    await zaak('Van een ander', 'bert@example.nl');
    const resultaattype = (await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/zaken/${tweede.id}`, headers: bo.headers })).json().zaaktypeVersie.resultaattypen[0].id;
    const sluit = await loket.app.inject({ method: 'POST', url: `/api/v1/gemeenten/${G}/zaken/${tweede.id}/afsluiting`, headers: { ...bo.headers, 'if-match': `"${tweede.versie}"` }, payload: { resultaattype } });
    expect(sluit.statusCode, sluit.body).toBe(200);

    const res = await get(kcc, '/zoek-zaken?email=ANNA@example.nl');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((z: { identificatie: string }) => z.identificatie).toSorted()).toEqual([eerste.identificatie, tweede.identificatie]);
    expect(await verwerkingen(eerste.id)).toContain('zaken-zoeken-op-email');
    expect((await get(kcc, '/zoek-zaken?email=niemand@example.nl')).json().items).toEqual([]);
  });

  it('finds one zaak by its number', async () => {
    await zaak('Eerste');
    const tweede = await zaak('Tweede');
    const res = await get(kcc, `/zoek-zaken?zaaknummer=${tweede.identificatie.toLowerCase()}`);
    expect(res.json().items).toEqual([expect.objectContaining({ id: tweede.id, identificatie: 'Z-2026-000002' })]);
  });

  it('finds a caller’s zaken by postcode and huisnummer (toevoeging optional), with their visibility, and logs the search', async () => {
    const a = await metAdres(kcc, 'klacht', 'Op 5', { postcode: '1111 aa', huisnummer: 5 });
    const b = await metAdres(kcc, 'klacht', 'Op 5A', { postcode: '1111AA', huisnummer: '5', huisnummerToevoeging: ' a' });
    expect(b.betrokkene).toEqual({ naam: 'Op 5A', email: null, telefoon: null, taal: 'nl', adres: { postcode: '1111AA', huisnummer: 5, huisnummerToevoeging: 'A' } });
    await metAdres(kcc, 'klacht', 'Zonder adres');
    await metAdres(kcc, 'klacht', 'Op 3', { postcode: '1111AA', huisnummer: 3 });
    // A confidential zaak (wmo-melding) of a team the KCC is not in: only who may see it finds it.
    const geheim = await metAdres(admin, 'wmo-melding', 'Vertrouwelijk op 5', { postcode: '1111AA', huisnummer: 5 });

    expect(await gevonden(kcc, 'postcode=1111aa&huisnummer=5')).toEqual([a.id, b.id].toSorted());
    expect(await gevonden(kcc, 'postcode=1111%20AA&huisnummer=5&huisnummerToevoeging=A')).toEqual([b.id]);
    expect(await gevonden(kcc, 'postcode=1111AA&huisnummer=5&huisnummerToevoeging=B')).toEqual([]);
    expect(await gevonden(kcc, 'postcode=1111AB&huisnummer=5')).toEqual([]);
    expect(await gevonden(admin, 'postcode=1111AA&huisnummer=5')).toEqual([a.id, b.id, geheim.id].toSorted());
    // The processing log: who looked up whose zaken (one entry per zaak found).
    expect(await verwerkingen(a.id)).toContain('zaken-zoeken-op-adres');
    expect(await verwerkingen(geheim.id)).toContain('zaken-zoeken-op-adres');
  });

  it('refuses a bad address, a half address, no or two ways at once with 400 and every error; 403 without the right to read zaken', async () => {
    const fout = await get(kcc, '/zoek-zaken?postcode=1111&huisnummerToevoeging=a%2Fb');
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toContain('application/problem+json');
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['query.huisnummer', 'query.huisnummerToevoeging', 'query.postcode']);
    const half = await get(kcc, '/zoek-zaken?postcode=1111AA');
    expect(half.json().invalidParams).toEqual([expect.objectContaining({ name: 'query.huisnummer', reason: 'Geef ook het huisnummer.' })]);
    expect((await get(kcc, '/zoek-zaken?huisnummer=0')).json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['query.huisnummer', 'query.postcode']);
    expect((await get(kcc, '/zoek-zaken?postcode=1111SS&huisnummer=1')).json().invalidParams).toEqual([expect.objectContaining({ name: 'query.postcode' })]);
    expect((await get(kcc, '/zoek-zaken')).statusCode).toBe(400);
    expect((await get(kcc, '/zoek-zaken?zaaknummer=Z-2026-000001&email=a@example.nl')).statusCode).toBe(400);
    expect((await get(kcc, '/zoek-zaken?email=a@example.nl&postcode=1111AA&huisnummer=1')).statusCode).toBe(400);
    expect((await get(kcc, '/zoek-zaken?zaaknummer=123')).json().invalidParams).toEqual([expect.objectContaining({ name: 'query.zaaknummer' })]);
    const pc = await logInAls(loket, 'pc@diemen.demo');
    expect((await get(pc, '/zoek-zaken?postcode=1111AA&huisnummer=5')).statusCode).toBe(403);
  });

  it('gives a zaak registered from a call the address given, not the contact; a bad address refuses both', async () => {
    const contact = await registreer(kcc, {
      kanaal: 'telefoon',
      onderwerp: 'Lantaarnpaal',
      uitkomst: 'zaak-aangemaakt',
      persoon: { naam: 'Jan Jansen', telefoon: '020 123 4567' },
      zaak: { zaaktype: 'melding-openbare-ruimte', adres: { postcode: '1111bc', huisnummer: '10', huisnummerToevoeging: '2' } },
    });
    const res = await get(kcc, '/zoek-zaken?postcode=1111BC&huisnummer=10');
    expect(res.json().items.map((z: { id: string }) => z.id)).toEqual([contact.zaak.id]);
    expect(JSON.stringify(contact)).not.toContain('1111BC');
    const opgeslagen = await loket.database.db.selectFrom('betrokkene').select(['naam', 'telefoon', 'postcode', 'huisnummer', 'huisnummertoevoeging']).where('zaak_id', '=', contact.zaak.id).executeTakeFirstOrThrow();
    expect(opgeslagen).toEqual({ naam: 'Jan Jansen', telefoon: '020 123 4567', postcode: '1111BC', huisnummer: 10, huisnummertoevoeging: '2' });
    // Only an address (an anonymous caller who gives where they live): the zaak still gets it.
    const anoniem = await registreer(kcc, { kanaal: 'balie', onderwerp: 'Stoep', uitkomst: 'zaak-aangemaakt', zaak: { zaaktype: 'melding-openbare-ruimte', adres: { postcode: '1111BC', huisnummer: 10 } } });
    expect(anoniem.persoon).toBeNull();
    expect((await get(kcc, '/zoek-zaken?postcode=1111BC&huisnummer=10')).json().items).toHaveLength(2);

    const voor = await tel('zaak');
    const slecht = await post(kcc, { kanaal: 'telefoon', onderwerp: 'X', uitkomst: 'zaak-aangemaakt', zaak: { zaaktype: 'melding-openbare-ruimte', adres: { postcode: 'ABCD', huisnummer: 'tien' } } });
    expect(slecht.statusCode).toBe(400);
    expect(slecht.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['zaak.adres.huisnummer', 'zaak.adres.postcode']);
    expect(await tel('zaak')).toBe(voor);
  });
});

describe('bewaartermijn', () => {
  it('erases the person one year after the contact, with an entry in its history; the contact stays', async () => {
    const persoon = { naam: 'Piet Jansen', email: 'piet@example.nl' };
    const oud = await registreer(kcc, { kanaal: 'telefoon', onderwerp: 'Oud', uitkomst: 'zelfstandig-afgehandeld', persoon, op: '2025-03-01T09:00:00Z' });
    const jong = await registreer(kcc, { kanaal: 'telefoon', onderwerp: 'Jong', uitkomst: 'zelfstandig-afgehandeld', persoon, op: '2025-03-03T09:00:00Z' });
    const resultaat = await loket.services.onderhoud.ruimOp(systeemContext());
    expect(resultaat.klantcontactPersonen).toBe(1);
    const gewist = (await get(kcc, `/${oud.id}`)).json();
    expect(gewist).toMatchObject({ persoon: null, metPersoon: false, onderwerp: 'Oud', uitkomst: 'zelfstandig-afgehandeld' });
    expect(gewist.geschiedenis.map((g: { soort: string; gegevens: unknown; door: unknown }) => [g.soort, g.gegevens, g.door])).toEqual([
      ['geregistreerd', { kanaal: 'telefoon', uitkomst: 'zelfstandig-afgehandeld', zaken: [] }, expect.anything()],
      ['persoon-gewist', { bewaartermijn: 'P1Y' }, null],
    ]);
    expect((await get(kcc, `/${jong.id}`)).json().persoon).toEqual({ naam: 'Piet Jansen', email: 'piet@example.nl', telefoon: null });
    expect(await auditActies('klantcontact-personen-wissen')).toHaveLength(1);
    expect((await loket.services.onderhoud.ruimOp(systeemContext())).klantcontactPersonen).toBe(0);
  });
});
