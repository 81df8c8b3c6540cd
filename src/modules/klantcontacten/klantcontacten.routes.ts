import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import { werkvoorraadSchema } from '../zaken/zaken.schemas.ts';
import {
  geregistreerdKlantcontactSchema,
  klantcontactenQuery,
  klantcontactenSchema,
  klantcontactParams,
  klantcontactSchema,
  nieuwKlantcontactBody,
  zoekZakenQuery,
} from './klantcontacten.schemas.ts';
import type { KlantcontactenService } from './klantcontacten.service.ts';

const tags = ['Klantcontacten'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/klantcontacten`;

/** The links of a keyset page: self, and next with the cursor (the other query parameters kept). */
function links(request: FastifyRequest, volgende: string | null) {
  const [pad, query = ''] = request.url.split('?') as [string, string?];
  const params = new URLSearchParams(query);
  params.delete('cursor');
  if (volgende) params.set('cursor', volgende);
  const tekst = params.toString();
  return { self: { href: request.url }, ...(volgende ? { next: { href: tekst ? `${pad}?${tekst}` : pad } } : {}) };
}

/** Klantcontacten: register a contact (optionally with a zaak), list and read them, find a caller's zaken. */
export function klantcontactenRoutes(app: FastifyInstance, deps: { klantcontacten: KlantcontactenService }): void {
  const { klantcontacten } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(basis, {
    config: { policy: beleid('klantcontactenRegistreren') },
    schema: {
      tags,
      summary: 'Klantcontact registreren; met zaak wordt in dezelfde transactie een zaak geregistreerd en gekoppeld',
      params: gemeenteParams,
      body: nieuwKlantcontactBody,
      response: { 201: geregistreerdKlantcontactSchema },
    },
    handler: async (request, reply) => {
      const { gemeente } = request.params;
      const contact = await klantcontacten.registreer(wieVan(request, gemeente), gemeente, request.body);
      reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/klantcontacten/${contact.id}`);
      return reply.code(201).send(contact);
    },
  });

  r.get(basis, {
    config: { policy: beleid('klantcontactenLezen') },
    schema: {
      tags,
      summary: 'Klantcontacten, nieuwste eerst (keyset-paginering); filters kanaal, uitkomst, van en tot',
      params: gemeenteParams,
      querystring: klantcontactenQuery,
      response: { 200: klantcontactenSchema },
    },
    handler: async (request) => {
      // A list that grows without end: from the read replica when it has this caller's own writes (ADR 0028).
      const { items, volgende } = await request.lees(() => klantcontacten.lijst(request.params.gemeente, request.query));
      return { items, pageSize: request.query.pageSize, _links: links(request, volgende) };
    },
  });

  r.get(`${basis}/zoek-zaken`, {
    config: { policy: beleid('zakenLezen') },
    schema: {
      tags,
      summary: 'De zaken van een beller zoeken: op zaaknummer, e-mailadres, of postcode en huisnummer (open en afgesloten)',
      description:
        'Op adres: het eigen adres van de inwoner dat bij de zaak is gegeven (formulier, KCC of medewerker; ADR 0083), niet de plek van een melding. Zoeken op e-mailadres of adres komt in het verwerkingenlogboek.',
      params: gemeenteParams,
      querystring: zoekZakenQuery,
      response: { 200: werkvoorraadSchema },
    },
    handler: async (request) => {
      const { gemeente } = request.params;
      const { items, volgende } = await request.lees(() => klantcontacten.zoekZaken(wieVan(request, gemeente), gemeente, request.query));
      return { items, pageSize: request.query.pageSize, _links: links(request, volgende) };
    },
  });

  r.get(`${basis}/:id`, {
    config: { policy: beleid('klantcontactenLezen') },
    schema: { tags, summary: 'Eén klantcontact met de persoon, de zaken en de geschiedenis', params: klantcontactParams, response: { 200: klantcontactSchema } },
    handler: async (request) => klantcontacten.haal(contextVan(request), request.params.gemeente, request.params.id),
  });
}
