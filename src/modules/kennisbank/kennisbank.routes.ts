import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { pagina } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import {
  afhandelenBody,
  artikelBody,
  artikelenQuery,
  artikelenSchema,
  artikelMeldingBody,
  artikelParams,
  artikelSchema,
  meldingBody,
  meldingenQuery,
  meldingenSchema,
  meldingParams,
  meldingSchema,
  onderwerpenSchema,
  versiesSchema,
  zoekQuery,
  zoekresultatenSchema,
} from './kennisbank.schemas.ts';
import type { KennisbankService } from './kennisbank.service.ts';

const tags = ['Kennisbank'];
const artikelen = `${API_PREFIX}/gemeenten/:gemeente/kennisartikelen`;
const meldingen = `${API_PREFIX}/gemeenten/:gemeente/kennis-meldingen`;

/** The knowledge base: search, articles and their versions, reports and the owning team's answers. */
export function kennisbankRoutes(app: FastifyInstance, deps: { kennisbank: KennisbankService }): void {
  const { kennisbank } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${artikelen}/zoeken`, {
    config: { policy: beleid('kennisbankLezen') },
    schema: {
      tags,
      summary: 'Zoeken terwijl u typt: Nederlandse zoekwoorden (ook het begin van een woord), tikfouten mogen',
      params: gemeenteParams,
      querystring: zoekQuery,
      response: { 200: zoekresultatenSchema },
    },
    handler: async (request) => ({ items: await request.lees(() => kennisbank.zoek(request.params.gemeente, request.query)) }),
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/kennis-onderwerpen`, {
    config: { policy: beleid('kennisbankLezen') },
    schema: { tags, summary: 'De onderwerpen van de kennisartikelen, op naam, met het aantal artikelen (de onderwerpen van klantcontacten)', params: gemeenteParams, response: { 200: onderwerpenSchema } },
    handler: async (request) => request.lees(() => kennisbank.onderwerpen(request.params.gemeente)),
  });

  r.get(artikelen, {
    config: { policy: beleid('kennisbankLezen') },
    schema: {
      tags,
      summary: 'Kennisartikelen op titel; teHerzien=true: die van mijn teams waarvan de herzieningsdatum voorbij is',
      params: gemeenteParams,
      querystring: artikelenQuery,
      response: { 200: artikelenSchema },
    },
    handler: async (request) => {
      const { gemeente } = request.params;
      const { items, totaal } = await request.lees(() => kennisbank.lijst(wieVan(request, gemeente), gemeente, request.query));
      return pagina(request, request.query, items, totaal);
    },
  });

  r.post(artikelen, {
    config: { policy: beleid('kennisbankBewerken') },
    schema: { tags, summary: 'Kennisartikel schrijven (voor een van mijn teams)', params: gemeenteParams, body: artikelBody, response: { 201: artikelSchema } },
    handler: async (request, reply) => {
      const { gemeente } = request.params;
      const a = await kennisbank.maak(wieVan(request, gemeente), gemeente, request.body);
      zetEtag(reply, a.versie);
      reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/kennisartikelen/${a.id}`);
      return reply.code(201).send(a);
    },
  });

  r.get(`${artikelen}/:id`, {
    config: { policy: beleid('kennisbankLezen') },
    schema: { tags, summary: 'Eén kennisartikel (ETag: de versie)', params: artikelParams, response: { 200: artikelSchema } },
    handler: async (request, reply) => {
      const a = await kennisbank.haal(request.params.gemeente, request.params.id);
      zetEtag(reply, a.versie);
      return a;
    },
  });

  r.put(`${artikelen}/:id`, {
    config: { policy: beleid('kennisbankBewerken') },
    schema: { tags, summary: 'Nieuwe versie van een kennisartikel (het team dat eigenaar is)', params: artikelParams, headers: ifMatchHeader, body: artikelBody, response: { 200: artikelSchema } },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const a = await kennisbank.wijzig(wieVan(request, gemeente), gemeente, id, versieUitIfMatch(request), request.body);
      zetEtag(reply, a.versie);
      return a;
    },
  });

  r.get(`${artikelen}/:id/versies`, {
    config: { policy: beleid('kennisbankLezen') },
    schema: { tags, summary: 'Alle versies van een artikel, nieuwste eerst', params: artikelParams, response: { 200: versiesSchema } },
    handler: async (request) => kennisbank.versies(request.params.gemeente, request.params.id),
  });

  r.post(`${artikelen}/:id/meldingen`, {
    config: { policy: beleid('kennisMelden') },
    schema: {
      tags,
      summary: 'Deze informatie klopt niet / is onvolledig / is onduidelijk: een taak voor het team dat eigenaar is',
      params: artikelParams,
      body: artikelMeldingBody,
      response: { 201: meldingSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const m = await kennisbank.meldOpArtikel(wieVan(request, gemeente), gemeente, id, request.body);
      reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/kennis-meldingen/${m.id}`);
      return reply.code(201).send(m);
    },
  });

  r.post(meldingen, {
    config: { policy: beleid('kennisMelden') },
    schema: { tags, summary: 'Een fout in informatie of in een proces melden aan het team dat erover gaat', params: gemeenteParams, body: meldingBody, response: { 201: meldingSchema } },
    handler: async (request, reply) => {
      const { gemeente } = request.params;
      const m = await kennisbank.meld(wieVan(request, gemeente), gemeente, request.body);
      reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/kennis-meldingen/${m.id}`);
      return reply.code(201).send(m);
    },
  });

  r.get(meldingen, {
    config: { policy: beleid('kennisMelden') },
    schema: { tags, summary: 'voor=team: de open taken van mijn teams (oudste eerst); voor=mij: wat ik meldde, met het antwoord', params: gemeenteParams, querystring: meldingenQuery, response: { 200: meldingenSchema } },
    handler: async (request) => {
      const { gemeente } = request.params;
      const { items, totaal } = await kennisbank.meldingen(wieVan(request, gemeente), gemeente, request.query);
      return pagina(request, request.query, items, totaal);
    },
  });

  r.get(`${meldingen}/:id`, {
    config: { policy: beleid('kennisMelden') },
    schema: { tags, summary: 'Eén melding (voor wie haar deed en voor het team)', params: meldingParams, response: { 200: meldingSchema } },
    handler: async (request) => kennisbank.melding(wieVan(request, request.params.gemeente), request.params.gemeente, request.params.id),
  });

  r.post(`${meldingen}/:id/afhandelen`, {
    config: { policy: beleid('kennisbankBewerken') },
    schema: { tags, summary: 'De melding beantwoorden (het team dat eigenaar is); de melder krijgt het antwoord per e-mail', params: meldingParams, body: afhandelenBody, response: { 200: meldingSchema } },
    handler: async (request) => kennisbank.handelMeldingAf(wieVan(request, request.params.gemeente), request.params.gemeente, request.params.id, request.body),
  });
}
