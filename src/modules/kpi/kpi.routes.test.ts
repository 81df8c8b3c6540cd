import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { registreerZaak, zaakActie, zaakDetail } from '../../../test/zaken.ts';

let loket: TestLoket;
let tim: Ingelogd;
let petra: Ingelogd;
let bo: Ingelogd;
const basis = '/api/v1/gemeenten/GM0384/kpis';
// Tuesday 14 April 2026, 11:00 in Amsterdam.
const NU = '2026-04-14T09:00:00Z';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  // One e-mail question received on Monday 2 March and answered on Friday 6 March (4 werkdagen later).
  const kees = await logInAls(loket, 'kcc@duoplus.demo');
  const zaak = await registreerZaak(loket.app, kees, { zaaktype: 'e-mailvraag', onderwerp: 'Vraag over de afvalkalender', kanaal: 'e-mail', ontvangstdatum: '2026-03-02' });
  loket.klok.zet('2026-03-06T09:00:00Z');
  const admin = await logInAls(loket, 'beheerder@duoplus.demo');
  const resultaattype = (await zaakDetail(loket.app, admin, zaak)).zaaktypeVersie.resultaattypen[0].id as string;
  await zaakActie(loket.app, admin, zaak, 'afsluiting', { resultaattype });
  loket.klok.zet(NU);
  tim = await logInAls(loket, 'teamleider@diemen.demo');
  petra = await logInAls(loket, 'pc@diemen.demo');
  bo = await logInAls(loket, 'behandelaar@diemen.demo');
}, 60_000);
afterAll(async () => loket.close());
beforeEach(() => loket.klok.zet(NU));

const get = (url: string, wie?: Ingelogd) => loket.app.inject({ method: 'GET', url, ...(wie ? { headers: wie.headers } : {}) });

describe('definities', () => {
  it('lists the definitions without login, each with its version, and one with every stored version', async () => {
    const lijst = await get('/api/v1/kpi-definities');
    expect(lijst.statusCode).toBe(200);
    const codes = lijst.json().items.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['zaken-binnen-norm', 'zaken-doorlooptijd-mediaan', 'zaken-doorlooptijd-p90', 'zaken-open-te-laat', 'email-binnen-5-werkdagen', 'zaken-vertraging-vooraf-gemeld']));
    const een = await get('/api/v1/kpi-definities/email-binnen-5-werkdagen');
    expect(een.statusCode).toBe(200);
    expect(een.json()).toMatchObject({ code: 'email-binnen-5-werkdagen', versie: 2, eenheid: 'procent', richting: 'hoger-is-beter', module: 'zaken', periode: { datum: 'ontvangen' } });
    expect(een.json().versies).toEqual([{ definitie: expect.objectContaining({ code: 'email-binnen-5-werkdagen', versie: 2 }), geregistreerdOp: expect.any(String) }]);
  });

  it('answers 404 problem+json for an unknown KPI', async () => {
    const res = await get('/api/v1/kpi-definities/bestaat-niet');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await get(`${basis}/bestaat-niet/waarden?periode=2026`, tim)).statusCode).toBe(404);
  });
});

  const fout = async (query: string) => {
    const res = await get(`${basis}/zaken-binnen-norm/waarden?${query}`, tim);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    return res.json().invalidParams.map((p: { name: string; code?: string }) => `${p.name}:${p.code ?? ''}`);
  };

