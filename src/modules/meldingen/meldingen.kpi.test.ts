/**
 * `meldingen-partner-doorlooptijd-mediaan` in the KPI register, on forwardings worked out by hand
 * through the meldingen services. Diemen, March 2026 (Amsterdam is UTC+1).
 *
 * | melding | forwarded (UTC) | partner reports (UTC) | counts |
 * |---|---|---|---|
 * | A | 2 Mar 09:00 | ingepland 2 Mar 10:00, gereed 2 Mar 13:00 | 4 h |
 * | B | 2 Mar 09:00 | niet-mogelijk 3 Mar 09:00 | 24 h |
 * | C | 2 Mar 09:00 | gereed 2 Mar 10:00; forwarded again 2 Mar 11:00, gereed 2 Mar 12:00 | 1 h and 1 h |
 * | D | 2 Mar 09:00 | ingepland only | not counted |
 *
 * March: 1, 1, 4, 24 hours: the median (a real value, the lower middle) is 1 hour = 3600 s, of 4.
 * February: not known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo } from '../../../test/demo.ts';
import { cliContext } from '../audit/audit.service.ts';
import type { Wie } from '../zaken/zaken.service.ts';

const G = 'GM0384';
const KPI = 'meldingen-partner-doorlooptijd-mediaan';
let loket: TestLoket;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  const team: Wie = await demoWie(loket, 'behandelaar@diemen.demo');
  const partner: Wie = await demoWie(loket, 'partner@afvalpartner.demo');
  const b = loket.services.meldingenBehandeling;
  const meld = async () => (await loket.services.meldingen.meld(cliContext(), 'Test', G, { categorie: 'container-vol', beschrijving: 'Vol', lat: 52.335, lon: 4.99, antwoorden: { soort_afval: 'glas' }, kanaal: 'web', bron: 'formulier' })).zaakId;
  const op = (moment: string) => loket.klok.zet(moment);
  const [a, bb, c, d] = [await meld(), await meld(), await meld(), await meld()];
  for (const id of [a, bb, c, d]) await b.doorzetten(team, G, id, { toelichting: '' });
  op('2026-03-02T10:00:00Z');
  await b.partnerStatus(partner, G, a, { status: 'ingepland', toelichting: '' });
  await b.partnerStatus(partner, G, c, { status: 'gereed', toelichting: '' });
  await b.partnerStatus(partner, G, d, { status: 'ingepland', toelichting: '' });
  op('2026-03-02T11:00:00Z');
  await b.doorzetten(team, G, c, { toelichting: 'Nog een keer' });
  op('2026-03-02T12:00:00Z');
  await b.partnerStatus(partner, G, c, { status: 'gereed', toelichting: '' });
  op('2026-03-02T13:00:00Z');
  await b.partnerStatus(partner, G, a, { status: 'gereed', toelichting: '' });
  op('2026-03-03T09:00:00Z');
  await b.partnerStatus(partner, G, bb, { status: 'niet-mogelijk', toelichting: '' });
  op('2026-04-07T09:00:00Z');
}, 120_000);
afterAll(async () => loket?.close());

describe(KPI, () => {
  it('is the median time from forwarding to the partner’s first "gereed" or "niet mogelijk", by the day of that report', async () => {
    const maart = await loket.services.kpi.waarde(G, KPI, { periode: '2026-03' });
    expect(maart).toMatchObject({ status: 'bekend', waarde: 3600, noemer: 4, eenheid: 'seconden' });
    expect(maart.definitie).toMatchObject({ code: KPI, versie: 1, module: 'meldingen' });
    expect(await loket.services.kpi.waarde(G, KPI, { periode: '2026-03-03' })).toMatchObject({ status: 'bekend', waarde: 86_400, noemer: 1 });
  });

  it('is not known, with the reason, when no partner reported done; per gemeente', async () => {
    expect(await loket.services.kpi.waarde(G, KPI, { periode: '2026-02' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
    expect(await loket.services.kpi.waarde('GM0437', KPI, { periode: '2026-03' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
  });
});
