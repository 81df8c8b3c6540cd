import { ProblemError } from '../../http/problem.ts';

/** The same answer for an unknown address, a wrong password and a disabled account. */
export const onjuist = (): ProblemError =>
  new ProblemError(401, 'aanmelden-mislukt', 'Inloggen mislukt', { detail: 'Het e-mailadres of het wachtwoord klopt niet.' });

export function geblokkeerd(tot: Date, nu: Date): ProblemError {
  const seconden = Math.max(1, Math.ceil((tot.getTime() - nu.getTime()) / 1000));
  const minuten = Math.ceil(seconden / 60);
  return new ProblemError(429, 'tijdelijk-geblokkeerd', 'Tijdelijk geblokkeerd', {
    detail: `Er is te vaak een verkeerde inlog geprobeerd. Probeer het over ${minuten} ${minuten === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    headers: { 'Retry-After': String(seconden) },
  });
}

export const codeOnjuist = (): ProblemError =>
  new ProblemError(401, 'code-onjuist', 'Code klopt niet', {
    detail: 'Deze code klopt niet of is al gebruikt. Wacht op een nieuwe code in uw app en probeer het opnieuw.',
  });