describe('waarden', () => {
  it('gives a value with teller, noemer, period and the definition it used', async () => {
    const res = await get(`${basis}/email-binnen-5-werkdagen/waarden?periode=2026-Q1&uitsplitsing=zaaktype`, tim);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'email-binnen-5-werkdagen',
      naam: 'E-mail binnen 5 werkdagen afgehandeld',
      gemeente: 'GM0384',
      periode: { van: '2026-01-01', tot: '2026-03-31' },
      waarde: 100,
      teller: 1,
      noemer: 1,
      inBehandeling: 0,
      eenheid: 'procent',
      status: 'bekend',
      reden: null,
      // The demo's norm of Diemen (Jaarstukken 2023, indicator 2.2.1).
      norm: { waarde: 70, bron: expect.stringContaining('indicator 2.2.1'), geldigVanaf: '2023-01-01' },
      normGehaald: true,
      voorlopig: false,
      definitie: { code: 'email-binnen-5-werkdagen', versie: 2 },
      berekendOp: NU.replace('Z', '.000Z'),
      uitsplitsing: [{ zaaktype: 'e-mailvraag', waarde: 100, teller: 1, noemer: 1 }],
    });
  });

  it('says "niet bekend" with the reason when nothing counts, never a made-up number', async () => {
    const res = await get(`${basis}/zaken-doorlooptijd-mediaan/waarden?periodeVan=2026-01-01&periodeTot=2026-02-28`, tim);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'niet-bekend', waarde: null, teller: null, noemer: 0, reden: expect.stringContaining('geen zaken') });
  });

  it('refuses bad periods, an unknown zaaktype and unknown parameters with every reason', async () => {
    expect(await fout('periode=2026-13')).toEqual(['query.periode:ongeldige-periode']);
    expect(await fout('periode=2025-W53')).toEqual(['query.periode:ongeldige-periode']);
    expect(await fout('periode=2026-04-15')).toEqual(['query.periode:periode-in-de-toekomst']);
    expect(await fout('periode=2027')).toEqual(['query.periode:periode-in-de-toekomst']);
    expect(await fout('')).toEqual(['query.periode:periode-ontbreekt']);
    expect(await fout('periode=2026&periodeVan=2026-01-01')).toEqual(['query.periode:periode-dubbel']);
    expect(await fout('periodeVan=2026-03-02')).toEqual(['query.periodeTot:ongeldige-periode']);
    expect(await fout('periodeVan=2026-03-02&periodeTot=2026-03-01')).toEqual(['query.periodeTot:ongeldige-periode']);
    expect(await fout('periodeVan=2000-01-01&periodeTot=2026-01-01')).toEqual(['query.periodeVan:periode-te-lang']);
    expect(await fout('periode=2026&zaaktype=bestaat-niet')).toEqual(['query.zaaktype:onbekend-zaaktype']);
    expect((await fout('periode=2026&uitsplitsing=afdeling&onbekend=1')).toSorted()).toEqual(['query.onbekend:onbekend-veld', 'query.uitsplitsing:invalid_value']);
  });

  it('lets beheerders, teamleiders and P&C-adviseurs read values, not behandelaars or anonymous callers', async () => {
    expect((await get(`${basis}/zaken-binnen-norm/waarden?periode=2026`)).statusCode).toBe(401);
    expect((await get(`${basis}/zaken-binnen-norm/waarden?periode=2026`, bo)).statusCode).toBe(403);
    expect((await get(`${basis}/zaken-binnen-norm/waarden?periode=2026`, petra)).statusCode).toBe(200);
    expect((await get(`/api/v1/gemeenten/GM0437/kpis/zaken-binnen-norm/waarden?periode=2026`, tim)).statusCode).toBe(403);
  });
});

