/**
 * P&C indicators filled from operations (ADR 0079), on hand-made e-mail zaken with a known answer.
 * The zaken are made through the zaken service on a moving clock; "now" is 23 November 2026.
 *
 * | zaak | kanaal | ontvangen | afgesloten | 5th werkdag after receipt | counts for |
 * |---|---|---|---|---|---|
 * | E0 | e-mail | Fri 30 Dec 2022 | Tue 3 Jan 2023 | 6 Jan 2023 (1 Jan is a Sunday) | 2022: in time |
 * | E1 | e-mail | Wed 1 Mar 2023 | Mon 6 Mar 2023 | 8 Mar | 2023: in time |
 * | E2 | e-mail | Thu 1 Jun 2023 | Mon 12 Jun 2023 | 8 Jun | 2023: late |
 * | E3 | e-mail | Thu 28 Dec 2023 | Tue 2 Jan 2024 | 5 Jan 2024 (1 Jan is a holiday) | 2023: in time |
 * | T1 | telefoon | Wed 1 Mar 2023 | Thu 16 Mar 2023 | — | not an e-mail |
 *
 * So "E-mail binnen 5 werkdagen" is 2 of 3 = 66,7% for 2023 and 1 of 1 = 100% for 2022.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { jaarstukken2023 } from './fixtures/hoofdstuk.fixture.ts';

let loket: TestLoket;
let pc: Ingelogd;
let behandelaar: Ingelogd;
const G = 'GM0384';
const BASIS = `/api/v1/gemeenten/${G}`;
const NU = '2026-11-23T09:00:00.000Z';
const KPI = 'email-binnen-5-werkdagen';
/** 2.2.1 "E-mail binnen 5 werkdagen afgehandeld" is the 7th indicator of the chapter. */
const NR = 7;

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, opties: { als?: Ingelogd; payload?: unknown; etag?: string | number } = {}) =>
  loket.app.inject({
    method,
    url,
    headers: { ...(opties.als ?? pc).headers, ...(opties.etag !== undefined ? { 'if-match': `"${String(opties.etag).replaceAll('"', '')}"` } : {}) },
    ...(opties.payload !== undefined ? { payload: opties.payload as Record<string, unknown> } : {}),
  });

beforeAll(async () => {
  loket = await testLoket({ nu: NU });
  await laadDemo(loket);
  const admin = await demoWie(loket, 'beheerder@duoplus.demo');
  const zaken = loket.services.zaken;
  // The demo's zaaktype applies from now on: zaken received in 2022 and 2023 name its version by id.
  const emailvraag = (await loket.services.zaaktypen.lijst(G, { alleVersies: false, status: 'gepubliceerd' }, 0, 100)).rows.find((z) => z.code === 'e-mailvraag')?.id ?? '';
  const zaak = async (kanaal: 'e-mail' | 'telefoon', ontvangen: string, afgesloten: string) => {
    loket.klok.zet(`${ontvangen}T10:00:00Z`);
    const { zaak } = await zaken.registreer(admin, G, { zaaktype: emailvraag, kanaal, ontvangstdatum: ontvangen, onderwerp: `Vraag ${ontvangen}` });
    loket.klok.zet(`${afgesloten}T14:00:00Z`);
    const d = await zaken.detail(admin, G, zaak.id, { loggen: false });
    await zaken.sluitAf(admin, G, zaak.id, d.versie, { resultaattype: d.zaaktypeVersie.resultaattypen[0]?.id ?? '' });
  };
  await zaak('e-mail', '2022-12-30', '2023-01-03');
  await zaak('e-mail', '2023-03-01', '2023-03-06');
  await zaak('e-mail', '2023-06-01', '2023-06-12');
  await zaak('e-mail', '2023-12-28', '2024-01-02');
  await zaak('telefoon', '2023-03-01', '2023-03-16');
  loket.klok.zet(NU);
  pc = await logInAls(loket, 'pc@diemen.demo');
  behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
});
afterAll(() => loket.close());

/** A new concept version of the jaarstukken 2023 with 2.2.1 linked to the KPI; answers its id and the chapter's etag. */
async function conceptMetKoppeling(periode: 'kolomjaar' | 'documentjaar' = 'kolomjaar', kpi = KPI): Promise<{ id: string; etag: string }> {
  const v = await req('POST', `${BASIS}/pc-hoofdstukken`, { payload: jaarstukken2023() });
  expect(v.statusCode, v.body).toBe(201);
  const id = v.json().id as string;
  const koppel = await req('PATCH', `${BASIS}/pc-versies/${id}/programmas/samen-besturen/indicatoren/${NR}`, { etag: 1, payload: { kpi: { code: kpi, periode } } });
  expect(koppel.statusCode, koppel.body).toBe(200);
  expect(koppel.json().hoofdstuk.indicatoren[NR - 1].aanvulling.kpi).toEqual({ code: kpi, periode });
  return { id, etag: koppel.headers.etag as string };
}

