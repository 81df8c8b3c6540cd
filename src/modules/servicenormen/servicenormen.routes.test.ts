/**
 * The public servicenormen page on hand-made zaken. "Now" is Tuesday 10 March 2026, 11:00 in
 * Amsterdam: the last whole month is February 2026, the last whole quarter is 2025-Q4 (October to
 * December 2025, no zaken: "niet bekend" everywhere), the last twelve whole months are March 2025
 * to February 2026.
 *
 * | zaak | zaaktype (norm) | kanaal | ontvangen | afgesloten | deadline | on time |
 * |---|---|---|---|---|---|---|
 * | K1 | klacht (P6W) | post | Mon 5 Jan | Tue 20 Jan | 16 Feb | yes |
 * | E1 | e-mailvraag (5wd) | e-mail | Mon 2 Feb | Thu 5 Feb | 9 Feb | yes |
 * | E2 | e-mailvraag | e-mail | Mon 9 Feb | Fri 20 Feb | 16 Feb | no |
 *
 * February: zaken-binnen-norm 50% (1 of 2: E1, E2), e-mail 50% (1 of 2) against Diemen's demo norm
 * of 70%: not met. Twelve months: zaken-binnen-norm 66.7% (2 of 3), klacht 100% (1 of 1), and
 * klacht has no value for February.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo } from '../../../test/demo.ts';
import { DEMO_ZAAKTYPEN } from '../demo/demo.zaaktypen.ts';
import type { KpiWaarde } from '../kpi/kpi.service.ts';
import type { Wie } from '../zaken/zaken.service.ts';

let loket: TestLoket;
let admin: Wie;
const G = 'GM0384';
const NU = '2026-03-10T10:00:00Z';
const NAMEN = new Map(DEMO_ZAAKTYPEN.map((z) => [z.code, z.naam.nl]));
const get = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-01-05T09:00:00Z' });
  await laadDemo(loket);
  // A gemeente with nothing: no zaaktypen, no zaken, no norms.
  await loket.services.gemeenten.bewaar({ code: 'GM0999', naam: 'Leegdorp', slug: 'leegdorp', domein: 'leegdorp.example', thema: {} });
  admin = await demoWie(loket, 'beheerder@duoplus.demo');
  const zaken = loket.services.zaken;
  const registreer = async (zaaktype: string, kanaal: 'post' | 'e-mail', ontvangstdatum: string) =>
    (await zaken.registreer(admin, G, { zaaktype, kanaal, ontvangstdatum, onderwerp: `${zaaktype} ${ontvangstdatum}` })).zaak;
  const sluit = async (id: string, op: string) => {
    loket.klok.zet(op);
    const d = await zaken.detail(admin, G, id, { loggen: false });
    await zaken.sluitAf(admin, G, id, d.versie, { resultaattype: d.zaaktypeVersie.resultaattypen[0]?.id ?? '' });
  };
  const k1 = await registreer('klacht', 'post', '2026-01-05');
  await sluit(k1.id, '2026-01-20T10:00:00Z');
  loket.klok.zet('2026-02-02T09:00:00Z');
  const e1 = await registreer('e-mailvraag', 'e-mail', '2026-02-02');
  await sluit(e1.id, '2026-02-05T10:00:00Z');
  loket.klok.zet('2026-02-09T09:00:00Z');
  const e2 = await registreer('e-mailvraag', 'e-mail', '2026-02-09');
  await sluit(e2.id, '2026-02-20T10:00:00Z');
  loket.klok.zet(NU);
}, 60_000);
afterAll(() => loket.close());

/** The rows of the table with this caption: per row the text of each cell (tags stripped). */
function tabel(body: string, caption: string): string[][] {
  const tabellen = body.split('<table').slice(1).map((t) => t.slice(0, t.indexOf('</table>')));
  const gevonden = tabellen.find((t) => new RegExp(`<caption[^>]*>${caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</caption>`).test(t));
  if (!gevonden) throw new Error(`geen tabel "${caption}"`);
  return [...gevonden.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((rij) =>
    [...(rij[1] ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((cel) => (cel[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ ([.,)])/g, '$1').trim()),
  );
}

const getal = (n: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(n);

/** What a cell must say for a value of the KPI service (Dutch page). */
function verwacht(w: Pick<KpiWaarde, 'status' | 'waarde' | 'teller' | 'noemer' | 'reden' | 'eenheid'>): string {
  if (w.status === 'niet-bekend') return `Niet bekend. ${w.reden}`;
  if (w.eenheid === 'procent') return `${getal(w.waarde ?? 0)}% (${w.teller} van de ${w.noemer})`;
  return `${w.waarde === 1 ? '1 werkdag' : `${getal(w.waarde ?? 0)} werkdagen`} (${w.noemer === 1 ? '1 zaak' : `${w.noemer} zaken`})`;
}

describe('servicenormen page', () => {
  it('shows per zaaktype the norm in plain words and what we ask of the resident, as a table with caption and scope', async () => {
    const res = await get('/diemen/servicenormen');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const b = res.body;
    expect(b).toContain('<html lang="nl"');
    expect(b).toMatch(/<title>Servicenormen - Gemeente Diemen<\/title>/);
    expect(b).not.toContain('<script');
    expect(b).toContain('<link rel="alternate" hreflang="en" href="/diemen/en/servicenormen">');
    const producten = tabel(b, 'Onze termijnen per onderwerp');
    expect(producten[0]).toEqual(['Onderwerp', 'Wat u van ons mag verwachten', 'Wat wij van u vragen']);
    const rij = (naam: string) => producten.find((r) => r[0] === naam) ?? [];
    expect(rij('Aanvraag met beschikking')[1]).toMatch(/^U krijgt binnen 8 weken antwoord\. Hebben wij meer tijd nodig\? Dan laten wij u dat weten\. Wij verlengen de termijn met hoogstens 8 weken\. Regel: Awb art\. 4:13/);
    expect(rij('Aanvraag met beschikking')[2]).toContain('Tot wij die informatie hebben, staat de termijn stil.');
    expect(rij('Vraag per e-mail')[1]).toMatch(/^U krijgt binnen 5 werkdagen antwoord\. Wij verlengen deze termijn niet\./);
    expect(rij('Vraag per e-mail')[2]).toBe('De termijn staat niet stil. Ook als wij u iets vragen, blijft de datum hetzelfde.');
    expect(producten).toHaveLength(1 + 11);
    expect(b).toMatch(/<th scope="row" class="utrecht-table__header-cell sn-rijkop">Klacht<\/th>/);
    expect(b).toMatch(/<th scope="col" class="utrecht-table__header-cell">februari 2026<\/th>/);
    expect(b).toMatch(/<th scope="col" class="utrecht-table__header-cell">4e kwartaal 2025<\/th>/);
    expect(b).toMatch(/<th scope="col" class="utrecht-table__header-cell">maart 2025 tot en met februari 2026<\/th>/);
  });

  it('shows the same values as the KPI service for the last whole month, the last whole quarter and the last twelve months, with the norm and its source', async () => {
    const b = (await get('/diemen/servicenormen')).body;
    const publiek = await loket.services.kpi.definities({ publiek: true });
    expect(publiek.map((d) => d.code)).toEqual(['zaken-binnen-norm', 'zaken-doorlooptijd-mediaan', 'zaken-doorlooptijd-p90', 'email-binnen-5-werkdagen']);
    for (const d of publiek) {
      const [maand, kwartaal, jaar] = await Promise.all(
        [{ periodeVan: '2026-02-01', periodeTot: '2026-02-28' }, { periode: '2025-Q4' }, { periodeVan: '2025-03-01', periodeTot: '2026-02-28' }].map((p) =>
          loket.services.kpi.waarde(G, d.code, { ...p, uitsplitsing: 'zaaktype' }),
        ),
      );
      if (!maand || !kwartaal || !jaar) throw new Error('geen waarde');
      const rijen = tabel(b, `${d.naam.nl}, per onderwerp`);
      const alle = rijen.find((r) => r[0] === 'Alle onderwerpen') ?? [];
      expect(alle[1], `${d.code} februari`).toContain(verwacht(maand));
      expect(alle[2], `${d.code} kwartaal`).toContain(verwacht(kwartaal));
      expect(alle[3], `${d.code} 12 maanden`).toContain(verwacht(jaar));
      for (const u of jaar.uitsplitsing ?? []) {
        const rij = rijen.find((r) => r[0] === NAMEN.get(u.zaaktype ?? ''));
        expect(rij?.[3], `${d.code} ${u.zaaktype}`).toContain(verwacht({ ...u, eenheid: d.eenheid }));
      }
    }
    // By hand (see the table at the top).
    const binnenNorm = tabel(b, 'Zaken afgehandeld binnen de termijn, per onderwerp');
    expect(binnenNorm.slice(1).map((r) => r[0])).toEqual(['Alle onderwerpen', 'Klacht', 'Vraag per e-mail']);
    expect(binnenNorm[1]?.slice(1)).toEqual(['50% (1 van de 2) Streefwaarde niet gehaald.', 'Niet bekend. Er zijn in deze periode geen zaken die meetellen.', '66,7% (2 van de 3) Streefwaarde niet gehaald.']);
    expect(binnenNorm[2]?.slice(1)).toEqual(['Niet bekend. In deze periode telde geen zaak van dit onderwerp mee.', 'Niet bekend. In deze periode telde geen zaak van dit onderwerp mee.', '100% (1 van de 1) Streefwaarde gehaald.']);
    const email = tabel(b, 'E-mail binnen 5 werkdagen afgehandeld, per onderwerp');
    expect(email[1]?.slice(1)).toEqual(['50% (1 van de 2) Streefwaarde niet gehaald.', 'Niet bekend. Er zijn in deze periode geen e-mailvragen ontvangen (zaken met kanaal e-mail).', '50% (1 van de 2) Streefwaarde niet gehaald.']);
    expect(b).toContain('Onze streefwaarde is 70% of meer.');
    expect(b).toContain('Bron: Jaarstukken 2023 gemeente Diemen, programma Samen besturen, indicator 2.2.1');
    expect(b).toContain('Hiervoor is geen streefwaarde vastgesteld.');
    expect(b).toContain('Berekend op 10 maart 2026 om 11:00.');
    // The definition one click away, without JavaScript.
    expect(b).toMatch(/<details class="sn-definitie">\s*<summary>Zo meten wij dit<\/summary>/);
    expect(b).toContain('E-mailvragen die uiterlijk op de 5e werkdag na ontvangst zijn afgesloten.');
    expect(b).toContain('email-binnen-5-werkdagen, versie 2');
    expect(b).toContain('href="/api/v1/kpi-definities/email-binnen-5-werkdagen"');
    // Not public: not on the page.
    expect(b).not.toContain('Open zaken over de termijn');
  });

  it('is in English under /en/, with Dutch content marked as Dutch', async () => {
    const res = await get('/diemen/en/servicenormen');
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(b).toContain('<html lang="en"');
    expect(b).toMatch(/<title>Service standards - Municipality of Diemen<\/title>/);
    expect(b).toContain('<link rel="alternate" hreflang="nl" href="/diemen/servicenormen">');
    const producten = tabel(b, 'Our time limits per subject');
    expect(producten.find((r) => r[0] === 'Question by e-mail')?.[1]).toMatch(/^You get an answer within 5 working days\. We do not extend this time limit\./);
    const binnenNorm = tabel(b, 'Cases closed within their term, per subject');
    expect(binnenNorm[0]?.slice(1)).toEqual(['February 2026', 'Q4 2025', 'March 2025 to February 2026']);
    expect(binnenNorm[1]?.[1]).toBe('50% (1 out of 2) Target not met.');
    expect(binnenNorm[1]?.[3]).toBe('66.7% (2 out of 3) Target not met.');
    expect(b).toContain('Source: <span lang="nl">Jaarstukken 2023 gemeente Diemen');
    expect(b).toContain('<summary>How we measure this</summary>');
    expect(b).toContain('Calculated on 10 March 2026 at 11:00.');
  });

  it('says "niet bekend" with the reason for a gemeente without zaken, zaaktypen or norms', async () => {
    const b = (await get('/leegdorp/servicenormen')).body;
    expect(b).toContain('Er zijn nog geen onderwerpen met een termijn.');
    const binnenNorm = tabel(b, 'Zaken afgehandeld binnen de termijn, per onderwerp');
    expect(binnenNorm.slice(1)).toEqual([
      ['Alle onderwerpen', 'Niet bekend. Er zijn in deze periode geen zaken die meetellen.', 'Niet bekend. Er zijn in deze periode geen zaken die meetellen.', 'Niet bekend. Er zijn in deze periode geen zaken die meetellen.'],
    ]);
    expect(tabel(b, 'E-mail binnen 5 werkdagen afgehandeld, per onderwerp')[1]?.[1]).toBe('Niet bekend. Er zijn in deze periode geen e-mailvragen ontvangen (zaken met kanaal e-mail).');
    expect(b).not.toContain('Streefwaarde');
    expect(b).not.toContain('Onze streefwaarde');
  });

  it('answers an unknown gemeente with the HTML 404 page, in both languages', async () => {
    for (const url of ['/bestaat-niet/servicenormen', '/bestaat-niet/en/servicenormen']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
    expect((await get('/bestaat-niet/servicenormen')).body).toContain('Deze pagina bestaat niet');
  });

  it('is linked from the gemeente’s home page in both languages, and serves its stylesheet', async () => {
    expect((await get('/diemen/')).body).toContain('href="/diemen/servicenormen"');
    expect((await get('/diemen/en/')).body).toContain('href="/diemen/en/servicenormen"');
    const css = /href="(\/static\/servicenormen\.css\?v=[^"]+)"/.exec((await get('/diemen/servicenormen')).body)?.[1] ?? '';
    const res = await get(css);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/css/);
  });
});

/** A `;`-separated CSV text (RFC 4180 quotes, CRLF) as rows of cells. */
function leesCsv(tekst: string): string[][] {
  const rijen: string[][] = [];
  let rij: string[] = [];
  let cel = '';
  let tussenAanhalingstekens = false;
  for (let i = 0; i < tekst.length; i++) {
    const c = tekst[i];
    if (tussenAanhalingstekens) {
      if (c === '"' && tekst[i + 1] === '"') {
        cel += '"';
        i++;
      } else if (c === '"') tussenAanhalingstekens = false;
      else cel += c;
    } else if (c === '"') tussenAanhalingstekens = true;
    else if (c === ';') {
      rij.push(cel);
      cel = '';
    } else if (c === '\r' && tekst[i + 1] === '\n') {
      rij.push(cel);
      rijen.push(rij);
      rij = [];
      cel = '';
      i++;
    } else cel += c;
  }
  return rijen;
}

describe('servicenormen open data', () => {
  it('serves the page’s numbers as a ;-separated CSV with a BOM that parses back to the KPI service’s values', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/diemen/servicenormen.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toBe('inline; filename="diemen-servicenormen.csv"');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const [kop, ...rijen] = leesCsv(res.body.slice(1));
    expect(kop).toEqual([
      'gemeente', 'soort', 'kpi', 'versie', 'naam', 'periode', 'van', 'tot', 'zaaktype', 'waarde', 'teller', 'noemer', 'eenheid', 'status', 'reden',
      'norm', 'norm_bron', 'norm_gehaald', 'berekend_op', 'termijn', 'max_verlenging', 'opschorting_toegestaan', 'rechtsgrond',
    ]);
    for (const r of rijen) expect(r).toHaveLength(kop?.length ?? 0);
    const veld = (r: string[] | undefined, naam: string) => r?.[kop?.indexOf(naam) ?? -1];
    const zoek = (kpi: string, periode: string, zaaktype = '') =>
      rijen.find((r) => veld(r, 'soort') === 'waarde' && veld(r, 'kpi') === kpi && veld(r, 'periode') === periode && veld(r, 'zaaktype') === zaaktype);
    // One row per measure, scope and period, the same as the service for that period.
    const maand = await loket.services.kpi.waarde(G, 'email-binnen-5-werkdagen', { periodeVan: '2026-02-01', periodeTot: '2026-02-28', uitsplitsing: 'zaaktype' });
    const email = zoek('email-binnen-5-werkdagen', 'maand');
    expect(email?.slice(0, 19)).toEqual([
      G, 'waarde', 'email-binnen-5-werkdagen', String(maand.definitie.versie), maand.naam, 'maand', '2026-02-01', '2026-02-28', '',
      String(maand.waarde), String(maand.teller), String(maand.noemer), 'procent', 'bekend', '', '70', maand.norm?.bron, 'nee', maand.berekendOp,
    ]);
    expect(maand.waarde).toBe(50);
    const jaar = await loket.services.kpi.waarde(G, 'zaken-binnen-norm', { periodeVan: '2025-03-01', periodeTot: '2026-02-28', uitsplitsing: 'zaaktype' });
    expect(veld(zoek('zaken-binnen-norm', 'jaar'), 'waarde')).toBe(String(jaar.waarde));
    expect(veld(zoek('zaken-binnen-norm', 'jaar', 'klacht'), 'teller')).toBe('1');
    const kwartaal = await loket.services.kpi.waarde(G, 'zaken-binnen-norm', { periode: '2025-Q4' });
    const q = zoek('zaken-binnen-norm', 'kwartaal');
    expect([veld(q, 'van'), veld(q, 'tot'), veld(q, 'status'), veld(q, 'reden'), veld(q, 'waarde')]).toEqual(['2025-10-01', '2025-12-31', 'niet-bekend', kwartaal.reden, '']);
    // The promises per zaaktype.
    const termijn = rijen.find((r) => veld(r, 'soort') === 'termijn' && veld(r, 'zaaktype') === 'e-mailvraag');
    expect([veld(termijn, 'naam'), veld(termijn, 'termijn'), veld(termijn, 'max_verlenging'), veld(termijn, 'opschorting_toegestaan')]).toEqual(['Vraag per e-mail', '5wd', '', 'nee']);
    expect(rijen.filter((r) => veld(r, 'soort') === 'termijn')).toHaveLength(11);
  });

  it('serves the same data as JSON: per KPI its values per scope and period, and the promises', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/diemen/servicenormen.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const data = res.json();
    expect(data.gemeente).toEqual({ code: G, naam: 'Diemen', slug: 'diemen' });
    expect(data.perioden).toEqual({
      maand: { van: '2026-02-01', tot: '2026-02-28' },
      kwartaal: { van: '2025-10-01', tot: '2025-12-31', naam: '2025-Q4' },
      jaar: { van: '2025-03-01', tot: '2026-02-28' },
    });
    expect(data.kpis.map((k: { code: string }) => k.code)).toEqual(['zaken-binnen-norm', 'zaken-doorlooptijd-mediaan', 'zaken-doorlooptijd-p90', 'email-binnen-5-werkdagen']);
    const binnenNorm = data.kpis[0];
    expect(binnenNorm).toMatchObject({ code: 'zaken-binnen-norm', versie: 1, naam: { nl: 'Zaken afgehandeld binnen de termijn' }, eenheid: 'procent', definitie: '/api/v1/kpi-definities/zaken-binnen-norm' });
    const jaar = await loket.services.kpi.waarde(G, 'zaken-binnen-norm', { periodeVan: '2025-03-01', periodeTot: '2026-02-28', uitsplitsing: 'zaaktype' });
    const waarden = binnenNorm.waarden as { periode: string; zaaktype: string | null }[];
    expect(waarden.find((w) => w.periode === 'jaar' && w.zaaktype === null)).toEqual({
      periode: 'jaar', van: '2025-03-01', tot: '2026-02-28', zaaktype: null, waarde: jaar.waarde, teller: 2, noemer: 3, eenheid: 'procent', status: 'bekend', reden: null,
      norm: jaar.norm, normGehaald: false, berekendOp: jaar.berekendOp,
    });
    expect(waarden.filter((w) => w.zaaktype === null).map((w) => w.periode)).toEqual(['maand', 'kwartaal', 'jaar']);
    expect(data.producten.find((p: { zaaktype: string }) => p.zaaktype === 'klacht')).toMatchObject({ termijn: 'P6W', opschortingToegestaan: expect.any(Boolean) });
  });

  it('answers an unknown gemeente with 404', async () => {
    for (const url of ['/bestaat-niet/servicenormen.csv', '/bestaat-niet/servicenormen.json']) {
      expect((await loket.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });

  it('is linked from the page in both languages', async () => {
    for (const url of ['/diemen/servicenormen', '/diemen/en/servicenormen']) {
      const b = (await get(url)).body;
      expect(b).toContain('href="/diemen/servicenormen.csv"');
      expect(b).toContain('href="/diemen/servicenormen.json"');
    }
  });
});
