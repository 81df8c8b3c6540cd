import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { legeDatabase } from '../../../test/database.ts';
import { statementsVan } from '../../../test/statements.ts';
import { demoWie, laadDemo } from '../../../test/demo.ts';
import { migrateTo, migrateToLatest } from '../../db/migrate.ts';
import { openVerzoekTransactie } from '../../db/verzoek-transactie.ts';
import { Nummerbron, zakenRepository } from './zaken.repository.ts';
import type { Wie } from './zaken.service.ts';

/** Zaak numbers from a sequence per gemeente and year (ADR 0042, migration 0023). */

const opPglite = inject('loketTestDatabase').kind === 'pglite';

let loket: TestLoket;
let kcc: Wie;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  kcc = await demoWie(loket, 'kcc@duoplus.demo');
});
afterAll(async () => loket.close());
beforeEach(() => loket.klok.zet('2026-03-02T09:00:00Z'));

const registreer = async (gemeente = 'GM0384') => {
  const dag = loket.klok.nu().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const { zaak } = await loket.services.zaken.registreer(kcc, gemeente, { zaaktype: 'e-mailvraag', onderwerp: 'Vraag', kanaal: 'web', ontvangstdatum: dag });
  return zaak.identificatie;
};
const nummer = (identificatie: string) => Number(identificatie.slice(7));
const zaakMet = async (identificatie: string) =>
  (await loket.database.db.selectFrom('zaak').select('id').where('gemeente', '=', 'GM0384').where('identificatie', '=', identificatie).execute()).length;

/** Settles with the promise, or rejects when it is still waiting after `ms` (a registration blocked by another's lock). */
function binnen<T>(ms: number, belofte: Promise<T>): Promise<T> {
  let klok: NodeJS.Timeout | undefined;
  const teLaat = new Promise<never>((_, weiger) => (klok = setTimeout(() => weiger(new Error(`wacht nog na ${ms} ms`)), ms)));
  return Promise.race([belofte, teLaat]).finally(() => clearTimeout(klok));
}

