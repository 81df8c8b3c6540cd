import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import type { InvalidParam } from '../../http/problem.ts';

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: OWASP's minimum for argon2id).
const ARGON2ID = 2;

let veelgebruikt: Set<string> | undefined;
function veelgebruikteWachtwoorden(): Set<string> {
  veelgebruikt ??= new Set(
    readFileSync(new URL('./veelgebruikte-wachtwoorden.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((regel) => regel !== '' && !regel.startsWith('#')),
  );
  return veelgebruikt;
}

export const MIN_LENGTE = 12;
export const MAX_LENGTE = 128;

/** NIST 800-63B: length only (12–128), not a common or breached password, not the e-mail address. No composition rules. */
export function controleerWachtwoord(wachtwoord: string, over: { email?: string; veld?: string } = {}): InvalidParam[] {
  const name = over.veld ?? 'wachtwoord';
  const lengte = [...wachtwoord].length;
  if (lengte < MIN_LENGTE) return [{ name, code: 'te-kort', reason: `Kies een wachtwoord van minstens ${MIN_LENGTE} tekens.` }];
  if (lengte > MAX_LENGTE) return [{ name, code: 'te-lang', reason: `Een wachtwoord mag hoogstens ${MAX_LENGTE} tekens hebben.` }];
  const klein = wachtwoord.toLowerCase();
  if (veelgebruikteWachtwoorden().has(klein) || /^(.)\1+$/.test(wachtwoord)) {
    return [{ name, code: 'veelgebruikt', reason: 'Dit wachtwoord wordt vaak gebruikt en is makkelijk te raden. Kies een ander.' }];
  }
  if (over.email && klein.includes(over.email.toLowerCase().split('@')[0] ?? '\u0000') && klein.length - over.email.length < 6) {
    return [{ name, code: 'lijkt-op-email', reason: 'Uw wachtwoord lijkt te veel op uw e-mailadres. Kies een ander.' }];
  }
  return [];
}

export const hashWachtwoord = (wachtwoord: string): Promise<string> => hash(wachtwoord, { algorithm: ARGON2ID as never });

export const klopWachtwoord = (opgeslagen: string, wachtwoord: string): Promise<boolean> =>
  verify(opgeslagen, wachtwoord).catch(() => false);

// Used to spend the same time when an account does not exist (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;
export const dummyWachtwoordHash = (): Promise<string> => (dummyHash ??= hashWachtwoord('loket-dummy-wachtwoord-voor-timing'));
