import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, SESSION_COOKIE } from '../../http/app.ts';
import type { Principal } from '../../http/policy.ts';
import { contextVan } from '../audit/audit.service.ts';
import type { GemeentenRepository } from '../gemeenten/gemeenten.repository.ts';
import { aanmeldenBody, aanmeldStapSchema, sessieSchema, totpBody } from './auth.schemas.ts';
import { SESSIE_ABSOLUUT_MS, type AuthService } from './auth.service.ts';

const tags = ['Sessie'];

function zetCookie(reply: FastifyReply, token: string, maxAgeMs: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

/** Reads the session cookie or bearer token of a request (the Authenticator of the policy hook). */
export function authenticator(auth: AuthService) {
  return async (request: FastifyRequest): Promise<Principal | undefined> => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return auth.vanApiToken(header.slice(7).trim());
    const cookie = request.cookies[SESSION_COOKIE];
    return cookie ? auth.vanSessie(cookie) : undefined;
  };
}

/** Login with password and TOTP, the current session, logout (here or everywhere). */
export function authRoutes(app: FastifyInstance, deps: { auth: AuthService; gemeenten: GemeentenRepository; rateLimitAanmelden: number }): void {
  const { auth, gemeenten } = deps;
  const loginRateLimit = { max: deps.rateLimitAanmelden, timeWindow: '1 minute' };
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(`${API_PREFIX}/sessie`, {
    // Counted exactly on every node, as the other login steps (ADR 0093).
    config: { policy: { toegang: 'publiek' }, rateLimit: loginRateLimit, rateLimitExact: true },
    schema: {
      tags,
      summary: 'Inloggen, stap 1: e-mailadres en wachtwoord',
      body: aanmeldenBody,
      response: { 200: aanmeldStapSchema },
    },
    handler: async (request, reply) => {
      const stap = await auth.meldAan(request.body.email, request.body.wachtwoord, contextVan(request));
      zetCookie(reply, stap.sessieToken, 10 * 60 * 1000);
      reply.header('Cache-Control', 'no-store');
      return {
        stap: stap.stap,
        csrfToken: stap.csrfToken,
        ...(stap.geheim ? { geheim: stap.geheim, otpauthUri: stap.otpauthUri } : {}),
      };
    },
  });

  r.post(`${API_PREFIX}/sessie/totp`, {
    config: { policy: { toegang: 'aanmelden' } },
    schema: { tags, summary: 'Inloggen, stap 2: de code uit de authenticator-app', body: totpBody, response: { 200: sessieSchema } },
    handler: async (request, reply) => {
      const principal = request.principal as Principal;
      const { sessieToken } = await auth.bevestigTotp(principal, request.body.code, contextVan(request));
      zetCookie(reply, sessieToken, SESSIE_ABSOLUUT_MS);
      const nieuw = await auth.vanSessie(sessieToken);
      reply.header('Cache-Control', 'no-store');
      return presenteer(nieuw as Principal);
    },
  });

  r.get(`${API_PREFIX}/sessie`, {
    config: { policy: { toegang: 'ingelogd' } },
    schema: { tags, summary: 'De huidige sessie: wie bent u en voor welke gemeenten werkt u', response: { 200: sessieSchema } },
    handler: async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return presenteer(request.principal as Principal);
    },
  });

  r.delete(`${API_PREFIX}/sessie`, {
    config: { policy: { toegang: 'aanmelden' } },
    schema: { tags, summary: 'Uitloggen' },
    handler: async (request, reply) => {
      await auth.meldAf(request.principal as Principal, contextVan(request), false);
      reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
      return reply.code(204).send();
    },
  });

  r.delete(`${API_PREFIX}/sessies`, {
    config: { policy: { toegang: 'ingelogd' } },
    schema: { tags, summary: 'Overal uitloggen: beëindigt al uw sessies' },
    handler: async (request, reply) => {
      await auth.meldAf(request.principal as Principal, contextVan(request), true);
      reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
      return reply.code(204).send();
    },
  });

  async function presenteer(principal: Principal) {
    if (principal.type !== 'gebruiker') throw new Error('sessie zonder gebruiker');
    const alle = await gemeenten.lijst();
    return {
      gebruiker: { id: principal.id, naam: principal.naam, email: principal.email },
      gemeenten: alle
        .filter((g) => (principal.rollen[g.code] ?? []).length > 0)
        .map((g) => ({ code: g.code, naam: g.naam, slug: g.slug, rollen: principal.rollen[g.code] ?? [] })),
      csrfToken: principal.csrfToken,
      verlooptOp: principal.verlooptOp,
    };
  }
}
