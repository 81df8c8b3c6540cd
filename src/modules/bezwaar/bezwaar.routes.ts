import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { bezwaartermijnenQuery, bezwaartermijnenSchema, dwangsommenQuery, dwangsomSchema, klachttermijnenQuery, klachttermijnenSchema } from './bezwaar.schemas.ts';
import type { BezwaarService } from './bezwaar.service.ts';

const tags = ['Bezwaar'];
const publiek = { toegang: 'publiek' } as const;

/** The Awb terms of a bezwaar and a klacht and the dwangsom for deciding late: public and pure, like /termijnen. */
export function bezwaarRoutes(app: FastifyInstance, deps: { bezwaar: BezwaarService }): void {
  const { bezwaar } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${API_PREFIX}/bezwaartermijnen`, {
    config: { policy: publiek },
    schema: {
      tags,
      summary: 'Bezwaartermijn, tijdigheid en beslistermijn van een bezwaarschrift',
      description:
        'De bezwaartermijn is zes weken vanaf de dag na de bekendmaking (Awb 6:7, 6:8) met de Algemene termijnenwet; per post op tijd verzonden en binnen een week erna ontvangen is op tijd (6:9 lid 2); vóór de termijn ontvangen is geen fout maar wordt gemarkeerd (6:10); te laat wordt gemarkeerd (6:11). De beslistermijn is zes weken, of twaalf met een aangekondigde adviescommissie, vanaf de dag na het einde van de bezwaartermijn (7:10 lid 1); verdaging zes weken (lid 3); herstel van een verzuim schort op (lid 2). Elke termijn komt met zijn uitleg.',
      querystring: bezwaartermijnenQuery,
      response: { 200: bezwaartermijnenSchema },
    },
    handler: async (request) => bezwaar.termijnen(request.query, 'query.'),
  });

  r.get(`${API_PREFIX}/klachttermijnen`, {
    config: { policy: publiek },
    schema: {
      tags,
      summary: 'Termijnen van een klacht (Awb 9:8, 9:11)',
      description:
        'De klacht wordt binnen zes weken na ontvangst afgehandeld, tien met een klachtadviescommissie; verdaging hoogstens vier weken (9:11). Wordt de klacht niet behandeld, dan hoort de klager dat binnen vier weken na ontvangst (9:8 lid 2). Met de Algemene termijnenwet en de uitleg per termijn.',
      querystring: klachttermijnenQuery,
      response: { 200: klachttermijnenSchema },
    },
    handler: async (request) => bezwaar.klacht(request.query, 'query.'),
  });

  r.get(`${API_PREFIX}/dwangsommen`, {
    config: { policy: publiek },
    schema: {
      tags,
      summary: 'Dwangsom bij niet tijdig beslissen (Awb 4:17)',
      description:
        'Vanaf twee weken na de dag waarop de beslistermijn verstreken is en de schriftelijke ingebrekestelling is ontvangen, per dag € 23 (dag 1–14), € 35 (dag 15–28) en € 45 (dag 29–42), hoogstens 42 dagen en € 1.442. Geteld tot de dag van de beslissing, of tot en met vandaag. Of een dwangsom verschuldigd is (4:17 lid 6), beoordeelt de behandelaar.',
      querystring: dwangsommenQuery,
      response: { 200: dwangsomSchema },
    },
    handler: async (request) => bezwaar.dwangsom(request.query, 'query.'),
  });
}
