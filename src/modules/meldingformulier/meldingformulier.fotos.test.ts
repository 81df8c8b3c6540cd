import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legeDatabase, testDatabase } from '../../../test/database.ts';
import type { Database } from '../../db/database.ts';
import { migrateTo, migrateToLatest } from '../../db/migrate.ts';
import { meldingformulierRepository, type ConceptFoto } from './meldingformulier.repository.ts';

// A concept's photos without a foreign key (migration 0067, ADR 0101): the same rules as the
// foreign key with its cascade, kept by triggers that run only when a concept has photos.

const G = 'GM0384';
const NU = '2026-03-02T09:00:00.000Z';
const LATER = '2026-03-02T12:00:00.000Z';
const foto = (volgnummer: number): ConceptFoto => ({ volgnummer, mediatype: 'image/png', inhoud: Buffer.from([volgnummer]), breedte: 1, hoogte: 1 });

let database: Database;
let repo: ReturnType<typeof meldingformulierRepository>;
const fotosIn = async (hash: string) => (await sql<{ n: number }>`select count(*)::int as n from melding_concept_foto where sleutel_hash = ${hash}`.execute(database.db)).rows[0]?.n;

beforeAll(async () => {
  database = await testDatabase();
  repo = meldingformulierRepository(database.db);
  await sql`insert into gemeente (code, naam, slug) values (${G}, 'Diemen', 'diemen') on conflict do nothing`.execute(database.db);
});
afterAll(async () => database.close());

describe("a concept's photos", () => {
  it('are counted on the concept as they come and go', async () => {
    await repo.maak(G, 'h1', { beschrijving: 'Losse tegel' }, NU, LATER);
    expect((await repo.concept(G, 'h1', NU))?.aantalFotos).toBe(0);
    await repo.voegFotoToe(G, 'h1', foto(1));
    await repo.voegFotoToe(G, 'h1', foto(2));
    expect((await repo.concept(G, 'h1', NU))?.aantalFotos).toBe(2);
    await repo.verwijderFoto(G, 'h1', 1);
    expect((await repo.concept(G, 'h1', NU))?.aantalFotos).toBe(1);
    expect((await repo.fotos(G, 'h1')).map((f) => f.volgnummer)).toEqual([2]);
  });

  it('cannot be added to a concept that is not there (SQLSTATE 23503, as the foreign key did); nothing is stored', async () => {
    await expect(repo.voegFotoToe(G, 'nergens', foto(1))).rejects.toMatchObject({ code: '23503' });
    expect(await fotosIn('nergens')).toBe(0);
  });

  it('go with their concept, however it is deleted: sent, followed elsewhere or expired', async () => {
    for (const hash of ['h2', 'h3', 'h4', 'h5']) await repo.maak(G, hash, { beschrijving: 'Kapotte lantaarn' }, NU, hash === 'h4' ? NU : LATER);
    for (const hash of ['h2', 'h3', 'h4']) await repo.voegFotoToe(G, hash, foto(1));
    await sql`delete from melding_concept where gemeente = ${G} and sleutel_hash in ('h2', 'h5')`.execute(database.db);
    await repo.verwijder(G, 'h3');
    expect(await repo.ruimVerlopenOp(NU)).toBe(1);
    for (const hash of ['h2', 'h3', 'h4', 'h5']) expect(await fotosIn(hash)).toBe(0);
  });

  it('keep their key and their concept its key', async () => {
    await repo.maak(G, 'h6', { beschrijving: 'Scheve paal' }, NU, LATER);
    await repo.voegFotoToe(G, 'h6', foto(1));
    await expect(sql`update melding_concept set sleutel_hash = 'h7' where sleutel_hash = 'h6'`.execute(database.db)).rejects.toMatchObject({ code: '23001' });
    await expect(sql`update melding_concept_foto set sleutel_hash = 'h7' where sleutel_hash = 'h6'`.execute(database.db)).rejects.toMatchObject({ code: '23001' });
    expect(await fotosIn('h6')).toBe(1);
  });

  it('a photo added while its concept is deleted never stays behind', async () => {
    for (let i = 0; i < 10; i++) {
      const hash = `samen-${i}`;
      await repo.maak(G, hash, { beschrijving: 'Omgewaaide boom' }, NU, LATER);
      await repo.voegFotoToe(G, hash, foto(1));
      await Promise.allSettled([repo.voegFotoToe(G, hash, foto(2)), sql`delete from melding_concept where sleutel_hash = ${hash}`.execute(database.db)]);
      expect(await fotosIn(hash)).toBe(0);
    }
  });
});

describe('migration 0067 on a database with concepts and photos', () => {
  it('counts the photos each concept already has', async () => {
    const leeg = await legeDatabase();
    try {
      const db = leeg.db;
      await migrateTo(db as never, '0066-eis-bij-schrijven');
      await sql`insert into gemeente (code, naam, slug) values (${G}, 'Diemen', 'diemen')`.execute(db);
      await sql`insert into melding_concept (gemeente, sleutel_hash, gegevens, aangemaakt_op, verloopt_op) values (${G}, 'a', '{}', ${NU}, ${LATER}), (${G}, 'b', '{}', ${NU}, ${LATER})`.execute(db);
      await sql`insert into melding_concept_foto (gemeente, sleutel_hash, volgnummer, mediatype, inhoud, breedte, hoogte) values (${G}, 'a', 1, 'image/png', '\\x01', 1, 1), (${G}, 'a', 3, 'image/png', '\\x03', 1, 1)`.execute(db);
      expect(await migrateToLatest(db as never)).toContain('0067-conceptfotos-zonder-cascade');
      const repo067 = meldingformulierRepository(db as never);
      expect((await repo067.concept(G, 'a', NU))?.aantalFotos).toBe(2);
      expect((await repo067.concept(G, 'b', NU))?.aantalFotos).toBe(0);
      await sql`delete from melding_concept where sleutel_hash = 'a'`.execute(db);
      expect((await sql<{ n: number }>`select count(*)::int as n from melding_concept_foto`.execute(db)).rows[0]?.n).toBe(0);
    } finally {
      await leeg.close();
    }
  });
});
