import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../http/app.ts';
import { ifMatchHeader, versieUitIfMatch, zetEtag } from '../../http/etag.ts';
import { beleid } from '../../http/rechten.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { aangemaakteZaakSchema, zaakParams } from '../zaken/zaken.schemas.ts';
import { stuurNieuweZaak, wieVan } from '../zaken/zaken.routes.ts';
import type { BezwaarProcedure } from './bezwaar.procedure.ts';
import {
  bezwaarOmzettingBody,
  bezwaarRegistratieBody,
  bezwaarSchema,
  bezwaarStapAntwoord,
  bezwaarStapBody,
  bezwaarWerkvoorraadQuery,
  bezwaarWerkvoorraadSchema,
  hoorzittingenQuery,
  hoorzittingenSchema,
} from './bezwaar.procedure.schemas.ts';

const tags = ['Bezwaar'];
const policy = beleid('bezwaarBehandelen');
const zaken = `${API_PREFIX}/gemeenten/:gemeente/zaken`;

/** The bezwaar procedure (ADR 0063): registration, conversion, steps, the bezwaar of a zaak, the queue and the hearings. */
export function bezwaarProcedureRoutes(app: FastifyInstance, deps: { procedure: BezwaarProcedure }): void {
  const { procedure } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(`${API_PREFIX}/gemeenten/:gemeente/bezwaren`, {
    config: { policy },
    schema: {
      tags,
      summary: 'Bezwaar registreren met het bestreden besluit (ontvangstbevestiging als brief bij de zaak, Awb 6:14)',
      description:
        'Maakt een zaak van het zaaktype bezwaar. De beslistermijn (6 weken, 12 met een aangekondigde adviescommissie) telt vanaf de dag na het einde van de bezwaartermijn (Awb 7:10 lid 1); een te laat bezwaar vanaf de dag na ontvangst. Een bekendmaking of ontvangst na vandaag is een fout.',
      params: gemeenteParams,
      body: bezwaarRegistratieBody,
      response: { 201: aangemaakteZaakSchema },
    },
    handler: async (request, reply) => {
      const { gemeente } = request.params;
      return stuurNieuweZaak(reply, gemeente, await procedure.registreer(wieVan(request, gemeente), gemeente, request.body));
    },
  });

  r.post(`${zaken}/:id/bezwaar-omzettingen`, {
    config: { policy },
    schema: {
      tags,
      summary: 'Zaak omzetten in een bezwaar (ADR 0062): de ontvangstdatum van deze zaak blijft, beide zaken gerelateerd',
      params: zaakParams,
      body: bezwaarOmzettingBody,
      headers: ifMatchHeader,
      response: { 201: aangemaakteZaakSchema },
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      return stuurNieuweZaak(reply, gemeente, await procedure.zetOm(wieVan(request, gemeente), gemeente, id, versieUitIfMatch(request), request.body));
    },
  });

  r.get(`${zaken}/:id/bezwaar`, {
    config: { policy },
    schema: { tags, summary: 'Het bezwaar van een zaak: besluit, stand, elke termijn met uitleg (artikel, overgeslagen dagen), dwangsom', params: zaakParams, response: { 200: bezwaarSchema } },
    handler: async (request) => {
      const { gemeente, id } = request.params;
      return procedure.detail(wieVan(request, gemeente), gemeente, id);
    },
  });

  r.post(`${zaken}/:id/bezwaar/stappen`, {
    config: { policy },
    schema: {
      tags,
      summary: 'Stap in de bezwaarprocedure vastleggen (herstel, verdaging, uitstel, informeel, hoorzitting, advies, ingebrekestelling, beslissing); brieven komen als PDF bij de zaak',
      params: zaakParams,
      body: bezwaarStapBody,
      headers: ifMatchHeader,
      response: { 200: bezwaarStapAntwoord },
    },
    handler: async (request, reply) => {
      const { gemeente, id } = request.params;
      const uitkomst = await procedure.stap(wieVan(request, gemeente), gemeente, id, versieUitIfMatch(request), request.body);
      zetEtag(reply, uitkomst.zaak.versie);
      return uitkomst;
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/bezwaren`, {
    config: { policy },
    schema: { tags, summary: 'Werkvoorraad bezwaren: open bezwaren op beslistermijn, met hoorzittingen, herstel en dwangsomwaarschuwing', params: gemeenteParams, querystring: bezwaarWerkvoorraadQuery, response: { 200: bezwaarWerkvoorraadSchema } },
    handler: async (request) => {
      const { gemeente } = request.params;
      return procedure.werkvoorraad(wieVan(request, gemeente), gemeente, request.query);
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/hoorzittingen`, {
    config: { policy },
    schema: { tags, summary: 'Agenda van de hoorzittingen in een periode (standaard vandaag en de acht weken erna)', params: gemeenteParams, querystring: hoorzittingenQuery, response: { 200: hoorzittingenSchema } },
    handler: async (request) => {
      const { gemeente } = request.params;
      return procedure.hoorzittingen(wieVan(request, gemeente), gemeente, request.query);
    },
  });
}
