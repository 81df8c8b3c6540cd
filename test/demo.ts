import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS, type DemoGebruiker } from '../src/modules/demo/demo.data.ts';
import type { Wie } from '../src/modules/zaken/zaken.service.ts';
import type { TestLoket } from './app.ts';
import { logIn, type Ingelogd } from './login.ts';

/** Loads the demo data into a test Loket. */
export async function laadDemo(loket: TestLoket): Promise<void> {
  await loket.services.demo.laad(cliContext());
}

export function demoGebruiker(email: string): DemoGebruiker {
  const g = DEMO_GEBRUIKERS.find((d) => d.email === email);
  if (!g) throw new Error(`geen demogebruiker ${email}`);
  return g;
}

/** Logs a demo user in; moves the clock 30 s first so every login gets a fresh TOTP step. */
export async function logInAls(loket: TestLoket, email: string): Promise<Ingelogd> {
  const g = demoGebruiker(email);
  loket.klok.verder(30_000);
  return logIn(loket.app, loket.klok, g.email, g.wachtwoord, g.totpGeheim);
}

/** A demo staff member as the actor of the zaken service in a gemeente (for calling the service directly). */
export async function demoWie(loket: TestLoket, email: string, gemeente = 'GM0384'): Promise<Wie> {
  const g = demoGebruiker(email);
  const { id } = await loket.services.gebruikers.opEmail(gemeente, email);
  return { context: cliContext(), gebruiker: id, naam: g.naam, rollen: g.rollen[gemeente] ?? [] };
}
