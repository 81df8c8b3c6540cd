import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { pagina, paginaSchema } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import {
  doorzendingBody,
  meldingDetailSchema,
  meldingParams,
  partnerDetailSchema,
  partnerInvoer,
  partnerRegelSchema,
  partnerSchema,
  partnerStatusBody,
  werkvoorraadQuery,
  werkvoorraadRegelSchema,
} from './meldingen.behandeling.schemas.ts';
import type { MeldingenBehandelingService } from './meldingen.behandeling.service.ts';
import type { MeldingenService } from './meldingen.service.ts';
import { FOTO_MAX_BYTES } from './meldingen.fotos.ts';

const tags = ['Meldingen'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/meldingen`;
const partnerBasis = `${API_PREFIX}/gemeenten/:gemeente/partner-meldingen`;

/**
 * Meldingen openbare ruimte for staff and partners (ADR 0056): the team's queue (list and map),
 * one melding, forwarding to a partner, the gemeente's partners; and the partner's own side,
 * which shows only what is routed to the caller's partner organisation (anything else is 404).
 */
export function meldingenBehandelingRoutes(app: FastifyInstance, deps: { behandeling: MeldingenBehandelingService; meldingen: MeldingenService; kaartTegels: string }): void {
  const { behandeling } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${API_PREFIX}/kaart-instellingen`, {
    config: { policy: { toegang: 'publiek' } },
    schema: {
      tags,
      summary: 'De achtergrondkaart van de kaarten (Leaflet-URL van de tegels; null: geen achtergrond)',
      response: { 200: z.object({ tegels: z.string().nullable(), bron: z.string() }).meta({ id: 'KaartInstellingen' }) },
    },
    handler: async () => ({ tegels: deps.kaartTegels || null, bron: deps.kaartTegels.includes('pdok.nl') ? 'Kaart: PDOK / Kadaster (CC BY 4.0)' : '' }),
  });

  r.get(basis, {
    config: { policy: beleid('zakenLezen') },
    schema: {
      tags,
      summary: 'Werkvoorraad meldingen openbare ruimte: filters op categorie, status, gebied (bbox), termijn en partner; open meldingen eerst, op termijn',
      params: gemeenteParams,
      querystring: werkvoorraadQuery,
      response: { 200: paginaSchema(werkvoorraadRegelSchema, 'MeldingenWerkvoorraad').extend({ afgekapt: z.boolean().describe('Er zijn meer meldingen dan gelezen; verfijn de filters') }) },
    },
    handler: async (request) => {
      const q = request.query;
      const { items, totaal, afgekapt } = await request.lees(() =>
        behandeling.werkvoorraad(request.params.gemeente, {
          categorieen: q.categorie,
          statussen: q.status,
          termijn: q.termijn,
          box: q.bbox,
          partner: q.partner,
          heropenverzoek: q.heropenverzoek,
          offset: (q.page - 1) * q.pageSize,
          limit: q.pageSize,
        }),
      );
      return { ...pagina(request, { page: q.page, pageSize: q.pageSize }, items, totaal), afgekapt };
    },
  });

  // Registering a melding on a caller's behalf: meldingen.kcc.routes.ts (through the resident form's service).

  r.get(`${basis}/:zaakId`, {
    config: { policy: beleid('zakenLezen') },
    schema: { tags, summary: 'Eén melding voor het team: status, termijn, antwoorden en wat partners deden', params: meldingParams, response: { 200: meldingDetailSchema } },
    handler: async (request) => behandeling.melding(request.params.gemeente, request.params.zaakId),
  });

  r.post(`${basis}/:zaakId/doorzendingen`, {
    config: { policy: beleid('meldingenDoorzetten') },
    schema: {
      tags,
      summary: 'Melding doorzetten naar een externe partner (zonder partner: de vaste partner van de categorie); de partner krijgt een mail',
      params: meldingParams,
      body: doorzendingBody,
      response: { 201: meldingDetailSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, zaakId } = request.params;
      return reply.code(201).send(await behandeling.doorzetten(wieVan(request, gemeente), gemeente, zaakId, request.body));
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/melding-partners`, {
    config: { policy: beleid('zakenLezen') },
    schema: { tags, summary: 'Externe partners die meldingen behandelen', params: gemeenteParams, response: { 200: z.object({ items: z.array(partnerSchema) }).meta({ id: 'MeldingPartners' }) } },
    handler: async (request) => ({ items: await behandeling.partners(request.params.gemeente) }),
  });

  r.post(`${API_PREFIX}/gemeenten/:gemeente/melding-partners`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Externe partner aanmaken, met de gebruikers (rol externe-partner) die voor haar werken', params: gemeenteParams, body: partnerInvoer, response: { 201: partnerSchema } },
    handler: async (request, reply) => reply.code(201).send(await behandeling.maakPartner(contextVan(request), request.params.gemeente, request.body)),
  });

  r.get(partnerBasis, {
    config: { policy: beleid('partnerMeldingen') },
    schema: {
      tags,
      summary: 'Voor een externe partner: de meldingen die nu bij de eigen organisatie liggen (niets anders)',
      params: gemeenteParams,
      response: { 200: z.object({ items: z.array(partnerRegelSchema) }).meta({ id: 'PartnerMeldingen' }) },
    },
    handler: async (request) => behandeling.partnerWerkvoorraad(wieVan(request, request.params.gemeente), request.params.gemeente),
  });

  r.get(`${partnerBasis}/:zaakId`, {
    config: { policy: beleid('partnerMeldingen') },
    schema: { tags, summary: 'Voor een externe partner: één melding die bij de eigen organisatie ligt; zonder melder', params: meldingParams, response: { 200: partnerDetailSchema } },
    handler: async (request) => behandeling.partnerMelding(wieVan(request, request.params.gemeente), request.params.gemeente, request.params.zaakId),
  });

  r.post(`${partnerBasis}/:zaakId/statussen`, {
    config: { policy: beleid('partnerMeldingen') },
    schema: { tags, summary: 'Voor een externe partner: status doorgeven (ingepland, in behandeling, gereed, niet mogelijk)', params: meldingParams, body: partnerStatusBody, response: { 201: partnerDetailSchema } },
    handler: async (request, reply) => {
      const { gemeente, zaakId } = request.params;
      return reply.code(201).send(await behandeling.partnerStatus(wieVan(request, gemeente), gemeente, zaakId, request.body));
    },
  });

  app.register(async (bestanden) => {
    // Only this route takes a raw body of any type; the photo is known by its magic bytes.
    bestanden.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: FOTO_MAX_BYTES }, (_request, body, done) => done(null, body));
    bestanden.withTypeProvider<ZodTypeProvider>().post(`${partnerBasis}/:zaakId/fotos`, {
      config: { policy: beleid('partnerMeldingen'), inhoud: 'bestand' },
      schema: {
        tags,
        summary: 'Voor een externe partner: foto na afloop (JPEG, PNG of WebP als body, hoogstens 10 MB); zonder metadata opnieuw opgeslagen',
        params: meldingParams,
        response: { 201: partnerDetailSchema },
      },
      handler: async (request, reply) => {
        const { gemeente, zaakId } = request.params;
        const inhoud = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply.code(201).send(await behandeling.partnerFoto(wieVan(request, gemeente), gemeente, zaakId, inhoud));
      },
    });
  });
}
