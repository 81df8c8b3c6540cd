import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';
import { testDatabase } from './database.ts';

/**
 * The tables without a `gemeente`: installation-wide (ADR 0003, ADR 0024). Every other table of
 * the schema is a tenant table and follows the key rules below, so that `gemeente` can be the
 * Citus distribution column. A table lands here only with the reason it has no gemeente.
 */
const INSTALLATIEBREED = new Map<string, string>([
  ['gemeente', 'the tenants themselves (a Citus reference table)'],
  ['gebruiker', 'a staff identity works for several gemeenten with one login (a reference table)'],
  ['sessie', 'a login session of that identity, for all its gemeenten (a Citus local table on the coordinator)'],
  ['idempotentie', 'keyed by the caller (a staff member, a token, an address), not by gemeente (coordinator-local)'],
  ['loket_migratie', "Kysely's record of the migrations that ran (coordinator-local)"],
  ['loket_migratie_slot', "Kysely's migration lock (coordinator-local)"],
  ['rate_limit', 'request counts per route and client address, for all gemeenten (UNLOGGED; coordinator-local, ADR 0023)'],
  ['knooppunt_geheim', 'fingerprints of secrets every node shares (coordinator-local, ADR 0023)'],
  [
    'installatie_log',
    'events without a gemeente: logins and logouts of a staff identity (for all its gemeenten), demo loading, retention runs (coordinator-local, monthly partitions for the login records; ADR 0026)',
  ],
  ['kpi_definitie', 'versions of the KPI definitions, which are code and the same for every gemeente (a reference table, ADR 0029)'],
]);

/**
 * Violations the schema has today, each with what happens to it (ADR 0024, "To fix"). A new
 * violation fails the test; so does one listed here that no longer occurs (take it off the list).
 */
const BEKEND = new Map<string, string>([
  [
    'api_token: unique index api_token_token_hash_key (token_hash) lacks gemeente',
    'accepted: api_token is a reference table under Citus (every node has all rows), where a unique over all gemeenten is allowed; a presented token is looked up by its hash alone',
  ],
  [
    'mail_intake_adres: unique index mail_intake_adres_uniek (adres) lacks gemeente',
    'accepted: mail_intake_adres is a reference table under Citus (as api_token): an incoming message is routed to its gemeente by the recipient address alone, so one address belongs to one gemeente (ADR 0046)',
  ],
]);

interface Tabel {
  tabel: string;
  heeft_gemeente: boolean;
  gemeente_leeg: boolean;
}

interface UniekeIndex {
  tabel: string;
  naam: string;
  primair: boolean;
  /** The key columns (an expression as written), comma-separated. */
  kolommen: string;
}

interface Verwijzing {
  tabel: string;
  naam: string;
  naar: string;
  kolommen: string;
  naar_kolommen: string;
}

const lijst = (kolommen: string): string[] => kolommen.split(', ');
const tenant = (tabel: string): boolean => !INSTALLATIEBREED.has(tabel);

