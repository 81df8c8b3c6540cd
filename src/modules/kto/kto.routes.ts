import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { ktoInstellingenSchema, ktoInstellingInvoer, ktoInstellingParams, ktoInstellingSchema } from './kto.schemas.ts';
import { TALEN, vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { geheimFormulierScope } from '../../http/invoer.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import type { PaginaContext, PortaalGemeente } from '../portaal/portaal.views.ts';
import { ktoPad, type KtoService } from './kto.service.ts';
import { ktoKlaarPagina, ktoPagina } from './kto.views.ts';

interface Deps {
  gemeenten: GemeentenRepository;
  kto: KtoService;
  /** Answers per minute per IP address. */
  rateLimit: number;
}

const PUBLIEK = { toegang: 'publiek' } as const;

function stuurHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

function context(request: FastifyRequest, taal: Taal, gemeente: Gemeente): PaginaContext & { gemeente: PortaalGemeente } {
  const portaal = voorPortaal(gemeente, request);
  return { taal, t: vertaler(taal, 'portaal'), gemeente: portaal.gemeente, themaUrl: portaal.themaUrl, pagina: undefined };
}

const params = (request: FastifyRequest): { slug: string; token: string } => {
  const p = request.params as Record<string, string | undefined>;
  return { slug: p.slug ?? '', token: p.token ?? '' };
};

/** Form fields as text (a repeated field: its first value). */
function velden(body: unknown): Record<string, string> {
  const uit: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, w] of Object.entries(body as Record<string, unknown>)) {
      if (typeof w === 'string') uit[k] = w;
      else if (Array.isArray(w) && typeof w[0] === 'string') uit[k] = w[0];
    }
  }
  return uit;
}

/**
 * The answer page of the question after closing, `/{slug}/kto/{token}` and `/{slug}/en/kto/{token}`
 * (ADR 0052): no login, the personal one-time token in the address. GET shows the question (or
 * that it was answered); POST stores the answer once and sends the browser to the thank-you page
 * (303), or shows the form again with the errors (400); a second answer gets 409 and a clear
 * message, nothing changed. An unknown token is the portal's 404. The token is a secret in the
 * URL: Referrer-Policy no-referrer, Cache-Control no-store, noindex.
 */
export function ktoRoutes(app: FastifyInstance, deps: Deps): void {
  const { gemeenten, kto } = deps;

  void app.register(async (scope) => {
    geheimFormulierScope(scope);

    for (const taal of TALEN) {
      const pad = ktoPad(taal, ':slug', ':token');

      scope.get(pad, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const { slug, token } = params(request);
        const gemeente = await gemeenten.opSlug(slug);
        const vraag = gemeente ? await kto.vraag(gemeente.code, token) : undefined;
        if (!gemeente || !vraag) return stuurNietGevonden(request, reply, taal, gemeente);
        const ctx = context(request, taal, gemeente);
        if (vraag.beantwoordOp) {
          const bedankt = (request.query as Record<string, unknown>).bedankt === '1';
          return stuurHtml(reply, ktoKlaarPagina(ctx, token, bedankt ? 'bedankt' : 'alBeantwoord'));
        }
        return stuurHtml(reply, ktoPagina(ctx, token, vraag));
      });

      scope.post(pad, { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimit, timeWindow: '1 minute' } } }, async (request, reply) => {
        const { slug, token } = params(request);
        const gemeente = await gemeenten.opSlug(slug);
        const vraag = gemeente ? await kto.vraag(gemeente.code, token) : undefined;
        if (!gemeente || !vraag) return stuurNietGevonden(request, reply, taal, gemeente);
        const ctx = context(request, taal, gemeente);
        const ingevuld = velden(request.body);
        const uitkomst = await kto.beantwoord(gemeente.code, token, ingevuld);
        if (!uitkomst) return stuurNietGevonden(request, reply, taal, gemeente);
        if (uitkomst.uitkomst === 'al-beantwoord') return stuurHtml(reply, ktoKlaarPagina(ctx, token, 'alBeantwoord'), 409);
        if (uitkomst.uitkomst === 'fouten') return stuurHtml(reply, ktoPagina(ctx, token, vraag, { velden: ingevuld, fouten: uitkomst.fouten }), 400);
        return reply.redirect(`${ktoPad(taal, gemeente.slug, token)}?bedankt=1`, 303);
      });
    }
  });
}

/**
 * The settings of the question after closing per zaaktype (ADR 0052, ADR 0086), for beheerders:
 * whether it is asked, its form, the sample rate, its own question text nl/en, the choice list and
 * whether the optional text is asked. The form and sample count for zaken closed from then on; an
 * open question shows the text, list and text field as they are when it is opened.
 */
export function ktoInstellingenRoutes(app: FastifyInstance, deps: { kto: KtoService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Vraag na afsluiten'];
  const basis = `${API_PREFIX}/gemeenten/:gemeente/kto-instellingen`;

  r.get(basis, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'De vraag na afsluiten per zaaktype', params: gemeenteParams, response: { 200: ktoInstellingenSchema } },
    handler: async (request) => ({ items: await deps.kto.instellingen(request.params.gemeente) }),
  });

  r.put(`${basis}/:zaaktype`, {
    config: { policy: beleid('beheer') },
    schema: { tags, summary: 'De vraag na afsluiten van een zaaktype instellen', description: 'Vervangt de hele instelling. Laat u vraag, keuzes of toelichtingVragen weg, dan geldt de standaard: de standaardvraag van de vorm, de zes standaardkeuzes en wel een tekstveld. Een antwoord bewaart de sleutel en de Nederlandse tekst van de gekozen keuze, dus oude antwoorden blijven kloppen als de lijst verandert.', params: ktoInstellingParams, body: ktoInstellingInvoer, response: { 200: ktoInstellingSchema } },
    handler: async (request) => deps.kto.wijzigInstelling(contextVan(request), request.params.gemeente, { zaaktype: request.params.zaaktype, ...request.body }),
  });
}
