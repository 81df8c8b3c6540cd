/**
 * `tevredenheid-na-afhandeling` in the KPI register on hand-made answers worked out by hand,
 * stored through the kto repository (the module's own writer). "Now" is 7 April 2026.
 *
 * | zaak | zaaktype | vorm | answered (UTC) | in Amsterdam | answer | tevreden |
 * |---|---|---|---|---|---|---|
 * | F1 | e-mailvraag | score-5 | 28 Feb 22:30 | Sat 28 Feb 23:30 | 5 | yes |
 * | M1 | melding-openbare-ruimte | ja-nee | 28 Feb 23:30 | Sun 1 Mar 00:30 | ja | yes |
 * | M2 | melding-openbare-ruimte | ja-nee | 10 Mar 09:00 | 10 Mar | nee | no |
 * | M3 | melding-openbare-ruimte | ja-nee | 11 Mar 09:00 | 11 Mar | ja | yes |
 * | M4 | e-mailvraag | score-5 | 12 Mar 09:00 | 12 Mar | 4 | yes |
 * | M5 | e-mailvraag | score-5 | 13 Mar 09:00 | 13 Mar | 3 | no |
 * | M6 | klacht | score-10 | 14 Mar 09:00 | 14 Mar | 7 | yes |
 * | O1 | e-mailvraag | score-5 | asked 15 Mar, never answered | | | not counted |
 *
 * March: M1, M3, M4, M6 of 6 = 66.7 %; melding 2 of 3 = 66.7 %, e-mailvraag 1 of 2 = 50 %,
 * klacht 1 of 1 = 100 %. February: F1 = 100 %. January: not known.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';
import type { KtoVorm } from '../../db/schema.ts';
import { isTevreden, leesAntwoord } from './kto.regels.ts';
import { ktoRepository } from './kto.repository.ts';

let loket: TestLoket;
const G = 'GM0384';
const KPI = 'tevredenheid-na-afhandeling';
const kpi = () => loket.services.kpi;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-04-07T09:00:00Z' });
  await laadDemo(loket);
  const repo = ktoRepository(loket.database.db);
  const antwoord = async (zaaktype: string, vorm: KtoVorm, op: string, score: number | null) => {
    const zaakId = randomUUID();
    await repo.voegVraagToe({ gemeente: G, zaakId, zaaktype, identificatie: `Z-${zaakId.slice(0, 6)}`, vorm, taal: 'nl', emailHash: randomUUID(), tokenHash: randomUUID(), op });
    if (score === null) return;
    const gelezen = leesAntwoord(vorm, { score: String(score), punt: 'snelheid' });
    if (!('antwoord' in gelezen)) throw new Error('ongeldig antwoord');
    expect(await repo.voegAntwoordToe(G, zaakId, gelezen.antwoord, op)).toBe(true);
    // Written once: a second answer for the same zaak changes nothing.
    expect(await repo.voegAntwoordToe(G, zaakId, { ...gelezen.antwoord, tevreden: !gelezen.antwoord.tevreden }, op)).toBe(false);
  };
  await antwoord('e-mailvraag', 'score-5', '2026-02-28T22:30:00Z', 5);
  await antwoord('melding-openbare-ruimte', 'ja-nee', '2026-02-28T23:30:00Z', 1);
  await antwoord('melding-openbare-ruimte', 'ja-nee', '2026-03-10T09:00:00Z', 0);
  await antwoord('melding-openbare-ruimte', 'ja-nee', '2026-03-11T09:00:00Z', 1);
  await antwoord('e-mailvraag', 'score-5', '2026-03-12T09:00:00Z', 4);
  await antwoord('e-mailvraag', 'score-5', '2026-03-13T09:00:00Z', 3);
  await antwoord('klacht', 'score-10', '2026-03-14T09:00:00Z', 7);
  await antwoord('e-mailvraag', 'score-5', '2026-03-15T09:00:00Z', null);
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
    expect(maart).toMatchObject({ status: 'bekend', waarde: 66.7, teller: 4, noemer: 6, eenheid: 'procent', voorlopig: false });
    expect(maart.definitie).toMatchObject({ code: KPI, versie: 1, module: 'kto' });
    expect(maart.uitsplitsing).toEqual([
      expect.objectContaining({ zaaktype: 'e-mailvraag', waarde: 50, teller: 1, noemer: 2 }),
      expect.objectContaining({ zaaktype: 'klacht', waarde: 100, teller: 1, noemer: 1 }),
      expect.objectContaining({ zaaktype: 'melding-openbare-ruimte', waarde: 66.7, teller: 2, noemer: 3 }),
    ]);
    expect(await kpi().waarde(G, KPI, { periode: '2026-02' })).toMatchObject({ waarde: 100, teller: 1, noemer: 1 });
    expect(await kpi().waarde(G, KPI, { periode: '2026-03', zaaktype: 'e-mailvraag' })).toMatchObject({ waarde: 50, teller: 1, noemer: 2 });
  });

  it('is not known, with the reason, without answers; per gemeente', async () => {
    expect(await kpi().waarde(G, KPI, { periode: '2026-01' })).toMatchObject({ status: 'niet-bekend', noemer: 0, reden: 'Er kwamen in deze periode geen antwoorden op de vraag na afhandeling binnen.' });
    expect(await kpi().waarde('GM0437', KPI, { periode: '2026-03' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
  });
});
