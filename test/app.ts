import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { vasteKlok } from '../src/klok.ts';
import { createLoket, type Loket } from '../src/server.ts';
import { testDatabase } from './database.ts';

export interface TestLoket extends Loket {
  database: Database;
  klok: ReturnType<typeof vasteKlok>;
}

/** A Loket on a fresh migrated database, not listening (use app.inject). */
export async function testLoket(options: { nu?: string; env?: Record<string, string> } = {}): Promise<TestLoket> {
  const database = await testDatabase();
  const klok = vasteKlok(options.nu ?? new Date().toISOString());
  const loket = await createLoket({
    config: loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000', LOKET_RATE_LIMIT: '100000', LOKET_RATE_LIMIT_AANMELDEN: '100000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', ...options.env }),
    database,
    klok,
    logger: false,
  });
  return {
    ...loket,
    database,
    klok,
    close: async () => {
      await loket.close();
      await database.close();
    },
  };
}
