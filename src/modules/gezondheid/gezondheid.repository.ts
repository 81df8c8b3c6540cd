import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** SQL of the liveness and readiness checks. */
export function gezondheidRepository(db: Kysely<DB>) {
  return {
    /** Throws when the database does not answer. */
    ping: async (): Promise<void> => {
      await sql`select 1`.execute(db);
    },
    /** The migrations applied to this database (Kysely's migration table; throws when the database does not answer). */
    toegepasteMigraties: async (): Promise<string[]> => {
      const { rows } = await sql<{ name: string }>`select name from loket_migratie`.execute(db);
      return rows.map((r) => r.name);
    },
  };
}

export type GezondheidRepository = ReturnType<typeof gezondheidRepository>;
