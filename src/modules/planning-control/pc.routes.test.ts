import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { cliContext } from '../audit/audit.service.ts';
import { begroting2024, jaarstukken2023 } from './fixtures/hoofdstuk.fixture.ts';

let loket: TestLoket;
let pc: Ingelogd;
let behandelaar: Ingelogd;
const BASIS = '/api/v1/gemeenten/GM0384';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00.000Z' });
  await laadDemo(loket);
  pc = await logInAls(loket, 'pc@diemen.demo');
  behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
});
afterAll(() => loket.close());

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, opties: { als?: Ingelogd; payload?: unknown; etag?: string } = {}) =>
  loket.app.inject({
    method,
    url,
    headers: { ...(opties.als ?? pc).headers, ...(opties.etag ? { 'if-match': opties.etag } : {}) },
    ...(opties.payload !== undefined ? { payload: opties.payload as Record<string, unknown> } : {}),
  });

async function importeer(hoofdstuk = jaarstukken2023()) {
  const res = await req('POST', `${BASIS}/pc-hoofdstukken`, { payload: hoofdstuk });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; volgnummer: number; status: string; etag: number; programmas: { slug: string }[] };
}

describe('P&C register API', () => {
  it('imports a chapter as a new concept version and gives it back unchanged', async () => {
    const v = await importeer();
    // The demo holds version 1 (vastgesteld); an import is the next version.
    expect(v).toMatchObject({ soort: 'jaarstukken', jaar: 2023, volgnummer: 2, status: 'concept', programmas: [{ slug: 'samen-besturen', naam: 'Samen besturen' }] });
    const res = await req('GET', `${BASIS}/pc-versies/${v.id}/programmas/samen-besturen`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json().hoofdstuk).toEqual(jaarstukken2023());
    expect(res.json().aanvullingen.indicatoren).toHaveLength(9);
    const lijst = await req('GET', `${BASIS}/pc-documenten?soort=jaarstukken`, { als: behandelaar });
    expect(lijst.statusCode).toBe(200);
    expect(lijst.json().items).toEqual([expect.objectContaining({ soort: 'jaarstukken', jaar: 2023, versies: [expect.objectContaining({ volgnummer: 1, status: 'vastgesteld' }), expect.objectContaining({ id: v.id, volgnummer: 2 })] })]);
  });

  it('refuses a chapter with a missing column or an unknown footnote, all problems at once, storing nothing', async () => {
    const h = jaarstukken2023();
    h.financien?.regels[0]?.bedragen.pop();
    h.indicatoren[0]?.waarden[0]?.voetnoten.push(99);
    const res = await req('POST', `${BASIS}/pc-hoofdstukken`, { payload: { ...h, jaar: 2019 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['financien.regels.0.bedragen', 'indicatoren.0.waarden.0.voetnoten.1']);
    expect((await req('GET', `${BASIS}/pc-documenten?jaar=2019`)).json().items).toEqual([]);
    const anders = await req('POST', `${BASIS}/pc-hoofdstukken`, { payload: { ...jaarstukken2023(), gemeente: 'GM0437' } });
    expect(anders.statusCode).toBe(400);
    expect(anders.json().invalidParams[0]).toMatchObject({ name: 'gemeente' });
  });

  it('edits texts, indicators with footnotes and finance rows with If-Match; a stale ETag gets 412', async () => {
    const v = await importeer();
    const pad = `${BASIS}/pc-versies/${v.id}/programmas/samen-besturen`;
    const visie = await req('PATCH', pad, { etag: '"1"', payload: { visie: ['Nieuwe visie.'], voetnoten: [...jaarstukken2023().voetnoten, { nummer: 32, tekst: 'Bron: eigen registratie.' }] } });
    expect(visie.statusCode, visie.body).toBe(200);
    expect(visie.headers.etag).toBe('"2"');
    expect(visie.json().hoofdstuk.visie).toEqual(['Nieuwe visie.']);
    expect((await req('PATCH', pad, { etag: '"1"', payload: { visie: ['Later.'] } })).statusCode).toBe(412);
    expect((await req('PATCH', pad, { payload: { visie: ['Zonder versie.'] } })).statusCode).toBe(428);

    const ind = await req('PATCH', `${pad}/indicatoren/2`, {
      etag: '"2"',
      payload: {
        waarden: [
          { kolom: 'Realisatie 2022', tekst: 'NB', getal: null, eenheid: null, status: 'NB', reden: 'Niet gemeten', voetnoten: [29] },
          { kolom: 'Begroting 2023', tekst: '80%', getal: 80, eenheid: '%', voetnoten: [] },
          { kolom: 'Realisatie 2023', tekst: '60%', getal: 60, eenheid: '%', voetnoten: [32] },
        ],
        richting: 'hoger',
        bron: 'Eigen registratie bezwaar',
        peildatum: '2024-01-31',
      },
    });
    expect(ind.statusCode, ind.body).toBe(200);
    expect(ind.json().hoofdstuk.indicatoren[1].waarden[2]).toMatchObject({ tekst: '60%', voetnoten: [32] });
    expect(ind.json().aanvullingen.indicatoren[1]).toEqual({ richting: 'hoger', koppeling: null, bron: 'Eigen registratie bezwaar', peildatum: '2024-01-31', toelichting: null });
    const onbekendeVoetnoot = await req('PATCH', `${pad}/indicatoren/2`, { etag: '"3"', payload: { waarden: [{ kolom: 'x', tekst: '1', getal: 1, eenheid: null, voetnoten: [77] }] } });
    expect(onbekendeVoetnoot.statusCode).toBe(400);
    expect((await req('PATCH', `${pad}/indicatoren/99`, { etag: '"3"', payload: { naam: 'X' } })).statusCode).toBe(404);

    // Deviations of at least € 100.000 or 10% (e.g. structurele lasten -339k, saldo structureel -238k = 1.5%); the indicator at 60% of 80%.
    const afw = await req('GET', `${pad}/afwijkingen`);
    expect(afw.statusCode).toBe(200);
    const namen = afw.json().items.map((a: { naam: string }) => a.naam);
    expect(namen).toEqual(['Structurele lasten', 'Structurele baten', 'Toevoegingen aan reserves', 'Onttrekkingen aan reserves', 'Saldo Structureel', 'Incidentele lasten', 'Saldo Incidenteel', 'Saldo van de baten en lasten', '1.1.2 % ingetrokken bezwaarschriften n.a.v. informele behandeling/mediation']);
    expect(afw.json().items[0]).toMatchObject({ begroting: -16_177_000, realisatie: -16_516_000, verschil: -339_000, verklaard: false });
    const hoog = await req('GET', `${pad}/afwijkingen?drempelBedrag=1000000&drempelProcent=50`);
    expect(hoog.json().items.map((a: { naam: string }) => a.naam)).toEqual(['Toevoegingen aan reserves', 'Onttrekkingen aan reserves', 'Incidentele lasten', 'Saldo Incidenteel', '1.1.2 % ingetrokken bezwaarschriften n.a.v. informele behandeling/mediation']);

    const uitleg = await req('PATCH', `${pad}/financien/3`, { etag: '"3"', payload: { toelichting: 'Storting in de reserve Sociaal Domein (raadsbesluit juli 2023).' } });
    expect(uitleg.statusCode, uitleg.body).toBe(200);
    const na = (await req('GET', `${pad}/afwijkingen?drempelBedrag=1000000&drempelProcent=50`)).json();
    expect(na.items[0]).toMatchObject({ naam: 'Toevoegingen aan reserves', verklaard: true });
    expect(na.onverklaard).toBe(4);
  });

  it('goes concept → aangeboden → vastgesteld with a council date; then nothing changes (409), also not in the database', async () => {
    const v = await importeer(begroting2024());
    const pad = `${BASIS}/pc-versies/${v.id}`;
    expect((await req('PATCH', pad, { etag: `"${v.etag}"`, payload: { status: 'aangeboden' } })).statusCode).toBe(200);
    const toekomst = await req('PATCH', pad, { etag: '"2"', payload: { status: 'vastgesteld', vastgesteldOp: '2026-11-24' } });
    expect(toekomst.statusCode).toBe(400);
    expect(toekomst.json().invalidParams[0]).toMatchObject({ name: 'vastgesteldOp', code: 'datum-in-toekomst' });
    expect((await req('PATCH', pad, { etag: '"2"', payload: { status: 'vastgesteld' } })).statusCode).toBe(400);
    const vast = await req('PATCH', pad, { etag: '"2"', payload: { status: 'vastgesteld', vastgesteldOp: '2023-11-09' } });
    expect(vast.statusCode, vast.body).toBe(200);
    expect(vast.json()).toMatchObject({ status: 'vastgesteld', vastgesteldOp: '2023-11-09' });

    const wijzig = await req('PATCH', `${pad}/programmas/samen-besturen`, { etag: '"1"', payload: { visie: ['Anders.'] } });
    expect(wijzig.statusCode).toBe(409);
    expect(wijzig.json().detail).toMatch(/vastgesteld door de raad en verandert niet meer/);
    expect((await req('PATCH', pad, { etag: '"3"', payload: { naam: 'Andere naam' } })).statusCode).toBe(409);
    expect((await req('PATCH', `${pad}/programmas/samen-besturen/financien/1`, { etag: '"1"', payload: { toelichting: 'x' } })).statusCode).toBe(409);

    const db = loket.database.db;
    await expect(sql`update pc_programma set naam = 'x' where versie_id = ${v.id}`.execute(db)).rejects.toThrow(/vastgesteld/);
    await expect(sql`delete from pc_programma where versie_id = ${v.id}`.execute(db)).rejects.toThrow(/vastgesteld/);
    await expect(sql`update pc_versie set status = 'concept', vastgesteld_op = null where id = ${v.id}`.execute(db)).rejects.toThrow(/vastgesteld/);
    await expect(sql`insert into pc_programma (gemeente, versie_id, slug, naam, volgorde, hoofdstuk, aanvullingen) values ('GM0384', ${v.id}, 'nieuw', 'Nieuw', 9, '{}', '{}')`.execute(db)).rejects.toThrow(/vastgesteld/);

    // A change is a new version, copied from the vastgesteld one, and can be compared with it.
    const nieuw = await req('POST', `${pad}/opvolgers`, { payload: { naam: 'Begrotingswijziging 1' } });
    expect(nieuw.statusCode, nieuw.body).toBe(201);
    expect(nieuw.json()).toMatchObject({ volgnummer: v.volgnummer + 1, status: 'concept', naam: 'Begrotingswijziging 1', programmas: [{ slug: 'samen-besturen' }] });
    const nieuwPad = `${BASIS}/pc-versies/${nieuw.json().id}`;
    const regel = await req('PATCH', `${nieuwPad}/programmas/samen-besturen/financien/1`, { etag: '"1"', payload: { bedragen: [-13935, -16177, -17150] } });
    expect(regel.statusCode, regel.body).toBe(200);
    // The saldo is checked again: the printed -16.290 no longer matches its parts.
    expect(regel.json().hoofdstuk.controles).toContainEqual({ regel: 'Saldo Structureel', kolom: 'Begroting 2024', document: -16290, berekend: -16540, ok: false });
    await req('PATCH', `${nieuwPad}/programmas/samen-besturen/indicatoren/1`, { etag: '"2"', payload: { waarden: [{ kolom: 'Realisatie 2022', tekst: '48%', getal: 48, eenheid: '%', voetnoten: [] }, { kolom: 'Begroting 2023', tekst: '55%', getal: 55, eenheid: '%', voetnoten: [] }] } });
    const vergelijking = await req('GET', `${nieuwPad}/vergelijking`, { als: behandelaar });
    expect(vergelijking.statusCode, vergelijking.body).toBe(200);
    expect(vergelijking.json().van.id).toBe(v.id);
    expect(vergelijking.json().wijzigingen).toEqual([
      { programma: 'Samen besturen', onderdeel: 'waarde', pad: '1.3.1 % vertrouwen in de manier waarop gemeente wordt bestuurd / Begroting 2023', oud: 50, nieuw: 55, verschil: 5 },
      { programma: 'Samen besturen', onderdeel: 'financien', pad: 'Structurele lasten / Begroting 2024', oud: -16_900_000, nieuw: -17_150_000, verschil: -250_000 },
    ]);
    const terug = await req('GET', `${pad}/vergelijking?met=${nieuw.json().id}`);
    expect(terug.json().wijzigingen[1]).toMatchObject({ oud: -17_150_000, nieuw: -16_900_000 });
    // The vastgesteld version itself is unchanged.
    expect((await req('GET', `${pad}/programmas/samen-besturen`)).json().hoofdstuk).toEqual(begroting2024());
  });

  it('lets staff read but only pc-adviseur and beheerder edit; other gemeente 404', async () => {
    const v = await importeer();
    const pad = `${BASIS}/pc-versies/${v.id}/programmas/samen-besturen`;
    expect((await req('GET', pad, { als: behandelaar })).statusCode).toBe(200);
    expect((await req('PATCH', pad, { als: behandelaar, etag: '"1"', payload: { visie: [] } })).statusCode).toBe(403);
    const beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
    expect((await req('GET', `/api/v1/gemeenten/GM0437/pc-versies/${v.id}/programmas/samen-besturen`, { als: beheerder })).statusCode).toBe(404);
    expect((await req('PATCH', `/api/v1/gemeenten/GM0437/pc-versies/${v.id}`, { als: beheerder, etag: '"1"', payload: { naam: 'x' } })).statusCode).toBe(404);
    expect((await req('GET', `${BASIS}/pc-versies/${v.id}/programmas/onbekend`)).statusCode).toBe(404);
  });

  it('the service refuses an unknown gemeente', async () => {
    await expect(loket.services.pc.importeer(cliContext(), 'GM9999', [{ ...jaarstukken2023(), gemeente: 'GM9999' }])).rejects.toMatchObject({ status: 404, detail: 'Gemeente GM9999 bestaat niet in deze installatie.' });
  });
});
