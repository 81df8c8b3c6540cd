import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';

let loket: TestLoket;
let beheerder: Ingelogd;
const NU = '2026-03-02T09:00:00Z'; // Monday; Amsterdam is UTC+1 until 29 March
const basis = '/api/v1/gemeenten/GM0384/afspraak-locaties';
const ZATERDAG = '2026-03-07';

beforeAll(async () => {
  loket = await testLoket({ nu: NU, env: { LOKET_AFSPRAKEN_PER_EMAIL: '10' } });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
});
afterAll(async () => loket.close());

interface Tijdvak {
  start: string;
  vrij: number;
  locatie: string;
}

const beschikbaar = async (product: string, van: string, tot = van): Promise<Tijdvak[]> => {
  const res = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/afspraken/beschikbaarheid?product=${product}&van=${van}&tot=${tot}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const verzoek = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>, wie: Ingelogd = beheerder) =>
  loket.app.inject({ method, url, headers: wie.headers, ...(payload ? { payload } : {}) });
const namen = (body: string): string[] => (JSON.parse(body) as { invalidParams: { name: string }[] }).invalidParams.map((p) => p.name).toSorted();

/** A location open on Saturday morning (the demo's town hall is closed then) with one desk for the uittreksel. */
async function zaterdagLocatie(naam: string): Promise<{ id: string; balie: string }> {
  const locatie = await verzoek('POST', basis, { naam, adres: 'Kruidenhof 1, Diemen', openingstijden: [{ weekdag: 6, van: '10:00', tot: '11:00' }] });
  expect(locatie.statusCode, locatie.body).toBe(201);
  const id = locatie.json().id as string;
  const balie = await verzoek('POST', `${basis}/${id}/balies`, { naam: 'Balie Z', producten: ['uittreksel-brp'] });
  expect(balie.statusCode, balie.body).toBe(201);
  return { id, balie: balie.json().id };
}

const boekOp = (locatie: string, start: string, email: string) =>
  loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/afspraken', payload: { product: 'uittreksel-brp', start, locatie, naam: 'Inwoner Zaterdag', email } });

