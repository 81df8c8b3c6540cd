import { describe, expect, it } from 'vitest';
import { leesSchema } from './schema-lezer.ts';

const SCHEMA = `
import type { ColumnType, Generated } from 'kysely';
/** A comment with a ; and a } in it. */
type Tijd = ColumnType<string, string | Date | undefined, string | Date>;
type TijdLeeg = ColumnType<string | null, string | Date | null | undefined, string | Date | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
export type Soort = 'a' | 'b';

export interface DingTable {
  id: Generated<number>;
  naam: string;
  // a line comment: weg: string;
  notitie: string | null;
  soort: Soort;
  op: Tijd;
  tot: TijdLeeg;
  gegevens: Json<Record<string, string> | null>;
  lijst: Json<string[]>;
  teller: ColumnType<number, number | undefined, number>;
  verplicht: ColumnType<number, number, number>;
}

export interface DB {
  ding: DingTable;
}
`;

describe('leesSchema', () => {
  it('reads tables, columns, nullability, defaults and Generated, following aliases and generic aliases', () => {
    const ding = leesSchema(SCHEMA).get('ding');
    expect(Object.fromEntries(ding ?? [])).toEqual({
      id: { nullable: false, optioneel: true, generated: true },
      naam: { nullable: false, optioneel: false, generated: false },
      notitie: { nullable: true, optioneel: true, generated: false },
      soort: { nullable: false, optioneel: false, generated: false },
      op: { nullable: false, optioneel: true, generated: false },
      tot: { nullable: true, optioneel: true, generated: false },
      gegevens: { nullable: true, optioneel: true, generated: false },
      lijst: { nullable: false, optioneel: true, generated: false },
      teller: { nullable: false, optioneel: true, generated: false },
      verplicht: { nullable: false, optioneel: false, generated: false },
    });
  });

  it('says which interface of DB is missing', () => {
    expect(() => leesSchema('export interface DB {\n  ding: DingTable;\n}')).toThrow('interface DingTable (tabel ding) ontbreekt');
  });
});