describe('normen', () => {
  it('records a dated norm of the gemeente, refuses a second one on the same date, and applies the norm of the period', async () => {
    const post = (wie: Ingelogd, body: Record<string, unknown>) => loket.app.inject({ method: 'POST', url: `${basis}/zaken-binnen-norm/normen`, headers: wie.headers, payload: body });
    const bron = 'Jaarstukken 2023, programma Samen besturen, indicator 2.2.1';
    const nieuw = await post(petra, { waarde: 70, bron, geldigVanaf: '2026-01-01' });
    expect(nieuw.statusCode, nieuw.body).toBe(201);
    expect(nieuw.json()).toEqual({ waarde: 70, bron, geldigVanaf: '2026-01-01' });
    expect((await post(petra, { waarde: 75, bron, geldigVanaf: '2026-01-01' })).statusCode).toBe(409);
    expect((await post(petra, { waarde: 80, bron: 'Kader voor dienstverlening', geldigVanaf: '2026-04-01' })).statusCode).toBe(201);
    expect((await post(tim, { waarde: 1, bron, geldigVanaf: '2026-05-01' })).statusCode).toBe(403);
    const ongeldig = await post(petra, { waarde: -1, bron: '', geldigVanaf: '2026-02-30', extra: 1 });
    expect(ongeldig.statusCode).toBe(400);
    expect(ongeldig.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['bron', 'extra', 'geldigVanaf', 'waarde']);

    const q1 = (await get(`${basis}/zaken-binnen-norm/waarden?periode=2026-Q1`, tim)).json();
    expect(q1).toMatchObject({ waarde: 100, norm: { waarde: 70, bron, geldigVanaf: '2026-01-01' }, normGehaald: true });
    const april = (await get(`${basis}/zaken-binnen-norm/waarden?periode=2026-04`, tim)).json();
    expect(april).toMatchObject({ norm: { waarde: 80, geldigVanaf: '2026-04-01' }, normGehaald: null, status: 'niet-bekend' });

    const kpis = (await get(basis, tim)).json().items.find((k: { code: string }) => k.code === 'zaken-binnen-norm');
    expect(kpis.geldendeNorm).toEqual({ waarde: 80, bron: 'Kader voor dienstverlening', geldigVanaf: '2026-04-01' });
    // The last one is the demo's (Kader voor dienstverlening).
    expect(kpis.normen.map((n: { geldigVanaf: string }) => n.geldigVanaf)).toEqual(['2026-04-01', '2026-01-01', '2023-01-01']);
    const audit = await loket.database.db.selectFrom('audit_log').select(['actie', 'object_id', 'resultaat']).where('actie', '=', 'kpi-norm-toevoegen').execute();
    expect(audit).toEqual(expect.arrayContaining([{ actie: 'kpi-norm-toevoegen', object_id: 'zaken-binnen-norm', resultaat: 'gelukt' }]));
  });
});