describe('P&C indicators computed from a KPI', () => {
  it('shows the computed value of each realisation column beside the typed one, by the year of the column', async () => {
    const { id } = await conceptMetKoppeling();
    const res = await req('GET', `${BASIS}/pc-versies/${id}/berekende-waarden`, { als: behandelaar });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ versieId: id, status: 'concept', overnemen: true });
    // The budget column is not computed; each realisation column is its own calendar year.
    expect(body.items).toEqual([
      expect.objectContaining({ programma: 'samen-besturen', nr: NR, code: '2.2.1', kpi: KPI, kolom: 'Realisatie 2022', periode: { van: '2022-01-01', tot: '2022-12-31' }, status: 'bekend', waarde: 100, teller: 1, noemer: 1, voorlopig: false, overgenomen: false, huidig: { tekst: 'NB', getal: null, berekend: false } }),
      expect.objectContaining({ kolom: 'Realisatie 2023', periode: { van: '2023-01-01', tot: '2023-12-31' }, status: 'bekend', waarde: 66.7, teller: 2, noemer: 3, eenheid: 'procent', overgenomen: false }),
    ]);
  });

  it('with the period rule "documentjaar" only the realisation column of the document year is computed', async () => {
    const { id } = await conceptMetKoppeling('documentjaar');
    const items = (await req('GET', `${BASIS}/pc-versies/${id}/berekende-waarden`)).json().items as { kolom: string }[];
    expect(items.map((i) => i.kolom)).toEqual(['Realisatie 2023']);
  });

  it('accepts the computed value into the concept version with its source, and the adopted page shows the definition', async () => {
    const { id, etag } = await conceptMetKoppeling();
    const pad = `${BASIS}/pc-versies/${id}/programmas/samen-besturen/indicatoren/${NR}/berekende-waarden`;
    // A stale etag changes nothing.
    expect((await req('POST', pad, { etag: 1, payload: { kolom: 'Realisatie 2023' } })).statusCode).toBe(412);
    const res = await req('POST', pad, { etag, payload: { kolom: 'Realisatie 2023' } });
    expect(res.statusCode, res.body).toBe(200);
    const waarde = res.json().hoofdstuk.indicatoren[NR - 1].waarden.find((w: { kolom: string }) => w.kolom === 'Realisatie 2023');
    expect(waarde).toEqual({
      kolom: 'Realisatie 2023',
      tekst: '66,7%',
      getal: 66.7,
      eenheid: '%',
      voetnoten: [31],
      berekend: {
        kpi: KPI,
        versie: 2,
        naam: { nl: 'E-mail binnen 5 werkdagen afgehandeld', en: 'E-mail handled within 5 working days' },
        teller: expect.stringContaining('uiterlijk op de 5e werkdag'),
        noemer: expect.any(String),
        regel: 'De ontvangstdatum van de zaak ligt in de periode.',
        periode: { van: '2023-01-01', tot: '2023-12-31' },
        aantallen: { teller: 2, noemer: 3 },
        berekendOp: loket.klok.nu().toISOString(),
      },
    });
    // The other columns are as they were.
    expect(res.json().hoofdstuk.indicatoren[NR - 1].waarden[0]).toMatchObject({ kolom: 'Realisatie 2022', tekst: 'NB', status: 'NB' });
    const daarna = (await req('GET', `${BASIS}/pc-versies/${id}/berekende-waarden`)).json().items as { kolom: string; overgenomen: boolean; huidig: { berekend: boolean } }[];
    expect(daarna.find((i) => i.kolom === 'Realisatie 2023')).toMatchObject({ overgenomen: true, huidig: { berekend: true } });

    // Once the council adopts this version, the public page shows the value with its source and definition.
    const versie = await req('GET', `${BASIS}/pc-versies/${id}`);
    const vast = await req('PATCH', `${BASIS}/pc-versies/${id}`, { etag: versie.headers.etag as string, payload: { status: 'vastgesteld', vastgesteldOp: '2026-11-20' } });
    expect(vast.statusCode, vast.body).toBe(200);
    for (const [pagina, woorden] of [
      ['/diemen/jaarstukken/2023/samen-besturen', ['Berekend door Loket', 'Berekend uit onze eigen gegevens', '2 van 3', 'E-mailvragen die uiterlijk op de 5e werkdag', '1 januari 2023']],
      ['/diemen/en/jaarstukken/2023/samen-besturen', ['Computed by Loket', '2 of 3']],
    ] as const) {
      const html = await loket.app.inject({ method: 'GET', url: pagina });
      expect(html.statusCode, pagina).toBe(200);
      expect(html.body).toContain('66,7%');
      for (const w of woorden) expect(html.body, `${pagina}: ${w}`).toContain(w);
      expect(html.body).toMatch(/href="#berekend-1"/);
      expect(html.body).toMatch(/id="berekend-1"/);
    }
    // A vastgesteld version never takes a computed value.
    const opnieuw = await req('POST', pad, { etag: vast.headers.etag as string, payload: { kolom: 'Realisatie 2022' } });
    expect(opnieuw.statusCode).toBe(409);
    expect(opnieuw.json()).toMatchObject({ type: expect.stringContaining('versie-niet-concept') });
  });

  it('refuses a period that is not over, a KPI that does not exist, a column without a computation and staff without the right', async () => {
    const { id, etag } = await conceptMetKoppeling();
    const indicator = `${BASIS}/pc-versies/${id}/programmas/samen-besturen/indicatoren`;
    // An indicator with a column of this year: its period is not over, so it cannot be accepted yet.
    const nieuw = await req('POST', indicator, {
      etag,
      payload: { code: '9.9', naam: 'Test van dit jaar', soort: 'prestatie', verplicht: false, waarden: [{ kolom: 'Realisatie 2026', tekst: 'NB', getal: null, eenheid: null, voetnoten: [] }], aanvulling: { richting: null, koppeling: null, bron: null, peildatum: null, toelichting: null, kpi: { code: KPI, periode: 'kolomjaar' } } },
    });
    expect(nieuw.statusCode, nieuw.body).toBe(201);
    const nr = nieuw.json().hoofdstuk.indicatoren.length as number;
    const loopt = await req('POST', `${indicator}/${nr}/berekende-waarden`, { etag: nieuw.headers.etag as string, payload: { kolom: 'Realisatie 2026' } });
    expect(loopt.statusCode, loopt.body).toBe(409);
    expect(loopt.json().detail).toContain('2026-12-31');
    // No computation for the budget column, nor for an indicator without a link.
    expect((await req('POST', `${indicator}/${NR}/berekende-waarden`, { etag: nieuw.headers.etag as string, payload: { kolom: 'Begroting 2023' } })).statusCode).toBe(404);
    expect((await req('POST', `${indicator}/1/berekende-waarden`, { etag: nieuw.headers.etag as string, payload: { kolom: 'Realisatie 2023' } })).statusCode).toBe(404);
    // All validation errors at once, nothing changed.
    const leeg = await req('POST', `${indicator}/${NR}/berekende-waarden`, { etag: nieuw.headers.etag as string, payload: {} });
    expect(leeg.statusCode).toBe(400);
    expect((await req('POST', `${indicator}/${NR}/berekende-waarden`, { als: behandelaar, etag: nieuw.headers.etag as string, payload: { kolom: 'Realisatie 2023' } })).statusCode).toBe(403);
    const chapter = await req('GET', `${BASIS}/pc-versies/${id}/programmas/samen-besturen`);
    expect(chapter.headers.etag).toBe(nieuw.headers.etag);

    // A link to a KPI that does not exist is "niet bekend" with the reason, never a number.
    const onbekend = await conceptMetKoppeling('kolomjaar', 'bestaat-niet');
    const items = (await req('GET', `${BASIS}/pc-versies/${onbekend.id}/berekende-waarden`)).json().items as { status: string; reden: string; waarde: number | null }[];
    expect(items).toHaveLength(2);
    for (const i of items) expect(i).toMatchObject({ status: 'niet-bekend', waarde: null, reden: expect.stringContaining('bestaat-niet') });
    const weigert = await req('POST', `${BASIS}/pc-versies/${onbekend.id}/programmas/samen-besturen/indicatoren/${NR}/berekende-waarden`, { etag: onbekend.etag, payload: { kolom: 'Realisatie 2023' } });
    expect(weigert.statusCode).toBe(409);
  });

  it('removes the link with kpi null', async () => {
    const { id, etag } = await conceptMetKoppeling();
    const weg = await req('PATCH', `${BASIS}/pc-versies/${id}/programmas/samen-besturen/indicatoren/${NR}`, { etag, payload: { kpi: null } });
    expect(weg.statusCode, weg.body).toBe(200);
    expect(weg.json().hoofdstuk.indicatoren[NR - 1].aanvulling).toBeUndefined();
    expect((await req('GET', `${BASIS}/pc-versies/${id}/berekende-waarden`)).json().items).toEqual([]);
  });
});
