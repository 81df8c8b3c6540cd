/**
 * One resident's journey (issue 10, klantreizen) on hand-made data: Anna calls twice about her
 * container within three days (the second is a herhaalcontact) and once about her passport; her
 * e-mail question becomes a zaak that gets a message and is closed. Another resident's contact
 * and zaak are not in her journey.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { herhaalcontacten } from './klantreizen.service.ts';

let loket: TestLoket;
let kcc: Ingelogd;
let behandelaar: Ingelogd;
const G = 'GM0384';
const BASIS = `/api/v1/gemeenten/${G}`;
let zaakId = '';

const post = (als: Ingelogd, url: string, payload: unknown, etag?: number) =>
  loket.app.inject({ method: 'POST', url, headers: { ...als.headers, ...(etag !== undefined ? { 'if-match': `"${etag}"` } : {}) }, payload: payload as Record<string, unknown> });

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-02T09:00:00Z' });
  await laadDemo(loket);
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
  const contact = async (op: string, onderwerp: string, email: string) => {
    const res = await post(kcc, `${BASIS}/klantcontacten`, { kanaal: 'telefoon', onderwerp, uitkomst: 'zelfstandig-afgehandeld', op, persoon: { naam: 'Inwoner', email } });
    expect(res.statusCode, res.body).toBe(201);
  };
  await contact('2026-10-26T09:00:00+01:00', 'Container niet geleegd', 'anna@example.nl');
  await contact('2026-10-29T10:00:00+01:00', 'container  niet geleegd', 'Anna@Example.nl');
  await contact('2026-10-30T11:00:00+01:00', 'Paspoort aanvragen', 'anna@example.nl');
  await contact('2026-10-30T12:00:00+01:00', 'Container niet geleegd', 'bert@example.nl');
  const zaak = async (email: string) => {
    const res = await post(behandelaar, `${BASIS}/zaken`, { zaaktype: 'e-mailvraag', onderwerp: `Vraag van ${email}`, kanaal: 'e-mail', ontvangstdatum: '2026-11-02', betrokkene: { naam: 'Inwoner', email, taal: 'nl' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; versie: number };
  };
  const z = await zaak('anna@example.nl');
  zaakId = z.id;
  await zaak('bert@example.nl');
  loket.klok.zet('2026-11-03T10:00:00Z');
  // A day later: the sessions of yesterday have ended.
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
  behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
  const bericht = await post(behandelaar, `${BASIS}/zaken/${z.id}/berichten`, { tekst: 'We zoeken het voor u uit.' }, z.versie);
  expect(bericht.statusCode, bericht.body).toBeLessThan(300);
});
afterAll(() => loket.close());

describe('a resident’s journey', () => {
  it('puts every contact and the zaak with its message on one time line, oldest first, with the herhaalcontact marked', async () => {
    const res = await loket.app.inject({ method: 'GET', url: `${BASIS}/klantreizen?email=ANNA%40example.nl`, headers: kcc.headers });
    expect(res.statusCode, res.body).toBe(200);
    const reis = res.json();
    expect(reis.samenvatting).toMatchObject({ contacten: 3, herhaalcontacten: 1, zaken: 1 });
    expect(reis.samenvatting.eersteAntwoordMediaanUren).toBeGreaterThan(0);
    expect(reis.stappen.map((s: { soort: string; tekst: string; contact: { herhaal: boolean } | null }) => [s.soort, s.tekst, s.contact?.herhaal ?? null])).toEqual([
      ['contact', 'Container niet geleegd', false],
      ['contact', 'container  niet geleegd', true],
      ['contact', 'Paspoort aanvragen', false],
      ['zaak-ontvangen', 'Vraag van anna@example.nl', null],
      ['bericht', 'We zoeken het voor u uit.', null],
    ]);
    expect(reis.stappen.at(-1).zaak).toMatchObject({ id: zaakId, zaaktype: expect.any(String) });
    // Reading a journey is in the processing log.
    const log = await loket.database.db.selectFrom('verwerking_log').select(['naam', 'betrokkene_id']).where('gemeente', '=', G).execute();
    expect(log.some((r) => r.naam === 'klantcontacten-van-persoon')).toBe(true);
    expect(log.some((r) => r.betrokkene_id === zaakId)).toBe(true);
  });

  it('refuses a bad address with a clear 400, and staff without the right to read klantcontacten', async () => {
    const fout = await loket.app.inject({ method: 'GET', url: `${BASIS}/klantreizen?email=geen-adres`, headers: kcc.headers });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams[0]).toMatchObject({ name: 'query.email' });
    expect((await loket.app.inject({ method: 'GET', url: `${BASIS}/klantreizen?email=anna%40example.nl`, headers: behandelaar.headers })).statusCode).toBe(403);
    const leeg = await loket.app.inject({ method: 'GET', url: `${BASIS}/klantreizen?email=niemand%40example.nl`, headers: kcc.headers });
    expect(leeg.json()).toMatchObject({ samenvatting: { contacten: 0, zaken: 0, herhaalcontacten: 0, eersteAntwoordMediaanUren: null }, stappen: [] });
  });
});

const get = (als: Ingelogd, url: string) => loket.app.inject({ method: 'GET', url, headers: als.headers });

describe('the journeys per product (ADR 0081)', () => {
  const STROMEN = `${BASIS}/klantreis-stromen`;

  it('count the journeys of a zaaktype in a period, with the contacts before them, for the KCC', async () => {
    const keuzes = await get(kcc, STROMEN);
    expect(keuzes.statusCode, keuzes.body).toBe(200);
    expect(keuzes.json().zaaktypen.map((z: { code: string }) => z.code)).toContain('e-mailvraag');
    const res = await get(kcc, `${STROMEN}/zaaktypen/e-mailvraag?periode=2026-11`);
    expect(res.statusCode, res.body).toBe(200);
    const stroom = res.json();
    // Anna's and Bert's e-mail zaken of 2 November, each after telephone calls of the same address in the 14 days before.
    expect(stroom.samenvatting).toMatchObject({ reizen: 2, afgesloten: 0, open: 2, metContactVooraf: 2, zonderContact: 0 });
    expect(stroom.kanalenVooraf).toEqual([{ kanaal: 'telefoon', reizen: 2 }]);
    expect(stroom.stappen.map((s: { sleutel: string; reizen: number }) => [s.sleutel, s.reizen])).toEqual([
      ['contact-voor', 2],
      ['zaak-geregistreerd', 2],
      ['bericht', 1],
    ]);
    expect(JSON.stringify(stroom)).not.toContain('example.nl');
  });

  it('refuses a bad or future period with every error (400), staff without the right (403), and an unknown product or zaaktype (404)', async () => {
    const fout = await get(kcc, `${STROMEN}/zaaktypen/e-mailvraag?periode=2026-13&extra=1`);
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams).toEqual([expect.objectContaining({ name: 'query.extra', code: 'onbekend-veld' })]);
    const ongeldig = await get(kcc, `${STROMEN}/zaaktypen/e-mailvraag?periode=2026-13`);
    expect(ongeldig.statusCode).toBe(400);
    expect(ongeldig.json().invalidParams[0]).toMatchObject({ name: 'query.periode', code: 'ongeldige-periode' });
    const toekomst = await get(kcc, `${STROMEN}/zaaktypen/e-mailvraag?periode=2027`);
    expect(toekomst.statusCode).toBe(400);
    expect(toekomst.json().invalidParams[0]).toMatchObject({ code: 'periode-in-de-toekomst' });
    expect((await get(kcc, `${STROMEN}/zaaktypen/e-mailvraag`)).json().invalidParams[0]).toMatchObject({ code: 'periode-ontbreekt' });
    expect((await get(kcc, `${STROMEN}/producten/Geen%20Code?periode=2026-11`)).statusCode).toBe(400);
    expect((await get(behandelaar, `${STROMEN}/zaaktypen/e-mailvraag?periode=2026-11`)).statusCode).toBe(403);
    expect((await get(behandelaar, STROMEN)).statusCode).toBe(403);
    expect((await get(kcc, `${STROMEN}/producten/bestaat-niet?periode=2026-11`)).statusCode).toBe(404);
    expect((await get(kcc, `${STROMEN}/zaaktypen/bestaat-niet?periode=2026-11`)).statusCode).toBe(404);
  });
});

const c = (id: string, onderwerp: string, op: string) => ({ id, onderwerp, op });

describe('herhaalcontacten', () => {
  it('are contacts about the same onderwerp within 7 days of an earlier one', () => {
    expect([...herhaalcontacten([c('a', 'Afval', '2026-01-01T10:00:00Z'), c('b', 'afval', '2026-01-08T10:00:00Z'), c('c', 'Afval', '2026-01-15T10:00:01Z'), c('d', 'Paspoort', '2026-01-02T10:00:00Z')])]).toEqual(['b']);
  });
});