describe('the open KPI API and series (ADR 0067)', () => {
  it('lists every definition with the gemeente’s norms without login, and 404 for a gemeente that does not exist', async () => {
    const lijst = await get(basis);
    expect(lijst.statusCode, lijst.body).toBe(200);
    const codes = lijst.json().items.map((k: { code: string }) => k.code);
    expect(codes).toEqual(expect.arrayContaining(['email-binnen-5-werkdagen', 'kcc-binnen-30s', 'kcc-contactverzoeken-binnen-termijn']));
    const onbekend = await get('/api/v1/gemeenten/GM9999/kpis');
    expect(onbekend.statusCode).toBe(404);
    expect(onbekend.headers['content-type']).toContain('application/problem+json');
    expect((await get('/api/v1/gemeenten/GM9999/kpis/email-binnen-5-werkdagen?periode=2026-03')).statusCode).toBe(404);
  });

  it('gives a public KPI per month without login: known where it can be, "niet bekend" with the reason elsewhere, and no personal data', async () => {
    const res = await get(`${basis}/email-binnen-5-werkdagen?periode=2026-Q1&per=maand`);
    expect(res.statusCode, res.body).toBe(200);
    const reeks = res.json();
    expect(reeks).toMatchObject({ code: 'email-binnen-5-werkdagen', gemeente: 'GM0384', periode: { van: '2026-01-01', tot: '2026-03-31' }, per: 'maand', eenheid: 'procent', definitie: { versie: 2, publiek: true } });
    expect(reeks.waarden.map((w: { periode: { van: string; tot: string }; status: string; waarde: number | null; teller: number | null; noemer: number }) => [w.periode.van, w.periode.tot, w.status, w.waarde, w.teller, w.noemer])).toEqual([
      ['2026-01-01', '2026-01-31', 'niet-bekend', null, null, 0],
      ['2026-02-01', '2026-02-28', 'niet-bekend', null, null, 0],
      // Received Monday 2 March, closed Friday 6 March: within 5 werkdagen.
      ['2026-03-01', '2026-03-31', 'bekend', 100, 1, 1],
    ]);
    expect(reeks.waarden[0].reden).toEqual(expect.any(String));
    // Counts only: no zaak, person or staff member in the answer.
    expect(JSON.stringify(reeks)).not.toMatch(/ZAAK-|afvalkalender|@duoplus\.demo|@diemen\.demo/i);
  });

  it('refuses a KPI that is not public as unknown there, and a series too long, a period size unknown or in the future with every reason', async () => {
    const nietPubliek = await get(`${basis}/kcc-binnen-30s?periode=2026-Q1`);
    expect(nietPubliek.statusCode).toBe(404);
    expect(nietPubliek.json().detail).toContain('openbare KPI');
    const fout = async (query: string) => {
      const r = await get(`${basis}/email-binnen-5-werkdagen?${query}`);
      expect(r.statusCode, r.body).toBe(400);
      return r.json().invalidParams.map((p: { name: string; code?: string }) => `${p.name}:${p.code ?? ''}`);
    };
    expect(await fout('periode=2026&per=dag')).toEqual(['query.per:reeks-te-lang']);
    expect((await fout('periode=2026&per=uur&x=1')).toSorted()).toEqual(['query.per:invalid_value', 'query.x:onbekend-veld']);
    expect(await fout('periode=2027&per=maand')).toEqual(['query.periode:periode-in-de-toekomst']);
  });

  it('gives staff with kpiLezen the series of every KPI, cut at today, with a breakdown', async () => {
    expect((await get(`${basis}/kcc-binnen-30s/reeks?periode=2026-04&per=week`)).statusCode).toBe(401);
    expect((await get(`${basis}/kcc-binnen-30s/reeks?periode=2026-04&per=week`, bo)).statusCode).toBe(403);
    const res = await get(`${basis}/kcc-binnen-30s/reeks?periode=2026-04&per=week&uitsplitsing=wachtrij`, tim);
    expect(res.statusCode, res.body).toBe(200);
    // Today is Tuesday 14 April: weeks from Monday, the first and the last cut.
    expect(res.json().waarden.map((w: { periode: { van: string; tot: string }; voorlopig: boolean; uitsplitsing: unknown[] }) => [w.periode.van, w.periode.tot, w.voorlopig, w.uitsplitsing])).toEqual([
      ['2026-04-01', '2026-04-05', false, []],
      ['2026-04-06', '2026-04-12', false, []],
      ['2026-04-13', '2026-04-14', true, []],
    ]);
    expect(res.json().waarden[0]).toMatchObject({ status: 'niet-bekend', reden: 'Er zijn in deze periode geen gesprekken.', versheid: { bron: 'live' } });
    // The last three months up to today, the current one partial; `laatste` and a period together are refused.
    const laatste = await get(`${basis}/email-binnen-5-werkdagen/reeks?laatste=3&per=maand`, tim);
    expect(laatste.json().waarden.map((w: { periode: { van: string; tot: string } }) => [w.periode.van, w.periode.tot])).toEqual([
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-31'],
      ['2026-04-01', '2026-04-14'],
    ]);
    expect((await get(`${basis}/email-binnen-5-werkdagen/reeks?laatste=3&periode=2026`, tim)).json().invalidParams).toEqual([expect.objectContaining({ name: 'query.periode', code: 'periode-dubbel' })]);
    expect((await get(`${basis}/email-binnen-5-werkdagen/reeks?laatste=63`, tim)).json().invalidParams).toEqual([expect.objectContaining({ name: 'query.laatste' })]);
  });
});
