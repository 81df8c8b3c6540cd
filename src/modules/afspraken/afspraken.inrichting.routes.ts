import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import type { AfsprakenInrichtingService } from './afspraken.inrichting.ts';
import {
  balieInvoer,
  balieParams,
  balieSchema,
  locatieDetailSchema,
  locatieInvoer,
  locatieParams,
  locatiesSchema,
  sluitingInvoer,
  sluitingParams,
  sluitingSchema,
} from './afspraken.inrichting.schemas.ts';

const tags = ['Afspraken'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/afspraak-locaties`;
const CONFLICT = 'Een wijziging waardoor geplande afspraken niet meer passen, weigeren we met 409: verzet of annuleer die eerst.';

/**
 * The balie's set-up for beheerders (ADR 0085): locations with opening hours, their desks and the
 * products each serves, and closures of a location or a desk. Slots follow at once.
 */
export function afsprakenInrichtingRoutes(app: FastifyInstance, deps: { inrichting: AfsprakenInrichtingService }): void {
  const { inrichting } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(basis, {
    config: { policy: beleid('afsprakenInrichtingLezen') },
    schema: { tags, summary: 'Locaties voor afspraken', params: gemeenteParams, response: { 200: locatiesSchema } },
    handler: async (request) => ({ items: await inrichting.locaties(request.params.gemeente) }),
  });

  r.post(basis, {
    config: { policy: beleid('afsprakenInrichten') },
    schema: { tags, summary: 'Locatie toevoegen', description: 'Met de openingstijden per weekdag.', params: gemeenteParams, body: locatieInvoer, response: { 201: locatieDetailSchema } },
    handler: async (request, reply) => {
      const locatie = await inrichting.maakLocatie(contextVan(request), request.params.gemeente, request.body);
      return reply.code(201).header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/afspraak-locaties/${locatie.id}`).send(locatie);
    },
  });

  r.get(`${basis}/:id`, {
    config: { policy: beleid('afsprakenInrichtingLezen') },
    schema: { tags, summary: 'Een locatie met haar balies en sluitingen', params: locatieParams, response: { 200: locatieDetailSchema } },
    handler: async (request) => inrichting.locatie(request.params.gemeente, request.params.id),
  });

  r.put(`${basis}/:id`, {
    config: { policy: beleid('afsprakenInrichten') },
    schema: { tags, summary: 'Locatie wijzigen (naam, adres, openingstijden)', description: CONFLICT, params: locatieParams, body: locatieInvoer, response: { 200: locatieDetailSchema } },
    handler: async (request) => inrichting.wijzigLocatie(contextVan(request), request.params.gemeente, request.params.id, request.body),
  });

  r.post(`${basis}/:id/balies`, {
    config: { policy: beleid('afsprakenInrichten') },
    schema: { tags, summary: 'Balie toevoegen', params: locatieParams, body: balieInvoer, response: { 201: balieSchema } },
    handler: async (request, reply) => reply.code(201).send(await inrichting.maakBalie(contextVan(request), request.params.gemeente, request.params.id, request.body)),
  });

  r.put(`${basis}/:id/balies/:balie`, {
    config: { policy: beleid('afsprakenInrichten') },
    schema: { tags, summary: 'Balie wijzigen (naam, producten, actief)', description: CONFLICT, params: balieParams, body: balieInvoer, response: { 200: balieSchema } },
    handler: async (request) => inrichting.wijzigBalie(contextVan(request), request.params.gemeente, request.params.id, request.params.balie, request.body),
  });

  r.post(`${basis}/:id/sluitingen`, {
    config: { policy: beleid('afsprakenInrichten') },
    schema: { tags, summary: 'Locatie of balie sluiten voor een of meer dagen', description: CONFLICT, params: locatieParams, body: sluitingInvoer, response: { 201: sluitingSchema } },
    handler: async (request, reply) => reply.code(201).send(await inrichting.maakSluiting(contextVan(request), request.params.gemeente, request.params.id, request.body)),
  });

  r.delete(`${basis}/:id/sluitingen/:sluiting`, {
    config: { policy: beleid('afsprakenInrichten') },
    schema: { tags, summary: 'Sluiting opheffen', params: sluitingParams },
    handler: async (request, reply) => {
      await inrichting.verwijderSluiting(contextVan(request), request.params.gemeente, request.params.id, request.params.sluiting);
      return reply.code(204).send();
    },
  });
}
