import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formulierParser, ONGELDIGE_TEKENS } from '../../http/invoer.ts';
import { ProblemError } from '../../http/problem.ts';
import { contextVan } from '../audit/audit.service.ts';
import { onbekendAdres, onbekendFormaat, Open311Fout } from './open311.errors.ts';
import type { Open311Service } from './open311.service.ts';
import { xmlLijst, xmlObject, type Waarde } from './open311.xml.ts';

export const OPEN311_PREFIX = '/open311/v2';
const PUBLIEK = { toegang: 'publiek' } as const;
const FORMATEN = ['xml', 'json'] as const;
type Formaat = (typeof FORMATEN)[number];

/** The format of a request by the suffix of its last path segment (`.json`, else XML, the required one). */
function formaatVan(request: FastifyRequest): Formaat {
  return /\.json$/i.test(request.url.split('?')[0] ?? '') ? 'json' : 'xml';
}

/** `code.xml` → [code, 'xml']; an unknown format is a 404. */
function bestand(naam: string): [string, Formaat] {
  const m = /^(.+)\.(xml|json)$/.exec(naam);
  if (!m?.[1]) throw onbekendFormaat();
  return [m[1], m[2] as Formaat];
}

function stuur(reply: FastifyReply, formaat: Formaat, wortel: string, kind: string, items: Waarde[], status = 200): FastifyReply {
  if (formaat === 'json') return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(items));
  return reply.code(status).type('text/xml; charset=utf-8').send(xmlLijst(wortel, kind, items));
}

function stuurObject(reply: FastifyReply, formaat: Formaat, wortel: string, waarde: Waarde): FastifyReply {
  if (formaat === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(waarde));
  return reply.type('text/xml; charset=utf-8').send(xmlObject(wortel, waarde as Record<string, Waarde>));
}

function stuurFout(reply: FastifyReply, formaat: Formaat, fout: Open311Fout | { status: number; fouten: { code: number; description: string }[] }): FastifyReply {
  return stuur(reply, formaat, 'errors', 'error', fout.fouten, fout.status);
}

/**
 * Every error under /open311/v2/ as the specification's list of `{code, description}`: 400, 403
 * and 404 as the service decides; refused text, a body too large or of another type, and any
 * other client error are a 400; a rate limit a 429. Only a fault of Loket itself is a 500.
 */
function open311Fout(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const formaat = formaatVan(request);
  if (error instanceof Open311Fout) return stuurFout(reply, formaat, error);
  if (error instanceof ProblemError) {
    if (error.code === ONGELDIGE_TEKENS) {
      const velden = (error.invalidParams ?? []).map((p) => p.name).join(', ');
      return stuurFout(reply, formaat, { status: 400, fouten: [{ code: 400, description: `Tekens die wij niet kunnen verwerken in: ${velden}.` }] });
    }
    if (error.status >= 400 && error.status < 500) {
      const fouten = error.invalidParams?.map((p) => ({ code: 400, description: `${p.name}: ${p.reason}` })) ?? [{ code: error.status, description: error.detail ?? error.title }];
      return stuurFout(reply, formaat, { status: error.status === 403 || error.status === 404 ? error.status : 400, fouten });
    }
  }
  const status = error.statusCode ?? 500;
  if (status === 429) {
    return stuurFout(reply, formaat, { status: 429, fouten: [{ code: 429, description: 'Te veel verzoeken. Probeer het zo opnieuw.' }] });
  }
  if (status === 413) return stuurFout(reply, formaat, { status: 400, fouten: [{ code: 400, description: 'Het verzoek is te groot.' }] });
  if (status === 415) return stuurFout(reply, formaat, { status: 400, fouten: [{ code: 400, description: 'Stuur het formulier als application/x-www-form-urlencoded.' }] });
  if (status >= 400 && status < 500) return stuurFout(reply, formaat, { status: 400, fouten: [{ code: 400, description: 'Dit verzoek kunnen wij niet lezen.' }] });
  request.log.error({ err: error }, 'onverwachte fout (open311)');
  return stuurFout(reply, formaat, { status: 500, fouten: [{ code: 500, description: 'Er ging iets mis bij ons. Probeer het later opnieuw.' }] });
}

