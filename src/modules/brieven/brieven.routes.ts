import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { beleid } from '../../http/rechten.ts';
import { zaakParams } from '../zaken/zaken.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import { volgbriefBody, volgbriefQuery } from './brieven.schemas.ts';
import type { BrievenService } from './brieven.service.ts';

/** Letters (ADR 0050): so far the tracking letter of a zaak. */
export function brievenRoutes(app: FastifyInstance, deps: { brieven: BrievenService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(`${API_PREFIX}/gemeenten/:gemeente/zaken/:id/volgbrief`, {
    // The same right as a new tracking code (ADR 0019): the letter is that code on paper.
    config: { policy: beleid('volgcodeVernieuwen') },
    schema: {
      tags: ['Zaken'],
      summary: 'Volgbrief: een nieuwe volgcode (de oude werkt niet meer) op een brief met link, QR-code en zaaknummer (PDF)',
      description: 'Met `volgcode` in de body (de code van de registratie, alleen zolang die geldt) draagt de brief die code: de zaak verandert niet en If-Match is niet nodig.',
      params: zaakParams,
      querystring: volgbriefQuery,
      headers: ifMatchHeader,
      body: volgbriefBody.nullish(),
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const volgcode = request.body?.volgcode;
      const code = volgcode ? { huidig: volgcode } : { versie: () => versieUitIfMatch(request) };
      const { zaak, pdf, bestandsnaam } = await deps.brieven.volgbrief(wieVan(request, gemeente), gemeente, id, request.query.taal, code);
      zetEtag(reply, zaak.versie);
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `inline; filename="${bestandsnaam}"`)
        .header('Cache-Control', 'no-store')
        .send(pdf);
    },
  });
}
