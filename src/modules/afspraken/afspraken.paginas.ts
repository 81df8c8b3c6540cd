import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { geheimFormulierScope } from '../../http/invoer.ts';
import { ProblemError } from '../../http/problem.ts';
import { STANDAARDTAAL, TALEN, vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import { contextVan } from '../audit/audit.service.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import type { ProductenService, PubliekProduct } from '../producten/producten.service.ts';
import { kalenderdag, plusDagen } from '../termijnen/kalender.ts';
import type { FormulierTokens } from '../zaakvolgen/zaakvolgen.formulier.ts';
import { afspraakInvoer } from './afspraken.schemas.ts';
import { sha256 } from '../auth/auth.service.ts';
import type { AfsprakenService } from './afspraken.service.ts';
import {
  alGemaaktPagina,
  beheerPad,
  beheerPagina,
  controlePagina,
  gegevensPagina,
  keuzesPerDag,
  leesKeuze,
  productKeuzePagina,
  tijdPagina,
  type AfspraakPaginaContext,
  type Fouten,
  type Gegevens,
  type Keuze,
} from './afspraken.views.ts';

interface Deps {
  gemeenten: GemeentenRepository;
  afspraken: AfsprakenService;
  producten: ProductenService;
  tokens: FormulierTokens;
  klok: Klok;
  /** Posts per minute per IP address. */
  rateLimit: number;
  /** Open appointments one e-mail address may hold (the service's limit, for the message). */
  maxPerEmail: number;
}

const PUBLIEK = { toegang: 'publiek' } as const;
/** How far ahead the pages offer times: 4 weeks (the API allows more). */
const WEKEN_DAGEN = 28;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATUM = /^\d{4}-\d\d-\d\d$/;
const SEGMENT: Record<Taal, string> = { nl: 'afspraak', en: 'appointment' };
/** The form token of the booking pages is bound to the gemeente and this word; of a manage page to the appointment's token hash. */
const BOEKEN = 'afspraak-maken';

const route = (taal: Taal): string => (taal === STANDAARDTAAL ? `/:slug/${SEGMENT[taal]}` : `/:slug/${taal}/${SEGMENT[taal]}`);

function stuurHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

const tekst = (waarde: unknown): string => (typeof waarde === 'string' ? waarde.slice(0, 300) : '');
const velden = (body: unknown): Record<string, string> => {
  const uit: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) uit[k] = tekst(v);
  return uit;
};

/**
 * The resident's pages to book an appointment (issue 14): `/{slug}/afspraak` (nl) and
 * `/{slug}/en/appointment` (en) — product, time, details, check, booked — and the page behind
 * the secret link in the mails, `/{slug}/afspraak/{token}`, to cancel or move. Server-rendered,
 * without JavaScript and without a session: the choices travel in hidden form fields, a form
 * token (ADR 0014) guards every post. Booking, cancelling and moving go through the afspraken
 * service; a failed step stores nothing and shows the page again with the error at the field.
 */
