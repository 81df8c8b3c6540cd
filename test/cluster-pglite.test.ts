import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCluster, type Cluster } from '../src/cluster/cluster.ts';
import { openDatabase } from '../src/db/database.ts';
import { apiToken, belasting, lastZaak, logInDemo, metHerhaling, zakenPerOnderwerp, type Uitkomst } from './cluster.ts';
import { httpKlant, type HttpKlant } from './http-klant.ts';

/**
 * The three-node suite's crash and restart cases on the embedded default (issue 17: "the same
 * suite keeps passing on PGlite with one node"): one `loket serve` on a PGlite data directory
 * behind the same HAProxy, killed with `kill -9` under a write load and stopped with SIGTERM, and
 * started again. Clients retry with the same Idempotency-Key until the node is back. PostgreSQL
 * runs the three-node suite (test/cluster.test.ts) instead.
 */
const opPglite = inject('loketTestDatabase').kind === 'pglite';
const ZAKEN = '/api/v1/gemeenten/GM0384/zaken';
/** A PGlite node takes seconds to start again on a busy machine; the clients wait that long. */
const OPGEVEN_MS = 90_000;

/** Every request ended in 201, and each acknowledged zaak is in the database exactly once. */
function elkEenmaal(telling: Map<string, number>, merken: string[], uitkomsten: Uitkomst[]): void {
  expect(uitkomsten.filter((u) => u.status !== 201).map((u) => `${u.status}: ${u.fouten.join(', ')}`)).toEqual([]);
  expect([...telling].filter(([, n]) => n !== 1)).toEqual([]);
  expect([...telling.keys()].toSorted()).toEqual(merken.toSorted());
  expect(new Set(uitkomsten.map((u) => JSON.parse(u.body).id as string)).size).toBe(merken.length);
}

describe.runIf(opPglite)('one embedded node (PGlite) behind HAProxy, killed and restarted', () => {
  let map: string;
  let cluster: Cluster;
  let proxy: HttpKlant;
  let token: string;

  beforeAll(async () => {
    map = mkdtempSync(join(tmpdir(), 'loket-pglite-knooppunt-'));
    cluster = await startCluster({
      dataDir: join(map, 'data'),
      knooppunten: 1,
      demo: 'zonder-zaken',
      env: { ...process.env, LOG_LEVEL: 'warn', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_RATE_LIMIT_AANMELDEN: '1000', LOKET_FORMULIER_GEHEIM: '' },
    });
    proxy = httpKlant(cluster.proxyUrl);
    token = await apiToken(proxy, await logInDemo(proxy, 'beheerder@duoplus.demo'));
  }, 180_000);
  afterAll(async () => {
    proxy?.close();
    await cluster?.stop();
    if (map) rmSync(map, { recursive: true, force: true });
  });

  const knooppunt = () => {
    const k = cluster.knooppunten[0];
    if (!k) throw new Error('geen knooppunt');
    return k;
  };
  const registreer = (merk: string, sleutel: string) =>
    metHerhaling(proxy, { method: 'POST', url: ZAKEN, headers: { authorization: `Bearer ${token}`, 'idempotency-key': sleutel }, payload: lastZaak(merk) }, OPGEVEN_MS);

  /** Stops the node, counts the zaken per subject in its data directory, and starts it again. */
  async function tellingNaStop(voorvoegsel: string): Promise<Map<string, number>> {
    expect(await knooppunt().stop('SIGTERM')).toEqual({ code: 0, signaal: null });
    const database = await openDatabase({ dataDir: join(map, 'data') });
    try {
      return await zakenPerOnderwerp(database, voorvoegsel);
    } finally {
      await database.close();
      await knooppunt().start();
      await cluster.wachtOpProxy(knooppunt().naam, 'UP', 30_000);
    }
  }

  it('keeps every acknowledged write exactly once when the node is killed (kill -9) under a write load and started again', async () => {
    const run = randomUUID().slice(0, 8);
    const merk = (i: number) => `Embedded ${run} ${String(i).padStart(3, '0')}`;
    let bevestigd = 0;
    let herstart: Promise<void> | undefined;
    const uitkomsten = await belasting(40, 4, async (i) => {
      const u = await registreer(merk(i), `${run}-${i}`);
      if (u.status === 201 && ++bevestigd === 15) {
        herstart = (async () => {
          expect((await knooppunt().stop('SIGKILL')).signaal).toBe('SIGKILL');
          await knooppunt().start();
        })();
      }
      return u;
    });
    await herstart;
    expect(uitkomsten.some((u) => u.pogingen > 1)).toBe(true);
    elkEenmaal(await tellingNaStop(`Embedded ${run} `), uitkomsten.map((_, i) => merk(i)), uitkomsten);
  }, 240_000);

  it('loses no request of clients that retry idempotently while the node restarts (SIGTERM, start)', async () => {
    const run = randomUUID().slice(0, 8);
    const merk = (i: number) => `Herstart ${run} ${String(i).padStart(3, '0')}`;
    let bevestigd = 0;
    let herstart: Promise<void> | undefined;
    const uitkomsten = await belasting(30, 3, async (i) => {
      const u = await registreer(merk(i), `${run}-${i}`);
      if (u.status === 201 && ++bevestigd === 10) {
        herstart = (async () => {
          expect(await knooppunt().stop('SIGTERM')).toEqual({ code: 0, signaal: null });
          await knooppunt().start();
        })();
      }
      return u;
    });
    await herstart;
    elkEenmaal(await tellingNaStop(`Herstart ${run} `), uitkomsten.map((_, i) => merk(i)), uitkomsten);
  }, 240_000);
});