const query = (request: FastifyRequest): Record<string, unknown> => (request.query ?? {}) as Record<string, unknown>;
const jurisdictie = (waarden: Record<string, unknown>): string | undefined => (typeof waarden.jurisdiction_id === 'string' && waarden.jurisdiction_id.trim() !== '' ? waarden.jurisdiction_id.trim() : undefined);

/**
 * Open311 GeoReport v2 at /open311/v2/ (ADR 0041): discovery, services, service definitions,
 * POST requests (form-encoded, api_key), GET requests, requests/{id}, tokens/{token} and
 * FixMyStreet's servicerequestupdates, each as .xml and .json. Public routes (the POST checks its
 * api_key itself), rate limited like every public route.
 */
export function open311Routes(app: FastifyInstance, deps: { open311: Open311Service }): void {
  const { open311 } = deps;

  void app.register(
    async (scope) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, formulierParser);
      scope.setErrorHandler(open311Fout);
      scope.setNotFoundHandler((request, reply) => stuurFout(reply, formaatVan(request), onbekendAdres()));

      for (const formaat of FORMATEN) {
        scope.get(`/discovery.${formaat}`, { config: { policy: PUBLIEK } }, async (_request, reply) => stuurObject(reply, formaat, 'discovery', open311.discovery()));

        scope.get(`/services.${formaat}`, { config: { policy: PUBLIEK } }, async (request, reply) => {
          const gemeente = await open311.gemeente(jurisdictie(query(request)));
          return stuur(reply, formaat, 'services', 'service', await open311.diensten(gemeente));
        });

        scope.post(`/requests.${formaat}`, { config: { policy: PUBLIEK } }, async (request, reply) => {
          const vorm = (request.body ?? {}) as Record<string, unknown>;
          const gemeente = await open311.gemeente(jurisdictie(vorm) ?? jurisdictie(query(request)));
          const antwoord = await open311.meld(contextVan(request), gemeente, vorm);
          return stuur(reply, formaat, 'service_requests', 'request', [antwoord]);
        });

        scope.get(`/requests.${formaat}`, { config: { policy: PUBLIEK } }, async (request, reply) => {
          const gemeente = await open311.gemeente(jurisdictie(query(request)));
          return stuur(reply, formaat, 'service_requests', 'request', await open311.verzoeken(gemeente, query(request)));
        });

        scope.get(`/servicerequestupdates.${formaat}`, { config: { policy: PUBLIEK } }, async (request, reply) => {
          const gemeente = await open311.gemeente(jurisdictie(query(request)));
          return stuur(reply, formaat, 'service_requests_updates', 'request_update', await open311.updates(gemeente, query(request)));
        });
      }

      scope.get('/services/:bestand', { config: { policy: PUBLIEK } }, async (request, reply) => {
        const [code, formaat] = bestand((request.params as { bestand: string }).bestand);
        const gemeente = await open311.gemeente(jurisdictie(query(request)));
        return stuurObject(reply, formaat, 'service_definition', await open311.definitie(gemeente, code));
      });

      scope.get('/requests/:bestand', { config: { policy: PUBLIEK } }, async (request, reply) => {
        const [id, formaat] = bestand((request.params as { bestand: string }).bestand);
        const gemeente = await open311.gemeente(jurisdictie(query(request)));
        return stuur(reply, formaat, 'service_requests', 'request', await open311.verzoekOpId(gemeente, id));
      });

      scope.get('/tokens/:bestand', { config: { policy: PUBLIEK } }, async (request, reply) => {
        const [token, formaat] = bestand((request.params as { bestand: string }).bestand);
        const gemeente = await open311.gemeente(jurisdictie(query(request)));
        return stuur(reply, formaat, 'service_requests', 'request', await open311.token(gemeente, token));
      });
    },
    { prefix: OPEN311_PREFIX },
  );
}
