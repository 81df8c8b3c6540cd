import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Afloop } from '../src/cluster/cluster.ts';
import { apiToken, belasting, lastZaak, logInDemo, metHerhaling, testCluster, zakenPerOnderwerp, type TestCluster, type Uitkomst } from './cluster.ts';
import { httpKlant } from './http-klant.ts';
import { METEEN, SLUITINGSDAG_4_MAART, VRAAG_2_MAART } from './knooppunten.ts';
import type { Ingelogd } from './login.ts';

/**
 * Three `loket serve` processes on one PostgreSQL database behind a real HAProxy (issue 17,
 * ADR 0027): what clients see when a node is killed or restarted, and what one node's change
 * means on the others. PGlite is one process's database, so there is no second node.
 */
const opPglite = inject('loketTestDatabase').kind === 'pglite';

/**
 * A client that retries for longer than this is stuck (a dead node's claim must not block a
 * retry; before ADR 0030 it did for 5 minutes). Generous: CI runs on two busy cores.
 */
const VASTGELOPEN_MS = 10_000;
/** Public routes of this cluster allow this many requests per minute per address. */
const LIMIET = 40;
const ZAKEN = '/api/v1/gemeenten/GM0384/zaken';

const geslaagd = (u: Uitkomst) => u.status >= 200 && u.status < 300;
const mislukt = (uitkomsten: Uitkomst[]) => uitkomsten.filter((u) => !geslaagd(u)).map((u) => `${u.status} na ${u.pogingen} pogingen: ${u.fouten.slice(-3).join(', ')} ${u.body.slice(0, 200)}`);

