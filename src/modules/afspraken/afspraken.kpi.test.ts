import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { cliContext } from '../audit/audit.service.ts';

let loket: TestLoket;
let bea: Ingelogd;
const basis = '/api/v1/gemeenten/GM0384';

beforeAll(async () => {
  // Monday 2 March 2026, 10:00 in Amsterdam; the appointments are on Tuesday 3 March.
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  bea = await logInAls(loket, 'beheerder@duoplus.demo');
});
afterAll(async () => loket?.close());

async function boek(start: string, n: number): Promise<string> {
  const res = await loket.app.inject({ method: 'POST', url: `${basis}/afspraken`, payload: { product: 'paspoort', start, naam: `Inwoner ${n}`, email: `kpi-${n}@example.org` } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function markeer(id: string, op: string, status: 'ingecheckt' | 'geholpen' | 'niet-verschenen'): Promise<void> {
  // The desk marks through its service at that moment (a staff session would have expired overnight).
  loket.klok.zet(op);
  await loket.services.afspraken.balieStatus(cliContext(), 'GM0384', id, status);
}
const waarde = async (kpi: string, query = '') => {
  const res = await loket.app.inject({ method: 'GET', url: `${basis}/kpis/${kpi}/waarden?periode=2026-03-03${query}`, headers: bea.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('balie KPIs: waiting time at the desk and no-show rate, per location (hand-computed)', () => {
  it('median and p90 of check-in → served, and the no-show rate over the appointments the desk marked', async () => {
    // Paspoort: 15-minute slots from 09:00 Amsterdam (08:00 UTC).
    const a = await boek('2026-03-03T08:00:00.000Z', 1);
    const b = await boek('2026-03-03T08:15:00.000Z', 2);
    const c = await boek('2026-03-03T08:30:00.000Z', 3);
    const d = await boek('2026-03-03T08:45:00.000Z', 4);
    const e = await boek('2026-03-03T09:00:00.000Z', 5);
    const f = await boek('2026-03-03T09:15:00.000Z', 6);
    // One more that the desk never marks: it does not count.
    await boek('2026-03-03T09:30:00.000Z', 7);
    // Waits: a 120 s, b 300 s, c 60 s, d 45 s.
    await markeer(a, '2026-03-03T07:55:00Z', 'ingecheckt');
    await markeer(a, '2026-03-03T07:57:00Z', 'geholpen');
    await markeer(b, '2026-03-03T08:10:00Z', 'ingecheckt');
    await markeer(b, '2026-03-03T08:15:00Z', 'geholpen');
    await markeer(c, '2026-03-03T08:29:00Z', 'ingecheckt');
    await markeer(c, '2026-03-03T08:30:00Z', 'geholpen');
    await markeer(d, '2026-03-03T08:44:00Z', 'ingecheckt');
    await markeer(d, '2026-03-03T08:44:45Z', 'geholpen');
    // e: served without a check-in (no waiting time, but it came); f: not shown.
    await markeer(e, '2026-03-03T09:00:00Z', 'geholpen');
    await markeer(f, '2026-03-03T09:30:00Z', 'niet-verschenen');
    bea = await logInAls(loket, 'beheerder@duoplus.demo');

    // Sorted waits 45, 60, 120, 300: percentile_disc(0.5) is the 2nd value, (0.9) the 4th.
    const mediaan = await waarde('balie-wachttijd-mediaan', '&uitsplitsing=locatie');
    expect(mediaan).toMatchObject({ status: 'bekend', waarde: 60, noemer: 4, teller: null, eenheid: 'seconden', locatie: null });
    const p90 = await waarde('balie-wachttijd-p90');
    expect(p90).toMatchObject({ status: 'bekend', waarde: 300, noemer: 4 });
    // Marked by the desk: a–f (6); not shown: f → 1/6 = 16.7 %.
    const nietVerschenen = await waarde('balie-niet-verschenen', '&uitsplitsing=locatie');
    expect(nietVerschenen).toMatchObject({ status: 'bekend', waarde: 16.7, teller: 1, noemer: 6 });

    // Per location: all at the one location whose desks serve the paspoort, so its row is the whole.
    const locaties = await loket.database.db
      .selectFrom('afspraak as x')
      .innerJoin('afspraak_balie as y', (j) => j.onRef('y.gemeente', '=', 'x.gemeente').onRef('y.id', '=', 'x.balie_id'))
      .select('y.locatie_id')
      .distinct()
      .where('x.id', 'in', [a, b, c, d, e, f])
      .execute();
    expect(locaties).toHaveLength(1);
    const locatie = locaties[0]?.locatie_id ?? '';
    expect(mediaan.uitsplitsing).toEqual([expect.objectContaining({ locatie, waarde: 60, noemer: 4 })]);
    expect(nietVerschenen.uitsplitsing).toEqual([expect.objectContaining({ locatie, waarde: 16.7, teller: 1, noemer: 6 })]);
    // The location's name for the dashboard, on the public list of locations.
    const lijst = await loket.app.inject({ method: 'GET', url: `${basis}/afspraak-locaties/openbaar` });
    expect(lijst.statusCode, lijst.body).toBe(200);
    expect(lijst.json().items).toEqual(expect.arrayContaining([{ id: locatie, naam: expect.any(String), adres: expect.any(String) }]));
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM9999/afspraak-locaties/openbaar' })).statusCode).toBe(404);
    // One location chosen: the same; another location: nothing to measure.
    expect(await waarde('balie-wachttijd-mediaan', `&locatie=${locatie}`)).toMatchObject({ waarde: 60, locatie });
    const ander = await waarde('balie-niet-verschenen', '&locatie=00000000-0000-4000-8000-000000000000');
    expect(ander).toMatchObject({ status: 'niet-bekend', noemer: 0 });
    // Another day: no appointments, "niet bekend", never a guess.
    const res = await loket.app.inject({ method: 'GET', url: `${basis}/kpis/balie-wachttijd-p90/waarden?periode=2026-02-27`, headers: bea.headers });
    expect(res.json()).toMatchObject({ status: 'niet-bekend', noemer: 0 });
    // A breakdown the measure does not have, and a location on a measure without locations: 400.
    expect((await loket.app.inject({ method: 'GET', url: `${basis}/kpis/balie-niet-verschenen/waarden?periode=2026-03-03&uitsplitsing=team`, headers: bea.headers })).statusCode).toBe(400);
    expect((await loket.app.inject({ method: 'GET', url: `${basis}/kpis/zaken-binnen-norm/waarden?periode=2026-03-03&locatie=${locatie}`, headers: bea.headers })).statusCode).toBe(400);
  });
});
