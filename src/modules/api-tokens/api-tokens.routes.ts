import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { pagina, paginaQuery, paginaSchema } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { rolSchema } from '../auth/auth.schemas.ts';
import { gemeenteCode, gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import type { ApiTokensService } from './api-tokens.service.ts';
import { schoneNaam } from '../../tekst.ts';

const tags = ['API-tokens'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/api-tokens`;

const apiTokenSchema = z
  .object({
    id: z.uuid(),
    naam: z.string(),
    rollen: z.array(rolSchema),
    geldigTot: z.iso.datetime(),
    ingetrokkenOp: z.iso.datetime().nullable(),
    aangemaaktOp: z.iso.datetime(),
  })
  .meta({ id: 'ApiToken' });
const nieuwApiTokenSchema = apiTokenSchema.extend({ token: z.string().describe('Het token zelf; alleen nu zichtbaar') }).meta({ id: 'NieuwApiToken' });
const nieuwApiTokenBody = z
  .strictObject({
    naam: z.string().overwrite(schoneNaam).min(1, 'Vul een naam in.').max(100, 'Deze naam is te lang (hoogstens 100 tekens).'),
    rollen: z.array(rolSchema).min(1, 'Kies minstens één rol.'),
    geldigTot: z.iso.datetime({ offset: true, message: 'Geef een datum en tijd, bijvoorbeeld 2027-01-31T23:59:59Z.' }),
  })
  .meta({ id: 'NieuwApiTokenVerzoek' });

/** API tokens of a gemeente, for beheerders. */
export function apiTokensRoutes(app: FastifyInstance, deps: { apiTokens: ApiTokensService }): void {
  const { apiTokens } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(basis, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'API-tokens van de gemeente', params: gemeenteParams, querystring: paginaQuery, response: { 200: paginaSchema(apiTokenSchema, 'ApiTokensPagina') } },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      const { rows, total } = await apiTokens.lijst(request.params.gemeente, (page - 1) * pageSize, pageSize);
      return pagina(request, request.query, rows, total);
    },
  });

  r.post(basis, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'API-token aanmaken (het token is alleen in dit antwoord te zien)', params: gemeenteParams, body: nieuwApiTokenBody, response: { 201: nieuwApiTokenSchema } },
    handler: async (request, reply) => {
      const token = await apiTokens.maak(contextVan(request), request.params.gemeente, request.body);
      reply.header('Cache-Control', 'no-store');
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/api-tokens/${token.id}`);
      return reply.code(201).send(token);
    },
  });

  r.delete(`${basis}/:id`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'API-token intrekken', params: z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen geldige id.') }) },
    handler: async (request, reply) => {
      await apiTokens.trekIn(contextVan(request), request.params.gemeente, request.params.id);
      return reply.code(204).send();
    },
  });
}
