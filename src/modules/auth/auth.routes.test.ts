import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { demoGebruiker, laadDemo, logInAls } from '../../../test/demo.ts';
import { totpVoor } from './auth.service.ts';

let loket: TestLoket;
const beheerder = demoGebruiker('beheerder@duoplus.demo');
const behandelaar = demoGebruiker('behandelaar@diemen.demo');

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00Z' });
  await laadDemo(loket);
});
afterAll(async () => loket.close());

const stap1 = (email: string, wachtwoord: string) =>
  loket.app.inject({ method: 'POST', url: '/api/v1/sessie', payload: { email, wachtwoord } });

function cookieUit(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const list = (Array.isArray(raw) ? raw : [raw]) as string[];
  return (list.find((c) => c.startsWith('__Host-loket-sessie=')) ?? '').split(';')[0] as string;
}

describe('inloggen met wachtwoord en TOTP', () => {
  it('needs both steps, sets a hardened cookie and rotates the session id', async () => {
    loket.klok.verder(30_000);
    const r1 = await stap1(beheerder.email, beheerder.wachtwoord);
    expect(r1.statusCode).toBe(200);
    expect(r1.json().stap).toBe('totp');
    const setCookie = String(r1.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Strict');
    const halfweg = cookieUit(r1);

    // A half-way session is not a login.
    const nogNiet = await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: { cookie: halfweg } });
    expect(nogNiet.statusCode).toBe(401);

    const code = totpVoor(beheerder.totpGeheim, beheerder.email).generate({ timestamp: loket.klok.nu().getTime() });
    const r2 = await loket.app.inject({ method: 'POST', url: '/api/v1/sessie/totp', headers: { cookie: halfweg, 'x-csrf-token': r1.json().csrfToken }, payload: { code } });
    expect(r2.statusCode).toBe(200);
    const vol = cookieUit(r2);
    expect(vol).not.toBe(halfweg);
    expect(r2.json().gemeenten.map((g: { code: string }) => g.code)).toEqual(['GM0384', 'GM0437', 'GM0451']);

    const oud = await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: { cookie: halfweg } });
    expect(oud.statusCode).toBe(401);
    const nu = await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: { cookie: vol } });
    expect(nu.statusCode).toBe(200);
    expect(nu.json().gebruiker.email).toBe(beheerder.email);

    // The same code cannot be used twice.
    const r1b = await stap1(beheerder.email, beheerder.wachtwoord);
    const replay = await loket.app.inject({ method: 'POST', url: '/api/v1/sessie/totp', headers: { cookie: cookieUit(r1b), 'x-csrf-token': r1b.json().csrfToken }, payload: { code } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ type: 'urn:loket:problem:code-al-gebruikt', detail: 'Deze code is net al gebruikt. Wacht op de volgende code van uw app en probeer het opnieuw.' });
  });

  it('gives the same answer for an unknown address and a wrong password', async () => {
    const onbekend = await stap1('niemand@diemen.demo', 'een-wachtwoord-dat-niet-bestaat');
    const fout = await stap1(behandelaar.email, 'verkeerd-wachtwoord-123');
    expect(onbekend.statusCode).toBe(401);
    expect(fout.statusCode).toBe(401);
    expect(onbekend.json().detail).toBe(fout.json().detail);
    expect(onbekend.headers['content-type']).toContain('application/problem+json');
  });

  it('locks the account with growing waits after repeated failures', async () => {
    const g = demoGebruiker('pc@diemen.demo');
    for (let i = 0; i < 5; i++) expect((await stap1(g.email, `fout-wachtwoord-${i}-xyz`)).statusCode).toBe(401);
    const geblokkeerd = await stap1(g.email, g.wachtwoord);
    expect(geblokkeerd.statusCode).toBe(429);
    expect(Number(geblokkeerd.headers['retry-after'])).toBeGreaterThan(0);
    loket.klok.verder(61_000);
    // One more failure doubles the wait to two minutes.
    expect((await stap1(g.email, 'nog-een-fout-wachtwoord')).statusCode).toBe(401);
    const weer = await stap1(g.email, g.wachtwoord);
    expect(weer.statusCode).toBe(429);
    expect(Number(weer.headers['retry-after'])).toBeGreaterThan(60);
    loket.klok.verder(121_000);
    expect((await stap1(g.email, g.wachtwoord)).statusCode).toBe(200);
  });

  it('asks a new user to set up the second factor at the first login', async () => {
    const admin = await logInAls(loket, beheerder.email);
    const nieuw = await loket.app.inject({
      method: 'POST',
      url: '/api/v1/gemeenten/GM0384/gebruikers',
      headers: admin.headers,
      payload: { naam: 'Nina Nieuw', email: 'nina@diemen.demo', wachtwoord: 'een lange zin als wachtwoord', rollen: ['behandelaar'] },
    });
    expect(nieuw.statusCode).toBe(201);
    const r1 = await stap1('nina@diemen.demo', 'een lange zin als wachtwoord');
    expect(r1.json().stap).toBe('totp-instellen');
    expect(r1.json().otpauthUri).toMatch(/^otpauth:\/\/totp\/Loket:nina%40diemen\.demo\?/);
    const code = totpVoor(r1.json().geheim, 'nina@diemen.demo').generate({ timestamp: loket.klok.nu().getTime() });
    const r2 = await loket.app.inject({ method: 'POST', url: '/api/v1/sessie/totp', headers: { cookie: cookieUit(r1), 'x-csrf-token': r1.json().csrfToken }, payload: { code } });
    expect(r2.statusCode).toBe(200);
    loket.klok.verder(30_000);
    expect((await stap1('nina@diemen.demo', 'een lange zin als wachtwoord')).json().stap).toBe('totp');
  });
});

