import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { categorieenQuery, categorieInvoer, categorieParams, categorieSchema, openbaarQuery, openbareMeldingenSchema } from './meldingen.schemas.ts';
import type { Kaartpunt, MeldingenKaart } from './meldingen.kaart.ts';
import type { MeldingenService } from './meldingen.service.ts';

const tags = ['Meldingen'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/melding-categorieen`;
/** Most features in one answer of the public map. */
const MAX_KAART = 500;

/** A point of the public map as its GeoJSON feature, the same text as the response schema writes; kept per cached point. */
const features = new WeakMap<Kaartpunt, string>();
function featureJson(m: Kaartpunt): string {
  let tekst = features.get(m);
  if (tekst === undefined) {
    tekst = JSON.stringify({
      type: 'Feature',
      id: m.identificatie,
      geometry: { type: 'Point', coordinates: [m.lon, m.lat] },
      properties: { gemeente: m.gemeente, categorie: m.categorie.code, categorieNaam: { nl: m.categorie.naam.nl, en: m.categorie.naam.en }, hoofdcategorie: m.categorie.hoofdcategorie, status: 'open', ontvangenOp: m.ontvangenOp },
    });
    features.set(m, tekst);
  }
  return tekst;
}

/** The categories of meldingen openbare ruimte: staff who work with zaken read them, beheerders draft and publish versions. */
export function meldingenRoutes(app: FastifyInstance, deps: { meldingen: MeldingenService; kaart: MeldingenKaart }): void {
  const { meldingen, kaart } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${API_PREFIX}/meldingen/openbaar`, {
    config: { policy: { toegang: 'publiek' } },
    schema: {
      tags,
      summary: 'Open meldingen in een gebied, voor de openbare kaart (GeoJSON): alleen openbare categorieën, geen melder, geen tekst, geen adres',
      querystring: openbaarQuery,
      response: { 200: openbareMeldingenSchema },
    },
    handler: async (request, reply) => {
      // From the cells every node keeps (ADR 0076; filled from the primary); a large box from the database (the read replica when there is one).
      const { meldingen: lijst, afgekapt } = await kaart.inBox(request.query.bbox, MAX_KAART, (fn) => request.lees(fn));
      // Written out here, each feature once per cached point (the schema above documents it): 500 features through the response schema cost more than finding them.
      // A string is sent as it is (Fastify serialises objects only); the cast only tells the typed reply so.
      const tekst: unknown = `{"type":"FeatureCollection","afgekapt":${afgekapt},"features":[${lijst.map(featureJson).join(',')}]}`;
      return reply.type('application/geo+json; charset=utf-8').send(tekst as z.infer<typeof openbareMeldingenSchema>);
    },
  });

  r.get(basis, {
    config: { policy: beleid('zakenLezen') },
    schema: {
      tags,
      summary: 'Categorieën van meldingen openbare ruimte (standaard de nieuwste versie per code)',
      params: gemeenteParams,
      querystring: categorieenQuery,
      response: { 200: z.object({ items: z.array(categorieSchema) }).meta({ id: 'MeldingCategorieen' }) },
    },
    handler: async (request) => ({ items: await meldingen.categorieen(request.params.gemeente, request.query) }),
  });

  r.post(basis, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Categorie als concept aanmaken (nieuwe code: versie 1; bestaande code: de volgende versie)', params: gemeenteParams, body: categorieInvoer, response: { 201: categorieSchema } },
    handler: async (request, reply) => {
      const categorie = await meldingen.maakCategorie(contextVan(request), request.params.gemeente, request.body);
      zetEtag(reply, categorie.revisie);
      reply.header('Location', `${API_PREFIX}/gemeenten/${request.params.gemeente}/melding-categorieen/${categorie.id}`);
      return reply.code(201).send(categorie);
    },
  });

  r.get(`${basis}/:id`, {
    config: { policy: beleid('zakenLezen') },
    schema: { tags, summary: 'Eén versie van een categorie', params: categorieParams, response: { 200: categorieSchema } },
    handler: async (request, reply) => {
      const categorie = await meldingen.categorie(request.params.gemeente, request.params.id);
      zetEtag(reply, categorie.revisie);
      return categorie;
    },
  });

  r.post(`${basis}/:id/publicatie`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Conceptversie van een categorie publiceren', params: categorieParams, headers: ifMatchHeader, response: { 200: categorieSchema } },
    handler: async (request, reply) => {
      const categorie = await meldingen.publiceerCategorie(contextVan(request), request.params.gemeente, request.params.id, versieUitIfMatch(request));
      zetEtag(reply, categorie.revisie);
      return categorie;
    },
  });
}
