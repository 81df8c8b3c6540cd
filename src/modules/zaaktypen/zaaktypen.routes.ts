import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { pagina, paginaSchema } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { zaaktypeInvoer, zaaktypeParams, zaaktypeSchema, zaaktypenQuery } from './zaaktypen.schemas.ts';
import type { ZaaktypenService } from './zaaktypen.service.ts';

const tags = ['Zaaktypen'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/zaaktypen`;

/** The zaaktype catalogue: staff who work with zaken read it, beheerders draft and publish versions. */
export function zaaktypenRoutes(app: FastifyInstance, deps: { zaaktypen: ZaaktypenService }): void {
  const { zaaktypen } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(basis, {
    config: { policy: beleid('zakenLezen') },
    schema: {
      tags,
      summary: 'Zaaktypen van de gemeente (standaard de nieuwste versie per code)',
      params: gemeenteParams,
      querystring: zaaktypenQuery,
      response: { 200: paginaSchema(zaaktypeSchema, 'ZaaktypenPagina') },
    },
    handler: async (request) => {
      const { page, pageSize, alleVersies, status } = request.query;
      const { rows, total } = await zaaktypen.lijst(request.params.gemeente, { alleVersies, status }, (page - 1) * pageSize, pageSize);
      return pagina(request, { page, pageSize }, rows, total);
    },
  });

  r.post(basis, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Zaaktype aanmaken (als concept, versie 1)', params: gemeenteParams, body: zaaktypeInvoer, response: { 201: zaaktypeSchema } },
    handler: async (request, reply) => {
      const zaaktype = await zaaktypen.maak(contextVan(request), request.params.gemeente, request.body);
      zetEtag(reply, zaaktype.revisie);
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/zaaktypen/${zaaktype.id}`);
      return reply.code(201).send(zaaktype);
    },
  });

  r.get(`${basis}/:id`, {
    config: { policy: beleid('zakenLezen') },
    schema: { tags, summary: 'Eén versie van een zaaktype, met statustypen en resultaattypen', params: zaaktypeParams, response: { 200: zaaktypeSchema } },
    handler: async (request, reply) => {
      const zaaktype = await zaaktypen.haal(request.params.gemeente, request.params.id);
      zetEtag(reply, zaaktype.revisie);
      return zaaktype;
    },
  });

  r.put(`${basis}/:id`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Conceptversie wijzigen', params: zaaktypeParams, body: zaaktypeInvoer, headers: ifMatchHeader, response: { 200: zaaktypeSchema } },
    handler: async (request, reply) => {
      const zaaktype = await zaaktypen.wijzig(contextVan(request), request.params.gemeente, request.params.id, versieUitIfMatch(request), request.body);
      zetEtag(reply, zaaktype.revisie);
      return zaaktype;
    },
  });

  r.post(`${basis}/:id/versies`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Nieuwe conceptversie, gekopieerd van deze gepubliceerde versie', params: zaaktypeParams, response: { 201: zaaktypeSchema } },
    handler: async (request, reply) => {
      const zaaktype = await zaaktypen.nieuweVersie(contextVan(request), request.params.gemeente, request.params.id);
      zetEtag(reply, zaaktype.revisie);
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/zaaktypen/${zaaktype.id}`);
      return reply.code(201).send(zaaktype);
    },
  });

  r.post(`${basis}/:id/publicatie`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Conceptversie publiceren', params: zaaktypeParams, headers: ifMatchHeader, response: { 200: zaaktypeSchema } },
    handler: async (request, reply) => {
      const zaaktype = await zaaktypen.publiceer(contextVan(request), request.params.gemeente, request.params.id, versieUitIfMatch(request));
      zetEtag(reply, zaaktype.revisie);
      return zaaktype;
    },
  });
}
