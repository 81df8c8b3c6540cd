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

const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, opties: { als?: Ingelogd; payload?: unknown; etag?: string } = {}) =>
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
    // The demo holds version 1 (vastgesteld); other tests may have added versions. An import is the next one.
    const versies = async () => (await req('GET', `${BASIS}/pc-documenten?soort=jaarstukken`, { als: behandelaar })).json().items[0].versies as { id: string; volgnummer: number; status: string }[];
    const voor = await versies();
    expect(voor[0]).toMatchObject({ volgnummer: 1, status: 'vastgesteld' });
    const volgnummer = voor.length + 1;
    const v = await importeer();
    expect(v).toMatchObject({ soort: 'jaarstukken', jaar: 2023, volgnummer, status: 'concept', programmas: [{ slug: 'samen-besturen', naam: 'Samen besturen' }] });
    const res = await req('GET', `${BASIS}/pc-versies/${v.id}/programmas/samen-besturen`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json().hoofdstuk).toEqual(jaarstukken2023());
    expect(res.json().versie).toMatchObject({ id: v.id, volgnummer, soort: 'jaarstukken', jaar: 2023, status: 'concept' });
    expect(res.json().hoofdstuk.indicatoren.some((i: object) => 'aanvulling' in i)).toBe(false);
    const lijst = await req('GET', `${BASIS}/pc-documenten?soort=jaarstukken`, { als: behandelaar });
    expect(lijst.statusCode).toBe(200);
    expect(lijst.json().items).toEqual([expect.objectContaining({ soort: 'jaarstukken', jaar: 2023, versies: [...voor.map((w) => expect.objectContaining({ id: w.id, volgnummer: w.volgnummer })), expect.objectContaining({ id: v.id, volgnummer })] })]);
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
    expect(ind.json().hoofdstuk.indicatoren[1].aanvulling).toEqual({ richting: 'hoger', koppeling: null, bron: 'Eigen registratie bezwaar', peildatum: '2024-01-31', toelichting: null });
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
    expect(regel.json().hoofdstuk.controles).toContainEqual({ regel: 'Saldo Structureel', kolom: 'Begroting 2024', document: -16290, berekend: -16540, verschil: 250, oordeel: 'verschil', ok: false });
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

const ind = (code: string, naam: string) => ({ code, naam, soort: 'prestatie', verplicht: false, waarden: [] });

