import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';

let loket: TestLoket;
let admin: Ingelogd;
let bo: Ingelogd;
const basis = '/api/v1/gemeenten/GM0384/teams';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00Z' });
  await laadDemo(loket);
  admin = await logInAls(loket, 'beheerder@duoplus.demo');
  bo = await logInAls(loket, 'behandelaar@diemen.demo');
});
afterAll(async () => loket.close());

/** A new team of Diemen, with a name of its own so that every test stands alone. */
async function nieuwTeam(naam = `Team ${randomUUID().slice(0, 8)}`) {
  const res = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { naam, omschrijving: 'Voor deze test' } });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, naam, etag: res.headers.etag as string };
}

async function auditActies(gemeente: string, id: string): Promise<string[]> {
  const res = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/${gemeente}/audit-log?pageSize=100`, headers: admin.headers });
  expect(res.statusCode).toBe(200);
  return res.json().items.filter((a: { object: { id: string } }) => a.object.id === id).map((a: { actie: string }) => a.actie);
}

async function medewerkerId(email: string): Promise<string> {
  const res = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/gebruikers?zoek=${encodeURIComponent(email)}`, headers: admin.headers });
  const id = res.json().items[0]?.id;
  if (!id) throw new Error(`geen medewerker ${email}`);
  return id;
}