describe('zaak numbers (ADR 0042)', () => {
  it('are Z-<jaar>-<6 digits>, one higher each time, per gemeente', async () => {
    const a = await registreer();
    const b = await registreer();
    const anders = await registreer('GM0437');
    expect(a).toMatch(/^Z-2026-[0-9]{6}$/);
    expect(nummer(b)).toBe(nummer(a) + 1);
    // Another gemeente has a sequence of its own.
    expect(anders).toMatch(/^Z-2026-[0-9]{6}$/);
    const reeksen = (await sql<{ relname: string }>`select relname from pg_class where relkind = 'S' and relname like 'zaaknummer_%' order by relname`.execute(loket.database.db)).rows;
    expect(reeksen.map((r) => r.relname)).toEqual(expect.arrayContaining(['zaaknummer_gm0384_2026', 'zaaknummer_gm0437_2026']));
  });

  it('stay unique per gemeente under concurrent registrations, and the database refuses a duplicate', async () => {
    const nummers = await Promise.all(Array.from({ length: 12 }, () => registreer()));
    expect(new Set(nummers).size).toBe(12);
    const gesorteerd = nummers.map(nummer).toSorted((x, y) => x - y);
    // Nothing rolled back, so no gaps either.
    expect(gesorteerd.at(-1)! - gesorteerd[0]!).toBe(11);
    const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where tablename = 'zaak' and indexdef like 'CREATE UNIQUE INDEX%(gemeente, identificatie)'`.execute(loket.database.db);
    expect(rows).toHaveLength(1);
  });

  it('starts again at 000001 in a new year, by the date in the Netherlands', async () => {
    loket.klok.zet('2026-12-31T22:30:00Z');
    expect(await registreer()).toMatch(/^Z-2026-/);
    // 00:30 on 1 January in Amsterdam.
    loket.klok.zet('2026-12-31T23:30:00Z');
    expect(await registreer()).toBe('Z-2027-000001');
    expect(await registreer()).toBe('Z-2027-000002');
  });

  it('leaves a gap, never a duplicate, when the registering transaction rolls back', async () => {
    const voor = await registreer();
    const trx = await openVerzoekTransactie(loket.database.db);
    const teruggedraaid = await trx.binnen(() => registreer());
    await trx.rollback();
    expect(nummer(teruggedraaid)).toBe(nummer(voor) + 1);
    expect(await zaakMet(teruggedraaid)).toBe(0);
    const na = await registreer();
    expect(nummer(na)).toBe(nummer(voor) + 2);
  });

  it('a sequence made in a transaction that rolls back goes with it; the next zaak of that year makes it again', async () => {
    loket.klok.zet('2028-06-01T09:00:00Z');
    const trx = await openVerzoekTransactie(loket.database.db);
    expect(await trx.binnen(() => registreer())).toBe('Z-2028-000001');
    await trx.rollback();
    expect(await registreer()).toBe('Z-2028-000001');
  });

  it('a sequence made again (dropped by hand) starts after the highest number of its year', async () => {
    loket.klok.zet('2029-06-01T09:00:00Z');
    await registreer();
    await registreer();
    await sql`drop sequence zaaknummer_gm0384_2029`.execute(loket.database.db);
    expect(await registreer()).toBe('Z-2029-000003');
  });
});

/** Resolves once another connection of this database waits on a lock (polls pg_stat_activity). */
async function wachtOpSlot(): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(loket.database.db);
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(opPglite)('two open transactions in one gemeente (PostgreSQL: two connections)', () => {
  it('each register a zaak without waiting for the other', async () => {
    await registreer();
    const eerste = await openVerzoekTransactie(loket.database.db);
    const tweede = await openVerzoekTransactie(loket.database.db);
    try {
      const a = await binnen(5000, eerste.binnen(() => registreer()));
      // The first is still open: with a counter row locked until commit, this would wait.
      const b = await binnen(5000, tweede.binnen(() => registreer()));
      expect(nummer(b)).toBe(nummer(a) + 1);
      await tweede.commit();
      await eerste.commit();
      expect([await zaakMet(a), await zaakMet(b)]).toEqual([1, 1]);
    } finally {
      await tweede.rollback();
      await eerste.rollback();
    }
  });

  it('when both are the first of a new year, the second waits once for the first to make the sequence, then uses it', async () => {
    loket.klok.zet('2030-03-01T09:00:00Z');
    const eerste = await openVerzoekTransactie(loket.database.db);
    const tweede = await openVerzoekTransactie(loket.database.db);
    try {
      expect(await eerste.binnen(() => registreer())).toBe('Z-2030-000001');
      const b = tweede.binnen(() => registreer());
      // The second waits on a lock (the catalog row of the first's uncommitted sequence) …
      await binnen(5000, wachtOpSlot());
      // … until the first commits; then it gets "already there" and takes the next number.
      await eerste.commit();
      expect(await b).toBe('Z-2030-000002');
      await tweede.commit();
      expect([await zaakMet('Z-2030-000001'), await zaakMet('Z-2030-000002')]).toEqual([1, 1]);
    } finally {
      await tweede.rollback();
      await eerste.rollback();
    }
  });
});

describe('migration 0023 on a database with counters', () => {
  it('carries every counter over: each sequence goes on after its last number, and the counter table is gone', async () => {
    const leeg = await legeDatabase();
    try {
      const db = leeg.db;
      await migrateTo(db as never, '0018-klantcontacten');
      await sql`insert into gemeente (code, naam, slug) values ('GM0384', 'Diemen', 'diemen'), ('GM0437', 'Ouder-Amstel', 'ouder-amstel')`.execute(db);
      await sql`insert into zaak_teller (gemeente, jaar, laatste) values ('GM0384', 2025, 41), ('GM0384', 2026, 7), ('GM0437', 2026, 1200)`.execute(db);
      expect(await migrateToLatest(db as never)).toContain('0023-zaaknummerreeksen');
      const repo = zakenRepository(db);
      expect(await repo.volgendNummer('GM0384', 2025)).toBe(42);
      expect(await repo.volgendNummer('GM0384', 2026)).toBe(8);
      expect(await repo.volgendNummer('GM0437', 2026)).toBe(1201);
      expect(await repo.volgendNummer('GM0437', 2027)).toBe(1);
      expect((await sql<{ t: string | null }>`select to_regclass('zaak_teller')::text as t`.execute(db)).rows[0]?.t).toBeNull();
    } finally {
      await leeg.close();
    }
  });
});

/** A `haal` that answers when the test says so, recording how many numbers each call asked for. */
function bediendeHaal() {
  const vragen: { aantal: number; antwoord: (nummers: number[] | null | Error) => void }[] = [];
  const haal = (aantal: number) =>
    new Promise<number[] | null>((klaar, faal) => vragen.push({ aantal, antwoord: (n) => (n instanceof Error ? faal(n) : klaar(n)) }));
  return { vragen, haal };
}
const rust = () => new Promise((klaar) => setImmediate(klaar));
/** For a test in which every number comes from `haal`. */
const alleen = () => Promise.reject(new Error('niet nodig'));

describe('numbers asked for at the same time (Nummerbron, ADR 0098 and 0099)', () => {
  it('the ones that ask while a number is on its way get theirs together, in one request, in the order they asked, with a reserve for the next', async () => {
    const bron = new Nummerbron();
    const { vragen, haal } = bediendeHaal();
    const eerste = bron.neem('r', haal, alleen);
    await rust();
    const later = [bron.neem('r', haal, alleen), bron.neem('r', haal, alleen), bron.neem('r', haal, alleen)];
    // Another sequence does not wait for this one.
    const ander = bron.neem('s', haal, alleen);
    await rust();
    // Alone, a registration takes only its own number: nothing is held back.
    expect(vragen.map((v) => v.aantal)).toEqual([1, 1]);
    vragen[0]?.antwoord([10]);
    vragen[1]?.antwoord([500]);
    expect(await eerste).toBe(10);
    expect(await ander).toBe(500);
    await rust();
    // Three waited: their three numbers and a reserve of four per registration.
    expect(vragen.map((v) => v.aantal)).toEqual([1, 1, 3 + 3 * Nummerbron.RESERVE_PER_WACHTENDE]);
    vragen[2]?.antwoord(Array.from({ length: 15 }, (_, i) => 11 + i));
    expect(await Promise.all(later)).toEqual([11, 12, 13]);
    // The next ones take the reserve, lowest first, without a request.
    expect(await bron.neem('r', haal, alleen)).toBe(14);
    expect(await bron.neem('r', haal, alleen)).toBe(15);
    expect(vragen).toHaveLength(3);
    // The other sequence has no reserve.
    const weer = bron.neem('s', haal, alleen);
    await rust();
    expect(vragen.at(-1)?.aantal).toBe(1);
    vragen.at(-1)?.antwoord([501]);
    expect(await weer).toBe(501);
  });

  it('those who came while the numbers were on their way are served from the new reserve; a reserve is at most RESERVE_MAX and is dropped when it is too old', async () => {
    let nu = 0;
    const bron = new Nummerbron(() => nu);
    const { vragen, haal } = bediendeHaal();
    const eerste = bron.neem('r', haal, alleen);
    await rust();
    const tien = Array.from({ length: 10 }, () => bron.neem('r', haal, alleen));
    await rust();
    vragen[0]?.antwoord([1]);
    expect(await eerste).toBe(1);
    await rust();
    expect(vragen[1]?.aantal).toBe(10 + Nummerbron.RESERVE_MAX);
    // Two more come while those numbers are on their way.
    const tijdens = [bron.neem('r', haal, alleen), bron.neem('r', haal, alleen)];
    await rust();
    vragen[1]?.antwoord(Array.from({ length: 10 + Nummerbron.RESERVE_MAX }, (_, i) => 2 + i));
    expect(await Promise.all(tien)).toEqual(Array.from({ length: 10 }, (_, i) => 2 + i));
    expect(await Promise.all(tijdens)).toEqual([12, 13]);
    expect(vragen).toHaveLength(2);
    // Past its age the rest of the reserve is dropped (a gap): the next asks alone again.
    nu += Nummerbron.RESERVE_MS + 1;
    const na = bron.neem('r', haal, alleen);
    await rust();
    expect(vragen.map((v) => v.aantal)).toEqual([1, 10 + Nummerbron.RESERVE_MAX, 1]);
    vragen[2]?.antwoord([100]);
    expect(await na).toBe(100);
  });

  it('when the sequence is not there, each takes its own; a failure reaches the ones it was for, and the next goes on', async () => {
    const bron = new Nummerbron();
    const { vragen, haal } = bediendeHaal();
    let eigen = 100;
    const alleen = () => Promise.resolve(eigen++);
    const a = bron.neem('r', haal, alleen);
    await rust();
    const b = bron.neem('r', haal, alleen);
    await rust();
    vragen[0]?.antwoord(null);
    expect(await Promise.all([a, b])).toEqual(expect.arrayContaining([100, 101]));

    const c = bron.neem('r', haal, alleen);
    await rust();
    const d = bron.neem('r', haal, alleen);
    await rust();
    vragen[1]?.antwoord(new Error('verbinding weg'));
    await expect(c).rejects.toThrow('verbinding weg');
    await rust();
    // d came while c's request was on its way: it asks anew.
    expect(vragen.map((v) => v.aantal)).toEqual([1, 1, 1]);
    vragen[2]?.antwoord([7]);
    expect(await d).toBe(7);
  });
});

describe.skipIf(opPglite)('registrations at the same moment (PostgreSQL)', () => {
  it('get unique numbers without gaps, in fewer statements for the numbers than registrations', async () => {
    // The year's sequence is there (the first of a year takes its own number, see above).
    await registreer();
    const { uitkomst: nummers, statements } = await statementsVan(() => Promise.all(Array.from({ length: 16 }, () => registreer())));
    const gesorteerd = nummers.map(nummer).toSorted((x, y) => x - y);
    expect(new Set(gesorteerd).size).toBe(16);
    expect(gesorteerd.at(-1)! - gesorteerd[0]!).toBe(15);
    const nextval = statements.filter((s) => s.startsWith('select nextval')).length;
    expect(nextval).toBeGreaterThan(0);
    expect(nextval).toBeLessThan(16);
  });
});
