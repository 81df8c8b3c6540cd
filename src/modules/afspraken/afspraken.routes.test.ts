import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import { systeemContext } from '../audit/audit.service.ts';

let loket: TestLoket;
const NU = '2026-03-02T09:00:00Z'; // Monday; Amsterdam is UTC+1 until 29 March
const basis = '/api/v1/gemeenten/GM0384/afspraken';

// Without SMTP: the mails are kept in the outbox and read from there (afspraken.mail.test.ts sends them through a real SMTP server).
beforeAll(async () => {
  loket = await testLoket({ nu: NU, env: { LOKET_AFSPRAKEN_PER_EMAIL: '3' } });
  await laadDemo(loket);
});
afterAll(async () => loket.close());

/** The messages in the outbox to an address (the clock stands still: in no particular order). */
const uitbox = (aan: string) =>
  loket.database.db.selectFrom('bericht').select(['onderwerp', 'tekst', 'bijlagen']).where('aan', '=', aan).orderBy('aangemaakt_op').orderBy('id').execute();
const ics = (bijlagen: { inhoud: string }[]): string => Buffer.from(bijlagen[0]?.inhoud ?? '', 'base64').toString('utf8');

interface Tijdvak {
  start: string;
  eind: string;
  vrij: number;
  ambtenaren?: { id: string; naam: string }[];
}