describe('P&C editor API: lists with their own additions', () => {
  it('keeps every indicator’s additions when indicators are added, removed and reordered', async () => {
    const v = await importeer();
    const pad = `${BASIS}/pc-versies/${v.id}/programmas/samen-besturen`;
    // Additions on indicators 2 (1.1.2) and 5.
    const waarden = [
      { kolom: 'Realisatie 2022', tekst: 'NB', getal: null, eenheid: null, status: 'NB', voetnoten: [] },
      { kolom: 'Begroting 2023', tekst: '80%', getal: 80, eenheid: '%', voetnoten: [] },
      { kolom: 'Realisatie 2023', tekst: '60%', getal: 60, eenheid: '%', voetnoten: [] },
    ];
    let res = await req('PATCH', `${pad}/indicatoren/2`, { etag: '"1"', payload: { waarden, richting: 'hoger', toelichting: 'Meer mediation.' } });
    res = await req('PATCH', `${pad}/indicatoren/5`, { etag: '"2"', payload: { bron: 'KCC-registratie' } });
    const vijfde = res.json().hoofdstuk.indicatoren[4];
    // Remove indicator 1: the additions stay with 1.1.2 (now 1) and the former 5th (now 4).
    res = await req('DELETE', `${pad}/indicatoren/1`, { etag: '"3"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"4"');
    let lijst = res.json().hoofdstuk.indicatoren;
    expect(lijst).toHaveLength(8);
    expect(lijst[0]).toMatchObject({ code: '1.1.2', aanvulling: { richting: 'hoger', toelichting: 'Meer mediation.' } });
    expect(lijst[3]).toEqual(vijfde);
    expect(lijst.filter((i: { aanvulling?: unknown }) => i.aanvulling)).toHaveLength(2);
    // Add one at place 1 (its own additions with it); the others shift but keep theirs.
    res = await req('POST', `${pad}/indicatoren`, { etag: '"4"', payload: { ...ind('1.1.0', 'Nieuwe indicator'), positie: 1, aanvulling: { richting: 'lager', koppeling: null, bron: null, peildatum: null, toelichting: null } } });
    expect(res.statusCode, res.body).toBe(201);
    lijst = res.json().hoofdstuk.indicatoren;
    expect(lijst.map((i: { code: string }) => i.code).slice(0, 2)).toEqual(['1.1.0', '1.1.2']);
    expect(lijst[0].aanvulling.richting).toBe('lager');
    expect(lijst[1].aanvulling.toelichting).toBe('Meer mediation.');
    // Move 1.1.2 to the end; reorder the whole list through the chapter: additions travel along.
    res = await req('PATCH', `${pad}/indicatoren/2`, { etag: '"5"', payload: { positie: 99 } });
    expect(res.statusCode, res.body).toBe(200);
    lijst = res.json().hoofdstuk.indicatoren;
    expect(lijst.at(-1)).toMatchObject({ code: '1.1.2', aanvulling: { toelichting: 'Meer mediation.' } });
    res = await req('PATCH', pad, { etag: '"6"', payload: { indicatoren: lijst.toReversed() } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().hoofdstuk.indicatoren[0]).toMatchObject({ code: '1.1.2', aanvulling: { toelichting: 'Meer mediation.' } });
    // The deviations follow the indicator, not its old place.
    const afw = (await req('GET', `${pad}/afwijkingen`)).json();
    expect(afw.items.find((a: { soort: string }) => a.soort === 'indicator')).toMatchObject({ nr: 1, naam: expect.stringMatching(/^1\.1\.2 /), verklaard: true });
    expect((await req('DELETE', `${pad}/indicatoren/99`, { etag: '"7"' })).statusCode).toBe(404);
    expect((await req('POST', `${pad}/indicatoren`, { etag: '"7"', payload: ind('x', '') })).json().invalidParams[0]).toMatchObject({ name: 'naam' });
    const fout = await req('POST', `${pad}/indicatoren`, { etag: '"7"', payload: { ...ind('x', 'Met onbekende voetnoot'), waarden: [{ kolom: 'a', tekst: '1', getal: 1, eenheid: null, voetnoten: [404] }] } });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['indicatoren.9.waarden.0.voetnoten.0']);
    expect((await req('GET', pad)).headers.etag).toBe('"7"');
  });

  it('adds, renames, moves and removes finance rows with their explanations; controles computed again', async () => {
    const v = await importeer();
    const pad = `${BASIS}/pc-versies/${v.id}/programmas/samen-besturen`;
    let res = await req('PATCH', `${pad}/financien/3`, { etag: '"1"', payload: { toelichting: 'Storting in de reserve.' } });
    expect(res.json().hoofdstuk.financien.regels[2]).toMatchObject({ naam: 'Toevoegingen aan reserves', toelichting: 'Storting in de reserve.' });
    // A new row before the first: the saldo no longer matches its parts, and the explanation stays with its row.
    res = await req('POST', `${pad}/financien`, { etag: '"2"', payload: { naam: 'Nieuwe lasten', bedragen: [0, -100, -100, -100, 0], positie: 1 } });
    expect(res.statusCode, res.body).toBe(201);
    let f = res.json().hoofdstuk.financien;
    expect(f.regels[0].naam).toBe('Nieuwe lasten');
    expect(f.regels[3]).toMatchObject({ naam: 'Toevoegingen aan reserves', toelichting: 'Storting in de reserve.' });
    expect(res.json().hoofdstuk.controles.filter((c: { ok: boolean }) => !c.ok).map((c: { regel: string }) => c.regel)).toContain('Saldo Structureel');
    // Rename the explained row: the explanation stays with it.
    res = await req('PATCH', `${pad}/financien/4`, { etag: '"3"', payload: { naam: 'Stortingen in reserves' } });
    f = res.json().hoofdstuk.financien;
    expect(f.regels[3]).toMatchObject({ naam: 'Stortingen in reserves', toelichting: 'Storting in de reserve.' });
    // Remove the new row: every controle is fine again.
    res = await req('DELETE', `${pad}/financien/1`, { etag: '"4"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().hoofdstuk.controles.every((c: { ok: boolean }) => c.ok)).toBe(true);
    expect(res.json().hoofdstuk.financien.regels[2]).toMatchObject({ naam: 'Stortingen in reserves', toelichting: 'Storting in de reserve.' });
    const fout = await req('POST', `${pad}/financien`, { etag: '"5"', payload: { naam: 'Te kort', bedragen: [1] } });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams[0]).toMatchObject({ name: 'financien.regels.11.bedragen' });
    expect((await req('GET', pad)).headers.etag).toBe('"5"');
  });

  it('edits paragrafen, overhevelingen and investeringen; the total of the overhevelingen is checked again', async () => {
    const h = jaarstukken2023();
    h.overhevelingen = [{ naam: 'Dorpshuis', bedrag: 150, motivering: 'Vertraagd.' }];
    h.controles.push({ regel: 'Totaal', kolom: 'bedrag', document: 150, berekend: 150, ok: true, tabel: 'overhevelingen' });
    const v = await importeer(h);
    const pad = `${BASIS}/pc-versies/${v.id}/programmas/samen-besturen`;
    const res = await req('PATCH', pad, {
      etag: '"1"',
      payload: {
        paragrafen: [{ titel: 'Kaderstellende beleidsnota’s', tekst: ['Nota bestuursstijl 2023.'] }],
        overhevelingen: [...h.overhevelingen, { naam: 'Speeltuin', bedrag: 50, motivering: 'Levering in 2024.' }],
        investeringen: [{ naam: 'Raadzaal', bedragen: [400, 100, 300], kolommen: ['Krediet', 'Uitgaven 2023', 'Restant krediet'] }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const nieuw = res.json().hoofdstuk;
    expect(nieuw.paragrafen).toEqual([{ titel: 'Kaderstellende beleidsnota’s', tekst: ['Nota bestuursstijl 2023.'] }]);
    expect(nieuw.overhevelingen).toHaveLength(2);
    expect(nieuw.investeringen[0].naam).toBe('Raadzaal');
    expect(nieuw.controles).toContainEqual({ regel: 'Totaal', kolom: 'bedrag', document: 150, berekend: 200, verschil: -50, oordeel: 'verschil', ok: false, tabel: 'overhevelingen' });
    // The comparison with the version before names the new investment's amounts and the new overheveling, in euro.
    const met = (await req('POST', `${BASIS}/pc-versies/${v.id}/opvolgers`, { payload: {} })).json();
    await req('PATCH', `${BASIS}/pc-versies/${met.id}/programmas/samen-besturen`, { etag: '"1"', payload: { investeringen: [{ naam: 'Raadzaal', bedragen: [450, 100, 350], kolommen: ['Krediet', 'Uitgaven 2023', 'Restant krediet'] }] } });
    const verschil = (await req('GET', `${BASIS}/pc-versies/${met.id}/vergelijking`)).json().wijzigingen;
    expect(verschil).toContainEqual({ programma: 'Samen besturen', onderdeel: 'investering', pad: 'Raadzaal / Krediet', oud: 400_000, nieuw: 450_000, verschil: 50_000 });
  });

  it('moves an aangeboden version back to concept, but not a vastgesteld one', async () => {
    const v = await importeer();
    const pad = `${BASIS}/pc-versies/${v.id}`;
    expect((await req('PATCH', pad, { etag: '"1"', payload: { status: 'aangeboden' } })).json().status).toBe('aangeboden');
    const terug = await req('PATCH', pad, { etag: '"2"', payload: { status: 'concept' } });
    expect(terug.statusCode, terug.body).toBe(200);
    expect(terug.json().status).toBe('concept');
    await req('PATCH', pad, { etag: '"3"', payload: { status: 'vastgesteld', vastgesteldOp: '2024-07-04' } });
    expect((await req('PATCH', pad, { etag: '"4"', payload: { status: 'concept' } })).statusCode).toBe(409);
  });

  it('imports plain text on this route only; a text that is no chapter is a 400 with the line, storing nothing', async () => {
    const tekst = (type: string, payload: string, url = `${BASIS}/pc-hoofdstukken`) => loket.app.inject({ method: 'POST', url, headers: { ...pc.headers, 'content-type': type }, payload });
    const voor = (await req('GET', `${BASIS}/pc-documenten`)).json();
    const fout = await tekst('text/plain; charset=utf-8', 'Dit is een boodschappenlijst.\nMelk\nBrood\n');
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fout.json()).toMatchObject({ status: 400, regel: 1, reden: expect.stringContaining('geen programmahoofdstuk'), invalidParams: [{ name: 'tekst', code: 'geen-hoofdstuk' }] });
    expect((await req('GET', `${BASIS}/pc-documenten`)).json()).toEqual(voor);
    expect((await tekst('text/plain; charset=iso-8859-1', 'x')).statusCode).toBe(415);
    expect((await tekst('text/csv', 'x')).statusCode).toBe(415);
    // Other routes stay JSON only.
    const v = await importeer();
    expect((await tekst('text/plain; charset=utf-8', 'x', `${BASIS}/pc-versies/${v.id}/opvolgers`)).statusCode).toBe(415);
    const ongeldig = await loket.app.inject({ method: 'POST', url: `${BASIS}/pc-hoofdstukken`, headers: { ...pc.headers, 'content-type': 'text/plain; charset=utf-8' }, payload: Buffer.from([0x50, 0xff, 0xfe]) });
    expect(ongeldig.statusCode).toBe(400);
    expect((await loket.app.inject({ method: 'POST', url: `${BASIS}/pc-hoofdstukken`, headers: { ...behandelaar.headers, 'content-type': 'text/plain; charset=utf-8' }, payload: 'x' })).statusCode).toBe(403);
  });

  it('reads additions stored the old way (beside the chapter, by position) into the indicators', async () => {
    const v = await importeer();
    const oud = { indicatoren: [null, { richting: 'lager', koppeling: null, bron: 'Oud', peildatum: null, toelichting: 'Toegelicht.' }].map((a) => a ?? { richting: null, koppeling: null, bron: null, peildatum: null, toelichting: null }), financien: [{ regel: 'Structurele lasten', toelichting: 'Cao.' }] };
    await sql`update pc_programma set aanvullingen = ${JSON.stringify(oud)}::jsonb where versie_id = ${v.id}`.execute(loket.database.db);
    const res = await req('GET', `${BASIS}/pc-versies/${v.id}/programmas/samen-besturen`);
    const h = res.json().hoofdstuk;
    expect(h.indicatoren[0].aanvulling).toBeUndefined();
    expect(h.indicatoren[1].aanvulling).toEqual(oud.indicatoren[1]);
    expect(h.financien.regels[0].toelichting).toBe('Cao.');
    // Removing indicator 1 now keeps the old additions with indicator 1.1.2; they are stored inside from then on.
    const weg = await req('DELETE', `${BASIS}/pc-versies/${v.id}/programmas/samen-besturen/indicatoren/1`, { etag: '"1"' });
    expect(weg.json().hoofdstuk.indicatoren[0]).toMatchObject({ code: '1.1.2', aanvulling: { bron: 'Oud' } });
    const rij = await sql<{ aanvullingen: unknown }>`select aanvullingen from pc_programma where versie_id = ${v.id}`.execute(loket.database.db);
    expect(rij.rows[0]?.aanvullingen).toEqual({});
  });
});

