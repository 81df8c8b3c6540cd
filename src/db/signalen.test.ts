import { sql } from 'kysely';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import type { Database } from './database.ts';
import { gedeeldeCache, KANAAL, openSignalen, sein, type Signalen } from './signalen.ts';
import { inEenTransactie } from './verzoek-transactie.ts';

let database: Database;
let signalen: Signalen;
const waarschuwingen: string[] = [];

beforeAll(async () => {
  database = await testDatabase();
  signalen = await openSignalen(database, { warn: (_details, bericht) => waarschuwingen.push(bericht) });
});
afterAll(async () => {
  await signalen?.close();
  await database?.close();
});

/** A cache of closure-day lists that counts its reads. */
function telCache() {
  const gelezen: string[] = [];
  const cache = gedeeldeCache<string>({ signalen, kanaal: KANAAL.sluitingsdagen, ms: 60_000, max: 10, raakt: (signaal, sleutel) => signaal === sleutel });
  const haal = (sleutel: string) => cache.haal(sleutel, async () => (gelezen.push(sleutel), `waarde van ${sleutel}`));
  return { gelezen, haal };
}

describe('signals between nodes', () => {
  it('drops a kept value when a change is committed, not when it is rolled back', async () => {
    const { gelezen, haal } = telCache();
    await haal('GM0384');
    await haal('GM0384');
    await haal('GM0437');
    expect(gelezen).toEqual(['GM0384', 'GM0437']);

    await database.db
      .transaction()
      .execute(async (trx) => {
        await sein(trx, KANAAL.sluitingsdagen, 'GM0437');
        throw new Error('terug');
      })
      .catch(() => undefined);
    await database.db.transaction().execute((trx) => sein(trx, KANAAL.sluitingsdagen, 'GM0384'));
    // Signals arrive in commit order: once GM0384's is in, a signal for GM0437 would have been too.
    await vi.waitFor(async () => {
      await haal('GM0384');
      expect(gelezen).toEqual(['GM0384', 'GM0437', 'GM0384']);
    });
    await haal('GM0437');
    expect(gelezen).toEqual(['GM0384', 'GM0437', 'GM0384']);
  });

  it("keeps nothing read inside a request transaction (it may be that transaction's own uncommitted write)", async () => {
    const { gelezen, haal } = telCache();
    await inEenTransactie(database.db, async () => {
      await haal('GM0363');
      await haal('GM0363');
    });
    expect(gelezen).toEqual(['GM0363', 'GM0363']);
    await haal('GM0363');
    await haal('GM0363');
    expect(gelezen).toEqual(['GM0363', 'GM0363', 'GM0363']);
  });

  it('sends the keys of seinNaCommit together: this node hears each at once, every node all of them in one NOTIFY (ADR 0090)', async () => {
    // What another node receives: the NOTIFYs themselves.
    const ontvangen: string[] = [];
    let stop: () => Promise<void>;
    if (database.pglite) stop = await database.pglite.listen(KANAAL.meldingenKaart, (payload) => ontvangen.push(payload));
    else {
      const ander = new Client({ connectionString: database.url });
      await ander.connect();
      ander.on('notification', (bericht) => ontvangen.push(bericht.payload ?? ''));
      await ander.query(`listen ${KANAAL.meldingenKaart}`);
      stop = () => ander.end();
    }
    const hier: string[] = [];
    signalen.luister(KANAAL.meldingenKaart, (sleutel) => void (sleutel !== undefined && hier.push(sleutel)));
    for (const cel of ['498:5233', '498:5234', '499:5233', '498:5233']) signalen.seinNaCommit(KANAAL.meldingenKaart, cel);
    expect(hier).toEqual(['498:5233', '498:5234', '499:5233', '498:5233']);
    expect(ontvangen).toEqual([]);
    await vi.waitFor(() => expect(ontvangen).toEqual(['498:5233 498:5234 499:5233']));
    // This node hears the NOTIFY too, key by key.
    await vi.waitFor(() => expect(hier.slice(4)).toEqual(['498:5233', '498:5234', '499:5233']));
    await stop();
  });

  it.skipIf(inject('loketTestDatabase').kind === 'pglite')('uses nothing it keeps while the listening connection is lost, and listens again (PostgreSQL only: PGlite listens in-process, no connection to lose)', async () => {
    const { gelezen, haal } = telCache();
    await haal('GM0451');
    await haal('GM0451');
    expect(gelezen).toHaveLength(1);

    const { rows } = await sql<{ gestopt: boolean }>`
      select pg_terminate_backend(pid) as gestopt from pg_stat_activity
      where application_name = 'loket-signalen' and datname = current_database()`.execute(database.db);
    expect(rows).toEqual([{ gestopt: true }]);
    await vi.waitFor(() => expect(signalen.verbonden()).toBe(false));
    expect(waarschuwingen).toContain('signalen: verbinding verloren; caches staan uit tot ze terug is');
    await haal('GM0451');
    await haal('GM0451');
    expect(gelezen).toHaveLength(3);

    await vi.waitFor(() => expect(signalen.verbonden()).toBe(true), { timeout: 5_000, interval: 50 });
    expect(waarschuwingen).toEqual(['signalen: verbinding verloren; caches staan uit tot ze terug is', 'signalen: weer verbonden; caches staan weer aan']);
    await haal('GM0451');
    await haal('GM0451');
    expect(gelezen).toHaveLength(4);
    // Signals are heard again.
    await database.db.transaction().execute((trx) => sein(trx, KANAAL.sluitingsdagen, 'GM0451'));
    await vi.waitFor(async () => {
      await haal('GM0451');
      expect(gelezen).toHaveLength(5);
    });
  });
});
