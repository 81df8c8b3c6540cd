/**
 * The zaken behind a KPI value (ADR 0082), on hand-made zaken on top of the demo: the list counts
 * exactly the value's teller and noemer for several KPIs and periods, a zaak closed just after
 * midnight in Amsterdam falls in the next period, a suspended zaak is not late, a confidential
 * zaak is counted but not listed for who may not see it, and what is shown is logged.
 *
 * Now is Tuesday 7 April 2026, 11:00 in Amsterdam (summer time since 29 March).
 *
 * | zaak | zaaktype | kanaal | ontvangen | what happens |
 * |---|---|---|---|---|
 * | A | e-mailvraag | e-mail | 2 Mar | closed 31 Mar 22:30 UTC = 1 Apr 00:30 in Amsterdam (past its 5 werkdagen) |
 * | B | e-mailvraag, vertrouwelijk (team KCC) | e-mail | 2 Mar | closed 4 Mar |
 * | C | melding-openbare-ruimte | app | 2 Mar | suspended 4 Mar, still suspended |
 * | D | melding-openbare-ruimte | app | 2 Mar | open, deadline 16 Mar passed |
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import type { Wie } from '../zaken/zaken.service.ts';

let loket: TestLoket;
let bea: Ingelogd;
let tim: Ingelogd;
let petra: Ingelogd;
let bo: Ingelogd;
const G = 'GM0384';
const basis = `/api/v1/gemeenten/${G}/kpis`;
const NU = '2026-04-07T09:00:00Z';
const zaken: Record<'A' | 'B' | 'C' | 'D', { id: string; identificatie: string }> = {} as never;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-02-01T09:00:00Z' });
  await laadDemo(loket);
  const admin: Wie = await demoWie(loket, 'beheerder@duoplus.demo');
  const s = loket.services.zaken;
  const op = (tijd: string) => loket.klok.zet(tijd);
  const registreer = async (zaaktype: string, kanaal: 'e-mail' | 'app', onderwerp: string, vertrouwelijk = false) =>
    (await s.registreer(admin, G, { zaaktype, kanaal, ontvangstdatum: '2026-03-02', onderwerp, ...(vertrouwelijk ? { vertrouwelijkheid: 'vertrouwelijk' as const } : {}) })).zaak;
  const sluit = async (z: { id: string }) => {
    const d = await s.detail(admin, G, z.id, { loggen: false });
    await s.sluitAf(admin, G, z.id, d.versie, { resultaattype: d.zaaktypeVersie.resultaattypen[0]?.id ?? '' });
  };
  op('2026-03-02T09:00:00Z');
  zaken.A = await registreer('e-mailvraag', 'e-mail', 'Vraag over de afvalkalender');
  zaken.B = await registreer('e-mailvraag', 'e-mail', 'Vraag over een persoonlijke situatie', true);
  zaken.C = await registreer('melding-openbare-ruimte', 'app', 'Losse stoeptegel');
  zaken.D = await registreer('melding-openbare-ruimte', 'app', 'Kapotte lantaarnpaal');
  op('2026-03-04T10:00:00Z');
  await sluit(zaken.B);
  await s.schortOp(admin, G, zaken.C.id, (await s.detail(admin, G, zaken.C.id, { loggen: false })).versie, { reden: 'Foto van de plek nodig' });
  op('2026-03-31T22:30:00Z');
  await sluit(zaken.A);
  op(NU);
  bea = await logInAls(loket, 'beheerder@duoplus.demo');
  tim = await logInAls(loket, 'teamleider@diemen.demo');
  petra = await logInAls(loket, 'pc@diemen.demo');
  bo = await logInAls(loket, 'behandelaar@diemen.demo');
}, 120_000);
afterAll(async () => loket?.close());

const get = (url: string, wie?: Ingelogd, accept?: string) => loket.app.inject({ method: 'GET', url, headers: { ...wie?.headers, ...(accept ? { accept } : {}) } });

interface Lijst {
  geteld: number;
  verborgen: number;
  total: number;
  items: { id: string; identificatie: string; teller: boolean | null; datum: string; waarde: number | null }[];
}

async function lijst(kpi: string, query: string, wie: Ingelogd = bea): Promise<Lijst> {
  const res = await get(`${basis}/${kpi}/zaken?${query}&pageSize=100`, wie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function waarde(kpi: string, query: string) {
  const res = await get(`${basis}/${kpi}/waarden?${query}`, tim);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { teller: number | null; noemer: number; uitsplitsing?: { zaaktype: string; teller: number | null; noemer: number }[] };
}

describe('the zaken behind a value', () => {
  const gevallen: [string, string][] = [
    ['zaken-binnen-norm', 'periode=2026-03'],
    ['zaken-binnen-norm', 'periode=2026-04'],
    ['zaken-binnen-norm', 'periode=2026-Q1'],
    ['zaken-doorlooptijd-mediaan', 'periode=2026-03'],
    ['zaken-doorlooptijd-p90', 'periodeVan=2026-03-01&periodeTot=2026-04-07'],
    ['zaken-open-te-laat', 'periode=2026-03'],
    ['zaken-open-te-laat', 'periode=2026-04'],
    ['zaken-opschortingen', 'periode=2026-03'],
    ['zaken-verlengingen', 'periode=2026'],
    ['email-binnen-5-werkdagen', 'periode=2026-03'],
    ['email-binnen-5-werkdagen', 'periode=2026-W10'],
    ['zaken-vertraging-vooraf-gemeld', 'periode=2026-03'],
    ['zaken-vertraging-vooraf-gemeld', 'periode=2026-Q1'],
    ['klachten-gegrond', 'periode=2026'],
    ['bezwaren-beslist-binnen-termijn', 'periode=2026'],
  ];
  it.each(gevallen)('%s over %s: the list counts the noemer and the teller of the value', async (kpi, periode) => {
    const w = await waarde(kpi, periode);
    const noemer = await lijst(kpi, `${periode}&deel=noemer`);
    expect(noemer.geteld).toBe(w.noemer);
    // The beheerder sees every zaak: nothing hidden, every counted row listed.
    expect(noemer).toMatchObject({ verborgen: 0, total: w.noemer });
    expect(noemer.items).toHaveLength(Math.min(100, w.noemer));
    if (w.teller !== null) {
      const teller = await lijst(kpi, `${periode}&deel=teller`);
      expect(teller.geteld).toBe(w.teller);
      expect(teller.items.every((z) => z.teller === true)).toBe(true);
    }
  });

  it('counts every cell of the breakdown per zaaktype with the zaaktype as selection', async () => {
    const w = await waarde('zaken-binnen-norm', 'periode=2026-Q1&uitsplitsing=zaaktype');
    expect(w.uitsplitsing?.length).toBeGreaterThan(0);
    for (const cel of w.uitsplitsing ?? []) {
      expect((await lijst('zaken-binnen-norm', `periode=2026-Q1&zaaktype=${cel.zaaktype}`)).geteld, cel.zaaktype).toBe(cel.noemer);
      expect((await lijst('zaken-binnen-norm', `periode=2026-Q1&zaaktype=${cel.zaaktype}&deel=teller`)).geteld, cel.zaaktype).toBe(cel.teller);
    }
  });

  it('puts a zaak closed at 00:30 on 1 April in Amsterdam in April, not in March', async () => {
  const ids = async (query: string) => (await lijst('zaken-binnen-norm', query)).items.map((z) => z.identificatie);
    expect(await ids('periode=2026-03-31')).not.toContain(zaken.A.identificatie);
    expect(await ids('periode=2026-04-01')).toContain(zaken.A.identificatie);
    const april = await lijst('zaken-binnen-norm', 'periode=2026-04');
    expect(april.items.find((z) => z.identificatie === zaken.A.identificatie)).toMatchObject({ datum: '2026-04-01', teller: false });
    // Its lead time: werkdagen after 2 March up to 1 April (no holidays in between): 22.
    const doorlooptijd = await lijst('zaken-doorlooptijd-mediaan', 'periode=2026-04-01');
    expect(doorlooptijd.items.find((z) => z.identificatie === zaken.A.identificatie)?.waarde).toBe(22);
  });

  it('counts a suspended open zaak as open but not as late', async () => {
    const noemer = (await lijst('zaken-open-te-laat', 'periode=2026-04')).items.map((z) => z.identificatie);
    const teller = (await lijst('zaken-open-te-laat', 'periode=2026-04&deel=teller')).items.map((z) => z.identificatie);
    expect(noemer).toEqual(expect.arrayContaining([zaken.C.identificatie, zaken.D.identificatie]));
    expect(teller).toContain(zaken.D.identificatie);
    expect(teller).not.toContain(zaken.C.identificatie);
    // The suspension itself is one row of zaken-opschortingen in March, on the day it began.
    const opschortingen = await lijst('zaken-opschortingen', 'periode=2026-03');
    expect(opschortingen.items.filter((z) => z.identificatie === zaken.C.identificatie)).toEqual([expect.objectContaining({ datum: '2026-03-04', teller: null })]);
  });

  it('counts a confidential zaak the teamleider may not see, does not list it, says how many, and logs what is shown', async () => {
    const w = await waarde('email-binnen-5-werkdagen', 'periode=2026-03');
    const alles = await lijst('email-binnen-5-werkdagen', 'periode=2026-03');
    expect(alles.items.map((z) => z.identificatie)).toEqual(expect.arrayContaining([zaken.A.identificatie, zaken.B.identificatie]));
    const voorTim = await lijst('email-binnen-5-werkdagen', 'periode=2026-03', tim);
    expect(voorTim.geteld).toBe(w.noemer);
    expect(voorTim.items.map((z) => z.identificatie)).not.toContain(zaken.B.identificatie);
    expect(voorTim.verborgen).toBeGreaterThanOrEqual(1);
    expect(voorTim.total + voorTim.verborgen).toBe(voorTim.geteld);
    const log = await loket.database.db.selectFrom('verwerking_log').select(['naam', 'betrokkene_id']).where('gemeente', '=', G).where('naam', '=', 'kpi-zaken-bekijken').execute();
    const gelogd = new Set(log.map((r) => r.betrokkene_id));
    expect(gelogd.has(zaken.A.id)).toBe(true);
    // B was logged for the beheerder who saw it; Tim's list did not show it, so only a log row per shown zaak.
    expect(voorTim.items.every((z) => gelogd.has(z.id))).toBe(true);
  });

  it('pages the visible zaken with links, and counts the same on every page', async () => {
    const eerste = await get(`${basis}/email-binnen-5-werkdagen/zaken?periode=2026-03&pageSize=1`, bea);
    expect(eerste.statusCode, eerste.body).toBe(200);
    const body = eerste.json();
    expect(body.items).toHaveLength(1);
    expect(body._links.next.href).toContain('page=2');
    const tweede = await get(body._links.next.href, bea);
    expect(tweede.json()).toMatchObject({ page: 2, geteld: body.geteld, total: body.total });
    expect(tweede.json().items[0].id).not.toBe(body.items[0].id);
  });

  it('says whether a KPI has a list of zaken', async () => {
    const res = await get(basis);
    const items = res.json().items as { code: string; zakenLijst: boolean }[];
    expect(items.find((k) => k.code === 'zaken-binnen-norm')?.zakenLijst).toBe(true);
    expect(items.find((k) => k.code === 'kcc-binnen-30s')?.zakenLijst).toBe(false);
  });
});

describe('CSV', () => {
  it('gives the zaken behind a value as CSV: every zaak the reader may see, no pages', async () => {
    const res = await get(`${basis}/email-binnen-5-werkdagen/zaken?periode=2026-03&pageSize=1`, tim, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="email-binnen-5-werkdagen-2026-03-01-2026-03-31-noemer.csv"');
    const regels = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(regels[0]).toBe('kpi;periodeVan;periodeTot;deel;zaak;zaaktype;onderwerp;datum;teller;waarde;ontvangstdatum;afgeslotenOp;uiterlijkeEinddatum;opgeschort;team');
    const json = await lijst('email-binnen-5-werkdagen', 'periode=2026-03', tim);
    expect(regels).toHaveLength(1 + json.total);
    expect(res.body).toContain(zaken.A.identificatie);
    expect(res.body).not.toContain(zaken.B.identificatie);
  });

  it('gives a series and a breakdown as CSV with the same numbers as the JSON', async () => {
    const reeks = await get(`${basis}/zaken-binnen-norm/reeks?periode=2026-Q1&per=maand`, tim, 'text/csv');
    expect(reeks.statusCode, reeks.body).toBe(200);
    const json = (await get(`${basis}/zaken-binnen-norm/reeks?periode=2026-Q1&per=maand`, tim)).json();
    const regels = reeks.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(regels[0]).toBe('kpi;versie;gemeente;periodeVan;periodeTot;voorlopig;waarde;eenheid;teller;noemer;status;reden;inBehandeling;normGehaald;norm');
    expect(regels).toHaveLength(4);
    expect(regels[3]?.split(';').slice(3, 10)).toEqual(['2026-03-01', '2026-03-31', 'nee', String(json.waarden[2].waarde ?? ''), 'procent', String(json.waarden[2].teller), String(json.waarden[2].noemer)]);
    const uitsplitsing = await get(`${basis}/zaken-binnen-norm/waarden?periode=2026-Q1&uitsplitsing=zaaktype`, tim, 'text/csv');
    const w = await waarde('zaken-binnen-norm', 'periode=2026-Q1&uitsplitsing=zaaktype');
    const rijen = uitsplitsing.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rijen).toHaveLength(2 + (w.uitsplitsing?.length ?? 0));
    expect(rijen[2]?.split(';').slice(5, 7)).toEqual(['zaaktype', w.uitsplitsing?.[0]?.zaaktype]);
  });
});

async function fout(url: string, wie: Ingelogd = tim) {
  const res = await get(url, wie);
  return { status: res.statusCode, type: res.headers['content-type'], body: res.json() as { invalidParams?: { name: string; code?: string }[] } };
}

describe('bad input and rights', () => {

  it('answers 400 with every error for a bad query', async () => {
    const r = await fout(`${basis}/zaken-binnen-norm/zaken?periode=2026-13&deel=beide&pageSize=500`);
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(r.body.invalidParams?.map((p) => p.name)).toEqual(expect.arrayContaining(['query.deel', 'query.pageSize']));
    expect((await fout(`${basis}/zaken-binnen-norm/zaken?periode=2026-13`)).body.invalidParams?.[0]?.name).toBe('query.periode');
    expect((await fout(`${basis}/zaken-binnen-norm/zaken`)).body.invalidParams?.[0]?.code).toBe('periode-ontbreekt');
    expect((await fout(`${basis}/zaken-binnen-norm/zaken?periode=2027`)).body.invalidParams?.[0]?.code).toBe('periode-in-de-toekomst');
    expect((await fout(`${basis}/zaken-binnen-norm/zaken?periode=2026&zaaktype=bestaat-niet`)).body.invalidParams?.[0]?.code).toBe('onbekend-zaaktype');
    expect((await fout(`${basis}/zaken-binnen-norm/zaken?periode=2026&wachtrij=Algemeen`)).body.invalidParams?.[0]?.code).toBe('selectie-kan-niet');
    expect((await fout(`${basis}/zaken-binnen-norm/zaken?periode=2026&uitsplitsing=zaaktype`)).status).toBe(400);
    // A measure that is not a fraction has no teller.
    const geenTeller = await fout(`${basis}/zaken-opschortingen/zaken?periode=2026&deel=teller`);
    expect(geenTeller.status).toBe(400);
    expect(geenTeller.body.invalidParams?.[0]).toMatchObject({ name: 'query.deel', code: 'geen-teller' });
  });

  it('answers 404 for an unknown KPI and for one that counts no zaken', async () => {
    expect((await fout(`${basis}/bestaat-niet/zaken?periode=2026`)).status).toBe(404);
    const kcc = await fout(`${basis}/kcc-binnen-30s/zaken?periode=2026`);
    expect(kcc.status).toBe(404);
    expect(kcc.type).toContain('application/problem+json');
  });

  it('is for teamleiders and beheerders: 401 without login, 403 for the pc-adviseur and a behandelaar', async () => {
    expect((await get(`${basis}/zaken-binnen-norm/zaken?periode=2026`)).statusCode).toBe(401);
    expect((await get(`${basis}/zaken-binnen-norm/zaken?periode=2026`, petra)).statusCode).toBe(403);
    expect((await get(`${basis}/zaken-binnen-norm/zaken?periode=2026`, bo)).statusCode).toBe(403);
    expect((await get(`/api/v1/gemeenten/GM0437/kpis/zaken-binnen-norm/zaken?periode=2026`, tim)).statusCode).toBe(403);
  });
});