export function afspraakPaginaRoutes(app: FastifyInstance, deps: Deps): void {
  const { gemeenten, afspraken, producten, tokens, klok } = deps;

  void app.register(async (scope) => {
    // Personal data and a secret link: never cached, never in a referrer, never indexed.
    geheimFormulierScope(scope);

    for (const taal of TALEN) {
      const ta = vertaler(taal, 'afspraken');
      const tp: typeof ta = (sleutel, waarden) => ta(`pagina.${sleutel}`, waarden);

      const context = (request: FastifyRequest, gemeente: Gemeente, formulierSleutel: string): AfspraakPaginaContext => {
        const portaal = voorPortaal(gemeente, request);
        return { taal, t: vertaler(taal, 'portaal'), ta: tp, gemeente: portaal.gemeente, themaUrl: portaal.themaUrl, pagina: undefined, formulier: tokens.maak(gemeente.code, formulierSleutel) };
      };

      /** A bookable, published product in this language, or undefined. */
      const product = async (request: FastifyRequest, gemeente: Gemeente, code: string): Promise<PubliekProduct | undefined> =>
        (await request.lees(() => producten.publiekeLijst(gemeente.code, taal))).find((p) => p.code === code && p.afspraak);

      /** The free choices of the coming weeks per Amsterdam day. */
      const vrij = async (request: FastifyRequest, gemeente: Gemeente, code: string) => {
        const van = kalenderdag(klok.nu());
        const tijdvakken = await request.lees(() => afspraken.beschikbaarheid(gemeente.code, { product: code, van, tot: plusDagen(van, WEKEN_DAGEN - 1) }));
        return keuzesPerDag(tijdvakken, kalenderdag);
      };

      /** The choice as still offered now (with the official's name), or undefined when taken or invalid. */
      const nogVrij = async (request: FastifyRequest, gemeente: Gemeente, code: string, keuze: Keuze) => {
        const perDag = await vrij(request, gemeente, code);
        const gevonden = (perDag.get(kalenderdag(keuze.start)) ?? []).find((k) => k.keuze.start === keuze.start && k.keuze.locatie === keuze.locatie && k.keuze.ambtenaar === keuze.ambtenaar);
        return { perDag, gevonden };
      };

      const dagVan = (waarde: unknown): string | undefined => (typeof waarde === 'string' && DATUM.test(waarde) ? waarde : undefined);

      scope.get(route(taal), { config: { policy: PUBLIEK } }, async (request, reply) => {
        const { slug } = request.params as { slug: string };
        const gemeente = await gemeenten.opSlug(slug);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const query = request.query as Record<string, unknown>;
        const ctx = context(request, gemeente, BOEKEN);
        if (typeof query.product !== 'string' || query.product === '') {
          const lijst = (await request.lees(() => producten.publiekeLijst(gemeente.code, taal))).filter((p) => p.afspraak);
          return stuurHtml(reply, productKeuzePagina(ctx, lijst));
        }
        const p = await product(request, gemeente, query.product);
        if (!p) return stuurNietGevonden(request, reply, taal, gemeente);
        return stuurHtml(reply, tijdPagina(ctx, p, await vrij(request, gemeente, p.code), dagVan(query.dag)));
      });

      scope.post(route(taal), { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimit, timeWindow: '1 minute' } } }, async (request, reply) => {
        const { slug } = request.params as { slug: string };
        const gemeente = await gemeenten.opSlug(slug);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const v = velden(request.body);
        const p = await product(request, gemeente, v.product ?? '');
        if (!p) return stuurNietGevonden(request, reply, taal, gemeente);
        const ctx = context(request, gemeente, BOEKEN);
        const gegevens: Gegevens = { naam: v.naam ?? '', email: v.email ?? '', telefoon: v.telefoon ?? '' };
        const terugNaarTijd = async (fout: string, status: number) => stuurHtml(reply, tijdPagina(ctx, p, await vrij(request, gemeente, p.code), undefined, fout), status);

        if (!tokens.klopt(gemeente.code, BOEKEN, v.formulier ?? '')) return terugNaarTijd(tp('fout.verlopen'), 400);
        const keuze = leesKeuze(v.keuze);
        if (!keuze) return terugNaarTijd(tp('fout.tijd'), 400);
        const { perDag, gevonden } = await nogVrij(request, gemeente, p.code, keuze);
        // Booking itself checks again (and knows a double submit); before that, a taken time goes back to the choice.
        if (!gevonden && v.stap !== 'boek') return stuurHtml(reply, tijdPagina(ctx, p, perDag, kalenderdag(keuze.start), tp('fout.bezet')), 409);
        const ambtenaar = gevonden?.naam;

        if (v.stap === 'tijd') return stuurHtml(reply, gegevensPagina(ctx, p, keuze, ambtenaar, gegevens));

        const invoer = afspraakInvoer.safeParse({
          product: p.code,
          start: keuze.start,
          naam: gegevens.naam,
          email: gegevens.email.trim(),
          telefoon: gegevens.telefoon.trim() || undefined,
          ambtenaar: keuze.ambtenaar,
          locatie: keuze.locatie,
          taal,
        });
        if (!invoer.success) {
          const fouten: Fouten = {};
          for (const issue of invoer.error.issues) {
            const veld = issue.path[0];
            if (veld === 'naam' || veld === 'email' || veld === 'telefoon') fouten[veld] = tp(`fout.${veld}`);
          }
          return stuurHtml(reply, gegevensPagina(ctx, p, keuze, ambtenaar, gegevens, fouten), 400);
        }
        if (v.stap !== 'boek') return stuurHtml(reply, controlePagina(ctx, p, keuze, ambtenaar, gegevens, randomUUID()));

        try {
          const verzending = UUID.test(v.verzending ?? '') ? v.verzending : undefined;
          const afspraak = await afspraken.boek(contextVan(request), gemeente.code, invoer.data, { id: verzending });
          const token = afspraak.beheerUrl?.split('/').at(-1) ?? '';
          return reply.redirect(`${beheerPad(taal, gemeente.slug, token)}?gemaakt=1`, 303);
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error;
          if (error.code === 'al-gemaakt') return stuurHtml(reply, alGemaaktPagina(ctx), 409);
          if (error.status === 409) return stuurHtml(reply, tijdPagina(ctx, p, await vrij(request, gemeente, p.code), kalenderdag(keuze.start), tp('fout.bezet')), 409);
          const veld = error.invalidParams?.[0];
          if (veld?.code === 'te-veel-afspraken') {
            return stuurHtml(reply, gegevensPagina(ctx, p, keuze, ambtenaar, gegevens, { email: tp('fout.teVeel', { max: deps.maxPerEmail }) }), 400);
          }
          if (error.status === 400) return terugNaarTijd(tp('fout.ongeldigeTijd'), 400);
          throw error;
        }
      });

      const beheerRoute = `${route(taal)}/:token`;

      /** The appointment behind a token, or undefined (unknown, expired or malformed: the 404 page). */
      const afspraakVan = async (gemeente: Gemeente, token: string) => {
        if (!TOKEN.test(token)) return undefined;
        try {
          return await afspraken.haal(gemeente.code, token);
        } catch (error) {
          if (error instanceof ProblemError && error.status === 404) return undefined;
          throw error;
        }
      };

      const toonBeheer = async (request: FastifyRequest, reply: FastifyReply, gemeente: Gemeente, token: string, opties: { melding?: 'gemaakt' | 'afgezegd' | 'verzet'; dag?: string | undefined; fout?: string }, status = 200) => {
        const afspraak = await afspraakVan(gemeente, token);
        if (!afspraak) return stuurNietGevonden(request, reply, taal, gemeente);
        const wijzigbaar = afspraak.status === 'gepland' && Date.parse(afspraak.start) > klok.nu().getTime();
        // A product no longer bookable (withdrawn since): the appointment can still be cancelled, not moved.
        const perDag = wijzigbaar
          ? await vrij(request, gemeente, afspraak.product).catch((error: unknown) => {
              if (error instanceof ProblemError && error.status === 400) return undefined;
              throw error;
            })
          : undefined;
        const ctx = context(request, gemeente, sha256(token));
        return stuurHtml(reply, beheerPagina(ctx, token, afspraak, { wijzigbaar, perDag, ...opties }), status);
      };

      scope.get(beheerRoute, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const { slug, token } = request.params as { slug: string; token: string };
        const gemeente = await gemeenten.opSlug(slug);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const query = request.query as Record<string, unknown>;
        const melding = query.gemaakt === '1' ? 'gemaakt' : query.afgezegd === '1' ? 'afgezegd' : query.verzet === '1' ? 'verzet' : undefined;
        return toonBeheer(request, reply, gemeente, token, { melding, dag: dagVan(query.dag) });
      });

      scope.post(beheerRoute, { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimit, timeWindow: '1 minute' } } }, async (request, reply) => {
        const { slug, token } = request.params as { slug: string; token: string };
        const gemeente = await gemeenten.opSlug(slug);
        if (!gemeente || !(await afspraakVan(gemeente, token))) return stuurNietGevonden(request, reply, taal, gemeente);
        const v = velden(request.body);
        const fout = (tekst: string, status: number, dag?: string) => toonBeheer(request, reply, gemeente, token, { fout: tekst, dag }, status);
        if (!tokens.klopt(gemeente.code, sha256(token), v.formulier ?? '')) return fout(tp('fout.verlopen'), 400);
        const pad = beheerPad(taal, gemeente.slug, token);
        try {
          if (v.actie === 'afzeggen') {
            await afspraken.annuleer(contextVan(request), gemeente.code, token);
            return reply.redirect(`${pad}?afgezegd=1`, 303);
          }
          const keuze = leesKeuze(v.keuze);
          if (v.actie !== 'verzetten' || !keuze) return fout(tp('fout.tijd'), 400);
          await afspraken.verzet(contextVan(request), gemeente.code, token, { start: keuze.start, ambtenaar: keuze.ambtenaar, locatie: keuze.locatie });
          return reply.redirect(`${pad}?verzet=1`, 303);
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error;
          const dag = leesKeuze(v.keuze) ? kalenderdag(leesKeuze(v.keuze)?.start ?? '') : undefined;
          if (error.code === 'afspraak-voorbij') return fout(tp('fout.nietMeer'), 409);
          if (error.status === 409) return fout(tp('fout.bezet'), 409, dag);
          if (error.status === 400) return fout(tp('fout.ongeldigeTijd'), 400, dag);
          throw error;
        }
      });
    }
  });
}
