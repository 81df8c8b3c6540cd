import type { FastifyInstance } from 'fastify';
import { apiDocsPagina, type OpenApiDocument } from './api-docs.view.ts';

/** The API reference page at /api-docs, rendered once from the OpenAPI document. */
export function apiDocsRoutes(app: FastifyInstance): void {
  let pagina: string | undefined;
  app.get('/api-docs', { config: { policy: { toegang: 'publiek' } }, schema: { hide: true } }, async (_request, reply) => {
    pagina ??= apiDocsPagina(app.swagger() as unknown as OpenApiDocument);
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(pagina);
  });
}
