import type { InjectOptions } from 'fastify';
import { startCluster, type Cluster } from '../src/cluster/cluster.ts';
import type { Database } from '../src/db/database.ts';
import { systeemklok } from '../src/klok.ts';
import { testDatabase } from './database.ts';
import { demoGebruiker } from './demo.ts';
import { httpKlant, type HttpKlant } from './http-klant.ts';
import { VRAAG_2_MAART } from './knooppunten.ts';
import { logIn, type Ingelogd, type Injecteerbaar } from './login.ts';

/**
 * Helpers for tests of real `loket serve` processes behind HAProxy (src/cluster/, ADR 0027): a
 * cluster on a fresh test database, logins and API tokens over HTTP (test/http-klant.ts), and
 * clients that retry with the same Idempotency-Key.
 */

export interface TestCluster {
  cluster: Cluster;
  /** The test database the nodes share (for reading back what was committed). */
  database: Database;
  /** A client of the proxy. */
  proxy: HttpKlant;
  /** A client of each node itself (bypassing the proxy), in the order of cluster.knooppunten. */
  direct: HttpKlant[];
  /** Starts every node that is not running and waits until HAProxy sees it up. */
  herstel(): Promise<void>;
  close(): Promise<void>;
}

/**
 * N nodes behind HAProxy on a fresh copy of the run's migrated PostgreSQL database, with the demo
 * data (without demo zaken) loaded once. The deadline watcher is off; login limits are high.
 */
export async function testCluster(opties: { knooppunten: number; env?: Record<string, string> }): Promise<TestCluster> {
  const database = await testDatabase();
  if (!database.url) throw new Error('Een cluster heeft PostgreSQL nodig.');
  let cluster: Cluster;
  try {
    cluster = await startCluster({
      databaseUrl: database.url,
      knooppunten: opties.knooppunten,
      demo: 'zonder-zaken',
      env: { ...process.env, LOG_LEVEL: 'warn', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_RATE_LIMIT_AANMELDEN: '1000', LOKET_FORMULIER_GEHEIM: '', ...opties.env },
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  const proxy = httpKlant(cluster.proxyUrl);
  const direct = cluster.knooppunten.map((k) => httpKlant(k.url));
  return {
    cluster,
    database,
    proxy,
    direct,
    async herstel() {
      for (const k of cluster.knooppunten) {
        if (k.draait()) continue;
        await k.start();
        await cluster.wachtOpProxy(k.naam, 'UP');
      }
    },
    async close() {
      proxy.close();
      for (const d of direct) d.close();
      await cluster.stop();
      await database.close();
    },
  };
}

/** Logs a demo user in through a client, at the real time (the nodes run on the system clock). */
export function logInDemo(klant: Injecteerbaar, email: string): Promise<Ingelogd> {
  const g = demoGebruiker(email);
  return logIn(klant, systeemklok, g.email, g.wachtwoord, g.totpGeheim);
}

/** A new API token of Diemen for a machine client (the KCC's roles), made by a beheerder. */
export async function apiToken(klant: Injecteerbaar, beheerder: Ingelogd): Promise<string> {
  const geldigTot = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
  const res = await klant.inject({
    method: 'POST',
    url: '/api/v1/gemeenten/GM0384/api-tokens',
    headers: beheerder.headers,
    payload: { naam: `Clustertest ${crypto.randomUUID().slice(0, 8)}`, rollen: ['kcc-medewerker'], geldigTot },
  });
  if (res.statusCode !== 201) throw new Error(`API-token: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}

/** What a client that retries saw for one request. */
export interface Uitkomst {
  /** The final status: a 2xx, or the last failure when the client gave up. */
  status: number;
  body: string;
  /** Attempts, including the successful one. */
  pogingen: number;
  /** From the first attempt to the final answer. */
  ms: number;
  /** From the end of the first failed attempt to the final answer: how long the client retried (0 without a retry). */
  herhaalMs: number;
  /** Why each failed attempt failed (a status or an error message). */
  fouten: string[];
  /** The node that gave the final answer (X-Loket-Knooppunt). */
  knooppunt: string | undefined;
}

const pauze = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client that retries idempotently: the same request (for a POST with the same
 * Idempotency-Key) again after no answer, a 502/503/504, a 409 `verzoek-loopt-nog` (after its
 * Retry-After, at most a second) or a 429, until a 2xx or until `opgevenNaMs`. Any other answer
 * is final.
 */
export async function metHerhaling(klant: HttpKlant, opties: InjectOptions, opgevenNaMs = 20_000): Promise<Uitkomst> {
  const start = performance.now();
  const fouten: string[] = [];
  let eersteFout: number | undefined;
  const herhaalMs = () => (eersteFout === undefined ? 0 : performance.now() - eersteFout);
  for (let poging = 1; ; poging++) {
    let wacht = 50;
    try {
      const res = await klant.inject(opties);
      const knooppunt = res.headers['x-loket-knooppunt'] as string | undefined;
      const opnieuw = [502, 503, 504, 429].includes(res.statusCode) || (res.statusCode === 409 && res.body.includes('verzoek-loopt-nog'));
      if (!opnieuw || performance.now() - start > opgevenNaMs) {
        return { status: res.statusCode, body: res.body, pogingen: poging, ms: performance.now() - start, herhaalMs: herhaalMs(), fouten, knooppunt };
      }
      eersteFout ??= performance.now();
      fouten.push(`${res.statusCode}${knooppunt ? ` (${knooppunt})` : ''}`);
      const retryAfter = Number(res.headers['retry-after']);
      if (res.statusCode === 409 && retryAfter > 0) wacht = Math.min(1_000, retryAfter * 1_000);
    } catch (error) {
      eersteFout ??= performance.now();
      fouten.push(error instanceof Error ? error.message : String(error));
      if (performance.now() - start > opgevenNaMs) return { status: 0, body: '', pogingen: poging, ms: performance.now() - start, herhaalMs: herhaalMs(), fouten, knooppunt: undefined };
    }
    await pauze(wacht);
  }
}

/** Runs `werk(i)` for i = 0 … aantal−1 on `gelijktijdig` workers; the results in order of i. */
export async function belasting<T>(aantal: number, gelijktijdig: number, werk: (i: number) => Promise<T>): Promise<T[]> {
  const uit: T[] = [];
  let volgende = 0;
  await Promise.all(
    Array.from({ length: gelijktijdig }, async () => {
      while (volgende < aantal) {
        const i = volgende++;
        uit[i] = await werk(i);
      }
    }),
  );
  return uit;
}

/** A new zaak for the load tests: the e-mail question, with its marker as subject. */
export const lastZaak = (onderwerp: string) => ({ ...VRAAG_2_MAART, onderwerp });

/** How many zaken of Diemen carry each subject that starts with `voorvoegsel`. */
export async function zakenPerOnderwerp(database: Database, voorvoegsel: string): Promise<Map<string, number>> {
  const rijen = await database.db
    .selectFrom('zaak')
    .select((eb) => ['onderwerp', eb.fn.countAll<number>().as('aantal')])
    .where('gemeente', '=', 'GM0384')
    .where('onderwerp', 'like', `${voorvoegsel}%`)
    .groupBy('onderwerp')
    .execute();
  return new Map(rijen.map((r) => [r.onderwerp, Number(r.aantal)]));
}
