import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { API_PREFIX, tekstParser } from '../../http/app.ts';
import { ProblemError } from '../../http/problem.ts';
import { beleid } from '../../http/rechten.ts';
import { contextVan } from '../audit/audit.service.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import { enqueteInvoer, enqueteParams, enqueteSchema, margesSchema, panelStandSchema, rapportQuery, rapportSchema, uitnodigingInvoer, uitnodigingUitkomst } from './enquetes.schemas.ts';
import type { EnquetesService } from './enquetes.service.ts';

const tags = ['Inwonerspanel en enquêtes'];
const basis = `${API_PREFIX}/gemeenten/:gemeente`;
/** Largest margins file: a few hundred lines are plenty (CBS tables per wijk). */
const MAX_CSV = 256 * 1024;
const CSV = /^text\/csv\s*(;\s*charset="?utf-8"?\s*)?$/i;

const geenCsv = () => new ProblemError(415, 'geen-csv', 'Geen CSV', { detail: 'Stuur het bestand als text/csv in UTF-8.' });
const gemeenteOnbekend = () => new ProblemError(404, 'niet-gevonden', 'Niet gevonden', { detail: 'Deze gemeente bestaat niet in deze installatie.' });

const wilCsv = (request: FastifyRequest) => /\btext\/csv\b/i.test(request.headers.accept ?? '');

/**
 * The API of the inwonerspanel and its surveys (ADR 0068): population margins (beheerders; JSON
 * or a CSV file `kenmerk,categorie,aandeel`), the panel's make-up, surveys (define, start, close,
 * invite) and their reports (weighted, JSON or CSV).
 */
