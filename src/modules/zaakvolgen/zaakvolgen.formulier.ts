import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import type { Klok } from '../../klok.ts';

/** How long a reply form stays valid after the page was shown. */
export const FORMULIER_GELDIG_MS = 24 * 60 * 60 * 1000;

/**
 * Tokens for the public reply form without a session or cookie (ADR 0014): the time the page
 * was shown and an HMAC over gemeente, tracking code and that time with a server secret. A
 * token fits one zaak, is not valid for another, and expires after FORMULIER_GELDIG_MS.
 */
export function formulierTokens(geheim: string, klok: Klok) {
  // The key prepared once: from a string it would be prepared again for every token.
  const sleutel = createSecretKey(Buffer.from(geheim));
  const mac = (gemeente: string, code: string, tijd: string) => createHmac('sha256', sleutel).update(`${gemeente}\n${code}\n${tijd}`).digest('base64url');
  return {
    maak(gemeente: string, code: string): string {
      const tijd = String(klok.nu().getTime());
      return `${tijd}.${mac(gemeente, code, tijd)}`;
    },
    klopt(gemeente: string, code: string, token: string): boolean {
      const [tijd = '', handtekening = ''] = token.split('.');
      if (!/^\d{1,15}$/.test(tijd)) return false;
      const leeftijd = klok.nu().getTime() - Number(tijd);
      // A few minutes of clock skew between instances is fine; older than a day is not.
      if (leeftijd > FORMULIER_GELDIG_MS || leeftijd < -5 * 60_000) return false;
      const verwacht = Buffer.from(mac(gemeente, code, tijd));
      const gekregen = Buffer.from(handtekening);
      return verwacht.length === gekregen.length && timingSafeEqual(verwacht, gekregen);
    },
  };
}

export type FormulierTokens = ReturnType<typeof formulierTokens>;
