import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { API_PREFIX, createHttpServer } from './http/app.ts';
import type { RouteWithPolicy } from './http/policy.ts';
import { ProblemError } from './http/problem.ts';
import { systeemklok, type Klok } from './klok.ts';
import { gemeentenRepository } from './modules/gemeenten/gemeenten.repository.ts';
import { gemeentenRoutes } from './modules/gemeenten/gemeenten.routes.ts';

export interface LoketOptions {
  config: Config;
  database: Database;
  klok?: Klok;
  logger?: FastifyServerOptions['logger'];
}

export interface Loket {
  app: FastifyInstance;
  routes: RouteWithPolicy[];
  close(): Promise<void>;
}

/** Composition root: repositories → services → routes, on one database. Does not listen. */
export async function createLoket(options: LoketOptions): Promise<Loket> {
  const { database, config } = options;
  const klok = options.klok ?? systeemklok;
  const db = database.db;
  const gemeenten = gemeentenRepository(db);

  const { app, routes } = await createHttpServer({
    config,
    database,
    logger: options.logger,
    authenticate: async () => undefined,
  });

  app.get('/health', { config: { policy: { toegang: 'publiek' } } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return reply.send({ status: 'ok' });
    } catch {
      throw new ProblemError(503, 'niet-beschikbaar', 'Niet beschikbaar', { detail: 'De database antwoordt niet.' });
    }
  });

  app.get(`${API_PREFIX}/openapi.json`, { config: { policy: { toegang: 'publiek' } } }, async () => app.swagger());

  gemeentenRoutes(app, { gemeenten });
  void klok;

  await app.ready();
  return { app, routes, close: () => app.close() };
}
