import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { beleid } from '../../http/rechten.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import {
  aangemaakteKlachtSchema,
  instellingSchema,
  klachtParams,
  klachtSchema,
  klachtStapBody,
  maatregelBody,
  maatregelenQuery,
  maatregelenSchema,
  maatregelParams,
  maatregelResponse,
  nieuweKlachtBody,
  registerParams,
  registerSchema,
  wachtrijSchema,
} from './klachten.schemas.ts';
import type { KlachtenService } from './klachten.service.ts';

const tags = ['Klachten'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/klachten`;

/** Klachten (Awb titel 9.1, ADR 0060): registration, the steps, the queue, the measures, the register, the settings. */
export function klachtenRoutes(app: FastifyInstance, deps: { klachten: KlachtenService }): void {
  const { klachten } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(basis, {
    config: { policy: beleid('klachtenBehandelen') },
    schema: {
      tags,
      summary: 'Klacht registreren (zaak van zaaktype klacht, met de ontvangstbevestiging als brief, Awb 9:6)',
      params: gemeenteParams,
      body: nieuweKlachtBody,
      response: { 201: aangemaakteKlachtSchema },
    },
    handler: async (request, reply) => {
      const { gemeente } = request.params;
      const klacht = await klachten.registreer(wieVan(request, gemeente), gemeente, request.body);
      reply.header('Location', `${API_PREFIX}/gemeenten/${gemeente}/klachten/${klacht.id}`);
      return reply.code(201).send(klacht);
    },
  });

  r.get(basis, {
    config: { policy: beleid('klachtenBehandelen') },
    schema: { tags, summary: 'Open klachten: eerst de vroegste einddatum, met wat aandacht vraagt (deze week, hoorzitting gepland, termijn in gevaar)', params: gemeenteParams, response: { 200: wachtrijSchema } },
    handler: async (request) => ({ items: await request.lees(() => klachten.wachtrij(request.params.gemeente)) }),
  });

  r.get(`${basis}/:id`, {
    config: { policy: beleid('klachtenBehandelen') },
    schema: { tags, summary: 'Eén klacht met haar stappen, termijnen (met uitleg), brieven en maatregelen', params: klachtParams, response: { 200: klachtSchema } },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const klacht = await klachten.detail(wieVan(request, gemeente), gemeente, id);
      zetEtag(reply, klacht.versie);
      return klacht;
    },
  });

  r.post(`${basis}/:id/stappen`, {
    config: { policy: beleid('klachtenBehandelen') },
    schema: {
      tags,
      summary: 'Een stap van de klachtprocedure vastleggen (If-Match: de versie van de zaak)',
      description:
        'Gesprek (informele aanpak), niet behandelen (9:8, met brief), hoorzitting plannen en hoorverslag of de grond om niet te horen (9:10), verdaging (hoogstens vier weken, brief aan klager en beklaagde) en uitstel met schriftelijke instemming (9:11), en het besluit met uitkomst, bevindingen en de brief die de ombudsman noemt (9:12). Bij een fout verandert er niets.',
      params: klachtParams,
      headers: ifMatchHeader,
      body: klachtStapBody,
      response: { 200: klachtSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const klacht = await klachten.stap(wieVan(request, gemeente), gemeente, id, versieUitIfMatch(request), request.body);
      zetEtag(reply, klacht.versie);
      return klacht;
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/klacht-maatregelen`, {
    config: { policy: beleid('maatregelenBijwerken') },
    schema: { tags, summary: 'Verbetermaatregelen van klachten, op uiterste datum (filter op status en eigenaar-team)', params: gemeenteParams, querystring: maatregelenQuery, response: { 200: maatregelenSchema } },
    handler: async (request) => ({ items: await request.lees(() => klachten.maatregelen(request.params.gemeente, request.query)) }),
  });

  r.patch(`${API_PREFIX}/gemeenten/:gemeente/klacht-maatregelen/:id`, {
    config: { policy: beleid('maatregelenBijwerken') },
    schema: { tags, summary: 'De status van een verbetermaatregel (uitgevoerd, vervallen)', params: maatregelParams, body: maatregelBody, response: { 200: maatregelResponse } },
    handler: async (request) => {
      const { gemeente, id } = request.params;
      return klachten.zetMaatregelStatus(wieVan(request, gemeente), gemeente, id, request.body.status);
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/klachtenregisters/:jaar`, {
    config: { policy: beleid('klachtenregisterLezen') },
    schema: { tags, summary: 'Klachtenregister van een jaar (Awb 9:12a), zonder namen; aantallen per team niet verborgen', params: registerParams, response: { 200: registerSchema } },
    handler: async (request) => request.lees(() => klachten.register(request.params.gemeente, request.params.jaar, { openbaar: false })),
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/klacht-instelling`, {
    config: { policy: beleid('klachtenBehandelen') },
    schema: { tags, summary: 'Instelling klachten: norm voor contact en de ombudsman in de brief', params: gemeenteParams, response: { 200: instellingSchema } },
    handler: async (request) => klachten.instelling(request.params.gemeente),
  });

  r.put(`${API_PREFIX}/gemeenten/:gemeente/klacht-instelling`, {
    config: { policy: beleid('klachtenInstellen') },
    schema: { tags, summary: 'Instelling klachten wijzigen', params: gemeenteParams, body: instellingSchema, response: { 200: instellingSchema } },
    handler: async (request) => {
      const { gemeente } = request.params;
      return klachten.zetInstelling(wieVan(request, gemeente), gemeente, request.body);
    },
  });
}
