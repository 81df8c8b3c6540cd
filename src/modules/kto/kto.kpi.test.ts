/**
 * `tevredenheid-na-afhandeling` in the KPI register on hand-made answers worked out by hand,
 * stored through the kto repository (the module's own writer). "Now" is 7 April 2026.
 *
 * | zaak | zaaktype | vorm | team | kanaal | answered (UTC) | in Amsterdam | answer | tevreden |
 * |---|---|---|---|---|---|---|---|---|
 * | F1 | e-mailvraag | score-5 | A | web | 28 Feb 22:30 | Sat 28 Feb 23:30 | 5 | yes |
 * | M1 | melding-openbare-ruimte | ja-nee | A | web | 28 Feb 23:30 | Sun 1 Mar 00:30 | ja | yes |
 * | M2 | melding-openbare-ruimte | ja-nee | A | app | 10 Mar 09:00 | 10 Mar | nee | no |
 * | M3 | melding-openbare-ruimte | ja-nee | B | web | 11 Mar 09:00 | 11 Mar | ja | yes |
 * | M4 | e-mailvraag | score-5 | B | e-mail | 12 Mar 09:00 | 12 Mar | 4 | yes |
 * | M5 | e-mailvraag | score-5 | B | e-mail | 13 Mar 09:00 | 13 Mar | 3 | no |
 * | M6 | klacht | score-10 | – | – | 14 Mar 09:00 | 14 Mar | 7 | yes |
 * | M7 | klacht | score-10 | A | web | 15 Mar 09:00 | 15 Mar | 6 | no |
 * | O1 | e-mailvraag | score-5 | A | web | asked 15 Mar, never answered | | | not counted |
 *
 * The scales are not averaged: every answer is satisfied or not (ja; 4–5 of 5; 7–10 of 10) and
 * those count together. M6 is a question from before team and channel were kept (both unknown):
 * it counts in the whole and per zaaktype, not per team or channel.
 *
 * March: M1, M3, M4, M6 of 7 = 57.1 %.
 * Per zaaktype: melding 2 of 3 = 66.7 %, e-mailvraag 1 of 2 = 50 %, klacht 1 of 2 = 50 %.
 * Per team: A (M1 yes, M2 no, M7 no) 1 of 3 = 33.3 %; B (M3 ja, M4 4/5 yes, M5 3/5 no) 2 of 3 = 66.7 %.
 * Per kanaal: web (M1, M3 yes, M7 no) 2 of 3 = 66.7 %; app (M2) 0 of 1 = 0 %; e-mail (M4, M5) 1 of 2 = 50 %.
 * Team B and kanaal e-mail: M4, M5 = 1 of 2 = 50 %. Kanaal web per zaaktype: melding 2 of 2, klacht 0 of 1.
 * February: F1 = 100 %. January: not known.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Kanaal, KtoVorm } from '../../db/schema.ts';
import { isTevreden, leesAntwoord, STANDAARD_OPZET } from './kto.regels.ts';
import { ktoRepository } from './kto.repository.ts';

let loket: TestLoket;
const G = 'GM0384';
const KPI = 'tevredenheid-na-afhandeling';
const A = '6f1c1a4e-3d7b-4c1e-9a55-0a8e3b0c1a01';
const B = '6f1c1a4e-3d7b-4c1e-9a55-0a8e3b0c1a02';
const kpi = () => loket.services.kpi;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-04-07T09:00:00Z' });
  await laadDemo(loket);
  const repo = ktoRepository(loket.database.db);
  const antwoord = async (zaaktype: string, vorm: KtoVorm, team: string | null, kanaal: Kanaal | null, op: string, score: number | null) => {
    const zaakId = randomUUID();
    await repo.voegVraagToe({ gemeente: G, zaakId, zaaktype, identificatie: `Z-${zaakId.slice(0, 6)}`, vorm, taal: 'nl', emailHash: randomUUID(), tokenHash: randomUUID(), op, team, kanaal });
    if (score === null) return;
    const gelezen = leesAntwoord(vorm, STANDAARD_OPZET, { score: String(score), punt: 'snelheid' });
    if (!('antwoord' in gelezen)) throw new Error('ongeldig antwoord');
    expect(await repo.voegAntwoordToe(G, zaakId, gelezen.antwoord, op)).toBe(true);
    // Written once: a second answer for the same zaak changes nothing.
    expect(await repo.voegAntwoordToe(G, zaakId, { ...gelezen.antwoord, tevreden: !gelezen.antwoord.tevreden }, op)).toBe(false);
  };
  await antwoord('e-mailvraag', 'score-5', A, 'web', '2026-02-28T22:30:00Z', 5);
  await antwoord('melding-openbare-ruimte', 'ja-nee', A, 'web', '2026-02-28T23:30:00Z', 1);
  await antwoord('melding-openbare-ruimte', 'ja-nee', A, 'app', '2026-03-10T09:00:00Z', 0);
  await antwoord('melding-openbare-ruimte', 'ja-nee', B, 'web', '2026-03-11T09:00:00Z', 1);
  await antwoord('e-mailvraag', 'score-5', B, 'e-mail', '2026-03-12T09:00:00Z', 4);
  await antwoord('e-mailvraag', 'score-5', B, 'e-mail', '2026-03-13T09:00:00Z', 3);
  await antwoord('klacht', 'score-10', null, null, '2026-03-14T09:00:00Z', 7);
  await antwoord('klacht', 'score-10', A, 'web', '2026-03-15T09:00:00Z', 6);
  await antwoord('e-mailvraag', 'score-5', A, 'web', '2026-03-15T09:00:00Z', null);
}, 120_000);
afterAll(async () => loket?.close());

describe('tevreden', () => {
  it('is ja, 4–5 of 5, or 7–10 of 10', () => {
    expect([1, 0].map((s) => isTevreden('ja-nee', s))).toEqual([true, false]);
    expect([1, 2, 3, 4, 5].map((s) => isTevreden('score-5', s))).toEqual([false, false, false, true, true]);
    expect([6, 7, 10].map((s) => isTevreden('score-10', s))).toEqual([false, true, true]);
  });
});

describe(KPI, () => {
  it('is the share of satisfied answers by the Amsterdam day of the answer, per zaaktype', async () => {
    const maart = await kpi().waarde(G, KPI, { periode: '2026-03', uitsplitsing: 'zaaktype' });
    expect(maart).toMatchObject({ status: 'bekend', waarde: 57.1, teller: 4, noemer: 7, eenheid: 'procent', voorlopig: false });
    expect(maart.definitie).toMatchObject({ code: KPI, versie: 2, module: 'kto', uitsplitsingen: ['zaaktype', 'team', 'kanaal'] });
    expect(maart.uitsplitsing).toEqual([
      expect.objectContaining({ zaaktype: 'e-mailvraag', waarde: 50, teller: 1, noemer: 2 }),
      expect.objectContaining({ zaaktype: 'klacht', waarde: 50, teller: 1, noemer: 2 }),
      expect.objectContaining({ zaaktype: 'melding-openbare-ruimte', waarde: 66.7, teller: 2, noemer: 3 }),
    ]);
    expect(await kpi().waarde(G, KPI, { periode: '2026-02' })).toMatchObject({ waarde: 100, teller: 1, noemer: 1 });
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', zaaktype: 'e-mailvraag' })).toMatchObject({ waarde: 50, teller: 1, noemer: 2 });
  });

  it('per team: ja/nee, 1–5 and 1–10 answers count together as satisfied or not; an answer without a team only in the whole', async () => {
    const maart = await kpi().waarde(G, KPI, { periode: '2026-03', uitsplitsing: 'team' });
    expect(maart).toMatchObject({ waarde: 57.1, teller: 4, noemer: 7 });
    expect(maart.uitsplitsing?.map(({ team, waarde, teller, noemer }) => ({ team, waarde, teller, noemer }))).toEqual([
      { team: A, waarde: 33.3, teller: 1, noemer: 3 },
      { team: B, waarde: 66.7, teller: 2, noemer: 3 },
    ]);
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', team: B })).toMatchObject({ team: B, waarde: 66.7, teller: 2, noemer: 3 });
  });

  it('per channel the zaak came in through, and one channel and team together', async () => {
    const maart = await kpi().waarde(G, KPI, { periode: '2026-03', uitsplitsing: 'kanaal' });
    expect(maart.uitsplitsing?.map(({ kanaal, waarde, teller, noemer }) => ({ kanaal, waarde, teller, noemer }))).toEqual([
      { kanaal: 'app', waarde: 0, teller: 0, noemer: 1 },
      { kanaal: 'e-mail', waarde: 50, teller: 1, noemer: 2 },
      { kanaal: 'web', waarde: 66.7, teller: 2, noemer: 3 },
    ]);
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', team: B, kanaal: 'e-mail' })).toMatchObject({ team: B, kanaal: 'e-mail', waarde: 50, teller: 1, noemer: 2 });
    // A channel of klantcontacten only: no zaak comes in through it.
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', kanaal: 'chat' })).toMatchObject({ status: 'niet-bekend', noemer: 0, reden: 'Zaken komen niet binnen via het kanaal chat.' });
    const web = await kpi().waarde(G, KPI, { periode: '2026-03', kanaal: 'web', uitsplitsing: 'zaaktype' });
    expect(web).toMatchObject({ waarde: 66.7, teller: 2, noemer: 3 });
    expect(web.uitsplitsing?.map(({ zaaktype, teller, noemer }) => ({ zaaktype, teller, noemer }))).toEqual([
      { zaaktype: 'klacht', teller: 0, noemer: 1 },
      { zaaktype: 'melding-openbare-ruimte', teller: 2, noemer: 2 },
    ]);
  });

  it('is not known, with the reason, without answers; per gemeente', async () => {
    expect(await kpi().waarde(G, KPI, { periode: '2026-01' })).toMatchObject({ status: 'niet-bekend', noemer: 0, reden: 'Er kwamen in deze periode geen antwoorden op de vraag na afhandeling binnen.' });
    expect(await kpi().waarde('GM0437', KPI, { periode: '2026-03' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', kanaal: 'post', uitsplitsing: 'team' })).toMatchObject({ status: 'niet-bekend', noemer: 0, uitsplitsing: [] });
  });

  it('in the API: per kanaal and per team; an unknown channel, or kanaal on a measure without it, is 400', async () => {
    const wie = await logInAls(loket, 'teamleider@diemen.demo');
    const url = `/api/v1/gemeenten/${G}/kpis`;
    const goed = await loket.app.inject({ method: 'GET', url: `${url}/${KPI}/waarden?periode=2026-03&kanaal=web&uitsplitsing=team`, headers: wie.headers });
    expect(goed.statusCode, goed.body).toBe(200);
    // Kanaal web: M1 (A, yes), M3 (B, yes), M7 (A, no).
    expect(goed.json()).toMatchObject({ kanaal: 'web', team: null, waarde: 66.7, teller: 2, noemer: 3, uitsplitsing: [{ team: A, teller: 1, noemer: 2 }, { team: B, teller: 1, noemer: 1 }] });
    const fout = await loket.app.inject({ method: 'GET', url: `${url}/${KPI}/waarden?periode=2026-03&kanaal=fax&uitsplitsing=wijk`, headers: wie.headers });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['query.kanaal', 'query.uitsplitsing']);
    const ander = await loket.app.inject({ method: 'GET', url: `${url}/meldingen-tevreden-na-afhandeling/waarden?periode=2026-03&kanaal=web`, headers: wie.headers });
    expect(ander.statusCode).toBe(400);
    expect(ander.json().invalidParams).toEqual([expect.objectContaining({ name: 'query.kanaal', code: 'selectie-kan-niet' })]);
  });
});
