import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import { klantreisKeuzesSchema, klantreisProductParams, klantreisQuery, klantreisSchema, klantreisStroomQuery, klantreisStroomSchema, klantreisZaaktypeParams } from './klantreizen.schemas.ts';
import type { KlantreizenService } from './klantreizen.service.ts';

/**
 * One resident's journey (issue 10): for who may read klantcontacten with the person's data.
 * The journeys per product (ADR 0081): counts and times only, for who may analyse journeys.
 */
export function klantreizenRoutes(app: FastifyInstance, deps: { klantreizen: KlantreizenService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const stromen = `${API_PREFIX}/gemeenten/:gemeente/klantreis-stromen`;
  const lezen = beleid('klantreisStromenLezen');
  const STROOM =
    'Eén klantreis per zaak van het zaaktype die in de periode is geregistreerd en die de medewerker mag zien (vertrouwelijke zaken alleen voor wie ze mag zien): de contacten ervoor, de registratie, statussen, berichten, reacties, opschortingen, afsluiting, contacten erna, heropening en klacht. Per stap hoeveel reizen er langs kwamen, de mediaan van de tijd sinds de vorige stap, en hoeveel open reizen er staan te wachten. Geen persoonsgegevens in het antwoord; het koppelen van contacten op e-mailadres staat in het verwerkingenlogboek.';

  r.get(stromen, {
    config: { policy: lezen },
    schema: {
      tags: ['Klantcontacten'],
      summary: 'Waarvoor klantreizen te bekijken zijn: de producten en de zaaktypen zonder product',
      params: gemeenteParams,
      response: { 200: klantreisKeuzesSchema },
    },
    handler: async (request) => deps.klantreizen.keuzes(request.params.gemeente),
  });

  r.get(`${stromen}/producten/:product`, {
    config: { policy: lezen },
    schema: {
      tags: ['Klantcontacten'],
      summary: 'De klantreizen van een product: stappen, aantallen, tijd tussen stappen en waar reizen blijven hangen',
      description: `${STROOM} De zaken van een product zijn die van zijn zaaktype.`,
      params: klantreisProductParams,
      querystring: klantreisStroomQuery,
      response: { 200: klantreisStroomSchema },
    },
    handler: async (request) => deps.klantreizen.vanProduct(wieVan(request, request.params.gemeente), request.params.gemeente, request.params.product, request.query),
  });

  r.get(`${stromen}/zaaktypen/:zaaktype`, {
    config: { policy: lezen },
    schema: {
      tags: ['Klantcontacten'],
      summary: 'De klantreizen van een zaaktype (werk dat geen product is)',
      description: STROOM,
      params: klantreisZaaktypeParams,
      querystring: klantreisStroomQuery,
      response: { 200: klantreisStroomSchema },
    },
    handler: async (request) => deps.klantreizen.vanZaaktype(wieVan(request, request.params.gemeente), request.params.gemeente, request.params.zaaktype, request.query),
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/klantreizen`, {
    config: { policy: beleid('klantcontactenLezen') },
    schema: {
      tags: ['Klantcontacten'],
      summary: 'De klantreis van één inwoner: contacten, zaken, berichten en reacties op één tijdlijn',
      description:
        'Op e-mailadres: elk klantcontact van die persoon en elke zaak met dat adres die de medewerker mag zien, met statussen, berichten aan de inwoner, reacties en afsluiting, oudste eerst; herhaalcontacten (zelfde onderwerp binnen 7 dagen) gemarkeerd. Het lezen staat in het verwerkingenlogboek.',
      params: gemeenteParams,
      querystring: klantreisQuery,
      response: { 200: klantreisSchema },
    },
    handler: async (request) => deps.klantreizen.reis(wieVan(request, request.params.gemeente), request.params.gemeente, request.query.email),
  });
}
