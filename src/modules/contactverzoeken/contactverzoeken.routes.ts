import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { pagina } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import {
  afhandelenBody,
  contactverzoekParams,
  contactverzoekSchema,
  nieuwContactverzoekBody,
  normenBody,
  normenSchema,
  pogingBody,
  wachtrijQuery,
  wachtrijSchema,
} from './contactverzoeken.schemas.ts';
import type { ContactverzoekenService } from './contactverzoeken.service.ts';

const tags = ['Contactverzoeken'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/contactverzoeken`;

/** Contactverzoeken (callback requests): make one, the team queue, pick up, attempts, close; the norms per onderwerp. */
export function contactverzoekenRoutes(app: FastifyInstance, deps: { contactverzoeken: ContactverzoekenService }): void {
  const { contactverzoeken } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(basis, {
    config: { policy: beleid('contactverzoekenMaken') },
    schema: {
      tags,
      summary: 'Contactverzoek maken: aan een team of een medewerker, met de termijn uit de kalender; optioneel een bevestiging aan de inwoner',
      params: gemeenteParams,
      body: nieuwContactverzoekBody,
      response: { 201: contactverzoekSchema },
    },
    handler: async (request, reply) => {
      const { gemeente } = request.params;
      const verzoek = await contactverzoeken.maak(wieVan(request, gemeente), gemeente, request.body);
      reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/contactverzoeken/${verzoek.id}`);
      return reply.code(201).send(verzoek);
    },
  });

  r.get(basis, {
    config: { policy: beleid('contactverzoekenBehandelen') },
    schema: {
      tags,
      summary: 'De wachtrij: open contactverzoeken van mijn teams en aan mij, op termijn (eerst de vroegste)',
      params: gemeenteParams,
      querystring: wachtrijQuery,
      response: { 200: wachtrijSchema },
    },
    handler: async (request) => {
      const { gemeente } = request.params;
      const { items, totaal } = await request.lees(() => contactverzoeken.wachtrij(wieVan(request, gemeente), gemeente, request.query));
      return pagina(request, request.query, items, totaal);
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/contactverzoek-normen`, {
    config: { policy: beleid('contactverzoekenMaken') },
    schema: { tags, summary: 'De termijn per onderwerp (werkdagen) en de standaard', params: gemeenteParams, response: { 200: normenSchema } },
    handler: async (request) => contactverzoeken.normen(request.params.gemeente),
  });

  r.put(`${API_PREFIX}/gemeenten/:gemeente/contactverzoek-normen`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'De termijnen per onderwerp vervangen door deze lijst', params: gemeenteParams, body: normenBody, response: { 200: normenSchema } },
    handler: async (request) => contactverzoeken.zetNormen(contextVan(request), request.params.gemeente, request.body.normen),
  });

  r.get(`${basis}/:id`, {
    config: { policy: beleid('contactverzoekenBehandelen') },
    schema: { tags, summary: 'Eén contactverzoek met de inwoner, de pogingen en de geschiedenis', params: contactverzoekParams, response: { 200: contactverzoekSchema } },
    handler: async (request) => contactverzoeken.haal(wieVan(request, request.params.gemeente), request.params.gemeente, request.params.id),
  });

  r.post(`${basis}/:id/oppakken`, {
    config: { policy: beleid('contactverzoekenBehandelen') },
    schema: { tags, summary: 'Oppakken: in behandeling, met mij als behandelaar', params: contactverzoekParams, response: { 200: contactverzoekSchema } },
    handler: async (request) => contactverzoeken.pakOp(wieVan(request, request.params.gemeente), request.params.gemeente, request.params.id),
  });

  r.post(`${basis}/:id/pogingen`, {
    config: { policy: beleid('contactverzoekenBehandelen') },
    schema: { tags, summary: 'Een poging vastleggen om de inwoner te bereiken (bereikt of niet)', params: contactverzoekParams, body: pogingBody, response: { 201: contactverzoekSchema } },
    handler: async (request, reply) => reply.code(201).send(await contactverzoeken.poging(wieVan(request, request.params.gemeente), request.params.gemeente, request.params.id, request.body)),
  });

  r.post(`${basis}/:id/afhandelen`, {
    config: { policy: beleid('contactverzoekenBehandelen') },
    schema: { tags, summary: 'Afhandelen: afgerond (met de uitkomst) of niet bereikt (na minstens één poging)', params: contactverzoekParams, body: afhandelenBody, response: { 200: contactverzoekSchema } },
    handler: async (request) => contactverzoeken.handelAf(wieVan(request, request.params.gemeente), request.params.gemeente, request.params.id, request.body),
  });
}
