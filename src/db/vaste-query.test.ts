import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import type { Database } from './database.ts';
import { CompiledQuery, PostgresQueryCompiler } from 'kysely';
import { vasteInsert, vasteQuery, vasteSchrijfactie } from './vaste-query.ts';
import { alsEenStatement, inEenTransactie, schrijfMetVolgende } from './verzoek-transactie.ts';

/** A query compiled once gives per call what the same query built anew gives (ADR 0095). */
let database: Database;
beforeAll(async () => {
  database = await testDatabase();
  await database.db
    .insertInto('gemeente')
    .values([
      { code: 'GM0363', naam: 'Amsterdam', slug: 'amsterdam' },
      { code: 'GM0384', naam: 'Diemen', slug: 'diemen' },
      { code: 'GM0437', naam: 'Ouder-Amstel', slug: 'ouder-amstel' },
    ])
    .execute();
});
afterAll(() => database?.close());

// A constant ('GM0384' for a second gemeente, a limit) beside the call's values, one of them twice.
const bouw = (db: Database['db'], w: { code: string; naam: string }) =>
  db
    .selectFrom('gemeente')
    .select(['code', 'naam'])
    .where((eb) => eb.or([eb('code', '=', w.code), eb('naam', '=', w.naam), eb('code', '=', 'GM0384'), eb('slug', '=', w.naam)]))
    .orderBy('code')
    .limit(5);

describe('vasteQuery', () => {
  it('fills in each call’s values and keeps the constants', async () => {
    const vast = vasteQuery(['code', 'naam'], bouw);
    const gemeenten = await database.db.selectFrom('gemeente').select(['code', 'naam', 'slug']).orderBy('code').execute();
    expect(gemeenten.length).toBeGreaterThan(2);
    for (const [code, naam] of [[gemeenten[0]?.code ?? '', gemeenten.at(-1)?.naam ?? ''], ['GM9999', 'onbekend'], [gemeenten[1]?.code ?? '', gemeenten[1]?.slug ?? '']] as const) {
      expect(await vast(database.db, { code, naam })).toEqual(await bouw(database.db, { code, naam }).execute());
    }
    expect((await vast(database.db, { code: 'GM9999', naam: 'onbekend' })).map((g) => g.code)).toEqual(['GM0384']);
  });

  it('refuses a query that does not pass a named value on as a parameter', async () => {
    const vast = vasteQuery(['code', 'naam'], (db, w: { code: string; naam: string }) => db.selectFrom('gemeente').select('code').where('code', '=', w.code));
    await expect(vast(database.db, { code: 'GM0384', naam: 'x' })).rejects.toThrow(/naam niet als parameter/);
  });
});

describe('vasteInsert', () => {
  const teamInsert = vasteInsert('team', ['gemeente', 'id', 'naam']);

  it('writes one row or several with the text Kysely compiles for them, built once per number of rows', async () => {
    const een = teamInsert(database.db, [{ gemeente: 'GM0384', id: 'a0000000-0000-4000-8000-000000000001', naam: 'Wijkbeheer' }]);
    expect(een.compiled.sql).toBe(database.db.insertInto('team').values({ gemeente: 'GM0384', id: 'x', naam: 'y' }).compile().sql);
    expect(een.compiled.parameters).toEqual(['GM0384', 'a0000000-0000-4000-8000-000000000001', 'Wijkbeheer']);
    await een.execute();
    const twee = teamInsert(database.db, [
      { gemeente: 'GM0363', id: 'a0000000-0000-4000-8000-000000000002', naam: 'Groen' },
      { gemeente: 'GM0437', id: 'a0000000-0000-4000-8000-000000000003', naam: 'Afval' },
    ]);
    expect(twee.compiled.sql).toMatch(/values \(\$1, \$2, \$3\), \(\$4, \$5, \$6\)$/);
    await twee.execute();
    // The same shape again: the same text (kept), this call's values.
    expect(teamInsert(database.db, [{ gemeente: 'GM0384', id: 'x', naam: 'z' }]).compiled.sql).toBe(een.compiled.sql);
    const teams = await database.db.selectFrom('team').select(['gemeente', 'naam']).where('id', 'in', ['a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003']).orderBy('gemeente').execute();
    expect(teams).toEqual([
      { gemeente: 'GM0363', naam: 'Groen' },
      { gemeente: 'GM0384', naam: 'Wijkbeheer' },
      { gemeente: 'GM0437', naam: 'Afval' },
    ]);
  });

  it('refuses a row without a value for one of its columns, and no rows at all', () => {
    expect(() => teamInsert(database.db, [{ gemeente: 'GM0384', id: 'x' } as never])).toThrow(/geen waarde voor naam/);
    expect(() => teamInsert(database.db, [])).toThrow(/geen rijen/);
  });
});

/** The name of a team, by id. */
const naam = async (id: string) => (await database.db.selectFrom('team').select('naam').where('id', '=', id).executeTakeFirst())?.naam;

