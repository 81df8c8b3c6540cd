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
    detail: 'Deze code klopt niet. Vul de nieuwste code uit uw app in en probeer het opnieuw.',
  });

/** A right code that was used before, within its 30 seconds: the user did nothing wrong. */
export const codeAlGebruikt = (): ProblemError =>
  new ProblemError(401, 'code-al-gebruikt', 'Code al gebruikt', {
    detail: 'Deze code is net al gebruikt. Wacht op de volgende code van uw app en probeer het opnieuw.',
  });
