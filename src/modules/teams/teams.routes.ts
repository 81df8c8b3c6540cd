import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { pagina, paginaSchema } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { ikZonderMedewerker } from './teams.errors.ts';
import { ledenBody, nieuwTeamBody, teamParams, teamSchema, teamsQuery, teamWijzigingBody } from './teams.schemas.ts';
import type { TeamsService } from './teams.service.ts';

const tags = ['Teams'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/teams`;

/** Teams of a gemeente: staff who handle cases read them, beheerders change them. */
export function teamsRoutes(app: FastifyInstance, deps: { teams: TeamsService }): void {
  const { teams } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(basis, {
    config: { policy: beleid('teamsLezen') },
    schema: { tags, summary: 'Teams van de gemeente', params: gemeenteParams, querystring: teamsQuery, response: { 200: paginaSchema(teamSchema, 'TeamsPagina') } },
    handler: async (request) => {
      const { page, pageSize, lid } = request.query;
      const principal = request.principal;
      if (lid === 'ik' && principal?.type !== 'gebruiker') throw ikZonderMedewerker();
      const lidId = lid === 'ik' ? principal?.id : lid;
      const { rows, total } = await teams.lijst(contextVan(request), request.params.gemeente, (page - 1) * pageSize, pageSize, lidId);
      return pagina(request, request.query, rows, total);
    },
  });

  r.post(basis, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Team aanmaken', params: gemeenteParams, body: nieuwTeamBody, response: { 201: teamSchema } },
    handler: async (request, reply) => {
      const team = await teams.maak(contextVan(request), request.params.gemeente, request.body);
      zetEtag(reply, team.versie);
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/teams/${team.id}`);
      return reply.code(201).send(team);
    },
  });

  r.get(`${basis}/:id`, {
    config: { policy: beleid('teamsLezen') },
    schema: { tags, summary: 'Eén team', params: teamParams, response: { 200: teamSchema } },
    handler: async (request, reply) => {
      const team = await teams.haal(contextVan(request), request.params.gemeente, request.params.id);
      zetEtag(reply, team.versie);
      return team;
    },
  });

  r.patch(`${basis}/:id`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Team wijzigen', params: teamParams, body: teamWijzigingBody, headers: ifMatchHeader, response: { 200: teamSchema } },
    handler: async (request, reply) => {
      const team = await teams.wijzig(contextVan(request), request.params.gemeente, request.params.id, versieUitIfMatch(request), request.body);
      zetEtag(reply, team.versie);
      return team;
    },
  });

  r.put(`${basis}/:id/leden`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Leden van het team vastleggen', params: teamParams, body: ledenBody, headers: ifMatchHeader, response: { 200: teamSchema } },
    handler: async (request, reply) => {
      const team = await teams.zetLeden(contextVan(request), request.params.gemeente, request.params.id, versieUitIfMatch(request), request.body.gebruikers);
      zetEtag(reply, team.versie);
      return team;
    },
  });
}
