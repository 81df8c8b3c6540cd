import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { pagina, paginaSchema } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import {
  feestdagenQuery,
  feestdagenSchema,
  nieuweSluitingsdagBody,
  sluitingsdagenQuery,
  sluitingsdagParams,
  sluitingsdagSchema,
  termijnQuery,
  termijnSchema,
} from './termijnen.schemas.ts';
import type { TermijnenService } from './termijnen.service.ts';

const tags = ['Termijnen'];
const publiek = { toegang: 'publiek' } as const;
const basis = `${API_PREFIX}/gemeenten/:gemeente/sluitingsdagen`;

/** Term computation and holidays (public, pure) and the closure days of a gemeente. */
export function termijnenRoutes(app: FastifyInstance, deps: { termijnen: TermijnenService }): void {
  const { termijnen } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${API_PREFIX}/termijnen`, {
    config: { policy: publiek },
    schema: {
      tags,
      summary: 'Einddatum van een termijn',
      description:
        'Een wettelijke termijn (P<n>D, P<n>W, P<n>M) begint de dag na de gebeurtenis en eindigt volgens de Algemene termijnenwet niet op een zaterdag, zondag of feestdag; sluitingsdagen tellen niet. Een servicenorm in werkdagen (<n>wd) slaat weekenden, feestdagen en, met een gemeente, haar sluitingsdagen over.',
      querystring: termijnQuery,
      response: { 200: termijnSchema },
    },
    handler: async (request) => termijnen.bereken(request.query, 'query.'),
  });

  r.get(`${API_PREFIX}/feestdagen`, {
    config: { policy: publiek },
    schema: { tags, summary: 'Algemeen erkende feestdagen (Algemene termijnenwet art. 3) van een jaar', querystring: feestdagenQuery, response: { 200: feestdagenSchema } },
    handler: async (request) => termijnen.feestdagen(request.query.jaar),
  });

  r.get(basis, {
    config: { policy: beleid('kalenderLezen') },
    schema: { tags, summary: 'Sluitingsdagen van de gemeente', params: gemeenteParams, querystring: sluitingsdagenQuery, response: { 200: paginaSchema(sluitingsdagSchema, 'SluitingsdagenPagina') } },
    handler: async (request) => {
      const { page, pageSize, jaar } = request.query;
      const { rows, total } = await termijnen.lijst(request.params.gemeente, jaar, (page - 1) * pageSize, pageSize);
      return pagina(request, request.query, rows, total);
    },
  });

  r.post(basis, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Sluitingsdag toevoegen', params: gemeenteParams, body: nieuweSluitingsdagBody, response: { 201: sluitingsdagSchema } },
    handler: async (request, reply) => {
      const dag = await termijnen.voegToe(contextVan(request), request.params.gemeente, request.body);
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/sluitingsdagen/${dag.datum}`);
      return reply.code(201).send(dag);
    },
  });

  r.get(`${basis}/:datum`, {
    config: { policy: beleid('kalenderLezen') },
    schema: { tags, summary: 'Eén sluitingsdag', params: sluitingsdagParams, response: { 200: sluitingsdagSchema } },
    handler: async (request) => termijnen.haal(request.params.gemeente, request.params.datum),
  });

  r.delete(`${basis}/:datum`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Sluitingsdag verwijderen', params: sluitingsdagParams },
    handler: async (request, reply) => {
      await termijnen.verwijder(contextVan(request), request.params.gemeente, request.params.datum);
      return reply.code(204).send();
    },
  });
}