/** Everything in the catalog that breaks the key rules of ADR 0003/0024, one sentence each. */
async function overtredingen(db: Kysely<DB>): Promise<string[]> {
  // Partitions are left out: they inherit the keys of their parent, which is checked.
  const { rows: tabellen } = await sql<Tabel>`
    select c.relname as tabel,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'gemeente' and not a.attisdropped) as heeft_gemeente,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'gemeente' and not a.attisdropped and not a.attnotnull) as gemeente_leeg
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(db);
  const { rows: indexen } = await sql<UniekeIndex>`
    select t.relname as tabel, x.relname as naam, i.indisprimary as primair,
      (select string_agg(pg_get_indexdef(i.indexrelid, s.n, true), ', ' order by s.n) from generate_series(1, i.indnkeyatts) as s(n)) as kolommen
    from pg_index i
      join pg_class t on t.oid = i.indrelid
      join pg_class x on x.oid = i.indexrelid
      join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and i.indisunique and not t.relispartition
    order by t.relname, x.relname`.execute(db);
  // conparentid = 0: not the copies PostgreSQL makes of a foreign key for each partition.
  const { rows: verwijzingen } = await sql<Verwijzing>`
    select t.relname as tabel, c.conname as naam, r.relname as naar,
      (select string_agg(a.attname, ', ' order by k.i) from unnest(c.conkey) with ordinality as k(nr, i)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.nr) as kolommen,
      (select string_agg(a.attname, ', ' order by k.i) from unnest(c.confkey) with ordinality as k(nr, i)
         join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.nr) as naar_kolommen
    from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_class r on r.oid = c.confrelid
      join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and c.contype = 'f' and c.conparentid = 0 and not t.relispartition
    order by t.relname, c.conname`.execute(db);

  const uit: string[] = [];
  const bestaat = new Set(tabellen.map((t) => t.tabel));
  for (const naam of INSTALLATIEBREED.keys()) if (!bestaat.has(naam)) uit.push(`${naam}: listed as installation-wide, but there is no such table`);

  for (const t of tabellen) {
    if (!tenant(t.tabel)) {
      if (t.heeft_gemeente) uit.push(`${t.tabel}: listed as installation-wide (${INSTALLATIEBREED.get(t.tabel)}), but has a gemeente column`);
      continue;
    }
    if (!t.heeft_gemeente) {
      uit.push(`${t.tabel}: no gemeente column (give it one in its keys, or list it as installation-wide with the reason)`);
      continue;
    }
    if (t.gemeente_leeg) uit.push(`${t.tabel}: gemeente can be null`);
    const primair = indexen.find((i) => i.tabel === t.tabel && i.primair);
    if (!primair) uit.push(`${t.tabel}: no primary key`);
    else if (!lijst(primair.kolommen).includes('gemeente')) uit.push(`${t.tabel}: gemeente is not in the primary key (${primair.kolommen})`);
    for (const i of indexen) {
      if (i.tabel === t.tabel && !i.primair && !lijst(i.kolommen).includes('gemeente')) uit.push(`${t.tabel}: unique index ${i.naam} (${i.kolommen}) lacks gemeente`);
    }
  }

  for (const v of verwijzingen) {
    const beschrijving = `foreign key ${v.naam} (${v.kolommen}) → ${v.naar} (${v.naar_kolommen})`;
    if (!tenant(v.tabel) && tenant(v.naar)) uit.push(`${v.tabel}: installation-wide, but its ${beschrijving} points at a tenant table`);
    if (tenant(v.tabel) && tenant(v.naar)) {
      const van = lijst(v.kolommen);
      const naar = lijst(v.naar_kolommen);
      if (!van.some((k, i) => k === 'gemeente' && naar[i] === 'gemeente')) uit.push(`${v.tabel}: ${beschrijving} does not pair gemeente with gemeente`);
    }
  }
  return uit;
}

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('gemeente in every key of a tenant table (ADR 0003, ADR 0024)', () => {
  it('every table is installation-wide or has gemeente in its primary key, its unique indexes and its foreign keys to tenant tables', async () => {
    const nieuw = (await overtredingen(database.db)).filter((o) => !BEKEND.has(o));
    expect(nieuw).toEqual([]);
  });

  it('every known violation still occurs: one that is fixed leaves the list', async () => {
    const gevonden = new Set(await overtredingen(database.db));
    expect([...BEKEND].filter(([o]) => !gevonden.has(o)).map(([o, reden]) => `${o} (${reden})`)).toEqual([]);
  });

  it('finds each kind of violation in tables made for it, and passes a partitioned table with the right keys', async () => {
    const trx = await database.db.startTransaction().execute();
    try {
      const voor = await overtredingen(trx);
      for (const ddl of [
        sql`create table proef_los (id integer primary key)`,
        sql`create table proef_ouder (gemeente text not null references gemeente(code), id uuid not null, primary key (gemeente, id), unique (id))`,
        sql`create table proef_kind (gemeente text, id uuid primary key, ouder uuid references proef_ouder(id))`,
        sql`create table proef_maand (
              gemeente text not null, op date not null, id bigint not null, ouder uuid not null,
              primary key (gemeente, op, id),
              foreign key (gemeente, ouder) references proef_ouder(gemeente, id)
            ) partition by range (op)`,
        sql`create table proef_maand_2026_12 partition of proef_maand for values from ('2026-12-01') to ('2027-01-01')`,
        sql`alter table idempotentie add column ouder_gemeente text, add column ouder uuid, add constraint idempotentie_proef_fkey foreign key (ouder_gemeente, ouder) references proef_ouder(gemeente, id)`,
      ]) {
        await ddl.execute(trx);
      }
      const erbij = (await overtredingen(trx)).filter((o) => !voor.includes(o));
      expect(erbij.toSorted()).toEqual(
        [
          'idempotentie: installation-wide, but its foreign key idempotentie_proef_fkey (ouder_gemeente, ouder) → proef_ouder (gemeente, id) points at a tenant table',
          'proef_kind: foreign key proef_kind_ouder_fkey (ouder) → proef_ouder (id) does not pair gemeente with gemeente',
          'proef_kind: gemeente can be null',
          'proef_kind: gemeente is not in the primary key (id)',
          'proef_los: no gemeente column (give it one in its keys, or list it as installation-wide with the reason)',
          'proef_ouder: unique index proef_ouder_id_key (id) lacks gemeente',
        ].toSorted(),
      );
    } finally {
      await trx.rollback().execute();
    }
  });
});