describe('sessies', () => {
  it('end after 30 minutes idle and after 12 hours in all', async () => {
    const s = await logInAls(loket, behandelaar.email);
    loket.klok.verder(29 * 60_000);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: s.headers })).statusCode).toBe(200);
    loket.klok.verder(31 * 60_000);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: s.headers })).statusCode).toBe(401);

    const lang = await logInAls(loket, behandelaar.email);
    for (let i = 0; i < 25; i++) {
      loket.klok.verder(29 * 60_000);
      const res = await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: lang.headers });
      expect(res.statusCode).toBe(i < 24 ? 200 : 401);
      if (res.statusCode === 401) break;
    }
  });

  it('refuses a change without the CSRF token', async () => {
    const s = await logInAls(loket, beheerder.email);
    const zonder = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/teams', headers: { cookie: s.cookie }, payload: { naam: 'Zonder token' } });
    expect(zonder.statusCode).toBe(403);
    const fout = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/teams', headers: { cookie: s.cookie, 'x-csrf-token': 'x' }, payload: { naam: 'Zonder token' } });
    expect(fout.statusCode).toBe(403);
    const teams = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams', headers: s.headers });
    expect(teams.json().items.map((t: { naam: string }) => t.naam)).not.toContain('Zonder token');
  });

  it('logs out here, and everywhere', async () => {
    const a = await logInAls(loket, behandelaar.email);
    const b = await logInAls(loket, behandelaar.email);
    expect((await loket.app.inject({ method: 'DELETE', url: '/api/v1/sessie', headers: a.headers })).statusCode).toBe(204);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: a.headers })).statusCode).toBe(401);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: b.headers })).statusCode).toBe(200);
    const c = await logInAls(loket, behandelaar.email);
    expect((await loket.app.inject({ method: 'DELETE', url: '/api/v1/sessies', headers: c.headers })).statusCode).toBe(204);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: b.headers })).statusCode).toBe(401);
  });

  it('ends every session of a disabled account', async () => {
    const admin = await logInAls(loket, beheerder.email);
    const kees = await logInAls(loket, 'kcc@duoplus.demo');
    const lijst = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0437/gebruikers?zoek=kees', headers: admin.headers });
    const id = lijst.json().items[0].id;
    const detail = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0437/gebruikers/${id}`, headers: admin.headers });
    const uit = await loket.app.inject({
      method: 'PATCH',
      url: `/api/v1/gemeenten/GM0437/gebruikers/${id}`,
      headers: { ...admin.headers, 'if-match': String(detail.headers.etag) },
      payload: { actief: false },
    });
    expect(uit.statusCode).toBe(200);
    expect(uit.json().actief).toBe(false);
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: kees.headers })).statusCode).toBe(401);
    loket.klok.verder(30_000);
    expect((await stap1('kcc@duoplus.demo', demoGebruiker('kcc@duoplus.demo').wachtwoord)).statusCode).toBe(401);
  });
});
