import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import type { Database } from './database.ts';
import { vasteQuery } from './vaste-query.ts';

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
