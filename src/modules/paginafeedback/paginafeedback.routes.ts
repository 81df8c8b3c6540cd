import { readFileSync } from 'node:fs';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { API_PREFIX } from '../../http/app.ts';
import { formulierParser } from '../../http/invoer.ts';
import { pagina, paginaSchema } from '../../http/pagination.ts';
import { ProblemError } from '../../http/problem.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { feedbackOngeldig, herkomstNietToegestaan } from './paginafeedback.errors.ts';
import { herkomstToegestaan, leesReactie, websiteAdres } from './paginafeedback.regels.ts';
import {
  afhandelingInvoer,
  feedbackParams,
  feedbackSchema,
  formulierSchema,
  instellingenSchema,
  lijstQuery,
  MAX_TEKST,
  paginasQuery,
  paginastandSchema,
  trendQuery,
  trendSchema,
} from './paginafeedback.schemas.ts';
import type { PaginafeedbackService } from './paginafeedback.service.ts';

const tags = ['Paginafeedback'];
const basis = `${API_PREFIX}/gemeenten/:gemeente`;
const PUBLIEK = { toegang: 'publiek' } as const;
/** Largest posted form: the text (2000 characters, up to 4 bytes each, percent-encoded) and the rest. */
const MAX_BODY = 32 * 1024;
const SCRIPT = readFileSync(new URL('./paginafeedback.js', import.meta.url), 'utf8');

/** The CORS headers for the website's own origin (no credentials: the form sends no cookies). */
function staToe(reply: FastifyReply, origin: string): void {
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Vary', 'Origin');
}

const wilJson = (request: FastifyRequest) => /\bapplication\/(problem\+)?json\b/i.test(request.headers.accept ?? '');

/**
 * Page feedback (ADR 0039). Public: `POST /{slug}/paginafeedback`, the form of the gemeente's
 * website (303 back to the page, or 201 JSON for the script), its CORS preflight, and the script
 * `/static/paginafeedback.js`. Staff: the configuration (beheerders), the remarks, the pages
 * ranked by share of "nee", the trend of a page and the handling (webredactie, vakafdelingen).
 */
