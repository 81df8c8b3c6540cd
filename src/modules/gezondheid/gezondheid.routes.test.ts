import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { MIGRATIES } from '../../db/migrate.ts';

// One Loket for the tests that change nothing; the others open their own.
let loket: TestLoket;
beforeAll(async () => {
  loket = await testLoket();
});
afterAll(async () => loket.close());

describe('readiness (/ready) apart from liveness (/health)', () => {
  it('is ready when the database answers and has every migration', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.connection).not.toBe('close');
  });

  it('is not ready from drain() on, while it stays alive and still serves, closing each connection', async () => {
    const eigen = await testLoket();
    try {
      expect((await eigen.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      eigen.drain();
      expect(eigen.draining()).toBe(true);
      const ready = await eigen.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['content-type']).toContain('application/problem+json');
      expect(ready.json()).toMatchObject({ status: 503, title: 'Niet gereed', detail: expect.stringMatching(/stopt/) });
      const health = await eigen.app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect(health.headers.connection).toBe('close');
      const gemeenten = await eigen.app.inject({ method: 'GET', url: '/api/v1/gemeenten' });
      expect(gemeenten.statusCode).toBe(200);
      expect(gemeenten.headers.connection).toBe('close');
    } finally {
      await eigen.close();
    }
  });

  it('is not ready when a migration of this version is missing, and names it; one it does not know is no reason', async () => {
    const eigen = await testLoket();
    try {
      const laatste = MIGRATIES.at(-1) ?? '';
      await sql`insert into loket_migratie (name, timestamp) values ('9999-van-een-nieuwere-versie', now()::text)`.execute(eigen.database.db);
      expect((await eigen.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);

      await sql`delete from loket_migratie where name = ${laatste}`.execute(eigen.database.db);
      const res = await eigen.app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toContain(laatste);
      // Liveness does not look at the schema.
      expect((await eigen.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await eigen.close();
    }
  });

  it('is neither alive nor ready when the database does not answer', async () => {
    const zonderDb = await testLoket();
    await zonderDb.database.close();
    try {
      for (const url of ['/health', '/ready']) {
        const res = await zonderDb.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(503);
        expect(res.headers['content-type'], url).toContain('application/problem+json');
        expect(res.json().detail, url).toBe('De database antwoordt niet.');
      }
    } finally {
      await zonderDb.app.close();
    }
  });

  it('rate limits neither /ready nor /health (a proxy or supervisor probes them often from one address); other public routes are limited', async () => {
    const krap = await testLoket({ env: { LOKET_RATE_LIMIT: '2' } });
    try {
      const ready = [];
      const health = [];
      for (let i = 0; i < 4; i++) {
        ready.push((await krap.app.inject({ method: 'GET', url: '/ready' })).statusCode);
        health.push((await krap.app.inject({ method: 'GET', url: '/health' })).statusCode);
      }
      expect(ready).toEqual([200, 200, 200, 200]);
      expect(health).toEqual([200, 200, 200, 200]);
      for (let i = 0; i < 2; i++) expect((await krap.app.inject({ method: 'GET', url: '/api/v1/gemeenten' })).statusCode).toBe(200);
      expect((await krap.app.inject({ method: 'GET', url: '/api/v1/gemeenten' })).statusCode).toBe(429);
    } finally {
      await krap.close();
    }
  });
});