describe.skipIf(opPglite)('three nodes behind HAProxy (PGlite is one process: no second node)', () => {
  let tc: TestCluster;
  let beheerder: Ingelogd;
  let token: string;

  beforeAll(async () => {
    tc = await testCluster({ knooppunten: 3, env: { LOKET_RATE_LIMIT: String(LIMIET) } });
    beheerder = await logInDemo(tc.proxy, 'beheerder@duoplus.demo');
    token = await apiToken(tc.proxy, beheerder);
  });
  // A test that stopped a node leaves the cluster whole for the next (the order is random).
  afterEach(async () => tc?.herstel());
  afterAll(async () => tc?.close());

  /** Registers the zaak `merk` through the proxy, retrying with one Idempotency-Key until a 2xx. */
  const registreer = (merk: string, sleutel: string) =>
    metHerhaling(tc.proxy, { method: 'POST', url: ZAKEN, headers: { authorization: `Bearer ${token}`, 'idempotency-key': sleutel }, payload: lastZaak(merk) });

  /** Each acknowledged zaak is in the database exactly once, as the answer said. */
  async function elkEenmaal(voorvoegsel: string, merken: string[], uitkomsten: Uitkomst[]): Promise<void> {
    const perOnderwerp = await zakenPerOnderwerp(tc.database, voorvoegsel);
    expect([...perOnderwerp].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...perOnderwerp.keys()].toSorted()).toEqual(merken.toSorted());
    const ids = uitkomsten.map((u) => JSON.parse(u.body).id as string);
    expect(new Set(ids).size).toBe(merken.length);
    const opgeslagen = await tc.database.db.selectFrom('zaak').select(['id', 'onderwerp']).where('gemeente', '=', 'GM0384').where('id', 'in', ids).execute();
    const onderwerpVan = new Map(opgeslagen.map((z) => [z.id, z.onderwerp]));
    expect(uitkomsten.map((u) => onderwerpVan.get(JSON.parse(u.body).id as string))).toEqual(merken);
  }

  it('keeps every acknowledged write exactly once when a node is killed (kill -9) under a write load, and no retry is stuck', async () => {
    const run = randomUUID().slice(0, 8);
    const merk = (i: number) => `Clusterlast ${run} ${String(i).padStart(3, '0')}`;
    const slachtoffer = tc.cluster.knooppunten[1];
    if (!slachtoffer) throw new Error('geen tweede knooppunt');
    let bevestigd = 0;
    let gedood: Promise<Afloop> | undefined;
    const uitkomsten = await belasting(150, 10, async (i) => {
      const u = await registreer(merk(i), `${run}-${i}`);
      // In the middle of the load: kill -9, with requests of the other clients under way on it.
      if (geslaagd(u) && ++bevestigd === 50) gedood = slachtoffer.stop('SIGKILL');
      return u;
    });
    expect((await gedood)?.signaal).toBe('SIGKILL');

    expect(mislukt(uitkomsten)).toEqual([]);
    expect(uitkomsten.every((u) => u.status === 201)).toBe(true);
    await elkEenmaal(`Clusterlast ${run} `, uitkomsten.map((_, i) => merk(i)), uitkomsten);
    const traagste = Math.max(...uitkomsten.map((u) => u.herhaalMs));
    const herhaald = uitkomsten.filter((u) => u.pogingen > 1);
    console.info(`kill -9: ${herhaald.length} of 150 requests retried (${herhaald.flatMap((u) => u.fouten).join('; ') || 'none'}); longest retrying ${Math.round(traagste)} ms`);
    expect(traagste).toBeLessThan(VASTGELOPEN_MS);
    expect(uitkomsten.some((u) => u.knooppunt === slachtoffer.naam)).toBe(true);
  }, 60_000);

  it('refuses on the other nodes, at once, a session logged out on one', async () => {
    const kcc = await logInDemo(tc.proxy, 'kcc@duoplus.demo');
    const sessie = (i: number) => tc.direct[i]?.inject({ method: 'GET', url: '/api/v1/sessie', headers: kcc.headers });
    // Every node now keeps the session (read twice).
    for (const i of [0, 1, 2]) for (const _ of [1, 2]) expect((await sessie(i))?.statusCode).toBe(200);
    expect((await tc.direct[0]?.inject({ method: 'DELETE', url: '/api/v1/sessie', headers: kcc.headers }))?.statusCode).toBe(204);
    for (const i of [1, 2]) await vi.waitFor(async () => expect((await sessie(i))?.statusCode).toBe(401), METEEN);
    expect((await tc.proxy.inject({ method: 'GET', url: '/api/v1/sessie', headers: kcc.headers })).statusCode).toBe(401);
  });

  it('counts on the other nodes, at once, a closure day added on one', async () => {
    const registreerOp = (i: number) => tc.direct[i]?.inject({ method: 'POST', url: ZAKEN, headers: beheerder.headers, payload: VRAAG_2_MAART });
    // The other nodes now keep Diemen's closure days: Monday 2 March + 5 werkdagen is Monday 9 March.
    for (const i of [1, 2]) {
      const res = await registreerOp(i);
      expect(res?.statusCode, res?.body).toBe(201);
      expect(res?.json<{ uiterlijkeEinddatum: string }>().uiterlijkeEinddatum).toBe('2026-03-09');
    }
    const dicht = await tc.direct[0]?.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/sluitingsdagen', headers: beheerder.headers, payload: SLUITINGSDAG_4_MAART });
    expect(dicht?.statusCode, dicht?.body).toBe(201);
    for (const i of [1, 2]) {
      await vi.waitFor(async () => {
        const res = await registreerOp(i);
        expect(res?.statusCode, res?.body).toBe(201);
        expect(res?.json<{ uiterlijkeEinddatum: string }>().uiterlijkeEinddatum).toBe('2026-03-10');
      }, METEEN);
    }
  });

  it('counts the requests of one client on every node together for the rate limit, within the bound of ADR 0093', async () => {
    // Two clients with their own addresses on loopback; the proxy passes each one's address on.
    const een = httpKlant(tc.cluster.proxyUrl, { localAddress: '127.0.0.2' });
    const ander = httpKlant(tc.cluster.proxyUrl, { localAddress: '127.0.0.3' });
    // The same client straight to each node (a node behind the proxy trusts its address).
    const eenDirect = tc.cluster.knooppunten.map((k) => httpKlant(k.url, { localAddress: '127.0.0.2' }));
    const gemeenten = { method: 'GET', url: '/api/v1/gemeenten' } as const;
    /** The count of the client in the table: what every node has shared (each node shares within LOKET_RATE_LIMIT_DELEN_MS). */
    const gedeeld = async () => (await tc.database.db.selectFrom('rate_limit').select('aantal').where('sleutel', '=', 'GET /api/v1/gemeenten|127.0.0.2').executeTakeFirst())?.aantal;
    try {
      // A node never counts more than all nodes together: up to the limit every request passes.
      const antwoorden = [];
      for (let i = 0; i < LIMIET; i++) antwoorden.push(await een.inject(gemeenten));
      expect(antwoorden.map((a) => a.statusCode)).toEqual(Array<number>(LIMIET).fill(200));
      // Round robin: every node answered.
      expect(new Set(antwoorden.map((a) => a.headers['x-loket-knooppunt']))).toEqual(new Set(['k1', 'k2', 'k3']));
      await vi.waitFor(async () => expect(await gedeeld()).toBe(LIMIET), { timeout: VASTGELOPEN_MS, interval: 20 });

      // Each node learns the total at its next share, after its next request of this client: that
      // one request may still pass (the bound on the overshoot: what a node gets before it shares),
      // or be refused when the node read the whole total at its last share.
      for (const direct of eenDirect) expect([200, 429]).toContain((await direct.inject(gemeenten)).statusCode);
      await vi.waitFor(async () => expect(await gedeeld()).toBe(LIMIET + tc.cluster.knooppunten.length), { timeout: VASTGELOPEN_MS, interval: 20 });

      // Every node has now read a total over the limit: exactly refused on every node.
      const daarna = [];
      for (let i = 0; i < 20; i++) daarna.push(await een.inject(gemeenten));
      expect(daarna.map((a) => a.statusCode)).toEqual(Array<number>(20).fill(429));
      expect(new Set(daarna.map((a) => a.headers['x-loket-knooppunt']))).toEqual(new Set(['k1', 'k2', 'k3']));
      for (const a of daarna) {
        expect(a.headers['x-ratelimit-remaining']).toBe('0');
        expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
        expect(a.headers['content-type']).toContain('application/problem+json');
      }
      expect((await ander.inject(gemeenten)).statusCode).toBe(200);
    } finally {
      een.close();
      ander.close();
      for (const direct of eenDirect) direct.close();
    }
  });

  it('restarts every node in turn (SIGTERM, start, ready) with no failed request for clients that retry idempotently', async () => {
    const run = randomUUID().slice(0, 8);
    const uitkomsten: Uitkomst[] = [];
    const schrijven: { merk: string; uitkomst: Uitkomst }[] = [];
    const gedaan = new AbortController();
    let volgende = 0;
    const klant = async () => {
      while (!gedaan.signal.aborted) {
        const i = volgende++;
        if (i % 2 === 0) {
          const merk = `Rollend ${run} ${String(i).padStart(4, '0')}`;
          const uitkomst = await registreer(merk, `${run}-${i}`);
          schrijven.push({ merk, uitkomst });
          uitkomsten.push(uitkomst);
        } else {
          uitkomsten.push(await metHerhaling(tc.proxy, { method: 'GET', url: `${ZAKEN}?pageSize=5`, headers: { authorization: `Bearer ${token}` } }));
        }
      }
    };
    const klanten = Promise.all(Array.from({ length: 4 }, klant));
    try {
      await vi.waitFor(() => expect(uitkomsten.length).toBeGreaterThanOrEqual(10), { timeout: 10_000 });
      for (const k of tc.cluster.knooppunten) {
        const voor = uitkomsten.length;
        const afloop = await k.stop('SIGTERM');
        expect(afloop, `${k.naam}:\n${k.staart()}`).toEqual({ code: 0, signaal: null });
        await k.start();
        await tc.cluster.wachtOpProxy(k.naam, 'UP');
        // The clients went on while this node was away.
        expect(uitkomsten.length, k.naam).toBeGreaterThan(voor);
      }
    } finally {
      gedaan.abort();
      await klanten;
    }
    expect(mislukt(uitkomsten)).toEqual([]);
    await elkEenmaal(`Rollend ${run} `, schrijven.map((s) => s.merk), schrijven.map((s) => s.uitkomst));
    const herhaald = uitkomsten.filter((u) => u.pogingen > 1);
    console.info(`rolling restart: ${uitkomsten.length} requests, ${herhaald.length} retried (${herhaald.flatMap((u) => u.fouten).join('; ') || 'none'})`);
  }, 90_000);
});
