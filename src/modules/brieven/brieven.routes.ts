import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { beleid } from '../../http/rechten.ts';
import { zaakParams } from '../zaken/zaken.schemas.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { briefTekstBody, briefTekstenSchema, briefTekstParams, briefTekstResponse, volgbriefBody, volgbriefQuery } from './brieven.schemas.ts';
import type { BrievenService } from './brieven.service.ts';

/** Letters (ADR 0050): the tracking letter of a zaak, and the gemeente's own wording of letters (ADR 0071). */
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

  r.get(`${API_PREFIX}/gemeenten/:gemeente/briefteksten`, {
    config: { policy: beleid('brieftekstenBeheren') },
    schema: {
      tags: ['Brieven'],
      summary: 'Eigen teksten in de brieven van de gemeente: per groep brieven en taal een inleiding, een contactregel en een ondertekening',
      description: 'Elke groep (algemeen, klachten) en taal staat erin; een leeg veld betekent de standaard. Een veld van een procedure (klachten) gaat voor het algemene.',
      params: gemeenteParams,
      response: { 200: briefTekstenSchema },
    },
    handler: async (request) => ({ items: await request.lees(() => deps.brieven.teksten(request.params.gemeente)) }),
  });

  r.put(`${API_PREFIX}/gemeenten/:gemeente/briefteksten/:groep/:taal`, {
    config: { policy: beleid('brieftekstenBeheren') },
    schema: { tags: ['Brieven'], summary: 'Eigen teksten van een groep brieven in een taal instellen (leeg: de standaard)', params: briefTekstParams, body: briefTekstBody, response: { 200: briefTekstResponse } },
    handler: async (request) => {
      const { gemeente, groep, taal } = request.params;
      return deps.brieven.zetTekst(wieVan(request, gemeente), gemeente, { groep, taal, ...request.body });
    },
  });
}
