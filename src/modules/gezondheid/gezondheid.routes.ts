import type { FastifyInstance } from 'fastify';
import { databaseNietBeschikbaar, knooppuntStopt, migratiesOntbreken } from './gezondheid.errors.ts';
import type { GezondheidRepository } from './gezondheid.repository.ts';

export interface GezondheidDeps {
  repository: GezondheidRepository;
  /** Every migration this version of Loket has (src/db/migrate.ts). */
  migraties: readonly string[];
  /** True from SIGTERM on: the node finishes its requests and takes no new ones. */
  stopt: () => boolean;
}

/**
 * Liveness and readiness (ADR 0025), for a process supervisor and a load balancer.
 * - `/health` (liveness): the process answers and its database answers. A supervisor restarts a
 *   node that fails it.
 * - `/ready` (readiness): besides, the schema has every migration this version needs and the node
 *   is not stopping. A load balancer sends requests only to nodes that pass it.
 * Both are public and never rate limited: a proxy or supervisor probes them every second or so
 * from one address; a 429 would take every node out (ADR 0027), and counting each probe would
 * cost a write to the database.
 */
export function gezondheidRoutes(app: FastifyInstance, deps: GezondheidDeps): void {
  const { repository } = deps;

  app.get('/health', { config: { policy: { toegang: 'publiek' }, rateLimit: false } }, async (_request, reply) => {
    try {
      await repository.ping();
    } catch {
      throw databaseNietBeschikbaar();
    }
    return reply.send({ status: 'ok' });
  });

  app.get('/ready', { config: { policy: { toegang: 'publiek' }, rateLimit: false } }, async (_request, reply) => {
    if (deps.stopt()) throw knooppuntStopt();
    let toegepast: string[];
    try {
      toegepast = await repository.toegepasteMigraties();
    } catch {
      throw databaseNietBeschikbaar();
    }
    // Migrations the database has and this version does not know (a newer node migrated it during
    // a rolling upgrade) do not make this node unready: a migration leaves the previous version
    // working (ADR 0025), so old nodes serve until they are replaced.
    const ontbrekend = deps.migraties.filter((naam) => !toegepast.includes(naam));
    if (ontbrekend.length > 0) throw migratiesOntbreken(ontbrekend);
    // After the checks: a node that started stopping while they ran is not ready any more.
    if (deps.stopt()) throw knooppuntStopt();
    return reply.header('cache-control', 'no-store').send({ status: 'ready' });
  });
}
