import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sharp from 'sharp';
import { geheimFormulierScope } from '../../http/invoer.ts';
import { multipartParser, type MultipartBody } from '../../http/multipart.ts';
import { TALEN, vertaler } from '../../i18n/i18n.ts';
import type { Adres } from '../adressen/adressen.geocoder.ts';
import { contextVan } from '../audit/audit.service.ts';
import type { Gemeente, GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { FOTO_MAX_BYTES } from '../meldingen/meldingen.fotos.ts';
import { inhoudHash } from '../portaal/thema.ts';
import { STYLESHEETS } from '../portaal/statisch.ts';
import { stuurMetCache } from '../portaal/statisch.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import type { CategorieRecord } from '../meldingen/meldingen.repository.ts';
import type { Momentopnamen } from './meldingformulier.momentopname.ts';
import { MAX_FOTOS, type Concept, type Fout, type MeldingformulierService } from './meldingformulier.service.ts';
import {
  adresWaarde,
  categoriePagina,
  contactPagina,
  controlePagina,
  dubbelPagina,
  fotosPagina,
  gevolgdPagina,
  meldingPad,
  ontvangenPagina,
  startPagina,
  offlinePad,
  offlinePagina,
  stapPad,
  verlopenPagina,
  vragenPagina,
  waarPagina,
  type MeldingPaginaContext,
  type Stap,
} from './meldingformulier.views.ts';

interface Deps {
  gemeenten: GemeentenRepository;
  formulier: MeldingformulierService;
  /** Posts per minute per IP address. */
  rateLimit: number;
  /** Map tiles (Leaflet URL template); empty: no map. */
  kaartTegels: string;
  /** Where the map starts for a gemeente (the middle of its boundary). */
  midden: (gemeente: string) => { lat: number; lon: number } | undefined;
  /** The check page's signed snapshots (ADR 0100). */
  momentopnamen: Momentopnamen;
}

const PUBLIEK = { toegang: 'publiek' } as const;
const require = createRequire(import.meta.url);
const leafletMap = join(dirname(require.resolve('leaflet/package.json')), 'dist');

/** The map's files: Leaflet itself and Loket's script that turns the map on (no inline script: CSP). */
const KAART_BESTANDEN: Record<string, { inhoud: Buffer; type: string; hash: string }> = Object.fromEntries(
  [
    ['/static/leaflet/leaflet.js', join(leafletMap, 'leaflet.js'), 'text/javascript; charset=utf-8'],
    ['/static/leaflet/leaflet.css', join(leafletMap, 'leaflet.css'), 'text/css; charset=utf-8'],
    ['/static/leaflet/images/marker-icon.png', join(leafletMap, 'images/marker-icon.png'), 'image/png'],
    ['/static/leaflet/images/marker-icon-2x.png', join(leafletMap, 'images/marker-icon-2x.png'), 'image/png'],
    ['/static/leaflet/images/marker-shadow.png', join(leafletMap, 'images/marker-shadow.png'), 'image/png'],
    ['/static/melding/kaart.js', new URL('./meldingformulier.kaart.js', import.meta.url), 'text/javascript; charset=utf-8'],
    ['/static/melding/sw-registreer.js', new URL('./meldingformulier.sw-registreer.js', import.meta.url), 'text/javascript; charset=utf-8'],
  ].map(([pad, bestand, type]) => {
    const inhoud = readFileSync(bestand as string | URL);
    return [pad as string, { inhoud, type: type as string, hash: inhoudHash(inhoud) }];
  }),
);
const metHash = (pad: string) => `${pad}?v=${KAART_BESTANDEN[pad]?.hash ?? ''}`;
/** The service worker's template (ADR 0075): the server fills in the shell of the gemeente. */
const SW_SJABLOON = readFileSync(new URL('./meldingformulier.sw.js', import.meta.url), 'utf8');

/** The app icon (a map pin), drawn once per size. */
const ICOON_SVG = (grootte: number) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${grootte}" height="${grootte}" viewBox="0 0 100 100"><rect width="100" height="100" fill="#243b53"/><path d="M50 14c-14 0-25 11-25 25 0 19 25 47 25 47s25-28 25-47c0-14-11-25-25-25z" fill="#fff"/><circle cx="50" cy="39" r="9" fill="#243b53"/></svg>`);
const iconen = new Map<number, Promise<Buffer>>();
const icoon = (grootte: 192 | 512) => {
  let png = iconen.get(grootte);
  if (!png) {
    png = sharp(ICOON_SVG(grootte)).png().toBuffer();
    iconen.set(grootte, png);
  }
  return png;
};

function stuurHtml(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

const tekst = (waarde: unknown, max = 5000): string => (typeof waarde === 'string' ? waarde.slice(0, max) : '');
function velden(body: unknown): Record<string, unknown> {
  if (body && typeof body === 'object' && 'velden' in body && 'bestanden' in body) return (body as MultipartBody).velden;
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/**
 * The resident's melding form (issue 12): `/{slug}/melding` (nl) and `/{slug}/en/report` (en),
 * server-rendered and working without JavaScript (with it, a map on the place step). A concept
 * lives under a secret in the address (ADR 0055); every step posts to its own address and
 * answers 303 to the next step, or the page again with the problems (400). The secret is the
 * protection against cross-site posts: another site cannot know it.
 */
export function meldingformulierRoutes(app: FastifyInstance, deps: Deps): void {
  const { gemeenten, formulier } = deps;

  for (const [pad, { inhoud, type, hash }] of Object.entries(KAART_BESTANDEN)) {
    app.get(pad, { config: { policy: PUBLIEK } }, async (request, reply) => stuurMetCache(request, reply, inhoud, type, hash));
  }
  for (const grootte of [192, 512] as const) {
    app.get(`/static/melding/icoon-${grootte}.png`, { config: { policy: PUBLIEK } }, async (request, reply) => {
      const png = await icoon(grootte);
      return stuurMetCache(request, reply, png, 'image/png', inhoudHash(png));
    });
  }
  // The web app manifest: "add to home screen" opens the melding form of this gemeente.
  app.get('/:slug/melding.webmanifest', { config: { policy: PUBLIEK } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const gemeente = await gemeenten.opSlug(slug);
    if (!gemeente) return stuurNietGevonden(request, reply, 'nl', gemeente);
    const { gemeente: portaal } = voorPortaal(gemeente, request);
    const manifest = {
      name: `${vertaler('nl', 'melding')('titel')} – ${gemeente.naam}`,
      short_name: `Melding ${gemeente.naam}`,
      lang: 'nl',
      start_url: meldingPad('nl', slug),
      scope: `/${slug}/`,
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: portaal.thema.kleurPrimair ?? '#243b53',
      icons: [192, 512].map((g) => ({ src: `/static/melding/icoon-${g}.png`, sizes: `${g}x${g}`, type: 'image/png', purpose: 'any' })),
    };
    return reply.type('application/manifest+json; charset=utf-8').header('Cache-Control', 'no-cache').send(JSON.stringify(manifest));
  });

  // The service worker of the melding pages (ADR 0075): caches the shell, shows the offline page.
  app.get('/:slug/melding-sw.js', { config: { policy: PUBLIEK } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const gemeente = await gemeenten.opSlug(slug);
    if (!gemeente) return stuurNietGevonden(request, reply, 'nl', gemeente);
    const { themaUrl } = voorPortaal(gemeente, request);
    const shell = [...STYLESHEETS, themaUrl, '/static/melding/icoon-192.png', '/static/melding/icoon-512.png'];
    const offline = { nl: offlinePad('nl', slug), en: offlinePad('en', slug) };
    const zonderVersie = SW_SJABLOON.replace('__SHELL__', JSON.stringify(shell)).replace('__OFFLINE__', JSON.stringify(offline));
    const inhoud = zonderVersie.replace('__VERSIE__', inhoudHash(Buffer.from(zonderVersie)));
    // Browsers check a worker for updates themselves; no-cache keeps that check honest.
    return reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'no-cache').send(inhoud);
  });
  for (const taal of TALEN) {
    app.get(`${taal === 'nl' ? '/:slug/melding' : `/:slug/${taal}/report`}/offline`, { config: { policy: PUBLIEK } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const gemeente = await gemeenten.opSlug(slug);
      if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
      const portaal = voorPortaal(gemeente, request);
      const ctx: MeldingPaginaContext = { taal, t: vertaler(taal, 'portaal'), tm: vertaler(taal, 'melding'), gemeente: portaal.gemeente, themaUrl: portaal.themaUrl, pagina: undefined, kaart: undefined };
      return stuurHtml(reply.header('Cache-Control', 'no-cache'), offlinePagina(ctx));
    });
  }

  void app.register(async (scope) => {
    // A secret in the address and personal data: never cached, never a referrer, never indexed.
    geheimFormulierScope(scope);
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_FOTOS * FOTO_MAX_BYTES + 256 * 1024 }, multipartParser(20));

    for (const taal of TALEN) {
      const tm = vertaler(taal, 'melding');
      const basis = taal === 'nl' ? '/:slug/melding' : `/:slug/${taal}/report`;
      const post = { config: { policy: PUBLIEK, rateLimit: { max: deps.rateLimit, timeWindow: '1 minute' } } };

      const context = (request: FastifyRequest, gemeente: Gemeente, kaart = false): MeldingPaginaContext => {
        const portaal = voorPortaal(gemeente, request);
        return {
          taal,
          t: vertaler(taal, 'portaal'),
          tm,
          gemeente: portaal.gemeente,
          themaUrl: portaal.themaUrl,
          pagina: undefined,
          swScript: metHash('/static/melding/sw-registreer.js'),
          kaart:
            kaart && deps.kaartTegels
              ? { tegels: deps.kaartTegels, stylesheets: [metHash('/static/leaflet/leaflet.css')], scripts: [metHash('/static/leaflet/leaflet.js'), metHash('/static/melding/kaart.js')], midden: deps.midden(gemeente.code) }
              : undefined,
        };
      };

      /** The gemeente and the concept of the address; a page of its own when either is missing. */
      async function metConcept(request: FastifyRequest, reply: FastifyReply): Promise<{ gemeente: Gemeente; concept: Concept } | undefined> {
        const { slug, sleutel } = request.params as { slug: string; sleutel: string };
        const gemeente = await gemeenten.opSlug(slug);
        if (!gemeente) {
          void stuurNietGevonden(request, reply, taal, gemeente);
          return undefined;
        }
        const concept = await formulier.concept(gemeente.code, sleutel);
        if (!concept) {
          void stuurHtml(reply, verlopenPagina(context(request, gemeente)), 404);
          return undefined;
        }
        return { gemeente, concept };
      }

      /** The concept as the check page showed it, from the snapshot the form sent (ADR 0100); else as stored. */
      async function getoondConcept(request: FastifyRequest, reply: FastifyReply): Promise<{ gemeente: Gemeente; concept: Concept } | undefined> {
        const { slug, sleutel } = request.params as { slug: string; sleutel: string };
        const veld = tekst(velden(request.body).concept, 500_000);
        const gemeente = veld === '' ? undefined : await gemeenten.opSlug(slug);
        const opname = gemeente && deps.momentopnamen.lees(gemeente.code, sleutel, veld);
        if (gemeente && opname) return { gemeente, concept: { sleutel, ...opname } };
        return metConcept(request, reply);
      }
      const controle = (request: FastifyRequest, gemeente: Gemeente, concept: Concept, categorie: CategorieRecord | undefined, fouten: Fout[]) =>
        controlePagina(context(request, gemeente), concept.sleutel, concept.gegevens, categorie, concept.aantalFotos, deps.momentopnamen.maak(gemeente.code, concept.sleutel, { gegevens: concept.gegevens, aantalFotos: concept.aantalFotos }), fouten);

      const naar = (reply: FastifyReply, gemeente: Gemeente, concept: Concept, stap: Stap | 'wat') => reply.code(303).header('Location', `${meldingPad(taal, gemeente.slug)}/${concept.sleutel}/${stap}`).send();

      /** The first step still to do before `stap` (the steps build on each other), or undefined. */
      async function ontbreekt(gemeente: Gemeente, concept: Concept, stap: Stap): Promise<Stap | undefined> {
        const volgorde: Stap[] = ['categorie', 'vragen', 'waar'];
        const categorie = await formulier.categorie(gemeente.code, concept);
        const klaar: Record<string, boolean> = {
          categorie: categorie !== undefined,
          vragen: categorie !== undefined && (categorie.vragen.length === 0 || concept.gegevens.antwoorden !== undefined),
          waar: concept.gegevens.locatie !== undefined,
        };
        const voor = volgorde.slice(0, Math.max(0, volgorde.indexOf(stap) === -1 ? volgorde.length : volgorde.indexOf(stap)));
        return voor.find((s) => !klaar[s]);
      }

      // Step 1: the description.
      scope.get(basis, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const gemeente = await gemeenten.opSlug((request.params as { slug: string }).slug);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        return stuurHtml(reply, startPagina(context(request, gemeente), '', []));
      });
      scope.post(basis, post, async (request, reply) => {
        const gemeente = await gemeenten.opSlug((request.params as { slug: string }).slug);
        if (!gemeente) return stuurNietGevonden(request, reply, taal, gemeente);
        const beschrijving = tekst(velden(request.body).beschrijving, 100_000);
        const uitkomst = await formulier.start(gemeente.code, beschrijving);
        if ('fouten' in uitkomst) return stuurHtml(reply, startPagina(context(request, gemeente), beschrijving, uitkomst.fouten), 400);
        return reply.code(303).header('Location', stapPad(taal, gemeente.slug, uitkomst.sleutel, 'categorie')).send();
      });
      scope.get(`${basis}/:sleutel/wat`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        return stuurHtml(reply, startPagina(context(request, c.gemeente), c.concept.gegevens.beschrijving, [], c.concept.sleutel));
      });
      scope.post(`${basis}/:sleutel/wat`, post, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const beschrijving = tekst(velden(request.body).beschrijving, 100_000);
        const fouten = await formulier.wijzigBeschrijving(c.gemeente.code, c.concept, beschrijving);
        if (fouten.length > 0) return stuurHtml(reply, startPagina(context(request, c.gemeente), beschrijving, fouten, c.concept.sleutel), 400);
        return naar(reply, c.gemeente, c.concept, 'categorie');
      });

      // Step 2: the category.
      const toonCategorie = async (request: FastifyRequest, reply: FastifyReply, gemeente: Gemeente, concept: Concept, gekozen: string | undefined, fouten: Fout[]) =>
        stuurHtml(
          reply,
          categoriePagina(context(request, gemeente), concept.sleutel, await formulier.categorieKeuze(gemeente.code), gekozen, await formulier.suggestie(gemeente.code, concept.gegevens.beschrijving, taal), fouten),
          fouten.length > 0 ? 400 : 200,
        );
      scope.get(`${basis}/:sleutel/categorie`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        return toonCategorie(request, reply, c.gemeente, c.concept, c.concept.gegevens.categorie, []);
      });
      scope.post(`${basis}/:sleutel/categorie`, post, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const code = tekst(velden(request.body).categorie, 100);
        const fouten = await formulier.kiesCategorie(c.gemeente.code, c.concept, code);
        if (fouten.length > 0) return toonCategorie(request, reply, c.gemeente, c.concept, undefined, fouten);
        const categorie = await formulier.categorie(c.gemeente.code, { ...c.concept, gegevens: { ...c.concept.gegevens, categorie: code } });
        return naar(reply, c.gemeente, c.concept, categorie && categorie.vragen.length > 0 ? 'vragen' : 'waar');
      });

      // Step 3: the category's questions.
      scope.get(`${basis}/:sleutel/vragen`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const categorie = await formulier.categorie(c.gemeente.code, c.concept);
        if (!categorie) return naar(reply, c.gemeente, c.concept, 'categorie');
        if (categorie.vragen.length === 0) return naar(reply, c.gemeente, c.concept, 'waar');
        return stuurHtml(reply, vragenPagina(context(request, c.gemeente), c.concept.sleutel, categorie, c.concept.gegevens.antwoorden ?? {}, []));
      });
      scope.post(`${basis}/:sleutel/vragen`, post, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const categorie = await formulier.categorie(c.gemeente.code, c.concept);
        if (!categorie) return naar(reply, c.gemeente, c.concept, 'categorie');
        const v = velden(request.body);
        const antwoorden = Object.fromEntries(categorie.vragen.map((q) => [q.code, tekst(v[`antwoord.${q.code}`], 10_000)]));
        const fouten = await formulier.beantwoord(c.gemeente.code, c.concept, categorie, antwoorden);
        if (fouten.length > 0) return stuurHtml(reply, vragenPagina(context(request, c.gemeente), c.concept.sleutel, categorie, antwoorden, fouten), 400);
        return naar(reply, c.gemeente, c.concept, 'waar');
      });

      // Step 4: where. GET with a search (postcode + huisnummer, or straat) shows the addresses found.
      const toonWaar = async (request: FastifyRequest, reply: FastifyReply, gemeente: Gemeente, concept: Concept, fouten: Fout[]) => {
        const q = request.query as Record<string, unknown>;
        const zoek = { postcode: tekst(q.postcode, 20), huisnummer: tekst(q.huisnummer, 20), straat: tekst(q.straat, 100), straatHuisnummer: tekst(q.straatHuisnummer, 20) };
        let resultaten: Adres[] | undefined;
        const alle = [...fouten];
        if (zoek.postcode !== '' || zoek.huisnummer !== '' || zoek.straat !== '') {
          try {
            const uitkomst = await formulier.zoekAdres(gemeente.code, zoek.straat !== '' ? { postcode: '', huisnummer: zoek.straatHuisnummer, straat: zoek.straat } : zoek);
            alle.push(...uitkomst.fouten.map((f) => (zoek.straat !== '' && f.veld === 'huisnummer' ? { ...f, veld: 'straat-huisnummer' } : f)));
            if (uitkomst.fouten.length === 0) resultaten = uitkomst.adressen;
          } catch (error) {
            request.log.warn({ err: error }, 'adressen zoeken mislukt');
            alle.push({ veld: 'locatie', code: 'geocoderWeg' });
          }
        }
        const ctx = context(request, gemeente, true);
        if (ctx.kaart) {
          // The map's tiles come from their own host: allow exactly that one for images.
          const csp = reply.getHeader('content-security-policy');
          const bron = new URL(deps.kaartTegels.replace(/\{[a-z]\}/g, 'a')).origin;
          if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("img-src 'self' data:", `img-src 'self' data: ${bron}`));
        }
        return stuurHtml(reply, waarPagina(ctx, concept.sleutel, zoek, resultaten, concept.gegevens.locatie, alle), alle.length > 0 ? 400 : 200);
      };
      scope.get(`${basis}/:sleutel/waar`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const eerst = await ontbreekt(c.gemeente, c.concept, 'waar');
        if (eerst) return naar(reply, c.gemeente, c.concept, eerst);
        return toonWaar(request, reply, c.gemeente, c.concept, []);
      });
      scope.post(`${basis}/:sleutel/waar`, post, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const v = velden(request.body);
        let fouten: Fout[];
        if (typeof v.lat === 'string' || typeof v.lon === 'string') {
          const lat = /^-?[0-9]{1,3}(\.[0-9]{1,10})?$/.test(tekst(v.lat, 30)) ? Number(v.lat) : Number.NaN;
          const lon = /^-?[0-9]{1,3}(\.[0-9]{1,10})?$/.test(tekst(v.lon, 30)) ? Number(v.lon) : Number.NaN;
          fouten = await formulier.kiesLocatie(c.gemeente.code, c.concept, { lat, lon, adres: tm('waar.punt', { lat: lat.toFixed(6), lon: lon.toFixed(6) }) });
        } else {
          const [postcode = '', huisnummer = '', toevoeging = ''] = tekst(v.adres, 60).split('|');
          const uitkomst = /^[0-9]{1,5}$/.test(huisnummer) ? await formulier.zoekAdres(c.gemeente.code, { postcode, huisnummer: `${huisnummer}${toevoeging}`, straat: '' }) : undefined;
          const adres = uitkomst?.adressen.find((a) => adresWaarde(a) === `${postcode}|${huisnummer}|${toevoeging}`);
          fouten = adres
            ? await formulier.kiesLocatie(c.gemeente.code, c.concept, { lat: adres.lat, lon: adres.lon, adres: `${adres.straat} ${adres.huisnummer}${adres.toevoeging ? ` ${adres.toevoeging}` : ''}, ${adres.woonplaats}` })
            : [{ veld: 'locatie', code: 'adresKiezen' }];
        }
        if (fouten.length > 0) return toonWaar(request, reply, c.gemeente, c.concept, fouten);
        return naar(reply, c.gemeente, c.concept, 'dubbel');
      });

      // Step 5: duplicates (skipped when there are none).
      scope.get(`${basis}/:sleutel/dubbel`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const eerst = await ontbreekt(c.gemeente, c.concept, 'dubbel');
        if (eerst) return naar(reply, c.gemeente, c.concept, eerst);
        const dubbelen = await formulier.dubbelen(c.gemeente.code, c.concept);
        if (dubbelen.length === 0) return naar(reply, c.gemeente, c.concept, 'fotos');
        return stuurHtml(reply, dubbelPagina(context(request, c.gemeente), c.concept.sleutel, dubbelen, c.concept.gegevens.contact?.email ?? '', []));
      });
      scope.post(`${basis}/:sleutel/dubbel`, post, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const v = velden(request.body);
        if (v.nieuw === 'ja') {
          await formulier.geenDubbel(c.gemeente.code, c.concept);
          return naar(reply, c.gemeente, c.concept, 'fotos');
        }
        const email = tekst(v.email, 300);
        const uitkomst = await formulier.volg(contextVan(request), c.gemeente.code, c.concept, tekst(v.zaak, 40), email, taal);
        if (uitkomst.identificatie) return stuurHtml(reply, gevolgdPagina(context(request, c.gemeente), uitkomst.identificatie));
        const dubbelen = await formulier.dubbelen(c.gemeente.code, c.concept);
        return stuurHtml(reply, dubbelPagina(context(request, c.gemeente), c.concept.sleutel, dubbelen, email, uitkomst.fouten), 400);
      });

      // Step 6: photos.
      const toonFotos = async (request: FastifyRequest, reply: FastifyReply, gemeente: Gemeente, concept: Concept, fouten: Fout[]) =>
        stuurHtml(reply, fotosPagina(context(request, gemeente), concept.sleutel, await formulier.fotos(gemeente.code, concept), MAX_FOTOS, fouten), fouten.length > 0 ? 400 : 200);
      scope.get(`${basis}/:sleutel/fotos`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const eerst = await ontbreekt(c.gemeente, c.concept, 'fotos');
        if (eerst) return naar(reply, c.gemeente, c.concept, eerst);
        return toonFotos(request, reply, c.gemeente, c.concept, []);
      });
      scope.post(`${basis}/:sleutel/fotos`, post, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const body = request.body as Partial<MultipartBody> | Record<string, unknown> | undefined;
        const v = velden(body);
        if (v.verder === 'ja') return naar(reply, c.gemeente, c.concept, 'contact');
        if (typeof v.verwijder === 'string' && /^[1-3]$/.test(v.verwijder)) {
          await formulier.verwijderFoto(c.gemeente.code, c.concept, Number(v.verwijder));
          return naar(reply, c.gemeente, c.concept, 'fotos');
        }
        const bestanden = body && 'bestanden' in body && Array.isArray(body.bestanden) ? body.bestanden.filter((b) => b.veld === 'fotos') : [];
        const fouten = bestanden.length === 0 ? [{ veld: 'fotos', code: 'fotoLeeg' }] : await formulier.voegFotosToe(c.gemeente.code, c.concept, bestanden);
        if (fouten.length > 0) return toonFotos(request, reply, c.gemeente, c.concept, fouten);
        return naar(reply, c.gemeente, c.concept, 'fotos');
      });
      scope.get(`${basis}/:sleutel/foto/:nummer`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const nummer = (request.params as { nummer: string }).nummer;
        const foto = /^[1-3]$/.test(nummer) ? await formulier.foto(c.gemeente.code, c.concept, Number(nummer)) : undefined;
        if (!foto) return stuurNietGevonden(request, reply, taal, c.gemeente);
        return reply.type(foto.mediatype).header('X-Content-Type-Options', 'nosniff').send(foto.inhoud);
      });

      // Step 7: contact.
      scope.get(`${basis}/:sleutel/contact`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const eerst = await ontbreekt(c.gemeente, c.concept, 'contact');
        if (eerst) return naar(reply, c.gemeente, c.concept, eerst);
        return stuurHtml(reply, contactPagina(context(request, c.gemeente), c.concept.sleutel, c.concept.gegevens.contact ?? { email: '', telefoon: '', toestemming: false }, []));
      });
      scope.post(`${basis}/:sleutel/contact`, post, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const v = velden(request.body);
        const contact = { email: tekst(v.email, 300), telefoon: tekst(v.telefoon, 40), toestemming: v.toestemming === 'ja' };
        const fouten = await formulier.zetContact(c.gemeente.code, c.concept, contact);
        if (fouten.length > 0) return stuurHtml(reply, contactPagina(context(request, c.gemeente), c.concept.sleutel, contact, fouten), 400);
        return naar(reply, c.gemeente, c.concept, 'controle');
      });

      // Step 8: check and send.
      scope.get(`${basis}/:sleutel/controle`, { config: { policy: PUBLIEK } }, async (request, reply) => {
        const c = await metConcept(request, reply);
        if (!c) return reply;
        const eerst = await ontbreekt(c.gemeente, c.concept, 'controle');
        if (eerst) return naar(reply, c.gemeente, c.concept, eerst);
        return stuurHtml(reply, controle(request, c.gemeente, c.concept, await formulier.categorie(c.gemeente.code, c.concept), []));
      });
      scope.post(`${basis}/:sleutel/controle`, post, async (request, reply) => {
        const c = await getoondConcept(request, reply);
        if (!c) return reply;
        const uitkomst = await formulier.verstuur(contextVan(request), c.gemeente.code, c.concept, taal);
        if ('weg' in uitkomst) return stuurHtml(reply, verlopenPagina(context(request, c.gemeente)), 404);
        if (!uitkomst.melding) return stuurHtml(reply, controle(request, c.gemeente, c.concept, await formulier.categorie(c.gemeente.code, c.concept), [{ veld: 'melding', code: 'melding' }]), 400);
        const gemaild = Boolean(c.concept.gegevens.contact?.email);
        return stuurHtml(reply, ontvangenPagina(context(request, c.gemeente), uitkomst.melding.identificatie, uitkomst.melding.volglink, gemaild));
      });
    }
  });
}
