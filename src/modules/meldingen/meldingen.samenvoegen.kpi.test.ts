/**
 * The meldingen measures of ADR 0074 in the KPI register, on meldingen worked out by hand through
 * the services. Diemen, team Openbare ruimte, March 2026 (Amsterdam is UTC+1). All received
 * Monday 2 March 09:00 UTC. Norms: losse-stoeptegel 10 werkdagen (deadline 16 March),
 * container-vol 2 werkdagen (deadline 4 March).
 *
 * | melding | category | what happens (UTC) | binnen norm | closed in March | KTO |
 * |---|---|---|---|---|---|
 * | A | stoeptegel | closed 3 Mar 10:00 | yes | yes | ja |
 * | B | container | closed 4 Mar 23:30 = 5 Mar 00:30 Amsterdam: one day late | no | yes | nee |
 * | C | container | closed 4 Mar 22:30 = 4 Mar 23:30 Amsterdam: on the deadline | yes | yes | ja |
 * | D | stoeptegel | merged into E on 2 Mar | left out | left out | none |
 * | E | stoeptegel | open | not closed | no | none |
 * | F | stoeptegel | closed 3 Mar 10:00, "nee", reopened 3 Mar 11:00: open | not closed now | yes, reopened | nee |
 *
 * meldingen-binnen-norm: A, C of A, B, C = 66.7 % (2/3); per category stoeptegel 1/1 = 100 %,
 *   container-vol 1/2 = 50 %; per team Openbare ruimte 2/3.
 * meldingen-heropend: F of A, B, C, F = 25 % (1/4).
 * meldingen-tevreden-na-afhandeling: A, C of A, B, C, F = 50 % (2/4).
 * meldingen-samengevoegd: D of A–F = 16.7 % (1/6).
 * February: nothing, so "niet bekend".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoWie, laadDemo } from '../../../test/demo.ts';
import { cliContext } from '../audit/audit.service.ts';
import type { Wie } from '../zaken/zaken.service.ts';

const G = 'GM0384';
let loket: TestLoket;
let team: Wie;
let teamId: string;

async function meld(email: string, categorie: 'losse-stoeptegel' | 'container-vol') {
  const m = await loket.services.meldingen.meld(cliContext(), 'Test', G, {
    categorie,
    beschrijving: 'Test',
    lat: 52.3401,
    lon: 4.9602,
    antwoorden: categorie === 'container-vol' ? { soort_afval: 'glas' } : {},
    kanaal: 'web',
    bron: 'formulier',
    melder: { naam: 'Melder', email, taal: 'nl' },
  });
  return m.zaakId;
}

async function sluitAf(zaakId: string) {
  const zaak = await loket.services.zaken.detail(team, G, zaakId, { loggen: false });
  const rt = zaak.zaaktypeVersie.resultaattypen.find((r: { naam: string }) => r.naam === 'Opgelost');
  if (!rt) throw new Error('geen resultaat Opgelost');
  await loket.services.zaken.sluitAf(team, G, zaakId, zaak.versie, { resultaattype: rt.id });
}

const antwoord = (zaakId: string, ja: boolean) => loket.services.kto.beantwoordVoorZaak(G, zaakId, { score: ja ? '1' : '0', punt: 'uitkomst' });

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  team = await demoWie(loket, 'behandelaar@diemen.demo');
  const s = loket.services;
  const a = await meld('a@example.nl', 'losse-stoeptegel');
  const b = await meld('b@example.nl', 'container-vol');
  const c = await meld('c@example.nl', 'container-vol');
  const d = await meld('d@example.nl', 'losse-stoeptegel');
  const e = await meld('e@example.nl', 'losse-stoeptegel');
  const f = await meld('f@example.nl', 'losse-stoeptegel');
  teamId = (await loket.database.db.selectFrom('zaak').select('team_id').where('id', '=', a).executeTakeFirstOrThrow()).team_id;
  await s.meldingSamenvoegen.samenvoegen(team, G, e, { meldingen: [d], toelichting: '' });
  loket.klok.zet('2026-03-03T10:00:00Z');
  await sluitAf(a);
  await sluitAf(f);
  await antwoord(a, true);
  await antwoord(f, false);
  loket.klok.zet('2026-03-03T11:00:00Z');
  const [verzoek] = await s.meldingSamenvoegen.heropenverzoeken(G, { zaakIds: [f] });
  if (!verzoek) throw new Error('geen verzoek');
  await s.meldingSamenvoegen.accepteer(team, G, f, verzoek.id, { toelichting: '' });
  loket.klok.zet('2026-03-04T22:30:00Z');
  await sluitAf(c);
  loket.klok.zet('2026-03-04T23:30:00Z');
  await sluitAf(b);
  await antwoord(c, true);
  await antwoord(b, false);
  loket.klok.zet('2026-04-07T09:00:00Z');
}, 120_000);
afterAll(async () => loket?.close());

const waarde = (code: string, invoer: Record<string, string>) => loket.services.kpi.waarde(G, code, { periode: '2026-03', ...invoer });

describe('meldingen measures (ADR 0074)', () => {
  it('meldingen-binnen-norm: closed on or before the deadline (Amsterdam day), per category and per team; merged ones left out', async () => {
    const maart = await waarde('meldingen-binnen-norm', { uitsplitsing: 'categorie' });
    expect(maart).toMatchObject({ status: 'bekend', waarde: 66.7, teller: 2, noemer: 3, eenheid: 'procent' });
    expect(maart.uitsplitsing).toEqual([
      expect.objectContaining({ categorie: 'container-vol', waarde: 50, teller: 1, noemer: 2 }),
      expect.objectContaining({ categorie: 'losse-stoeptegel', waarde: 100, teller: 1, noemer: 1 }),
    ]);
    const perTeam = await waarde('meldingen-binnen-norm', { uitsplitsing: 'team' });
    expect(perTeam.uitsplitsing).toEqual([expect.objectContaining({ team: teamId, waarde: 66.7, teller: 2, noemer: 3 })]);
    expect(await waarde('meldingen-binnen-norm', { categorie: 'container-vol' })).toMatchObject({ waarde: 50, teller: 1, noemer: 2, categorie: 'container-vol' });
    // By the Amsterdam day: 4 March holds C only (B closed on 5 March there).
    expect(await waarde('meldingen-binnen-norm', { periode: '2026-03-04' })).toMatchObject({ waarde: 100, teller: 1, noemer: 1 });
    expect(await waarde('meldingen-binnen-norm', { periode: '2026-02' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
  });

  it('meldingen-heropend: closed in the period and reopened since', async () => {
    expect(await waarde('meldingen-heropend', {})).toMatchObject({ status: 'bekend', waarde: 25, teller: 1, noemer: 4 });
    expect(await waarde('meldingen-heropend', { periode: '2026-02' })).toMatchObject({ status: 'niet-bekend' });
  });

  it('meldingen-tevreden-na-afhandeling: share "ja" of the answers about meldingen', async () => {
    expect(await waarde('meldingen-tevreden-na-afhandeling', {})).toMatchObject({ status: 'bekend', waarde: 50, teller: 2, noemer: 4 });
    expect(await waarde('meldingen-tevreden-na-afhandeling', { periode: '2026-03-03' })).toMatchObject({ waarde: 50, teller: 1, noemer: 2 });
  });

  it('meldingen-samengevoegd: merged of those received', async () => {
    expect(await waarde('meldingen-samengevoegd', {})).toMatchObject({ status: 'bekend', waarde: 16.7, teller: 1, noemer: 6 });
    expect(await loket.services.kpi.waarde('GM0437', 'meldingen-samengevoegd', { periode: '2026-03' })).toMatchObject({ status: 'niet-bekend', noemer: 0 });
  });

  it('lists the meldingen behind each value and cell (ADR 0082): as many as teller and noemer, by the Amsterdam day', async () => {
    const lezer = { context: cliContext(), gebruiker: null, rollen: ['beheerder' as const] };
    const lijst = async (code: string, invoer: Record<string, string>) => {
      const alle = await loket.services.kpi.zaken(lezer, G, code, { periode: '2026-03', deel: 'noemer', ...invoer });
      const teller = await loket.services.kpi.zaken(lezer, G, code, { periode: '2026-03', deel: 'teller', ...invoer });
      return [teller.geteld, alle.geteld, alle.verborgen];
    };
    expect(await lijst('meldingen-binnen-norm', {})).toEqual([2, 3, 0]);
    expect(await lijst('meldingen-binnen-norm', { categorie: 'container-vol' })).toEqual([1, 2, 0]);
    expect(await lijst('meldingen-binnen-norm', { team: teamId })).toEqual([2, 3, 0]);
    expect(await lijst('meldingen-binnen-norm', { periode: '2026-03-04' })).toEqual([1, 1, 0]);
    expect(await lijst('meldingen-heropend', {})).toEqual([1, 4, 0]);
    expect(await lijst('meldingen-samengevoegd', {})).toEqual([1, 6, 0]);
    // B closed at 00:30 on 5 March in Amsterdam: listed on that day.
    const b = (await loket.services.kpi.zaken(lezer, G, 'meldingen-binnen-norm', { periode: '2026-03', deel: 'noemer' })).zaken.filter((z) => z.teller === false);
    expect(b.map((z) => z.datum)).toEqual(['2026-03-05']);
    expect(await lijst('meldingen-binnen-norm', { zaaktype: 'e-mailvraag' })).toEqual([0, 0, 0]);
  });

  it('a breakdown or selection the measure does not have is refused', async () => {
    await expect(waarde('meldingen-heropend', { uitsplitsing: 'categorie' })).rejects.toMatchObject({ status: 400 });
    await expect(waarde('meldingen-heropend', { categorie: 'container-vol' })).rejects.toMatchObject({ status: 400 });
  });
});
