import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { pagina, paginaQuery } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { berichtOnbekend } from './berichten.errors.ts';
import { berichtenPaginaSchema, berichtParams, berichtSchema } from './berichten.schemas.ts';
import type { BerichtenService } from './berichten.service.ts';
import { contextVan, type AuditService } from '../audit/audit.service.ts';
import { sha256 } from '../auth/auth.service.ts';

/** Reading the mailbox shows recipients' addresses: a processing of personal data, logged per recipient (pseudonymised). */
const VERWERKING_POSTVAK = {
  verwerkingsactiviteit: 'loket:verwerkingsactiviteit:berichten-aan-inwoners-en-medewerkers',
  grondslag: 'AVG art. 6 lid 1 sub e (publieke taak: informeren over de dienstverlening)',
  betrokkeneType: 'e-mailadres-sha256',
} as const;

/** The mailbox: every message this gemeente sent (or, in the demo, would have sent). Beheerders only. */
export function berichtenRoutes(app: FastifyInstance, deps: { berichten: BerichtenService; audit: AuditService }): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(`${API_PREFIX}/gemeenten/:gemeente/berichten`, {
    config: { policy: beleid('beheer') },
    schema: {
      tags: ['Berichten'],
      summary: 'Uitgaande berichten (postvak uit)',
      description: 'Nieuwste eerst. Zonder SMTP_URL staan hier de berichten die verstuurd zouden zijn.',
      params: gemeenteParams,
      querystring: paginaQuery,
      response: { 200: berichtenPaginaSchema },
    },
    handler: async (request) => {
      const { items, total } = await deps.berichten.lijst(request.params.gemeente, request.query);
      await deps.audit.verwerking(contextVan(request), {
        gemeente: request.params.gemeente,
        naam: 'postvak-bekijken',
        ...VERWERKING_POSTVAK,
        betrokkeneIds: [...new Set(items.map((b) => sha256(b.aan.toLowerCase())))],
      });
      return pagina(request, request.query, items, total);
    },
  });

  routes.get(`${API_PREFIX}/gemeenten/:gemeente/berichten/:id`, {
    config: { policy: beleid('beheer') },
    schema: {
      tags: ['Berichten'],
      summary: 'Eén uitgaand bericht',
      params: berichtParams,
      response: { 200: berichtSchema },
    },
    handler: async (request) => {
      const bericht = await deps.berichten.opId(request.params.gemeente, request.params.id);
      if (!bericht) throw berichtOnbekend();
      await deps.audit.verwerking(contextVan(request), { gemeente: request.params.gemeente, naam: 'bericht-bekijken', ...VERWERKING_POSTVAK, betrokkeneIds: [sha256(bericht.aan.toLowerCase())] });
      return bericht;
    },
  });
}
