import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import type { Database } from '../db/database.ts';
import { rateLimitRepository } from './rate-limit.repository.ts';
import { gedeeldeRateLimit, type GedeeldeRateLimit } from './rate-limit.ts';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database?.close());

const wacht = (ms: number) => new Promise((klaar) => setTimeout(klaar, ms));
const MINUUT = 60_000;
/** No share on a timer during a test: the tests share explicitly. */
const NOOIT = 3_600_000;

const rijen = (voorvoegsel: string) =>
  database.db.selectFrom('rate_limit').select(['sleutel', 'aantal']).where('sleutel', 'like', `${voorvoegsel}%`).orderBy('sleutel').execute();

/** A node's store for one route, as @fastify/rate-limit makes it (`child` per route). */
function route(node: GedeeldeRateLimit, url: string, exact = false): FastifyRateLimitStore {
  return new node.store({}).child({ routeInfo: { method: 'GET', url, config: { rateLimitExact: exact } } } as never);
}

/** Counts one request of `adres` and gives what the plugin decides on. */
const tel = (store: FastifyRateLimitStore, adres: string, vensterMs = MINUUT) =>
  new Promise<{ current: number; ttl: number }>((klaar, fout) => store.incr(adres, (error, result) => (error || !result ? fout(error) : klaar(result)), vensterMs, 0));

/** A request in windows of 400 ms. */
const kort = (store: FastifyRateLimitStore) => tel(store, '192.0.2.1', 400);

async function telVaak(store: FastifyRateLimitStore, adres: string, keer: number): Promise<number[]> {
  const uit: number[] = [];
  for (let i = 0; i < keer; i++) uit.push((await tel(store, adres)).current);
  return uit;
}

describe('the repository', () => {
  it('counts per key in a window that starts at the first request, and removes ended windows only', async () => {
    const r = rateLimitRepository(database.db);
    const eerste = await r.tel('REP /x|192.0.2.1', 60_000);
    expect(eerste.aantal).toBe(1);
    expect(eerste.ttl).toBeGreaterThan(59_000);
    expect((await r.tel('REP /x|192.0.2.1', 60_000)).aantal).toBe(2);
    expect((await r.tel('REP /y|192.0.2.1', 60_000)).aantal).toBe(1);

    // A window of 1 s: after it a request starts a new one.
    expect((await r.tel('REP /kort|192.0.2.1', 1_000)).aantal).toBe(1);
    expect((await r.tel('REP /kort|192.0.2.1', 1_000)).aantal).toBe(2);
    await wacht(1_100);
    expect((await r.tel('REP /kort|192.0.2.1', 1_000)).aantal).toBe(1);
    await wacht(1_100);
    await r.ruimOp();
    expect(await rijen('REP /')).toEqual([
      { sleutel: 'REP /x|192.0.2.1', aantal: 2 },
      { sleutel: 'REP /y|192.0.2.1', aantal: 1 },
    ]);
  });

  it('adds the counts of many keys in one statement and gives each shared total, in the windows of a single count', async () => {
    const r = rateLimitRepository(database.db);
    await r.tel('BIJ /b|192.0.2.1', 60_000);
    const totalen = await r.telBij([
      { sleutel: 'BIJ /b|192.0.2.1', aantal: 4, vensterMs: 60_000 },
      { sleutel: 'BIJ /a|192.0.2.1', aantal: 2, vensterMs: 60_000 },
      { sleutel: 'BIJ /kort|192.0.2.1', aantal: 3, vensterMs: 500 },
    ]);
    expect(totalen.get('BIJ /b|192.0.2.1')?.aantal).toBe(5);
    expect(totalen.get('BIJ /a|192.0.2.1')?.aantal).toBe(2);
    expect(totalen.get('BIJ /a|192.0.2.1')?.ttl).toBeGreaterThan(59_000);
    expect(totalen.get('BIJ /kort|192.0.2.1')).toMatchObject({ aantal: 3 });
    expect(totalen.get('BIJ /kort|192.0.2.1')?.ttl).toBeLessThanOrEqual(500);
    // After its window a key starts a new one with the count added.
    await wacht(600);
    const daarna = await r.telBij([{ sleutel: 'BIJ /kort|192.0.2.1', aantal: 2, vensterMs: 500 }]);
    expect(daarna.get('BIJ /kort|192.0.2.1')?.aantal).toBe(2);
    expect(await rijen('BIJ ')).toEqual([
      { sleutel: 'BIJ /a|192.0.2.1', aantal: 2 },
      { sleutel: 'BIJ /b|192.0.2.1', aantal: 5 },
      { sleutel: 'BIJ /kort|192.0.2.1', aantal: 2 },
    ]);
  });
});

