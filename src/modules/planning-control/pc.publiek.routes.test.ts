import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { DEMO_GEMEENTEN } from '../demo/demo.data.ts';
import { cliContext } from '../audit/audit.service.ts';
import { jaarstukken2023 } from './fixtures/hoofdstuk.fixture.ts';
import { parseHoofdstuk } from './pc.parser.ts';

let loket: TestLoket;
const PAGINA = '/diemen/jaarstukken/2023/samen-besturen';
const get = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

/** The chapter of the fixture as jaarstukken of another year, so a test has a document of its own. */
function jaarstukkenVan(jaar: number) {
  const h = jaarstukken2023();
  h.jaar = jaar;
  return h;
}

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00.000Z' });
  // Only the gemeenten: the demo's own P&C chapters would be published already.
  for (const g of DEMO_GEMEENTEN) await loket.services.gemeenten.bewaar(g);
  const pc = loket.services.pc;
  // What the read-only tests look at: jaarstukken 2023 of Diemen, version 1, vastgesteld on 4 July 2024.
  const v = await pc.importeer(cliContext(), 'GM0384', [jaarstukken2023()], { naam: 'Jaarstukken 2023' });
  // Directions for the traffic lights: 1.3.1 (50% of 50%) and apparaatskosten (979 > 939, lower is better).
  let p = await pc.wijzigIndicator(cliContext(), 'GM0384', v.id, 'samen-besturen', '3', 1, { richting: 'hoger', bron: 'Burgerpeiling', peildatum: '2023-12-31' });
  p = await pc.wijzigIndicator(cliContext(), 'GM0384', v.id, 'samen-besturen', '8', p.etag, { richting: 'lager' });
  await pc.wijzigIndicator(cliContext(), 'GM0384', v.id, 'samen-besturen', '6', p.etag, { richting: 'hoger' });
  await pc.wijzigVersie(cliContext(), 'GM0384', v.id, 1, { status: 'aangeboden' });
  await pc.wijzigVersie(cliContext(), 'GM0384', v.id, 2, { status: 'vastgesteld', vastgesteldOp: '2024-07-04' });
  // Jaarstukken 2021 whose printed saldi do not match the computed ones.
  const h = jaarstukkenVan(2021);
  h.controles = [{ regel: 'Saldo Structureel', kolom: 'Rekening 2023', document: -15911, berekend: -15912, ok: false }];
  await pc.importeer(cliContext(), 'GM0384', [h], { status: 'vastgesteld', vastgesteldOp: '2022-07-07' });
});
afterAll(() => loket.close());