describe('teams', () => {
  it('creates a team with Location and ETag, shows it, and logs it', async () => {
    const res = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { naam: '  Wijkteam Noord  ' } });
    expect(res.statusCode).toBe(201);
    const team = res.json();
    expect(team).toEqual({ id: expect.any(String), naam: 'Wijkteam Noord', omschrijving: '', telefoon: '', email: '', leden: [], versie: 1 });
    expect(res.headers.location).toBe(`${basis}/${team.id}`);
    expect(res.headers.etag).toBe('"1"');
    const een = await loket.app.inject({ method: 'GET', url: `${basis}/${team.id}`, headers: bo.headers });
    expect(een.statusCode).toBe(200);
    expect(een.headers.etag).toBe('"1"');
    expect(een.json()).toEqual(team);
    const lijst = await loket.app.inject({ method: 'GET', url: `${basis}?pageSize=100`, headers: bo.headers });
    expect(lijst.json().items.map((t: { naam: string }) => t.naam)).toContain('Wijkteam Noord');
    expect(await auditActies('GM0384', team.id)).toEqual(['team-aanmaken']);
  });

  it('lists every invalid field at once (400), and refuses a name the gemeente already has (409)', async () => {
    const res = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { naam: ' ', omschrijving: 'x'.repeat(1001), kleur: 'rood', telefoon: 'bel mij', email: 'geen-adres' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const namen = res.json().invalidParams.map((p: { name: string }) => p.name).toSorted();
    expect(namen).toEqual(['email', 'kleur', 'naam', 'omschrijving', 'telefoon']);
    const leeg = await loket.app.inject({ method: 'PATCH', url: `${basis}/${randomUUID()}`, headers: { ...admin.headers, 'if-match': '"1"' }, payload: {} });
    expect(leeg.statusCode).toBe(400);
    const dubbel = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { naam: 'Openbare ruimte' } });
    expect(dubbel.statusCode).toBe(409);
    expect(dubbel.json().type).toMatch(/team-bestaat$/);
  });

  it('changes a team only with the current ETag in If-Match (428 without, 412 when stale), and logs it', async () => {
    const team = await nieuwTeam();
    const url = `${basis}/${team.id}`;
    const zonder = await loket.app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { omschrijving: 'Nieuw' } });
    expect(zonder.statusCode).toBe(428);
    const oud = await loket.app.inject({ method: 'PATCH', url, headers: { ...admin.headers, 'if-match': '"7"' }, payload: { omschrijving: 'Nieuw' } });
    expect(oud.statusCode).toBe(412);
    const goed = await loket.app.inject({ method: 'PATCH', url, headers: { ...admin.headers, 'if-match': team.etag }, payload: { omschrijving: 'Nieuw' } });
    expect(goed.statusCode).toBe(200);
    expect(goed.headers.etag).toBe('"2"');
    expect(goed.json()).toMatchObject({ naam: team.naam, omschrijving: 'Nieuw', versie: 2 });
    const nogmaals = await loket.app.inject({ method: 'PATCH', url, headers: { ...admin.headers, 'if-match': team.etag }, payload: { naam: 'Ander' } });
    expect(nogmaals.statusCode).toBe(412);
    expect(await auditActies('GM0384', team.id)).toEqual(expect.arrayContaining(['team-aanmaken', 'team-wijzigen']));
  });

  it("keeps a telephone number and e-mail address for residents, and removes them with ''", async () => {
    const team = await nieuwTeam();
    const url = `${basis}/${team.id}`;
    const gezet = await loket.app.inject({ method: 'PATCH', url, headers: { ...admin.headers, 'if-match': team.etag }, payload: { telefoon: ' 020 123 45 67 ', email: 'wijkteam@diemen.demo' } });
    expect(gezet.statusCode, gezet.body).toBe(200);
    expect(gezet.json()).toMatchObject({ telefoon: '020 123 45 67', email: 'wijkteam@diemen.demo', versie: 2 });
    const weg = await loket.app.inject({ method: 'PATCH', url, headers: { ...admin.headers, 'if-match': '"2"' }, payload: { telefoon: '' } });
    expect(weg.json()).toMatchObject({ telefoon: '', email: 'wijkteam@diemen.demo', versie: 3 });
  });

  it('sets the members to staff of the gemeente only, and finds the teams of the signed-in member', async () => {
    const team = await nieuwTeam();
    const url = `${basis}/${team.id}/leden`;
    const boId = await medewerkerId('behandelaar@diemen.demo');
    const rikVanUithoorn = (await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0451/gebruikers?zoek=Rik', headers: admin.headers })).json().items[0].id;
    const fout = await loket.app.inject({ method: 'PUT', url, headers: { ...admin.headers, 'if-match': team.etag }, payload: { gebruikers: [boId, rikVanUithoorn, 'geen-id'] } });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['gebruikers.2']);
    const vreemd = await loket.app.inject({ method: 'PUT', url, headers: { ...admin.headers, 'if-match': team.etag }, payload: { gebruikers: [boId, rikVanUithoorn] } });
    expect(vreemd.statusCode).toBe(400);
    expect(vreemd.json().invalidParams).toEqual([expect.objectContaining({ name: 'gebruikers.1', code: 'onbekende-medewerker' })]);
    const goed = await loket.app.inject({ method: 'PUT', url, headers: { ...admin.headers, 'if-match': team.etag }, payload: { gebruikers: [boId, boId] } });
    expect(goed.statusCode).toBe(200);
    expect(goed.json().leden).toEqual([{ id: boId, naam: 'Bo Behandelaar' }]);
    expect(goed.headers.etag).toBe('"2"');
    const mijn = await loket.app.inject({ method: 'GET', url: `${basis}?lid=ik&pageSize=100`, headers: bo.headers });
    expect(mijn.json().items.map((t: { id: string }) => t.id)).toContain(team.id);
    expect(await auditActies('GM0384', team.id)).toContain('team-leden');
  });

  it("answers 404 for another gemeente's team, also to a beheerder of both", async () => {
    const team = await nieuwTeam();
    const elders = `/api/v1/gemeenten/GM0451/teams/${team.id}`;
    expect((await loket.app.inject({ method: 'GET', url: elders, headers: admin.headers })).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'PATCH', url: elders, headers: { ...admin.headers, 'if-match': team.etag }, payload: { naam: 'Gekaapt' } })).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'PUT', url: `${elders}/leden`, headers: { ...admin.headers, 'if-match': team.etag }, payload: { gebruikers: [] } })).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'GET', url: `${basis}/${team.id}`, headers: admin.headers })).json().naam).toBe(team.naam);
  });

  it('lets staff who handle cases read teams, and only a beheerder change them', async () => {
    expect((await loket.app.inject({ method: 'GET', url: basis, headers: bo.headers })).statusCode).toBe(200);
    expect((await loket.app.inject({ method: 'POST', url: basis, headers: bo.headers, payload: { naam: 'Eigen team' } })).statusCode).toBe(403);
    const petra = await logInAls(loket, 'pc@diemen.demo');
    expect((await loket.app.inject({ method: 'GET', url: basis, headers: petra.headers })).statusCode).toBe(403);
  });
});
