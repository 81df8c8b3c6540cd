import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Audit actions that are login data (VNG Selectielijst 2020, 19.24: six months). */
export const AANMELDACTIES = ['aanmelden', 'afmelden', 'overal-afmelden'] as const;

/** SQL for retention terms and housekeeping. */
export function onderhoudRepository(db: Kysely<DB>) {
  return {
    verwijderVerlopenSessies: async (nu: string, idleGrens: string): Promise<number> => {
      const r = await db
        .deleteFrom('sessie')
        .where((eb) => eb.or([eb('verloopt_op', '<=', nu), eb('laatst_actief_op', '<', idleGrens)]))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    verwijderIdempotentie: async (voor: string): Promise<number> => {
      const r = await db.deleteFrom('idempotentie').where('aangemaakt_op', '<', voor).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    /** Destroys login records older than the term (the only delete the audit log allows). */
    vernietigAanmeldgegevens: (voor: string): Promise<number> =>
      db.transaction().execute(async (trx) => {
        await sql`select set_config('loket.vernietigen', 'aan', true)`.execute(trx);
        const r = await trx.deleteFrom('audit_log').where('actie', 'in', AANMELDACTIES).where('tijdstip', '<', voor).executeTakeFirst();
        return Number(r.numDeletedRows);
      }),
    /** PGlite has no autovacuum: reclaim the space of deleted and updated rows. */
    vacuum: async (): Promise<void> => {
      await sql`vacuum`.execute(db);
    },
  };
}

export type OnderhoudRepository = ReturnType<typeof onderhoudRepository>;
