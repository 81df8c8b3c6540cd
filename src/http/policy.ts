import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { Rol } from '../db/schema.ts';
import { ProblemError } from './problem.ts';
import { heeftRecht, type RechtBeleid } from './rechten.ts';

/**
 * Who may call a route. Every route declares one (deny by default: a route without a policy
 * stops the server from starting).
 * - publiek: anyone, no login.
 * - aanmelden: the half-way login session (password checked, second factor not yet).
 * - ingelogd: any staff user with a completed login (own account, own sessions).
 * - rollen (`beleid(recht)`): a staff user or API token holding the right, i.e. one of its roles
 *   in `RECHTEN` (src/http/rechten.ts), in the gemeente of the `:gemeente` path parameter.
 */
export type Policy = { toegang: 'publiek' } | { toegang: 'aanmelden' } | { toegang: 'ingelogd' } | RechtBeleid;

export interface GebruikerPrincipal {
  type: 'gebruiker';
  id: string;
  naam: string;
  email: string;
  /** Roles per gemeente code. */
  rollen: Record<string, Rol[]>;
  sessieHash: string;
  csrfToken: string;
  mfaVoltooid: boolean;
  verlooptOp: string;
}

export interface TokenPrincipal {
  type: 'token';
  id: string;
  naam: string;
  gemeente: string;
  rollen: Rol[];
}

export type Principal = GebruikerPrincipal | TokenPrincipal;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    /** The gemeente code of a `rollen` route, checked against the principal. */
    gemeente: string | undefined;
  }
}

export interface RouteWithPolicy {
  method: string;
  url: string;
  policy: Policy;
  /** The route's schema (params, querystring, body) and what body it takes, for tests that fill a request from them. */
  schema: FastifySchema | undefined;
  inhoud: 'bestand' | 'tekst' | undefined;
}

/** Authenticates a request from its cookie or bearer token; undefined when there is none. */
export type Authenticator = (request: FastifyRequest) => Promise<Principal | undefined>;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const unauthenticated = (): ProblemError =>
  new ProblemError(401, 'niet-ingelogd', 'Niet ingelogd', { detail: 'Log eerst in.' });
export const forbidden = (detail = 'U heeft hiervoor geen rechten.'): ProblemError =>
  new ProblemError(403, 'geen-toegang', 'Geen toegang', { detail });

/** The roles a principal holds in one gemeente. */
export function rollenIn(principal: Principal, gemeente: string): Rol[] {
  if (principal.type === 'token') return principal.gemeente === gemeente ? principal.rollen : [];
  return principal.rollen[gemeente] ?? [];
}

/**
 * Installs deny-by-default authorisation: registering a route without a policy throws, and
 * every request is checked against its route's policy before validation and the handler.
 * Returns the list of routes with their policies (for the route × role matrix test).
 */
export function installPolicies(app: FastifyInstance, authenticate: Authenticator): RouteWithPolicy[] {
  const routes: RouteWithPolicy[] = [];
  app.decorateRequest('principal', undefined);
  app.decorateRequest('gemeente', undefined);

  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!policy) throw new Error(`Route ${methods.join(',')} ${route.url} heeft geen toegangsbeleid (policy)`);
    if (policy.toegang === 'rollen' && !route.url.includes(':gemeente')) {
      throw new Error(`Route ${route.url} met rollenbeleid mist de :gemeente parameter`);
    }
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url, policy, schema: route.schema, inhoud: route.config?.inhoud });
  });

  app.addHook('preValidation', async (request) => {
    const policy = request.routeOptions.config.policy;
    // Public routes (and Fastify's own 404 route, which has no policy) need no session lookup.
    if (!policy || policy.toegang === 'publiek') return;
    const principal = await authenticate(request);
    if (!principal) throw unauthenticated();
    if (principal.type === 'gebruiker') {
      if (policy.toegang !== 'aanmelden' && !principal.mfaVoltooid) throw unauthenticated();
      if (!SAFE_METHODS.has(request.method)) {
        const token = request.headers['x-csrf-token'];
        if (typeof token !== 'string' || !sameToken(token, principal.csrfToken)) {
          throw forbidden('Het beveiligingstoken (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw.');
        }
      }
    }
    request.principal = principal;
    if (policy.toegang === 'aanmelden') return;
    if (policy.toegang === 'ingelogd') {
      if (principal.type !== 'gebruiker') throw forbidden('Dit kan alleen een ingelogde medewerker.');
      return;
    }
    const gemeente = (request.params as Record<string, string | undefined>).gemeente ?? '';
    const rollen = rollenIn(principal, gemeente);
    if (rollen.length === 0) throw forbidden('U werkt niet voor deze gemeente.');
    if (!heeftRecht(rollen, policy.recht)) throw forbidden();
    request.gemeente = gemeente;
  });

  return routes;
}