describe('setting up the balie', () => {
  it('a new location with a desk offers its slots at once; read by balie staff, changed only by beheerders', async () => {
    // The demo's town hall is closed on Saturday: every Saturday slot is one of a location made here.
    const { id, balie } = await zaterdagLocatie('Servicepunt Noord');
    const slots = (await beschikbaar('uittreksel-brp', ZATERDAG)).filter((s) => s.locatie === id);
    // 10:00–11:00 in Amsterdam (UTC+1), 10 minutes each, one desk.
    expect(slots.map((s) => [s.start, s.vrij])).toEqual([0, 10, 20, 30, 40, 50].map((m) => [`2026-03-07T09:${String(m).padStart(2, '0')}:00.000Z`, 1]));

    const detail = await verzoek('GET', `${basis}/${id}`);
    expect(detail.json()).toMatchObject({ naam: 'Servicepunt Noord', openingstijden: [{ weekdag: 6, van: '10:00', tot: '11:00' }], balies: [{ id: balie, naam: 'Balie Z', actief: true, producten: ['uittreksel-brp'] }], sluitingen: [] });
    const audit = await loket.database.db.selectFrom('audit_log').select('actie').where('object_id', 'in', [id, balie]).execute();
    expect(audit.map((a) => a.actie)).toEqual(expect.arrayContaining(['afspraakbalie-maken', 'afspraaklocatie-maken']));

    const behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
    const lijst = await verzoek('GET', basis, undefined, behandelaar);
    expect(lijst.statusCode).toBe(200);
    expect(lijst.json().items.map((l: { naam: string }) => l.naam)).toContain('Servicepunt Noord');
    expect((await verzoek('PUT', `${basis}/${id}/balies/${balie}`, { naam: 'Balie Z', producten: [], actief: false }, behandelaar)).statusCode).toBe(403);
    expect((await verzoek('POST', basis, { naam: 'X', adres: 'Y', openingstijden: [] }, behandelaar)).statusCode).toBe(403);
    expect((await loket.app.inject({ method: 'GET', url: basis })).statusCode).toBe(401);
  });

  it('answers every error of a body at once, and 404 for an unknown location, desk or closure', async () => {
    const vorm = await verzoek('POST', basis, { naam: '', adres: 'Plein 1', openingstijden: [{ weekdag: 8, van: '9', tot: '12:00' }] });
    expect(vorm.statusCode).toBe(400);
    expect(namen(vorm.body)).toEqual(['naam', 'openingstijden.0.van', 'openingstijden.0.weekdag']);
    const tijden = await verzoek('POST', basis, {
      naam: 'Scheef',
      adres: 'Plein 1',
      openingstijden: [
        { weekdag: 1, van: '12:00', tot: '09:00' },
        { weekdag: 2, van: '09:00', tot: '12:00' },
        { weekdag: 2, van: '11:00', tot: '13:00' },
      ],
    });
    expect(tijden.statusCode).toBe(400);
    expect(namen(tijden.body)).toEqual(['openingstijden.0.tot', 'openingstijden.2.van']);

    const { id, balie } = await zaterdagLocatie('Servicepunt Fout');
    // A product that does not exist and one only requested by form (Wmo): both named.
    const producten = await verzoek('PUT', `${basis}/${id}/balies/${balie}`, { naam: 'Balie Z', producten: ['bestaat-niet', 'wmo-ondersteuning'] });
    expect(producten.statusCode).toBe(400);
    expect(namen(producten.body)).toEqual(['producten.0', 'producten.1']);
    const andereBalie = (await verzoek('GET', `${basis}`)).json().items.find((l: { naam: string }) => l.naam === 'Gemeentehuis Diemen');
    const demoBalie = (await verzoek('GET', `${basis}/${andereBalie.id}`)).json().balies[0].id;
    expect(namen((await verzoek('POST', `${basis}/${id}/sluitingen`, { van: ZATERDAG, tot: ZATERDAG, balie: demoBalie, reden: 'Storing' })).body)).toEqual(['balie']);
    expect(namen((await verzoek('POST', `${basis}/${id}/sluitingen`, { van: '2026-03-14', tot: ZATERDAG, reden: 'Storing' })).body)).toEqual(['tot']);

    const onbekend = '00000000-0000-4000-8000-000000000000';
    expect((await verzoek('GET', `${basis}/${onbekend}`)).statusCode).toBe(404);
    expect((await verzoek('PUT', `${basis}/${onbekend}`, { naam: 'X', adres: 'Y', openingstijden: [] })).statusCode).toBe(404);
    expect((await verzoek('POST', `${basis}/${onbekend}/balies`, { naam: 'X', producten: [] })).statusCode).toBe(404);
    expect((await verzoek('PUT', `${basis}/${id}/balies/${onbekend}`, { naam: 'X', producten: [] })).statusCode).toBe(404);
    // A desk of another location is not one of this location's.
    expect((await verzoek('PUT', `${basis}/${id}/balies/${demoBalie}`, { naam: 'X', producten: [] })).statusCode).toBe(404);
    expect((await verzoek('DELETE', `${basis}/${id}/sluitingen/${onbekend}`)).statusCode).toBe(404);
    expect((await verzoek('GET', `${basis}/geen-id`)).statusCode).toBe(400);
  });

  it('a closed desk or location offers no slots that day and refuses a booking; lifting the closure brings them back', async () => {
    const { id, balie } = await zaterdagLocatie('Servicepunt Oost');
    const eerste = (await beschikbaar('uittreksel-brp', ZATERDAG)).find((s) => s.locatie === id);
    expect(eerste).toBeDefined();
    const dicht = await verzoek('POST', `${basis}/${id}/sluitingen`, { van: ZATERDAG, tot: ZATERDAG, balie, reden: 'Storing aan de pasprinter' });
    expect(dicht.statusCode, dicht.body).toBe(201);
    expect((await beschikbaar('uittreksel-brp', ZATERDAG)).filter((s) => s.locatie === id)).toEqual([]);
    // The next Saturday is open.
    expect((await beschikbaar('uittreksel-brp', '2026-03-14')).filter((s) => s.locatie === id)).toHaveLength(6);
    const geweigerd = await boekOp(id, eerste?.start ?? '', 'zaterdag-dicht@example.org');
    expect(geweigerd.statusCode).toBe(400);
    expect(geweigerd.json().invalidParams[0]).toMatchObject({ name: 'start', code: 'buiten-openingstijden' });

    expect((await verzoek('DELETE', `${basis}/${id}/sluitingen/${dicht.json().id}`)).statusCode).toBe(204);
    expect((await beschikbaar('uittreksel-brp', ZATERDAG)).filter((s) => s.locatie === id)).toHaveLength(6);
    // The whole location closed for a week.
    expect((await verzoek('POST', `${basis}/${id}/sluitingen`, { van: ZATERDAG, tot: '2026-03-14', reden: 'Verbouwing' })).statusCode).toBe(201);
    expect((await beschikbaar('uittreksel-brp', ZATERDAG, '2026-03-21')).filter((s) => s.locatie === id).map((s) => s.start.slice(0, 10))).toEqual(Array(6).fill('2026-03-21'));
    // An inactive desk offers nothing.
    expect((await verzoek('PUT', `${basis}/${id}/balies/${balie}`, { naam: 'Balie Z', producten: ['uittreksel-brp'], actief: false })).statusCode).toBe(200);
    expect((await beschikbaar('uittreksel-brp', '2026-03-21')).filter((s) => s.locatie === id)).toEqual([]);
  });

  it("answers 404 for a location of another gemeente, also to a beheerder of both", async () => {
    const { id, balie } = await zaterdagLocatie('Servicepunt Diemen-Zuid');
    const anders = '/api/v1/gemeenten/GM0437/afspraak-locaties';
    const antwoorden = [
      await verzoek('GET', `${anders}/${id}`),
      await verzoek('PUT', `${anders}/${id}`, { naam: 'X', adres: 'Y', openingstijden: [] }),
      await verzoek('POST', `${anders}/${id}/balies`, { naam: 'X', producten: [] }),
      await verzoek('PUT', `${anders}/${id}/balies/${balie}`, { naam: 'X', producten: [] }),
      await verzoek('POST', `${anders}/${id}/sluitingen`, { van: ZATERDAG, tot: ZATERDAG, reden: 'X' }),
    ];
    expect(antwoorden.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404]);
    expect((await verzoek('GET', anders)).json().items.map((l: { id: string }) => l.id)).not.toContain(id);
    expect((await verzoek('GET', `${basis}/${id}`)).json()).toMatchObject({ naam: 'Servicepunt Diemen-Zuid', balies: [{ naam: 'Balie Z' }], sluitingen: [] });
  });

  it('refuses with 409 a change that strands a planned appointment, and changes nothing', async () => {
    const { id, balie } = await zaterdagLocatie('Servicepunt West');
    const slot = (await beschikbaar('uittreksel-brp', ZATERDAG)).find((s) => s.locatie === id);
    const geboekt = await boekOp(id, slot?.start ?? '', 'zaterdag-west@example.org');
    expect(geboekt.statusCode, geboekt.body).toBe(201);

    const conflicten = [
      await verzoek('POST', `${basis}/${id}/sluitingen`, { van: ZATERDAG, tot: ZATERDAG, balie, reden: 'Storing' }),
      await verzoek('POST', `${basis}/${id}/sluitingen`, { van: '2026-03-01', tot: '2026-03-31', reden: 'Verbouwing' }),
      await verzoek('PUT', `${basis}/${id}/balies/${balie}`, { naam: 'Balie Z', producten: ['uittreksel-brp'], actief: false }),
      await verzoek('PUT', `${basis}/${id}/balies/${balie}`, { naam: 'Balie Z', producten: ['paspoort'] }),
      await verzoek('PUT', `${basis}/${id}`, { naam: 'Servicepunt West', adres: 'Kruidenhof 1, Diemen', openingstijden: [{ weekdag: 6, van: '10:30', tot: '11:00' }] }),
    ];
    for (const c of conflicten) {
      expect(c.statusCode, c.body).toBe(409);
      expect(c.json().type).toBe('urn:loket:problem:afspraken-gepland');
      expect(c.json().detail).toContain('7 maart 2026 om 10:00');
    }
    const detail = (await verzoek('GET', `${basis}/${id}`)).json();
    expect(detail).toMatchObject({ openingstijden: [{ weekdag: 6, van: '10:00', tot: '11:00' }], balies: [{ actief: true, producten: ['uittreksel-brp'] }], sluitingen: [] });

    // Changes that leave the appointment where it is are fine: a closure on another day, a longer morning, another product added.
    expect((await verzoek('POST', `${basis}/${id}/sluitingen`, { van: '2026-03-14', tot: '2026-03-14', balie, reden: 'Cursus' })).statusCode).toBe(201);
    expect((await verzoek('PUT', `${basis}/${id}`, { naam: 'Servicepunt West', adres: 'Kruidenhof 1, Diemen', openingstijden: [{ weekdag: 6, van: '09:00', tot: '12:00' }] })).statusCode).toBe(200);
    expect((await verzoek('PUT', `${basis}/${id}/balies/${balie}`, { naam: 'Balie Z', producten: ['uittreksel-brp', 'paspoort'] })).statusCode).toBe(200);
  });
});
