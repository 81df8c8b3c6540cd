import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import type { Database } from './database.ts';
import { inEenTransactie } from './verzoek-transactie.ts';
import { voorbereid } from './voorbereid.ts';

/**
 * A marked statement is kept prepared on the connection (ADR 0097): PostgreSQL lists it in
 * `pg_prepared_statements` after its first call, and every call answers as an unmarked one would.
 * PostgreSQL only: PGlite sends every statement as it comes.
 */
const opPglite = inject('loketTestDatabase').kind === 'pglite';
let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database?.close());

describe.skipIf(opPglite)('statements kept prepared', () => {
  const tekst = 'select $1::int * 2 as dubbel, current_setting($2) as zone';

  it('prepares a marked text once per connection and answers with the values of each call', async () => {
    // One transaction: every statement on the same connection.
    const { antwoorden, voorbereide } = await inEenTransactie(database.db, async () => {
      const antwoorden: unknown[] = [];
      for (const n of [1, 2, 3]) antwoorden.push((await database.db.executeQuery(voorbereid(CompiledQuery.raw(tekst, [n, 'TimeZone'])))).rows[0]);
      const voorbereide = (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(database.db)).rows.map((r) => r.statement);
      return { antwoorden, voorbereide };
    });
    expect(antwoorden).toEqual([1, 2, 3].map((n) => ({ dubbel: n * 2, zone: 'UTC' })));
    expect(voorbereide.filter((s) => s === tekst)).toHaveLength(1);
  });

  it('sends an unmarked text unnamed', async () => {
    const anders = 'select $1::int + 1 as een_meer';
    const voorbereide = await inEenTransactie(database.db, async () => {
      expect((await database.db.executeQuery(CompiledQuery.raw(anders, [41]))).rows).toEqual([{ een_meer: 42 }]);
      return (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(database.db)).rows.map((r) => r.statement);
    });
    expect(voorbereide).not.toContain(anders);
  });
});
