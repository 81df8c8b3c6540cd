import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitRepository } from './rate-limit.repository.ts';

/** Ended windows are removed at most this often per node. */
const OPRUIMEN_MS = 60_000;

/**
 * A store for @fastify/rate-limit that counts in PostgreSQL (or PGlite), so every node counts the
 * same requests (ADR 0023). A route's limit counts per route and address in windows of its
 * `timeWindow`; a node removes ended windows at most once a minute, beside a request.
 */
export function gedeeldeRateLimit(repository: RateLimitRepository, onFout: (error: unknown) => void): FastifyRateLimitStoreCtor {
  let opgeruimd = 0;
  const ruimOp = () => {
    const nu = performance.now();
    if (opgeruimd !== 0 && nu - opgeruimd < OPRUIMEN_MS) return;
    opgeruimd = nu;
    repository.ruimOp().catch(onFout);
  };

  return class RateLimitOpslag implements FastifyRateLimitStore {
    readonly #route: string;

    constructor(options: FastifyRateLimitOptions & { routeInfo?: { method?: string | string[]; url?: string } }) {
      const info = options.routeInfo;
      this.#route = info?.url ? `${String(info.method)} ${info.url}` : '';
    }

    incr(sleutel: string, klaar: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      ruimOp();
      repository.tel(`${this.#route}|${sleutel}`, timeWindow).then(
        ({ aantal, ttl }) => klaar(null, { current: aantal, ttl }),
        (error: unknown) => {
          onFout(error);
          klaar(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }

    child(routeOptions: FastifyRateLimitOptions & { routeInfo?: { method?: string | string[]; url?: string } }): FastifyRateLimitStore {
      return new RateLimitOpslag(routeOptions);
    }
  };
}
