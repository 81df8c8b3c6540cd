import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';

let loket: TestLoket;
let beheerder: Ingelogd;
let teamleider: Ingelogd;
let kcc: Ingelogd;
let volgnummer = 0;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  teamleider = await logInAls(loket, 'teamleider@diemen.demo');
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
});
afterAll(async () => loket.close());

const KOP = 'gesprek_id;wachtrij;begin;wachttijd_s;afloop;gespreksduur_s;doorverbonden_naar';
const pad = (gemeente = 'GM0384', query = '') => `/api/v1/gemeenten/${gemeente}/kcc-gesprekken${query}`;
/** Ids of its own for each test: the gemeenten are shared by the tests of this file. */
const id = () => `t${++volgnummer}-${Date.now()}`;

function stuur(wie: Ingelogd, inhoud: string | Buffer, opties: { gemeente?: string; query?: string; type?: string } = {}) {
  return loket.app.inject({ method: 'POST', url: pad(opties.gemeente, opties.query), headers: { ...wie.headers, 'content-type': opties.type ?? 'text/csv; charset=utf-8' }, payload: inhoud });
}

async function auditVan(actie: string) {
  const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/audit-log?pageSize=100', headers: beheerder.headers });
  return res.json().items.filter((r: { actie: string }) => r.actie === actie);
}

