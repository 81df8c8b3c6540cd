import type { FastifyInstance, FastifyRequest } from 'fastify';
import { lsnGetal, type Replica } from '../db/replica.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Runs the reads of a read-heavy GET route (ADR 0028): the queries its repositories make on
     * `Database.lezen` go to the read replica, unless this caller may not read there (yet); then,
     * and without a replica, they go to the primary. Only for reads that feed no write.
     */
    lees<T>(fn: () => Promise<T>): Promise<T>;
  }
}

/**
 * The primary's WAL position after this browser's last write ('16/B374D848'). Not a secret: a
 * forged one can only send this browser's reads to the primary.
 */
export const LEESPUNT_COOKIE = '__Host-loket-leespunt';
/** How long a write's mark is kept: a replica further behind than this is broken, not lagging. */
export const LEESPUNT_SECONDEN = 600;

const ALLEEN_LEZEN = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-writes with a read replica (ADR 0028). After a request that may have written (not
 * GET/HEAD/OPTIONS, not refused with a 4xx), the primary's WAL position goes back to the caller
 * in a cookie; a read-heavy route reads from the replica only when the replica has replayed up to
 * that position. A caller with `Authorization` (API token) keeps no cookie and always reads from
 * the primary. Nothing is kept per node about callers.
 */
export function installLezen(app: FastifyInstance, replica: Replica | undefined): void {
  app.decorateRequest('lees', function lees<T>(this: FastifyRequest, fn: () => Promise<T>): Promise<T> {
    if (!replica || this.headers.authorization !== undefined) return fn();
    return leesVoor(replica, this.cookies[LEESPUNT_COOKIE], fn);
  });
  if (!replica) return;

  app.addHook('onSend', async (request, reply, payload) => {
    if (ALLEEN_LEZEN.has(request.method) || request.headers.authorization !== undefined) return payload;
    if (reply.statusCode >= 400 && reply.statusCode < 500) return payload;
    try {
      const lsn = await replica.positieVanPrimary();
      reply.setCookie(LEESPUNT_COOKIE, lsn, { path: '/', secure: true, httpOnly: true, sameSite: 'lax', maxAge: LEESPUNT_SECONDEN });
    } catch (error) {
      // The write is done and answered; this caller may read its own write late.
      request.log.warn({ err: error }, 'leespunt: WAL-positie van de primary niet gelezen');
    }
    return payload;
  });
}

async function leesVoor<T>(replica: Replica, cookie: string | undefined, fn: () => Promise<T>): Promise<T> {
  const punt = cookie === undefined ? undefined : lsnGetal(cookie);
  if (punt !== undefined && !(await replica.heeftBereikt(punt))) return fn();
  return replica.lees(fn);
}
