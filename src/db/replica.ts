import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Kysely,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Pool } from 'pg';
import type { DB } from './schema.ts';

/**
 * The read replica (DATABASE_READ_URL, ADR 0028): a PostgreSQL streaming replica of the primary.
 * Queries made on `Database.lezen` go to it only inside `lees(fn)`; everywhere else `lezen` is the
 * primary. The replica may lag; the HTTP layer decides per request whether it is fresh enough
 * for the caller (src/http/lezen.ts).
 */
export interface Replica {
  /** Runs fn with the `lezen` queries made in it on the replica (each falls back to the primary when the replica fails). */
  lees<T>(fn: () => Promise<T>): Promise<T>;
  /** Whether the replica has replayed the primary's WAL up to `lsn`; false when it is behind, down or cannot say. */
  heeftBereikt(lsn: bigint): Promise<boolean>;
  /** The primary's WAL position now; after a commit it is at or past that commit's record. */
  positieVanPrimary(): Promise<string>;
}

/** After a failure the replica is not tried again on this node for this long. */
export const REPLICA_PAUZE_MS = 5_000;

/** A WAL position as PostgreSQL writes it ('16/B374D848') as a number to compare; undefined when it is not one. */
export function lsnGetal(tekst: string): bigint | undefined {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(tekst);
  if (!m) return undefined;
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

/** What one node knows of its replica: down until when, and how far it had replayed when last asked. */
class Toestand {
  #wegTot = 0;
  /** A lower bound: the replay position only grows on one replica. Reset after a failure. */
  bereikt = 0n;
  readonly #melding: (error: Error) => void;
  constructor(melding: (error: Error) => void) {
    this.#melding = melding;
  }
  weg(): boolean {
    return Date.now() < this.#wegTot;
  }
  /** The replica failed: reads go to the primary for REPLICA_PAUZE_MS, told once per pause. */
  faalt(error: unknown): void {
    this.bereikt = 0n;
    if (this.weg()) return;
    this.#wegTot = Date.now() + REPLICA_PAUZE_MS;
    this.#melding(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * A connection of the `lezen` Kysely: on the replica or on the primary. A query that fails on the
 * replica (down, restarting, a conflict with recovery) runs again on the primary: these are reads.
 */
class LeesVerbinding implements DatabaseConnection {
  readonly verbinding: DatabaseConnection;
  readonly vanReplica: boolean;
  readonly #primary: Driver;
  readonly #toestand: Toestand;
  constructor(verbinding: DatabaseConnection, vanReplica: boolean, primary: Driver, toestand: Toestand) {
    this.verbinding = verbinding;
    this.vanReplica = vanReplica;
    this.#primary = primary;
    this.#toestand = toestand;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.vanReplica) return this.verbinding.executeQuery<R>(query);
    if (!this.#toestand.weg()) {
      try {
        return await this.verbinding.executeQuery<R>(query);
      } catch (error) {
        this.#toestand.faalt(error);
      }
    }
    return this.#opPrimary(query);
  }

  async #opPrimary<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const verbinding = await this.#primary.acquireConnection();
    try {
      return await verbinding.executeQuery<R>(query);
    } finally {
      await this.#primary.releaseConnection(verbinding);
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.verbinding.streamQuery<R>(query, chunkSize);
  }
}

const geenTransacties = () => Promise.reject(new Error('Database.lezen is alleen om te lezen: een transactie hoort op Database.db.'));

/** The driver of `lezen`: the replica inside `lees(fn)` while it answers, the primary otherwise. */
class LeesDriver implements Driver {
  readonly #replica: Driver;
  readonly #primary: Driver;
  readonly #scope: AsyncLocalStorage<true>;
  readonly #toestand: Toestand;
  constructor(replicaPool: Pool, primaryPool: Pool, scope: AsyncLocalStorage<true>, toestand: Toestand) {
    this.#replica = new PostgresDriver({ pool: replicaPool });
    // The primary's pool belongs to Database.db: this driver borrows it and never ends it.
    this.#primary = new PostgresDriver({ pool: primaryPool });
    this.#scope = scope;
    this.#toestand = toestand;
  }

  async init(): Promise<void> {
    await this.#replica.init();
    await this.#primary.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#scope.getStore() === true && !this.#toestand.weg()) {
      try {
        return new LeesVerbinding(await this.#replica.acquireConnection(), true, this.#primary, this.#toestand);
      } catch (error) {
        this.#toestand.faalt(error);
      }
    }
    return new LeesVerbinding(await this.#primary.acquireConnection(), false, this.#primary, this.#toestand);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as LeesVerbinding;
    await (c.vanReplica ? this.#replica : this.#primary).releaseConnection(c.verbinding);
  }

  beginTransaction = geenTransacties;
  commitTransaction = geenTransacties;
  rollbackTransaction = geenTransacties;

  async destroy(): Promise<void> {
    await this.#replica.destroy();
  }
}

/**
 * The replica's side of a Database: the `lezen` Kysely (replica inside `lees`, primary elsewhere)
 * and the WAL positions that decide whether a caller may read there. `melding` is told when the
 * replica fails (once per pause of REPLICA_PAUZE_MS).
 */
export function openReplica(opties: { replicaPool: Pool; primaryPool: Pool; primary: Kysely<DB>; melding: (error: Error) => void }): { lezen: Kysely<DB>; replica: Replica } {
  const scope = new AsyncLocalStorage<true>();
  const toestand = new Toestand(opties.melding);
  const dialect: Dialect = {
    createDriver: () => new LeesDriver(opties.replicaPool, opties.primaryPool, scope, toestand),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createAdapter: () => new PostgresAdapter(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
  const lezen = new Kysely<DB>({ dialect });
  return {
    lezen,
    replica: {
      lees: (fn) => scope.run(true, fn),

      async heeftBereikt(lsn) {
        if (lsn <= toestand.bereikt) return true;
        if (toestand.weg()) return false;
        // Through `lezen` in the replica's scope: a failing replica is handled as for any read, and
        // the query then answered by the primary gives null (not a standby), as does a
        // DATABASE_READ_URL that names a primary: it cannot say.
        const { rows } = await scope.run(true, () => sql<{ lsn: string | null }>`select pg_last_wal_replay_lsn()::text as lsn`.execute(lezen));
        const positie = lsnGetal(rows[0]?.lsn ?? '');
        if (positie === undefined) return false;
        if (positie > toestand.bereikt) toestand.bereikt = positie;
        return lsn <= positie;
      },

      async positieVanPrimary() {
        // The insert position, not the write position: it is past every record already inserted,
        // this request's commit included, whatever synchronous_commit says.
        const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(opties.primary);
        return rows[0]?.lsn ?? '0/0';
      },
    },
  };
}
