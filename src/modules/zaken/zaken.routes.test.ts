import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { smtpOntvanger } from '../../../test/smtp.ts';

let loket: TestLoket;
let smtp: Awaited<ReturnType<typeof smtpOntvanger>>;
let kcc: Ingelogd;
let bo: Ingelogd;
let tim: Ingelogd;
let admin: Ingelogd;
const basis = '/api/v1/gemeenten/GM0384/zaken';

async function logAllenIn() {
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  bo = await logInAls(loket, 'behandelaar@diemen.demo');
  tim = await logInAls(loket, 'teamleider@diemen.demo');
  admin = await logInAls(loket, 'beheerder@duoplus.demo');
}

// Every test gets its own database, mailbox and clock, so it stands alone and its zaken are numbered
// from Z-2026-000001: Monday 2 March 2026, 10:00 in Amsterdam, unless the test moves on.
beforeEach(async () => {
  smtp = await smtpOntvanger();
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { SMTP_URL: smtp.url } });
  await laadDemo(loket);
  await logAllenIn();
});
afterEach(async () => {
  await loket.close();
  await smtp.close();
});

/** Moves the clock to a later moment; staff sessions do not last that long, so everyone logs in again. */
async function opMoment(tijdstip: string): Promise<void> {
  loket.klok.zet(tijdstip);
  await logAllenIn();
}

/** Bo closes a zaak with the first result its zaaktype offers. */
async function sluitAf(zaak: Zaak): Promise<void> {
  const resultaattype = (await haal(bo, zaak.id)).json().zaaktypeVersie.resultaattypen[0].id;
  await goed(bo, zaak, 'afsluiting', { resultaattype });
}

