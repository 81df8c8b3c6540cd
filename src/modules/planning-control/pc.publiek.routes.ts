import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STANDAARDTAAL, TALEN, vertaler, type Taal, type Vertaal } from '../../i18n/i18n.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { voorPortaal } from '../portaal/portaal.routes.ts';
import { stuurMetCache } from '../portaal/statisch.ts';
import { inhoudHash } from '../portaal/thema.ts';
import { PC_MEDIATYPE, pcInFormaat, type PcFormaat } from './pc.formaten.ts';
import { indexPagina, SOORT_SEGMENT, type PcPaginaContext } from './pc.publiek.views.ts';
import { PC_DOCUMENTSOORTEN } from './pc.schemas.ts';
import type { PcService } from './pc.service.ts';

const PUBLIEK = { policy: { toegang: 'publiek' } } as const;
const CSS = readFileSync(new URL('./pc.css', import.meta.url));
const CSS_HASH = inhoudHash(CSS);
const STYLESHEET = `/static/pc.css?v=${CSS_HASH}`;
const TEKSTEN = Object.fromEntries(TALEN.map((taal) => [taal, { t: vertaler(taal, 'portaal'), tp: vertaler(taal, 'planning-control') }])) as Record<Taal, { t: Vertaal; tp: Vertaal }>;

/** Made pages and files of vastgestelde versions, newest use last; at most this many (≈ 25 kB each for HTML). */
const CACHE_MAX = 500;
const cache = new Map<string, string | Buffer>();
function bewaar(sleutel: string, inhoud: string | Buffer): void {
  cache.delete(sleutel);
  cache.set(sleutel, inhoud);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
}

const stuur = (reply: FastifyReply, type: string, body: string | Buffer, bestand?: string): FastifyReply => {
  if (bestand) reply.header('Content-Disposition', `inline; filename="${bestand}"`);
  // Published chapters change only by a new published version: revalidate, no personal data.
  return reply.code(200).type(type).header('Cache-Control', 'no-cache').send(body);
};

/**
 * Public pages of the published P&C chapters (no login, no JavaScript): per gemeente an index
 * per document soort and a page per programme, in Dutch and under `/en/` in English, with the
 * same chapter as PDF, CSV and JSON (`….pdf`, `….csv`, `….json`). Published = the latest
 * vastgesteld version, else the latest aangeboden one; concepts are never public (ADR 0009).
 * Read from the read replica when there is one and it has the caller's own writes (ADR 0028).
 */
export function pcPubliekRoutes(app: FastifyInstance, deps: { pc: PcService; gemeenten: GemeentenRepository }): void {
  const { pc, gemeenten } = deps;

  app.get('/static/pc.css', { config: PUBLIEK }, async (request, reply) => stuurMetCache(request, reply, CSS, 'text/css; charset=utf-8', CSS_HASH));

  async function context(request: FastifyRequest, taal: Taal, slug: string): Promise<{ ctx: PcPaginaContext; code: string } | undefined> {
    const gevonden = await gemeenten.opSlug(slug);
    if (!gevonden) return undefined;
    const { gemeente, themaUrl } = voorPortaal(gevonden, request);
    return { code: gevonden.code, ctx: { taal, t: TEKSTEN[taal].t, tp: TEKSTEN[taal].tp, gemeente, themaUrl, pagina: undefined, stylesheet: STYLESHEET } };
  }

  for (const taal of TALEN) {
    const prefix = taal === STANDAARDTAAL ? '/:slug' : `/:slug/${taal}`;
    for (const soort of PC_DOCUMENTSOORTEN) {
      const segment = SOORT_SEGMENT[soort];
      app.get<{ Params: { slug: string } }>(`${prefix}/${segment}`, { config: PUBLIEK }, async (request, reply) => {
        const c = await context(request, taal, request.params.slug);
        if (!c) return reply.callNotFound();
        return stuur(reply, PC_MEDIATYPE.html, indexPagina(c.ctx, soort, await request.lees(() => pc.gepubliceerdeDocumenten(c.code, soort))));
      });

      app.get<{ Params: { slug: string; jaar: string; programma: string } }>(`${prefix}/${segment}/:jaar/:programma`, { config: PUBLIEK }, async (request, reply) => {
        const { slug, jaar, programma } = request.params;
        const treffer = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(pdf|csv|json))?$/.exec(programma);
        if (!/^[0-9]{4}$/.test(jaar) || !treffer) return reply.callNotFound();
        const c = await context(request, taal, slug);
        if (!c) return reply.callNotFound();
        const versie = await request.lees(() => pc.gepubliceerdeVersie(c.code, soort, Number(jaar)));
        if (!versie) return reply.callNotFound();
        const formaat = (treffer[2] ?? 'html') as PcFormaat;
        const bestand = `${slug}-${segment}-${jaar}-${treffer[1]}.${formaat}`;
        // A vastgesteld version never changes (ADR 0009): what was made for it can be kept. The key
        // holds everything else the output depends on (language, gemeente name and theme).
        const sleutel = versie.status === 'vastgesteld' ? [versie.id, treffer[1], formaat, taal, c.ctx.gemeente.naam, c.ctx.themaUrl].join('|') : undefined;
        const bewaard = sleutel ? cache.get(sleutel) : undefined;
        if (bewaard !== undefined) return stuur(reply, PC_MEDIATYPE[formaat], bewaard, formaat === 'html' ? undefined : bestand);
        const p = await request.lees(() => pc.programmaVan(c.code, versie, treffer[1] as string));
        if (!p) return reply.callNotFound();
        const inhoud = await pcInFormaat(formaat, p, c.ctx);
        if (sleutel) bewaar(sleutel, inhoud);
        return stuur(reply, PC_MEDIATYPE[formaat], inhoud, formaat === 'html' ? undefined : bestand);
      });
    }
  }
}