describe('vasteSchrijfactie', () => {
  const hernoem = vasteSchrijfactie(['gemeente', 'id', 'naam'], (db, w: { gemeente: string; id: string; naam: string }) =>
    db.updateTable('team').set({ naam: w.naam }).where('gemeente', '=', w.gemeente).where('id', '=', w.id),
  );
  const teamInsert = vasteInsert('team', ['gemeente', 'id', 'naam']);

  it('writes with each call’s values, on its own or kept with the other writes of a transaction', async () => {
    const id = 'b0000000-0000-4000-8000-000000000001';
    await teamInsert(database.db, [{ gemeente: 'GM0384', id, naam: 'Eerst' }]).execute();
    await schrijfMetVolgende(hernoem(database.db, { gemeente: 'GM0384', id, naam: 'Daarna' }));
    expect(await naam(id)).toBe('Daarna');
    const ander = 'b0000000-0000-4000-8000-000000000002';
    await inEenTransactie(database.db, async () => {
      await schrijfMetVolgende(teamInsert(database.db, [{ gemeente: 'GM0384', id: ander, naam: 'Nieuw' }]));
      await schrijfMetVolgende(hernoem(database.db, { gemeente: 'GM0384', id, naam: 'Samen' }));
    });
    expect([await naam(id), await naam(ander)]).toEqual(['Samen', 'Nieuw']);
    // Another gemeente's key changes nothing.
    await hernoem(database.db, { gemeente: 'GM0363', id, naam: 'Fout' }).execute();
    expect(await naam(id)).toBe('Samen');
  });
});

describe('alsEenStatement', () => {
  const compiler = new PostgresQueryCompiler();

  it('joins compiled writes into one WITH, numbering each part’s placeholders on but not a $ in a quoted string or name', () => {
    const delen = [
      { compiled: CompiledQuery.raw(`insert into "a" ("x", "y") values ($1, '$1 en $2')`, [1]), execute: () => Promise.resolve() },
      { compiled: CompiledQuery.raw(`insert into "b$2" ("x") values ($1), ($2)`, [2, 3]), execute: () => Promise.resolve() },
      { compiled: CompiledQuery.raw(`delete from "c" where "x" = $1 and "y" = 'it''s $1'`, [4]), execute: () => Promise.resolve() },
    ];
    const een = alsEenStatement(compiler, delen);
    expect(een.sql).toBe(`with "schrijf_1" as (insert into "a" ("x", "y") values ($1, '$1 en $2')), "schrijf_2" as (insert into "b$2" ("x") values ($2), ($3)) delete from "c" where "x" = $4 and "y" = 'it''s $1'`);
    expect(een.parameters).toEqual([1, 2, 3, 4]);
    // The same parts again: the same text, these values.
    const weer = alsEenStatement(compiler, delen.map((d, i) => ({ ...d, compiled: CompiledQuery.raw(d.compiled.sql, d.compiled.parameters.map((p) => Number(p) * 10 + i)) })));
    expect(weer.sql).toBe(een.sql);
    expect(weer.parameters).toEqual([10, 21, 31, 42]);
  });

  it('with a write that must touch a row, every write is a WITH part and the statement checks that one (ADR 0100)', () => {
    const eis = { code: 'proef-weg', fout: () => new Error('weg') };
    const insert = { compiled: CompiledQuery.raw(`insert into "a" ("x") values ($1)`, [1]), execute: () => Promise.resolve() };
    const vereist = { compiled: CompiledQuery.raw(`delete from "c" where "x" = $1 returning 1`, [2]), eis, execute: () => Promise.resolve() };
    const een = alsEenStatement(compiler, [vereist, insert]);
    expect(een.sql).toBe(`with "schrijf_1" as (delete from "c" where "x" = $1 returning 1), "schrijf_2" as (insert into "a" ("x") values ($2)) select where loket_eis(exists (select from "schrijf_1"), $3)`);
    expect(een.parameters).toEqual([2, 1, 'proef-weg']);
    expect(alsEenStatement(compiler, [vereist]).sql).toBe(`with "schrijf_1" as (delete from "c" where "x" = $1 returning 1) select where loket_eis(exists (select from "schrijf_1"), $2)`);
    const tweede = { ...vereist, compiled: CompiledQuery.raw(`delete from "d" where "x" = $1 returning 1`, [3]), eis: { code: 'proef-d-weg', fout: () => new Error('d weg') } };
    const beide = alsEenStatement(compiler, [vereist, tweede]);
    expect(beide.sql).toMatch(/ select where loket_eis\(exists \(select from "schrijf_1"\), \$3\) and loket_eis\(exists \(select from "schrijf_2"\), \$4\)$/);
    expect(beide.parameters).toEqual([2, 3, 'proef-weg', 'proef-d-weg']);
    // The same texts without the requirement are another statement.
    expect(alsEenStatement(compiler, [{ ...vereist, eis: undefined }, insert]).sql).toMatch(/^with "schrijf_1" as \(delete .*\) insert into "a"/);
  });
});
