import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { schoneNaam } from '../../tekst.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteCode, gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import type { Open311SleutelsService } from './open311.sleutels.service.ts';

const tags = ['Open311'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/open311-sleutels`;

const sleutelSchema = z
  .object({
    id: z.uuid(),
    naam: z.string(),
    verlooptOp: z.iso.datetime().nullable().describe('null: verloopt niet'),
    ingetrokkenOp: z.iso.datetime().nullable(),
    aangemaaktOp: z.iso.datetime(),
  })
  .meta({ id: 'Open311Sleutel' });
const nieuweSleutelSchema = sleutelSchema.extend({ sleutel: z.string().describe('De sleutel zelf (api_key); alleen nu zichtbaar') }).meta({ id: 'NieuweOpen311Sleutel' });
const nieuweSleutelBody = z
  .strictObject({
    naam: z.string().overwrite(schoneNaam).min(1, 'Vul een naam in, bijvoorbeeld FixMyStreet.').max(100, 'Deze naam is te lang (hoogstens 100 tekens).'),
    verlooptOp: z.iso.datetime({ offset: true, message: 'Geef een datum en tijd, bijvoorbeeld 2027-01-31T23:59:59Z.' }).nullable().default(null).describe('Leeg: de sleutel verloopt niet'),
  })
  .meta({ id: 'NieuweOpen311SleutelVerzoek' });

/** The Open311 API keys of a gemeente's clients, for beheerders. */
export function open311SleutelsRoutes(app: FastifyInstance, deps: { sleutels: Open311SleutelsService }): void {
  const { sleutels } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(basis, {
    config: { policy: beleid('open311Beheren') },
    schema: { tags, summary: 'Open311-sleutels van de gemeente', params: gemeenteParams, response: { 200: z.object({ items: z.array(sleutelSchema) }).meta({ id: 'Open311Sleutels' }) } },
    handler: async (request) => ({ items: await sleutels.lijst(request.params.gemeente) }),
  });

  r.post(basis, {
    config: { policy: beleid('open311Beheren') },
    schema: { tags, summary: 'Open311-sleutel aanmaken voor een client (de sleutel is alleen in dit antwoord te zien)', params: gemeenteParams, body: nieuweSleutelBody, response: { 201: nieuweSleutelSchema } },
    handler: async (request, reply) => {
      const sleutel = await sleutels.maak(contextVan(request), request.params.gemeente, request.body);
      reply.header('Cache-Control', 'no-store');
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/open311-sleutels/${sleutel.id}`);
      return reply.code(201).send(sleutel);
    },
  });

  r.delete(`${basis}/:id`, {
    config: { policy: beleid('open311Beheren') },
    schema: { tags, summary: 'Open311-sleutel intrekken', params: z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen geldige id.') }) },
    handler: async (request, reply) => {
      await sleutels.trekIn(contextVan(request), request.params.gemeente, request.params.id);
      return reply.code(204).send();
    },
  });
}