const beschikbaar = async (product: string, van: string, tot = van): Promise<Tijdvak[]> => {
  const res = await loket.app.inject({ method: 'GET', url: `${basis}/beschikbaarheid?product=${product}&van=${van}&tot=${tot}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const boek = (payload: Record<string, unknown>) => loket.app.inject({ method: 'POST', url: basis, payload });
const inwoner = (n: string, extra: Record<string, unknown> = {}) => ({ naam: `Inwoner ${n}`, email: `inwoner-${n}@example.org`, ...extra });
const tokenVan = (url: string): string => url.split('/').at(-1) ?? '';

describe('availability', () => {
  it('gives the slots of a product from the opening hours, as UTC instants with the free desks', async () => {
    const dinsdag = await beschikbaar('paspoort', '2026-03-03');
    // 09:00–16:30 in Amsterdam, 15 minutes each: 30 slots on 3 desks.
    expect(dinsdag).toHaveLength(30);
    expect(dinsdag[0]).toMatchObject({ start: '2026-03-03T08:00:00.000Z', eind: '2026-03-03T08:15:00.000Z', vrij: 3 });
    expect(dinsdag.at(-1)).toMatchObject({ start: '2026-03-03T15:15:00.000Z', eind: '2026-03-03T15:30:00.000Z' });
    expect(dinsdag[0]).not.toHaveProperty('ambtenaren');
    // Thursday has an evening too; 2 desks serve the uittreksel (10 minutes).
    const donderdag = await beschikbaar('uittreksel-brp', '2026-03-05');
    expect(donderdag).toHaveLength(45 + 15);
    expect(donderdag.every((s) => s.vrij === 2)).toBe(true);
    // In summer time the same local hours are an hour earlier in UTC.
    expect((await beschikbaar('paspoort', '2026-04-07'))[0]?.start).toBe('2026-04-07T07:00:00.000Z');
  });

  it('has no slots at the weekend, on a public holiday, on a closure day of the gemeente, or in the past', async () => {
    expect(await beschikbaar('paspoort', '2026-03-07', '2026-03-08')).toEqual([]);
    expect(await beschikbaar('paspoort', '2026-04-06')).toEqual([]); // Tweede Paasdag
    expect(await beschikbaar('paspoort', '2026-05-15')).toEqual([]); // Diemen: Friday after Ascension Day
    const vandaag = await beschikbaar('paspoort', '2026-03-02');
    expect(vandaag[0]?.start).toBe('2026-03-02T09:15:00.000Z');
  });

  it('lists the free officials of a ceremony per slot, by the weekdays they work', async () => {
    const maandag = await beschikbaar('huwelijk-partnerschap', '2026-03-09');
    expect(maandag[0]).toMatchObject({ start: '2026-03-09T08:00:00.000Z', eind: '2026-03-09T09:00:00.000Z', vrij: 1 });
    expect(maandag[0]?.ambtenaren?.map((a) => a.naam)).toEqual(['Anna de Vries (BABS)', 'Mohamed el Amrani (trouwambtenaar)']);
  });

  it('refuses a bad request with a problem, never a 5xx', async () => {
    const fouten = await loket.app.inject({ method: 'GET', url: `${basis}/beschikbaarheid?product=paspoort&van=morgen` });
    expect(fouten.statusCode).toBe(400);
    expect(fouten.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['query.tot', 'query.van']);
    const omgekeerd = await loket.app.inject({ method: 'GET', url: `${basis}/beschikbaarheid?product=paspoort&van=2026-03-10&tot=2026-03-09` });
    expect(omgekeerd.statusCode).toBe(400);
    const lang = await loket.app.inject({ method: 'GET', url: `${basis}/beschikbaarheid?product=paspoort&van=2026-03-02&tot=2026-06-30` });
    expect(lang.statusCode).toBe(400);
    const onbekend = await loket.app.inject({ method: 'GET', url: `${basis}/beschikbaarheid?product=ruimtevaart&van=2026-03-09&tot=2026-03-09` });
    expect(onbekend.json().invalidParams[0]).toMatchObject({ name: 'product', code: 'onbekend-product' });
    const formulier = await loket.app.inject({ method: 'GET', url: `${basis}/beschikbaarheid?product=wmo-ondersteuning&van=2026-03-09&tot=2026-03-09` });
    expect(formulier.json().invalidParams[0]).toMatchObject({ name: 'product', code: 'geen-afspraak' });
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM9999/afspraken/beschikbaarheid?product=paspoort&van=2026-03-09&tot=2026-03-09' })).statusCode).toBe(404);
  });
});

describe('booking', () => {
  it('books a slot, mails a confirmation with an iCalendar file and a secret link, and the slot has one place less', async () => {
    const res = await boek({ product: 'paspoort', start: '2026-03-10T09:00:00+01:00', ...inwoner('a'), telefoon: '06 12345678' });
    expect(res.statusCode, res.body).toBe(201);
    const afspraak = res.json();
    expect(afspraak).toMatchObject({
      product: 'paspoort',
      productNaam: 'Paspoort aanvragen',
      start: '2026-03-10T08:00:00.000Z',
      eind: '2026-03-10T08:15:00.000Z',
      status: 'gepland',
      locatie: { naam: 'Gemeentehuis Diemen', adres: 'Ouddiemerlaan 104, Diemen' },
      ambtenaar: null,
      naam: 'Inwoner a',
      telefoon: '06 12345678',
    });
    expect(afspraak.beheerUrl).toMatch(/^http:\/\/127\.0\.0\.1:3000\/diemen\/afspraak\/[A-Za-z0-9_-]{43}$/);
    expect((await beschikbaar('paspoort', '2026-03-10'))[0]?.vrij).toBe(2);

    const [mail] = await uitbox('inwoner-a@example.org');
    expect(mail?.onderwerp).toBe('Uw afspraak bij de gemeente Diemen: Paspoort aanvragen op dinsdag 10 maart 2026 om 09:00');
    expect(mail?.tekst).toContain(`via deze link: ${afspraak.beheerUrl}`);
    expect(mail?.tekst).toContain('Neem mee: Uw oude paspoort of ID-kaart.');
    expect(mail?.bijlagen[0]).toMatchObject({ naam: 'afspraak.ics', type: 'text/calendar; charset=utf-8; method=PUBLISH' });
    const agenda = ics(mail?.bijlagen ?? []);
    expect(agenda).toContain('METHOD:PUBLISH');
    expect(agenda).toContain('DTSTART:20260310T080000Z');
    expect(agenda).toContain('DTEND:20260310T081500Z');
    expect(agenda).toContain(`UID:${afspraak.id}@127.0.0.1`);
    // The secret is in the link only: the database keeps its hash.
    const { rows } = await loket.database.pglite?.query<{ token_hash: string }>('select token_hash from afspraak where id = $1', [afspraak.id]) ?? { rows: [] };
    if (loket.database.pglite) expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a booking in the past, outside opening hours, off the grid, or with bad fields: all problems at once, nothing stored', async () => {
    const verleden = await boek({ product: 'paspoort', start: '2026-03-02T08:30:00Z', ...inwoner('b') });
    expect(verleden.statusCode).toBe(400);
    expect(verleden.json().invalidParams).toEqual([expect.objectContaining({ name: 'start', code: 'in-verleden' })]);
    const nacht = await boek({ product: 'paspoort', start: '2026-03-11T03:00:00Z', ...inwoner('b') });
    expect(nacht.json().invalidParams[0]).toMatchObject({ name: 'start', code: 'buiten-openingstijden' });
    const zondag = await boek({ product: 'paspoort', start: '2026-03-15T09:00:00Z', ...inwoner('b') });
    expect(zondag.json().invalidParams[0]).toMatchObject({ code: 'buiten-openingstijden' });
    const scheef = await boek({ product: 'paspoort', start: '2026-03-11T08:05:00Z', ...inwoner('b') });
    expect(scheef.json().invalidParams[0]).toMatchObject({ name: 'start', code: 'niet-op-rooster' });
    const sluiting = await boek({ product: 'paspoort', start: '2026-16-11T08:00:00Z', naam: '', email: 'geen-adres', telefoon: 'bel me', extra: 1 });
    expect(sluiting.statusCode).toBe(400);
    expect(sluiting.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['email', 'extra', 'naam', 'start', 'telefoon']);
    const onbekend = await boek({ product: 'ruimtevaart', start: '2026-03-11T08:00:00Z', ...inwoner('b') });
    expect(onbekend.json().invalidParams[0]).toMatchObject({ name: 'product', code: 'onbekend-product' });
    const metAmbtenaar = await boek({ product: 'paspoort', start: '2026-03-11T08:00:00Z', ambtenaar: '00000000-0000-4000-8000-000000000000', ...inwoner('b') });
    expect(metAmbtenaar.json().invalidParams[0]).toMatchObject({ name: 'ambtenaar', code: 'geen-ambtenaar' });
    expect(await uitbox('inwoner-b@example.org')).toEqual([]);
    expect((await beschikbaar('paspoort', '2026-03-11'))[0]?.vrij).toBe(3);
  });

  it('answers 409 when the slot is full, and limits the open appointments per e-mail address', async () => {
    const start = '2026-03-12T13:00:00Z';
    for (const n of ['c1', 'c2', 'c3']) expect((await boek({ product: 'paspoort', start, ...inwoner(n) })).statusCode).toBe(201);
    const vol = await boek({ product: 'paspoort', start, ...inwoner('c4') });
    expect(vol.statusCode).toBe(409);
    expect(vol.headers['content-type']).toContain('application/problem+json');
    expect(vol.json()).toMatchObject({ status: 409, type: 'urn:loket:problem:tijd-bezet' });
    expect((await beschikbaar('paspoort', '2026-03-12')).find((s) => s.start === '2026-03-12T13:00:00.000Z')?.vrij).toBe(0);

    const veel = { naam: 'Veelboeker', email: 'Veel@Example.org' };
    for (const uur of ['08', '09', '10']) expect((await boek({ product: 'id-kaart', start: `2026-03-13T${uur}:00:00Z`, ...veel })).statusCode).toBe(201);
    const teVeel = await boek({ product: 'id-kaart', start: '2026-03-13T11:00:00Z', naam: 'Veelboeker', email: 'veel@example.ORG' });
    expect(teVeel.statusCode).toBe(400);
    expect(teVeel.json().invalidParams[0]).toMatchObject({ name: 'email', code: 'te-veel-afspraken' });
  });

  it('books a ceremony with a room and a chosen official; both are held', async () => {
    const start = '2026-03-16T10:00:00Z';
    const vrij = (await beschikbaar('huwelijk-partnerschap', '2026-03-16')).find((s) => s.start === '2026-03-16T10:00:00.000Z');
    const anna = vrij?.ambtenaren?.find((a) => a.naam.startsWith('Anna'));
    const mohamed = vrij?.ambtenaren?.find((a) => a.naam.startsWith('Mohamed'));
    expect(anna && mohamed).toBeTruthy();
    const zonder = await boek({ product: 'huwelijk-partnerschap', start, ...inwoner('d1') });
    expect(zonder.json().invalidParams[0]).toMatchObject({ name: 'ambtenaar', code: 'ambtenaar-nodig' });
    const sanne = (await beschikbaar('huwelijk-partnerschap', '2026-03-19'))[0]?.ambtenaren?.find((a) => a.naam.startsWith('Sanne'));
    const verkeerdeDag = await boek({ product: 'huwelijk-partnerschap', start, ambtenaar: sanne?.id, ...inwoner('d1') });
    expect(verkeerdeDag.json().invalidParams[0]).toMatchObject({ name: 'ambtenaar', code: 'onbekende-ambtenaar' });
    const res = await boek({ product: 'huwelijk-partnerschap', start, ambtenaar: anna?.id, ...inwoner('d1') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ambtenaar: { id: anna?.id, naam: 'Anna de Vries (BABS)' }, balie: 'Trouwzaal', eind: '2026-03-16T11:00:00.000Z' });
    expect((await boek({ product: 'huwelijk-partnerschap', start, ambtenaar: anna?.id, ...inwoner('d2') })).json()).toMatchObject({ status: 409, type: 'urn:loket:problem:ambtenaar-bezet' });
    // Mohamed is free, but the only room is taken.
    expect((await boek({ product: 'huwelijk-partnerschap', start, ambtenaar: mohamed?.id, ...inwoner('d3') })).json()).toMatchObject({ status: 409, type: 'urn:loket:problem:tijd-bezet' });
    const erna = (await beschikbaar('huwelijk-partnerschap', '2026-03-16')).find((s) => s.start === '2026-03-16T10:00:00.000Z');
    expect(erna).toMatchObject({ vrij: 0, ambtenaren: [{ id: mohamed?.id }] });
  });

  it('never books a slot twice when many residents book its last places at once', async () => {
    const start = '2026-03-17T10:00:00Z';
    const pogingen = await Promise.all(Array.from({ length: 24 }, (_, i) => boek({ product: 'paspoort', start, ...inwoner(`gelijk-${i}`) })));
    const codes = pogingen.map((p) => p.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(21);
    expect((await beschikbaar('paspoort', '2026-03-17')).find((s) => s.start === '2026-03-17T10:00:00.000Z')?.vrij).toBe(0);
  });
});

describe('the secret link', () => {
  it('shows, moves and cancels the appointment, with a mail each time; a used or unknown link cannot change it', async () => {
    const gemaakt = await boek({ product: 'id-kaart', start: '2026-03-18T09:00:00Z', ...inwoner('e', { taal: 'en' }) });
    expect(gemaakt.statusCode).toBe(201);
    expect(gemaakt.json().beheerUrl).toContain('/diemen/en/appointment/');
    expect((await uitbox('inwoner-e@example.org'))[0]?.onderwerp).toBe('Your appointment with the municipality of Diemen: Apply for an ID card on Wednesday, 18 March 2026 at 10:00');
    const token = tokenVan(gemaakt.json().beheerUrl);
    const link = `${basis}/${token}`;
    const gezien = await loket.app.inject({ method: 'GET', url: link });
    expect(gezien.statusCode).toBe(200);
    expect(gezien.json()).toMatchObject({ id: gemaakt.json().id, status: 'gepland' });
    expect(gezien.json()).not.toHaveProperty('beheerUrl');

    const scheef = await loket.app.inject({ method: 'PATCH', url: link, payload: { start: '2026-03-18T09:07:00Z' } });
    expect(scheef.json().invalidParams[0]).toMatchObject({ code: 'niet-op-rooster' });
    const verzet = await loket.app.inject({ method: 'PATCH', url: link, payload: { start: '2026-03-19T12:30:00Z' } });
    expect(verzet.statusCode, verzet.body).toBe(200);
    expect(verzet.json()).toMatchObject({ start: '2026-03-19T12:30:00.000Z', status: 'gepland' });
    const verzetMail = (await uitbox('inwoner-e@example.org')).find((m) => m.onderwerp.startsWith('Your appointment has been moved'));
    expect(verzetMail?.onderwerp).toMatch(/^Your appointment has been moved/);
    expect(ics(verzetMail?.bijlagen ?? [])).toContain('DTSTART:20260319T123000Z');
    expect((await beschikbaar('id-kaart', '2026-03-18')).find((s) => s.start === '2026-03-18T09:00:00.000Z')?.vrij).toBe(3);

    const af = await loket.app.inject({ method: 'DELETE', url: link });
    expect(af.statusCode).toBe(200);
    expect(af.json().status).toBe('geannuleerd');
    const afMail = (await uitbox('inwoner-e@example.org')).find((m) => m.onderwerp.startsWith('Your appointment has been cancelled'));
    expect(afMail?.onderwerp).toMatch(/^Your appointment has been cancelled/);
    expect(ics(afMail?.bijlagen ?? [])).toContain('METHOD:CANCEL');
    expect((await loket.app.inject({ method: 'DELETE', url: link })).json()).toMatchObject({ status: 409, type: 'urn:loket:problem:afspraak-voorbij' });
    expect((await loket.app.inject({ method: 'PATCH', url: link, payload: { start: '2026-03-20T12:30:00Z' } })).statusCode).toBe(409);
    expect((await loket.app.inject({ method: 'GET', url: `${basis}/${'x'.repeat(43)}` })).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'GET', url: `${basis}/kort` })).statusCode).toBe(400);
    // Another gemeente's address does not find it.
    expect((await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0437/afspraken/${token}` })).statusCode).toBe(404);
  });
});

