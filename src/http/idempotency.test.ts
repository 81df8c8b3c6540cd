import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { DB } from '../db/schema.ts';
import { testLoket, type TestLoket } from '../../test/app.ts';
import { laadDemo, logInAls } from '../../test/demo.ts';
import type { Ingelogd } from '../../test/login.ts';
import { idempotentieRepository } from './idempotency.repository.ts';

/**
 * Idempotency-Key (ADR 0030): the claim, the work and the stored answer are one transaction, so
 * a retry after any failure either replays the answer or does the work once.
 */
const opPglite = inject('loketTestDatabase').kind === 'pglite';
const ZAKEN = '/api/v1/gemeenten/GM0384/zaken';

let loket: TestLoket;
let kcc: Ingelogd;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00Z' });
  await laadDemo(loket);
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
});
afterAll(() => loket?.close());

const nieuweZaak = (onderwerp: string) => ({ zaaktype: 'e-mailvraag', onderwerp, kanaal: 'e-mail', ontvangstdatum: '2026-11-23', betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' } });
const registreer = (sleutel: string, onderwerp: string) =>
  loket.app.inject({ method: 'POST', url: ZAKEN, headers: { ...kcc.headers, 'idempotency-key': sleutel }, payload: nieuweZaak(onderwerp) });
const aantalZaken = async (onderwerp: string) =>
  Number((await loket.database.db.selectFrom('zaak').select((e) => e.fn.countAll().as('n')).where('onderwerp', '=', onderwerp).executeTakeFirstOrThrow()).n);

describe('Idempotency-Key on a zaak registration', () => {
  it('replays the answer of the first request and registers the zaak once', async () => {
    const onderwerp = `Eenmaal ${randomUUID()}`;
    const sleutel = randomUUID();
    const eerste = await registreer(sleutel, onderwerp);
    expect(eerste.statusCode, eerste.body).toBe(201);
    const tweede = await registreer(sleutel, onderwerp);
    expect(tweede.statusCode).toBe(201);
    expect(tweede.headers['idempotent-replayed']).toBe('true');
    expect(tweede.json().id).toBe(eerste.json().id);
    expect(tweede.headers.location).toBe(eerste.headers.location);
    expect(await aantalZaken(onderwerp)).toBe(1);
    // The same key for another request is refused and changes nothing.
    const ander = await registreer(sleutel, `${onderwerp} (anders)`);
    expect(ander.statusCode).toBe(422);
    expect(await aantalZaken(`${onderwerp} (anders)`)).toBe(0);
  });

  it('commits the work only together with the stored answer', async () => {
    const onderwerp = `Samen ${randomUUID()}`;
    const sleutel = randomUUID();
    // Storing the answer fails (a real trigger in the database): the zaak must not stay behind.
    await sql`create function weiger_antwoord() returns trigger language plpgsql as $$ begin raise exception 'antwoord geweigerd'; end $$`.execute(loket.database.db);
    await sql`create trigger weiger_antwoord before update on idempotentie for each row execute function weiger_antwoord()`.execute(loket.database.db);
    try {
      const mislukt = await registreer(sleutel, onderwerp);
      expect(mislukt.statusCode).toBe(500);
      expect(mislukt.headers['content-type']).toContain('application/problem+json');
      expect(await aantalZaken(onderwerp)).toBe(0);
    } finally {
      await sql`drop trigger weiger_antwoord on idempotentie`.execute(loket.database.db);
      await sql`drop function weiger_antwoord()`.execute(loket.database.db);
    }
    // Nothing was committed, so the key is free: the retry does the work, once.
    const opnieuw = await registreer(sleutel, onderwerp);
    expect(opnieuw.statusCode, opnieuw.body).toBe(201);
    expect(opnieuw.headers['idempotent-replayed']).toBeUndefined();
    expect(await aantalZaken(onderwerp)).toBe(1);
  });

  it('does the work once when retries of one key arrive together', async () => {
    const onderwerp = `Tegelijk ${randomUUID()}`;
    const sleutel = randomUUID();
    const antwoorden = await Promise.all(Array.from({ length: 6 }, () => registreer(sleutel, onderwerp)));
    const codes = antwoorden.map((a) => a.statusCode);
    // Each is the answer (first or replayed) or "still under way" (another database session holds the key).
    for (const code of codes) expect([201, 409]).toContain(code);
    expect(new Set(antwoorden.filter((a) => a.statusCode === 201).map((a) => a.json().id)).size).toBe(1);
    for (const a of antwoorden.filter((x) => x.statusCode === 409)) expect(a.headers['retry-after']).toBe('1');
    expect(await aantalZaken(onderwerp)).toBe(1);
  });

  it('keeps requests with and without keys going side by side', async () => {
    const onderwerp = `Door elkaar ${randomUUID()}`;
    const verzoeken = Array.from({ length: 16 }, (_, i) =>
      i % 2 === 0 ? registreer(randomUUID(), onderwerp) : loket.app.inject({ method: 'GET', url: `${ZAKEN}?pageSize=5`, headers: kcc.headers }),
    );
    const antwoorden = await Promise.all(verzoeken);
    expect(antwoorden.map((a) => a.statusCode)).toEqual(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 201 : 200)));
    expect(await aantalZaken(onderwerp)).toBe(8);
  });

  it('frees the key of a refused request, and a retry with good input does the work', async () => {
    const onderwerp = `Eerst fout ${randomUUID()}`;
    const sleutel = randomUUID();
    const fout = await loket.app.inject({ method: 'POST', url: ZAKEN, headers: { ...kcc.headers, 'idempotency-key': sleutel }, payload: { ...nieuweZaak(onderwerp), zaaktype: 'bestaat-niet' } });
    expect(fout.statusCode).toBeGreaterThanOrEqual(400);
    expect(fout.statusCode).toBeLessThan(500);
    const goed = await registreer(sleutel, onderwerp);
    // Another body than the refused one: the key was freed, so this is not "reused".
    expect(goed.statusCode, goed.body).toBe(201);
    expect(await aantalZaken(onderwerp)).toBe(1);
  });
});

