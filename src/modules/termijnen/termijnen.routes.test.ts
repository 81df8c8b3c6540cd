import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';

let loket: TestLoket;
let admin: Ingelogd;
const basis = '/api/v1/gemeenten/GM0437/sluitingsdagen';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00Z' });
  await laadDemo(loket);
  admin = await logInAls(loket, 'beheerder@duoplus.demo');
});
afterAll(async () => loket.close());

const get = (url: string, headers: Record<string, string> = {}) => loket.app.inject({ method: 'GET', url, headers });
const auditActies = async (gemeente: string) =>
  (await loket.database.db.selectFrom('audit_log').select(['actie', 'object_id']).where('gemeente', '=', gemeente).where('object_type', '=', 'sluitingsdag').orderBy('id').execute()).map(
    (r) => `${r.actie} ${r.object_id}`,
  );
// Each test keeps to its own gemeente: Ouder-Amstel (GM0437) starts without closure days and only the
// first test below adds some; Diemen (GM0384) has the demo's, which no test changes; the tests that
// add a day in Uithoorn (GM0451) remove it again.

describe('GET /api/v1/termijnen', () => {
  it('computes the examples of the issue without logging in', async () => {
    const res = await get('/api/v1/termijnen?startdatum=2025-11-14&duur=P6W');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      startdatum: '2025-11-14',
      duur: 'P6W',
      soort: 'wettelijk',
      einddatum: '2025-12-29',
      kalendereinde: '2025-12-26',
      verschoven: [
        { datum: '2025-12-26', reden: 'feestdag', naam: 'Tweede Kerstdag' },
        { datum: '2025-12-27', reden: 'zaterdag', naam: 'zaterdag' },
        { datum: '2025-12-28', reden: 'zondag', naam: 'zondag' },
      ],
      regel: expect.stringContaining('Algemene termijnenwet'),
      gemeente: null,
    });
    expect((await get('/api/v1/termijnen?startdatum=2027-02-15&duur=P6W')).json().einddatum).toBe('2027-03-30');
    const werk = (await get('/api/v1/termijnen?startdatum=2027-04-22&duur=5wd')).json();
    expect(werk).toMatchObject({ einddatum: '2027-04-30', soort: 'werkdagen', kalendereinde: null });
    expect(werk.verschoven.map((d: { datum: string; reden: string }) => `${d.datum} ${d.reden}`)).toEqual(['2027-04-24 zaterdag', '2027-04-25 zondag', '2027-04-27 feestdag']);
  });

  it('lists every invalid parameter at once, in Dutch', async () => {
    const res = await get('/api/v1/termijnen?startdatum=2027-02-29&duur=6W&gemeente=X');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const params = res.json().invalidParams as { name: string; reason: string }[];
    expect(params.map((p) => p.name).toSorted()).toEqual(['query.duur', 'query.gemeente', 'query.startdatum']);
    expect(params.find((p) => p.name === 'query.startdatum')?.reason).toBe('"2027-02-29" bestaat niet als datum.');
    expect(params.find((p) => p.name === 'query.duur')?.reason).toMatch(/^"6W" is geen duur/);

    const leeg = await get('/api/v1/termijnen');
    expect(leeg.statusCode).toBe(400);
    expect(leeg.json().invalidParams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'query.startdatum', reason: 'Vul de startdatum (JJJJ-MM-DD) in.' }),
        expect.objectContaining({ name: 'query.duur' }),
      ]),
    );
    expect((await get('/api/v1/termijnen?startdatum=14-11-2025&duur=P6W&extra=1')).json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual([
      'query.extra',
      'query.startdatum',
    ]);
  });

  it('names an unknown gemeente as an invalid parameter', async () => {
    const res = await get('/api/v1/termijnen?startdatum=2026-12-23&duur=3wd&gemeente=GM9999');
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams).toEqual([{ name: 'query.gemeente', code: 'onbekende-gemeente', reason: 'De gemeente GM9999 bestaat niet in deze installatie.' }]);
  });
});

describe('GET /api/v1/feestdagen', () => {
  it('lists the holidays of a year, and of this year without one', async () => {
    const res = await get('/api/v1/feestdagen?jaar=2027');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      jaar: 2027,
      items: [
        { datum: '2027-01-01', naam: 'Nieuwjaarsdag' },
        { datum: '2027-03-29', naam: 'Tweede Paasdag' },
        { datum: '2027-04-27', naam: 'Koningsdag' },
        { datum: '2027-05-05', naam: 'Bevrijdingsdag' },
        { datum: '2027-05-06', naam: 'Hemelvaartsdag' },
        { datum: '2027-05-17', naam: 'Tweede Pinksterdag' },
        { datum: '2027-12-25', naam: 'Eerste Kerstdag' },
        { datum: '2027-12-26', naam: 'Tweede Kerstdag' },
      ],
    });
    // The test clock stands at 23 November 2026; at 23:30 UTC on 31 December it is already 2027 in Amsterdam.
    expect((await get('/api/v1/feestdagen')).json().jaar).toBe(2026);
    const klok = loket.klok.nu();
    loket.klok.zet('2026-12-31T23:30:00Z');
    expect((await get('/api/v1/feestdagen')).json().jaar).toBe(2027);
    loket.klok.zet(klok);
    const fout = await get('/api/v1/feestdagen?jaar=twintig');
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams[0]).toMatchObject({ name: 'query.jaar', reason: 'Geef een jaartal, bijvoorbeeld 2026.' });
    expect((await get('/api/v1/feestdagen?jaar=3000')).statusCode).toBe(400);
  });
});

