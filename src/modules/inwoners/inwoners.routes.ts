import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { geheimFormulierScope } from '../../http/invoer.ts';
import { TALEN, vertaler, type Taal } from '../../i18n/i18n.ts';
import { contextVan } from '../audit/audit.service.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { EMAIL, tekstVelden } from '../portaal/formulier.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import type { FormulierTokens } from '../zaakvolgen/zaakvolgen.formulier.ts';
import { geweigerdeTekst, reactieBijlagen, verwerkReactie } from '../zaakvolgen/zaakvolgen.reactie.ts';
import type { VolgZaak, ZaakvolgenService } from '../zaakvolgen/zaakvolgen.service.ts';
import type { Formulier } from '../zaakvolgen/zaakvolgen.views.ts';
import type { ZakenService } from '../zaken/zaken.service.ts';
import { inloggenPad, mijnZakenPad, terugPad, uitloggenPad } from './inwoners.paden.ts';
import { InlogFout, SESSIE_MS, INLOG_MS, type Inwoner, type InwonersService } from './inwoners.service.ts';
import {
  inlogFoutPagina,
  inloggenPagina,
  linkPagina,
  linkVerlopenPagina,
  linkVerstuurdPagina,
  mijnZaakPagina,
  mijnZakenPagina,
  uitgelogdPagina,
  type Ctx,
} from './inwoners.views.ts';

/** The resident's session cookie: its own name, never the staff cookie (`__Host-loket-sessie`). */
export const INWONER_COOKIE = '__Host-loket-inwoner';
/** The state of a login under way, bound to this browser (against login CSRF). */
export const INLOG_COOKIE = '__Host-loket-inlog';

interface Deps {
  gemeenten: GemeentenRepository;
  inwoners: InwonersService;
  zaken: Pick<ZakenService, 'zakenVanInwoner'>;
  zaakvolgen: Pick<ZaakvolgenService, 'mijnZaak' | 'reageerIngelogd'>;
  /** The reply form's tokens, the tracking page's (zaakvolgen.formulier.ts). */
  tokens: FormulierTokens;
  /** Replies per minute per IP address, as on the tracking page. */
  rateLimitReacties: number;
  /** Whether the broker is the demo provider (the login page says the residents are fictional). */
  demo: boolean;
  /** Requests per minute per IP address on the login and link routes. */
  rateLimit: number;
}

const PUBLIEK = { toegang: 'publiek' } as const;
const COOKIE = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

function stuurHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

function context(request: FastifyRequest, taal: Taal, gemeente: Gemeente): Ctx {
  const portaal = voorPortaal(gemeente, request);
  return { taal, t: vertaler(taal, 'portaal'), gemeente: portaal.gemeente, themaUrl: portaal.themaUrl, pagina: undefined };
}

const zetSessie = (reply: FastifyReply, token: string) => reply.setCookie(INWONER_COOKIE, token, { ...COOKIE, maxAge: SESSIE_MS / 1000 });

/** The reply form of a zaak of "Mijn zaken": its token is bound to the gemeente and the zaak number. */
const reactieToken = (identificatie: string) => `mijn-zaken/${identificatie}`;

const STATUS_INLOGFOUT: Record<InlogFout['reden'], number> = { 'geen-login': 404, state: 400, verlopen: 400, geweigerd: 400, token: 400, 'geen-bsn': 400, broker: 503 };

/**
 * Resident login and "Mijn zaken" (ADR 0077): `/{slug}/mijn-zaken` (en: `/{slug}/en/my-cases`)
 * with the resident's zaken, or the ways to log in; `/{slug}/inloggen` to the broker and back at
 * `/{slug}/inloggen/terug`; one-time links by e-mail; logout. Every answer: no-store, no referrer.
 */
