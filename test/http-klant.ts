import { Agent, request } from 'node:http';
import type { InjectOptions } from 'fastify';
import type { Injecteerbaar } from './login.ts';

/**
 * An HTTP client with the shape of Fastify's `inject`, for real processes (test/cluster.ts, the
 * cluster benchmark): test/login.ts and the other helpers that take an `app` work on it.
 */

export interface HttpAntwoord {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T>(): T;
}

export interface HttpKlant extends Injecteerbaar {
  readonly base: string;
  inject(opties: InjectOptions): Promise<HttpAntwoord>;
  close(): void;
}

/**
 * An HTTP/1.1 client (keep-alive) for one base URL. `localAddress` picks the source address
 * (any 127.x.y.z on loopback), so a test can be several clients for a rate limit. A request
 * that gets no answer rejects (connection refused or reset, or no answer within `timeoutMs`).
 */
export function httpKlant(base: string, opties: { localAddress?: string; timeoutMs?: number } = {}): HttpKlant {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const timeoutMs = opties.timeoutMs ?? 10_000;
  return {
    base,
    inject(o) {
      if (typeof o.url !== 'string') throw new Error('httpKlant: alleen een url als tekst');
      const payload = o.payload === undefined ? undefined : typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload);
      const headers: Record<string, string> = {};
      for (const [naam, waarde] of Object.entries(o.headers ?? {})) if (waarde !== undefined) headers[naam] = String(waarde);
      if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
      return new Promise((resolve, reject) => {
        const verzoek = request(
          `${base}${o.url as string}`,
          { method: o.method ?? 'GET', headers, agent, localAddress: opties.localAddress, timeout: timeoutMs },
          (antwoord) => {
            let body = '';
            antwoord.setEncoding('utf8');
            antwoord.on('data', (d: string) => (body += d));
            antwoord.on('end', () =>
              resolve({ statusCode: antwoord.statusCode ?? 0, headers: antwoord.headers, body, json: <T>() => JSON.parse(body) as T }),
            );
            antwoord.on('error', reject);
          },
        );
        verzoek.on('timeout', () => verzoek.destroy(new Error(`geen antwoord binnen ${timeoutMs} ms`)));
        verzoek.on('error', reject);
        verzoek.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}