/** The first day after today on the test's clock (a date the API calls in the future). */
function morgen(): string {
  return new Date(loket.klok.nu().getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

interface Zaak {
  id: string;
  versie: number;
  identificatie: string;
  uiterlijkeEinddatum: string;
  [k: string]: unknown;
}

async function registreer(sessie: Ingelogd, body: Record<string, unknown>): Promise<Zaak & { volgcode: string; volglink: string }> {
  const res = await loket.app.inject({ method: 'POST', url: basis, headers: sessie.headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function actie(sessie: Ingelogd, zaak: { id: string; versie: number }, pad: string, body: Record<string, unknown>, ifMatch: string | null = `"${zaak.versie}"`) {
  return loket.app.inject({ method: 'POST', url: `${basis}/${zaak.id}/${pad}`, headers: { ...sessie.headers, ...(ifMatch === null ? {} : { 'if-match': ifMatch }) }, payload: body });
}

async function goed(sessie: Ingelogd, zaak: { id: string; versie: number }, pad: string, body: Record<string, unknown>): Promise<Zaak & Record<string, unknown>> {
  const res = await actie(sessie, zaak, pad, body);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers.etag).toBe(`"${zaak.versie + 1}"`);
  return res.json();
}

async function haal(sessie: Ingelogd, id: string) {
  return loket.app.inject({ method: 'GET', url: `${basis}/${id}`, headers: sessie.headers });
}

async function bezwarenVoor(s: Ingelogd): Promise<string[]> {
  const res = await loket.app.inject({ method: 'GET', url: `${basis}?zaaktype=bezwaar`, headers: s.headers });
  return (res.json().items as Zaak[]).map((z) => z.id);
}

async function aantalZaken(): Promise<number> {
  const r = await loket.database.db.selectFrom('zaak').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

const klacht = {
  zaaktype: 'klacht',
  onderwerp: 'Onvriendelijk behandeld aan de balie',
  omschrijving: 'Ik werd niet geholpen bij het ophalen van mijn paspoort.',
  kanaal: 'balie',
  ontvangstdatum: '2026-03-02',
  betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' },
};

/** Anna's klacht, claimed by Bo: where the actions on a zaak start. */
async function klachtVanBo(): Promise<Zaak> {
  const zaak = await registreer(kcc, klacht);
  const geclaimd = await goed(bo, zaak, 'toewijzing', { behandelaar: 'ik' });
  return { ...zaak, versie: geclaimd.versie };
}

describe('zaken registreren', () => {
  it('registers a zaak under the current zaaktype version, derives the deadline, mails the receipt and shows the code once', async () => {
    const eerste = await registreer(kcc, klacht);
    expect(eerste.identificatie).toBe('Z-2026-000001');
    expect(eerste).toMatchObject({
      zaaktype: { code: 'klacht', versie: 1 },
      team: { naam: 'Juridische zaken' },
      status: { volgnummer: 1, naam: 'Ontvangen' },
      kanaal: 'balie',
      vertrouwelijkheid: 'zaakvertrouwelijk',
      behandelaar: null,
      // Awb 9:11: six weeks from the day of receipt.
      uiterlijkeEinddatum: '2026-04-13',
      termijnband: 'later',
      versie: 1,
    });
    expect(eerste.volgcode).toMatch(/^[a-z2-7]{32}$/);
    expect(eerste.volglink).toBe(`http://127.0.0.1:3000/diemen/zaken/${eerste.volgcode}`);
    const detail = await haal(kcc, eerste.id);
    expect(detail.statusCode).toBe(200);
    expect(detail.headers.etag).toBe('"1"');
    expect(detail.body).not.toContain(eerste.volgcode);
    expect(detail.json().betrokkene).toEqual({ naam: 'Anna de Vries', email: 'anna@example.nl', telefoon: null, taal: 'nl', adres: null });
    const verwerkingen = await loket.database.db.selectFrom('verwerking_log').select('naam').where('betrokkene_id', '=', eerste.id).orderBy('id').execute();
    expect(verwerkingen.map((v) => v.naam)).toEqual(['zaak-aanmaken', 'zaak-bekijken']);
    expect(detail.json().statussen.map((s: { naam: string; huidig: boolean; volgende: boolean }) => [s.naam, s.huidig, s.volgende])).toEqual([
      ['Ontvangen', true, false],
      ['In behandeling', false, true],
      ['Horen', false, false],
      ['Afgehandeld', false, false],
    ]);
    expect(detail.json().termijn).toMatchObject({ norm: 'P6W', ontvangstdatum: '2026-03-02', oorspronkelijkeEinddatum: '2026-04-13', uiterlijkeEinddatum: '2026-04-13' });

    const mail = await smtp.wachtOp('anna@example.nl', 'Wij hebben uw klacht ontvangen (Z-2026-000001)');
    expect(mail.tekst).toContain('Beste Anna de Vries,');
    expect(mail.tekst).toContain(eerste.volglink);
    expect(mail.tekst).toContain('uiterlijk op 13 april 2026');
    expect(mail.tekst).toContain('Gemeente Diemen');
  });

  it('writes the receipt in the resident’s language and numbers on per gemeente', async () => {
    expect((await registreer(kcc, klacht)).identificatie).toBe('Z-2026-000001');
    const zaak = await registreer(kcc, {
      zaaktype: 'e-mailvraag',
      onderwerp: 'Question about waste collection',
      kanaal: 'e-mail',
      ontvangstdatum: '2026-03-02',
      betrokkene: { naam: 'John Smith', email: 'john@example.com', taal: 'en' },
    });
    expect(zaak.identificatie).toBe('Z-2026-000002');
    // 5 werkdagen from Monday 2 March.
    expect(zaak.uiterlijkeEinddatum).toBe('2026-03-09');
    expect(zaak.volglink).toBe(`http://127.0.0.1:3000/diemen/en/zaken/${zaak.volgcode}`);
    const mail = await smtp.wachtOp('john@example.com', 'We have received your question by e-mail (Z-2026-000002)');
    expect(mail.tekst).toContain('by 9 March 2026 at the latest');
    const elders = await loket.app.inject({
      method: 'POST',
      url: '/api/v1/gemeenten/GM0437/zaken',
      headers: kcc.headers,
      payload: { zaaktype: 'e-mailvraag', onderwerp: 'Vraag', kanaal: 'telefoon', ontvangstdatum: '2026-03-02' },
    });
    expect(elders.json().identificatie).toBe('Z-2026-000001');
  });

  it('refuses bad input with every invalid field at once, and creates nothing', async () => {
    const voor = await aantalZaken();
    const res = await loket.app.inject({
      method: 'POST',
      url: basis,
      headers: kcc.headers,
      payload: { zaaktype: 'klacht', onderwerp: '', kanaal: 'fax', ontvangstdatum: '2026-02-30', betrokkene: { email: 'geen-adres', taal: 'de' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['betrokkene.email', 'betrokkene.taal', 'kanaal', 'onderwerp', 'ontvangstdatum']);

    const onbekend = await loket.app.inject({
      method: 'POST',
      url: basis,
      headers: kcc.headers,
      payload: { zaaktype: 'bestaat-niet', onderwerp: 'Test', kanaal: 'web', ontvangstdatum: morgen(), team: '00000000-0000-4000-8000-000000000000', behandelaar: '00000000-0000-4000-8000-000000000001' },
    });
    expect(onbekend.statusCode).toBe(400);
    expect(onbekend.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`).toSorted()).toEqual([
      'behandelaar:onbekende-behandelaar',
      'ontvangstdatum:in-de-toekomst',
      'team:onbekend-team',
      'zaaktype:onbekend-zaaktype',
    ]);
    // A zaaktype of another gemeente (its version id) is unknown here.
    const anderType = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0437/zaaktypen?status=gepubliceerd', headers: admin.headers });
    const vreemd = await loket.app.inject({
      method: 'POST',
      url: basis,
      headers: kcc.headers,
      payload: { zaaktype: anderType.json().items[0].id, onderwerp: 'Test', kanaal: 'web', ontvangstdatum: '2026-03-02' },
    });
    expect(vreemd.statusCode).toBe(400);
    expect(await aantalZaken()).toBe(voor);
  });
});

describe('acties op een zaak', () => {
  it('lets a behandelaar claim, but only a teamleider assign someone else; If-Match is required and checked', async () => {
    const eerste = await registreer(kcc, klacht);
    const zonder = await actie(bo, eerste, 'toewijzing', { behandelaar: 'ik' }, null);
    expect(zonder.statusCode).toBe(428);
    const oud = await actie(bo, eerste, 'toewijzing', { behandelaar: 'ik' }, '"7"');
    expect(oud.statusCode).toBe(412);
    const medewerkers = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/gebruikers?zoek=Tim', headers: admin.headers });
    const anderen = await actie(bo, eerste, 'toewijzing', { behandelaar: medewerkers.json().items[0].id });
    expect(anderen.statusCode).toBe(403);
    const kccActie = await actie(kcc, eerste, 'toewijzing', { behandelaar: 'ik' });
    expect(kccActie.statusCode).toBe(403);
    const geclaimd = await goed(bo, eerste, 'toewijzing', { behandelaar: 'ik' });
    expect(geclaimd.behandelaar).toMatchObject({ naam: 'Bo Behandelaar' });
    expect((geclaimd.tijdlijn as { soort: string }[]).map((t) => t.soort)).toEqual(['aangemaakt', 'toewijzing']);
  });

  it('moves the status forward only, mails the resident for an "inform" status, and refuses out-of-order or unknown statuses', async () => {
    let eerste = await klachtVanBo();
    const onbekend = await actie(bo, eerste, 'statussen', { statustype: 9 });
    expect(onbekend.statusCode).toBe(400);
    expect(onbekend.json().invalidParams[0]).toMatchObject({ name: 'statustype', code: 'onbekend-statustype' });
    const eind = await actie(bo, eerste, 'statussen', { statustype: 4 });
    expect(eind.statusCode).toBe(409);
    const horen = await goed(bo, eerste, 'statussen', { statustype: 3, toelichting: 'U hoort van ons wanneer het gesprek is.' });
    expect(horen.status).toEqual({ volgnummer: 3, naam: 'Horen', naamEn: 'Hearing the parties' });
    expect(horen.zaaktype).toMatchObject({ code: 'klacht', naam: 'Klacht', naamEn: 'Complaint' });
    eerste = { ...eerste, versie: horen.versie };
    const terug = await actie(bo, eerste, 'statussen', { statustype: 2 });
    expect(terug.statusCode).toBe(409);
    expect(terug.json().type).toBe('urn:loket:problem:status-niet-op-volgorde');
    const detail = (await haal(bo, eerste.id)).json();
    expect(detail.versie).toBe(eerste.versie);
    const mail = await smtp.wachtOp('anna@example.nl', `Nieuws over uw zaak ${eerste.identificatie}`);
    expect(mail.tekst).toContain('Wij willen graag met u praten over uw klacht.');
    expect(mail.tekst).toContain('Toelichting: U hoort van ons wanneer het gesprek is.');
    expect(mail.tekst).toContain('Uw contactpersoon is Bo van team Juridische zaken.');
  });

  it('adds internal and external notes (the KCC too) and sends messages to the resident', async () => {
    let eerste = await klachtVanBo();
    const intern = await goed(kcc, eerste, 'notities', { tekst: 'Mevrouw belde: ze is op vakantie tot 20 maart.' });
    eerste = { ...eerste, versie: intern.versie };
    const extern = await goed(bo, eerste, 'notities', { tekst: 'Wij plannen het gesprek na uw vakantie.', extern: true });
    eerste = { ...eerste, versie: extern.versie };
    const bericht = await goed(bo, eerste, 'berichten', { tekst: 'Schikt dinsdag 24 maart om 10 uur?' });
    eerste = { ...eerste, versie: bericht.versie };
    const tijdlijn = bericht.tijdlijn as { soort: string; extern: boolean; door: { naam: string } | null }[];
    expect(tijdlijn.slice(-3).map((t) => [t.soort, t.extern, t.door?.naam])).toEqual([
      ['notitie', false, 'Kees van het KCC'],
      ['notitie', true, 'Bo Behandelaar'],
      ['bericht', true, 'Bo Behandelaar'],
    ]);
    const mail = await smtp.wachtOp('anna@example.nl', `Bericht over uw zaak ${eerste.identificatie}`);
    expect(mail.tekst).toContain('Schikt dinsdag 24 maart om 10 uur?');
    const zonderMail = await registreer(kcc, { zaaktype: 'klacht', onderwerp: 'Telefonische klacht', kanaal: 'telefoon', ontvangstdatum: '2026-03-02', betrokkene: { naam: 'Piet', telefoon: '020 123 4567', taal: 'nl' } });
    const geen = await actie(bo, zonderMail, 'berichten', { tekst: 'Hallo' });
    expect(geen.statusCode).toBe(409);
    expect(geen.json().type).toBe('urn:loket:problem:geen-email');
  });

  it('extends within the zaaktype maximum with a reason, tells the resident the new date, and refuses more', async () => {
    let eerste = await klachtVanBo();
    const zonderReden = await actie(bo, eerste, 'verlengingen', { duur: 'P2W' });
    expect(zonderReden.statusCode).toBe(400);
    const fout = await actie(bo, eerste, 'verlengingen', { duur: 'twee weken', reden: '' });
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['duur', 'reden']);
    const verlengd = await goed(bo, eerste, 'verlengingen', { duur: 'P3W', reden: 'Het gesprek kan pas na uw vakantie.' });
    eerste = { ...eerste, versie: verlengd.versie };
    expect(verlengd.uiterlijkeEinddatum).toBe('2026-05-04');
    expect(verlengd.oorspronkelijkeEinddatum).toBe('2026-04-13');
    const teVeel = await actie(bo, eerste, 'verlengingen', { duur: 'P2W', reden: 'Nog meer tijd' });
    expect(teVeel.statusCode).toBe(400);
    expect(teVeel.json().invalidParams[0]).toMatchObject({ name: 'duur', code: 'verlenging-te-lang' });
    expect(teVeel.json().invalidParams[0].reason).toContain('P4W');
    const mail = await smtp.wachtOp('anna@example.nl', `Wij hebben meer tijd nodig voor uw zaak ${eerste.identificatie}`);
    expect(mail.tekst).toContain('De reden: Het gesprek kan pas na uw vakantie.');
    expect(mail.tekst).toContain('uiterlijk op 4 mei 2026 van ons. Eerst was dat 13 april 2026.');
  });

  it('suspends only where the zaaktype allows, moves the deadline by the suspended days, and refuses a double suspension', async () => {
    const eerste = await klachtVanBo();
    const niet = await actie(bo, eerste, 'opschortingen', { reden: 'Wacht op informatie' });
    expect(niet.statusCode).toBe(400);
    expect(niet.json().invalidParams[0].code).toBe('opschorting-niet-toegestaan');
    const aanvraag = await registreer(kcc, { zaaktype: 'aanvraag-beschikking', onderwerp: 'Aanvraag standplaats', kanaal: 'web', ontvangstdatum: '2026-03-02', behandelaar: undefined });
    // Awb 4:13: eight weeks end on Koningsdag (Monday 27 April 2026), so the next day.
    expect(aanvraag.uiterlijkeEinddatum).toBe('2026-04-28');
    const nietOpgeschort = await actie(tim, aanvraag, 'opschortingen/einde', {});
    expect(nietOpgeschort.statusCode).toBe(409);
    const op = await goed(tim, aanvraag, 'opschortingen', { reden: 'Wij wachten op de situatietekening (Awb 4:15).' });
    expect(op.opgeschort).toBe(true);
    const dubbel = await actie(tim, op, 'opschortingen', { reden: 'Nog eens' });
    expect(dubbel.statusCode).toBe(409);
    loket.klok.verder(10 * 24 * 3600 * 1000);
    await logAllenIn();
    const verder = await goed(tim, op, 'opschortingen/einde', { toelichting: 'Tekening ontvangen.' });
    expect(verder.opgeschort).toBe(false);
    expect((verder.termijn as { opgeschorteDagen: number }).opgeschorteDagen).toBe(10);
    expect(verder.uiterlijkeEinddatum).toBe('2026-05-07');
    const stored = await loket.database.db.selectFrom('zaak').select(['uiterlijke_einddatum', 'opgeschort']).where('id', '=', aanvraag.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ uiterlijke_einddatum: '2026-05-07', opgeschort: false });
  });

  it('closes only with a result of the zaaktype, sets the archive date and mails the resident; a closed zaak takes no more statuses', async () => {
    let eerste = await klachtVanBo();
    await opMoment('2026-03-12T09:00:00Z');
    const zonder = await actie(bo, eerste, 'afsluiting', {});
    expect(zonder.statusCode).toBe(400);
    expect(zonder.json().invalidParams[0].name).toBe('resultaattype');
    const vreemd = await actie(bo, eerste, 'afsluiting', { resultaattype: '00000000-0000-4000-8000-000000000000' });
    expect(vreemd.statusCode).toBe(400);
    expect(vreemd.json().invalidParams[0].code).toBe('onbekend-resultaattype');
    const detail = (await haal(bo, eerste.id)).json();
    const gegrond = detail.zaaktypeVersie.resultaattypen.find((r: { naam: string }) => r.naam === 'Gegrond');
    const dicht = await goed(bo, eerste, 'afsluiting', { resultaattype: gegrond.id, toelichting: 'Excuses zijn gemaakt.' });
    expect(dicht).toMatchObject({ status: { volgnummer: 4, naam: 'Afgehandeld' }, resultaat: { naam: 'Gegrond', toelichting: 'Excuses zijn gemaakt.' }, termijnband: null });
    expect((dicht.afgeslotenOp as string).slice(0, 10)).toBe('2026-03-12');
    // Selectielijst 13.1: destroy five years after closing.
    expect(dicht.archiefactiedatum).toBe('2031-03-12');
    eerste = { ...eerste, versie: dicht.versie };
    const daarna = await actie(bo, eerste, 'statussen', { statustype: 2 });
    expect(daarna.statusCode).toBe(409);
    expect(daarna.json().type).toBe('urn:loket:problem:zaak-afgesloten');
    const mail = await smtp.wachtOp('anna@example.nl', `Uw zaak ${eerste.identificatie} is afgehandeld`);
    expect(mail.tekst).toContain('Uw klacht is gegrond: u heeft gelijk.');
  });

  it('keeps the history append-only in the database', async () => {
    const eerste = await klachtVanBo();
    await expect(loket.database.db.updateTable('zaak_gebeurtenis').set({ extern: false }).where('zaak_id', '=', eerste.id).execute()).rejects.toThrow(/alleen-toevoegen/);
    await expect(loket.database.db.deleteFrom('zaak_gebeurtenis').where('zaak_id', '=', eerste.id).execute()).rejects.toThrow(/alleen-toevoegen/);
  });

  it('relates zaken of the same gemeente only', async () => {
    const eerste = await registreer(kcc, klacht);
    await opMoment('2026-03-12T09:00:00Z');
    const ander = await registreer(kcc, { zaaktype: 'e-mailvraag', onderwerp: 'Vervolgvraag', kanaal: 'e-mail', ontvangstdatum: '2026-03-12' });
    const res = await goed(bo, ander, 'relaties', { zaak: eerste.id, soort: 'vervolg' });
    expect(res.relaties).toEqual([{ zaak: { id: eerste.id, identificatie: eerste.identificatie, onderwerp: klacht.onderwerp }, soort: 'vervolg' }]);
    const elders = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0437/zaken', headers: kcc.headers, payload: { zaaktype: 'e-mailvraag', onderwerp: 'Elders', kanaal: 'e-mail', ontvangstdatum: '2026-03-12' } });
    const kruis = await actie(bo, { id: ander.id, versie: res.versie }, 'relaties', { zaak: elders.json().id });
    expect(kruis.statusCode).toBe(400);
    expect(kruis.json().invalidParams[0].code).toBe('onbekende-zaak');
    // And the other way round: a Diemen zaak through Ouder-Amstel's path is not found.
    const via = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0437/zaken/${ander.id}`, headers: admin.headers });
    expect(via.statusCode).toBe(404);
  });
});

/** Seven reports about public space, received Monday 2 to Friday 6 March (so today must be later). */
async function zevenMeldingen(): Promise<void> {
  for (let i = 0; i < 7; i++) {
    await registreer(kcc, { zaaktype: 'melding-openbare-ruimte', onderwerp: `Losse stoeptegel ${i}`, kanaal: 'app', ontvangstdatum: `2026-03-0${2 + (i % 5)}` });
  }
}

/** The queue on Thursday 12 March: Anna's klacht closed, a question overdue since 9 March, seven reports. */
async function werkvoorraad(): Promise<{ gesloten: Zaak }> {
  const gesloten = await klachtVanBo();
  await registreer(kcc, { zaaktype: 'e-mailvraag', onderwerp: 'Vraag over afval', kanaal: 'e-mail', ontvangstdatum: '2026-03-02' });
  await opMoment('2026-03-12T09:00:00Z');
  await sluitAf(gesloten);
  await zevenMeldingen();
  return { gesloten };
}

describe('werkvoorraad en overzicht', () => {
  it('pages through a queue by deadline with a keyset cursor, without gaps or repeats', async () => {
    await opMoment('2026-03-12T09:00:00Z');
    await zevenMeldingen();
    const alle: { id: string; uiterlijkeEinddatum: string }[] = [];
    let url: string | undefined = `${basis}?zaaktype=melding-openbare-ruimte&pageSize=3`;
    let paginas = 0;
    while (url) {
      const res: Awaited<ReturnType<typeof loket.app.inject>> = await loket.app.inject({ method: 'GET', url, headers: bo.headers });
      expect(res.statusCode, res.body).toBe(200);
      alle.push(...res.json().items);
      url = res.json()._links.next?.href;
      paginas++;
    }
    expect(paginas).toBe(3);
    expect(alle).toHaveLength(7);
    expect(new Set(alle.map((z) => z.id)).size).toBe(7);
    const gesorteerd = alle.toSorted((a, b) => a.uiterlijkeEinddatum.localeCompare(b.uiterlijkeEinddatum) || a.id.localeCompare(b.id));
    expect(alle.map((z) => z.id)).toEqual(gesorteerd.map((z) => z.id));
    const kapot = await loket.app.inject({ method: 'GET', url: `${basis}?cursor=bestaatniet`, headers: bo.headers });
    expect(kapot.statusCode).toBe(400);
    expect(kapot.json().invalidParams[0].name).toBe('query.cursor');
  });

  it('filters by team, behandelaar, status, deadline band and open/closed', async () => {
    const { gesloten } = await werkvoorraad();
    const q = async (query: string) => {
      const res = await loket.app.inject({ method: 'GET', url: `${basis}?pageSize=100&${query}`, headers: tim.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { identificatie: string; termijnband: string; behandelaar: { naam: string } | null; team: { naam: string }; afgeslotenOp: string | null }[];
    };
    // Today is 12 March 2026 (Thursday).
    const teLaat = await q('termijn=teLaat');
    expect(teLaat.length).toBeGreaterThan(0);
    expect(teLaat.every((z) => z.termijnband === 'teLaat')).toBe(true);
    expect((await q('termijn=later')).every((z) => z.termijnband === 'later')).toBe(true);
    // dezeWeek: tomorrow up to the fifth working day after today (Thursday 19 March), the same in the overview.
    const dezeWeek = (await q('termijn=dezeWeek')) as unknown as { termijnband: string; uiterlijkeEinddatum: string }[];
    expect(dezeWeek.every((z) => z.termijnband === 'dezeWeek' && z.uiterlijkeEinddatum > '2026-03-12' && z.uiterlijkeEinddatum <= '2026-03-19')).toBe(true);
    const overzicht = (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/zaken-overzicht', headers: tim.headers })).json() as { teams: { dezeWeek: number }[] };
    expect(overzicht.teams.reduce((som, t) => som + t.dezeWeek, 0)).toBe(dezeWeek.length);
    expect((await q('reactie=nieuw'))).toEqual([]);
    expect((await q('open=false')).map((z) => z.identificatie)).toEqual([gesloten.identificatie]);
    expect((await q('behandelaar=geen')).every((z) => z.behandelaar === null)).toBe(true);
    const ploeg = (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams?pageSize=100', headers: tim.headers })).json().items;
    const openbareRuimte = ploeg.find((t: { naam: string }) => t.naam === 'Openbare ruimte').id;
    const vanTeam = await q(`team=${openbareRuimte}`);
    expect(vanTeam).toHaveLength(7);
    expect((await q(`team=${openbareRuimte}&status=2`))).toHaveLength(0);
    const ongeldig = await loket.app.inject({ method: 'GET', url: `${basis}?termijn=morgen&status=nul&pageSize=500&reactie=oud`, headers: tim.headers });
    expect(ongeldig.statusCode).toBe(400);
    expect(ongeldig.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['query.pageSize', 'query.reactie', 'query.status', 'query.termijn']);
  });

  it('shows the teamleider the open zaken per team and band and who holds what, and bulk assigns all or nothing', async () => {
    await werkvoorraad();
    const overzicht = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/zaken-overzicht', headers: tim.headers });
    expect(overzicht.statusCode).toBe(200);
    const or = overzicht.json().teams.find((t: { team: { naam: string } }) => t.team.naam === 'Openbare ruimte');
    expect(or.teLaat + or.vandaag + or.dezeWeek + or.later).toBe(7);
    expect(overzicht.json().peildatum).toBe('2026-03-12');
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/zaken-overzicht', headers: bo.headers })).statusCode).toBe(403);

    const lijst = (await loket.app.inject({ method: 'GET', url: `${basis}?zaaktype=melding-openbare-ruimte&pageSize=2`, headers: tim.headers })).json().items as Zaak[];
    const fout = await loket.app.inject({
      method: 'POST',
      url: `${basis}/toewijzingen`,
      headers: tim.headers,
      payload: { zaken: [lijst[0]?.id, '00000000-0000-4000-8000-000000000000'], behandelaar: 'ik' },
    });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams).toEqual([{ name: 'zaken.1', code: 'onbekende-zaak', reason: 'Deze zaak bestaat niet in deze gemeente.' }]);
    expect((await haal(tim, lijst[0]?.id ?? '')).json().behandelaar).toBeNull();
    const bulk = await loket.app.inject({ method: 'POST', url: `${basis}/toewijzingen`, headers: tim.headers, payload: { zaken: lijst.map((z) => z.id), behandelaar: 'ik' } });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json().items).toEqual(lijst.map((z) => ({ id: z.id, versie: z.versie + 1 })));
    const mijn = await loket.app.inject({ method: 'GET', url: `${basis}?behandelaar=ik`, headers: tim.headers });
    expect(mijn.json().items.map((z: Zaak) => z.id).toSorted()).toEqual(lijst.map((z) => z.id).toSorted());
    const perBehandelaar = (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/zaken-overzicht', headers: tim.headers })).json().behandelaars;
    const vanTim = perBehandelaar.find((b: { behandelaar: { naam: string } | null }) => b.behandelaar?.naam === 'Tim Teamleider');
    expect(vanTim.teLaat + vanTim.vandaag + vanTim.dezeWeek + vanTim.later).toBe(2);
  });

  it('shows confidential zaken only to their team, their behandelaar and beheerders', async () => {
    const bezwaar = await registreer(tim, { zaaktype: 'bezwaar', onderwerp: 'Bezwaar tegen weigering kapvergunning', kanaal: 'post', ontvangstdatum: '2026-03-02' });
    expect(bezwaar.vertrouwelijkheid).toBe('vertrouwelijk');
    expect((await haal(kcc, bezwaar.id)).statusCode).toBe(404);
    expect((await haal(bo, bezwaar.id)).statusCode).toBe(404);
    expect((await haal(tim, bezwaar.id)).statusCode).toBe(200);
    expect((await haal(admin, bezwaar.id)).statusCode).toBe(200);
    expect(await bezwarenVoor(kcc)).toEqual([]);
    expect(await bezwarenVoor(tim)).toEqual([bezwaar.id]);
    const poging = await actie(bo, bezwaar, 'toewijzing', { behandelaar: 'ik' });
    expect(poging.statusCode).toBe(404);
  });

  it('answers a committed change with the zaak, even when it moved out of sight of the caller', async () => {
    const bezwaar = await registreer(tim, { zaaktype: 'bezwaar', onderwerp: 'Bezwaar tegen de omgevingsvergunning', kanaal: 'post', ontvangstdatum: '2026-03-02' });
    const teams = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams?pageSize=100', headers: admin.headers });
    const anderTeam = teams.json().items.find((t: { naam: string }) => t.naam === 'Planning en control').id;
    const verplaatst = await actie(tim, bezwaar, 'toewijzing', { behandelaar: null, team: anderTeam });
    expect(verplaatst.statusCode, verplaatst.body).toBe(200);
    expect(verplaatst.json()).toMatchObject({ id: bezwaar.id, team: { naam: 'Planning en control' }, behandelaar: null });
    expect((await haal(tim, bezwaar.id)).statusCode).toBe(404);
    expect((await haal(admin, bezwaar.id)).statusCode).toBe(200);
  });

  it('answers the KCC that registers a confidential zaak with the zaak it registered, and hides it afterwards', async () => {
    const bezwaar = await registreer(kcc, {
      zaaktype: 'bezwaar',
      onderwerp: 'Bezwaar tegen de parkeerboete',
      kanaal: 'balie',
      ontvangstdatum: '2026-03-02',
      betrokkene: { naam: 'Mevrouw Jansen', email: 'jansen@example.org', taal: 'nl' },
    });
    expect(bezwaar).toMatchObject({
      vertrouwelijkheid: 'vertrouwelijk',
      onderwerp: 'Bezwaar tegen de parkeerboete',
      betrokkene: { naam: 'Mevrouw Jansen', email: 'jansen@example.org', telefoon: null, taal: 'nl' },
      tijdlijn: [expect.objectContaining({ soort: 'aangemaakt' })],
    });
    expect(bezwaar.volgcode).toMatch(/^[a-z2-7]{32}$/);
    expect((await haal(kcc, bezwaar.id)).statusCode).toBe(404);
    expect(await bezwarenVoor(kcc)).toEqual([]);
    expect(await bezwarenVoor(tim)).toContain(bezwaar.id);
  });
});

/** A stored (uncompressed) ZIP entry: enough for the magic-byte check of docx and odt. */
function zipDeel(naam: string, inhoud: string): Buffer {
  const kop = Buffer.alloc(30);
  kop.writeUInt32LE(0x04034b50, 0);
  kop.writeUInt16LE(20, 4);
  kop.writeUInt32LE(Buffer.byteLength(inhoud), 18);
  kop.writeUInt32LE(Buffer.byteLength(inhoud), 22);
  kop.writeUInt16LE(Buffer.byteLength(naam), 26);
  return Buffer.concat([kop, Buffer.from(naam), Buffer.from(inhoud)]);
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
const DOCX = Buffer.concat([zipDeel('[Content_Types].xml', '<Types/>'), zipDeel('word/document.xml', '<w:document/>')]);
const ODT = Buffer.concat([zipDeel('mimetype', 'application/vnd.oasis.opendocument.text'), zipDeel('content.xml', '<office:document-content/>')]);

describe('documenten', () => {
  let zaak: Zaak & { volgcode: string };

  function upload(inhoud: Buffer, type: string, naam: string | null, versie: number | null = zaak.versie, query = '') {
    return loket.app.inject({
      method: 'POST',
      url: `${basis}/${zaak.id}/documenten${query}`,
      headers: {
        ...bo.headers,
        'content-type': type,
        ...(naam === null ? {} : { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(naam)}` }),
        ...(versie === null ? {} : { 'if-match': `"${versie}"` }),
      },
      payload: inhoud,
    });
  }

  beforeEach(async () => {
    zaak = await registreer(kcc, { zaaktype: 'aanvraag-beschikking', onderwerp: 'Aanvraag met bijlagen', kanaal: 'post', ontvangstdatum: '2026-03-02' });
  });

  it('stores checked documents with the zaak and serves them back', async () => {
    const pdf = await upload(PDF, 'application/pdf', 'situatietekening één.pdf', zaak.versie, '?extern=true');
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.headers.etag).toBe(`"${zaak.versie + 1}"`);
    zaak = { ...zaak, versie: zaak.versie + 1 };
    const document = pdf.json().documenten[0];
    expect(document).toMatchObject({ bestandsnaam: 'situatietekening één.pdf', mediatype: 'application/pdf', grootte: PDF.length, extern: true });
    expect(pdf.headers.location).toBe(`${basis}/${zaak.id}/documenten/${document.id}`);
    expect(pdf.json().tijdlijn.at(-1)).toMatchObject({ soort: 'document', extern: true });
    for (const [inhoud, type, naam] of [
      [PNG, 'image/png', 'foto.png'],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg', 'foto.jpg'],
      [DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'brief.docx'],
      [ODT, 'application/vnd.oasis.opendocument.text', 'brief.odt'],
      [Buffer.from('Gespreksverslag: mevrouw gaf akkoord.'), 'text/plain; charset=utf-8', 'verslag.txt'],
    ] as const) {
      const res = await upload(inhoud, type, naam);
      expect(res.statusCode, `${naam}: ${res.body}`).toBe(201);
      zaak = { ...zaak, versie: zaak.versie + 1 };
    }
    const terug = await loket.app.inject({ method: 'GET', url: `${basis}/${zaak.id}/documenten/${document.id}`, headers: kcc.headers });
    expect(terug.statusCode).toBe(200);
    expect(terug.headers['content-type']).toBe('application/pdf');
    expect(terug.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('situatietekening één.pdf')}`);
    expect(terug.headers['x-content-type-options']).toBe('nosniff');
    expect(terug.rawPayload.equals(PDF)).toBe(true);
    const inwoner = await loket.services.zaakvolgen.zaak('GM0384', zaak.volgcode);
    expect(inwoner?.documenten.map((d) => d.bestandsnaam)).toEqual(['situatietekening één.pdf']);
  });

  it('refuses a type that does not match its bytes, unknown types, missing names, empty and oversized files, and a missing If-Match', async () => {
    const voor = zaak.versie;
    const verwacht = [
      [await upload(PNG, 'application/pdf', 'x.pdf'), 415],
      [await upload(Buffer.from('MZ\x90\x00\x03'), 'application/pdf', 'virus.pdf'), 415],
      [await upload(Buffer.from('PK\x03\x04rest'), 'application/zip', 'archief.zip'), 415],
      [await upload(Buffer.from('tekst\u0000met nul'), 'text/plain', 'raar.txt'), 415],
      [await upload(PDF, 'application/pdf', null), 400],
      [await upload(Buffer.alloc(0), 'application/pdf', 'leeg.pdf'), 400],
      [await upload(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'application/pdf', 'groot.pdf'), 413],
      [await upload(PDF, 'application/pdf', 'x.pdf', null), 428],
      [await upload(PDF, 'application/pdf', 'x.pdf', voor - 1), 412],
    ] as const;
    expect(verwacht.map(([res]) => res.statusCode)).toEqual(verwacht.map(([, status]) => status));
    for (const [res] of verwacht) expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await haal(bo, zaak.id)).json().versie).toBe(voor);
    const kccUpload = await loket.app.inject({ method: 'POST', url: `${basis}/${zaak.id}/documenten`, headers: { ...kcc.headers, 'content-type': 'application/pdf', 'if-match': `"${voor}"` }, payload: PDF });
    expect(kccUpload.statusCode).toBe(403);
  });
});

describe('opschorting en de inwoner', () => {
  it('mails the resident what we need, that the term is paused and how to reply; ending it mails the new date', async () => {
    await opMoment('2026-03-12T09:00:00Z');
    const aanvraag = await registreer(kcc, {
      zaaktype: 'aanvraag-beschikking',
      onderwerp: 'Market stall permit',
      kanaal: 'web',
      ontvangstdatum: '2026-03-12',
      betrokkene: { naam: 'John Smith', email: 'john.smith@example.com', taal: 'en' },
    });
    const op = await goed(tim, aanvraag, 'opschortingen', { reden: 'Please send us a drawing of where the stall will be.' });
    const regel = (op.tijdlijn as { soort: string; extern: boolean; gegevens: Record<string, unknown> }[]).at(-1);
    expect(regel).toMatchObject({ soort: 'opschorting', extern: true, gegevens: { reden: 'Please send us a drawing of where the stall will be.', geinformeerd: true } });
    const mail = await smtp.wachtOp('john.smith@example.com', `We need something from you for your case ${aanvraag.identificatie}`);
    expect(mail.tekst).toContain('Dear John Smith,');
    expect(mail.tekst).toContain('Please send us a drawing of where the stall will be.');
    expect(mail.tekst).toContain('the time limit is paused (article 4:15');
    expect(mail.tekst).toContain('open the link from our confirmation of receipt');
    // The server keeps only the code's hash: no link in this mail.
    expect(mail.tekst).not.toContain('/zaken/');
    expect(mail.tekst).toContain('Municipality of Diemen');

    loket.klok.verder(7 * 24 * 3600 * 1000);
    await logAllenIn();
    const verder = await goed(tim, op, 'opschortingen/einde', { toelichting: 'Drawing received, thank you.' });
    const einde = await smtp.wachtOp('john.smith@example.com', `We are continuing with your case ${aanvraag.identificatie}`);
    expect(einde.tekst).toContain('The time limit is running again.');
    // Eight weeks from 12 March is 7 May; seven days suspended give 14 May, Ascension Day, so the 15th.
    expect(verder.uiterlijkeEinddatum).toBe('2026-05-15');
    expect(einde.tekst).toContain('by 15 May 2026 at the latest');
    expect(einde.tekst).toContain('Explanation: Drawing received, thank you.');
    // The reason shows on the tracking page.
    const inwoner = await loket.services.zaakvolgen.zaak('GM0384', aanvraag.volgcode);
    expect(inwoner?.tijdlijn.map((g) => [g.soort, g.reden])).toContainEqual(['opschorting', 'Please send us a drawing of where the stall will be.']);
  });

  it('suspends without a mail when the resident left no e-mail address', async () => {
    const aanvraag = await registreer(kcc, { zaaktype: 'aanvraag-beschikking', onderwerp: 'Per post', kanaal: 'post', ontvangstdatum: '2026-03-02', betrokkene: { naam: 'Piet', taal: 'nl' } });
    const op = await goed(tim, aanvraag, 'opschortingen', { reden: 'Wij wachten op uw tekening.' });
    expect((op.tijdlijn as { gegevens: Record<string, unknown> }[]).at(-1)?.gegevens.geinformeerd).toBe(false);
    const berichten = await loket.database.db.selectFrom('bericht').select('onderwerp').where('onderwerp', 'like', `%${aanvraag.identificatie}%`).execute();
    expect(berichten).toEqual([]);
  });
});

describe('nieuwe volgcode', () => {
  it('lets the KCC issue a new tracking code: the old one stops working, the resident gets the new link, the timeline says so', async () => {
    const zaak = await registreer(kcc, { ...klacht, onderwerp: 'Link kwijt', betrokkene: { naam: 'Anna de Vries', email: 'anna.link@example.nl', taal: 'nl' } });
    const url = `${basis}/${zaak.id}/volgcode`;
    expect((await loket.app.inject({ method: 'POST', url, headers: kcc.headers })).statusCode).toBe(428);
    const res = await loket.app.inject({ method: 'POST', url, headers: { ...kcc.headers, 'if-match': `"${zaak.versie}"` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe(`"${zaak.versie + 1}"`);
    const nieuw = res.json();
    expect(nieuw.volgcode).toMatch(/^[a-z2-7]{32}$/);
    expect(nieuw.volgcode).not.toBe(zaak.volgcode);
    expect(nieuw.volglink).toBe(`http://127.0.0.1:3000/diemen/zaken/${nieuw.volgcode}`);
    expect(nieuw.tijdlijn.at(-1)).toMatchObject({ soort: 'volgcode', extern: false, gegevens: { gemaild: true }, door: { naam: 'Kees van het KCC' } });
    expect(await loket.services.zaakvolgen.zaak('GM0384', zaak.volgcode)).toBeNull();
    expect(await loket.services.zaakvolgen.zaak('GM0384', nieuw.volgcode)).toMatchObject({ identificatie: zaak.identificatie });
    const mail = await smtp.wachtOp('anna.link@example.nl', `Nieuwe link voor uw zaak ${zaak.identificatie}`);
    expect(mail.tekst).toContain('De oude link werkt niet meer.');
    expect(mail.tekst).toContain(nieuw.volglink);
    expect(JSON.stringify((await haal(kcc, zaak.id)).json())).not.toContain(nieuw.volgcode);
    const audit = await loket.database.db.selectFrom('audit_log').select('details').where('actie', '=', 'zaak-volgcode').where('object_id', '=', zaak.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(nieuw.volgcode);
  });
});

describe('opzoeken en kiezen', () => {
  it('finds a zaak by its exact number, open or closed', async () => {
    const gesloten = await klachtVanBo();
    await sluitAf(gesloten);
    const open = await registreer(kcc, { zaaktype: 'e-mailvraag', onderwerp: 'Nog open', kanaal: 'e-mail', ontvangstdatum: '2026-03-02' });
    expect([gesloten.identificatie, open.identificatie]).toEqual(['Z-2026-000001', 'Z-2026-000002']);
    const res = await loket.app.inject({ method: 'GET', url: `${basis}?identificatie=z-2026-000001`, headers: kcc.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((z: Zaak) => [z.identificatie, Boolean(z.afgeslotenOp)])).toEqual([['Z-2026-000001', true]]);
    const opNummer = await loket.app.inject({ method: 'GET', url: `${basis}?identificatie=Z-2026-000002`, headers: kcc.headers });
    expect(opNummer.json().items.map((z: Zaak) => z.identificatie)).toEqual(['Z-2026-000002']);
    expect((await loket.app.inject({ method: 'GET', url: `${basis}?identificatie=Z-2026-999999`, headers: kcc.headers })).json().items).toEqual([]);
    const fout = await loket.app.inject({ method: 'GET', url: `${basis}?identificatie=2026-1`, headers: kcc.headers });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams[0].name).toBe('query.identificatie');
  });

  it('lists who can be behandelaar, per team, with roles and teams, to every zaken reader', async () => {
    const url = '/api/v1/gemeenten/GM0384/medewerkers';
    const res = await loket.app.inject({ method: 'GET', url: `${url}?rol=behandelaar,teamleider,beheerder&pageSize=100`, headers: kcc.headers });
    expect(res.statusCode, res.body).toBe(200);
    const namen = res.json().items.map((m: { naam: string }) => m.naam);
    expect(namen).toEqual(expect.arrayContaining(['Bo Behandelaar', 'Tim Teamleider', 'Bea de Beheerder']));
    expect(namen).not.toContain('Kees van het KCC');
    const bo = res.json().items.find((m: { naam: string }) => m.naam === 'Bo Behandelaar');
    expect(bo.rollen).toContain('behandelaar');
    expect(bo.teams.map((t: { naam: string }) => t.naam)).toContain('Openbare ruimte');
    expect(Object.keys(bo).toSorted()).toEqual(['id', 'naam', 'rollen', 'teams']);
    const team = bo.teams.find((t: { naam: string }) => t.naam === 'Openbare ruimte').id;
    const vanTeam = await loket.app.inject({ method: 'GET', url: `${url}?rol=behandelaar&team=${team}`, headers: tim.headers });
    expect(vanTeam.json().items.every((m: { teams: { id: string }[]; rollen: string[] }) => m.teams.some((t) => t.id === team) && m.rollen.includes('behandelaar'))).toBe(true);
    expect(vanTeam.json().items.map((m: { naam: string }) => m.naam)).toContain('Bo Behandelaar');
    const fout = await loket.app.inject({ method: 'GET', url: `${url}?rol=baas&team=x`, headers: kcc.headers });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name.split('.').slice(0, 2).join('.')).toSorted()).toEqual(['query.rol', 'query.team']);
    const logregel = await loket.database.db.selectFrom('verwerking_log').select('naam').where('naam', '=', 'medewerkers-bekijken').execute();
    expect(logregel.length).toBeGreaterThan(0);
  });

  it("gives the logged-in user's own teams with lid=ik", async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams?lid=ik', headers: bo.headers });
    expect(res.statusCode, res.body).toBe(200);
    const ik = (await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: bo.headers })).json().gebruiker.id;
    expect(res.json().total).toBe(res.json().items.length);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.every((t: { leden: { id: string }[] }) => t.leden.some((l) => l.id === ik))).toBe(true);
    const alle = (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams?pageSize=100', headers: bo.headers })).json();
    expect(alle.total).toBeGreaterThan(res.json().total);
    const fout = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams?lid=iemand', headers: bo.headers });
    expect(fout.statusCode).toBe(400);
  });
});

describe('namen', () => {
  it('removes control and bidi characters from the onderwerp and the resident’s name, keeping the description’s lines', async () => {
    const zaak = await registreer(kcc, {
      ...klacht,
      onderwerp: 'Factuur\u202Efdp.exe\u0007 ',
      omschrijving: 'Regel een\nRegel twee',
      betrokkene: { naam: 'Anna\u200F de\tVries', taal: 'nl' },
    });
    const detail = (await haal(admin, zaak.id)).json();
    expect(detail.onderwerp).toBe('Factuurfdp.exe');
    expect(detail.betrokkene.naam).toBe('Anna de Vries');
    expect(detail.omschrijving).toBe('Regel een\nRegel twee');
  });
});
