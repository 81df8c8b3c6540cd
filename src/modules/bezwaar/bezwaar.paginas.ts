import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { geheimFormulierScope } from '../../http/invoer.ts';
import { TALEN, vertaler, type Taal } from '../../i18n/i18n.ts';
import type { Klok } from '../../klok.ts';
import { contextVan } from '../audit/audit.service.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { EMAIL, geldigeDag, TELEFOON, tekstVelden } from '../portaal/formulier.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import type { FormulierTokens } from '../zaakvolgen/zaakvolgen.formulier.ts';
import type { BezwaarProcedure } from './bezwaar.procedure.ts';
import { bezwaarAlOntvangenPagina, bezwaarFormulierPagina, bezwaarOntvangenPagina, bezwaarPad, type BezwaarFormulier, type BezwaarFouten } from './bezwaar.views.ts';

const PUBLIEK = { toegang: 'publiek' } as const;
/** The form token is bound to the gemeente and this word. */
const INDIENEN = 'bezwaar-indienen';
const LEEG: BezwaarFormulier = { besluit: '', kenmerk: '', bekendmaking: '', gronden: '', naam: '', email: '', telefoon: '' };

/**
 * A resident files a bezwaar without JavaScript (ADR 0063): `/{slug}/bezwaar` (nl) and
 * `/{slug}/en/objection` (en). GET shows the form with the bezwaartermijn; POST checks every field
 * at once (errors next to the field and in a summary, 400, nothing stored) or registers the bezwaar
 * through the bezwaar procedure as the system ("Website (bezwaarformulier)", channel `web`, received
 * today; a late one is registered too and flagged for the handler) and shows the receipt page with
 * the zaak number and the tracking link (also mailed; the receipt letter is kept with the zaak).
 * The same bezwaar sent again on the same day is not stored twice. No session or cookie: a signed form token.
 */
export function bezwaarPaginaRoutes(app: FastifyInstance, deps: { procedure: BezwaarProcedure; gemeenten: GemeentenRepository; tokens: FormulierTokens; klok: Klok; rateLimit: number }): void {
  const { procedure, gemeenten, tokens } = deps;
  void app.register(async (scope) => {
    // Personal data: never cached, never in a referrer, never indexed.
    geheimFormulierScope(scope);
    for (const taal of TALEN) {
      const tb = vertaler(taal, 'bezwaar');
      const pad = bezwaarPad(taal, ':slug');
      const context = (request: FastifyRequest, gemeente: Gemeente) => {
        const portaal = voorPortaal(gemeente, request);
        return { taal, t: vertaler(taal, 'portaal'), tb, gemeente: portaal.gemeente, themaUrl: portaal.themaUrl, pagina: undefined };
      };
      const toon = (request: FastifyRequest, reply: FastifyReply, gemeente: Gemeente, w: BezwaarFormulier, fouten: BezwaarFouten, status: number) =>
        reply
          .code(status)
          .type('text/html; charset=utf-8')
          .send(bezwaarFormulierPagina({ ...context(request, gemeente), formulier: tokens.maak(gemeente.code, INDIENEN) }, w, fouten));

      scope.get<{ Params: { slug: string } }>(pad, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const gemeente = await gemeenten.opSlug(request.params.slug);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        return toon(request, reply, gemeente, LEEG, {}, 200);
      });

      scope.post<{ Params: { slug: string } }>(pad, { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimit, timeWindow: '1 minute' } } }, async (request, reply) => {
        const gemeente = await gemeenten.opSlug(request.params.slug);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const w = tekstVelden(request.body, LEEG);
        const formulier = (request.body as Record<string, unknown> | undefined)?.formulier;
        const vandaag = kalenderdag(deps.klok.nu());
        const v = { besluit: w.besluit.trim(), kenmerk: w.kenmerk.trim(), bekendmaking: w.bekendmaking.trim(), gronden: w.gronden.trim(), naam: w.naam.trim(), email: w.email.trim(), telefoon: w.telefoon.trim() };
        const fouten: BezwaarFouten = {};
        if (typeof formulier !== 'string' || !tokens.klopt(gemeente.code, INDIENEN, formulier)) fouten.formulier = tb('formulier.fout.verlopen');
        if (v.besluit === '' || v.besluit.length > 400) fouten.besluit = tb('formulier.fout.besluit');
        if (v.kenmerk.length > 80) fouten.kenmerk = tb('formulier.fout.kenmerk');
        if (!geldigeDag(v.bekendmaking)) fouten.bekendmaking = tb('formulier.fout.bekendmaking');
        else if (v.bekendmaking > vandaag) fouten.bekendmaking = tb('formulier.fout.bekendmakingToekomst');
        if (v.gronden === '' || v.gronden.length > 5000) fouten.gronden = tb('formulier.fout.gronden');
        if (v.naam === '' || v.naam.length > 200) fouten.naam = tb('formulier.fout.naam');
        if (!EMAIL.test(v.email) || v.email.length > 254) fouten.email = tb('formulier.fout.email');
        if (v.telefoon !== '' && !TELEFOON.test(v.telefoon)) fouten.telefoon = tb('formulier.fout.telefoon');
        if (Object.keys(fouten).length > 0) return toon(request, reply, gemeente, w, fouten, 400);

        // The besluit as staff read it, with the letter's reference when the resident gave it.
        const besluit = v.kenmerk ? `${v.besluit} (kenmerk ${v.kenmerk})` : v.besluit;
        const eerder = await procedure.eerderVanWeb(gemeente.code, { besluit, bekendmaking: v.bekendmaking, ontvangen: vandaag, omschrijving: v.gronden });
        if (eerder) return reply.code(200).type('text/html; charset=utf-8').send(bezwaarAlOntvangenPagina(context(request, gemeente), eerder));
        const geregistreerd = await procedure.registreer({ soort: 'systeem', context: contextVan(request), naam: 'Website (bezwaarformulier)' }, gemeente.code, {
          besluit,
          bekendmaking: v.bekendmaking,
          ontvangen: vandaag,
          commissie: false,
          // The subject in Dutch for staff, whatever the resident's language.
          onderwerp: `Bezwaar tegen: ${v.besluit}`.slice(0, 200),
          omschrijving: v.gronden,
          kanaal: 'web',
          betrokkene: { naam: v.naam, email: v.email, ...(v.telefoon ? { telefoon: v.telefoon } : {}), taal: taal as Taal },
        });
        const body = bezwaarOntvangenPagina(context(request, gemeente), { identificatie: geregistreerd.zaak.identificatie, email: v.email, volglink: geregistreerd.volglink });
        return reply.code(200).type('text/html; charset=utf-8').send(body);
      });
    }
  });
}
