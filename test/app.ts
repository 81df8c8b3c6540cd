import { loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { vasteKlok } from '../src/klok.ts';
import { createLoket, type Loket } from '../src/server.ts';
import { leesOpties, testDatabase, type TestLeesreplica } from './database.ts';

export interface TestLoket extends Loket {
  database: Database;
  klok: ReturnType<typeof vasteKlok>;
}

const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000', LOKET_RATE_LIMIT: '100000', LOKET_RATE_LIMIT_AANMELDEN: '100000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0', LOKET_KPI_ROLLUP_MINUTEN: '0', LOKET_HERINNERING_MINUTEN: '0', ...env });

/** A Loket on a fresh migrated database, not listening (use app.inject); `replica`: with a read replica (PostgreSQL). */
export async function testLoket(options: { nu?: string; env?: Record<string, string>; replica?: TestLeesreplica } = {}): Promise<TestLoket> {
  const database = await testDatabase({ replica: options.replica });
  const klok = vasteKlok(options.nu ?? new Date().toISOString());
  const loket = await createLoket({ config: testConfig(options.env), database, klok, logger: false });
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

/**
 * A second Loket node on the same PostgreSQL database as `eerste` (its own pool, job queue and
 * caches, the same clock), as `loket serve` on another machine. Close it before `eerste`.
 */
export async function tweedeKnooppunt(eerste: TestLoket, options: { env?: Record<string, string>; replica?: TestLeesreplica } = {}): Promise<TestLoket> {
  if (!eerste.database.url) throw new Error('Twee knooppunten delen alleen een PostgreSQL-database.');
  const database = await openDatabase({ databaseUrl: eerste.database.url, poolSize: 5, ...leesOpties(eerste.database.url, options.replica) });
  try {
    const loket = await createLoket({ config: testConfig(options.env), database, klok: eerste.klok, logger: false });
    return {
      ...loket,
      database,
      klok: eerste.klok,
      close: async () => {
        await loket.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
