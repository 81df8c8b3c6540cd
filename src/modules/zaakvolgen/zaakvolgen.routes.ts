import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { geheimFormulierScope } from '../../http/invoer.ts';
import { ProblemError } from '../../http/problem.ts';
import { TALEN, vertaler, type Taal } from '../../i18n/i18n.ts';
import { contextVan } from '../audit/audit.service.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import type { KtoService } from '../kto/kto.service.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import type { PaginaContext, PortaalGemeente } from '../portaal/portaal.views.ts';
import type { FormulierTokens } from './zaakvolgen.formulier.ts';
import { geweigerdeTekst, reactieBijlagen, verwerkReactie } from './zaakvolgen.reactie.ts';
import { berichtenFormulierSchema, volgParamsSchema } from './zaakvolgen.schemas.ts';
import type { VolgZaak, ZaakvolgenService } from './zaakvolgen.service.ts';
import { volgPad, volgPagina } from './zaakvolgen.views.ts';

interface Deps {
  gemeenten: GemeentenRepository;
  zaakvolgen: ZaakvolgenService;
  tokens: FormulierTokens;
  /** Replies per minute per IP address (stricter than reading: each one mails a handler). */
  rateLimitReacties: number;
  /** The question after closing (ADR 0052), shown and answered on the closed zaak's page. */
  kto?: Pick<KtoService, 'vraagVanZaak' | 'beantwoordVoorZaak'> | undefined;
}