describe('POST …/kcc-gesprekken', () => {
  it('imports the CSV, reports bad lines with their line numbers, and adds nothing the second time', async () => {
    const [a, b, c, wachtrij] = [id(), id(), id(), id()];
    const bestand = [KOP, `${a};${wachtrij};2026-03-01 00:30;12;beantwoord;300;`, `${b};${wachtrij};2026-03-01T09:00:00+01:00;7;opgehangen;0;`, `${c};${wachtrij};2026-03-01T09:00:00Z;-4;opgehangen;0;`, ''].join('\r\n');
    const eerste = await stuur(teamleider, bestand);
    expect(eerste.statusCode, eerste.body).toBe(200);
    expect(eerste.json()).toEqual({ gelezen: 3, nieuw: 2, alBekend: 0, fouten: [{ regel: 4, reden: 'wachttijd_s is -4: een aantal seconden kan niet negatief zijn.' }] });
    const tweede = await stuur(teamleider, bestand);
    expect(tweede.json()).toEqual({ gelezen: 3, nieuw: 0, alBekend: 2, fouten: [{ regel: 4, reden: 'wachttijd_s is -4: een aantal seconden kan niet negatief zijn.' }] });
    // The measures see each call once, on its Amsterdam date: a within 30 s, b abandoned after 7 s.
    const maart = await loket.services.kccGesprekken.maten.binnen30s({ gemeente: 'GM0384', van: '2026-03-01', tot: '2026-03-01', wachtrij });
    expect(maart[0]).toMatchObject({ teller: 1, noemer: 2, waarde: 50 });
    const audit = await auditVan('kcc-gesprekken-importeren');
    expect(audit.some((r: { details: Record<string, unknown>; resultaat: string; actorNaam: string }) => r.resultaat === 'gelukt' && r.details.nieuw === 2 && r.details.gelezen === 3 && r.details.fouten === 1)).toBe(true);
  });

  it('with strikt=true refuses the whole file for one bad line: 400 with every bad line, nothing stored', async () => {
    const [a, b, wachtrij] = [id(), id(), id()];
    const bestand = [KOP, `${a};${wachtrij};2026-03-03T09:00:00Z;12;beantwoord;300;`, `${b};${wachtrij};2026-03-29 02:30;7;opgehangen;0;`].join('\n');
    const res = await stuur(beheerder, bestand, { query: '?strikt=true' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, type: 'urn:loket:problem:gesprekken-geweigerd', gelezen: 2, invalidParams: [{ name: 'regel.3', code: 'ongeldige-regel', reason: expect.stringContaining('bestaat niet in Nederland') }] });
    const telling = await loket.services.kccGesprekken.maten.tellingen({ gemeente: 'GM0384', van: '2026-03-03', tot: '2026-03-03', wachtrij });
    expect(telling[0]?.totaal).toBe(0);
    // Without strikt the good line goes in.
    expect((await stuur(beheerder, bestand)).json()).toMatchObject({ gelezen: 2, nieuw: 1, alBekend: 0 });
  });

  it('refuses a wrong header, bytes that are not UTF-8 and another charset, with a clear 400 or 415', async () => {
    const kop = await stuur(teamleider, 'id,queue,start\n1,a,b\n');
    expect(kop.statusCode).toBe(400);
    expect(kop.json()).toMatchObject({ gelezen: 0, detail: 'De kop van het bestand klopt niet. Er is niets opgeslagen.', invalidParams: [{ name: 'regel.1', code: 'ongeldige-kop', reason: expect.stringMatching(/^De kop mist de kolommen gesprek_id, wachtrij, begin, .* Gevonden: id, queue, start\.$/) }] });
    const leeg = await stuur(teamleider, '');
    expect(leeg.statusCode).toBe(400);
    expect(leeg.json().invalidParams[0]).toMatchObject({ name: 'regel.1', reason: expect.stringMatching(/^Regel 1 is leeg/) });
    const latin1 = await stuur(teamleider, Buffer.concat([Buffer.from(`${KOP}\n${id()};Caf`), Buffer.from([0xe9]), Buffer.from(';2026-03-01T09:00:00Z;1;beantwoord;1;\n')]));
    expect(latin1.statusCode).toBe(400);
    expect(latin1.json().invalidParams[0]).toMatchObject({ name: 'regel.2', reason: expect.stringContaining('geen UTF-8') });
    expect((await stuur(teamleider, `${KOP}\n`, { type: 'text/csv; charset=iso-8859-1' })).statusCode).toBe(415);
    expect((await stuur(teamleider, `${KOP}\n`, { type: 'text/plain; charset=utf-8' })).statusCode).toBe(415);
    const json = await loket.app.inject({ method: 'POST', url: pad(), headers: { ...teamleider.headers, 'content-type': 'application/json' }, payload: { regels: [] } });
    expect(json.statusCode).toBe(415);
    // A header without data is a file with nothing in it.
    expect((await stuur(teamleider, `${KOP}\n`, { type: 'text/csv' })).json()).toEqual({ gelezen: 0, nieuw: 0, alBekend: 0, fouten: [] });
  });

  it('reads other column names given as query parameters, like the mapping file', async () => {
    const a = id();
    const bestand = `CallID,Queue,Start,Wait,Result,Talk,Transfer\n${a},Vergunningen,2026-03-04T10:00:00+01:00,45,beantwoord,100,\n`;
    const query = '?gesprek_id=CallID&wachtrij=Queue&begin=Start&wachttijd_s=Wait&afloop=Result&gespreksduur_s=Talk&doorverbonden_naar=Transfer';
    expect((await stuur(teamleider, bestand, { query })).json()).toEqual({ gelezen: 1, nieuw: 1, alBekend: 0, fouten: [] });
    const dubbel = await stuur(teamleider, bestand, { query: '?begin=Start&afloop=start' });
    expect(dubbel.statusCode).toBe(400);
    expect(dubbel.json().invalidParams[0]).toMatchObject({ name: 'query.afloop', code: 'ongeldige-mapping' });
    expect((await stuur(teamleider, bestand, { query: '?start=Start' })).statusCode).toBe(400);
  });

  it('is for teamleiders and beheerders of the gemeente only', async () => {
    const bestand = `${KOP}\n${id()};Algemeen;2026-03-01T09:00:00Z;1;beantwoord;1;\n`;
    expect((await stuur(kcc, bestand)).statusCode).toBe(403);
    // The teamleider works for Diemen only.
    expect((await stuur(teamleider, bestand, { gemeente: 'GM0437' })).statusCode).toBe(403);
    expect((await loket.app.inject({ method: 'POST', url: pad(), headers: { 'content-type': 'text/csv' }, payload: bestand })).statusCode).toBe(401);
    // Each gemeente has its own calls: the same id in Ouder-Amstel is new there.
    expect((await stuur(beheerder, bestand, { gemeente: 'GM0437' })).json()).toMatchObject({ nieuw: 1 });
    expect((await stuur(beheerder, bestand)).json()).toMatchObject({ nieuw: 1 });
  });

  it('gives its measures to the KPI register: per queue, one queue, "niet bekend" with the reason', async () => {
    const [a, b, c, wachtrij, leeg] = [id(), id(), id(), id(), id()];
    const bestand = [KOP, `${a};${wachtrij};2026-02-01 00:30;30;beantwoord;60;`, `${b};${wachtrij};2026-02-01 10:00;45;beantwoord;60;`, `${c};${wachtrij};2026-02-01 10:05;4;opgehangen;0;`, `${id()};${leeg};2026-02-01 10:00;2;opgehangen;0;`].join('\n');
    expect((await stuur(teamleider, bestand)).json()).toMatchObject({ nieuw: 4 });
    const waarde = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/kpis/kcc-binnen-30s/waarden?periode=2026-02&wachtrij=${wachtrij}`, headers: teamleider.headers });
    expect(waarde.statusCode, waarde.body).toBe(200);
    expect(waarde.json()).toMatchObject({ code: 'kcc-binnen-30s', wachtrij, status: 'bekend', waarde: 50, teller: 1, noemer: 2, eenheid: 'procent', definitie: { module: 'kcc', periode: { datum: 'begin' }, uitsplitsingen: ['wachtrij'] } });
    const perWachtrij = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/kpis/kcc-wachttijd-p90/waarden?periode=2026-02-01&uitsplitsing=wachtrij', headers: teamleider.headers });
    expect(perWachtrij.statusCode, perWachtrij.body).toBe(200);
    const rijen = perWachtrij.json().uitsplitsing as { wachtrij: string; waarde: number | null; reden: string | null }[];
    expect(rijen.find((r) => r.wachtrij === wachtrij)).toMatchObject({ waarde: 45, teller: null, noemer: 2 });
    expect(rijen.find((r) => r.wachtrij === leeg)).toMatchObject({ waarde: null, status: 'niet-bekend', reden: 'Er is in deze periode geen gesprek beantwoord (1 gesprek in totaal).' });
    expect(perWachtrij.json().eenheid).toBe('seconden');
    // A zaaktype does not apply to calls ("niet bekend", as for klantcontacten), a queue not to zaken (400).
    const zaaktype = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/kpis/kcc-afhaakpercentage/waarden?periode=2026-02&zaaktype=klacht', headers: teamleider.headers });
    expect(zaaktype.statusCode).toBe(200);
    expect(zaaktype.json()).toMatchObject({ status: 'niet-bekend', waarde: null, reden: expect.stringContaining('geen zaaktype') });
    const zaken = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/kpis/zaken-binnen-norm/waarden?periode=2026-02&wachtrij=${wachtrij}`, headers: teamleider.headers });
    expect(zaken.json().invalidParams[0]).toMatchObject({ name: 'query.wachtrij', code: 'selectie-kan-niet' });
    const perZaaktype = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/kpis/kcc-binnen-30s/waarden?periode=2026-02&uitsplitsing=zaaktype', headers: teamleider.headers });
    expect(perZaaktype.json().invalidParams[0]).toMatchObject({ name: 'query.uitsplitsing', code: 'uitsplitsing-kan-niet' });
  });
});
