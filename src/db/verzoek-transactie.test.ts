import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import type { Database } from './database.ts';
import { bewaarTotCommit, inEenTransactie, naCommit, type Bundel } from './verzoek-transactie.ts';

/**
 * What a request transaction does around its COMMIT (ADR 0084): rows kept for a bundle are written
 * together just before it, work queued with `naCommit` runs just after it; a rollback, or a
 * savepoint rolled back, drops what was kept and queued within it.
 */
let database: Database;
/** Each call of the bundle's `schrijf`: the rows it got. */
const partijen: number[][] = [];
const bundel: Bundel<number> = {
  schrijf: async (regels) => {
    partijen.push(regels);
    await sql`insert into proef_bundel (n) select unnest(${regels}::int[])`.execute(database.db);
  },
};
/** The stored rows from `van` to `tot` (each test uses its own numbers: the tests run in any order). */
const opgeslagen = async (van: number, tot: number): Promise<number[]> =>
  (await sql<{ n: number }>`select n from proef_bundel where n between ${van} and ${tot} order by n`.execute(database.db)).rows.map((r) => r.n);

beforeAll(async () => {
  database = await testDatabase();
  await sql`create table proef_bundel (n int not null)`.execute(database.db);
});
afterAll(() => database?.close());

describe('before and after the commit of a request transaction', () => {
  it('writes kept rows in one go just before the commit, in order, and runs the after-commit work after it', async () => {
    const gezien: string[] = [];
    partijen.length = 0;
    await inEenTransactie(database.db, async () => {
      expect(bewaarTotCommit(bundel, 1)).toBe(true);
      await naCommit(async () => void gezien.push(`na de commit: ${(await opgeslagen(1, 2)).join(',')}`));
      expect(bewaarTotCommit(bundel, 2)).toBe(true);
      // Within the transaction nothing is written yet, nor has the after-commit work run.
      expect(await opgeslagen(1, 2)).toEqual([]);
      expect(gezien).toEqual([]);
    });
    expect(partijen).toEqual([[1, 2]]);
    expect(gezien).toEqual(['na de commit: 1,2']);
  });

  it('drops what a rolled-back savepoint kept or queued, and everything of a rolled-back transaction', async () => {
    const gezien: string[] = [];
    partijen.length = 0;
    await inEenTransactie(database.db, async () => {
      bewaarTotCommit(bundel, 3);
      await inEenTransactie(database.db, async () => {
        bewaarTotCommit(bundel, 4);
        await naCommit(async () => void gezien.push('in het savepoint'));
        throw new Error('terug naar het savepoint');
      }).catch(() => undefined);
      await inEenTransactie(database.db, async () => {
        bewaarTotCommit(bundel, 5);
        await naCommit(async () => void gezien.push('in een savepoint dat blijft'));
      });
    });
    expect(partijen).toEqual([[3, 5]]);
    expect(gezien).toEqual(['in een savepoint dat blijft']);

    await expect(
      inEenTransactie(database.db, async () => {
        bewaarTotCommit(bundel, 6);
        await naCommit(async () => void gezien.push('nooit'));
        throw new Error('alles terug');
      }),
    ).rejects.toThrow('alles terug');
    expect(await opgeslagen(3, 6)).toEqual([3, 5]);
    expect(gezien).toEqual(['in een savepoint dat blijft']);
  });

  it('fails the commit when the kept rows cannot be written: nothing of the transaction stays', async () => {
    const kapot: Bundel<number> = { schrijf: () => sql`insert into proef_bundel (n) values (null)`.execute(database.db).then(() => undefined) };
    await expect(
      inEenTransactie(database.db, async () => {
        await sql`insert into proef_bundel (n) values (7)`.execute(database.db);
        bewaarTotCommit(kapot, 0);
      }),
    ).rejects.toThrow();
    expect(await opgeslagen(7, 7)).toEqual([]);
  });

  it('outside a request transaction keeps nothing and runs the after-commit work at once', async () => {
    expect(bewaarTotCommit(bundel, 8)).toBe(false);
    const gezien: string[] = [];
    await naCommit(async () => void gezien.push('meteen'));
    expect(gezien).toEqual(['meteen']);
  });
});