export function inwonersRoutes(app: FastifyInstance, deps: Deps): void {
  const { gemeenten, inwoners } = deps;
  const limiet = { rateLimit: { max: deps.rateLimit, timeWindow: '1 minute' } };

  const gemeenteVan = async (request: FastifyRequest) => gemeenten.opSlug((request.params as { slug: string }).slug);
  const inwonerVan = (request: FastifyRequest, gemeente: Gemeente): Promise<Inwoner | undefined> => inwoners.inwoner(gemeente.code, request.cookies[INWONER_COOKIE]);
  const inloggenScherm = (request: FastifyRequest, reply: FastifyReply, taal: Taal, gemeente: Gemeente, status = 200, extra: { email?: string; fout?: 'email' } = {}) =>
    stuurHtml(reply, inloggenPagina(context(request, taal, gemeente), { digid: inwoners.kanInloggen(gemeente.code), demo: deps.demo, ...extra }), status);

  /** The zaak of a logged-in resident behind the address, or null (not theirs, or not a zaak number). */
  const mijnZaak = (request: FastifyRequest, gemeente: Gemeente, inwoner: Inwoner): Promise<VolgZaak | null> => {
    const identificatie = (request.params as { identificatie: string }).identificatie;
    return /^[A-Z]-\d{4}-\d{6}$/.test(identificatie) ? deps.zaakvolgen.mijnZaak(gemeente.code, identificatie, inwoner) : Promise.resolve(null);
  };
  const zaakScherm = (request: FastifyRequest, reply: FastifyReply, taal: Taal, gemeente: Gemeente, zaak: VolgZaak, reactie: Omit<Formulier, 'token'>, status = 200) =>
    stuurHtml(
      reply,
      mijnZaakPagina(context(request, taal, gemeente), zaak, inwoners.formulierToken(request.cookies[INWONER_COOKIE] ?? ''), {
        token: deps.tokens.maak(gemeente.code, reactieToken(zaak.identificatie)),
        ...reactie,
      }),
      status,
    );

  void app.register(async (scope) => {
    geheimFormulierScope(scope);
    // The reply form of a zaak posts its files as the tracking page's does (ADR 0078).
    reactieBijlagen(scope);

    for (const taal of TALEN) {
      scope.get(mijnZakenPad(taal, ':slug'), { config: { policy: PUBLIEK } }, async (request, reply) => {
        const gemeente = await gemeenteVan(request);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const inwoner = await inwonerVan(request, gemeente);
        if (!inwoner) return inloggenScherm(request, reply, taal, gemeente);
        const zaken = await request.lees(() => deps.zaken.zakenVanInwoner(gemeente.code, inwoner));
        return stuurHtml(reply, mijnZakenPagina(context(request, taal, gemeente), inwoner, zaken, inwoners.formulierToken(request.cookies[INWONER_COOKIE] ?? '')));
      });

      scope.get(mijnZakenPad(taal, ':slug', ':identificatie'), { config: { policy: PUBLIEK } }, async (request, reply) => {
        const gemeente = await gemeenteVan(request);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const inwoner = await inwonerVan(request, gemeente);
        if (!inwoner) return reply.redirect(mijnZakenPad(taal, gemeente.slug), 303);
        const zaak = await request.lees(() => mijnZaak(request, gemeente, inwoner));
        if (!zaak) return stuurNietGevonden(request, reply, taal, gemeente);
        return zaakScherm(request, reply, taal, gemeente, zaak, { verstuurd: (request.query as Record<string, unknown>).verstuurd === '1' });
      });

      // Refused text in the reply (ADR 0020): the page again with the message at the field, as on the tracking page.
      const ongeldigeTekens = async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
        const tekst = geweigerdeTekst(error, request);
        const gemeente = await gemeenteVan(request);
        const inwoner = gemeente ? await inwonerVan(request, gemeente) : undefined;
        const zaak = gemeente && inwoner ? await mijnZaak(request, gemeente, inwoner) : null;
        if (!gemeente || !zaak) throw error;
        return zaakScherm(request, reply, taal, gemeente, zaak, { fout: 'tekens', tekst }, 400);
      };

      // The reply form of the tracking page, on a zaak of "Mijn zaken": the same checks, 303 back when sent.
      scope.post(
        mijnZakenPad(taal, ':slug', ':identificatie'),
        { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimitReacties, timeWindow: '1 minute' } }, errorHandler: ongeldigeTekens },
        async (request, reply) => {
          const gemeente = await gemeenteVan(request);
          if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
          const inwoner = await inwonerVan(request, gemeente);
          if (!inwoner) return reply.redirect(mijnZakenPad(taal, gemeente.slug), 303);
          const zaak = await mijnZaak(request, gemeente, inwoner);
          if (!zaak) return stuurNietGevonden(request, reply, taal, gemeente);
          const afloop = await verwerkReactie(request, {
            zaak,
            tokenKlopt: (formulier) => deps.tokens.klopt(gemeente.code, reactieToken(zaak.identificatie), formulier),
            reageer: (tekst, bestanden) => deps.zaakvolgen.reageerIngelogd(gemeente.code, inwoner, zaak.zaakId, tekst, contextVan(request), bestanden),
            opnieuw: () => mijnZaak(request, gemeente, inwoner),
          });
          if (afloop.uitkomst === 'onbekend') return stuurNietGevonden(request, reply, taal, gemeente);
          if (afloop.uitkomst === 'fout') return zaakScherm(request, reply, taal, gemeente, afloop.zaak, afloop.formulier, afloop.status);
          return reply.redirect(`${mijnZakenPad(taal, gemeente.slug, zaak.identificatie)}?verstuurd=1`, 303);
        },
      );

      // "Stuur mij een link": the same page for every valid address (no account enumeration).
      scope.post(mijnZakenPad(taal, ':slug', 'link'), { config: { policy: PUBLIEK, ...limiet } }, async (request, reply) => {
        const gemeente = await gemeenteVan(request);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const { email } = tekstVelden(request.body, { email: '' });
        const adres = email.trim();
        if (adres.length > 254 || !EMAIL.test(adres)) return inloggenScherm(request, reply, taal, gemeente, 400, { email: adres, fout: 'email' });
        await inwoners.vraagLink(gemeente, adres, taal);
        return stuurHtml(reply, linkVerstuurdPagina(context(request, taal, gemeente), adres));
      });

      scope.get(mijnZakenPad(taal, ':slug', 'link', ':token'), { config: { policy: PUBLIEK, ...limiet } }, async (request, reply) => {
        const gemeente = await gemeenteVan(request);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const { token } = request.params as { token: string };
        const staat = await inwoners.linkStaat(gemeente.code, token);
        if (staat !== 'geldig') return stuurHtml(reply, linkVerlopenPagina(context(request, taal, gemeente), staat), staat === 'onbekend' ? 404 : 410);
        return stuurHtml(reply, linkPagina(context(request, taal, gemeente), token));
      });

      scope.post(mijnZakenPad(taal, ':slug', 'link', ':token'), { config: { policy: PUBLIEK, ...limiet } }, async (request, reply) => {
        const gemeente = await gemeenteVan(request);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const { token } = request.params as { token: string };
        const sessie = await inwoners.gebruikLink(contextVan(request), gemeente.code, token);
        if (!sessie) {
          const staat = await inwoners.linkStaat(gemeente.code, token);
          const reden = staat === 'geldig' ? 'gebruikt' : staat;
          return stuurHtml(reply, linkVerlopenPagina(context(request, taal, gemeente), reden), reden === 'onbekend' ? 404 : 410);
        }
        zetSessie(reply, sessie.token);
        return reply.redirect(mijnZakenPad(taal, gemeente.slug), 303);
      });

      // To the broker: state, nonce and PKCE; the state also in a cookie of this browser.
      scope.get(inloggenPad(taal, ':slug'), { config: { policy: PUBLIEK, ...limiet } }, async (request, reply) => {
        const gemeente = await gemeenteVan(request);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        try {
          const { url, state } = await inwoners.startInlog(gemeente, taal);
          reply.setCookie(INLOG_COOKIE, state, { ...COOKIE, maxAge: INLOG_MS / 1000 });
          return reply.redirect(url, 303);
        } catch (error) {
          if (!(error instanceof InlogFout)) throw error;
          return stuurHtml(reply, inlogFoutPagina(context(request, taal, gemeente), error.reden), STATUS_INLOGFOUT[error.reden]);
        }
      });

      scope.post(uitloggenPad(taal, ':slug'), { config: { policy: PUBLIEK } }, async (request, reply) => {
        const gemeente = await gemeenteVan(request);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const token = request.cookies[INWONER_COOKIE];
        const { formulier } = tekstVelden(request.body, { formulier: '' });
        // Only from Loket's own page (the form carries a token of this session).
        if (token && formulier === inwoners.formulierToken(token)) await inwoners.logUit(gemeente.code, token);
        else if (token && (await inwonerVan(request, gemeente))) return reply.redirect(mijnZakenPad(taal, gemeente.slug), 303);
        reply.clearCookie(INWONER_COOKIE, COOKIE);
        return stuurHtml(reply, uitgelogdPagina(context(request, taal, gemeente)));
      });
    }

    // The broker comes back here, for both languages (the language was kept with the login).
    scope.get(terugPad(':slug'), { config: { policy: PUBLIEK, ...limiet } }, async (request, reply) => {
      const gemeente = await gemeenteVan(request);
      if (!gemeente) return stuurNietGevonden(request, reply, 'nl', gemeente);
      const query = new URLSearchParams((request.url.split('?')[1] ?? ''));
      reply.clearCookie(INLOG_COOKIE, COOKIE);
      try {
        const { token, taal } = await inwoners.rondInlogAf(contextVan(request), gemeente, query, request.cookies[INLOG_COOKIE]);
        zetSessie(reply, token);
        return reply.redirect(mijnZakenPad(taal, gemeente.slug), 303);
      } catch (error) {
        if (!(error instanceof InlogFout)) throw error;
        return stuurHtml(reply, inlogFoutPagina(context(request, 'nl', gemeente), error.reden), STATUS_INLOGFOUT[error.reden]);
      }
    });
  });
}