describe('sluitingsdagen', () => {
  it('lets a beheerder add closure days, which then count in werkdagen but not in statutory terms', async () => {
    const voor = (await get('/api/v1/termijnen?startdatum=2026-12-23&duur=3wd&gemeente=GM0437')).json();
    expect(voor).toMatchObject({ einddatum: '2026-12-29', gemeente: 'GM0437' });

    const res = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { datum: '2026-12-28', naam: '  Collectieve sluiting ' } });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(`${basis}/2026-12-28`);
    expect(res.json()).toEqual({ datum: '2026-12-28', naam: 'Collectieve sluiting' });
    expect((await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { datum: '2027-05-07', naam: 'Dag na Hemelvaart' } })).statusCode).toBe(201);

    const na = (await get('/api/v1/termijnen?startdatum=2026-12-23&duur=3wd&gemeente=GM0437')).json();
    expect(na.einddatum).toBe('2026-12-30');
    expect(na.verschoven).toContainEqual({ datum: '2026-12-28', reden: 'sluitingsdag', naam: 'Collectieve sluiting' });
    // Without the gemeente, or in another gemeente, the closure day does not count.
    expect((await get('/api/v1/termijnen?startdatum=2026-12-23&duur=3wd')).json().einddatum).toBe('2026-12-29');
    expect((await get('/api/v1/termijnen?startdatum=2026-12-23&duur=3wd&gemeente=GM0451')).json().einddatum).toBe('2026-12-29');
    // A statutory term ignores closure days: Wed 23 Dec + 5 days = Mon 28 Dec, a closure day, stays the end.
    expect((await get('/api/v1/termijnen?startdatum=2026-12-23&duur=P5D&gemeente=GM0437')).json()).toMatchObject({ einddatum: '2026-12-28', verschoven: [] });
    // Closure days of a later year count too (Ascension Day 6 May 2027, closure day 7 May).
    expect((await get('/api/v1/termijnen?startdatum=2027-05-05&duur=2wd&gemeente=GM0437')).json().einddatum).toBe('2027-05-11');

    const lijst = await get(`${basis}?jaar=2026`, admin.headers);
    expect(lijst.statusCode).toBe(200);
    expect(lijst.json()).toMatchObject({ items: [{ datum: '2026-12-28', naam: 'Collectieve sluiting' }], total: 1 });
    expect((await get(basis, admin.headers)).json().total).toBe(2);
    expect((await get(`${basis}/2026-12-28`, admin.headers)).json()).toEqual({ datum: '2026-12-28', naam: 'Collectieve sluiting' });
    expect(await auditActies('GM0437')).toEqual(['sluitingsdag-toevoegen 2026-12-28', 'sluitingsdag-toevoegen 2027-05-07']);
  });

  it('refuses a duplicate (409), a weekend day or holiday, and invalid input, changing nothing', async () => {
    // Diemen's demo data has a closure day on 28 December 2026.
    const basis = '/api/v1/gemeenten/GM0384/sluitingsdagen';
    const totaal = (await get(basis, admin.headers)).json().total as number;
    const acties = await auditActies('GM0384');
    const dubbel = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { datum: '2026-12-28', naam: 'Nog eens' } });
    expect(dubbel.statusCode).toBe(409);
    expect(dubbel.json().type).toBe('urn:loket:problem:sluitingsdag-bestaat');

    const kerst = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { datum: '2026-12-25', naam: 'Kerst' } });
    expect(kerst.statusCode).toBe(400);
    expect(kerst.json().invalidParams).toEqual([{ name: 'datum', code: 'al-vrij', reason: '2026-12-25 is al een feestdag (Eerste Kerstdag); een sluitingsdag is dan niet nodig.' }]);
    const zaterdag = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { datum: '2026-12-19', naam: 'Zaterdag' } });
    expect(zaterdag.json().invalidParams[0].reason).toMatch(/al een zaterdag/);

    const fout = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { datum: '2026-02-30', naam: '' } });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'datum', reason: '"2026-02-30" bestaat niet als datum.' }),
        expect.objectContaining({ name: 'naam', reason: 'Vul een naam in.' }),
      ]),
    );
    expect((await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: {} })).json().invalidParams).toHaveLength(2);
    expect((await get(basis, admin.headers)).json().total).toBe(totaal);
    expect(await auditActies('GM0384')).toEqual(acties);
  });

  it('lets every role of the gemeente read, only a beheerder change, and removes with 204 then 404', async () => {
    const basis = '/api/v1/gemeenten/GM0451/sluitingsdagen';
    const totaal = (await get(basis, admin.headers)).json().total as number;
    expect((await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { datum: '2026-12-28', naam: 'Collectieve sluiting' } })).statusCode).toBe(201);
    expect((await get('/api/v1/termijnen?startdatum=2026-12-23&duur=3wd&gemeente=GM0451')).json().einddatum).toBe('2026-12-30');
    const kcc = await logInAls(loket, 'kcc@duoplus.demo');
    expect((await get(basis, kcc.headers)).statusCode).toBe(200);
    expect((await loket.app.inject({ method: 'POST', url: basis, headers: kcc.headers, payload: { datum: '2026-12-29', naam: 'X' } })).statusCode).toBe(403);
    expect((await loket.app.inject({ method: 'DELETE', url: `${basis}/2026-12-28`, headers: kcc.headers })).statusCode).toBe(403);
    const behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
    expect((await get(basis, behandelaar.headers)).statusCode).toBe(403);
    expect((await get(basis)).statusCode).toBe(401);

    expect((await loket.app.inject({ method: 'DELETE', url: `${basis}/2026-12-28`, headers: admin.headers })).statusCode).toBe(204);
    expect((await loket.app.inject({ method: 'DELETE', url: `${basis}/2026-12-28`, headers: admin.headers })).statusCode).toBe(404);
    expect((await get(`${basis}/2026-12-28`, admin.headers)).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'DELETE', url: `${basis}/2026-13-01`, headers: admin.headers })).statusCode).toBe(400);
    expect((await get('/api/v1/termijnen?startdatum=2026-12-23&duur=3wd&gemeente=GM0451')).json().einddatum).toBe('2026-12-29');
    expect((await get(basis, admin.headers)).json().total).toBe(totaal);
    expect((await auditActies('GM0451')).filter((a) => a.endsWith(' 2026-12-28'))).toEqual(['sluitingsdag-toevoegen 2026-12-28', 'sluitingsdag-verwijderen 2026-12-28']);
  });

  it('gives Diemen demo closure days: the Friday after Ascension Day and between Christmas and New Year', async () => {
    const res = await get('/api/v1/gemeenten/GM0384/sluitingsdagen?jaar=2026', admin.headers);
    expect(res.json().items).toEqual([
      { datum: '2026-05-15', naam: 'Vrijdag na Hemelvaartsdag' },
      ...['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'].map((datum) => ({ datum, naam: 'Collectieve sluiting' })),
    ]);
    expect((await get('/api/v1/gemeenten/GM0384/sluitingsdagen?jaar=2027', admin.headers)).json().items.map((d: { datum: string }) => d.datum)).toEqual([
      '2027-05-07',
      '2027-12-27',
      '2027-12-28',
      '2027-12-29',
      '2027-12-30',
      '2027-12-31',
    ]);
    // Wed 23 Dec 2026 + 3 werkdagen in Diemen: Thu 24, then closed until Mon 4 Jan 2027, Tue 5 Jan.
    const termijn = (await get('/api/v1/termijnen?startdatum=2026-12-23&duur=3wd&gemeente=GM0384')).json();
    expect(termijn.einddatum).toBe('2027-01-05');
    expect(termijn.verschoven.map((d: { datum: string; reden: string }) => `${d.datum} ${d.reden}`)).toEqual([
      '2026-12-25 feestdag',
      '2026-12-26 feestdag',
      '2026-12-27 zondag',
      '2026-12-28 sluitingsdag',
      '2026-12-29 sluitingsdag',
      '2026-12-30 sluitingsdag',
      '2026-12-31 sluitingsdag',
      '2027-01-01 feestdag',
      '2027-01-02 zaterdag',
      '2027-01-03 zondag',
    ]);
  });

  it('forgets the closure days it keeps for a moment as soon as they change here', async () => {
    const alle = async () => [...(await loket.services.termijnen.sluitingsdagen('GM0451')).keys()];
    const voor = await alle();
    expect(await alle()).toEqual(voor);
    const erbij = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0451/sluitingsdagen', headers: admin.headers, payload: { datum: '2032-06-11', naam: 'Verhuizing' } });
    expect(erbij.statusCode, erbij.body).toBe(201);
    expect(await alle()).toContain('2032-06-11');
    const weg = await loket.app.inject({ method: 'DELETE', url: '/api/v1/gemeenten/GM0451/sluitingsdagen/2032-06-11', headers: admin.headers });
    expect(weg.statusCode).toBe(204);
    expect(await alle()).toEqual(voor);
  });

  it("answers 404 for another gemeente's closure day", async () => {
    // 7 May 2027 is one of Diemen's demo closure days.
    const uithoorn = '/api/v1/gemeenten/GM0451/sluitingsdagen/2027-05-07';
    expect((await get(uithoorn, admin.headers)).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'DELETE', url: uithoorn, headers: admin.headers })).statusCode).toBe(404);
    expect((await get('/api/v1/gemeenten/GM0384/sluitingsdagen/2027-05-07', admin.headers)).statusCode).toBe(200);
  });
});
