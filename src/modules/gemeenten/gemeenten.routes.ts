import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { API_PREFIX } from '../../http/app.ts';
import type { GemeentenRepository } from './gemeenten.repository.ts';
import { gemeentenLijstSchema } from './gemeenten.schemas.ts';

/** Public list of the gemeenten this installation serves. */
export function gemeentenRoutes(app: FastifyInstance, deps: { gemeenten: GemeentenRepository }): void {
  app.withTypeProvider<ZodTypeProvider>().get(`${API_PREFIX}/gemeenten`, {
    config: { policy: { toegang: 'publiek' } },
    schema: {
      tags: ['Gemeenten'],
      summary: 'Gemeenten van deze installatie',
      response: { 200: gemeentenLijstSchema },
    },
    handler: async () => {
      const lijst = await deps.gemeenten.lijst();
      return { items: lijst.map(({ code, naam, slug }) => ({ code, naam, slug })) };
    },
  });
}
