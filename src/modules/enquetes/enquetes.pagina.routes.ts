import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { geheimFormulierScope } from '../../http/invoer.ts';
import { TALEN, vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import type { Velden } from './enquetes.regels.ts';
import { openPad, panelPad, uitnodigingPad, type Antwoorduitkomst, type EnquetesService } from './enquetes.service.ts';
import { aanmeldPagina, berichtPagina, enquetePagina, type Ctx } from './enquetes.views.ts';

interface Deps {
  gemeenten: GemeentenRepository;
  enquetes: EnquetesService;
  /** Posts per minute per IP address. */
  rateLimit: number;
}

const PUBLIEK = { toegang: 'publiek' } as const;

const stuurHtml = (reply: FastifyReply, body: string, status = 200): FastifyReply => reply.code(status).type('text/html; charset=utf-8').send(body);

function context(request: FastifyRequest, taal: Taal, gemeente: Gemeente): Ctx {
  const portaal = voorPortaal(gemeente, request);
  return { taal, t: vertaler(taal, 'portaal'), gemeente: portaal.gemeente, themaUrl: portaal.themaUrl, pagina: undefined };
}

const param = (request: FastifyRequest, naam: string): string => (request.params as Record<string, string | undefined>)[naam] ?? '';

/** Form fields as posted (a repeated field, as for a checkbox group: every value). */
function velden(body: unknown): Velden {
  const uit: Velden = {};
  if (body && typeof body === 'object') {
    for (const [k, w] of Object.entries(body as Record<string, unknown>)) {
      if (typeof w === 'string') uit[k] = w;
      else if (Array.isArray(w)) uit[k] = w.filter((x): x is string => typeof x === 'string');
    }
  }
  return uit;
}

const beide = (maak: (taal: Taal) => string): Record<Taal, string> => ({ nl: maak('nl'), en: maak('en') });

/** The page after an answer (or a refused one): thanks, already answered, closed. */
const naAntwoord = (reply: FastifyReply, ctx: Ctx, talen: Record<Taal, string>, definitie: Parameters<typeof enquetePagina>[1], uitkomst: Antwoorduitkomst, formulier: Velden, open: boolean) => {
  if (uitkomst.uitkomst === 'fouten') return stuurHtml(reply, enquetePagina(ctx, definitie, talen, { velden: formulier, fouten: uitkomst.fouten }, open), 400);
  if (uitkomst.uitkomst === 'al-beantwoord') return stuurHtml(reply, berichtPagina(ctx, talen, 'alBeantwoord'), 409);
  if (uitkomst.uitkomst === 'gesloten') return stuurHtml(reply, berichtPagina(ctx, talen, 'gesloten'), 409);
  return reply.redirect(`${talen[ctx.taal]}?bedankt=1`, 303);
};
const bedankt = (request: FastifyRequest): boolean => (request.query as Record<string, unknown>).bedankt === '1';

const geldigId = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

/**
 * The resident pages of the inwonerspanel (ADR 0068), nl and en, without JavaScript:
 * `/{slug}/inwonerspanel` (sign up), `…/aangemeld`, `…/bevestig/{token}` and
 * `…/afmelden/{token}` (GET shows a button, POST acts: a mail scanner that opens links changes
 * nothing), `/{slug}/enquete/u/{token}` (a personal invitation) and `/{slug}/enquete/{id}` (a
 * survey open by link). Unknown links get the portal's 404. Secrets in the address: these pages
 * are sent with Referrer-Policy no-referrer and Cache-Control no-store.
 */
export function enquetesPaginaRoutes(app: FastifyInstance, deps: Deps): void {
  const { gemeenten, enquetes } = deps;
  const post = { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimit, timeWindow: '1 minute' } } };
  const get = { config: { policy: PUBLIEK } };

  /** Resolves the gemeente of `:slug`, or sends the 404 page. */
  const metGemeente =
    (taal: Taal, fn: (request: FastifyRequest, reply: FastifyReply, g: Gemeente, ctx: Ctx) => Promise<FastifyReply>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const g = await gemeenten.opSlug(param(request, 'slug'));
      if (!g) return stuurNietGevonden(request, reply, taal, undefined);
      return fn(request, reply, g, context(request, taal, g));
    };

  void app.register(async (scope) => {
    geheimFormulierScope(scope);

    for (const taal of TALEN) {
      const aanmeldPad = panelPad(taal, ':slug');
      scope.get(aanmeldPad, get, metGemeente(taal, async (_request, reply, g, ctx) => stuurHtml(reply, aanmeldPagina(ctx, await enquetes.wijken(g.code), beide((tl) => panelPad(tl, g.slug))))));
      scope.post(
        aanmeldPad,
        post,
        metGemeente(taal, async (request, reply, g, ctx) => {
          const ingevuld = velden(request.body);
          const uitkomst = await enquetes.meldAan(g, taal, ingevuld);
          if (uitkomst.uitkomst === 'fouten') return stuurHtml(reply, aanmeldPagina(ctx, await enquetes.wijken(g.code), beide((tl) => panelPad(tl, g.slug)), { velden: ingevuld, fouten: uitkomst.fouten }), 400);
          return reply.redirect(panelPad(taal, g.slug, 'aangemeld'), 303);
        }),
      );
      scope.get(panelPad(taal, ':slug', 'aangemeld'), get, metGemeente(taal, async (_request, reply, g, ctx) => stuurHtml(reply, berichtPagina(ctx, beide((tl) => panelPad(tl, g.slug, 'aangemeld')), 'aangemeld'))));

      for (const [deel, doel, klaar] of [
        ['bevestig', 'bevestigen', 'bevestigd'],
        ['afmelden', 'afmelden', 'afgemeld'],
      ] as const) {
        const pad = panelPad(taal, ':slug', `${deel}/:token`);
        const talen = (g: Gemeente, token: string) => beide((tl) => panelPad(tl, g.slug, `${deel}/${token}`));
        scope.get(
          pad,
          get,
          metGemeente(taal, async (request, reply, g, ctx) => {
            const token = param(request, 'token');
            if (!(await enquetes.lidVan(g.code, token, doel))) return stuurNietGevonden(request, reply, taal, g);
            return stuurHtml(reply, berichtPagina(ctx, talen(g, token), doel, talen(g, token)[taal]));
          }),
        );
        scope.post(
          pad,
          post,
          metGemeente(taal, async (request, reply, g, ctx) => {
            const token = param(request, 'token');
            const gedaan = doel === 'bevestigen' ? await enquetes.bevestig(g.code, token) : await enquetes.meldAf(g.code, token);
            if (!gedaan) return stuurNietGevonden(request, reply, taal, g);
            return stuurHtml(reply, berichtPagina(ctx, talen(g, token), klaar));
          }),
        );
      }

      const persoonlijk = uitnodigingPad(taal, ':slug', ':token');
      const persoonlijkeTalen = (g: Gemeente, token: string) => beide((tl) => uitnodigingPad(tl, g.slug, token));
      scope.get(
        persoonlijk,
        get,
        metGemeente(taal, async (request, reply, g, ctx) => {
          const token = param(request, 'token');
          const u = await enquetes.uitnodiging(g.code, token);
          if (!u) return stuurNietGevonden(request, reply, taal, g);
          const talen = persoonlijkeTalen(g, token);
          if (u.beantwoord) return stuurHtml(reply, berichtPagina(ctx, talen, bedankt(request) ? 'bedankt' : 'alBeantwoord'));
          if (u.enquete.status !== 'lopend') return stuurHtml(reply, berichtPagina(ctx, talen, 'gesloten'));
          return stuurHtml(reply, enquetePagina(ctx, u.enquete.definitie, talen));
        }),
      );
      scope.post(
        persoonlijk,
        post,
        metGemeente(taal, async (request, reply, g, ctx) => {
          const token = param(request, 'token');
          const u = await enquetes.uitnodiging(g.code, token);
          const ingevuld = velden(request.body);
          const uitkomst = u ? await enquetes.beantwoord(g.code, token, ingevuld) : undefined;
          if (!u || !uitkomst) return stuurNietGevonden(request, reply, taal, g);
          return naAntwoord(reply, ctx, persoonlijkeTalen(g, token), u.enquete.definitie, uitkomst, ingevuld, false);
        }),
      );

      const open = openPad(taal, ':slug', ':id');
      const openTalen = (g: Gemeente, id: string) => beide((tl) => openPad(tl, g.slug, id));
      scope.get(
        open,
        get,
        metGemeente(taal, async (request, reply, g, ctx) => {
          const id = param(request, 'id');
          const e = geldigId(id) ? await enquetes.openEnquete(g.code, id) : undefined;
          if (!e) return stuurNietGevonden(request, reply, taal, g);
          if (bedankt(request)) return stuurHtml(reply, berichtPagina(ctx, openTalen(g, id), 'bedankt'));
          if (e.status !== 'lopend') return stuurHtml(reply, berichtPagina(ctx, openTalen(g, id), 'gesloten'));
          return stuurHtml(reply, enquetePagina(ctx, e.definitie, openTalen(g, id), {}, true));
        }),
      );
      scope.post(
        open,
        post,
        metGemeente(taal, async (request, reply, g, ctx) => {
          const id = param(request, 'id');
          const e = geldigId(id) ? await enquetes.openEnquete(g.code, id) : undefined;
          const ingevuld = velden(request.body);
          const uitkomst = e ? await enquetes.beantwoordOpen(g.code, id, ingevuld) : undefined;
          if (!e || !uitkomst) return stuurNietGevonden(request, reply, taal, g);
          return naAntwoord(reply, ctx, openTalen(g, id), e.definitie, uitkomst, ingevuld, true);
        }),
      );
    }
  });
}
