import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';
import { cliContext } from '../audit/audit.service.ts';

let loket: TestLoket;
const NU = '2026-03-23T09:00:00Z'; // Monday; summer time starts on Sunday 29 March

beforeAll(async () => {
  loket = await testLoket({ nu: NU });
  await laadDemo(loket);
});
afterAll(async () => loket.close());

const slots = async (van: string, tot: string, locatie: string) =>
  (await loket.services.afspraken.beschikbaarheid('GM0384', { product: 'rijbewijs-verlengen', van, tot })).filter((s) => s.locatie === locatie);

describe('the balie set-up (service)', () => {
  it('keeps the hours per weekday in order, and a closure over the change to summer time closes whole Amsterdam days', async () => {
    const inrichting = loket.services.afsprakenInrichting;
    const locatie = await inrichting.maakLocatie(cliContext(), 'GM0384', {
      naam: 'Servicepunt Zomer',
      adres: 'Wilhelminaplantsoen 1, Diemen',
      openingstijden: [
        { weekdag: 6, van: '13:00', tot: '13:20' },
        { weekdag: 6, van: '09:00', tot: '09:20' },
        { weekdag: 1, van: '08:00', tot: '08:10' },
      ],
    });
    expect(locatie.openingstijden.map((o) => `${o.weekdag} ${o.van}-${o.tot}`)).toEqual(['1 08:00-08:10', '6 09:00-09:20', '6 13:00-13:20']);
    await inrichting.maakBalie(cliContext(), 'GM0384', locatie.id, { naam: 'Balie S', producten: ['rijbewijs-verlengen', 'rijbewijs-verlengen'], actief: true });
    expect((await inrichting.locatie('GM0384', locatie.id)).balies[0]?.producten).toEqual(['rijbewijs-verlengen']);
    // Saturday 28 March (winter time) and Monday 30 March (summer time): 4 + 1 slots.
    expect((await slots('2026-03-28', '2026-03-30', locatie.id)).map((s) => s.start)).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-28T08:10:00.000Z',
      '2026-03-28T12:00:00.000Z',
      '2026-03-28T12:10:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
    // Closed Saturday up to Monday: nothing; the Saturday after is open again.
    const sluiting = await inrichting.maakSluiting(cliContext(), 'GM0384', locatie.id, { van: '2026-03-28', tot: '2026-03-30', reden: 'Verhuizing' });
    expect(await slots('2026-03-28', '2026-03-30', locatie.id)).toEqual([]);
    expect(await slots('2026-04-04', '2026-04-04', locatie.id)).toHaveLength(4);
    const audit = await loket.database.db.selectFrom('audit_log').select('actie').where('object_id', '=', sluiting.id).execute();
    expect(audit.map((a) => a.actie)).toContain('afspraaksluiting-maken');
  });

  it('a closure of one desk leaves the other desks of the location open', async () => {
    const inrichting = loket.services.afsprakenInrichting;
    const locatie = await inrichting.maakLocatie(cliContext(), 'GM0384', { naam: 'Servicepunt Twee', adres: 'Plein 2, Diemen', openingstijden: [{ weekdag: 6, van: '10:00', tot: '10:20' }] });
    const a = await inrichting.maakBalie(cliContext(), 'GM0384', locatie.id, { naam: 'A', producten: ['rijbewijs-verlengen'], actief: true });
    await inrichting.maakBalie(cliContext(), 'GM0384', locatie.id, { naam: 'B', producten: ['rijbewijs-verlengen'], actief: true });
    expect((await slots('2026-03-28', '2026-03-28', locatie.id)).map((s) => s.vrij)).toEqual([2, 2]);
    await inrichting.maakSluiting(cliContext(), 'GM0384', locatie.id, { van: '2026-03-28', tot: '2026-03-28', balie: a.id, reden: 'Cursus' });
    expect((await slots('2026-03-28', '2026-03-28', locatie.id)).map((s) => s.vrij)).toEqual([1, 1]);
  });
});
