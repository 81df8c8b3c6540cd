import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { pagina, paginaSchema } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import type { ZakenService } from '../zaken/zaken.service.ts';
import { formulierOnbekend } from './formulieren.errors.ts';
import { formulierenQuery, formulierInvoer, formulierParams, formulierSchema } from './formulieren.schemas.ts';
import type { FormulierenService } from './formulieren.service.ts';

const tags = ['Formulieren'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/formulieren`;

const inzendingSchema = z
  .object({
    formulier: z.object({ id: z.uuid(), code: z.string(), versie: z.number().int() }),
    ingediendOp: z.string(),
    antwoorden: z.record(z.string(), z.unknown()).describe('Per veld-id het antwoord: tekst, een lijst (meerkeuze) of {postcode, huisnummer}'),
  })
  .meta({ id: 'FormulierInzending' });

/**
 * Form definitions (ADR 0064): beheerders draft, publish, copy and withdraw versions; staff who
 * may see a zaak read the answers submitted with it.
 */
export function formulierenRoutes(app: FastifyInstance, deps: { formulieren: FormulierenService; zaken: Pick<ZakenService, 'detail'> }): void {
  const { formulieren } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(basis, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Formulieren van de gemeente, alle versies', params: gemeenteParams, querystring: formulierenQuery, response: { 200: paginaSchema(formulierSchema, 'FormulierenPagina') } },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      const { rows, total } = await formulieren.lijst(request.params.gemeente, (page - 1) * pageSize, pageSize);
      return pagina(request, { page, pageSize }, rows, total);
    },
  });

  r.post(basis, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Formulier aanmaken (als concept, versie 1)', params: gemeenteParams, body: formulierInvoer, response: { 201: formulierSchema } },
    handler: async (request, reply) => {
      const f = await formulieren.maak(contextVan(request), request.params.gemeente, request.body);
      zetEtag(reply, f.revisie);
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/formulieren/${f.id}`);
      return reply.code(201).send(f);
    },
  });

  r.get(`${basis}/:id`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Eén versie van een formulier', params: formulierParams, response: { 200: formulierSchema } },
    handler: async (request, reply) => {
      const f = await formulieren.haal(request.params.gemeente, request.params.id);
      zetEtag(reply, f.revisie);
      return f;
    },
  });

  r.put(`${basis}/:id`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Conceptversie wijzigen', params: formulierParams, body: formulierInvoer, headers: ifMatchHeader, response: { 200: formulierSchema } },
    handler: async (request, reply) => {
      const f = await formulieren.wijzig(contextVan(request), request.params.gemeente, request.params.id, versieUitIfMatch(request), request.body);
      zetEtag(reply, f.revisie);
      return f;
    },
  });

  r.post(`${basis}/:id/versies`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Nieuwe conceptversie, gekopieerd van deze (nieuwste) versie', params: formulierParams, response: { 201: formulierSchema } },
    handler: async (request, reply) => {
      const f = await formulieren.nieuweVersie(contextVan(request), request.params.gemeente, request.params.id);
      zetEtag(reply, f.revisie);
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/formulieren/${f.id}`);
      return reply.code(201).send(f);
    },
  });

  r.post(`${basis}/:id/publicatie`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Conceptversie publiceren (de zaaktypeversie moet gepubliceerd zijn)', params: formulierParams, headers: ifMatchHeader, response: { 200: formulierSchema } },
    handler: async (request, reply) => {
      const f = await formulieren.publiceer(contextVan(request), request.params.gemeente, request.params.id, versieUitIfMatch(request));
      zetEtag(reply, f.revisie);
      return f;
    },
  });

  r.post(`${basis}/:id/intrekking`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Gepubliceerde versie intrekken: niemand begint of verstuurt hem nog', params: formulierParams, response: { 200: formulierSchema } },
    handler: async (request, reply) => {
      const f = await formulieren.trekIn(contextVan(request), request.params.gemeente, request.params.id);
      zetEtag(reply, f.revisie);
      return f;
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/zaken/:id/formulier`, {
    config: { policy: beleid('zakenLezen') },
    schema: { tags, summary: 'De antwoorden van het formulier waarmee deze zaak binnenkwam', params: formulierParams, response: { 200: inzendingSchema } },
    handler: async (request) => {
      const { gemeente, id } = request.params;
      // Only who may see the zaak (its confidentiality, team) reads its answers.
      await deps.zaken.detail(wieVan(request, gemeente), gemeente, id, { loggen: true });
      const i = await formulieren.inzending(gemeente, id);
      if (!i) throw formulierOnbekend();
      return { formulier: { id: i.formulier.id, code: i.formulier.code, versie: i.formulier.versie }, ingediendOp: i.ingediendOp, antwoorden: i.antwoorden };
    },
  });
}
