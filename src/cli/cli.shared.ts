import { mkdirSync } from 'node:fs';
import { InvalidArgumentError, Option } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ROLLEN, type Rol } from '../db/schema.ts';
import { systeemklok } from '../klok.ts';
import type { LoketCore, LoketServices } from '../server.ts';
import { claimDataDir } from './data-dir-lock.ts';
import { pino } from 'pino';

/** A usage error: exit code 2 with a one-line reason on stderr. */
export class GebruiksFout extends Error {}

export function rollenOptie(waarde: string): Rol[] {
  const rollen = waarde.split(',').map((r) => r.trim()).filter(Boolean);
  const onbekend = rollen.filter((r) => !(ROLLEN as readonly string[]).includes(r));
  if (rollen.length === 0 || onbekend.length > 0) {
    throw new InvalidArgumentError(`onbekende rol ${onbekend.join(', ') || '(leeg)'}; kies uit ${ROLLEN.join(', ')}`);
  }
  return [...new Set(rollen)] as Rol[];
}

export const gemeenteOptie = (): Option =>
  new Option('--gemeente <code>', 'gemeentecode, bijvoorbeeld GM0384').makeOptionMandatory().argParser((v: string) => {
    if (!/^GM[0-9]{4}$/.test(v)) throw new InvalidArgumentError('een gemeentecode is GM met vier cijfers, bijvoorbeeld GM0384');
    return v;
  });

export interface CliLoket {
  config: Config;
  database: Database;
  /** This process's wiring (one job queue, one set of services); `loket serve` builds its server on it. */
  core: LoketCore;
  services: LoketServices;
  close(): Promise<void>;
}

const geenSlot = (): void => undefined;

/** The configured database, migrated, without the job queue or the services (see metCliDatabase). */
export interface CliDatabase {
  config: Config;
  database: Database;
}

/**
 * Claims the data dir (PGlite) and opens the configured database (PGlite in LOKET_DATA_DIR or
 * DATABASE_URL), migrated. `release` gives the data dir back; the caller closes the database.
 */
async function openMigreerdeDatabase(opties: { serve?: boolean }): Promise<CliDatabase & { logger: pino.Logger; release: () => void }> {
  const config = loadConfig();
  let release: () => void = geenSlot;
  if (!config.databaseUrl) {
    mkdirSync(config.dataDir, { recursive: true });
    release = claimDataDir(config.dataDir);
  }
  try {
    const logger = pino({ level: config.logLevel }, pino.destination(opties.serve ? 1 : 2));
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      onIdleError: (error) => logger.warn({ err: error }, 'databaseverbinding verbroken'),
      // Only the server reads from the replica (ADR 0028); a command reads the primary.
      readUrl: opties.serve ? config.databaseReadUrl : undefined,
      onReplicaError: (error) => logger.warn({ err: error }, 'leesreplica faalt: lezen van de primary (5 s)'),
    });
    try {
      await migrateToLatest(database.db as never);
    } catch (error) {
      await database.close();
      throw error;
    }
    return { config, database, logger, release };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Opens the configured database, migrated, and this process's wiring on it. A command only
 * queues mail and logs on stderr; `serve` (the server) also works the queued jobs and logs on
 * stdout, like its HTTP log.
 */
export async function openCliLoket(opties: { serve?: boolean } = {}): Promise<CliLoket> {
  const { config, database, logger, release } = await openMigreerdeDatabase(opties);
  try {
    // Loaded here, not at the top: a command that needs only the database (metCliDatabase) does not load the server.
    const { openLoketCore } = await import('../server.ts');
    const core = await openLoketCore({ config, database, klok: systeemklok, logger, werkers: opties.serve === true });
    return {
      config,
      database,
      core,
      services: core.services,
      close: async () => {
        await core.close();
        await database.close();
        release();
      },
    };
  } catch (error) {
    await database.close();
    release();
    throw error;
  }
}

/**
 * Opens only the configured database (migrated), does the work and closes it again: for a command
 * that needs no job queue (no pg-boss is started, no signals are listened to), e.g. `loket pc
 * import`. The command builds the one service it needs on `database`.
 */
export async function metCliDatabase<T>(werk: (cli: CliDatabase) => Promise<T>): Promise<T> {
  const { config, database, release } = await openMigreerdeDatabase({});
  try {
    return await werk({ config, database });
  } finally {
    await database.close();
    release();
  }
}

/** Opens Loket, does the work and always closes it again (database, queue, data-dir lock). */
export async function metCliLoket<T>(werk: (cli: CliLoket) => Promise<T>): Promise<T> {
  const cli = await openCliLoket();
  try {
    return await werk(cli);
  } finally {
    await cli.close();
  }
}

/** Prints data as JSON (--json) or as text lines. */
export function toon(json: boolean, data: unknown, tekst: string): void {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${tekst}\n`);
}
