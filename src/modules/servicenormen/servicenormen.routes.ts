import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { STANDAARDTAAL, TALEN, vertaler } from '../../i18n/i18n.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { voorPortaal } from '../portaal/portaal.routes.ts';
import { stuurMetCache } from '../portaal/statisch.ts';
import { inhoudHash } from '../portaal/thema.ts';
import type { ServicenormenService } from './servicenormen.service.ts';
import { servicenormenCsv, servicenormenData } from './servicenormen.opendata.ts';
import { servicenormenPagina } from './servicenormen.views.ts';

const OPEN_DATA = { csv: 'text/csv; charset=utf-8; header=present', json: 'application/json; charset=utf-8' } as const;

const PUBLIEK = { policy: { toegang: 'publiek' } } as const;
const CSS = readFileSync(new URL('./servicenormen.css', import.meta.url));
const CSS_HASH = inhoudHash(CSS);
const STYLESHEET = `/static/servicenormen.css?v=${CSS_HASH}`;

/**
 * The public servicenormen page of a gemeente (no login, no JavaScript), in Dutch at
 * `/{slug}/servicenormen` and in English at `/{slug}/en/servicenormen`. Computed on every request
 * from the KPI register and the zaaktype catalogue, nothing kept on this node (issue 17); the
 * reads go to the read replica when there is one and it has the caller's own writes (ADR 0028).
 * The same data as open data at `/{slug}/servicenormen.csv` and `/{slug}/servicenormen.json`.
 */
export function servicenormenRoutes(app: FastifyInstance, deps: { servicenormen: ServicenormenService; gemeenten: GemeentenRepository }): void {
  const { servicenormen, gemeenten } = deps;

  app.get('/static/servicenormen.css', { config: PUBLIEK }, async (request, reply) => stuurMetCache(request, reply, CSS, 'text/css; charset=utf-8', CSS_HASH));

  for (const taal of TALEN) {
    const t = vertaler(taal, 'portaal');
    const ts = vertaler(taal, 'servicenormen');
    const pad = taal === STANDAARDTAAL ? '/:slug/servicenormen' : `/:slug/${taal}/servicenormen`;
    app.get<{ Params: { slug: string } }>(pad, { config: PUBLIEK }, async (request, reply) => {
      const gevonden = await gemeenten.opSlug(request.params.slug);
      if (!gevonden) return reply.callNotFound();
      const { gemeente, themaUrl } = voorPortaal(gevonden, request);
      const gegevens = await request.lees(() => servicenormen.pagina(gevonden.code));
      const body = servicenormenPagina({ taal, t, ts, gemeente, themaUrl, pagina: undefined, stylesheet: STYLESHEET }, gegevens);
      // Computed now from the work itself: always revalidate; no personal data.
      return reply.code(200).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(body);
    });
  }

  for (const formaat of ['csv', 'json'] as const) {
    app.get<{ Params: { slug: string } }>(`/:slug/servicenormen.${formaat}`, { config: PUBLIEK }, async (request, reply) => {
      const gevonden = await gemeenten.opSlug(request.params.slug);
      if (!gevonden) return reply.callNotFound();
      const gegevens = await request.lees(() => servicenormen.pagina(gevonden.code));
      const data = servicenormenData({ code: gevonden.code, naam: gevonden.naam, slug: gevonden.slug }, gegevens);
      const body = formaat === 'csv' ? servicenormenCsv(data) : `${JSON.stringify(data, null, 2)}\n`;
      return reply
        .code(200)
        .type(OPEN_DATA[formaat])
        .header('Content-Disposition', `inline; filename="${gevonden.slug}-servicenormen.${formaat}"`)
        .header('Cache-Control', 'no-cache')
        .send(body);
    });
  }
}
