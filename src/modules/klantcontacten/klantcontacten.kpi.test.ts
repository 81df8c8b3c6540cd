/**
 * The klantcontacten measure of the KPI register on hand-made contacts with answers worked out by
 * hand. The contacts are registered through the klantcontacten service, never by SQL. "Now" is
 * Tuesday 7 April 2026, 11:00 in Amsterdam; summer time started on Sunday 29 March.
 *
 * | contact | op (UTC) | in Amsterdam | kanaal | uitkomst |
 * |---|---|---|---|---|
 * | F1 | 28 Feb 22:30 | Sat 28 Feb 23:30 | telefoon | zelfstandig-afgehandeld |
 * | M1 | 28 Feb 23:30 | Sun 1 Mar 00:30 | telefoon | zelfstandig-afgehandeld |
 * | M2 | 10 Mar 09:00 | 10 Mar 10:00 | telefoon | zelfstandig-afgehandeld |
 * | M3 | 11 Mar 09:00 | 11 Mar 10:00 | telefoon | doorverbonden |
 * | M4 | 12 Mar 09:00 | 12 Mar 10:00 | balie | zelfstandig-afgehandeld (not telephone) |
 * | M5 | 13 Mar 09:00 | 13 Mar 10:00 | chat | niet-afgehandeld (not telephone) |
 * | A1 | 31 Mar 22:30 | Wed 1 Apr 00:30 | telefoon | zelfstandig-afgehandeld |
 * | A2 | 2 Apr 09:00 | 2 Apr 11:00 | telefoon | zaak-aangemaakt (a zaak registered from the call) |
 *
 * March: 2 of 3 telephone contacts (M1, M2; M3 not) = 66.7 %. February: F1 alone = 100 %.
 * April so far: A1 of A1, A2 = 50 %, voorlopig. Q1: F1, M1, M2, M3 = 3 of 4 = 75 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo, logInAls } from '../../../test/demo.ts';
import type { Wie } from '../zaken/zaken.service.ts';
import type { NieuwKlantcontactInvoer } from './klantcontacten.schemas.ts';

let loket: TestLoket;
let kcc: Wie;
const G = 'GM0384';
const KPI = 'kcc-eerstelijns-oplossing';
const kpi = () => loket.services.kpi;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-04-07T09:00:00Z' });
  await laadDemo(loket);
  kcc = await demoWie(loket, 'kcc@duoplus.demo');
  const contact = (op: string, kanaal: NieuwKlantcontactInvoer['kanaal'], uitkomst: NieuwKlantcontactInvoer['uitkomst'], extra: Partial<NieuwKlantcontactInvoer> = {}) =>
    loket.services.klantcontacten.registreer(kcc, G, { kanaal, uitkomst, op, onderwerp: `${kanaal} ${op}`, vraag: '', antwoord: '', zaken: [], ...extra });
  await contact('2026-02-28T22:30:00Z', 'telefoon', 'zelfstandig-afgehandeld');
  await contact('2026-02-28T23:30:00Z', 'telefoon', 'zelfstandig-afgehandeld');
  await contact('2026-03-10T09:00:00Z', 'telefoon', 'zelfstandig-afgehandeld');
  await contact('2026-03-11T09:00:00Z', 'telefoon', 'doorverbonden');
  await contact('2026-03-12T09:00:00Z', 'balie', 'zelfstandig-afgehandeld');
  await contact('2026-03-13T09:00:00Z', 'chat', 'niet-afgehandeld');
  await contact('2026-03-31T22:30:00Z', 'telefoon', 'zelfstandig-afgehandeld');
  await contact('2026-04-02T09:00:00Z', 'telefoon', 'zaak-aangemaakt', { zaak: { zaaktype: 'klacht', taal: 'nl' } });
}, 120_000);
afterAll(async () => loket.close());

describe('kcc-eerstelijns-oplossing', () => {
  it('is the share of telephone contacts resolved at once, by the Amsterdam day of the contact', async () => {
    const maart = await kpi().waarde(G, KPI, { periode: '2026-03' });
    expect(maart).toMatchObject({ status: 'bekend', waarde: 66.7, teller: 2, noemer: 3, eenheid: 'procent', periode: { van: '2026-03-01', tot: '2026-03-31' }, voorlopig: false });
    expect(maart.definitie).toMatchObject({ code: KPI, versie: 1, module: 'klantcontacten' });
    expect(await kpi().waarde(G, KPI, { periode: '2026-02' })).toMatchObject({ waarde: 100, teller: 1, noemer: 1 });
    expect(await kpi().waarde(G, KPI, { periode: '2026-Q1' })).toMatchObject({ waarde: 75, teller: 3, noemer: 4 });
  });

  it('puts a call just after midnight in Amsterdam in the next day, in winter and in summer time', async () => {
    expect(await kpi().waarde(G, KPI, { periodeVan: '2026-03-01', periodeTot: '2026-03-01' })).toMatchObject({ teller: 1, noemer: 1 });
    expect(await kpi().waarde(G, KPI, { periodeVan: '2026-02-28', periodeTot: '2026-02-28' })).toMatchObject({ teller: 1, noemer: 1 });
    expect(await kpi().waarde(G, KPI, { periodeVan: '2026-03-31', periodeTot: '2026-03-31' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
    // April so far: A1 (1 Apr 00:30) resolved, A2 became a zaak.
    expect(await kpi().waarde(G, KPI, { periode: '2026-04' })).toMatchObject({ waarde: 50, teller: 1, noemer: 2, voorlopig: true });
  });

  it('is not known, with the reason, without telephone contacts or with a zaaktype filter', async () => {
    const leeg = await kpi().waarde(G, KPI, { periode: '2026-01' });
    expect(leeg).toMatchObject({ status: 'niet-bekend', waarde: null, teller: null, noemer: 0, reden: 'Er zijn in deze periode geen telefonische klantcontacten vastgelegd.' });
    const metZaaktype = await kpi().waarde(G, KPI, { periode: '2026-03', zaaktype: 'klacht' });
    expect(metZaaktype).toMatchObject({ status: 'niet-bekend', waarde: null, zaaktype: 'klacht' });
    expect(metZaaktype.reden).toContain('geen zaaktype');
  });

  it('counts per gemeente: another gemeente has no contacts', async () => {
    expect(await kpi().waarde('GM0437', KPI, { periode: '2026-03' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
  });

  it('answers the same from the day rollup once a round has built it, and live again while a new contact waits (ADR 0066)', async () => {
    const perioden = [{ periode: '2026-03' }, { periode: '2026-02' }, { periode: '2026-Q1' }, { periode: '2026-04' }, { periodeVan: '2026-03-01', periodeTot: '2026-03-01' }, { periodeVan: '2026-02-28', periodeTot: '2026-02-28' }];
    const waarden = async () => Promise.all(perioden.map(async (p) => kpi().waarde(G, KPI, p)));
    const live = await waarden();
    await loket.services.kccRollups.klantcontacten.werkAf();
    const uitRollup = await waarden();
    for (const [i, w] of uitRollup.entries()) {
      expect(w.versheid.bron).toBe('rollup');
      expect({ ...w, berekendOp: null, versheid: null }).toEqual({ ...live[i], berekendOp: null, versheid: null });
    }
    // A contact registered late for 1 June 2025 (00:30 in Amsterdam) waits for the next round: that month is live and says why, March still reads the rollup.
    await loket.services.klantcontacten.registreer(kcc, G, { kanaal: 'telefoon', uitkomst: 'doorverbonden', op: '2025-05-31T22:30:00Z', onderwerp: 'laat', vraag: '', antwoord: '', zaken: [] });
    const juni = await kpi().waarde(G, KPI, { periode: '2025-06' });
    expect(juni).toMatchObject({ teller: 0, noemer: 1, versheid: { bron: 'live', reden: '1 wijziging wacht nog op verwerking in de rollup.' } });
    expect((await kpi().waarde(G, KPI, { periode: '2026-03' })).versheid.bron).toBe('rollup');
    await loket.services.kccRollups.klantcontacten.werkAf();
    expect(await kpi().waarde(G, KPI, { periode: '2025-06' })).toMatchObject({ teller: 0, noemer: 1, versheid: { bron: 'rollup', herberekend: [{ dag: '2025-06-01', reden: 'klantcontact-vastgelegd' }] } });
    expect(await kpi().waarde(G, KPI, { periode: '2025-05' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
  });

  it('is read through the KPI API like every measure', async () => {
    const teamleider = await logInAls(loket, 'teamleider@diemen.demo');
    const res = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${G}/kpis/${KPI}/waarden?periode=2026-03`, headers: teamleider.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: KPI, waarde: 66.7, teller: 2, noemer: 3 });
    const definitie = await loket.app.inject({ method: 'GET', url: `/api/v1/kpi-definities/${KPI}` });
    expect(definitie.json()).toMatchObject({ code: KPI, eigenaar: 'Klantcontactcentrum', periode: { datum: 'gebeurtenis' } });
  });
});
