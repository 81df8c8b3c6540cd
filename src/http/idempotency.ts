import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Klok } from '../klok.ts';
import type { IdempotentieRepository } from './idempotency.repository.ts';
import { ProblemError } from './problem.ts';

const KEY = /^[\x21-\x7e]{1,255}$/;
const STALE_CLAIM_MS = 5 * 60 * 1000;
const REPLAYED_HEADERS = ['location', 'etag', 'content-type'];

declare module 'fastify' {
  interface FastifyRequest {
    idempotentie: { principaal: string; sleutel: string } | undefined;
  }
}

/**
 * POST with an Idempotency-Key header: the first request's 2xx answer is stored and a retry
 * with the same key (same caller, same request) gets that answer again without doing the work
 * twice. The same key with another request is a 422; while the first is still running, a 409.
 */
export function installIdempotency(app: FastifyInstance, deps: { repository: IdempotentieRepository; klok: Klok }): void {
  const { repository, klok } = deps;
  app.decorateRequest('idempotentie', undefined);

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const sleutel = request.headers['idempotency-key'];
    if (sleutel === undefined) return;
    if (typeof sleutel !== 'string' || !KEY.test(sleutel)) {
      throw new ProblemError(400, 'ongeldige-idempotency-key', 'Ongeldige Idempotency-Key', {
        invalidParams: [{ name: 'Idempotency-Key', code: 'ongeldig', reason: 'Gebruik 1 tot 255 zichtbare tekens, bijvoorbeeld een UUID.' }],
      });
    }
    const p = request.principal;
    const principaal = p ? `${p.type}:${p.id}` : `anoniem:${request.ip}`;
    const verzoekHash = createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    const nu = klok.nu();
    await repository.ruimOp(principaal, sleutel, new Date(nu.getTime() - STALE_CLAIM_MS).toISOString());
    if (await repository.claim({ principaal, sleutel, methode: request.method, pad: request.url, verzoekHash, nu: nu.toISOString() })) {
      request.idempotentie = { principaal, sleutel };
      return;
    }
    const bestaand = await repository.haal(principaal, sleutel);
    if (!bestaand || bestaand.verzoek_hash !== verzoekHash) {
      throw new ProblemError(422, 'idempotency-key-hergebruikt', 'Idempotency-Key al gebruikt', {
        detail: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik voor elk nieuw verzoek een nieuwe sleutel.',
      });
    }
    if (bestaand.status === 0) {
      throw new ProblemError(409, 'verzoek-loopt-nog', 'Verzoek loopt nog', {
        detail: 'Een eerder verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer het zo opnieuw.',
        headers: { 'Retry-After': '1' },
      });
    }
    for (const [name, value] of Object.entries(bestaand.headers)) reply.header(name, value);
    reply.header('Idempotent-Replayed', 'true');
    return reply.code(bestaand.status).send(bestaand.antwoord);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotentie;
    if (!claim) return payload;
    request.idempotentie = undefined;
    if (reply.statusCode >= 200 && reply.statusCode < 300) {
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (typeof value === 'string') headers[name] = value;
      }
      const body = typeof payload === 'string' && payload !== '' ? (JSON.parse(payload) as unknown) : null;
      await repository.bewaar(claim.principaal, claim.sleutel, reply.statusCode, body, headers);
    } else {
      await repository.geefVrij(claim.principaal, claim.sleutel);
    }
    return payload;
  });
}
