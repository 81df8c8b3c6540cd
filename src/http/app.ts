import { TextDecoder } from 'node:util';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from '@fastify/type-provider-zod';
import helmet from 'helmet';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { behandelFout, installErrorHandling } from './errors.ts';
import { installInvoercontrole } from './invoer.ts';
import { installLezen } from './lezen.ts';
import { ProblemError } from './problem.ts';
import { gedeeldeRateLimit } from './rate-limit.ts';
import { rateLimitRepository } from './rate-limit.repository.ts';
import { installPolicies, type Authenticator, type RouteWithPolicy } from './policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'bestand': the route takes a file as raw body and checks its type itself (not only JSON).
     * 'tekst': the route takes JSON or plain text (`text/plain; charset=utf-8`) and registers the text parser itself.
     */
    inhoud?: 'bestand' | 'tekst';
    /** The route's rate limit is counted exactly, in the database, on each request (the staff login steps, ADR 0093). */
    rateLimitExact?: boolean;
  }
}

export const API_VERSION = '1.0.0';
export const API_PREFIX = '/api/v1';


export interface HttpOptions {
  config: Config;
  database: Database;
  authenticate: Authenticator;
  logger?: FastifyServerOptions['logger'];
}

export interface HttpServer {
  app: FastifyInstance;
  routes: RouteWithPolicy[];
  /** Shares this node's rate-limit counts now (else every LOKET_RATE_LIMIT_DELEN_MS, ADR 0093). */
  deelRateLimits(): Promise<void>;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** Plain text in UTF-8 (the charset may be left out; any other charset is not accepted). */
export const TEKST = /^text\/plain\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** Parser for routes with `inhoud: 'tekst'`: the body as a string, valid UTF-8 only. */
export function tekstParser(_request: unknown, body: Buffer, done: (error: Error | null, body?: unknown) => void): void {
  try {
    done(null, strictUtf8.decode(body));
  } catch {
    done(Object.assign(new Error('De inhoud is geen geldige UTF-8.'), { statusCode: 400, code: 'LOKET_BAD_UTF8' }), undefined);
  }
}

// Zod's own messages in Dutch, for fields without a message of their own.
z.config(z.locales.nl());

/** The origin of a Leaflet tile URL template ({z}/{x}/{y}, {s}), for the CSP; none when empty or not a URL. */
export function tegelOorsprong(sjabloon: string): string[] {
  try {
    return sjabloon ? [new URL(sjabloon.replace(/\{[a-z]+\}/gi, '0')).origin] : [];
  } catch {
    return [];
  }
}

/**
 * A path as it may be logged: a resident's tracking code (`/{slug}/zaken/{code}`, ADR 0013) is a
 * secret that opens their zaak, so it is replaced by `…` before the path reaches the log.
 */
export function zonderVolgcode(url: string): string {
  return url.replace(/^(\/[^/?#]+(?:\/en)?\/zaken\/)[^/?#]+/, '$1…');
}

/**
 * The log's options: JSON lines at the configured level, with credentials redacted and tracking
 * codes left out of paths. A caller's options (tests: a level and a stream) keep both rules.
 */
function loggerOpties(config: Config, logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false || logger === true) return logger;
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      censor: '[verborgen]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: zonderVolgcode(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    ...logger,
  };
}

/**
 * One log line per request, when it is answered: the request, the status and the time taken.
 * Fastify's own two lines (incoming, completed) cost a serialised line more per request, about
 * 2 % of a form page's CPU, and said nothing the second does not. Errors keep their own lines.
 */
class EenRegelPerVerzoek extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** Builds the Fastify server with Loket's conventions; modules register their routes on it. */
export async function createHttpServer(options: HttpOptions): Promise<HttpServer> {
  const { config } = options;
  const app = Fastify({
    logger: loggerOpties(config, options.logger),
    logController: new EenRegelPerVerzoek(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200, caseSensitive: true, ignoreTrailingSlash: false, ignoreDuplicateSlashes: false },
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID().replaceAll('-', ''),
    // A path that does not decode (bad percent-encoding, not UTF-8) gets the same 400 as other refused text.
    frameworkErrors: behandelFout,
    // A request that reaches a stopping node is served, not refused with Fastify's own 503 (not
    // problem+json): the node finishes what it was sent; its answers close their connection (ADR 0025).
    return503OnClosing: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Text Loket cannot process is refused first, for every route (ADR 0020).
  installInvoercontrole(app);

  // JSON only as valid UTF-8; a body that is not gets a clear 400, never a silent replacement.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'buffer' }, (_req, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(Object.assign(new Error('De inhoud is geen geldige UTF-8.'), { statusCode: 400, code: 'LOKET_BAD_UTF8' }), undefined);
      return;
    }
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text, (key, value: unknown) => (key === '__proto__' || key === 'constructor' ? undefined : value)));
    } catch {
      done(Object.assign(new Error('De inhoud is geen geldige JSON.'), { statusCode: 400, code: 'LOKET_BAD_JSON' }), undefined);
    }
  });

  // The API speaks JSON only: any other body is a 415 before anything else looks at it.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith(`${API_PREFIX}/`) || !['POST', 'PUT', 'PATCH'].includes(request.method)) return;
    // A file upload route checks its own content type (by magic bytes).
    if (request.routeOptions.config.inhoud === 'bestand') return;
    const type = request.headers['content-type'];
    if (request.routeOptions.config.inhoud === 'tekst' && type !== undefined && TEKST.test(type)) return;
    if (type !== undefined && !/^application\/(merge-patch\+)?json\s*(;|$)/i.test(type)) {
      throw new ProblemError(415, 'mediatype-niet-ondersteund', 'Soort inhoud niet ondersteund', { detail: 'Stuur de inhoud als application/json.' });
    }
  });

  await app.register(fastifyCookie);
  // Read-heavy routes read from the replica when it has the caller's own writes (ADR 0028).
  installLezen(app, options.database.replica);
  // Security headers on every answer. Built once: @fastify/helmet built helmet's middleware anew
  // for every request (parsing the CSP each time, ~3 % of a form page's CPU).
  const veiligheidskoppen = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // The map tiles' origin, when the maps have a background (LOKET_KAART_TEGELS).
        imgSrc: ["'self'", 'data:', ...tegelOorsprong(config.kaartTegels)],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
    // HSTS only when served over TLS (see the onSend hook below).
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    veiligheidskoppen(request.raw, reply.raw, (fout) => done(fout instanceof Error ? fout : undefined));
  });
  // Public routes are rate limited per IP address (429 with Retry-After); the login steps more strictly.
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    // Static files (hashed names, cached) are not limited: a page load fetches several at once.
    if (route.config?.rateLimit !== undefined || route.url.startsWith('/static/') || route.url.startsWith('/medewerkers/assets/')) return;
    if (policy?.toegang === 'publiek') route.config = { ...route.config, rateLimit: { max: config.rateLimitPubliek, timeWindow: '1 minute' } };
    if (policy?.toegang === 'aanmelden') route.config = { ...route.config, rateLimit: { max: config.rateLimitAanmelden, timeWindow: '1 minute' }, rateLimitExact: true };
  });
  // Counted per node and shared through the database in batches, so the limit holds across every
  // node within a bound; the login steps exactly (ADR 0023, 0093). When an exact count fails (the
  // database is gone) the request goes on and fails or succeeds on its own.
  const rateLimits = gedeeldeRateLimit(rateLimitRepository(options.database.db), {
    deelMs: config.rateLimitDelenMs,
    onFout: (error) => app.log.warn({ err: error }, 'rate limit: tellen of delen mislukt'),
  });
  await app.register(fastifyRateLimit, { global: false, store: rateLimits.store, skipOnError: true });
  // After the last request; the database is closed after the app.
  app.addHook('onClose', () => rateLimits.close());

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Loket API',
        version: API_VERSION,
        description:
          'De API van Loket: dezelfde API die de schermen voor medewerkers en inwoners gebruiken. Volgt de NLGov REST API Design Rules.',
        contact: { name: 'Loket', url: config.publicUrl },
        license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
      },
      servers: [{ url: `${config.publicUrl}${API_PREFIX}` }],
      components: {
        securitySchemes: {
          sessie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: (data) => {
      const transformed = jsonSchemaTransform(data);
      // Paths in the document are relative to the server URL (which ends in /api/v1).
      return { ...transformed, url: transformed.url.startsWith(API_PREFIX) ? transformed.url.slice(API_PREFIX.length) || '/' : transformed.url };
    },
    transformObject: jsonSchemaTransformObject,
    hideUntagged: true,
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(`${API_PREFIX}/`) || request.url === API_PREFIX) reply.header('API-Version', API_VERSION);
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // Answers about a logged-in caller are personal: no caches in between.
    if (request.principal && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    const origin = request.headers.origin;
    if (origin && config.corsOrigins.includes(origin)) {
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Access-Control-Allow-Credentials', 'true');
      reply.header('Access-Control-Expose-Headers', 'API-Version, ETag, Location, Link, Retry-After, Idempotent-Replayed');
      reply.header('Vary', 'Origin');
    }
    return payload;
  });


  installErrorHandling(app);
  const routes = installPolicies(app, options.authenticate);

  // CORS is closed unless CORS_ORIGINS names the origin; then preflights are answered.
  app.options(`${API_PREFIX}/*`, { config: { policy: { toegang: 'publiek' } }, schema: { hide: true } }, async (request, reply) => {
    const origin = request.headers.origin;
    // Without Access-Control-Allow-Origin (set in onSend for configured origins) the browser refuses.
    if (!origin || !config.corsOrigins.includes(origin)) return reply.code(204).send();
    reply.header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
    reply.header('Access-Control-Allow-Headers', 'Content-Type, If-Match, Idempotency-Key, X-CSRF-Token, Authorization');
    reply.header('Access-Control-Max-Age', '600');
    return reply.code(204).send();
  });
  return { app, routes, deelRateLimits: rateLimits.deel };
}

export const SESSION_COOKIE = '__Host-loket-sessie';
