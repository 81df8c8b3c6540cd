import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { legeDatabase, testDatabase } from '../../../test/database.ts';
import type { Database } from '../../db/database.ts';
import { migrateTo, migrateToLatest } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import { auditRepository, type AuditRegel } from '../audit/audit.repository.ts';
import { MAANDLOGS, onderhoudRepository } from './onderhoud.repository.ts';

// Monthly partitions of the logs and retention by dropping them (migration 0013, ADR 0026).

const regel = (tijdstip: string, over: Partial<AuditRegel> = {}): AuditRegel => ({
  gemeente: 'GM0384',
  tijdstip,
  actorType: 'systeem',
  actorId: null,
  actorNaam: 'loket',
  actie: 'proef',
  objectType: null,
  objectId: null,
  resultaat: 'gelukt',
  herkomst: null,
  traceId: null,
  details: { tijdstip },
  ...over,
});

const aanmelding = (tijdstip: string) => regel(tijdstip, { gemeente: null, actie: 'aanmelden', objectType: 'gebruiker', objectId: 'proef' });

const verwerking = (beginOp: string) => ({
  gemeente: 'GM0384',
  traceId: 't',
  spanId: 's',
  naam: 'proef',
  verwerkingsactiviteit: 'loket:proef',
  grondslag: 'proef',
  betrokkeneType: 'inwoner',
  betrokkeneId: beginOp,
  status: 'ok' as const,
  beginOp,
  eindOp: beginOp,
});