export function enquetesRoutes(app: FastifyInstance, deps: { enquetes: EnquetesService; gemeenten: GemeentenRepository }): void {
  const { enquetes, gemeenten } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const gemeente = async (code: string) => {
    const g = await gemeenten.opCode(code);
    if (!g) throw gemeenteOnbekend();
    return g;
  };

  r.get(`${basis}/panel-marges`, {
    config: { policy: beleid('enquetesLezen') },
    schema: { tags, summary: 'Marges van de bevolking per kenmerk (voor de weging)', params: gemeenteParams, response: { 200: margesSchema } },
    handler: async (request) => ({ marges: await enquetes.marges((await gemeente(request.params.gemeente)).code) }),
  });

  r.put(`${basis}/panel-marges`, {
    config: { policy: beleid('beheer') },
    schema: {
      tags,
      summary: 'Marges van de bevolking vervangen',
      description: 'Per kenmerk (leeftijdsgroep, geslacht, wijk, opleiding) de aandelen van de categorieën; die tellen per kenmerk op tot 1 (op 0,001 na, dan worden ze geschaald). Een kenmerk zonder marges telt niet mee in de weging.',
      params: gemeenteParams,
      body: margesSchema,
      response: { 200: margesSchema },
    },
    handler: async (request) => ({ marges: await enquetes.zetMarges(contextVan(request), (await gemeente(request.params.gemeente)).code, request.body.marges) }),
  });

  void app.register(async (csv) => {
    csv.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_CSV }, tekstParser);
    csv.withTypeProvider<ZodTypeProvider>().post(`${basis}/panel-marges/import`, {
      config: { policy: beleid('beheer'), inhoud: 'bestand' },
      preValidation: async (request) => {
        if (!CSV.test(request.headers['content-type'] ?? '')) throw geenCsv();
      },
      schema: {
        tags,
        summary: 'Marges van de bevolking inlezen uit CSV',
        description: 'Een CSV-bestand `kenmerk,categorie,aandeel` (komma of puntkomma, decimale punt of komma), zoals `loket enquete weeg --marges` het leest. Alle fouten komen samen terug met hun regel; dan is er niets veranderd.',
        params: gemeenteParams,
        response: { 200: margesSchema },
      },
      handler: async (request) => ({ marges: await enquetes.importeerMarges(contextVan(request), (await gemeente(request.params.gemeente)).code, typeof request.body === 'string' ? request.body : '') }),
    });
  });

  r.get(`${basis}/inwonerspanel`, {
    config: { policy: beleid('enquetesLezen') },
    schema: { tags, summary: 'Het panel: aantal leden en de samenstelling naast de bevolking', params: gemeenteParams, response: { 200: panelStandSchema } },
    handler: async (request) => enquetes.panelStand((await gemeente(request.params.gemeente)).code),
  });

  r.get(`${basis}/enquetes`, {
    config: { policy: beleid('enquetesLezen') },
    schema: { tags, summary: 'Enquêtes, nieuwste eerst', params: gemeenteParams, response: { 200: z.strictObject({ items: z.array(enqueteSchema) }).meta({ id: 'EnquetesLijst' }) } },
    handler: async (request) => ({ items: await enquetes.lijst(await gemeente(request.params.gemeente)) }),
  });

  r.post(`${basis}/enquetes`, {
    config: { policy: beleid('enquetesBeheren') },
    schema: { tags, summary: 'Enquête maken (concept)', params: gemeenteParams, body: enqueteInvoer, response: { 201: enqueteSchema } },
    handler: async (request, reply) => reply.code(201).send(await enquetes.maak(contextVan(request), await gemeente(request.params.gemeente), request.body)),
  });

  r.get(`${basis}/enquetes/:id`, {
    config: { policy: beleid('enquetesLezen') },
    schema: { tags, summary: 'Eén enquête met de respons', params: enqueteParams, response: { 200: enqueteSchema } },
    handler: async (request) => enquetes.haal(await gemeente(request.params.gemeente), request.params.id),
  });

  r.put(`${basis}/enquetes/:id`, {
    config: { policy: beleid('enquetesBeheren') },
    schema: { tags, summary: 'Enquête wijzigen (alleen in concept)', params: enqueteParams, body: enqueteInvoer, response: { 200: enqueteSchema } },
    handler: async (request) => enquetes.wijzig(contextVan(request), await gemeente(request.params.gemeente), request.params.id, request.body),
  });

  r.put(`${basis}/enquetes/:id/status`, {
    config: { policy: beleid('enquetesBeheren') },
    schema: {
      tags,
      summary: 'Enquête starten (lopend) of sluiten (gesloten)',
      params: enqueteParams,
      body: z.strictObject({ status: z.enum(['lopend', 'gesloten']) }).meta({ id: 'EnqueteStatusInvoer' }),
      response: { 200: enqueteSchema },
    },
    handler: async (request) => enquetes.zetStatus(contextVan(request), await gemeente(request.params.gemeente), request.params.id, request.body.status),
  });

  r.post(`${basis}/enquetes/:id/uitnodigingen`, {
    config: { policy: beleid('enquetesBeheren') },
    schema: {
      tags,
      summary: 'Panelleden uitnodigen (persoonlijke link per e-mail)',
      description: 'Nodigt bevestigde panelleden uit die nog geen uitnodiging voor deze enquête hadden: allemaal, of een aselecte steekproef. Wie na het aantal herinneringsdagen niet antwoordde, krijgt 1 herinnering.',
      params: enqueteParams,
      body: uitnodigingInvoer,
      response: { 201: uitnodigingUitkomst },
    },
    handler: async (request, reply) => reply.code(201).send(await enquetes.nodigUit(contextVan(request), await gemeente(request.params.gemeente), request.params.id, request.body.steekproef)),
  });

  r.get(`${basis}/enquetes/:id/rapport`, {
    config: { policy: beleid('enquetesLezen') },
    schema: {
      tags,
      summary: 'Rapport: per vraag gewogen en ongewogen aandelen, n, n_eff en 95%-intervallen',
      description:
        'De antwoorden van panelleden gewogen naar de marges (raking), de antwoorden via de open link apart en ongewogen. Met `Accept: text/csv` als CSV. ' +
        'Open vragen: alleen hoeveel mensen antwoordden; een rapport toont nooit een individu. In een uitsplitsing is een cel met 1 tot 4 respondenten onderdrukt, en zo nodig een tweede (secundaire onderdrukking).',
      params: enqueteParams,
      querystring: rapportQuery,
      response: { 200: rapportSchema },
    },
    handler: async (request, reply) => {
      const rapport = await enquetes.rapport(await gemeente(request.params.gemeente), request.params.id, request.query);
      if (wilCsv(request)) {
        return reply
          .type('text/csv; charset=utf-8; header=present')
          .header('Content-Disposition', `attachment; filename="enquete-${request.params.id}.csv"`)
          // A text, not the JSON schema: this serializer replaces the schema's for this answer only.
          .serializer((x: unknown) => String(x))
          .send(enquetes.rapportAlsCsv(rapport) as never);
      }
      return rapport;
    },
  });
}
