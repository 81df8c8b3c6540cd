import type { FastifyInstance } from 'fastify';
import { naarCsvTekst } from '../../csv.ts';
import { STANDAARDTAAL, TALEN, vertaler } from '../../i18n/i18n.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { stuurNietGevonden, voorPortaal } from '../portaal/portaal.routes.ts';
import { registerCsvRijen } from './klachten.register.ts';
import type { KlachtenService } from './klachten.service.ts';
import { registerPagina } from './klachten.views.ts';

const PUBLIEK = { policy: { toegang: 'publiek' } } as const;
const OPEN_DATA = { csv: 'text/csv; charset=utf-8; header=present', json: 'application/json; charset=utf-8' } as const;
/** `2026`, `2026.csv`, `2026.json`. */
const JAAR = /^(\d{4})(?:\.(csv|json))?$/;

/**
 * The public klachtenregister (Awb 9:12a, ADR 0060): `/{slug}/klachten/{jaar}` (nl),
 * `/{slug}/en/klachten/{jaar}` (en), and the same figures as open data at
 * `/{slug}/klachten/{jaar}.csv` and `.json`. Computed on each request; small counts per team hidden.
 */
export function klachtenPaginaRoutes(app: FastifyInstance, deps: { klachten: KlachtenService; gemeenten: GemeentenRepository }): void {
  const { klachten, gemeenten } = deps;
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