describe('the store: counted per node, shared in batches (two nodes on one database)', () => {
  let a: GedeeldeRateLimit;
  let b: GedeeldeRateLimit;
  const fouten: unknown[] = [];
  beforeAll(() => {
    const repository = rateLimitRepository(database.db);
    a = gedeeldeRateLimit(repository, { deelMs: NOOIT, onFout: (error) => fouten.push(error) });
    b = gedeeldeRateLimit(repository, { deelMs: NOOIT, onFout: (error) => fouten.push(error) });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    expect(fouten).toEqual([]);
  });

  it('counts a request without the database and shares a node’s counts of every key at once', async () => {
    const opA = route(a, '/gebundeld');
    expect(await telVaak(opA, '192.0.2.1', 3)).toEqual([1, 2, 3]);
    expect(await telVaak(route(a, '/ander'), '192.0.2.1', 1)).toEqual([1]);
    const eerste = await tel(opA, '192.0.2.2');
    expect(eerste.current).toBe(1);
    expect(eerste.ttl).toBeGreaterThan(59_000);
    expect(await rijen('GET /gebundeld|')).toEqual([]);

    await a.deel();
    expect(await rijen('GET /')).toEqual(
      expect.arrayContaining([
        { sleutel: 'GET /ander|192.0.2.1', aantal: 1 },
        { sleutel: 'GET /gebundeld|192.0.2.1', aantal: 3 },
        { sleutel: 'GET /gebundeld|192.0.2.2', aantal: 1 },
      ]),
    );
    // Shared once: a second share without new requests adds nothing.
    await a.deel();
    expect(await rijen('GET /gebundeld|192.0.2.1')).toEqual([{ sleutel: 'GET /gebundeld|192.0.2.1', aantal: 3 }]);
    expect((await tel(opA, '192.0.2.1')).current).toBe(4);
  });

  it('counts on each node, after its share, the requests the other node shared: exactly', async () => {
    const opA = route(a, '/samen');
    const opB = route(b, '/samen');
    expect(await telVaak(opA, '192.0.2.1', 30)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await a.deel();
    // B has not shared this key yet: it knows only its own request (the bound of ADR 0093).
    expect((await tel(opB, '192.0.2.1')).current).toBe(1);
    await b.deel();
    // From its share on, B counts A's 30 with its own.
    expect(await telVaak(opB, '192.0.2.1', 3)).toEqual([32, 33, 34]);
    // A knows what it read at its own last share (30) and its own requests since; the total after both share.
    expect((await tel(opA, '192.0.2.1')).current).toBe(31);
    await b.deel();
    await a.deel();
    expect((await tel(opA, '192.0.2.1')).current).toBe(36);
    // B read its total before A shared its last request.
    expect((await tel(opB, '192.0.2.1')).current).toBe(35);
    await a.deel();
    await b.deel();
    expect(await rijen('GET /samen|')).toEqual([{ sleutel: 'GET /samen|192.0.2.1', aantal: 37 }]);
    expect((await tel(opB, '192.0.2.1')).current).toBe(38);
  });

  it('shares the requests counted while a share is under way at the next one', async () => {
    const opA = route(a, '/onderweg');
    await telVaak(opA, '192.0.2.1', 2);
    const gedeeld = a.deel();
    // Counted after the share took its counts: in the node's total at once, in the table after the next share.
    expect((await tel(opA, '192.0.2.1')).current).toBe(3);
    await gedeeld;
    expect(await rijen('GET /onderweg|')).toEqual([{ sleutel: 'GET /onderweg|192.0.2.1', aantal: 2 }]);
    expect((await tel(opA, '192.0.2.1')).current).toBe(4);
    await a.deel();
    expect(await rijen('GET /onderweg|')).toEqual([{ sleutel: 'GET /onderweg|192.0.2.1', aantal: 4 }]);
  });

  it('starts a new window after the shared one has ended, on every node', async () => {
    const opA = route(a, '/venster');
    const opB = route(b, '/venster');
    await kort(opA);
    await kort(opA);
    await a.deel();
    await kort(opB);
    await b.deel();
    const metA = await kort(opB);
    expect(metA.current).toBe(4);
    expect(metA.ttl).toBeLessThanOrEqual(400);
    await wacht(500);
    expect((await kort(opA)).current).toBe(1);
    expect((await kort(opB)).current).toBe(1);
    // B's unshared request of the ended window is not carried into the new one.
    await a.deel();
    await b.deel();
    expect(await rijen('GET /venster|')).toEqual([{ sleutel: 'GET /venster|192.0.2.1', aantal: 2 }]);
  });

  it('counts a route with rateLimitExact in the database on each request', async () => {
    const exact = route(a, '/aanmelden', true);
    expect(await telVaak(exact, '192.0.2.1', 2)).toEqual([1, 2]);
    expect(await rijen('GET /aanmelden|')).toEqual([{ sleutel: 'GET /aanmelden|192.0.2.1', aantal: 2 }]);
    expect((await tel(route(b, '/aanmelden', true), '192.0.2.1')).current).toBe(3);
  });
});

it('shares on its timer without being asked, and at close what is left', async () => {
  const node = gedeeldeRateLimit(rateLimitRepository(database.db), { deelMs: 10, onFout: (error) => expect.fail(String(error)) });
  const store = route(node, '/timer');
  await telVaak(store, '192.0.2.1', 2);
  await vi.waitFor(async () => expect(await rijen('GET /timer|')).toEqual([{ sleutel: 'GET /timer|192.0.2.1', aantal: 2 }]), { timeout: 10_000, interval: 20 });
  const lang = gedeeldeRateLimit(rateLimitRepository(database.db), { deelMs: NOOIT, onFout: (error) => expect.fail(String(error)) });
  await telVaak(route(lang, '/timer'), '192.0.2.1', 3);
  await lang.close();
  await node.close();
  expect(await rijen('GET /timer|')).toEqual([{ sleutel: 'GET /timer|192.0.2.1', aantal: 5 }]);
});

it('limits each node on its own counts while the database is gone, and warns once', async () => {
  const weg = await testDatabase();
  const fouten: unknown[] = [];
  const node = gedeeldeRateLimit(rateLimitRepository(weg.db), { deelMs: NOOIT, onFout: (error) => fouten.push(error) });
  const store = route(node, '/weg');
  expect(await telVaak(store, '192.0.2.1', 2)).toEqual([1, 2]);
  await weg.close();
  await node.deel();
  expect(await telVaak(store, '192.0.2.1', 2)).toEqual([3, 4]);
  await node.deel();
  await node.close();
  expect(fouten).toHaveLength(1);
  expect((await tel(store, '192.0.2.1')).current).toBe(5);
});