/** A second node's connection that claims a key and holds it, as a request under way does. */
async function houdVast(principaal: string, sleutel: string) {
  const pool = new Pool({ connectionString: loket.database.url, max: 1 });
  // A killed node's connection fails; here that must not end the test process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const trx = await db.startTransaction().execute();
  const claim = await idempotentieRepository(trx).claim({ principaal, sleutel, methode: 'POST', pad: ZAKEN, verzoekHash: 'x', nu: new Date().toISOString() });
  expect(claim).toBe('geclaimd');
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  return { trx, db, pid: rows[0]?.pid ?? 0 };
}
async function principaalVanKcc(): Promise<string> {
  const sleutel = randomUUID();
  expect((await registreer(sleutel, `Wie ${sleutel}`)).statusCode).toBe(201);
  const rij = await loket.database.db.selectFrom('idempotentie').select('principaal').where('sleutel', '=', sleutel).executeTakeFirstOrThrow();
  return rij.principaal;
}

describe.skipIf(opPglite)('a key held by another database session (another node; PGlite has one session)', () => {
  it('answers 409 at once while a live request holds the key, and the answer once it is done', async () => {
    const principaal = await principaalVanKcc();
    const sleutel = randomUUID();
    const onderwerp = `Bezet ${sleutel}`;
    const ander = await houdVast(principaal, sleutel);
    try {
      const start = performance.now();
      const bezet = await registreer(sleutel, onderwerp);
      expect(bezet.statusCode).toBe(409);
      expect(bezet.json().type).toContain('verzoek-loopt-nog');
      expect(performance.now() - start).toBeLessThan(1_000);
    } finally {
      await ander.trx.rollback().execute();
      await ander.db.destroy();
    }
    const vrij = await registreer(sleutel, onderwerp);
    expect(vrij.statusCode, vrij.body).toBe(201);
    expect(await aantalZaken(onderwerp)).toBe(1);
  });

  it('lets a retry through at once when the node holding the key dies (its connection ends)', async () => {
    const principaal = await principaalVanKcc();
    const sleutel = randomUUID();
    const onderwerp = `Dood ${sleutel}`;
    const dode = await houdVast(principaal, sleutel);
    try {
      expect((await registreer(sleutel, onderwerp)).statusCode).toBe(409);
      // What kill -9 of a node does to its connections: the server ends the session and rolls back.
      await sql`select pg_terminate_backend(${dode.pid})`.execute(loket.database.db);
      // The server ends that session a moment later (as when a node's process dies): wait for it.
      await vi.waitFor(
        async () => {
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where pid = ${dode.pid}`.execute(loket.database.db);
          expect(rows[0]?.n).toBe(0);
        },
        { timeout: 5_000, interval: 10 },
      );
      const start = performance.now();
      const opnieuw = await registreer(sleutel, onderwerp);
      expect(opnieuw.statusCode, opnieuw.body).toBe(201);
      expect(performance.now() - start).toBeLessThan(1_000);
      expect(await aantalZaken(onderwerp)).toBe(1);
    } finally {
      // The dead connection's rollback fails, but gives the connection back so the pool can end.
      await dode.trx
        .rollback()
        .execute()
        .catch(() => undefined);
      await dode.db.destroy();
    }
  });
});
