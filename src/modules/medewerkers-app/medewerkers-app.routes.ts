import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { nietGebouwd } from './medewerkers-app.errors.ts';

export const MEDEWERKERS_PAD = '/medewerkers';

const PUBLIEK = { config: { policy: { toegang: 'publiek' as const } } };

/**
 * Serves the built staff app (web/staff/dist, made by `npm run build`) at /medewerkers/.
 * Files under assets/ have a content hash in their name and are kept for a year; every other
 * path gets index.html (the app routes itself), never cached. The app and its data are public
 * files: what a staff member may see is decided by the API.
 */
export function medewerkersAppRoutes(app: FastifyInstance, deps: { distDir: string }): void {
  const distDir = resolve(deps.distDir);
  const index = join(distDir, 'index.html');

  function gebouwd(): void {
    if (!existsSync(index)) {
      throw nietGebouwd();
    }
  }

  // In its own scope: reply.sendFile stays local to these routes. @fastify/static's own wildcard
  // route cannot carry a policy, so the routes are declared here.
  void app.register(async (scope) => {
    await scope.register(fastifyStatic, { root: distDir, serve: false, suppressWarning: true, dotfiles: 'deny' });

    scope.get(MEDEWERKERS_PAD, PUBLIEK, async (_request, reply) => reply.redirect(`${MEDEWERKERS_PAD}/`, 301));

    scope.get<{ Params: { '*': string } }>(`${MEDEWERKERS_PAD}/assets/*`, PUBLIEK, async (request, reply) => {
      gebouwd();
      return reply.sendFile(`assets/${request.params['*']}`, { maxAge: '365d', immutable: true, index: false });
    });

    scope.get(`${MEDEWERKERS_PAD}/*`, PUBLIEK, async (_request, reply) => {
      gebouwd();
      reply.header('Cache-Control', 'no-cache');
      return reply.sendFile('index.html', { maxAge: 0, cacheControl: false });
    });
  });
}