describe('public P&C chapter', () => {
  it('is not public while a concept; aangeboden and vastgesteld versions are', async () => {
    const pagina = '/diemen/jaarstukken/2022/samen-besturen';
    const pc = loket.services.pc;
    const v = await pc.importeer(cliContext(), 'GM0384', [jaarstukkenVan(2022)], { naam: 'Jaarstukken 2022' });
    expect((await get(pagina)).statusCode).toBe(404);
    expect((await get(`${pagina}.json`)).statusCode).toBe(404);
    await pc.wijzigVersie(cliContext(), 'GM0384', v.id, 1, { status: 'aangeboden' });
    const aangeboden = await get(pagina);
    expect(aangeboden.statusCode).toBe(200);
    expect(aangeboden.body).toContain('De raad heeft dit nog niet vastgesteld.');
    await pc.wijzigVersie(cliContext(), 'GM0384', v.id, 2, { status: 'vastgesteld', vastgesteldOp: '2024-07-04' });
    // A newer concept does not replace the published version.
    const nieuw = await pc.nieuweVersie(cliContext(), 'GM0384', v.id, { naam: 'Correctie' });
    await pc.wijzigProgramma(cliContext(), 'GM0384', nieuw.id, 'samen-besturen', 1, { visie: ['Concepttekst die niet publiek is.'] });
    const vast = await get(pagina);
    expect(vast.body).toContain('Vastgesteld door de gemeenteraad op 4 juli 2024.');
    expect(vast.body).not.toContain('Concepttekst');
  });

  it('shows accessible tables, footnotes linked both ways, traffic lights in words and shapes, and the chart with its table', async () => {
    const res = await get(PAGINA);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const b = res.body;
    expect(b).toContain('<html lang="nl"');
    expect(b).toMatch(/<title>Samen besturen - Jaarstukken 2023 - Gemeente Diemen<\/title>/);
    expect(b).toMatch(/<caption[^>]*>Prestatie-indicatoren<\/caption>/);
    expect(b).toMatch(/<caption[^>]*>Lasten, baten en saldi \(bedragen × € 1\.000\)<\/caption>/);
    expect(b).toMatch(/<th scope="col"[^>]*>Realisatie 2023<\/th>/);
    expect(b).toMatch(/<th scope="row"[^>]*>Structurele lasten<\/th>\s*<td[^>]*>-13\.935<\/td>/);
    // Footnote 29 is used twice: two references, two back-links.
    expect(b).toContain('<a class="utrecht-link utrecht-link--html-a" href="#vn-29" id="vnr-29-1" aria-label="Voetnoot 29">29</a>');
    expect(b).toContain('id="vnr-29-2"');
    expect(b).toMatch(/<li id="vn-29">.*Cijfers voor 2022 zijn niet bekend\..*href="#vnr-29-1".*href="#vnr-29-2"/s);
    expect(b).toMatch(/pc-licht--gehaald"><span class="pc-licht__symbool" aria-hidden="true">●<\/span> Gehaald/);
    expect(b).toMatch(/pc-licht--bijna"><span class="pc-licht__symbool" aria-hidden="true">▲<\/span> Bijna gehaald/);
    expect(b).toContain('Bron: Burgerpeiling, peildatum 31 december 2023');
    expect(b).toMatch(/<svg class="pc-grafiek" role="img" aria-labelledby="grafiek-lasten-baten-titel grafiek-lasten-baten-desc"/);
    expect(b).toContain('<title id="grafiek-lasten-baten-titel">Lasten en baten</title>');
    // Lasten in Rekening 2023: 16.516 + 516 = 17.032; baten 817 + 15 = 832.
    expect(b).toMatch(/<th scope="row"[^>]*>Rekening 2023<\/th><td[^>]*>17\.032<\/td><td[^>]*>832<\/td>/);
    expect(b).toContain('Wij hebben de saldi nagerekend. Ze kloppen met de onderdelen.');
    for (const ext of ['pdf', 'csv', 'json']) expect(b).toContain(`href="${PAGINA}.${ext}"`);
    expect(b).toContain('<link rel="alternate" hreflang="en" href="/diemen/en/jaarstukken/2023/samen-besturen">');
    expect(b).not.toContain('<script');
  });

  it('shows a mismatch in the computed saldi instead of hiding it', async () => {
    const b = (await get('/diemen/jaarstukken/2021/samen-besturen')).body;
    expect(b).toContain('Let op: deze saldi kloppen niet met de onderdelen.');
    expect(b).toContain('Saldo Structureel, Rekening 2023: in het document -15.911, berekend -15.912.');
  });

  it('prints emphasis as emphasis, a dash as the dash it was, rounding differences as such, "Hoort bij" one level up, and the version name in English (issue 16)', async () => {
    const h = jaarstukkenVan(2020);
    h.visie = ['*Het beste voor Diemen. Op onze eigen manier.* Dat is **onze** koers.'];
    h.indicatoren[0] = { ...h.indicatoren[0]!, waarden: h.indicatoren[0]!.waarden.map((w, k) => (k === 1 ? { ...w, toelichting: 'corona jeugdmonitor 2021-2022' } : w)) };
    h.controles = [{ regel: 'Saldo Structureel', kolom: 'Rekening 2023', document: -15911, berekend: -15910, verschil: -1, oordeel: 'afrondingsverschil', ok: true }];
    await loket.services.pc.importeer(cliContext(), 'GM0384', [h], { naam: 'Zoals gepubliceerd', status: 'vastgesteld', vastgesteldOp: '2021-07-01' });
    const b = (await get('/diemen/jaarstukken/2020/samen-besturen')).body;
    expect(b).toContain('<em>Het beste voor Diemen. Op onze eigen manier.</em> Dat is <strong>onze</strong> koers.');
    expect(b).not.toContain('*Het beste');
    // "Onttrekkingen aan reserves" printed "-" in Begroting 2023 primitief: the dash, with its meaning
    expect(b).toMatch(/<th scope="row"[^>]*>Onttrekkingen aan reserves<\/th>\s*<td[^>]*>713<\/td><td[^>]*><span aria-hidden="true">-<\/span><span class="pc-sr">nihil \(in het document een streepje\)<\/span><\/td>/);
    expect(b).toContain('Afrondingsverschillen:');
    expect(b).toContain('Saldo Structureel, Rekening 2023: in het document -15.911, berekend -15.910.');
    expect(b).not.toContain('kloppen niet met de onderdelen');
    expect(b).toContain('corona jeugdmonitor 2021-2022');
    // 1.1.1 (an activity 1.1.1 exists) and 1.1.2 both belong to subdoel 1.1
    const hoortBij = [...b.matchAll(/<th scope="row"[^>]*><span class="pc-code">(1\.1\.[12])<\/span>(?:(?!<\/tr>).)*?class="[^"]*pc-hoortbij[^"]*"[^>]*>([^<]*)</gs)].map((m) => [m[1], m[2]]);
    expect(hoortBij).toEqual([
      ['1.1.1', '1.1'],
      ['1.1.2', '1.1'],
    ]);
    const en = (await get('/diemen/en/jaarstukken/2020/samen-besturen')).body;
    expect(en).toMatch(/Version \d+: as published\./);
    expect(en).not.toContain('Zoals gepubliceerd');
    expect(en).toContain('Rounding differences:');
    // the PDF prints the emphasised text without its asterisks
    const map = mkdtempSync(join(tmpdir(), 'loket-pdf-'));
    try {
      writeFileSync(join(map, 'h.pdf'), (await get('/diemen/jaarstukken/2020/samen-besturen.pdf')).rawPayload);
      const pdf = execFileSync('pdftotext', [join(map, 'h.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(pdf).toContain('Het beste voor Diemen. Op onze eigen manier. Dat is onze koers.');
      expect(pdf).not.toContain('*');
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
    // the name an import of one chapter gets: in the page's language, the programme's name as Dutch content
    await loket.services.pc.importeer(cliContext(), 'GM0384', [jaarstukkenVan(2019)], { status: 'vastgesteld', vastgesteldOp: '2020-07-01' });
    expect((await get('/diemen/en/jaarstukken/2019/samen-besturen')).body).toMatch(/Version \d+: import of “<span lang="nl">Samen besturen<\/span>”\./);
    expect((await get('/diemen/jaarstukken/2019/samen-besturen')).body).toMatch(/Versie \d+: import van “Samen besturen”\./);
  });

  it('has an English page and an index per document soort', async () => {
    const en = await get('/diemen/en/jaarstukken/2023/samen-besturen');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Adopted by the municipal council on 4 July 2024.');
    expect(en.body).toContain('<span lang="nl">Structurele lasten</span>');
    expect(en.body).toContain('href="/diemen/en/jaarstukken/2023/samen-besturen.pdf"');
    const index = await get('/diemen/jaarstukken');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('href="/diemen/jaarstukken/2023/samen-besturen"');
    expect(index.body).toContain('href="/diemen/jaarstukken/2021/samen-besturen"');
    expect((await get('/diemen/en/begroting')).body).toContain('Nothing has been published yet.');
    expect((await get('/ouder-amstel/jaarstukken/2023/samen-besturen')).statusCode).toBe(404);
    expect((await get('/onbekend/jaarstukken/2023/samen-besturen')).statusCode).toBe(404);
    expect((await get('/diemen/jaarstukken/20x3/samen-besturen')).statusCode).toBe(404);
  });

  it('gives the same chapter as JSON (PcHoofdstuk) and CSV (one row per value)', async () => {
    const json = await get(`${PAGINA}.json`);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    // The chapter as imported, with what the register added (directions, source) inside the indicators.
    const { indicatoren, ...rest } = json.json() as ReturnType<typeof jaarstukken2023>;
    const { indicatoren: origineel, ...verwacht } = jaarstukken2023();
    expect(rest).toEqual(verwacht);
    expect(indicatoren.map(({ aanvulling: _a, ...i }) => i)).toEqual(origineel);
    expect(indicatoren.map((i) => i.aanvulling?.richting ?? null)).toEqual([null, null, 'hoger', null, null, 'hoger', null, 'lager', null]);
    expect(indicatoren[2]?.aanvulling).toEqual({ richting: 'hoger', koppeling: null, bron: 'Burgerpeiling', peildatum: '2023-12-31', toelichting: null });
    const csv = await get(`${PAGINA}.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const regels = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(regels[0]).toBe('gemeente,document,jaar,versie,status,vastgesteld_op,programma,onderdeel,code,naam,soort,verplicht,kolom,tekst,getal,eenheid,tot,waardestatus,reden,voetnoten,tabel,toelichting');
    // 27 indicator values + 11 rows × 5 columns of amounts.
    expect(regels).toHaveLength(1 + 27 + 55);
    expect(regels).toContain('GM0384,jaarstukken,2023,1,vastgesteld,2024-07-04,Samen besturen,indicator,1.1.1,% gegrond verklaarde bezwaarschriften n.a.v. formele behandeling,prestatie,nee,Realisatie 2022,NB,,,,NB,,29. Cijfers voor 2022 zijn niet bekend.,,');
    expect(regels).toContain('GM0384,jaarstukken,2023,1,vastgesteld,2024-07-04,Samen besturen,indicator,2.1.1,% binnenkomende gesprekken KCC binnen 30 seconden beantwoord,prestatie,nee,Begroting 2023,70-80%,70,bereik,80,,,,,');
    expect(regels).toContain('GM0384,jaarstukken,2023,1,vastgesteld,2024-07-04,Samen besturen,financien,,Structurele lasten,,,Rekening 2023,-16516,-16516000,€,,,,,,');
  });

  it('gives a tagged PDF with title and language whose text reads back', async () => {
    const res = await get(`${PAGINA}.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const map = mkdtempSync(join(tmpdir(), 'loket-pdf-'));
    try {
      const bestand = join(map, 'hoofdstuk.pdf');
      writeFileSync(bestand, res.rawPayload);
      const tekst = execFileSync('pdftotext', ['-layout', bestand, '-'], { encoding: 'utf8' });
      // a "-" in a finance cell stays the dash the document printed (not 0)
      expect(tekst).toMatch(/Onttrekkingen aan reserves\s+713\s+-\s+-\s+4\.803\s+4\.803/);
      for (const verwacht of ['Samen besturen', 'Vastgesteld door de gemeenteraad op 4 juli 2024.', 'Apparaatskosten per inwoner', '€ 979', '-16.516', '-16.321', 'Cijfers voor 2022 zijn niet bekend.', 'Verhoogde kwaliteit van beleid en besluiten', 'Gehaald', 'Bijna gehaald']) {
        expect(tekst).toContain(verwacht);
      }
      const info = execFileSync('pdfinfo', [bestand], { encoding: 'utf8' });
      expect(info).toMatch(/Title:\s+Samen besturen - Jaarstukken 2023/);
      expect(info).toMatch(/Tagged:\s+yes/);
      const en = await get('/diemen/en/jaarstukken/2023/samen-besturen.pdf');
      writeFileSync(bestand, en.rawPayload);
      expect(execFileSync('pdftotext', [bestand, '-'], { encoding: 'utf8' })).toContain('Adopted by the municipal council on 4 July 2024.');
      expect(res.rawPayload.toString('latin1')).toMatch(/\/Lang \(nl-NL\)/);
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });

  it('shows a newer vastgesteld version at once (what is kept is kept per version)', async () => {
    const pagina = '/diemen/jaarstukken/2020/samen-besturen';
    const pc = loket.services.pc;
    const v = await pc.importeer(cliContext(), 'GM0384', [jaarstukkenVan(2020)], { naam: 'Jaarstukken 2020', status: 'vastgesteld', vastgesteldOp: '2024-07-04' });
    const correctie = await pc.nieuweVersie(cliContext(), 'GM0384', v.id, { naam: 'Correctie' });
    await pc.wijzigProgramma(cliContext(), 'GM0384', correctie.id, 'samen-besturen', 1, { visie: ['Concepttekst die niet publiek is.'] });
    expect((await get(pagina)).body).not.toContain('Concepttekst');
    expect(correctie.status).toBe('concept');
    await pc.wijzigVersie(cliContext(), 'GM0384', correctie.id, correctie.etag, { status: 'vastgesteld', vastgesteldOp: '2024-09-26' });
    const nu = await get(pagina);
    expect(nu.body).toContain('Concepttekst die niet publiek is.');
    expect(nu.body).toContain('Vastgesteld door de gemeenteraad op 26 september 2024.');
  });

  it('shows further finance tables, overhevelingen and investeringen as tables with their controles, also in CSV and PDF', async () => {
    const pc = loket.services.pc;
    // In Uithoorn, so Diemen's begroting stays unpublished for the index test.
    for (const bestand of ['jaarstukken-2024-economie-en-cultuur.txt', 'begroting-2026-bereikbaarheid.txt']) {
      const h = parseHoofdstuk(readFileSync(fileURLToPath(new URL(`fixtures/${bestand}`, import.meta.url)), 'utf8'), { gemeente: 'GM0451' });
      const v = await pc.importeer(cliContext(), 'GM0451', [h]);
      await pc.wijzigVersie(cliContext(), 'GM0451', v.id, v.etag, { status: 'aangeboden' });
    }
    const begroting = (await get('/uithoorn/begroting/2026/bereikbaarheid-en-mobiliteit')).body;
    expect(begroting).toContain('<caption class="utrecht-table__caption" id="tabel-overig-1">Reserve Mobiliteitsfonds (bedragen × € 1.000)</caption>');
    expect(begroting).toMatch(/<th scope="row" class="utrecht-table__header-cell pc-rijkop">Herinrichting Weesperstraat<\/th>/);
    expect(begroting).toContain('id="tabel-investeringen-1">Investeringen (bedragen × € 1.000)</caption>');
    const jaarstukken = (await get('/uithoorn/jaarstukken/2024/economie-en-cultuur')).body;
    expect(jaarstukken).toContain('id="tabel-overhevelingen">Voorgestelde overhevelingen (bedragen × € 1.000)</caption>');
    expect(jaarstukken).toMatch(/Evenementenbeleid<\/th><td class="utrecht-table__cell pc-getal">45<\/td>/);
    // The printed investment totals do not add up: said in words below the table.
    expect(jaarstukken).toContain('Totaal, Krediet: in het document 825, berekend 740.');
    const csv = (await get('/uithoorn/jaarstukken/2024/economie-en-cultuur.csv')).body.split('\r\n');
    expect(csv.find((r) => r.includes(',overheveling,'))).toMatch(/^GM0451,jaarstukken,2024,\d+,aangeboden,,Economie en cultuur,overheveling,,Evenementenbeleid,,,bedrag,45,45000,€,,,,,,/);
    expect(csv.filter((r) => r.includes(',investering,'))).toHaveLength(12);
    const overig = (await get('/uithoorn/begroting/2026/bereikbaarheid-en-mobiliteit.csv')).body.split('\r\n');
    expect(overig.filter((r) => r.includes(',financien,') && r.includes(',Reserve Mobiliteitsfonds,'))).toHaveLength(12);
    const pdf = await get('/uithoorn/begroting/2026/bereikbaarheid-en-mobiliteit.pdf');
    const map = mkdtempSync(join(tmpdir(), 'loket-pdf-'));
    try {
      writeFileSync(join(map, 'h.pdf'), pdf.rawPayload);
      const tekst = execFileSync('pdftotext', ['-layout', join(map, 'h.pdf'), '-'], { encoding: 'utf8' });
      expect(tekst).toContain('Reserve Mobiliteitsfonds (bedragen × € 1.000)');
      expect(tekst).toContain('Herinrichting Weesperstraat');
    } finally {
      rmSync(map, { recursive: true, force: true });
    }
  });
});
