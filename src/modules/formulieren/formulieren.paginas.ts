import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { geheimFormulierScope } from '../../http/invoer.ts';
import { multipartParser, type MultipartBody } from '../../http/multipart.ts';
import { TALEN, vertaler, type Taal } from '../../i18n/i18n.ts';
import { contextVan } from '../audit/audit.service.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import { BIJLAGE_MAX_BYTES } from '../zaken/zaken.bijlagen.ts';
import { MAX_BESTANDEN_PER_STAP } from './formulieren.schemas.ts';
import { leesVeld, type Invoer } from './formulieren.velden.ts';
import { conceptPad, DEELPAGINAS, formulierPad } from './formulieren.paden.ts';
import type { Voorinvullen } from './formulieren.service.ts';
import type { FormulierenService, Invullen } from './formulieren.service.ts';
import { controleerPagina, ingetrokkenPagina, lijstPagina, ontvangenPagina, opslaanPagina, startPagina, stapPagina, verlopenPagina, type Ctx } from './formulieren.views.ts';

interface Deps {
  gemeenten: GemeentenRepository;
  formulieren: FormulierenService;
  /** Starts of a draft and mailed links per minute per IP address. */
  rateLimit: number;
  /**
   * The logged-in resident of this request, if any (ADR 0077): a new draft is prefilled with
   * their name, e-mail and BSN, and the zaak of a submission is linked to their BSN key.
   */
  inwoner?: (request: FastifyRequest, gemeente: string) => Promise<Voorinvullen | undefined>;
}

const PUBLIEK = { toegang: 'publiek' } as const;

function stuurHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

function context(request: FastifyRequest, taal: Taal, gemeente: Gemeente): Ctx {
  const portaal = voorPortaal(gemeente, request);
  return { taal, t: vertaler(taal, 'portaal'), gemeente: portaal.gemeente, themaUrl: portaal.themaUrl, pagina: undefined };
}

const param = (request: FastifyRequest, naam: string): string => (request.params as Record<string, string | undefined>)[naam] ?? '';

/** A multipart body (a step with a file field) or a urlencoded one. */
const isMultipart = (body: unknown): body is MultipartBody => !!body && typeof body === 'object' && 'bestanden' in body && 'velden' in body && Array.isArray((body as MultipartBody).bestanden);

/** Form fields as text (a repeated field: its first value); of a multipart body its text fields. */
function velden(body: unknown): Invoer {
  const uit: Invoer = {};
  const tekst = isMultipart(body) ? body.velden : body;
  if (tekst && typeof tekst === 'object') {
    for (const [k, w] of Object.entries(tekst as Record<string, unknown>)) {
      if (typeof w === 'string') uit[k] = w;
      else if (Array.isArray(w) && typeof w[0] === 'string') uit[k] = w[0];
    }
  }
  return uit;
}

/** What `metConcept` answers when a page answered already (a redirect or an error page). */
const isAntwoord = (x: object): x is FastifyReply => 'sent' in x;
/** Came from the check page's change link. */
const terug = (request: FastifyRequest): boolean => (request.query as Record<string, unknown>).terug === 'controleer';

/**
 * The resident's form pages (ADR 0064), nl under `/{slug}/formulieren`, en under `/{slug}/en/forms`:
 * the list, a form's start page (POST: a new draft, 303 to its first step), and per draft — the
 * secret in the address, Referrer-Policy no-referrer, no-store, noindex — its steps (GET; POST
 * checks and stores the step, 303 to the next, or 400 with the errors), the check page (POST:
 * submit, 303 to the receipt), "save and continue later" (the link by mail) and the receipt. An
 * unknown or expired draft gets a page that says so (404); a withdrawn form version one that
 * says nothing was sent (410).
 */
