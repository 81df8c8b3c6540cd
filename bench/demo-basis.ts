// What several benchmarks set up the same way: the demo data loaded through the app's own
// services, and a demo user logged in over HTTP as the staff app does.
import { Secret, TOTP } from 'otpauth';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openSignalen } from '../src/db/signalen.ts';
import { systeemklok } from '../src/klok.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { DEMO_GEBRUIKERS } from '../src/modules/demo/demo.data.ts';
import { loketServices, type LoketServices } from '../src/server.ts';

/**
 * Migrates the database at `databaseUrl` and loads the demo data through the services (no mail
 * is sent); `daarna` may add more with the same services before the database is closed.
 */
export async function laadDemo(databaseUrl: string, daarna?: (services: LoketServices, database: Database) => Promise<void>): Promise<void> {
  const database = await openDatabase({ databaseUrl });
  try {
    await migrateToLatest(database.db as never);
    const signalen = await openSignalen(database, console);
    try {
      const services = loketServices({ database, klok: systeemklok, berichten: { verstuur: async () => undefined }, signalen, publicUrl: 'http://127.0.0.1' });
      await services.demo.laad(cliContext());
      await daarna?.(services, database);
    } finally {
      await signalen.close();
    }
  } finally {
    await database.close();
  }
}

function sessieCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-loket-sessie='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] as string;
}

/** Logs a demo user in as the staff app does (password, then TOTP): the session cookie and the CSRF token for changes. */
export async function logInDemo(base: string, email: string): Promise<{ cookie: string; csrfToken: string }> {
  const g = DEMO_GEBRUIKERS.find((d) => d.email === email);
  if (!g) throw new Error(`no demo user ${email}`);
  const json = { 'content-type': 'application/json' };
  const stap1 = await fetch(`${base}/api/v1/sessie`, { method: 'POST', headers: json, body: JSON.stringify({ email, wachtwoord: g.wachtwoord }) });
  if (stap1.status !== 200) throw new Error(`login: ${stap1.status} ${await stap1.text()}`);
  const { csrfToken } = (await stap1.json()) as { csrfToken: string };
  const code = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(g.totpGeheim) }).generate();
  const stap2 = await fetch(`${base}/api/v1/sessie/totp`, { method: 'POST', headers: { ...json, cookie: sessieCookie(stap1), 'x-csrf-token': csrfToken }, body: JSON.stringify({ code }) });
  if (stap2.status !== 200) throw new Error(`login step 2: ${stap2.status} ${await stap2.text()}`);
  const sessie = (await stap2.json()) as { csrfToken: string };
  return { cookie: sessieCookie(stap2), csrfToken: sessie.csrfToken };
}
