import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { pagina, paginaQuery, paginaSchema } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import {
  gebruikerParams,
  gebruikerSchema,
  gebruikerWijzigingBody,
  nieuweGebruikerBody,
  rollenBody,
  zoekQuery,
} from './gebruikers.schemas.ts';
import type { GebruikersService } from './gebruikers.service.ts';

const tags = ['Gebruikers'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/gebruikers`;

/** Staff accounts of one gemeente, for beheerders. */
export function gebruikersRoutes(app: FastifyInstance, deps: { gebruikers: GebruikersService }): void {
  const { gebruikers } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(basis, {
    config: { policy: beleid('beheer') },
    schema: {
      tags,
      summary: 'Medewerkers van de gemeente',
      params: gemeenteParams,
      querystring: paginaQuery.extend({ zoek: zoekQuery }),
      response: { 200: paginaSchema(gebruikerSchema, 'GebruikersPagina') },
    },
    handler: async (request) => {
      const { page, pageSize, zoek } = request.query;
      const { rows, total } = await gebruikers.lijst(contextVan(request), request.params.gemeente, (page - 1) * pageSize, pageSize, zoek);
      return pagina(request, { page, pageSize }, rows, total);
    },
  });

  r.post(basis, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Medewerker aanmaken', params: gemeenteParams, body: nieuweGebruikerBody, response: { 201: gebruikerSchema } },
    handler: async (request, reply) => {
      const { gebruiker } = await gebruikers.maak(contextVan(request), request.params.gemeente, request.body);
      zetEtag(reply, gebruiker.versie);
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/gebruikers/${gebruiker.id}`);
      return reply.code(201).send(gebruiker);
    },
  });

  r.get(`${basis}/:id`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Eén medewerker', params: gebruikerParams, response: { 200: gebruikerSchema } },
    handler: async (request, reply) => {
      const gebruiker = await gebruikers.haal(contextVan(request), request.params.gemeente, request.params.id);
      zetEtag(reply, gebruiker.versie);
      return gebruiker;
    },
  });

  r.patch(`${basis}/:id`, {
    config: { policy: beleid('beheer') },
    schema: {
      tags,
      summary: 'Naam wijzigen of account in- of uitschakelen (uitschakelen beëindigt alle sessies)',
      params: gebruikerParams,
      body: gebruikerWijzigingBody,
      headers: ifMatchHeader,
      response: { 200: gebruikerSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const gebruiker = await gebruikers.wijzig(contextVan(request), gemeente, id, versieUitIfMatch(request), request.body);
      zetEtag(reply, gebruiker.versie);
      return gebruiker;
    },
  });

  r.put(`${basis}/:id/rollen`, {
    config: { policy: beleid('beheer') },
    schema: {
      tags,
      summary: 'Rollen in deze gemeente vastleggen (geen rollen: werkt niet meer voor deze gemeente, 204)',
      params: gebruikerParams,
      body: rollenBody,
      headers: ifMatchHeader,
      response: { 200: gebruikerSchema, 204: z.null().describe('Geen rollen meer in deze gemeente') },
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const gebruiker = await gebruikers.zetRollen(contextVan(request), gemeente, id, versieUitIfMatch(request), request.body.rollen);
      if (!gebruiker) return reply.code(204).send(null);
      zetEtag(reply, gebruiker.versie);
      return gebruiker;
    },
  });

  r.post(`${basis}/:id/mfa-herstel`, {
    config: { policy: beleid('beheer') },
    schema: {
      tags,
      summary: 'Tweede stap opnieuw laten instellen (beëindigt alle sessies van de medewerker)',
      params: gebruikerParams,
      headers: ifMatchHeader,
      response: { 200: gebruikerSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const gebruiker = await gebruikers.herstelMfa(contextVan(request), gemeente, id, versieUitIfMatch(request));
      zetEtag(reply, gebruiker.versie);
      return gebruiker;
    },
  });
}

