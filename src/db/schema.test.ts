import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { leesSchema } from '../../test/schema-lezer.ts';
import type { Database } from './database.ts';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

interface Kolom {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
  is_generated: 'ALWAYS' | 'NEVER';
}

it('schema.ts declares the tables and columns of the migrated database, with their nullability, defaults and Generated', async () => {
  const { rows } = await sql<Kolom>`
    select table_name, column_name, is_nullable, column_default, is_identity, is_generated
    from information_schema.columns
    where table_schema = 'public' and table_name not like 'loket_migratie%'
      -- Partitions (the months of the logs) have their parent's columns; the parent is checked.
      and not exists (select 1 from pg_class c where c.oid = to_regclass(format('public.%I', table_name)) and c.relispartition)
    order by table_name, ordinal_position`.execute(database.db);
  const inDatabase = new Map<string, Kolom[]>();
  for (const k of rows) inDatabase.set(k.table_name, [...(inDatabase.get(k.table_name) ?? []), k]);
  const schema = leesSchema(readFileSync(new URL('./schema.ts', import.meta.url), 'utf8'));

  const verschillen: string[] = [];
  for (const tabel of new Set([...inDatabase.keys(), ...schema.keys()])) {
    const inDb = inDatabase.get(tabel);
    const inTs = schema.get(tabel);
    if (!inDb || !inTs) {
      verschillen.push(`${tabel}: ${inDb ? 'not in schema.ts' : 'not in the database'}`);
      continue;
    }
    for (const k of inDb) {
      const ts = inTs.get(k.column_name);
      const naam = `${tabel}.${k.column_name}`;
      if (!ts) {
        verschillen.push(`${naam}: not in schema.ts`);
        continue;
      }
      const nullable = k.is_nullable === 'YES';
      // A stored generated column (`generated always as (…) stored`) is made by the database too.
      const generated = k.is_identity === 'YES' || (k.column_default ?? '').startsWith('nextval(') || k.is_generated === 'ALWAYS';
      // An insert may leave out a column with a default, or one that can be null.
      const optioneel = nullable || k.column_default !== null || generated;
      if (ts.nullable !== nullable) verschillen.push(`${naam}: ${nullable ? 'nullable' : 'not null'} in the database`);
      if (ts.generated !== generated) verschillen.push(`${naam}: ${generated ? '' : 'not '}generated in the database`);
      if (ts.optioneel !== optioneel) verschillen.push(`${naam}: ${optioneel ? `has default ${k.column_default}` : 'required (no default)'} in the database, ${ts.optioneel ? 'optional' : 'required'} in inserts in schema.ts`);
    }
    for (const kolom of inTs.keys()) {
      if (!inDb.some((k) => k.column_name === kolom)) verschillen.push(`${tabel}.${kolom}: not in the database`);
    }
  }
  expect(verschillen).toEqual([]);
});

it('the closed lists of values on the tables every registration writes are one constant each, with the values they had (migration 0065)', async () => {
  const lijsten: Record<string, string[]> = {
    'zaak.kanaal': ['balie', 'telefoon', 'e-mail', 'web', 'app', 'post', 'sociale-media'],
    'zaak.vertrouwelijkheid': ['openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim'],
    'zaak.taal': ['nl', 'en'],
    'betrokkene.taal': ['nl', 'en'],
    'melding.bron': ['open311', 'formulier', 'medewerker'],
    'melding.locatie_controle': ['binnen', 'nabij-grens', 'geen-grens', 'alleen-adres'],
    'bericht.status': ['wachtend', 'verzonden', 'mislukt', 'niet-verzonden'],
    'zaak_gebeurtenis.soort': ['aangemaakt', 'status', 'notitie', 'bericht', 'opschorting', 'opschorting-einde', 'verlenging', 'toewijzing', 'resultaat', 'document', 'reactie', 'relatie', 'volgcode', 'termijn', 'heropening'],
  };
  for (const [plek, waarden] of Object.entries(lijsten)) {
    const [tabel, kolom] = plek.split('.') as [string, string];
    const { rows } = await sql<{ def: string; geldig: boolean }>`
      select pg_get_constraintdef(oid) as def, convalidated as geldig from pg_constraint
      where conrelid = to_regclass(${tabel}) and conname = ${`${tabel}_${kolom}_check`}`.execute(database.db);
    expect(rows, plek).toHaveLength(1);
    const def = rows[0]?.def ?? '';
    expect(def, plek).not.toContain('ARRAY[');
    expect(rows[0]?.geldig, plek).toBe(true);
    // The rule itself: each listed value passes, a value outside the list and a near miss do not.
    const lijst = /= ANY \((.*)\)\)\)$/.exec(def)?.[1];
    expect(lijst, plek).toMatch(/^'\{.*\}'::text\[\]$/);
    const { rows: aantal } = await sql<{ n: number }>`select cardinality(${sql.raw(lijst ?? 'null')}) as n`.execute(database.db);
    expect(aantal[0]?.n, plek).toBe(waarden.length);
    for (const [waarde, verwacht] of [...waarden.map((w) => [w, true] as const), ['onbekend', false] as const, [`${waarden[0]} `, false] as const]) {
      const { rows: antwoord } = await sql<{ ok: boolean }>`select ${waarde}::text = any (${sql.raw(lijst ?? 'null')}) as ok`.execute(database.db);
      expect(antwoord[0]?.ok, `${plek} ${waarde}`).toBe(verwacht);
    }
  }
});
