import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { beleid } from '../../http/rechten.ts';
import { TALEN, vertaler, type Taal } from '../../i18n/i18n.ts';
import { contextVan } from '../audit/audit.service.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import { productenSchema, productInvoer, productParams, productSchema, publiekeProductenSchema, publiekProductSchema, taalQuery, THEMAS } from './producten.schemas.ts';
import { zoekProducten, type ProductenService, type PubliekProduct } from './producten.service.ts';
import { productenPad, productenPagina, productenRoute, productPagina } from './producten.views.ts';

const tags = ['Producten'];
const PUBLIEK = { toegang: 'publiek' } as const;
const publiekBasis = `${API_PREFIX}/gemeenten/:gemeente/producten`;
const beheerBasis = `${API_PREFIX}/gemeenten/:gemeente/beheer/producten`;

const metPagina = (slug: string, taal: Taal, p: PubliekProduct) => ({ ...p, themaNaam: vertaler(taal, 'producten')(`thema.${p.thema}`), pagina: productenPad(taal, slug, p.code) });

/** Query of the product list page: a search and a theme; anything else is ignored (a page, not an API). */
const paginaQuery = z.object({ zoek: z.string().optional().catch(undefined), thema: z.enum(THEMAS).optional().catch(undefined) }).catch({});

/**
 * The product catalogue: the public list and product (API, open data) and the pages
 * `/{slug}/producten` and `/{slug}/producten/{product}` (nl; `/{slug}/en/products` in English),
 * and the staff routes for beheerders and webredacteuren.
 */
export function productenRoutes(app: FastifyInstance, deps: { producten: ProductenService; gemeenten: GemeentenRepository }): void {
  const { producten, gemeenten } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(publiekBasis, {
    config: { policy: PUBLIEK },
    schema: {
      tags,
      summary: 'Producten en diensten van de gemeente (openbaar)',
      description: 'De gepubliceerde producten, met teksten in één taal. `afspraak` is true als het product aan de balie te boeken is.',
      params: gemeenteParams,
      querystring: taalQuery,
      response: { 200: publiekeProductenSchema },
    },
    handler: async (request) => {
      const { taal } = request.query;
      const { gemeente, producten: lijst } = await request.lees(() => producten.publiek(request.params.gemeente, taal));
      return { items: lijst.map((p) => metPagina(gemeente.slug, taal, p)) };
    },
  });

  r.get(`${publiekBasis}/:code`, {
    config: { policy: PUBLIEK },
    schema: { tags, summary: 'Eén product (openbaar)', params: productParams, querystring: taalQuery, response: { 200: publiekProductSchema } },
    handler: async (request) => {
      const { taal } = request.query;
      const { gemeente, product } = await request.lees(() => producten.publiekProduct(request.params.gemeente, request.params.code, taal));
      return metPagina(gemeente.slug, taal, product);
    },
  });

  r.get(beheerBasis, {
    config: { policy: beleid('productenBeheren') },
    schema: { tags, summary: 'Alle producten, ook niet gepubliceerde, in beide talen', params: gemeenteParams, response: { 200: productenSchema } },
    handler: async (request) => ({ items: await producten.lijst(request.params.gemeente) }),
  });

  r.post(beheerBasis, {
    config: { policy: beleid('productenBeheren') },
    schema: { tags, summary: 'Product toevoegen', params: gemeenteParams, body: productInvoer, response: { 201: productSchema } },
    handler: async (request, reply) => {
      const product = await producten.maak(contextVan(request), request.params.gemeente, request.body);
      zetEtag(reply, product.revisie);
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/beheer/producten/${product.code}`);
      return reply.code(201).send(product);
    },
  });

  r.get(`${beheerBasis}/:code`, {
    config: { policy: beleid('productenBeheren') },
    schema: { tags, summary: 'Eén product in beide talen', params: productParams, response: { 200: productSchema } },
    handler: async (request, reply) => {
      const product = await producten.haal(request.params.gemeente, request.params.code);
      zetEtag(reply, product.revisie);
      return product;
    },
  });

  r.put(`${beheerBasis}/:code`, {
    config: { policy: beleid('productenBeheren') },
    schema: { tags, summary: 'Product wijzigen (ook publiceren of terugtrekken)', params: productParams, body: productInvoer, headers: ifMatchHeader, response: { 200: productSchema } },
    handler: async (request, reply) => {
      const product = await producten.wijzig(contextVan(request), request.params.gemeente, request.params.code, versieUitIfMatch(request), request.body);
      zetEtag(reply, product.revisie);
      return product;
    },
  });

  // The pages, server-rendered, without JavaScript.
  for (const taal of TALEN) {
    const t = vertaler(taal, 'portaal');
    const tp = vertaler(taal, 'producten');

    app.get<{ Params: { slug: string }; Querystring: unknown }>(productenRoute(taal), { config: { policy: PUBLIEK } }, async (request, reply) => {
      const gevonden = await gemeenten.opSlug(request.params.slug);
      if (!gevonden) return reply.callNotFound();
      const { gemeente, themaUrl } = voorPortaal(gevonden, request);
      const query = paginaQuery.parse(request.query);
      const zoek = (query.zoek ?? '').trim().slice(0, 100);
      const lijst = await request.lees(() => producten.publiekeLijst(gevonden.code, taal));
      const gevondenProducten = zoekProducten(lijst, zoek).filter((p) => query.thema === undefined || p.thema === query.thema);
      const body = productenPagina({ taal, t, tp, gemeente, themaUrl, pagina: undefined }, lijst, { zoek, thema: query.thema, gevonden: gevondenProducten });
      return reply.code(200).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(body);
    });

    app.get<{ Params: { slug: string; product: string } }>(`${productenRoute(taal)}/:product`, { config: { policy: PUBLIEK } }, async (request, reply) => {
      const gevonden = await gemeenten.opSlug(request.params.slug);
      if (!gevonden) return reply.callNotFound();
      const lijst = await request.lees(() => producten.publiekeLijst(gevonden.code, taal));
      const product = lijst.find((p) => p.code === request.params.product);
      if (!product) return stuurNietGevonden(request, reply, taal, gevonden);
      const { gemeente, themaUrl } = voorPortaal(gevonden, request);
      return reply.code(200).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(productPagina({ taal, t, tp, gemeente, themaUrl, pagina: undefined }, product));
    });
  }
}
