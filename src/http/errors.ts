import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from '@fastify/type-provider-zod';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ONGELDIGE_TEKENS, ongeldigeTekens } from './invoer.ts';
import { ProblemError, toProblem, type InvalidParam } from './problem.ts';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

interface ValidationEntry {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

/** Turns the validation errors (all of them) into invalidParams entries with a plain Dutch reason. */
function invalidParamsFrom(error: FastifyError): InvalidParam[] {
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  const prefix = context === 'body' ? [] : [context === 'querystring' ? 'query' : context];
  const result: InvalidParam[] = [];
  for (const entry of (error.validation ?? []) as ValidationEntry[]) {
    const path = [...prefix, ...(entry.instancePath ?? '').split('/').filter(Boolean)];
    if (entry.keyword === 'unrecognized_keys' && entry.params?.keys) {
      for (const key of entry.params.keys) result.push({ name: [...path, key].join('.'), code: 'onbekend-veld', reason: 'Dit veld kennen we niet.' });
      continue;
    }
    result.push({ name: path.join('.') || context, code: entry.keyword ?? 'ongeldig', reason: entry.message ?? 'Deze waarde klopt niet.' });
  }
  return result;
}

function send(reply: FastifyReply, request: FastifyRequest, error: ProblemError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.code(error.status).type(PROBLEM_JSON).send(toProblem(error, request.url.split('?')[0]));
}

/**
 * Maps every error to application/problem+json (a browser asking for a resident page gets the
 * HTML page for refused text instead); unexpected errors are logged and answer 500 without details.
 * Also Fastify's own errors before routing (`frameworkErrors`: a path that does not decode).
 */
export function behandelFout(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply | Promise<FastifyReply> {
  const probleem = error.code === 'FST_ERR_BAD_URL' ? ongeldigeTekens(['path']) : error;
  if (probleem instanceof ProblemError) {
    const pagina = htmlPaginas(request)?.ongeldigeTekens;
    if (probleem.code === ONGELDIGE_TEKENS && pagina && wantsHtml(request)) return pagina(request, reply);
    return send(reply, request, probleem);
  }
  if (hasZodFastifySchemaValidationErrors(error) || error.code === 'FST_ERR_VALIDATION') {
    return send(reply, request, new ProblemError(400, 'ongeldige-invoer', 'Ongeldige invoer', {
      detail: 'Een of meer velden kloppen niet.',
      invalidParams: invalidParamsFrom(error),
    }));
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'antwoord past niet in het schema');
    return send(reply, request, new ProblemError(500, 'interne-fout', 'Er ging iets mis', { detail: 'Probeer het later opnieuw.' }));
  }
  // Two requests at the same moment can both pass a service's "already exists?" check; the
  // unique index then refuses the second, which is a conflict, not a server error.
  if ((error as { code?: unknown }).code === '23505') {
    return send(reply, request, new ProblemError(409, 'bestaat-al', 'Bestaat al', { detail: 'Dit bestaat al. Ververs de gegevens en probeer het opnieuw.' }));
  }
  const status = error.statusCode ?? 500;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, request, new ProblemError(415, 'mediatype-niet-ondersteund', 'Soort inhoud niet ondersteund', {
        detail: 'Stuur de inhoud als application/json.',
      }));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, request, new ProblemError(413, 'te-groot', 'Inhoud te groot', { detail: 'De inhoud is groter dan toegestaan.' }));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'LOKET_BAD_JSON':
    case 'LOKET_BAD_UTF8':
      return send(reply, request, new ProblemError(400, 'onleesbare-inhoud', 'Onleesbare inhoud', {
        detail: error.code.startsWith('LOKET_') ? error.message : 'De inhoud kon niet gelezen worden.',
      }));
    default:
      break;
  }
  if (status === 429) {
    return send(reply, request, new ProblemError(429, 'te-veel-verzoeken', 'Te veel verzoeken', {
      detail: 'U heeft te veel verzoeken gedaan. Probeer het zo opnieuw.',
    }));
  }
  if (status >= 400 && status < 500) {
    return send(reply, request, new ProblemError(status, 'ongeldig-verzoek', 'Ongeldig verzoek', { detail: 'Dit verzoek kunnen we niet verwerken.' }));
  }
  request.log.error({ err: error }, 'onverwachte fout');
  return send(reply, request, new ProblemError(500, 'interne-fout', 'Er ging iets mis', { detail: 'Probeer het later opnieuw.' }));
}

/** Installs `behandelFout` and the 404 answer (HTML for a browser outside the API). */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(behandelFout);

  app.setNotFoundHandler((request, reply) => {
    const pagina = htmlPaginas(request)?.nietGevonden;
    if (pagina && wantsHtml(request)) return pagina(request, reply);
    return send(reply, request, new ProblemError(404, 'niet-gevonden', 'Niet gevonden', { detail: 'Dit adres bestaat niet.' }));
  });
}

/** Renders an HTML error page for a browser. */
export type HtmlPagina = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
/** The HTML pages for a 404 and for refused text (400). */
export interface HtmlPaginas {
  nietGevonden: HtmlPagina;
  ongeldigeTekens: HtmlPagina;
}
// On the root instance; encapsulated scopes inherit it through their prototype.
const HTML_PAGINAS = Symbol('htmlPaginas');
type MetPaginas = FastifyInstance & { [HTML_PAGINAS]?: HtmlPaginas };
const htmlPaginas = (request: FastifyRequest): HtmlPaginas | undefined => (request.server as MetPaginas)[HTML_PAGINAS];

/** A browser asking for a page outside the API gets these HTML pages (the resident portal sets them); the API keeps problem+json. */
export function setHtmlPaginas(app: FastifyInstance, paginas: HtmlPaginas): void {
  (app as MetPaginas)[HTML_PAGINAS] = paginas;
}

function wantsHtml(request: FastifyRequest): boolean {
  const pad = request.url.split('?')[0] ?? '';
  return (request.headers.accept ?? '').includes('text/html') && pad !== '/api' && !pad.startsWith('/api/');
}
