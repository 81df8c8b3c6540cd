import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { createLoket } from '../server.ts';
import { cliOmgeving } from '../../test/cli-proces.ts';

// `loket open311 sleutel` as an operator runs it: a child process on PGlite in a temporary data
// dir, or on a fresh PostgreSQL database when DATABASE_URL is set. The printed key is then used
// by a client on the same database.
const cli = cliOmgeving('loket-open311-cli-');
const loket = cli.loket;

describe('loket open311 sleutel', () => {
  it('prints a key alone on the last line, that works for POST requests of that gemeente; refuses bad usage with exit 2', async () => {
    const demo = await loket('demo', '--json', '--zonder-zaken');
    expect(demo.code, demo.stderr).toBe(0);

    const r = await loket('open311', 'sleutel', 'diemen.nl', 'FixMyStreet');
    expect(r.code, r.stderr).toBe(0);
    const regels = r.stdout.trimEnd().split('\n');
    const sleutel = regels.at(-1) ?? '';
    expect(sleutel).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
    expect(regels[0]).toMatch(/FixMyStreet bij Diemen .*verloopt niet/);

    const tijdelijk = await loket('open311', 'sleutel', 'DIEMEN.nl', 'Test', '--verloopt', '2099-12-31');
    expect(tijdelijk.code, tijdelijk.stderr).toBe(0);
    expect(tijdelijk.stdout).toMatch(/verloopt op 2100-01-01T00:00:00\.000Z/);

    for (const args of [
      ['open311', 'sleutel', 'amsterdam.nl', 'X'],
      ['open311', 'sleutel', 'diemen.nl', 'X', '--verloopt', 'morgen'],
      ['open311', 'sleutel', 'diemen.nl'],
    ]) {
      const fout = await loket(...args);
      expect(fout.code, args.join(' ')).toBe(2);
      expect(fout.stdout).toBe('');
      expect(fout.stderr).toMatch(/^loket: /);
    }

    // The key works for Diemen through the Open311 API on the same database, and not for another gemeente.
    const database = await openDatabase({ databaseUrl: cli.databaseUrl, dataDir: cli.databaseUrl ? undefined : cli.dataDir });
    const app = await createLoket({ config: loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0' }), database, werkers: false, logger: false });
    try {
      const post = (jurisdictie: string, api_key: string) =>
        app.app.inject({
          method: 'POST',
          url: '/open311/v2/requests.xml',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ jurisdiction_id: jurisdictie, api_key, service_code: 'zwerfafval', lat: '52.335', long: '4.99', description: 'Blikjes' }).toString(),
        });
      const goed = await post('diemen.nl', sleutel);
      expect(goed.statusCode, goed.body).toBe(200);
      expect(goed.body).toMatch(/<service_requests><request><service_request_id>Z-\d{4}-\d{6}<\/service_request_id>/);
      expect((await post('uithoorn.nl', sleutel)).statusCode).toBe(403);
      expect((await app.services.open311Sleutels.lijst('GM0384')).map((s) => s.naam).toSorted()).toEqual(['FixMyStreet', 'Test']);
    } finally {
      await app.close();
      await database.close();
    }
  }, 180_000);
});
