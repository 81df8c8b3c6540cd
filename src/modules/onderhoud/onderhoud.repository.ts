import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Audit actions that are login data (VNG Selectielijst 2020, 19.24: six months). */
export const AANMELDACTIES = ['aanmelden', 'afmelden', 'overal-afmelden'] as const;

/** The logs partitioned by month (0013-logmaanden), each with the column it is partitioned on. */
export const MAANDLOGS = [
  { tabel: 'audit_log', kolom: 'tijdstip' },
  { tabel: 'verwerking_log', kolom: 'begin_op' },
  { tabel: 'installatie_log_aanmelding', kolom: 'tijdstip' },
] as const;

/** The first instant (UTC, ISO) of the month after `maand` (YYYY-MM). */
function volgendeMaand(maand: string): string {
  const [jaar, nr] = maand.split('-').map(Number);
  return new Date(Date.UTC(jaar ?? 0, nr ?? 0, 1)).toISOString();
}

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
    /**
     * Makes the month partitions of the logs (0013-logmaanden, ADR 0026): every month that has
     * rows waiting in a log's DEFAULT partition, and the given months (the current one and those
     * ahead). `maak_logmaand` moves waiting rows into their new month; it does nothing for a
     * month that exists. Returns the partitions it made.
     */
    maakLogmaanden: async (maanden: string[]): Promise<string[]> => {
      const gemaakt: string[] = [];
      for (const { tabel, kolom } of MAANDLOGS) {
        const { rows: wachtend } = await sql<{ maand: string }>`
          select distinct to_char(${sql.ref(kolom)} at time zone 'UTC', 'YYYY-MM-01') as maand from ${sql.table(`${tabel}_standaard`)}`.execute(db);
        for (const maand of new Set([...wachtend.map((w) => w.maand), ...maanden].toSorted())) {
          const { rows } = await sql<{ nieuw: boolean }>`select maak_logmaand(${tabel}, ${maand}::date) as nieuw`.execute(db);
          if (rows[0]?.nieuw) gemaakt.push(`${tabel}_${maand.slice(0, 4)}_${maand.slice(5, 7)}`);
        }
      }
      return gemaakt;
    },
    /**
     * Months of the login records whose end is on or before `voor` (their term is over), each
     * dropped whole by `vernietig_logmaand`, which checks the term again by the database's clock
     * and leaves a month it finds still within it. Never a DELETE: the logs refuse every one.
     */
    vernietigAanmeldmaanden: async (voor: string): Promise<{ partitie: string; rijen: number }[]> => {
      const { rows: partities } = await sql<{ naam: string }>`
        select c.relname as naam from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'installatie_log_aanmelding'::regclass and c.relname ~ '^installatie_log_aanmelding_[0-9]{4}_[0-9]{2}$'
        order by c.relname`.execute(db);
      const vernietigd: { partitie: string; rijen: number }[] = [];
      for (const { naam } of partities) {
        const maand = naam.slice(-7).replace('_', '-');
        if (volgendeMaand(maand) > voor) continue;
        const { rows } = await sql<{ rijen: number | null }>`select vernietig_logmaand(${naam}) as rijen`.execute(db);
        const rijen = rows[0]?.rijen;
        if (rijen !== null && rijen !== undefined) vernietigd.push({ partitie: naam, rijen: Number(rijen) });
      }
      return vernietigd;
    },
    /**
     * Statistics for the planner of every table, after a bulk load: a connection keeps the plan of
     * a foreign-key check it made while a table looked empty (autovacuum analyses only later).
     */
    analyseer: async (): Promise<void> => {
      await sql`analyze`.execute(db);
    },
    /** PGlite has no autovacuum: reclaim the space of deleted and updated rows. */
    vacuum: async (): Promise<void> => {
      await sql`vacuum`.execute(db);
    },
  };
}

export type OnderhoudRepository = ReturnType<typeof onderhoudRepository>;
