import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from './app.ts';
import { laadDemo, logInAls } from './demo.ts';
import type { Ingelogd } from './login.ts';

let loket: TestLoket;
let admin: Ingelogd;
const gebruikers = '/api/v1/gemeenten/GM0384/gebruikers';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00Z' });
  await laadDemo(loket);
  admin = await logInAls(loket, 'beheerder@duoplus.demo');
});
afterAll(async () => loket.close());

const aantalGebruikers = async () =>
  Number((await loket.database.db.selectFrom('gebruiker').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('foute invoer: een duidelijk probleem, niets veranderd, nooit een 5xx', () => {
  it('lists every invalid field at once, unknown fields included', async () => {
    const voor = await aantalGebruikers();
    const res = await loket.app.inject({
      method: 'POST',
      url: gebruikers,
      headers: admin.headers,
      payload: { naam: '', email: 'geen-email', wachtwoord: 'kort', rollen: ['koning'], extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const namen = res.json().invalidParams.map((p: { name: string }) => p.name).toSorted();
    expect(namen).toEqual(expect.arrayContaining(['naam', 'email', 'rollen.0', 'extra']));
    for (const p of res.json().invalidParams) expect(p.reason).toMatch(/\S/);
    expect(await aantalGebruikers()).toBe(voor);
  });

  it('refuses a weak or common password in plain words', async () => {
    for (const wachtwoord of ['kort', 'qwertyuiop123', 'aaaaaaaaaaaaaaa']) {
      const res = await loket.app.inject({ method: 'POST', url: gebruikers, headers: admin.headers, payload: { naam: 'X', email: 'x@diemen.demo', wachtwoord, rollen: ['behandelaar'] } });
      expect(res.statusCode).toBe(400);
      expect(res.json().invalidParams[0].name).toBe('wachtwoord');
    }
  });

  it('answers 415, 413, malformed JSON and bad UTF-8 with a problem', async () => {
    const form = await loket.app.inject({ method: 'POST', url: gebruikers, headers: { ...admin.headers, 'content-type': 'text/plain' }, payload: 'naam=x' });
    expect(form.statusCode).toBe(415);
    const groot = await loket.app.inject({ method: 'POST', url: gebruikers, headers: { ...admin.headers, 'content-type': 'application/json' }, payload: JSON.stringify({ naam: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(groot.statusCode).toBe(413);
    const kapot = await loket.app.inject({ method: 'POST', url: gebruikers, headers: { ...admin.headers, 'content-type': 'application/json' }, payload: '{"naam": ' });
    expect(kapot.statusCode).toBe(400);
    const utf8 = await loket.app.inject({
      method: 'POST',
      url: gebruikers,
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: Buffer.concat([Buffer.from('{"naam":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    });
    expect(utf8.statusCode).toBe(400);
    expect(utf8.json().detail).toMatch(/UTF-8/);
    const proto = await loket.app.inject({ method: 'POST', url: gebruikers, headers: { ...admin.headers, 'content-type': 'application/json' }, payload: '{"__proto__":{"x":1},"naam":"a"}' });
    expect(proto.statusCode).toBe(400);
    for (const res of [form, groot, kapot, utf8, proto]) expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('never answers 5xx to path tricks and odd parameters', async () => {
    const paden = [
      '/api/v1/../../etc/passwd',
      '/api/v1/gemeenten/GM0384/gebruikers/..%2F..%2Fetc',
      '/api/v1/gemeenten/GM0384/gebruikers/%00',
      '/api/v1/gemeenten/%E0%A4%A/gebruikers',
      '/api/v1/gemeenten/GM0384/gebruikers?page=-1&pageSize=100000',
      '/api/v1/gemeenten/GM0384/gebruikers?page=1&page=2',
      `/api/v1/gemeenten/GM0384/gebruikers/${'a'.repeat(5000)}`,
      '/api/v1/gemeenten/gm0384/gebruikers',
      '//api/v1/gemeenten',
    ];
    for (const url of paden) {
      const res = await loket.app.inject({ method: 'GET', url, headers: admin.headers });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });
});

describe('wijzigen met ETag en If-Match', () => {
  it('needs If-Match and refuses a stale version with 412', async () => {
    const lijst = await loket.app.inject({ method: 'GET', url: `${gebruikers}?zoek=Bo%20Behandelaar`, headers: admin.headers });
    const id = lijst.json().items[0].id as string;
    const detail = await loket.app.inject({ method: 'GET', url: `${gebruikers}/${id}`, headers: admin.headers });
    const etag = String(detail.headers.etag);
    expect(etag).toMatch(/^"\d+"$/);
    const zonder = await loket.app.inject({ method: 'PATCH', url: `${gebruikers}/${id}`, headers: admin.headers, payload: { naam: 'Bo B.' } });
    expect(zonder.statusCode).toBe(428);
    const goed = await loket.app.inject({ method: 'PATCH', url: `${gebruikers}/${id}`, headers: { ...admin.headers, 'if-match': etag }, payload: { naam: 'Bo B.' } });
    expect(goed.statusCode).toBe(200);
    expect(goed.headers.etag).not.toBe(etag);
    const oud = await loket.app.inject({ method: 'PATCH', url: `${gebruikers}/${id}`, headers: { ...admin.headers, 'if-match': etag }, payload: { naam: 'Iemand anders' } });
    expect(oud.statusCode).toBe(412);
    const na = await loket.app.inject({ method: 'GET', url: `${gebruikers}/${id}`, headers: admin.headers });
    expect(na.json().naam).toBe('Bo B.');
  });
});

describe('Idempotency-Key', () => {
  it('gives the same answer on a retry and creates nothing twice', async () => {
    const headers = { ...admin.headers, 'idempotency-key': 'team-aanmaken-1' };
    const payload = { naam: 'Idempotent team' };
    const eerste = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/teams', headers, payload });
    const tweede = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/teams', headers, payload });
    expect(eerste.statusCode).toBe(201);
    expect(tweede.statusCode).toBe(201);
    expect(tweede.json()).toEqual(eerste.json());
    expect(tweede.headers.location).toBe(eerste.headers.location);
    expect(tweede.headers['idempotent-replayed']).toBe('true');
    const anders = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/teams', headers, payload: { naam: 'Ander team' } });
    expect(anders.statusCode).toBe(422);
    const teams = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams?pageSize=100', headers: admin.headers });
    expect(teams.json().items.filter((t: { naam: string }) => t.naam === 'Idempotent team')).toHaveLength(1);
  });

  it('lets a failed request be retried with the same key', async () => {
    const headers = { ...admin.headers, 'idempotency-key': 'team-aanmaken-2' };
    const fout = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/teams', headers, payload: { naam: '' } });
    expect(fout.statusCode).toBe(400);
    const goed = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/teams', headers, payload: { naam: '' } });
    expect(goed.statusCode).toBe(400);
  });
});

describe('collecties', () => {
  it('paginate with total and links', async () => {
    const res = await loket.app.inject({ method: 'GET', url: `${gebruikers}?page=2&pageSize=2`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.page).toBe(2);
    expect(body.pageSize).toBe(2);
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThanOrEqual(5);
    expect(body._links.prev.href).toContain('page=1');
    expect(body._links.next.href).toContain('page=3');
  });
});

describe('logboeken', () => {
  it('records who read whose personal data, and the staff actions', async () => {
    const lijst = await loket.app.inject({ method: 'GET', url: `${gebruikers}?pageSize=3`, headers: admin.headers });
    const verwerkingen = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/verwerkingen?pageSize=100', headers: admin.headers });
    const ids = lijst.json().items.map((g: { id: string }) => g.id);
    const trace = verwerkingen.json().items.filter((v: { betrokkene: { id: string }; naam: string }) => ids.includes(v.betrokkene.id) && v.naam === 'medewerkers-bekijken');
    expect(trace.length).toBeGreaterThanOrEqual(3);
    expect(trace[0].grondslag).toMatch(/AVG/);
    await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams', headers: admin.headers });
    const na = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/verwerkingen?pageSize=100', headers: admin.headers });
    expect(na.json().items.map((v: { naam: string }) => v.naam)).toContain('teams-bekijken');
    // A staff action of this test's own: the beheerder renames Tim.
    const tim = (await loket.app.inject({ method: 'GET', url: `${gebruikers}?zoek=Tim%20Teamleider`, headers: admin.headers })).json().items[0] as { id: string; versie: number };
    const wijzig = await loket.app.inject({ method: 'PATCH', url: `${gebruikers}/${tim.id}`, headers: { ...admin.headers, 'if-match': `"${tim.versie}"` }, payload: { naam: 'Tim T.' } });
    expect(wijzig.statusCode, wijzig.body).toBe(200);
    const audit = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/audit-log?pageSize=100', headers: admin.headers });
    const items = audit.json().items as { actie: string; object: { id: string | null } }[];
    expect(items.filter((a) => a.object.id === tim.id).map((a) => a.actie)).toContain('medewerker-wijzigen');
    expect(items.map((a) => a.actie)).toContain('aanmelden');
  });

  it('cannot be changed or deleted', async () => {
    // Rows of its own in both logs first (the triggers refuse per row): reading staff writes the processing log.
    await loket.app.inject({ method: 'GET', url: gebruikers, headers: admin.headers });
    const aantal = async (tabel: 'audit_log' | 'verwerking_log') => Number((await loket.database.db.selectFrom(tabel).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await aantal('audit_log')).toBeGreaterThan(0);
    expect(await aantal('verwerking_log')).toBeGreaterThan(0);
    await expect(loket.database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/alleen-toevoegen/);
    await expect(loket.database.db.updateTable('verwerking_log').set({ status: 'x' }).execute()).rejects.toThrow(/alleen-toevoegen/);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After on a public route past its limit', async () => {
    const streng = await testLoket({ env: { LOKET_RATE_LIMIT: '3' } });
    try {
      const codes: number[] = [];
      const over: unknown[] = [];
      let retryAfter: unknown;
      for (let i = 0; i < 5; i++) {
        const res = await streng.app.inject({ method: 'GET', url: '/api/v1/gemeenten' });
        codes.push(res.statusCode);
        over.push(res.headers['x-ratelimit-remaining']);
        expect(res.headers['x-ratelimit-limit']).toBe('3');
        expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
        if (res.statusCode === 429) {
          retryAfter = res.headers['retry-after'];
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.json()).toMatchObject({ status: 429, type: expect.stringContaining('te-veel-verzoeken') });
        }
      }
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      expect(over).toEqual(['2', '1', '0', '0', '0']);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    } finally {
      await streng.close();
    }
  });

  it('counts a public route on the node and shares it in batches, and a login step in the database on each request (ADR 0093)', async () => {
    const knooppunt = await testLoket({ env: { LOKET_RATE_LIMIT_DELEN_MS: '1000000' } });
    try {
      const telling = (sleutel: string) => knooppunt.database.db.selectFrom('rate_limit').select('aantal').where('sleutel', '=', sleutel).executeTakeFirst();
      for (let i = 0; i < 3; i++) expect((await knooppunt.app.inject({ method: 'GET', url: '/api/v1/gemeenten' })).statusCode).toBe(200);
      expect(await telling('GET /api/v1/gemeenten|127.0.0.1')).toBeUndefined();
      await knooppunt.deelRateLimits();
      expect(await telling('GET /api/v1/gemeenten|127.0.0.1')).toEqual({ aantal: 3 });

      const aanmelden = await knooppunt.app.inject({ method: 'POST', url: '/api/v1/sessie', payload: { email: 'niemand@example.nl', wachtwoord: 'een-wachtwoord-dat-niet-bestaat' } });
      expect(aanmelden.statusCode).toBe(401);
      expect(await telling('POST /api/v1/sessie|127.0.0.1')).toEqual({ aantal: 1 });
      // The second step (policy `aanmelden`) too, even when refused for want of a session.
      expect((await knooppunt.app.inject({ method: 'POST', url: '/api/v1/sessie/totp', payload: { code: '123456' } })).statusCode).toBe(401);
      expect(await telling('POST /api/v1/sessie/totp|127.0.0.1')).toEqual({ aantal: 1 });
    } finally {
      await knooppunt.close();
    }
  });
});

describe('CORS', () => {
  it('is closed unless the origin is configured', async () => {
    const dicht = await loket.app.inject({ method: 'OPTIONS', url: '/api/v1/gemeenten', headers: { origin: 'https://evil.example' } });
    expect(dicht.statusCode).toBe(204);
    expect(dicht.headers['access-control-allow-origin']).toBeUndefined();
    expect(dicht.headers['access-control-allow-methods']).toBeUndefined();
    const get = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten', headers: { origin: 'https://evil.example' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const open = await testLoket({ env: { CORS_ORIGINS: 'https://portaal.diemen.nl' } });
    try {
      const pre = await open.app.inject({ method: 'OPTIONS', url: '/api/v1/gemeenten', headers: { origin: 'https://portaal.diemen.nl' } });
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('https://portaal.diemen.nl');
    } finally {
      await open.close();
    }
  });

  it('marks answers to a logged-in caller as not cacheable', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams', headers: admin.headers });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
