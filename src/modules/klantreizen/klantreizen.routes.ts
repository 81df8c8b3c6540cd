import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import { klantreisQuery, klantreisSchema } from './klantreizen.schemas.ts';
import type { KlantreizenService } from './klantreizen.service.ts';

/** One resident's journey (issue 10): for who may read klantcontacten with the person's data. */
export function klantreizenRoutes(app: FastifyInstance, deps: { klantreizen: KlantreizenService }): void {
  app.withTypeProvider<ZodTypeProvider>().get(`${API_PREFIX}/gemeenten/:gemeente/klantreizen`, {
    config: { policy: beleid('klantcontactenLezen') },
    schema: {
      tags: ['Klantcontacten'],
      summary: 'De klantreis van één inwoner: contacten, zaken, berichten en reacties op één tijdlijn',
      description:
        'Op e-mailadres: elk klantcontact van die persoon en elke zaak met dat adres die de medewerker mag zien, met statussen, berichten aan de inwoner, reacties en afsluiting, oudste eerst; herhaalcontacten (zelfde onderwerp binnen 7 dagen) gemarkeerd. Het lezen staat in het verwerkingenlogboek.',
      params: gemeenteParams,
      querystring: klantreisQuery,
      response: { 200: klantreisSchema },
    },
    handler: async (request) => deps.klantreizen.reis(wieVan(request, request.params.gemeente), request.params.gemeente, request.query.email),
  });
}
