import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ProblemError } from './problem.ts';

/** The If-Match request header of an update, documented in OpenAPI (checked by versieUitIfMatch). */
export const ifMatchHeader = z.object({ 'if-match': z.string().optional().describe('De ETag van de versie die u wijzigt (verplicht)') });

/** Sets the ETag of a versioned resource. */
export function zetEtag(reply: FastifyReply, versie: number): void {
  reply.header('ETag', `"${versie}"`);
}

/** The version an update is based on, from If-Match; 428 when missing, 412 when unreadable. */
export function versieUitIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) {
    throw new ProblemError(428, 'if-match-vereist', 'Versie ontbreekt', {
      detail: 'Stuur de ETag van de laatste versie mee in de If-Match header, zodat u geen wijziging van een ander overschrijft.',
    });
  }
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw verouderd();
  return Number(match[1]);
}

export const verouderd = (): ProblemError =>
  new ProblemError(412, 'verouderde-versie', 'Intussen gewijzigd', {
    detail: 'Iemand anders heeft dit intussen gewijzigd. Haal de nieuwste versie op en probeer het opnieuw.',
  });
