import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteCode, gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { afspraakInvoer, afspraakSchema, afspraakTokenParams, beschikbaarheidQuery, beschikbaarheidSchema, verzetInvoer } from './afspraken.schemas.ts';
import type { AfsprakenService } from './afspraken.service.ts';

const tags = ['Afspraken'];
const PUBLIEK = { toegang: 'publiek' } as const;
const basis = `${API_PREFIX}/gemeenten/:gemeente/afspraken`;
const balieBasis = `${API_PREFIX}/gemeenten/:gemeente/balie-afspraken`;

/**
 * Appointments at the balie: the public availability and booking (no account), cancel and move
 * through the secret link in the confirmation, and the desk view of today for staff.
 */
export function afsprakenRoutes(app: FastifyInstance, deps: { afspraken: AfsprakenService }): void {
  const { afspraken } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${basis}/beschikbaarheid`, {
    config: { policy: PUBLIEK },
    schema: {
      tags,
      summary: 'Vrije tijden voor een product',
      description: 'Per tijdvak (ISO 8601, UTC) het aantal vrije plaatsen; bij een plechtigheid ook de vrije ambtenaren. Hele dagen, hoogstens 6 weken.',
      params: gemeenteParams,
      querystring: beschikbaarheidQuery,
      response: { 200: beschikbaarheidSchema },
    },
    handler: async (request) => request.lees(() => afspraken.beschikbaarheid(request.params.gemeente, request.query)),
  });

  r.post(basis, {
    config: { policy: PUBLIEK },
    schema: {
      tags,
      summary: 'Afspraak maken (zonder account)',
      description: '201 met de afspraak en de geheime link; 409 als de tijd intussen bezet is.',
      params: gemeenteParams,
      body: afspraakInvoer,
      response: { 201: afspraakSchema },
    },
    handler: async (request, reply) => {
      const afspraak = await afspraken.boek(contextVan(request), request.params.gemeente, request.body);
      return reply.code(201).header('Cache-Control', 'no-store').send(afspraak);
    },
  });

  r.get(`${basis}/:token`, {
    config: { policy: PUBLIEK },
    schema: { tags, summary: 'De afspraak achter een geheime link', params: afspraakTokenParams, response: { 200: afspraakSchema } },
    handler: async (request, reply) => reply.header('Cache-Control', 'no-store').send(await afspraken.haal(request.params.gemeente, request.params.token)),
  });

  r.patch(`${basis}/:token`, {
    config: { policy: PUBLIEK },
    schema: { tags, summary: 'Afspraak verzetten via de geheime link', params: afspraakTokenParams, body: verzetInvoer, response: { 200: afspraakSchema } },
    handler: async (request, reply) => reply.header('Cache-Control', 'no-store').send(await afspraken.verzet(contextVan(request), request.params.gemeente, request.params.token, request.body)),
  });

  r.delete(`${basis}/:token`, {
    config: { policy: PUBLIEK },
    schema: { tags, summary: 'Afspraak afzeggen via de geheime link', params: afspraakTokenParams, response: { 200: afspraakSchema } },
    handler: async (request, reply) => reply.header('Cache-Control', 'no-store').send(await afspraken.annuleer(contextVan(request), request.params.gemeente, request.params.token)),
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/afspraak-locaties/openbaar`, {
    config: { policy: PUBLIEK },
    schema: {
      tags,
      summary: 'De locaties van de balie (openbaar)',
      description: 'Naam en adres van elke locatie waar inwoners een afspraak kunnen hebben; het id is dat van de uitsplitsing `locatie` van de balie-KPI’s.',
      params: gemeenteParams,
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), naam: z.string(), adres: z.string() })) }).meta({ id: 'AfspraakLocatiesOpenbaar' }) },
    },
    handler: async (request) => ({ items: await afspraken.locaties(request.params.gemeente) }),
  });

  r.get(balieBasis, {
    config: { policy: beleid('afsprakenBalie') },
    schema: { tags, summary: 'De afspraken van vandaag (baliescherm)', params: gemeenteParams, response: { 200: z.object({ items: z.array(afspraakSchema) }).meta({ id: 'AfsprakenVandaag' }) } },
    handler: async (request) => ({ items: await afspraken.vandaag(request.params.gemeente) }),
  });

  r.patch(`${balieBasis}/:id`, {
    config: { policy: beleid('afsprakenBalie') },
    schema: {
      tags,
      summary: 'Aan de balie: ingecheckt, geholpen of niet verschenen',
      params: z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen geldige id.') }),
      body: z.strictObject({ status: z.enum(['ingecheckt', 'geholpen', 'niet-verschenen']) }),
      response: { 200: afspraakSchema },
    },
    handler: async (request) => afspraken.balieStatus(contextVan(request), request.params.gemeente, request.params.id, request.body.status),
  });
}