/** The partition (table) each row of a log is in, by the row's time. */
async function waar(db: Kysely<DB>, tabel: string, kolom: string): Promise<Record<string, string>> {
  const { rows } = await sql<{ t: string; partitie: string }>`select ${sql.ref(kolom)} as t, tableoid::regclass::text as partitie from ${sql.table(tabel)}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.t, r.partitie]));
}

/** The leaf partitions of a log (no sub-partitioned ones). */
async function bladeren(db: Kysely<DB>, tabel: string): Promise<string[]> {
  const { rows } = await sql<{ naam: string }>`
    select relid::text as naam from pg_partition_tree(${tabel}::regclass) where isleaf order by 1`.execute(db);
  return rows.map((r) => r.naam);
}

const bestaat = async (db: Kysely<DB>, naam: string) => (await sql<{ r: string | null }>`select to_regclass(${naam})::text as r`.execute(db)).rows[0]?.r === naam;

describe('monthly partitions of the logs', () => {
  // Every test changes partitions: each gets its own database.
  let database: Database;
  beforeEach(async () => {
    database = await testDatabase();
    await database.db.insertInto('gemeente').values({ code: 'GM0384', naam: 'Diemen', slug: 'diemen' }).execute();
  });
  afterEach(async () => database.close());

  it('puts a row of a month not made yet in the DEFAULT partition, and moves it into its month when the month is made', async () => {
    const audit = auditRepository(database.db);
    const onderhoud = onderhoudRepository(database.db);
    await audit.voegToe(regel('2031-05-17T10:00:00.000Z'));
    await audit.voegToe(regel('2031-07-01T00:00:00.000Z'));
    await audit.voegToe(aanmelding('2031-05-31T23:59:59.999Z'));
    await audit.voegVerwerkingenToe([verwerking('2031-06-02T08:00:00.000Z')]);
    const idsVoor = (await database.db.selectFrom('audit_log').select(['id', 'tijdstip', 'details']).orderBy('id').execute());
    expect(await waar(database.db, 'audit_log', 'tijdstip')).toEqual({
      '2031-05-17T10:00:00.000Z': 'audit_log_standaard',
      '2031-07-01T00:00:00.000Z': 'audit_log_standaard',
    });

    // Making June (ahead) also makes the months that have rows waiting: May and July.
    const gemaakt = await onderhoud.maakLogmaanden(['2031-06-01']);
    expect(gemaakt.toSorted()).toEqual(
      [
        'audit_log_2031_05',
        'audit_log_2031_06',
        'audit_log_2031_07',
        'verwerking_log_2031_06',
        'installatie_log_aanmelding_2031_05',
        'installatie_log_aanmelding_2031_06',
      ].toSorted(),
    );
    expect(await waar(database.db, 'audit_log', 'tijdstip')).toEqual({
      '2031-05-17T10:00:00.000Z': 'audit_log_2031_05',
      '2031-07-01T00:00:00.000Z': 'audit_log_2031_07',
    });
    expect(await waar(database.db, 'installatie_log', 'tijdstip')).toEqual({ '2031-05-31T23:59:59.999Z': 'installatie_log_aanmelding_2031_05' });
    expect(await waar(database.db, 'verwerking_log', 'begin_op')).toEqual({ '2031-06-02T08:00:00.000Z': 'verwerking_log_2031_06' });
    // The same rows, with the same ids; the defaults are empty again.
    expect(await database.db.selectFrom('audit_log').select(['id', 'tijdstip', 'details']).orderBy('id').execute()).toEqual(idsVoor);
    for (const { tabel } of MAANDLOGS) expect(Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(`${tabel}_standaard`)}`.execute(database.db)).rows[0]?.n)).toBe(0);

    // A row of a month that exists goes straight into it; a second run makes nothing.
    await audit.voegToe(regel('2031-06-30T12:00:00.000Z'));
    expect((await waar(database.db, 'audit_log', 'tijdstip'))['2031-06-30T12:00:00.000Z']).toBe('audit_log_2031_06');
    expect(await onderhoud.maakLogmaanden(['2031-06-01'])).toEqual([]);
  });

  it('makes the months ahead on every node at once without an error (one at a time under a lock)', async () => {
    const audit = auditRepository(database.db);
    await audit.voegToe(regel('2032-02-10T10:00:00.000Z'));
    const [a, b] = await Promise.all([onderhoudRepository(database.db).maakLogmaanden(['2032-01-01', '2032-02-01']), onderhoudRepository(database.db).maakLogmaanden(['2032-01-01', '2032-02-01'])]);
    expect([...(a ?? []), ...(b ?? [])].filter((p) => p.startsWith('audit_log_')).toSorted()).toEqual(['audit_log_2032_01', 'audit_log_2032_02']);
    expect(await waar(database.db, 'audit_log', 'tijdstip')).toEqual({ '2032-02-10T10:00:00.000Z': 'audit_log_2032_02' });
  });

  it('destroys the login records by dropping whole months past their term, and keeps every other month and log', async () => {
    const audit = auditRepository(database.db);
    const onderhoud = onderhoudRepository(database.db);
    for (const t of ['2025-01-03T08:00:00.000Z', '2025-01-31T23:59:59.000Z', '2025-02-14T08:00:00.000Z', '2025-03-01T00:00:00.000Z']) await audit.voegToe(aanmelding(t));
    await audit.voegToe(regel('2025-01-05T08:00:00.000Z', { gemeente: null, actie: 'demo-laden' }));
    await audit.voegToe(regel('2025-01-05T08:00:00.000Z'));
    await audit.voegVerwerkingenToe([verwerking('2025-01-05T08:00:00.000Z')]);
    await onderhoud.maakLogmaanden([]);
    expect(await bestaat(database.db, 'installatie_log_aanmelding_2025_01')).toBe(true);

    // The term ends on 2025-03-01: January and February are over it, March is not.
    const vernietigd = await onderhoud.vernietigAanmeldmaanden('2025-03-01T00:00:00.000Z');
    expect(vernietigd).toEqual([
      { partitie: 'installatie_log_aanmelding_2025_01', rijen: 2 },
      { partitie: 'installatie_log_aanmelding_2025_02', rijen: 1 },
    ]);
    expect(await bestaat(database.db, 'installatie_log_aanmelding_2025_01')).toBe(false);
    expect(await bestaat(database.db, 'installatie_log_aanmelding_2025_02')).toBe(false);
    expect(await database.db.selectFrom('installatie_log').select(['actie', 'tijdstip']).orderBy('tijdstip').execute()).toEqual([
      { actie: 'demo-laden', tijdstip: '2025-01-05T08:00:00.000Z' },
      { actie: 'aanmelden', tijdstip: '2025-03-01T00:00:00.000Z' },
    ]);
    expect((await database.db.selectFrom('audit_log').select('tijdstip').execute()).map((r) => r.tijdstip)).toEqual(['2025-01-05T08:00:00.000Z']);
    expect((await database.db.selectFrom('verwerking_log').select('begin_op').execute()).map((r) => r.begin_op)).toEqual(['2025-01-05T08:00:00.000Z']);
    expect(await onderhoud.vernietigAanmeldmaanden('2025-03-01T00:00:00.000Z')).toEqual([]);
  });

  it('lets the database refuse to drop a month within its term, or a month of a log without a term', async () => {
    const onderhoud = onderhoudRepository(database.db);
    const { rows } = await sql<{ m: string }>`select to_char(now() at time zone 'UTC', 'YYYY_MM') as m`.execute(database.db);
    const dezeMaand = `installatie_log_aanmelding_${rows[0]?.m}`;
    await onderhoud.maakLogmaanden([`${(rows[0]?.m ?? '').replace('_', '-')}-01`]);
    // The application's clock may run ahead; the database's clock decides.
    expect(await onderhoud.vernietigAanmeldmaanden('2099-01-01T00:00:00.000Z')).toEqual([]);
    expect(await bestaat(database.db, dezeMaand)).toBe(true);
    expect((await sql<{ r: number | null }>`select vernietig_logmaand(${dezeMaand}) as r`.execute(database.db)).rows[0]?.r).toBeNull();
    await onderhoud.maakLogmaanden(['2025-01-01']);
    for (const partitie of ['audit_log_2025_01', 'verwerking_log_2025_01', 'installatie_log_overig', 'installatie_log_aanmelding_standaard', 'gebruiker']) {
      await expect(sql`select vernietig_logmaand(${partitie})`.execute(database.db)).rejects.toThrow(/geen maand van een log met een bewaartermijn/);
    }
    expect(await bestaat(database.db, 'audit_log_2025_01')).toBe(true);
  });

  it('keeps every partition append-only: UPDATE, DELETE and TRUNCATE are refused on the logs, their months and their defaults', async () => {
    const audit = auditRepository(database.db);
    const onderhoud = onderhoudRepository(database.db);
    // Rows in a month made ahead, in a month made by moving rows out of the default, and in the default.
    await onderhoud.maakLogmaanden(['2033-01-01']);
    for (const t of ['2033-01-10T10:00:00.000Z', '2033-03-10T10:00:00.000Z']) {
      await audit.voegToe(regel(t));
      await audit.voegToe(aanmelding(t));
      await audit.voegVerwerkingenToe([verwerking(t)]);
    }
    await audit.voegToe(regel('2033-01-10T10:00:00.000Z', { gemeente: null, actie: 'demo-laden' }));
    await onderhoud.maakLogmaanden([]);
    for (const t of ['2033-05-10T10:00:00.000Z']) {
      await audit.voegToe(regel(t));
      await audit.voegToe(aanmelding(t));
      await audit.voegVerwerkingenToe([verwerking(t)]);
    }
    const metRijen: string[] = [];
    for (const tabel of ['audit_log', 'installatie_log', 'verwerking_log']) {
      for (const blad of await bladeren(database.db, tabel)) {
        const n = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(blad)}`.execute(database.db)).rows[0]?.n);
        if (n > 0) {
          metRijen.push(blad);
          await expect(sql`delete from ${sql.table(blad)}`.execute(database.db)).rejects.toThrow(/alleen-toevoegen/);
          await expect(sql`update ${sql.table(blad)} set id = id`.execute(database.db)).rejects.toThrow(/alleen-toevoegen/);
        }
        await expect(sql`truncate ${sql.table(blad)}`.execute(database.db)).rejects.toThrow(/alleen-toevoegen/);
      }
      await expect(sql`delete from ${sql.table(tabel)}`.execute(database.db)).rejects.toThrow(/alleen-toevoegen/);
      await expect(sql`update ${sql.table(tabel)} set id = id`.execute(database.db)).rejects.toThrow(/alleen-toevoegen/);
      await expect(sql`truncate ${sql.table(tabel)}`.execute(database.db)).rejects.toThrow(/alleen-toevoegen/);
    }
    await expect(sql`truncate installatie_log_aanmelding`.execute(database.db)).rejects.toThrow(/alleen-toevoegen/);
    expect(metRijen.toSorted()).toEqual(
      [
        'audit_log_2033_01',
        'audit_log_2033_03',
        'audit_log_standaard',
        'installatie_log_aanmelding_2033_01',
        'installatie_log_aanmelding_2033_03',
        'installatie_log_aanmelding_standaard',
        'installatie_log_overig',
        'verwerking_log_2033_01',
        'verwerking_log_2033_03',
        'verwerking_log_standaard',
      ].toSorted(),
    );
    // The retention switch of before (0003) opens nothing any more.
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`select set_config('loket.vernietigen', 'aan', true)`.execute(trx);
        await trx.deleteFrom('installatie_log').where('actie', '=', 'aanmelden').execute();
      }),
    ).rejects.toThrow(/alleen-toevoegen/);
  });
});

describe('migration 0013 on a database with rows', () => {
  let leeg: Database;
  beforeEach(async () => {
    leeg = await legeDatabase();
  });
  afterEach(async () => leeg.close());

  it('copies every row of the old audit and processing logs, with its id, into its month', async () => {
    const db = leeg.db;
    expect((await migrateTo(db as never, '0012-knooppunten')).at(-1)).toBe('0012-knooppunten');
    await sql`insert into gemeente (code, naam, slug) values ('GM0384', 'Diemen', 'diemen'), ('GM0437', 'Ouder-Amstel', 'ouder-amstel')`.execute(db);
    // Rows of before: per gemeente, installation-wide logins and others, over several months (also the current one).
    await sql`
      insert into audit_log (gemeente, tijdstip, actor_type, actie, object_type, object_id, resultaat, details)
      select g, t, 'gebruiker', a, 'gebruiker', md5(g || t::text || a), 'gelukt', jsonb_build_object('n', n)
      from (values
        (1, 'GM0384', '2024-11-30T23:59:59Z'::timestamptz, 'zaak-registreren'),
        (2, 'GM0437', '2025-06-01T00:00:00Z', 'team-aanmaken'),
        (3, null, '2025-06-15T12:00:00Z', 'aanmelden'),
        (4, null, '2025-06-15T12:30:00Z', 'afmelden'),
        (5, null, '2025-07-01T08:00:00Z', 'overal-afmelden'),
        (6, null, '2025-07-02T08:00:00Z', 'demo-laden'),
        (7, null, now(), 'aanmelden'),
        (8, 'GM0384', now(), 'zaak-registreren')
      ) as v(n, g, t, a)`.execute(db);
    await sql`
      insert into verwerking_log (gemeente, trace_id, span_id, naam, verwerkingsactiviteit, grondslag, betrokkene_type, betrokkene_id, status, begin_op, eind_op)
      select g, 't' || n, 's' || n, 'proef', 'loket:proef', 'proef', 'inwoner', 'b' || n, 'ok', t, t
      from (values (1, 'GM0384', '2024-12-31T23:00:00Z'::timestamptz), (2, 'GM0437', '2025-01-01T00:00:00Z'), (3, 'GM0384', now())) as v(n, g, t)`.execute(db);
    const auditVoor = (await sql<Record<string, unknown>>`select * from audit_log order by id`.execute(db)).rows;
    const verwerkingVoor = (await sql<Record<string, unknown>>`select * from verwerking_log order by id`.execute(db)).rows;
    // The old log refused updates too (0001, 0003).
    await expect(sql`update audit_log set actie = 'x'`.execute(db)).rejects.toThrow(/alleen-toevoegen/);

    expect(await migrateToLatest(db as never)).toContain('0013-logmaanden');

    const { rows: audit } = await sql<Record<string, unknown>>`
      select id, gemeente, tijdstip, actor_type, actor_id, actor_naam, actie, object_type, object_id, resultaat, herkomst, trace_id, details from audit_log
      union all
      select id, null, tijdstip, actor_type, actor_id, actor_naam, actie, object_type, object_id, resultaat, herkomst, trace_id, details from installatie_log
      order by id`.execute(db);
    expect(audit).toEqual(auditVoor);
    expect((await sql<Record<string, unknown>>`select * from verwerking_log order by id`.execute(db)).rows).toEqual(verwerkingVoor);

    const plaats = async (q: ReturnType<typeof sql>) => Object.fromEntries(((await q.execute(db)).rows as { id: number; partitie: string }[]).map((r) => [r.id, r.partitie]));
    const { rows: maand } = await sql<{ m: string }>`select to_char(now() at time zone 'UTC', 'YYYY_MM') as m`.execute(db);
    const nu = maand[0]?.m;
    expect(await plaats(sql`select id, tableoid::regclass::text as partitie from audit_log`)).toEqual({ 1: 'audit_log_2024_11', 2: 'audit_log_2025_06', 8: `audit_log_${nu}` });
    expect(await plaats(sql`select id, tableoid::regclass::text as partitie from installatie_log`)).toEqual({
      3: 'installatie_log_aanmelding_2025_06',
      4: 'installatie_log_aanmelding_2025_06',
      5: 'installatie_log_aanmelding_2025_07',
      6: 'installatie_log_overig',
      7: `installatie_log_aanmelding_${nu}`,
    });
    expect(await plaats(sql`select id, tableoid::regclass::text as partitie from verwerking_log`)).toEqual({ 1: 'verwerking_log_2024_12', 2: 'verwerking_log_2025_01', 3: `verwerking_log_${nu}` });
    // The current month and two ahead exist for each log; the old tables are gone.
    const { rows: vooruit } = await sql<{ m: string }>`select to_char(now() at time zone 'UTC' + interval '2 months', 'YYYY_MM') as m`.execute(db);
    for (const tabel of ['audit_log', 'verwerking_log', 'installatie_log_aanmelding']) expect(await bestaat(db, `${tabel}_${vooruit[0]?.m}`)).toBe(true);
    expect(await bestaat(db, 'audit_log_0012')).toBe(false);
    expect(await bestaat(db, 'verwerking_log_0012')).toBe(false);

    // New rows get new ids after the copied ones, from one sequence for both parts of the security log.
    const repo = auditRepository(db);
    await repo.voegToe(regel(new Date().toISOString()));
    await repo.voegToe(aanmelding(new Date().toISOString()));
    await repo.voegVerwerkingenToe([verwerking(new Date().toISOString())]);
    expect((await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m).toBeGreaterThan(8);
    expect((await db.selectFrom('installatie_log').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m).toBeGreaterThan(9);
    expect((await db.selectFrom('verwerking_log').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m).toBe(4);
  });
});