describe('the reminder, the desk and retention', () => {
  it('mails a reminder the day before, once; staff see today at the desk; the personal data goes after 3 months', async () => {
    const morgen = await boek({ product: 'uittreksel-brp', start: '2026-03-03T14:00:00Z', ...inwoner('f') });
    expect(morgen.statusCode).toBe(201);
    const vandaag = await boek({ product: 'uittreksel-brp', start: '2026-03-02T14:00:00Z', ...inwoner('g') });
    expect(vandaag.statusCode).toBe(201);
    expect(await loket.services.afspraken.herinner()).toBeGreaterThanOrEqual(1);
    expect(await loket.services.afspraken.herinner()).toBe(0);
    const herinnering = (await uitbox('inwoner-f@example.org')).find((m) => m.onderwerp.startsWith('Morgen'));
    expect(herinnering).toMatchObject({ onderwerp: 'Morgen heeft u een afspraak: Uittreksel uit de BRP om 15:00', bijlagen: [] });
    expect(herinnering?.tekst).toContain('Waar: Gemeentehuis Diemen, Ouddiemerlaan 104, Diemen');

    const kcc = await logInAls(loket, 'kcc@duoplus.demo');
    const lijst = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/balie-afspraken', headers: kcc.headers });
    expect(lijst.statusCode).toBe(200);
    const item = lijst.json().items.find((a: { id: string }) => a.id === vandaag.json().id);
    expect(item).toMatchObject({ naam: 'Inwoner g', status: 'gepland' });
    const url = `/api/v1/gemeenten/GM0384/balie-afspraken/${vandaag.json().id}`;
    expect((await loket.app.inject({ method: 'PATCH', url, headers: kcc.headers, payload: { status: 'ingecheckt' } })).json().status).toBe('ingecheckt');
    expect((await loket.app.inject({ method: 'PATCH', url, headers: kcc.headers, payload: { status: 'geholpen' } })).json().status).toBe('geholpen');
    expect((await loket.app.inject({ method: 'PATCH', url, headers: kcc.headers, payload: { status: 'niet-verschenen' } })).statusCode).toBe(409);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/balie-afspraken' })).statusCode).toBe(401);

    loket.klok.zet('2026-06-04T09:00:00Z');
    try {
      expect(await loket.services.afspraken.ruimPersoonsgegevensOp(systeemContext(), 'GM0384')).toBeGreaterThanOrEqual(2);
      const gewist = await loket.app.inject({ method: 'GET', url: `${basis}/${tokenVan(morgen.json().beheerUrl)}` });
      expect(gewist.json()).toMatchObject({ naam: null, email: null, telefoon: null, product: 'uittreksel-brp' });
    } finally {
      loket.klok.zet(NU);
    }
  });
});