const PUBLIEK = { toegang: 'publiek' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function stuurHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

/** The page context of a gemeente's tracking page. */
function context(request: FastifyRequest, taal: Taal, gemeente: Gemeente): PaginaContext & { gemeente: PortaalGemeente } {
  const portaal = voorPortaal(gemeente, request);
  return {
    taal,
    t: vertaler(taal, 'portaal'),
    gemeente: portaal.gemeente,
    themaUrl: portaal.themaUrl,
    pagina: undefined,
  };
}

/** The same 404 for an unknown gemeente, a malformed code and an unknown code: the portal's. */
const nietGevonden = stuurNietGevonden;

/**
 * The resident's tracking page `/{slug}/zaken/{code}` (Dutch) and `/{slug}/en/zaken/{code}`
 * (English): server-rendered, no JavaScript; a reply form posted to the same address (303 back
 * on success, the page again with 400 and the text kept on an error); external documents.
 * The code is a secret in the URL, so every answer here carries Referrer-Policy: no-referrer,
 * Cache-Control: no-store and X-Robots-Tag: noindex (ADR 0014).
 */
export function zaakvolgenRoutes(app: FastifyInstance, deps: Deps): void {
  const { gemeenten, zaakvolgen, tokens, kto } = deps;
  /** The question after closing of a closed zaak, if it got one. */
  const ktoVraag = async (gemeente: string, zaak: VolgZaak) => (kto && zaak.afgeslotenOp ? await kto.vraagVanZaak(gemeente, zaak.zaakId) : undefined);

  void app.register(async (scope) => {
    // Only these routes read HTML form bodies; the API stays JSON only.
    geheimFormulierScope(scope);
    // The reply form posts multipart/form-data: its text and at most MAX_BIJLAGEN files (ADR 0078).
    reactieBijlagen(scope);

    for (const taal of TALEN) {
      const pad = volgPad(taal, ':slug', ':code');

      scope.get(pad, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const { slug, code } = volgParamsSchema.parse(request.params);
        const gemeente = await gemeenten.opSlug(slug);
        // From the read replica when it has this browser's own reply (ADR 0028).
        const zaak = gemeente ? await request.lees(() => zaakvolgen.zaak(gemeente.code, code)) : null;
        if (!gemeente || !zaak) return nietGevonden(request, reply, taal, gemeente);
        const query = request.query as Record<string, unknown>;
        const vraag = await ktoVraag(gemeente.code, zaak);
        const formulier = { token: tokens.maak(gemeente.code, code), verstuurd: query.verstuurd === '1', berichtenGewijzigd: query.berichten === '1', kto: vraag ? { vraag } : undefined };
        return stuurHtml(reply, volgPagina(context(request, taal, gemeente), code, zaak, formulier));
      });

      // Refused text in the reply (ADR 0020) is refused at the edge, before the handler: the page
      // again, the message at the field, the text kept with � where a refused character was.
      const ongeldigeTekens = async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
        const tekst = geweigerdeTekst(error, request);
        const { slug, code } = volgParamsSchema.parse(request.params);
        const gemeente = await gemeenten.opSlug(slug);
        const zaak = gemeente ? await zaakvolgen.zaak(gemeente.code, code) : null;
        // No such zaak: the general page for refused text, as on any other address.
        if (!gemeente || !zaak) throw error;
        return stuurHtml(reply, volgPagina(context(request, taal, gemeente), code, zaak, { token: tokens.maak(gemeente.code, code), fout: 'tekens', tekst }), 400);
      };

      scope.post(pad, { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimitReacties, timeWindow: '1 minute' } }, errorHandler: ongeldigeTekens }, async (request, reply) => {
        const { slug, code } = volgParamsSchema.parse(request.params);
        const gemeente = await gemeenten.opSlug(slug);
        const zaak = gemeente ? await zaakvolgen.zaak(gemeente.code, code) : null;
        if (!gemeente || !zaak) return nietGevonden(request, reply, taal, gemeente);
        const afloop = await verwerkReactie(request, {
          zaak,
          tokenKlopt: (formulier) => tokens.klopt(gemeente.code, code, formulier),
          reageer: (tekst, bestanden) => zaakvolgen.reageer(gemeente.code, code, tekst, contextVan(request), bestanden),
          opnieuw: () => zaakvolgen.zaak(gemeente.code, code),
        });
        if (afloop.uitkomst === 'onbekend') return nietGevonden(request, reply, taal, gemeente);
        if (afloop.uitkomst === 'fout') {
          return stuurHtml(reply, volgPagina(context(request, taal, gemeente), code, afloop.zaak, { token: tokens.maak(gemeente.code, code), ...afloop.formulier }), afloop.status);
        }
        return reply.redirect(`${volgPad(taal, gemeente.slug, code)}?verstuurd=1`, 303);
      });

      // A mail at each new step or not (ADR 0070): the same form token as the reply, 303 back with a status message.
      scope.post(`${pad}/berichten`, { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimitReacties, timeWindow: '1 minute' } } }, async (request, reply) => {
        const { slug, code } = volgParamsSchema.parse(request.params);
        const gemeente = await gemeenten.opSlug(slug);
        const zaak = gemeente ? await zaakvolgen.zaak(gemeente.code, code) : null;
        if (!gemeente || !zaak) return nietGevonden(request, reply, taal, gemeente);
        const invoer = berichtenFormulierSchema.safeParse(request.body ?? {});
        const toon = (getoond: VolgZaak, status: number, fout: 'verlopen' | 'afgesloten') =>
          stuurHtml(reply, volgPagina(context(request, taal, gemeente), code, getoond, { token: tokens.maak(gemeente.code, code), fout }), status);
        if (zaak.afgeslotenOp) return toon(zaak, 409, 'afgesloten');
        if (!invoer.success || !tokens.klopt(gemeente.code, code, invoer.data.formulier)) return toon(zaak, 400, 'verlopen');
        try {
          if (!(await zaakvolgen.tussentijdseBerichten(gemeente.code, code, invoer.data.tussentijds === 'ja', contextVan(request)))) return nietGevonden(request, reply, taal, gemeente);
        } catch (error) {
          if (!(error instanceof ProblemError) || error.status !== 409) throw error;
          return toon((await zaakvolgen.zaak(gemeente.code, code)) ?? zaak, 409, 'afgesloten');
        }
        return reply.redirect(`${volgPad(taal, gemeente.slug, code)}?berichten=1#berichten`, 303);
      });

      // The answer to the question after closing, from the tracking page (the code proves who asks).
      scope.post(`${pad}/tevredenheid`, { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimitReacties, timeWindow: '1 minute' } } }, async (request, reply) => {
        const { slug, code } = volgParamsSchema.parse(request.params);
        const gemeente = await gemeenten.opSlug(slug);
        const zaak = gemeente ? await zaakvolgen.zaak(gemeente.code, code) : null;
        const vraag = gemeente && zaak ? await ktoVraag(gemeente.code, zaak) : undefined;
        if (!gemeente || !zaak || !vraag || !kto) return nietGevonden(request, reply, taal, gemeente);
        const velden: Record<string, string> = {};
        for (const [k, w] of Object.entries((request.body ?? {}) as Record<string, unknown>)) if (typeof w === 'string') velden[k] = w;
        const uitkomst = await kto.beantwoordVoorZaak(gemeente.code, zaak.zaakId, velden);
        if (!uitkomst) return nietGevonden(request, reply, taal, gemeente);
        if (uitkomst.uitkomst === 'opgeslagen') return reply.redirect(`${volgPad(taal, gemeente.slug, code)}#tevredenheid`, 303);
        const ctx = context(request, taal, gemeente);
        const formulier = { token: tokens.maak(gemeente.code, code) };
        if (uitkomst.uitkomst === 'al-beantwoord') {
          const nu = (await kto.vraagVanZaak(gemeente.code, zaak.zaakId)) ?? vraag;
          return stuurHtml(reply, volgPagina(ctx, code, zaak, { ...formulier, kto: { vraag: nu, alBeantwoord: true } }), 409);
        }
        return stuurHtml(reply, volgPagina(ctx, code, zaak, { ...formulier, kto: { vraag, formulier: { velden, fouten: uitkomst.fouten } } }), 400);
      });

      scope.get(`${pad}/documenten/:document`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const { slug, code } = volgParamsSchema.parse(request.params);
        const documentId = (request.params as Record<string, string>).document ?? '';
        const gemeente = await gemeenten.opSlug(slug);
        const document = gemeente && UUID.test(documentId) ? await request.lees(() => zaakvolgen.document(gemeente.code, code, documentId)) : null;
        if (!gemeente || !document) return nietGevonden(request, reply, taal, gemeente);
        return reply
          .type(document.mediatype)
          .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.bestandsnaam)}`)
          .send(document.inhoud);
      });
    }
  });
}
