import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { zaakActie, zaakDetail } from '../../../test/zaken.ts';
import { cliContext } from '../audit/audit.service.ts';

// The KCC registers a melding for a caller in the same flow as residents (suggestion, address,
// duplicates, follow, photo), beheerders manage partners, and the suggestion learns from closed
// meldingen (ADR 0075). Monday 2 March 2026.

const G = 'GM0384';
let loket: TestLoket;
let beheerder: Ingelogd;
let behandelaar: Ingelogd;
let kcc: Ingelogd;
let partner: Ingelogd;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  partner = await logInAls(loket, 'partner@afvalpartner.demo');
});
afterAll(async () => {
  await loket?.close();
});

const get = (wie: Ingelogd, url: string) => loket.app.inject({ method: 'GET', url, headers: wie.headers });
const send = (wie: Ingelogd, method: 'POST' | 'PUT', url: string, payload: unknown) => loket.app.inject({ method, url, headers: wie.headers, payload: payload as Record<string, unknown> });
const namen = (res: { json(): { invalidParams?: { name: string }[] } }) => (res.json().invalidParams ?? []).map((p) => p.name).toSorted();

const telefoonJpeg = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: 'Telefoonmerk' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 20/1 2/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 58/1 30/1' } })
    .toBuffer();

describe('the KCC registers a melding for a caller, in the resident form’s flow', () => {
  it('suggests a category with its explanation, only above the threshold; partners may not ask', async () => {
    const res = await get(kcc, `/api/v1/gemeenten/${G}/melding-suggesties?beschrijving=${encodeURIComponent('De lantaarnpaal is kapot, het is donker')}`);
    expect(res.statusCode, res.body).toBe(200);
    // lantaarnpaal-kapot: "lantaarnpaal" and "donker" (2 points); verkeersbord-kapot: "kapot" of its name (1): 2/3.
    expect(res.json().suggestie).toMatchObject({ categorie: { code: 'lantaarnpaal-kapot' } });
    expect(res.json().suggestie.zekerheid).toBeCloseTo(2 / 3, 10);
    expect(res.json().suggestie.uitleg).toEqual(expect.arrayContaining([{ woord: 'lantaarnpaal', bron: 'trefwoord', punten: 1 }]));
    expect((await get(kcc, `/api/v1/gemeenten/${G}/melding-suggesties?beschrijving=${encodeURIComponent('Er is iets')}`)).json()).toEqual({ suggestie: null });
    expect((await get(partner, `/api/v1/gemeenten/${G}/melding-suggesties?beschrijving=lamp`)).statusCode).toBe(403);
  });

  it('finds addresses by postcode and house number or by street; a bad search is a 400 naming each field', async () => {
    const straat = await get(kcc, `/api/v1/gemeenten/${G}/melding-adressen?straat=hartveld&huisnummer=25`);
    expect(straat.statusCode, straat.body).toBe(200);
    const adres = straat.json().items[0];
    expect(adres).toMatchObject({ straat: 'Hartveldseweg', huisnummer: 25, postcode: '1111CD' });
    const opPostcode = await get(kcc, `/api/v1/gemeenten/${G}/melding-adressen?postcode=1111%20cd&huisnummer=25`);
    expect(opPostcode.json().items[0]).toMatchObject({ straat: 'Hartveldseweg', huisnummer: 25 });
    const fout = await get(kcc, `/api/v1/gemeenten/${G}/melding-adressen?postcode=ABC&huisnummer=`);
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fout.json().invalidParams).toEqual([
      { name: 'postcode', code: 'postcodeOngeldig', reason: expect.stringContaining('Deze postcode klopt niet') },
      { name: 'huisnummer', code: 'huisnummerLeeg', reason: 'Vul een huisnummer in.' },
    ]);
  });

  it('registers by telephone with a photo stored without metadata; the caller may follow a nearby duplicate instead', async () => {
    const adres = (await get(kcc, `/api/v1/gemeenten/${G}/melding-adressen?straat=hartveld&huisnummer=25`)).json().items[0];
    const jpeg = await telefoonJpeg();
    const res = await send(kcc, 'POST', `/api/v1/gemeenten/${G}/meldingen`, {
      categorie: 'fietswrak',
      beschrijving: 'Beller meldt een fietswrak bij de ingang.',
      lat: adres.lat,
      lon: adres.lon,
      adres: 'Hartveldseweg 25, 1111 CD Diemen',
      kanaal: 'balie',
      melder: { naam: 'Piet Beller', email: 'piet@example.nl' },
      fotos: [{ bestandsnaam: 'IMG_0001.jpg', inhoud: jpeg.toString('base64') }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const zaakId = res.json().zaakId as string;
    const zaak = await zaakDetail(loket.app, behandelaar, { id: zaakId });
    expect(zaak).toMatchObject({ kanaal: 'balie' });
    const document = zaak.documenten[0];
    expect(document).toMatchObject({ bestandsnaam: 'foto-1.jpeg', mediatype: 'image/jpeg' });
    const opgeslagen = await get(behandelaar, `/api/v1/gemeenten/${G}/zaken/${zaakId}/documenten/${document.id}`);
    expect((await sharp(opgeslagen.rawPayload).metadata()).exif).toBeUndefined();

    // A second caller about the same bike: the duplicate is found, and the caller follows it.
    const dubbelen = await get(kcc, `/api/v1/gemeenten/${G}/melding-dubbelen?categorie=fietswrak&lat=${adres.lat}&lon=${adres.lon}`);
    expect(dubbelen.statusCode, dubbelen.body).toBe(200);
    expect(dubbelen.json().items[0]).toMatchObject({ zaakId, afstandM: 0, adres: 'Hartveldseweg 25, 1111 CD Diemen' });
    const volg = await send(kcc, 'POST', `/api/v1/gemeenten/${G}/meldingen/${zaakId}/volgers`, { email: 'tweede@example.nl' });
    expect(volg.statusCode, volg.body).toBe(201);
    expect(volg.json()).toEqual({ identificatie: res.json().identificatie });
    const volgers = await loket.database.db.selectFrom('melding_volger').select('email').where('zaak_id', '=', zaakId).execute();
    expect(volgers.map((v) => v.email)).toEqual(['tweede@example.nl']);
    expect((await send(kcc, 'POST', `/api/v1/gemeenten/${G}/meldingen/${zaakId}/volgers`, { email: 'geen adres' })).statusCode).toBe(400);
    expect((await send(kcc, 'POST', `/api/v1/gemeenten/${G}/meldingen/00000000-0000-4000-8000-000000000000/volgers`, { email: 'a@example.nl' })).statusCode).toBe(404);
  });

  it('refuses bad input with every problem at once, photos included, and stores nothing', async () => {
    const voor = await loket.database.db.selectFrom('melding').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const zip = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex').subarray(0, 0), Buffer.from('504b0304', 'hex'), Buffer.alloc(100)]);
    const res = await send(kcc, 'POST', `/api/v1/gemeenten/${G}/meldingen`, {
      categorie: 'lantaarnpaal-kapot',
      beschrijving: '   ',
      lat: 52.37,
      lon: 4.89,
      kanaal: 'telefoon',
      antwoorden: { mastnummer: 'geen nummer!' },
      fotos: [{ bestandsnaam: 'foto.png', inhoud: zip.toString('base64') }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(namen(res)).toEqual(['antwoorden.mastnummer', 'beschrijving', 'fotos.0', 'locatie']);
    const na = await loket.database.db.selectFrom('melding').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(na.n).toBe(voor.n);
    const teVeel = await send(kcc, 'POST', `/api/v1/gemeenten/${G}/meldingen`, { categorie: 'fietswrak', beschrijving: 'x', kanaal: 'telefoon', adres: 'x', fotos: [1, 2, 3, 4].map(() => ({ inhoud: 'AAAA' })) });
    expect(teVeel.statusCode).toBe(400);
    expect(namen(teVeel)).toEqual(['fotos']);
  });
});

describe('the suggestion learns from closed meldingen (ADR 0075)', () => {
  it('after the housekeeping job rebuilt the terms, a word of earlier meldingen counts and the explanation says so', async () => {
    const vraag = () => get(kcc, `/api/v1/gemeenten/${G}/melding-suggesties?beschrijving=${encodeURIComponent('Een roestig ding staat al weken tegen het hek')}`);
    expect((await vraag()).json()).toEqual({ suggestie: null });
    // Three meldingen of fietswrak that say "roestig", closed by the team.
    for (const i of [1, 2, 3]) {
      const m = await loket.services.meldingen.meld(cliContext(), 'Test', G, { categorie: 'fietswrak', beschrijving: `Roestig wrak nummer ${i}`, adres: `Straat ${i}`, antwoorden: {}, kanaal: 'web', bron: 'formulier' });
      const zaak = await zaakDetail(loket.app, behandelaar, { id: m.zaakId });
      expect(await zaakActie(loket.app, behandelaar, { id: m.zaakId }, 'afsluiting', { resultaattype: zaak.zaaktypeVersie.resultaattypen[0].id })).toBeLessThan(300);
    }
    // Not yet rebuilt: nothing learnt.
    expect((await vraag()).json()).toEqual({ suggestie: null });
    const resultaat = await loket.services.onderhoud.ruimOp(cliContext());
    expect(resultaat.meldingTermen).toBeGreaterThan(0);
    const s = (await vraag()).json().suggestie;
    expect(s).toMatchObject({ categorie: { code: 'fietswrak' }, zekerheid: 1 });
    expect(s.uitleg).toEqual([{ woord: 'roestig', bron: 'eerdere-meldingen', punten: 1, meldingen: { categorie: 3, totaal: 3 } }]);
    expect(await loket.services.meldingTermen.stand(G)).toMatchObject({ meldingen: expect.any(Number), termen: resultaat.meldingTermen > 0 ? expect.any(Number) : 0 });
    // The resident's form shows the same explanation with its source.
  });
});

describe('beheerders manage partners', () => {
  it('changes a partner’s members and the categories routed to it (a new published version of each category that changes)', async () => {
    const afval = (await get(beheerder, `/api/v1/gemeenten/${G}/melding-partners`)).json().items.find((p: { naam: string }) => p.naam === 'Afvalpartner Amstelland');
    const detail = await get(beheerder, `/api/v1/gemeenten/${G}/melding-partners/${afval.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().categorieen.map((c: { code: string }) => c.code)).toContain('container-vol');
    const gebruikers = (await get(beheerder, `/api/v1/gemeenten/${G}/melding-partner-gebruikers`)).json().items;
    expect(gebruikers.map((g: { email: string }) => g.email)).toContain('partner@afvalpartner.demo');

    const res = await send(beheerder, 'PUT', `/api/v1/gemeenten/${G}/melding-partners/${afval.id}`, {
      naam: 'Afvalpartner Amstelland',
      email: 'meldingen@afvalpartner.demo',
      leden: gebruikers.map((g: { id: string }) => g.id),
      categorieen: ['container-vol', 'grofvuil-op-straat'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().categorieen.map((c: { code: string }) => c.code).toSorted()).toEqual(['container-vol', 'grofvuil-op-straat']);
    const versies = (await get(beheerder, `/api/v1/gemeenten/${G}/melding-categorieen?alleVersies=true`)).json().items.filter((c: { code: string }) => c.code === 'grofvuil-op-straat');
    expect(versies.map((c: { versie: number; status: string; partner: string | null }) => [c.versie, c.status, c.partner])).toEqual(expect.arrayContaining([[2, 'gepubliceerd', afval.id]]));

    // Every problem at once; nothing changed.
    const bo = (await loket.services.gebruikers.opEmail(G, 'behandelaar@diemen.demo')).id;
    const fout = await send(beheerder, 'PUT', `/api/v1/gemeenten/${G}/melding-partners/${afval.id}`, { naam: '', leden: [bo], categorieen: ['bestaat-niet'] });
    expect(fout.statusCode).toBe(400);
    expect(namen(fout)).toEqual(['naam']);
    const fout2 = await send(beheerder, 'PUT', `/api/v1/gemeenten/${G}/melding-partners/${afval.id}`, { naam: 'Afval', leden: [bo], categorieen: ['bestaat-niet'] });
    expect(namen(fout2)).toEqual(['categorieen.0', 'leden.0']);
    expect((await get(beheerder, `/api/v1/gemeenten/${G}/melding-partners/${afval.id}`)).json().naam).toBe('Afvalpartner Amstelland');
    expect((await send(kcc, 'PUT', `/api/v1/gemeenten/${G}/melding-partners/${afval.id}`, { naam: 'X' })).statusCode).toBe(403);
    // A partner that is not there is a 404, as any resource addressed by its id.
    expect((await get(beheerder, `/api/v1/gemeenten/${G}/melding-partners/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});