export function paginafeedbackRoutes(app: FastifyInstance, deps: { paginafeedback: PaginafeedbackService; rateLimit: number }): void {
  const { paginafeedback } = deps;

  app.get('/static/paginafeedback.js', { config: { policy: PUBLIEK } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      // Loaded by the gemeente's website, another origin: without this helmet's same-origin policy blocks it.
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .header('Cache-Control', 'public, max-age=3600')
      .send(SCRIPT),
  );

  void app.register(async (scope) => {
    // Only this route reads HTML form bodies here; the API stays JSON only.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: MAX_BODY }, formulierParser);

    scope.options<{ Params: { slug: string } }>('/:slug/paginafeedback', { config: { policy: PUBLIEK } }, async (request, reply) => {
      const origin = request.headers.origin;
      const intake = await paginafeedback.intake(request.params.slug);
      if (intake && origin && herkomstToegestaan(origin, intake.domeinen)) {
        staToe(reply, origin);
        reply.header('Access-Control-Allow-Methods', 'POST');
        reply.header('Access-Control-Allow-Headers', 'Content-Type, Accept');
        reply.header('Access-Control-Max-Age', '600');
      }
      return reply.code(204).send();
    });

    scope.post<{ Params: { slug: string } }>(
      '/:slug/paginafeedback',
      { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimit, timeWindow: '1 minute' } }, bodyLimit: MAX_BODY },
      async (request, reply) => {
        const intake = await paginafeedback.intake(request.params.slug);
        if (!intake) throw new ProblemError(404, 'niet-gevonden', 'Niet gevonden', { detail: 'Deze gemeente bestaat niet in deze installatie.' });
        const { domeinen } = intake;
        const origin = request.headers.origin;
        // A browser on another website may not post here. "null" (a page with no-referrer) carries no origin to check: the addresses are checked below.
        if (origin && origin !== 'null') {
          if (!herkomstToegestaan(origin, domeinen)) throw herkomstNietToegestaan();
          staToe(reply, origin);
        }
        const velden = formulierSchema.safeParse(request.body ?? {});
        const gelezen = leesReactie(velden.success ? velden.data : {}, domeinen, MAX_TEKST);
        const json = wilJson(request);
        const eerste = (naam: string) => {
          const w = velden.success ? velden.data[naam] : undefined;
          return Array.isArray(w) ? w[0] : w;
        };
        // Back to the page: `terug` (the page as the visitor saw it), else the page; only on the website (no open redirect).
        const terug = websiteAdres(eerste('terug'), domeinen) ?? websiteAdres(eerste('pagina'), domeinen);
        const naar = (fragment: string) => {
          const url = new URL((terug as URL).href);
          url.hash = fragment;
          return reply.redirect(url.href, 303);
        };
        if ('fouten' in gelezen) {
          if (json || !terug) throw feedbackOngeldig(gelezen.fouten);
          return naar('feedback-fout');
        }
        if ('reactie' in gelezen) await paginafeedback.ontvang(intake, gelezen.reactie);
        // A bot that filled in the honeypot gets the same answer, and nothing is stored.
        if (json || !terug) return reply.code(201).send({ ontvangen: true });
        return naar('feedback-bedankt');
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${basis}/paginafeedback-instellingen`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Instellingen van paginafeedback: domeinen van de website en routering naar teams', params: gemeenteParams, response: { 200: instellingenSchema } },
    handler: async (request) => paginafeedback.instellingen(request.params.gemeente),
  });

  r.put(`${basis}/paginafeedback-instellingen`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'Instellingen van paginafeedback vervangen', params: gemeenteParams, body: instellingenSchema, response: { 200: instellingenSchema } },
    handler: async (request) => paginafeedback.zetInstellingen(contextVan(request), request.params.gemeente, request.body),
  });

  r.get(`${basis}/paginafeedback`, {
    config: { policy: beleid('paginafeedbackLezen') },
    schema: { tags, summary: 'Reacties op pagina’s, nieuwste eerst', params: gemeenteParams, querystring: lijstQuery, response: { 200: paginaSchema(feedbackSchema, 'PaginafeedbackPagina') } },
    handler: async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { rows, total } = await request.lees(() => paginafeedback.lijst(request.params.gemeente, filter, (page - 1) * pageSize, pageSize));
      return pagina(request, { page, pageSize }, rows, total);
    },
  });

  r.get(`${basis}/paginafeedback-paginas`, {
    config: { policy: beleid('paginafeedbackLezen') },
    schema: {
      tags,
      summary: 'Pagina’s met reacties, het grootste aandeel "nee" eerst',
      params: gemeenteParams,
      querystring: paginasQuery,
      response: { 200: paginaSchema(paginastandSchema, 'PaginastandenPagina') },
    },
    handler: async (request) => {
      const { page, pageSize, ...q } = request.query;
      const { rows, total } = await request.lees(() => paginafeedback.paginas(request.params.gemeente, q, (page - 1) * pageSize, pageSize));
      return pagina(request, { page, pageSize }, rows, total);
    },
  });

  r.get(`${basis}/paginafeedback-trend`, {
    config: { policy: beleid('paginafeedbackLezen') },
    schema: { tags, summary: 'Ja en nee per week voor één pagina', params: gemeenteParams, querystring: trendQuery, response: { 200: trendSchema } },
    handler: async (request) => request.lees(() => paginafeedback.trend(request.params.gemeente, request.query)),
  });

  r.get(`${basis}/paginafeedback/:id`, {
    config: { policy: beleid('paginafeedbackLezen') },
    schema: { tags, summary: 'Eén reactie op een pagina, met de afhandeling', params: feedbackParams, response: { 200: feedbackSchema } },
    handler: async (request) => paginafeedback.haal(request.params.gemeente, request.params.id),
  });

  r.post(`${basis}/paginafeedback/:id/afhandeling`, {
    config: { policy: beleid('paginafeedbackAfhandelen') },
    schema: { tags, summary: 'Reactie afhandelen (eenmalig)', params: feedbackParams, body: afhandelingInvoer, response: { 201: feedbackSchema } },
    handler: async (request, reply) => {
      const rij = await paginafeedback.handelAf(contextVan(request), request.params.gemeente, request.params.id, request.body);
      return reply.code(201).send(rij);
    },
  });
}

