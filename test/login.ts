import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { totpVoor } from '../src/modules/auth/auth.service.ts';
import type { Klok } from '../src/klok.ts';

export interface Ingelogd {
  cookie: string;
  csrf: string;
  /** Headers for a change: the session cookie and the CSRF token. */
  headers: Record<string, string>;
}

function sessieCookie(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const value = list.find((c) => c.startsWith('__Host-loket-sessie='));
  if (!value) throw new Error('geen sessiecookie in het antwoord');
  return value.split(';')[0] as string;
}

/**
 * What a login needs of a server: Fastify's `app.inject`, or an HTTP client with the same shape
 * that talks to real processes (`httpKlant` in test/cluster.ts).
 */
export interface Injecteerbaar {
  inject(opties: InjectOptions): Promise<Pick<LightMyRequestResponse, 'statusCode' | 'headers' | 'body' | 'json'>>;
}

/**
 * Logs in with password and a TOTP code computed at the clock's time; returns cookie and CSRF
 * token. Without a secret it is a first login: the secret comes from step 1 (enrolment).
 */
export async function logIn(app: Injecteerbaar, klok: Klok, email: string, wachtwoord: string, totpGeheim?: string): Promise<Ingelogd> {
  const stap1 = await app.inject({ method: 'POST', url: '/api/v1/sessie', payload: { email, wachtwoord } });
  if (stap1.statusCode !== 200) throw new Error(`stap 1: ${stap1.statusCode} ${stap1.body}`);
  const halfweg = sessieCookie(stap1.headers['set-cookie']);
  const geheim = totpGeheim ?? (stap1.json().geheim as string);
  const code = totpVoor(geheim, email).generate({ timestamp: klok.nu().getTime() });
  const stap2 = await app.inject({
    method: 'POST',
    url: '/api/v1/sessie/totp',
    headers: { cookie: halfweg, 'x-csrf-token': stap1.json().csrfToken },
    payload: { code },
  });
  if (stap2.statusCode !== 200) throw new Error(`stap 2: ${stap2.statusCode} ${stap2.body}`);
  const cookie = sessieCookie(stap2.headers['set-cookie']);
  const csrf = stap2.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
