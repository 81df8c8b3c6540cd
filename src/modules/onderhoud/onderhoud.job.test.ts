import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { logInAls } from '../../../test/demo.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { vasteKlok } from '../../klok.ts';
import { createLoket, openLoketCore, type LoketCore } from '../../server.ts';
import { cliContext } from '../audit/audit.service.ts';
import { TERMIJNBEWAKING_CONTROLEREN } from '../termijnbewaking/termijnbewaking.service.ts';
import { ONDERHOUD_OPRUIMEN, opruimenCron } from './onderhoud.job.ts';

const config = (env: Record<string, string> = {}) =>
  loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000', LOKET_RATE_LIMIT: '100000', LOKET_RATE_LIMIT_AANMELDEN: '100000', LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_KPI_ROLLUP_MINUTEN: '0', LOKET_HERINNERING_MINUTEN: '0', ...env });
const logger = { warn: () => undefined, error: () => undefined };

const opruimen: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stap of opruimen.splice(0).toReversed()) await stap();
});

async function database(): Promise<Database> {
  const db = await testDatabase();
  opruimen.push(() => db.close());
  return db;
}

/** One node's wiring on `db` with its workers started (as `loket serve` does). */
async function knooppunt(db: Database, env: Record<string, string>, opties: { opruimenNaStartSeconden?: number } = {}): Promise<LoketCore> {
  const core = await openLoketCore({ config: config(env), database: db, logger, werkers: true, ...opties });
  opruimen.push(() => core.close());
  await core.startWerkers();
  return core;
}

const jobsVan = async (db: Database, name: string) =>
  (
    await sql<{ state: string; wacht: number; pogingen: number }>`
      select state, extract(epoch from start_after - created_on)::int as wacht, retry_count as pogingen from pgboss.job where name = ${name}`.execute(db.db)
  ).rows;

describe('housekeeping as a scheduled job', () => {
  it('has a cron expression for every few hours, on the hour, and once a day from 24 on', () => {
    expect(opruimenCron(6)).toBe('0 */6 * * *');
    expect(opruimenCron(1)).toBe('0 */1 * * *');
    expect(opruimenCron(24)).toBe('0 0 * * *');
  });

  it('registers its schedule in the database and sends one start round a minute out, once for two nodes that start together', async () => {
    const db = await database();
    await knooppunt(db, { LOKET_OPRUIMEN_UREN: '6' });
    await knooppunt(db, { LOKET_OPRUIMEN_UREN: '6' });
    const { rows } = await sql<{ name: string; cron: string; timezone: string }>`select name, cron, timezone from pgboss.schedule`.execute(db.db);
    expect(rows).toEqual([{ name: ONDERHOUD_OPRUIMEN, cron: '0 */6 * * *', timezone: 'Europe/Amsterdam' }]);
    expect(await jobsVan(db, ONDERHOUD_OPRUIMEN)).toEqual([{ state: 'created', wacht: 60, pogingen: 0 }]);
    const { rows: queue } = await sql<{ policy: string }>`select policy from pgboss.queue where name = ${ONDERHOUD_OPRUIMEN}`.execute(db.db);
    expect(queue).toEqual([{ policy: 'singleton' }]);
  });

  it('does nothing of it in a process with LOKET_OPRUIMEN_UREN=0, nor in a command', async () => {
    const db = await database();
    await knooppunt(db, { LOKET_OPRUIMEN_UREN: '0' });
    const cli = await openLoketCore({ config: config(), database: db, logger, werkers: false });
    opruimen.push(() => cli.close());
    await cli.startWerkers();
    expect((await sql`select name from pgboss.schedule`.execute(db.db)).rows).toEqual([]);
    expect(await jobsVan(db, ONDERHOUD_OPRUIMEN)).toEqual([]);
  });

  it('sends one start round of the deadline watcher for two nodes that start together', async () => {
    const db = await database();
    await knooppunt(db, { LOKET_TERMIJNBEWAKING_MINUTEN: '15', LOKET_OPRUIMEN_UREN: '0' });
    await knooppunt(db, { LOKET_TERMIJNBEWAKING_MINUTEN: '15', LOKET_OPRUIMEN_UREN: '0' });
    await vi.waitFor(async () => expect(await jobsVan(db, TERMIJNBEWAKING_CONTROLEREN)).toEqual([{ state: 'completed', wacht: 0, pogingen: 0 }]), { timeout: 15_000, interval: 200 });
  });

  it('applies the retention terms in its round: sessions and login records older than six months go', async () => {
    const db = await database();
    const klok = vasteKlok('2026-01-10T09:00:00Z');
    const core = await openLoketCore({ config: config({ LOKET_OPRUIMEN_UREN: '6' }), database: db, klok, logger, werkers: true, opruimenNaStartSeconden: 0 });
    opruimen.push(() => core.close());
    const loket = await createLoket({ core, logger: false });
    opruimen.push(() => loket.close());
    await core.services.demo.laad(cliContext());
    await logInAls({ ...loket, database: db, klok }, 'behandelaar@diemen.demo');
    // Logins are installation-wide events, kept in monthly partitions (ADR 0026).
    const aanmeldingen = () => db.db.selectFrom('installatie_log').select('id').where('actie', '=', 'aanmelden').execute();
    expect(await aanmeldingen()).toHaveLength(1);
    expect(await db.db.selectFrom('sessie').select('id_hash').execute()).toHaveLength(1);

    klok.zet('2026-08-11T09:00:00Z');
    await core.startWerkers();
    await vi.waitFor(async () => expect(await jobsVan(db, ONDERHOUD_OPRUIMEN)).toEqual([{ state: 'completed', wacht: 0, pogingen: 0 }]), { timeout: 15_000, interval: 200 });
    expect(await aanmeldingen()).toEqual([]);
    expect(await db.db.selectFrom('sessie').select('id_hash').execute()).toEqual([]);
    const vernietigd = await db.db.selectFrom('installatie_log').select('details').where('actie', '=', 'bewaartermijn-vernietigen').execute();
    expect(vernietigd).toEqual([{ details: { aanmeldgegevens: 1, maanden: ['installatie_log_aanmelding_2026_01'] } }]);
  });
});
