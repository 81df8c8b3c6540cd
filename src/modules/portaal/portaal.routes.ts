import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setHtmlPaginas } from '../../http/errors.ts';
import { STANDAARDTAAL, TALEN, isTaal, vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import {
  PAGINAS,
  homePagina,
  kiesGemeentePagina,
  nietGevondenPagina,
  ongeldigeTekensPagina,
  portaalPad,
  privacyPagina,
  toegankelijkheidPagina,
  type PaginaContext,
  type PaginaNaam,
  type PortaalGemeente,
} from './portaal.views.ts';
import { statischeRoutes, stuurMetCache } from './statisch.ts';
import { inhoudHash, themaCss, themaMetCss } from './thema.ts';

const PUBLIEK = { policy: { toegang: 'publiek' } } as const;
const CSS = 'text/css; charset=utf-8';
const STANDAARD_CSS = themaCss({});
const STANDAARD_HASH = inhoudHash(STANDAARD_CSS);
const STANDAARD_THEMA_URL = `/static/thema.css?v=${STANDAARD_HASH}`;

interface Deps {
  gemeenten: GemeentenRepository;
}

/** A gemeente ready for the portal (also for other modules' public pages): its theme checked, with the URL of its stylesheet. */
export function voorPortaal(gemeente: Gemeente, request: FastifyRequest): { gemeente: PortaalGemeente; css: string; hash: string; themaUrl: string } {
  const { thema, css, hash } = themaMetCss(gemeente, request.log);
  return { gemeente: { naam: gemeente.naam, slug: gemeente.slug, thema }, css, hash, themaUrl: `/static/thema/${gemeente.slug}.css?v=${hash}` };
}

function stuurHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  // Public pages that change when a gemeente's settings change: always revalidate.
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(body);
}

/** The context of an error page, in the gemeente's theme when there is one. */
function foutContext(request: FastifyRequest, taal: Taal, gemeente: Gemeente | undefined): PaginaContext {
  const portaal = gemeente ? voorPortaal(gemeente, request) : undefined;
  return {
    taal,
    t: vertaler(taal, 'portaal'),
    gemeente: portaal?.gemeente,
    themaUrl: portaal?.themaUrl ?? STANDAARD_THEMA_URL,
    pagina: undefined,
  };
}

/** The portal's 404 page (also for other modules' public pages), in the gemeente's theme when there is one. */
export function stuurNietGevonden(request: FastifyRequest, reply: FastifyReply, taal: Taal, gemeente: Gemeente | undefined): FastifyReply {
  return stuurHtml(reply, nietGevondenPagina(foutContext(request, taal, gemeente)), 404);
}

/** The language of a portal address: `/en/…` or `/{slug}/en/…` is English, the rest Dutch. */
function taalVanPad(segmenten: string[]): Taal {
  return segmenten.slice(0, 2).find((s): s is Taal => s !== STANDAARDTAAL && isTaal(s)) ?? STANDAARDTAAL;
}

const PAGINA_VIEWS: Record<PaginaNaam, typeof homePagina> = {
  home: homePagina,
  privacy: privacyPagina,
  toegankelijkheid: toegankelijkheidPagina,
};

/**
 * The resident portal: `/` (choose a gemeente) and per gemeente its home, privacy statement
 * and accessibility statement, in Dutch and English (see portaalPad for the addresses); the
 * theme stylesheets; the static NL Design System files; and the HTML 404 page for browsers.
 */
export function portaalRoutes(app: FastifyInstance, deps: Deps): void {
  const { gemeenten } = deps;
  statischeRoutes(app);

  app.get('/static/thema.css', { config: PUBLIEK }, async (request, reply) =>
    stuurMetCache(request, reply, STANDAARD_CSS, CSS, STANDAARD_HASH),
  );

  app.get<{ Params: { slug: string } }>('/static/thema/:slug.css', { config: PUBLIEK }, async (request, reply) => {
    const gemeente = await gemeenten.opSlug(request.params.slug);
    if (!gemeente) return reply.callNotFound();
    const { css, hash } = voorPortaal(gemeente, request);
    return stuurMetCache(request, reply, css, CSS, hash);
  });

  for (const taal of TALEN) {
    const t = vertaler(taal, 'portaal');

    app.get(portaalPad(taal), { config: PUBLIEK }, async (_request, reply) => {
      const lijst = await gemeenten.lijst();
      const ctx: PaginaContext = { taal, t, gemeente: undefined, themaUrl: STANDAARD_THEMA_URL, pagina: 'home' };
      return stuurHtml(reply, kiesGemeentePagina(ctx, lijst));
    });

    for (const pagina of Object.keys(PAGINAS) as PaginaNaam[]) {
      app.get<{ Params: { slug: string } }>(portaalPad(taal, ':slug', pagina), { config: PUBLIEK }, async (request, reply) => {
        const gevonden = await gemeenten.opSlug(request.params.slug);
        if (!gevonden) return reply.callNotFound();
        const { gemeente, themaUrl } = voorPortaal(gevonden, request);
        return stuurHtml(reply, PAGINA_VIEWS[pagina]({ taal, t, gemeente, themaUrl, pagina }, gemeente));
      });
    }
  }

  // Without the closing slash: /diemen → /diemen/, /en → /en/, /diemen/en → /diemen/en/.
  app.get<{ Params: { slug: string } }>('/:slug', { config: PUBLIEK }, async (request, reply) => {
    const { slug } = request.params;
    if (isTaal(slug) && slug !== STANDAARDTAAL) return reply.redirect(portaalPad(slug), 301);
    if (await gemeenten.opSlug(slug)) return reply.redirect(portaalPad(STANDAARDTAAL, slug), 301);
    return reply.callNotFound();
  });
  for (const taal of TALEN.filter((t) => t !== STANDAARDTAAL)) {
    app.get<{ Params: { slug: string } }>(`/:slug/${taal}`, { config: PUBLIEK }, async (request, reply) => {
      if (await gemeenten.opSlug(request.params.slug)) return reply.redirect(portaalPad(taal, request.params.slug), 301);
      return reply.callNotFound();
    });
  }

  // Language and gemeente of an error page from the address as it came in (still percent-encoded).
  const vanAdres = async (request: FastifyRequest): Promise<[Taal, Gemeente | undefined]> => {
    const segmenten = request.url.split('?')[0]?.split('/').filter(Boolean) ?? [];
    return [taalVanPad(segmenten), segmenten[0] ? await gemeenten.opSlug(segmenten[0]) : undefined];
  };
  setHtmlPaginas(app, {
    nietGevonden: async (request, reply) => stuurNietGevonden(request, reply, ...(await vanAdres(request))),
    ongeldigeTekens: async (request, reply) => stuurHtml(reply, ongeldigeTekensPagina(foutContext(request, ...(await vanAdres(request)))), 400),
  });
}
