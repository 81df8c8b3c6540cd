/**
 * The measure kcc-contactverzoeken-binnen-termijn on hand-made requests with answers worked out
 * by hand. The requests are made and handled through the contactverzoeken service at the times
 * below, never by SQL. Every request is to Diemen's team Openbare ruimte, norm 2 werkdagen.
 * Summer time started on Sunday 29 March 2026.
 *
 * | request | made (AMS) | deadline | handled (UTC) | handled in Amsterdam | on time |
 * |---|---|---|---|---|---|
 * | R1 | Mon 2 Mar | Wed 4 Mar | 4 Mar 22:30 | Wed 4 Mar 23:30 | yes (the deadline day itself) |
 * | R2 | Mon 2 Mar | Wed 4 Mar | 4 Mar 23:30 | Thu 5 Mar 00:30 | no (UTC still says 4 Mar) |
 * | R3 | Tue 10 Mar | Thu 12 Mar | 12 Mar 10:00, niet bereikt after one attempt | Thu 12 Mar 11:00 | yes |
 * | R4 | Thu 26 Mar | Mon 30 Mar | 31 Mar 21:30 | Tue 31 Mar 23:30 | no |
 * | R5 | Fri 27 Mar | Tue 31 Mar | 31 Mar 22:30 | Wed 1 Apr 00:30 | no, and in April |
 * | R6 | Fri 27 Mar | Tue 31 Mar | open | — | not counted |
 *
 * March: R1, R3 of R1–R4 = 50 %. April so far: R5 = 0 of 1, voorlopig. 4 March: R1 alone =
 * 100 %; 5 March: R2 alone = 0 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo, logInAls } from '../../../test/demo.ts';
import { cliContext } from '../audit/audit.service.ts';

let loket: TestLoket;
const G = 'GM0384';
const KPI = 'kcc-contactverzoeken-binnen-termijn';
const kpi = () => loket.services.kpi;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  const kcc = await demoWie(loket, 'kcc@duoplus.demo');
  const bo = await demoWie(loket, 'behandelaar@diemen.demo');
  const team = (await loket.services.teams.lijst(cliContext(), G, 0, 100)).rows.find((t) => t.naam === 'Openbare ruimte')?.id;
  const dienst = loket.services.contactverzoeken;
  const maak = async (tijd: string, onderwerp: string) => {
    loket.klok.zet(tijd);
    return (await dienst.maak(kcc, G, { team, onderwerp, vraag: 'Graag terugbellen.', toelichting: '', persoon: { naam: '', telefoon: '0612345678' }, bevestiging: false, taal: 'nl' })).id;
  };
  const handelAf = async (tijd: string, id: string, status: 'afgerond' | 'niet-bereikt' = 'afgerond') => {
    loket.klok.zet(tijd);
    if (status === 'niet-bereikt') await dienst.poging(bo, G, id, { bereikt: false, kanaal: 'telefoon', notitie: '' });
    await dienst.handelAf(bo, G, id, { status, uitkomst: status === 'afgerond' ? 'Gebeld.' : '' });
  };
  const r1 = await maak('2026-03-02T09:00:00Z', 'R1');
  const r2 = await maak('2026-03-02T09:05:00Z', 'R2');
  await handelAf('2026-03-04T22:30:00Z', r1);
  await handelAf('2026-03-04T23:30:00Z', r2);
  const r3 = await maak('2026-03-10T09:00:00Z', 'R3');
  await handelAf('2026-03-12T10:00:00Z', r3, 'niet-bereikt');
  const r4 = await maak('2026-03-26T09:00:00Z', 'R4');
  const r5 = await maak('2026-03-27T09:00:00Z', 'R5');
  await maak('2026-03-27T09:05:00Z', 'R6');
  await handelAf('2026-03-31T21:30:00Z', r4);
  await handelAf('2026-03-31T22:30:00Z', r5);
  loket.klok.zet('2026-04-07T09:00:00Z');
}, 120_000);
afterAll(async () => loket.close());

describe(KPI, () => {
  it('is the share of requests handled on or before their deadline day, by the Amsterdam day of handling', async () => {
    const maart = await kpi().waarde(G, KPI, { periode: '2026-03' });
    expect(maart).toMatchObject({ status: 'bekend', waarde: 50, teller: 2, noemer: 4, eenheid: 'procent', voorlopig: false });
    expect(maart.definitie).toMatchObject({ code: KPI, versie: 2, module: 'contactverzoeken' });
    expect(await kpi().waarde(G, KPI, { periode: '2026-04' })).toMatchObject({ waarde: 0, teller: 0, noemer: 1, voorlopig: true });
    expect(await kpi().waarde(G, KPI, { periode: '2026-Q1' })).toMatchObject({ waarde: 50, teller: 2, noemer: 4 });
  });

  it('counts the deadline day until midnight in Amsterdam, not in UTC', async () => {
    expect(await kpi().waarde(G, KPI, { periodeVan: '2026-03-04', periodeTot: '2026-03-04' })).toMatchObject({ waarde: 100, teller: 1, noemer: 1 });
    expect(await kpi().waarde(G, KPI, { periodeVan: '2026-03-05', periodeTot: '2026-03-05' })).toMatchObject({ waarde: 0, teller: 0, noemer: 1 });
    expect(await kpi().waarde(G, KPI, { periodeVan: '2026-03-31', periodeTot: '2026-03-31' })).toMatchObject({ teller: 0, noemer: 1 });
    expect(await kpi().waarde(G, KPI, { periodeVan: '2026-04-01', periodeTot: '2026-04-01' })).toMatchObject({ teller: 0, noemer: 1 });
  });

  it('is not known, with the reason, without handled requests, in another gemeente, or with a zaaktype filter', async () => {
    expect(await kpi().waarde(G, KPI, { periode: '2026-02' })).toMatchObject({ status: 'niet-bekend', waarde: null, noemer: 0, reden: 'Er zijn in deze periode geen contactverzoeken afgehandeld.' });
    expect(await kpi().waarde('GM0437', KPI, { periode: '2026-03' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
    const metZaaktype = await kpi().waarde(G, KPI, { periode: '2026-03', zaaktype: 'klacht' });
    expect(metZaaktype).toMatchObject({ status: 'niet-bekend', waarde: null });
    expect(metZaaktype.reden).toContain('geen zaaktype');
  });

  it('answers the same from the day rollup once a round has built it, per team too (ADR 0066)', async () => {
    const perioden = [{ periode: '2026-03' }, { periode: '2026-04' }, { periode: '2026-Q1' }, ...['04', '05', '31'].map((d) => ({ periodeVan: `2026-03-${d}`, periodeTot: `2026-03-${d}` }))];
    const waarden = async () => Promise.all(perioden.map(async (p) => kpi().waarde(G, KPI, { ...p, uitsplitsing: 'team' })));
    const live = await waarden();
    expect(live[0]?.versheid).toMatchObject({ bron: 'live', reden: 'De rollup van deze gemeente is nog niet opgebouwd.' });
    await loket.services.kccRollups.contactverzoeken.werkAf();
    const uitRollup = await waarden();
    for (const [i, w] of uitRollup.entries()) {
      expect(w.versheid.bron).toBe('rollup');
      expect({ ...w, berekendOp: null, versheid: null }).toEqual({ ...live[i], berekendOp: null, versheid: null });
    }
    // Every request is to Openbare ruimte: its row is the whole, and selecting that team gives the same.
    const team = (await loket.services.teams.lijst(cliContext(), G, 0, 100)).rows.find((t) => t.naam === 'Openbare ruimte')?.id ?? '';
    expect(uitRollup[0]?.uitsplitsing).toEqual([{ team, waarde: 50, teller: 2, noemer: 4, status: 'bekend', reden: null, inBehandeling: null, normGehaald: null }]);
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', team })).toMatchObject({ team, waarde: 50, teller: 2, noemer: 4, versheid: { bron: 'rollup' } });
    const ander = (await loket.services.teams.lijst(cliContext(), G, 0, 100)).rows.find((t) => t.naam !== 'Openbare ruimte')?.id ?? '';
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', team: ander })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
  });

  it('is read through the KPI API like every measure', async () => {
    const teamleider = await logInAls(loket, 'teamleider@diemen.demo');
    const res = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/kpis/${KPI}/waarden?periode=2026-03`, headers: teamleider.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: KPI, waarde: 50, teller: 2, noemer: 4 });
  });
});
