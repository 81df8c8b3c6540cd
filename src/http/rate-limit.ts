import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { buitenVerzoekTransactie } from '../db/verzoek-transactie.ts';
import type { RateLimitRepository } from './rate-limit.repository.ts';

/** Ended windows are removed from the table at most this often per node. */
const OPRUIMEN_MS = 60_000;

type Klaar = (error: Error | null, result?: { current: number; ttl: number }) => void;
type StoreOpties = FastifyRateLimitOptions & { routeInfo?: { method?: string | string[]; url?: string; config?: { rateLimitExact?: boolean } } };

/** One key's count on this node, in the window the node knows of. */
interface Teller {
  /** The shared total the database gave at this node's last share (this node's shared requests included). */
  gedeeld: number;
  /** Requests of this node in the share under way. */
  onderweg: number;
  /** Requests of this node not yet shared. */
  lokaal: number;
  /** The end of the window, `performance.now()` time (the database's, once shared). */
  einde: number;
  vensterMs: number;
}

export interface GedeeldeRateLimit {
  /** The store for @fastify/rate-limit. */
  store: FastifyRateLimitStoreCtor;
  /** Shares this node's counts now and reads back the totals (also after a share under way). */
  deel(): Promise<void>;
  /** Shares what is left and starts no more timers (the app's close). */
  close(): Promise<void>;
}

/**
 * A store for @fastify/rate-limit whose counts every node shares in PostgreSQL (or PGlite), ADR
 * 0023 and 0093. A limit counts per route and address in windows of the route's `timeWindow`
 * that start at the key's first request.
 *
 * Most routes are counted **in batches**: a request is counted in this node's memory and is
 * refused when the shared total the node last read plus its own requests since exceed the limit,
 * without a round trip. At most `deelMs` after a count, one statement adds the node's counts of
 * every key to the table and reads back the totals (`telBij`). What another node counted since
 * this node last shared is not seen until then: the bound on the overshoot is in ADR 0093. When
 * sharing fails (the database is gone) the counts are kept and shared at the next try, and each
 * node limits on what it knows.
 *
 * A route with `config.rateLimitExact` (the staff login steps) is counted **exactly**: one
 * atomic upsert per request (`tel`), the limit over all nodes without any overshoot; if that
 * count fails, the request is not limited (`skipOnError`).
 */
export function gedeeldeRateLimit(repository: RateLimitRepository, opties: { deelMs: number; onFout: (error: unknown) => void }): GedeeldeRateLimit {
  const tellers = new Map<string, Teller>();
  let timer: NodeJS.Timeout | undefined;
  let lopend: Promise<void> | undefined;
  let gesloten = false;
  let mislukt = false;
  let opgeruimd = 0;

  /** Removes the ended windows from the table, at most once a minute per node. */
  const ruimOp = async (): Promise<void> => {
    const nu = performance.now();
    if (opgeruimd !== 0 && nu - opgeruimd < OPRUIMEN_MS) return;
    opgeruimd = nu;
    await repository.ruimOp().catch(opties.onFout);
  };

  async function deelNu(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const nu = performance.now();
    const bij: [string, Teller][] = [];
    for (const [sleutel, teller] of tellers) {
      // An ended window: what was not shared of it no longer counts.
      if (teller.einde <= nu) tellers.delete(sleutel);
      else if (teller.lokaal > 0) {
        teller.onderweg = teller.lokaal;
        teller.lokaal = 0;
        bij.push([sleutel, teller]);
      }
    }
    if (bij.length === 0) return;
    try {
      const totalen = await repository.telBij(bij.map(([sleutel, t]) => ({ sleutel, aantal: t.onderweg, vensterMs: t.vensterMs })));
      const na = performance.now();
      for (const [sleutel, teller] of bij) {
        const totaal = totalen.get(sleutel);
        // A window that ended on this node meanwhile has a new teller: the answer is not about it.
        if (!totaal || tellers.get(sleutel) !== teller) continue;
        teller.gedeeld = totaal.aantal;
        teller.onderweg = 0;
        teller.einde = na + totaal.ttl;
      }
      mislukt = false;
      await ruimOp();
    } catch (error) {
      // Shared at the next try; one warning while it keeps failing.
      for (const [, teller] of bij) {
        teller.lokaal += teller.onderweg;
        teller.onderweg = 0;
      }
      if (!mislukt) opties.onFout(error);
      mislukt = true;
      plan();
    }
  }

  /** Shares now, or after the share under way (one at a time); takes the counts when it starts. */
  function deel(): Promise<void> {
    const deze: Promise<void> = (lopend ? lopend.then(deelNu) : deelNu()).finally(() => {
      if (lopend === deze) lopend = undefined;
    });
    lopend = deze;
    return deze;
  }

  /** A share `deelMs` from now, unless one is planned; outside the request's context (its transaction). */
  function plan(): void {
    if (timer !== undefined || gesloten) return;
    timer = buitenVerzoekTransactie(() => setTimeout(() => void deel(), opties.deelMs));
    timer.unref();
  }

  function telGebundeld(sleutel: string, vensterMs: number): { current: number; ttl: number } {
    const nu = performance.now();
    let teller = tellers.get(sleutel);
    if (!teller || teller.einde <= nu) {
      teller = { gedeeld: 0, onderweg: 0, lokaal: 0, einde: nu + vensterMs, vensterMs };
      tellers.set(sleutel, teller);
    }
    teller.lokaal++;
    plan();
    return { current: teller.gedeeld + teller.onderweg + teller.lokaal, ttl: Math.ceil(teller.einde - nu) };
  }

  class RateLimitOpslag implements FastifyRateLimitStore {
    readonly #route: string;
    readonly #exact: boolean;

    constructor(options: StoreOpties) {
      const info = options.routeInfo;
      this.#route = info?.url ? `${String(info.method)} ${info.url}` : '';
      this.#exact = info?.config?.rateLimitExact === true;
    }

    incr(sleutel: string, klaar: Klaar, timeWindow: number): void {
      const volledig = `${this.#route}|${sleutel}`;
      if (!this.#exact) {
        klaar(null, telGebundeld(volledig, timeWindow));
        return;
      }
      void ruimOp();
      repository.tel(volledig, timeWindow).then(
        ({ aantal, ttl }) => klaar(null, { current: aantal, ttl }),
        (error: unknown) => {
          opties.onFout(error);
          klaar(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }

    child(routeOptions: StoreOpties): FastifyRateLimitStore {
      return new RateLimitOpslag(routeOptions);
    }
  }

  return {
    store: RateLimitOpslag,
    deel,
    close: async () => {
      gesloten = true;
      clearTimeout(timer);
      timer = undefined;
      await deel();
    },
  };
}
