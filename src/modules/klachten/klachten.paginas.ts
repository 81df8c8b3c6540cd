import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { naarCsvTekst } from '../../csv.ts';
import { geheimFormulierScope } from '../../http/invoer.ts';
import { STANDAARDTAAL, TALEN, vertaler, type Taal } from '../../i18n/i18n.ts';
import { contextVan } from '../audit/audit.service.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { dagTotVandaag, EMAIL, TELEFOON, tekstVelden } from '../portaal/formulier.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import type { Klok } from '../../klok.ts';
import type { FormulierTokens } from '../zaakvolgen/zaakvolgen.formulier.ts';
import { CATEGORIEEN, registerCsvRijen } from './klachten.register.ts';
import type { KlachtenService } from './klachten.service.ts';
import { formulierPad, formulierPagina, ontvangenPagina, registerPagina, type FormulierFouten, type KlachtFormulier } from './klachten.views.ts';

const PUBLIEK = { policy: { toegang: 'publiek' } } as const;
const OPEN_DATA = { csv: 'text/csv; charset=utf-8; header=present', json: 'application/json; charset=utf-8' } as const;
/** `2026`, `2026.csv`, `2026.json`. */
const JAAR = /^(\d{4})(?:\.(csv|json))?$/;

/**
 * The public klachtenregister (Awb 9:12a, ADR 0060): `/{slug}/klachten/{jaar}` (nl),
 * `/{slug}/en/klachten/{jaar}` (en), and the same figures as open data at
 * `/{slug}/klachten/{jaar}.csv` and `.json`. Computed on each request; small counts per team hidden.
 */
export function klachtenPaginaRoutes(app: FastifyInstance, deps: { klachten: KlachtenService; gemeenten: GemeentenRepository; tokens: FormulierTokens; klok: Klok; rateLimit: number }): void {
  const { klachten, gemeenten } = deps;
  klachtFormulierRoutes(app, deps);
  for (const taal of TALEN) {
    const pad = taal === STANDAARDTAAL ? '/:slug/klachten/:jaar' : `/:slug/${taal}/klachten/:jaar`;
    app.get<{ Params: { slug: string; jaar: string } }>(pad, { config: PUBLIEK }, async (request, reply) => {
      const gevonden = await gemeenten.opSlug(request.params.slug);
      const match = JAAR.exec(request.params.jaar);
      const jaar = Number(match?.[1]);
      if (!gevonden || !match || jaar < 2000 || jaar > 2100 || (match[2] && taal !== STANDAARDTAAL)) return stuurNietGevonden(request, reply, taal, gevonden);
      const register = await request.lees(() => klachten.register(gevonden.code, jaar, { openbaar: true }));
      const formaat = match[2] as 'csv' | 'json' | undefined;
      if (formaat) {
        const body = formaat === 'csv' ? naarCsvTekst(registerCsvRijen(register)) : `${JSON.stringify({ gemeente: { code: gevonden.code, naam: gevonden.naam, slug: gevonden.slug }, ...register }, null, 2)}\n`;
        return reply
          .code(200)
          .type(OPEN_DATA[formaat])
          .header('Content-Disposition', `inline; filename="${gevonden.slug}-klachten-${jaar}.${formaat}"`)
          .header('Cache-Control', 'no-cache')
          .send(body);
      }
      const { gemeente, themaUrl } = voorPortaal(gevonden, request);
      const body = registerPagina({ taal, t: vertaler(taal, 'portaal'), tk: vertaler(taal, 'klachten'), gemeente, themaUrl, pagina: undefined }, register);
      return reply.code(200).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(body);
    });
  }
}

/** The form token is bound to the gemeente and this word. */
const INDIENEN = 'klacht-indienen';
const LEEG: KlachtFormulier = { naam: '', email: '', telefoon: '', categorie: '', team: '', omschrijving: '', datum: '' };
/**
 * A resident files a klacht without JavaScript (ADR 0060): `/{slug}/klacht` (nl) and
 * `/{slug}/en/complaint` (en). GET shows the form; POST checks every field at once (errors next
 * to the field and in a summary, 400, nothing stored) or registers the klacht through the klachten
 * service as the system ("Website (klachtformulier)") and shows the receipt page with the zaak
 * number and the tracking link (also mailed). No session or cookie: a signed form token.
 */
