import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';

let loket: TestLoket;
let admin: Ingelogd;
const basis = '/api/v1/gemeenten/GM0384/api-tokens';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00Z' });
  await laadDemo(loket);
  admin = await logInAls(loket, 'beheerder@duoplus.demo');
});
afterAll(async () => loket.close());

/** A new token of Diemen for the KCC's roles, valid for thirty days. */
async function nieuwToken(gemeente = 'GM0384') {
  const res = await loket.app.inject({
    method: 'POST',
    url: `/api/v1/gemeenten/${gemeente}/api-tokens`,
    headers: admin.headers,
    payload: { naam: `Koppeling ${randomUUID().slice(0, 8)}`, rollen: ['kcc-medewerker'], geldigTot: '2026-12-23T09:00:00+01:00' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res;
}

async function auditActies(id: string): Promise<string[]> {
  const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/audit-log?pageSize=100', headers: admin.headers });
  return res.json().items.filter((a: { object: { id: string } }) => a.object.id === id).map((a: { actie: string }) => a.actie);
}

const alsToken = (token: string) => ({ authorization: `Bearer ${token}` });

describe('API tokens', () => {
  it('creates a token shown once (no-store), that works for its gemeente and roles, and logs it', async () => {
    const res = await nieuwToken();
    const token = res.json();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.location).toBe(`${basis}/${token.id}`);
    // Made at the clock's time (the test clock, not the database's).
    const nu = loket.klok.nu().toISOString();
    expect(token).toMatchObject({ rollen: ['kcc-medewerker'], geldigTot: '2026-12-23T08:00:00.000Z', ingetrokkenOp: null, aangemaaktOp: nu });
    expect(token.token).toMatch(/^loket_[A-Za-z0-9_-]{43}$/);
    const lijst = await loket.app.inject({ method: 'GET', url: `${basis}?pageSize=100`, headers: admin.headers });
    const inLijst = lijst.json().items.find((t: { id: string }) => t.id === token.id);
    expect(inLijst).toEqual({ id: token.id, naam: token.naam, rollen: ['kcc-medewerker'], geldigTot: token.geldigTot, ingetrokkenOp: null, aangemaaktOp: nu });
    expect(lijst.body).not.toContain(token.token);
    // The KCC reads teams of its own gemeente with it; not those of another, and it cannot manage tokens.
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams', headers: alsToken(token.token) })).statusCode).toBe(200);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0451/teams', headers: alsToken(token.token) })).statusCode).toBe(403);
    expect((await loket.app.inject({ method: 'GET', url: basis, headers: alsToken(token.token) })).statusCode).toBe(403);
    expect(await auditActies(token.id)).toEqual(['api-token-aanmaken']);
  });

  it('lists every invalid field at once (400), and keeps the validity within a year from now', async () => {
    const res = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { naam: '', rollen: [], geldigTot: 'morgen', scope: 'alles' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['geldigTot', 'naam', 'rollen', 'scope']);
    const rol = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { naam: 'x', rollen: ['baas'], geldigTot: '2026-12-01T00:00:00Z' } });
    expect(rol.statusCode).toBe(400);
    expect(rol.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['rollen.0']);
    const nu = loket.klok.nu().getTime();
    for (const geldigTot of [new Date(nu - 1000).toISOString(), new Date(nu + 367 * 24 * 60 * 60 * 1000).toISOString()]) {
      const buiten = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { naam: 'x', rollen: ['behandelaar'], geldigTot } });
      expect(buiten.statusCode, geldigTot).toBe(400);
      expect(buiten.json().invalidParams).toEqual([expect.objectContaining({ name: 'geldigTot', code: 'buiten-bereik' })]);
    }
  });

  it('revokes a token: it stops working at once, the list shows when, and the log has it', async () => {
    const token = (await nieuwToken()).json();
    const ingetrokken = loket.klok.nu().toISOString();
    const weg = await loket.app.inject({ method: 'DELETE', url: `${basis}/${token.id}`, headers: admin.headers });
    expect(weg.statusCode).toBe(204);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams', headers: alsToken(token.token) })).statusCode).toBe(401);
    const lijst = await loket.app.inject({ method: 'GET', url: `${basis}?pageSize=100`, headers: admin.headers });
    expect(lijst.json().items.find((t: { id: string }) => t.id === token.id).ingetrokkenOp).toBe(ingetrokken);
    expect(await auditActies(token.id)).toEqual(expect.arrayContaining(['api-token-aanmaken', 'api-token-intrekken']));
  });

  it("answers 404 for another gemeente's token or an unknown one, and 400 for an id that is none", async () => {
    const vanUithoorn = (await nieuwToken('GM0451')).json();
    expect((await loket.app.inject({ method: 'DELETE', url: `${basis}/${vanUithoorn.id}`, headers: admin.headers })).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'DELETE', url: `${basis}/${randomUUID()}`, headers: admin.headers })).statusCode).toBe(404);
    const geenId = await loket.app.inject({ method: 'DELETE', url: `${basis}/123`, headers: admin.headers });
    expect(geenId.statusCode).toBe(400);
    expect(geenId.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['params.id']);
    // Still valid in Uithoorn.
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0451/teams', headers: alsToken(vanUithoorn.token) })).statusCode).toBe(200);
  });

  it('is for beheerders only', async () => {
    const tim = await logInAls(loket, 'teamleider@diemen.demo');
    expect((await loket.app.inject({ method: 'GET', url: basis, headers: tim.headers })).statusCode).toBe(403);
    expect((await loket.app.inject({ method: 'POST', url: basis, headers: tim.headers, payload: { naam: 'x', rollen: ['behandelaar'], geldigTot: '2026-12-01T00:00:00Z' } })).statusCode).toBe(403);
  });
});
