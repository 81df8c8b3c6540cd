import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { beleid } from '../../http/rechten.ts';
import { wieVan } from '../zaken/zaken.routes.ts';
import { zaakParams } from '../zaken/zaken.schemas.ts';
import { mailAntwoordBody, mailAntwoordSchema, mailDraadSchema } from './mailintake.schemas.ts';
import type { MailintakeService } from './mailintake.service.ts';

const tags = ['Zaken'];
const basis = `${API_PREFIX}/gemeenten/:gemeente/zaken/:id/e-mails`;

/** The e-mail thread of a zaak (ADR 0046): read it, and answer it in the same thread. */
export function mailintakeRoutes(app: FastifyInstance, deps: { mailintake: MailintakeService }): void {
  const { mailintake } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(basis, {
    config: { policy: beleid('zakenLezen') },
    schema: { tags, summary: 'De e-mails van een zaak (ontvangen en beantwoord), oudste eerst', params: zaakParams, response: { 200: mailDraadSchema } },
    handler: async (request) => {
      const { gemeente, id } = request.params;
      return mailintake.draad(wieVan(request, gemeente), gemeente, id);
    },
  });

  r.post(`${basis}/antwoorden`, {
    config: { policy: beleid('zakenBehandelen') },
    schema: {
      tags,
      summary: 'De e-mail beantwoorden in dezelfde draad (Re: …, In-Reply-To, References), en de zaak eventueel meteen afsluiten',
      params: zaakParams,
      body: mailAntwoordBody,
      headers: ifMatchHeader,
      response: { 201: mailAntwoordSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const uitkomst = await mailintake.beantwoord(wieVan(request, gemeente), gemeente, id, versieUitIfMatch(request), request.body);
      zetEtag(reply, uitkomst.zaak.versie);
      void reply.header('location', `${API_PREFIX}/gemeenten/${gemeente}/berichten/${uitkomst.antwoord.bericht}`);
      return reply.status(201).send(uitkomst);
    },
  });
}