function klachtFormulierRoutes(app: FastifyInstance, deps: { klachten: KlachtenService; gemeenten: GemeentenRepository; tokens: FormulierTokens; klok: Klok; rateLimit: number }): void {
  const { klachten, gemeenten, tokens } = deps;
  void app.register(async (scope) => {
    // Personal data: never cached, never in a referrer, never indexed.
    geheimFormulierScope(scope);
    for (const taal of TALEN) {
      const tk = vertaler(taal, 'klachten');
      const pad = formulierPad(taal, ':slug');
      const context = (request: FastifyRequest, gemeente: Gemeente) => {
        const portaal = voorPortaal(gemeente, request);
        return { taal, t: vertaler(taal, 'portaal'), tk, gemeente: portaal.gemeente, themaUrl: portaal.themaUrl, pagina: undefined };
      };
      const toon = async (request: FastifyRequest, reply: FastifyReply, gemeente: Gemeente, w: KlachtFormulier, fouten: FormulierFouten, status: number) => {
        const f = await klachten.formulier(gemeente.code);
        const body = formulierPagina({ ...context(request, gemeente), formulier: tokens.maak(gemeente.code, INDIENEN), werkdagen: f.werkdagen }, f.teams, w, fouten);
        return reply.code(status).type('text/html; charset=utf-8').send(body);
      };

      scope.get<{ Params: { slug: string } }>(pad, { config: { policy: PUBLIEK.policy } }, async (request, reply) => {
        const gemeente = await gemeenten.opSlug(request.params.slug);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        return toon(request, reply, gemeente, LEEG, {}, 200);
      });

      scope.post<{ Params: { slug: string } }>(pad, { config: { policy: PUBLIEK.policy, rateLimit: { max: deps.rateLimit, timeWindow: '1 minute' } } }, async (request, reply) => {
        const gemeente = await gemeenten.opSlug(request.params.slug);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const w = tekstVelden(request.body, LEEG);
        const formulier = (request.body as Record<string, unknown> | undefined)?.formulier;
        const f = await klachten.formulier(gemeente.code);
        const vandaag = kalenderdag(deps.klok.nu());
        const fouten: FormulierFouten = {};
        if (typeof formulier !== 'string' || !tokens.klopt(gemeente.code, INDIENEN, formulier)) fouten.formulier = tk('formulier.fout.verlopen');
        if (w.naam.trim() === '' || w.naam.length > 200) fouten.naam = tk('formulier.fout.naam');
        if (!EMAIL.test(w.email.trim()) || w.email.length > 254) fouten.email = tk('formulier.fout.email');
        if (w.telefoon.trim() !== '' && !TELEFOON.test(w.telefoon.trim())) fouten.telefoon = tk('formulier.fout.telefoon');
        if (!(CATEGORIEEN as readonly string[]).includes(w.categorie)) fouten.categorie = tk('formulier.fout.categorie');
        const team = w.team === 'onbekend' ? f.standaardTeam : f.teams.find((t) => t.id === w.team)?.id;
        if (!team) fouten.team = tk('formulier.fout.team');
        if (w.omschrijving.trim() === '' || w.omschrijving.length > 5000) fouten.omschrijving = tk('formulier.fout.omschrijving');
        const datum = w.datum.trim();
        if (datum !== '' && !dagTotVandaag(datum, vandaag)) fouten.datum = tk('formulier.fout.datum');
        if (Object.keys(fouten).length > 0 || !team) return toon(request, reply, gemeente, w, fouten, 400);

        const k = await klachten.registreer({ soort: 'systeem', context: contextVan(request), naam: 'Website (klachtformulier)' }, gemeente.code, {
          // The subject in Dutch for staff, whatever the resident's language.
          onderwerp: vertaler('nl', 'klachten')(`categorie.${w.categorie}`),
          omschrijving: w.omschrijving.trim(),
          kanaal: 'web',
          ontvangstdatum: vandaag,
          categorie: w.categorie as (typeof CATEGORIEEN)[number],
          team,
          ...(datum ? { gedragingDatum: datum } : {}),
          klager: { naam: w.naam.trim(), email: w.email.trim(), ...(w.telefoon.trim() ? { telefoon: w.telefoon.trim() } : {}), taal: taal as Taal },
        });
        const body = ontvangenPagina({ ...context(request, gemeente), werkdagen: f.werkdagen }, { identificatie: k.identificatie, email: w.email.trim(), volglink: k.volglink });
        return reply.code(200).type('text/html; charset=utf-8').send(body);
      });
    }
  });
}
