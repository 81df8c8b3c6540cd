import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import {
  gemeenteKpiParams,
  gemeenteKpisSchema,
  kpiDefinitieMetVersiesSchema,
  kpiDefinitiesSchema,
  kpiNormInvoer,
  kpiNormSchema,
  kpiParams,
  kpiWaardeQuery,
  kpiWaardeSchema,
} from './kpi.schemas.ts';
import type { KpiService } from './kpi.service.ts';

const tags = ['KPI'];
const publiek = { toegang: 'publiek' } as const;
const basis = `${API_PREFIX}/gemeenten/:gemeente/kpis`;

/**
 * The KPI register: definitions are public (they hold no data); values and norms per gemeente
 * for those who lead or account for the work.
 */
export function kpiRoutes(app: FastifyInstance, deps: { kpi: KpiService }): void {
  const { kpi } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${API_PREFIX}/kpi-definities`, {
    config: { policy: publiek },
    schema: { tags, summary: 'De KPI-definities (de nieuwste versie van elke KPI)', response: { 200: kpiDefinitiesSchema } },
    handler: async () => ({ items: await kpi.definities() }),
  });

  r.get(`${API_PREFIX}/kpi-definities/:kpi`, {
    config: { policy: publiek },
    schema: { tags, summary: 'Eén KPI-definitie, met elke versie die ooit gebruikt is', params: kpiParams, response: { 200: kpiDefinitieMetVersiesSchema } },
    handler: async (request) => kpi.definitie(request.params.kpi),
  });

  r.get(basis, {
    config: { policy: beleid('kpiLezen') },
    schema: { tags, summary: 'De KPI’s met de norm die voor de gemeente geldt', params: gemeenteParams, response: { 200: gemeenteKpisSchema } },
    handler: async (request) => ({ items: await kpi.voorGemeente(request.params.gemeente) }),
  });

  r.get(`${basis}/:kpi/waarden`, {
    config: { policy: beleid('kpiLezen') },
    schema: {
      tags,
      summary: 'De waarde van een KPI over een periode, nu berekend uit de gegevens',
      description:
        'Geef `periode` (2026, 2026-Q1, 2026-03, 2026-W10, 2026-03-02) of `periodeVan` en `periodeTot` (dagen, beide inbegrepen, Europe/Amsterdam). Een waarde is een getal met teller en noemer, of `niet-bekend` met de reden; nooit een schatting. `uitsplitsing=zaaktype` geeft ook een waarde per zaaktype; bij de KCC-maten van de telefonie geeft `uitsplitsing=wachtrij` een waarde per wachtrij en kiest `wachtrij` één wachtrij.',
      params: gemeenteKpiParams,
      querystring: kpiWaardeQuery,
      response: { 200: kpiWaardeSchema },
    },
    handler: async (request) => kpi.waarde(request.params.gemeente, request.params.kpi, request.query),
  });

  r.post(`${basis}/:kpi/normen`, {
    config: { policy: beleid('kpiBeheren') },
    schema: {
      tags,
      summary: 'Een norm of streefwaarde van de gemeente vastleggen, vanaf een datum',
      description: 'Een eerdere norm blijft gelden voor de perioden ervoor. Een norm verandert niet: een nieuwe norm krijgt een nieuwe datum.',
      params: gemeenteKpiParams,
      body: kpiNormInvoer,
      response: { 201: kpiNormSchema },
    },
    handler: async (request, reply) => {
      const norm = await kpi.voegNormToe(contextVan(request), request.params.gemeente, request.params.kpi, request.body);
      return reply.code(201).send(norm);
    },
  });
}
