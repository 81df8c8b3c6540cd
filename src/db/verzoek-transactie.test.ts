import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { statementsVan } from '../../test/statements.ts';
import type { Database } from './database.ts';
import { vasteSchrijfactie } from './vaste-query.ts';
import { bewaarTotCommit, inEenTransactie, naCommit, schrijfMetVolgende, zonderTransactie, type Bundel } from './verzoek-transactie.ts';

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
  await sql`create table proef_ouder (id int primary key)`.execute(database.db);
  await sql`create table proef_kind (ouder int not null references proef_ouder (id), n int not null check (n >= 0))`.execute(database.db);
  await sql`create sequence proef_reeks`.execute(database.db);
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

const kinderen = async (ouder: number): Promise<number[]> =>
  (await database.db.selectFrom('proef_kind' as never).select(sql<number>`n`.as('n')).where(sql`ouder`, '=', ouder).orderBy(sql`n`).execute()).map((r) => r.n);
const ouder = (id: number) => database.db.insertInto('proef_ouder' as never).values({ id } as never);
const kind = (o: number, n: number) => database.db.insertInto('proef_kind' as never).values({ ouder: o, n } as never);

/** The kept writes (ADR 0096): what a request writes with `schrijfMetVolgende` goes out with its next statement or as its commit. */
describe('writes kept for the next statement', () => {
  const opPglite = inject('loketTestDatabase').kind === 'pglite';

  it('sends the writes as one statement, parent and child side by side, before a read that then sees them', async () => {
    const { uitkomst, statements } = await statementsVan(() =>
      inEenTransactie(database.db, async () => {
        await schrijfMetVolgende(ouder(10));
        await schrijfMetVolgende(kind(10, 1));
        await schrijfMetVolgende(kind(10, 2));
        return kinderen(10);
      }),
    );
    expect(uitkomst).toEqual([1, 2]);
    if (opPglite) return;
    expect(statements[0]).toBe('begin');
    expect(statements[1]).toMatch(/^with "schrijf_1" as \(insert into "proef_ouder".*\), "schrijf_2" as \(insert into "proef_kind".*\) insert into "proef_kind"/);
    expect(statements.slice(2).map((s) => s.split(' ')[0])).toEqual(['select', 'commit']);
  });

  it('a transaction that only writes this way is one statement without BEGIN and COMMIT; a number taken for it goes first', async () => {
    const { statements } = await statementsVan(() =>
      inEenTransactie(database.db, async () => {
        const n = Number((await database.db.executeQuery<{ n: string }>(zonderTransactie(CompiledQuery.raw("select nextval('proef_reeks') as n")))).rows[0]?.n);
        // A write that has WITH parts of its own: they move to the top of the one statement.
        await schrijfMetVolgende(database.db.with('eerst', (q) => q.insertInto('proef_ouder' as never).values({ id: 20 + n } as never)).insertInto('proef_kind' as never).values({ ouder: 20 + n, n: 1 } as never));
        await schrijfMetVolgende(kind(20 + n, 2));
      }),
    );
    expect(await kinderen(21)).toEqual([1, 2]);
    if (opPglite) return;
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/^select nextval/);
    expect(statements[1]).toMatch(/^with "schrijf_1" as \(insert into "proef_ouder".*\), "schrijf_2" as \(insert into "proef_kind".*\) insert into "proef_kind"/);
  });

  it('a write that fails takes every write of its transaction with it', async () => {
    await expect(
      inEenTransactie(database.db, async () => {
        await schrijfMetVolgende(ouder(30));
        await schrijfMetVolgende(kind(30, -1));
      }),
    ).rejects.toThrow(/proef_kind/);
    await expect(
      inEenTransactie(database.db, async () => {
        await sql`insert into proef_bundel (n) values (31)`.execute(database.db);
        await schrijfMetVolgende(ouder(31));
        await schrijfMetVolgende(kind(31, -1));
      }),
    ).rejects.toThrow(/proef_kind/);
    const ouders = await sql<{ id: number }>`select id from proef_ouder where id in (30, 31)`.execute(database.db);
    expect(ouders.rows).toEqual([]);
    expect(await opgeslagen(31, 31)).toEqual([]);
  });

  it('drops what a rolled-back savepoint kept, and keeps what came before it', async () => {
    await inEenTransactie(database.db, async () => {
      await schrijfMetVolgende(ouder(40));
      await schrijfMetVolgende(kind(40, 1));
      await inEenTransactie(database.db, async () => {
        await schrijfMetVolgende(kind(40, 2));
        throw new Error('terug naar het savepoint');
      }).catch(() => undefined);
      await inEenTransactie(database.db, async () => schrijfMetVolgende(kind(40, 3)));
    });
    expect(await kinderen(40)).toEqual([1, 3]);
  });

  describe('a write that must touch a row (ADR 0100)', () => {
    class Weg extends Error {}
    const verwijderOuder = vasteSchrijfactie(['id'], (db, w: { id: number }) => db.deleteFrom('proef_ouder' as never).where(sql`id`, '=', w.id), { code: 'proef-ouder-weg', fout: () => new Weg('de ouder is weg') });

    it('goes out with the other writes in the one statement, which fails as a whole when it touches none', async () => {
      await ouder(60).execute();
      const { statements } = await statementsVan(() =>
        inEenTransactie(database.db, async () => {
          await schrijfMetVolgende(ouder(61));
          await schrijfMetVolgende(verwijderOuder(database.db, { id: 60 }));
        }),
      );
      if (!opPglite) expect(statements).toEqual([expect.stringMatching(/^with "schrijf_1" as \(insert into "proef_ouder".*\), "schrijf_2" as \(delete from "proef_ouder".* returning 1\) select where loket_eis\(exists \(select from "schrijf_2"\), \$3\)$/)]);
      // Once more: the row is gone, so the statement fails, the insert with it, with the write's own error.
      const fout = await inEenTransactie(database.db, async () => {
        await schrijfMetVolgende(ouder(62));
        await schrijfMetVolgende(verwijderOuder(database.db, { id: 60 }));
      }).catch((error: unknown) => error);
      expect(fout).toBeInstanceOf(Weg);
      const ouders = await sql<{ id: number }>`select id from proef_ouder where id between 60 and 62 order by id`.execute(database.db);
      expect(ouders.rows).toEqual([{ id: 61 }]);
    });

    it('fails a transaction that had already begun (a read before it), and on its own throws after touching none', async () => {
      const fout = await inEenTransactie(database.db, async () => {
        await kinderen(63);
        await schrijfMetVolgende(ouder(63));
        await schrijfMetVolgende(verwijderOuder(database.db, { id: 64 }));
        await kinderen(63);
      }).catch((error: unknown) => error);
      expect(fout).toBeInstanceOf(Weg);
      expect((await sql<{ id: number }>`select id from proef_ouder where id = 63`.execute(database.db)).rows).toEqual([]);
      await expect(verwijderOuder(database.db, { id: 64 }).execute()).rejects.toBeInstanceOf(Weg);
      await ouder(64).execute();
      await verwijderOuder(database.db, { id: 64 }).execute();
      expect((await sql<{ id: number }>`select id from proef_ouder where id = 64`.execute(database.db)).rows).toEqual([]);
    });

    it('of two requests sending the same delete at once, one goes through', async () => {
      await ouder(65).execute();
      const uitkomsten = await Promise.allSettled(
        [66, 67].map((id) =>
          inEenTransactie(database.db, async () => {
            await schrijfMetVolgende(ouder(id));
            await schrijfMetVolgende(verwijderOuder(database.db, { id: 65 }));
          }),
        ),
      );
      expect(uitkomsten.filter((u) => u.status === 'fulfilled')).toHaveLength(1);
      expect(uitkomsten.find((u) => u.status === 'rejected')?.reason).toBeInstanceOf(Weg);
      expect((await sql<{ n: number }>`select count(*)::int as n from proef_ouder where id in (65, 66, 67)`.execute(database.db)).rows).toEqual([{ n: 1 }]);
    });
  });

  it('outside a request transaction writes at once; a read or a returning is refused', async () => {
    await schrijfMetVolgende(ouder(50));
    expect((await sql<{ id: number }>`select id from proef_ouder where id = 50`.execute(database.db)).rows).toEqual([{ id: 50 }]);
    await inEenTransactie(database.db, async () => {
      await expect(schrijfMetVolgende(database.db.selectFrom('proef_ouder' as never).select(sql`id`.as('id')) as never)).rejects.toThrow(/alleen insert, update of delete/);
      await expect(schrijfMetVolgende(kind(50, 1).returning(sql`n`.as('n')) as never)).rejects.toThrow(/zonder returning/);
    });
    expect(await kinderen(50)).toEqual([]);
  });
});