export function formulierPaginaRoutes(app: FastifyInstance, deps: Deps): void {
  const { gemeenten, formulieren } = deps;
  const streng = { policy: PUBLIEK, rateLimit: { max: deps.rateLimit, timeWindow: '1 minute' } };

  void app.register(async (scope) => {
    geheimFormulierScope(scope);
    // A step with file fields posts multipart/form-data (ADR 0078): at most MAX_BESTANDEN_PER_STAP files of BIJLAGE_MAX_BYTES.
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_BESTANDEN_PER_STAP * BIJLAGE_MAX_BYTES + 256 * 1024 }, multipartParser(100));

    for (const taal of TALEN) {
      const lijstRoute = formulierPad(taal, ':slug');
      const formulierRoute = formulierPad(taal, ':slug', ':code');
      const deel = (d: keyof typeof DEELPAGINAS) => formulierPad(taal, ':slug', ':code', ':token', DEELPAGINAS[d][taal]);

      scope.get(lijstRoute, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const gemeente = await gemeenten.opSlug(param(request, 'slug'));
        if (!gemeente) return stuurNietGevonden(request, reply, taal, undefined);
        return stuurHtml(reply, lijstPagina(context(request, taal, gemeente), await formulieren.alleGepubliceerd(gemeente.code)));
      });

      const gepubliceerd = async (request: FastifyRequest) => {
        const gemeente = await gemeenten.opSlug(param(request, 'slug'));
        const formulier = gemeente ? await formulieren.gepubliceerd(gemeente.code, param(request, 'code')) : undefined;
        return { gemeente, formulier };
      };

      scope.get(formulierRoute, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const { gemeente, formulier } = await gepubliceerd(request);
        if (!gemeente || !formulier) return stuurNietGevonden(request, reply, taal, gemeente);
        return stuurHtml(reply, startPagina(context(request, taal, gemeente), formulier));
      });

      scope.post(formulierRoute, { config: streng }, async (request, reply) => {
        const { gemeente, formulier } = await gepubliceerd(request);
        if (!gemeente || !formulier) return stuurNietGevonden(request, reply, taal, gemeente);
        const inwoner = await deps.inwoner?.(request, gemeente.code);
        const token = await formulieren.begin(gemeente.code, formulier, taal, inwoner);
        return reply.redirect(conceptPad(taal, gemeente.slug, formulier.code, token, 'stap', 1), 303);
      });

      /**
       * The draft of the address, or the page that answers instead: unknown or expired (404),
       * submitted (to the receipt), withdrawn (410).
       */
      const metConcept = async (request: FastifyRequest, reply: FastifyReply, ookIngediend = false): Promise<{ gemeente: Gemeente; i: Invullen; ctx: Ctx; token: string } | FastifyReply> => {
        const gemeente = await gemeenten.opSlug(param(request, 'slug'));
        if (!gemeente) return stuurNietGevonden(request, reply, taal, undefined);
        const code = param(request, 'code');
        const token = param(request, 'token');
        const i = await formulieren.invullen(gemeente.code, token);
        const ctx = context(request, taal, gemeente);
        if (!i || i.formulier.code !== code) return stuurHtml(reply, verlopenPagina(ctx, code), 404);
        if (i.concept.ingediendIdentificatie && !ookIngediend) return reply.redirect(conceptPad(taal, gemeente.slug, code, token, 'ontvangen'), 303);
        if (!i.beschikbaar && !i.concept.ingediendIdentificatie) return stuurHtml(reply, ingetrokkenPagina(ctx, code), 410);
        return { gemeente, i, ctx, token };
      };

      const stapNummer = (request: FastifyRequest, i: Invullen): number | undefined => {
        const n = Number(param(request, 'stap'));
        return Number.isInteger(n) && n >= 1 && n <= i.formulier.definitie.stappen.length ? n - 1 : undefined;
      };

      scope.get(`${deel('stap')}/:stap`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (isAntwoord(c)) return c;
        const stap = stapNummer(request, c.i);
        if (stap === undefined) return stuurNietGevonden(request, reply, taal, c.gemeente);
        return stuurHtml(reply, stapPagina(c.ctx, { formulier: c.i.formulier, token: c.token, stap, antwoorden: c.i.concept.antwoorden, terug: terug(request) }));
      });

      scope.post(`${deel('stap')}/:stap`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (isAntwoord(c)) return c;
        const stap = stapNummer(request, c.i);
        if (stap === undefined) return stuurNietGevonden(request, reply, taal, c.gemeente);
        const invoer = velden(request.body);
        const opslaan = invoer.opslaan !== undefined;
        const bestanden = isMultipart(request.body) ? request.body.bestanden : [];
        const uitkomst = await formulieren.bewaarStap(c.gemeente.code, c.i, stap, invoer, { terug: terug(request), gedeeltelijk: opslaan }, bestanden);
        const code = c.i.formulier.code;
        if (opslaan) return reply.redirect(conceptPad(taal, c.gemeente.slug, code, c.token, 'opslaan'), 303);
        if (uitkomst.uitkomst === 'fouten') {
          const pagina = stapPagina(c.ctx, { formulier: c.i.formulier, token: c.token, stap, antwoorden: c.i.concept.antwoorden, invoer, fouten: uitkomst.fouten, terug: terug(request) });
          return stuurHtml(reply, pagina, 400);
        }
        const volgende = uitkomst.volgende;
        return reply.redirect(volgende === 'controleer' ? conceptPad(taal, c.gemeente.slug, code, c.token, 'controleer') : conceptPad(taal, c.gemeente.slug, code, c.token, 'stap', volgende + 1), 303);
      });

      scope.get(deel('controleer'), { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (isAntwoord(c)) return c;
        return stuurHtml(reply, controleerPagina(c.ctx, c.i.formulier, c.token, c.i.concept.antwoorden));
      });

      scope.post(deel('controleer'), { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (isAntwoord(c)) return c;
        const code = c.i.formulier.code;
        const inwoner = await deps.inwoner?.(request, c.gemeente.code);
        const uitkomst = await formulieren.dienIn(contextVan(request), c.gemeente, c.i.concept.id, inwoner?.bsnSleutel ?? undefined);
        switch (uitkomst.uitkomst) {
          case 'ingetrokken':
            return stuurHtml(reply, ingetrokkenPagina(c.ctx, code), 410);
          case 'onvolledig':
            return stuurHtml(reply, controleerPagina(c.ctx, c.i.formulier, c.token, c.i.concept.antwoorden, uitkomst.stap), 400);
          default:
            return reply.redirect(conceptPad(taal, c.gemeente.slug, code, c.token, 'ontvangen'), 303);
        }
      });

      scope.get(deel('opslaan'), { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (isAntwoord(c)) return c;
        return stuurHtml(reply, opslaanPagina(c.ctx, c.i.formulier, c.token));
      });

      scope.post(deel('opslaan'), { config: streng }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (isAntwoord(c)) return c;
        const email = velden(request.body).email ?? '';
        const gelezen = leesVeld({ id: 'email', soort: 'email', label: { nl: '', en: '' }, verplicht: true }, { email }, '');
        if (gelezen.fout || typeof gelezen.antwoord !== 'string') return stuurHtml(reply, opslaanPagina(c.ctx, c.i.formulier, c.token, { email, fout: true }), 400);
        const link = `${formulieren.publicUrl}${conceptPad(taal, c.gemeente.slug, c.i.formulier.code, c.token, 'stap', 1)}`;
        await formulieren.stuurLink(c.gemeente, c.i, gelezen.antwoord, link, taal);
        return stuurHtml(reply, opslaanPagina(c.ctx, c.i.formulier, c.token, { verstuurdTot: kalenderdag(c.i.concept.verlooptOp) }));
      });

      scope.get(deel('ontvangen'), { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply, true);
        if (isAntwoord(c)) return c;
        const identificatie = c.i.concept.ingediendIdentificatie;
        if (!identificatie) return reply.redirect(conceptPad(taal, c.gemeente.slug, c.i.formulier.code, c.token, 'controleer'), 303);
        return stuurHtml(reply, ontvangenPagina(c.ctx, c.i.formulier, c.token, identificatie));
      });
    }
  });
}
