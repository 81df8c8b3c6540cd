import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { cliContext } from '../audit/audit.service.ts';
import { slugVan } from './pc.analyse.ts';
import { PcImportFout } from './pc.errors.ts';
import type { PcHoofdstuk } from './pc.hoofdstuk.ts';
import { parseHoofdstuk } from './pc.parser.ts';
import { documentsoortVan } from './pc.service.ts';

/*
 * Round trip over every parser fixture and seed: text → parse → store (API, as JSON) → export JSON
 * (what `loket pc export --format json` writes) → the same JSON as the parse; the export imported
 * again → the same once more. And the text itself through the API (text/plain) → the same.
 */

const hier = path.dirname(fileURLToPath(import.meta.url));
// The chapters written for the tests and the published documents (seeds), all in fixtures/.
const bestanden = readdirSync(path.join(hier, 'fixtures')).filter((f) => f.endsWith('.txt')).map((f) => path.join(hier, 'fixtures', f));
const GEMEENTE = 'GM0384';
const BASIS = `/api/v1/gemeenten/${GEMEENTE}`;

/** The chapters the importer reads (a text that is no chapter is left out: the parser tests cover it). */
const geenHoofdstuk: string[] = [];
const hoofdstukken: { bestand: string; tekst: string; h: PcHoofdstuk }[] = bestanden.flatMap((bestand) => {
  const tekst = readFileSync(bestand, 'utf8');
  try {
    return [{ bestand: path.basename(bestand), tekst, h: parseHoofdstuk(tekst, { gemeente: GEMEENTE, bestandsnaam: path.basename(bestand) }) }];
  } catch (error) {
    if (!(error instanceof PcImportFout)) throw error;
    geenHoofdstuk.push(path.basename(bestand));
    return [];
  }
});

let loket: TestLoket;
let pc: Ingelogd;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00.000Z' });
  await laadDemo(loket);
  pc = await logInAls(loket, 'pc@diemen.demo');
});
afterAll(() => loket.close());

const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

async function exportJson(h: PcHoofdstuk, volgnummer: number): Promise<unknown> {
  const [p] = await loket.services.pc.export(GEMEENTE, { soort: documentsoortVan(h), jaar: h.jaar, volgnummer, programma: slugVan(h.programma) });
  // Exactly what `loket pc export --format json --programma …` writes.
  return JSON.parse(`${JSON.stringify(p?.hoofdstuk, null, 2)}\n`);
}

describe('round trip of every fixture and seed', () => {
  it('has chapters with every optional part to check', () => {
    // Five chapters written for the tests and three published ones; the Kader voor dienstverlening is no chapter.
    expect(hoofdstukken).toHaveLength(8);
    expect(geenHoofdstuk).toEqual(['001_3e20714c8849c17b.txt']);
    const alle = hoofdstukken.map((x) => x.h);
    expect(alle.some((h) => h.financienOverig?.length)).toBe(true);
    expect(alle.some((h) => h.controles.some((c) => c.tabel))).toBe(true);
    expect(alle.some((h) => h.overhevelingen.length)).toBe(true);
    expect(alle.some((h) => h.investeringen.length)).toBe(true);
    expect(alle.some((h) => h.paragrafen.length)).toBe(true);
    expect(alle.some((h) => h.documentstatus)).toBe(true);
  });

  it.each(hoofdstukken.map((x) => [x.bestand, x] as const))('%s: parse → store → export JSON → import again gives the same chapter', async (_naam, { h }) => {
    const eerste = await loket.app.inject({ method: 'POST', url: `${BASIS}/pc-hoofdstukken`, headers: pc.headers, payload: json(h) as Record<string, unknown> });
    expect(eerste.statusCode, eerste.body).toBe(201);
    const uit = await exportJson(h, eerste.json().volgnummer);
    expect(uit).toEqual(json(h));
    const api = await loket.app.inject({ method: 'GET', url: `${BASIS}/pc-versies/${eerste.json().id}/programmas/${slugVan(h.programma)}`, headers: pc.headers });
    expect(api.json().hoofdstuk).toEqual(json(h));

    const tweede = await loket.app.inject({ method: 'POST', url: `${BASIS}/pc-hoofdstukken`, headers: pc.headers, payload: uit as Record<string, unknown> });
    expect(tweede.statusCode, tweede.body).toBe(201);
    expect(await exportJson(h, tweede.json().volgnummer)).toEqual(json(h));
  });

  it.each(hoofdstukken.map((x) => [x.bestand, x] as const))('%s: the text through the API (text/plain) stores what the parser reads', async (naam, { tekst, h }) => {
    const res = await loket.app.inject({ method: 'POST', url: `${BASIS}/pc-hoofdstukken`, headers: { ...pc.headers, 'content-type': 'text/plain; charset=utf-8' }, payload: tekst });
    expect(res.statusCode, res.body).toBe(201);
    const opgeslagen = await exportJson(h, res.json().volgnummer);
    // Without a file name the parser finds soort and jaar in the text itself for all of these.
    expect(opgeslagen).toEqual(json(parseHoofdstuk(tekst, { gemeente: GEMEENTE })));
    expect(naam).toBeTruthy();
  });

  it('keeps the register additions through export and import', async () => {
    const metSeed = hoofdstukken.find((x) => x.h.investeringen.length && x.h.financien)?.h as PcHoofdstuk;
    const v = await loket.services.pc.importeer(cliContext(), GEMEENTE, [metSeed]);
    const slug = slugVan(metSeed.programma);
    let p = await loket.services.pc.wijzigIndicator(cliContext(), GEMEENTE, v.id, slug, '1', 1, { richting: 'hoger', toelichting: 'Meer mensen bereikt.' });
    p = await loket.services.pc.wijzigFinancienRegel(cliContext(), GEMEENTE, v.id, slug, '1', p.etag, { toelichting: 'Hogere lasten door de cao.' });
    const uit = json(p.hoofdstuk) as PcHoofdstuk;
    expect(uit.indicatoren[0]?.aanvulling).toMatchObject({ richting: 'hoger', toelichting: 'Meer mensen bereikt.' });
    expect(uit.financien?.regels[0]?.toelichting).toBe('Hogere lasten door de cao.');
    const terug = await loket.services.pc.importeer(cliContext(), GEMEENTE, [uit]);
    const [opnieuw] = await loket.services.pc.export(GEMEENTE, { soort: terug.soort, jaar: terug.jaar, volgnummer: terug.volgnummer, programma: slug });
    expect(json(opnieuw?.hoofdstuk)).toEqual(uit);
  });
});
