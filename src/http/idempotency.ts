import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { openVerzoekTransactie, type VerzoekTransactie } from '../db/verzoek-transactie.ts';
import type { Klok } from '../klok.ts';
import { idempotentieRepository } from './idempotency.repository.ts';
import { ProblemError } from './problem.ts';

const KEY = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['location', 'etag', 'content-type'];

declare module 'fastify' {
  interface FastifyRequest {
    idempotentie: { principaal: string; sleutel: string; transactie: VerzoekTransactie } | undefined;
  }
}

const ongeldigeSleutel = () =>
  new ProblemError(400, 'ongeldige-idempotency-key', 'Ongeldige Idempotency-Key', {
    invalidParams: [{ name: 'Idempotency-Key', code: 'ongeldig', reason: 'Gebruik 1 tot 255 zichtbare tekens, bijvoorbeeld een UUID.' }],
  });

const sleutelHergebruikt = () =>
  new ProblemError(422, 'idempotency-key-hergebruikt', 'Idempotency-Key al gebruikt', {
    detail: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik voor elk nieuw verzoek een nieuwe sleutel.',
  });

const verzoekLooptNog = () =>
  new ProblemError(409, 'verzoek-loopt-nog', 'Verzoek loopt nog', {
    detail: 'Een eerder verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer het zo opnieuw.',
    headers: { 'Retry-After': '1' },
  });

/**
 * POST with an Idempotency-Key header (ADR 0030): the request runs in one transaction that also
 * claims the key and stores the 2xx answer, so after any crash a retry, on any node, either gets
 * that answer again or does the work once. The same key with another request is a 422; while a
 * request with the key is under way on a live node, a 409 with Retry-After.
 *
 * A 2xx commits the work and the answer. Another 4xx commits what the request wrote (such as a
 * refused login's count, as without a key) but frees the key; a 5xx rolls everything back.
 */
export function installIdempotency(app: FastifyInstance, deps: { db: Kysely<DB>; klok: Klok }): void {
  const { db, klok } = deps;
  app.decorateRequest('idempotentie', undefined);

  // The handler runs inside the request's transaction (preHandler hooks cannot wrap it).
  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (this: FastifyInstance, request, reply) {
      const claim = request.idempotentie;
      return claim ? claim.transactie.binnen(async () => handler.call(this, request, reply)) : handler.call(this, request, reply);
    } as RouteHandlerMethod;
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const sleutel = request.headers['idempotency-key'];
    if (sleutel === undefined) return;
    if (typeof sleutel !== 'string' || !KEY.test(sleutel)) throw ongeldigeSleutel();
    const p = request.principal;
    const principaal = p ? `${p.type}:${p.id}` : `anoniem:${request.ip}`;
    const verzoekHash = createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
    const transactie = await openVerzoekTransactie(db);
    try {
      const repository = idempotentieRepository(transactie.trx);
      const claim = await repository.claim({ principaal, sleutel, methode: request.method, pad: request.url, verzoekHash, nu: klok.nu().toISOString() });
      if (claim === 'geclaimd') {
        request.idempotentie = { principaal, sleutel, transactie };
        return;
      }
      if (claim === 'bezet') throw verzoekLooptNog();
      const bestaand = await repository.haal(principaal, sleutel);
      await transactie.rollback();
      if (!bestaand || bestaand.verzoek_hash !== verzoekHash) throw sleutelHergebruikt();
      for (const [name, value] of Object.entries(bestaand.headers)) reply.header(name, value);
      reply.header('Idempotent-Replayed', 'true');
      return reply.code(bestaand.status).send(bestaand.antwoord);
    } finally {
      if (request.idempotentie?.transactie !== transactie) await transactie.rollback();
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotentie;
    if (!claim) return payload;
    request.idempotentie = undefined;
    await sluit(claim, reply.statusCode, reply, payload);
    return payload;
  });

  // Should a request end without sending (a closed connection), its transaction does not stay open.
  app.addHook('onResponse', async (request) => {
    const claim = request.idempotentie;
    request.idempotentie = undefined;
    if (claim?.transactie.open) await claim.transactie.rollback();
  });
}

async function sluit(
  claim: NonNullable<FastifyRequest['idempotentie']>,
  status: number,
  reply: { getHeader(name: string): unknown },
  payload: unknown,
): Promise<void> {
  const { transactie, principaal, sleutel } = claim;
  const repository = idempotentieRepository(transactie.trx);
  if (status >= 500) return transactie.rollback();
  if (status >= 300) {
    try {
      await repository.geefVrij(principaal, sleutel);
      await transactie.commit();
    } catch {
      // A statement of the request failed, so the database refuses the rest: nothing changed.
      await transactie.rollback();
    }
    return;
  }
  try {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    const body = typeof payload === 'string' && payload !== '' ? (JSON.parse(payload) as unknown) : null;
    await repository.bewaar(principaal, sleutel, status, body, headers);
    await transactie.commit();
  } catch (error) {
    // Not committed, so not a 2xx: the error handler answers instead.
    if (transactie.open) await transactie.rollback();
    throw error;
  }
}
