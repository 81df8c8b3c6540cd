import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { createHttpServer } from '../../http/app.ts';
import type { RouteWithPolicy } from '../../http/policy.ts';
import { medewerkersAppRoutes } from './medewerkers-app.routes.ts';

const INDEX = '<!doctype html><html lang="nl"><title>Loket medewerkers</title><script type="module" src="/medewerkers/assets/app-1a2b.js"></script></html>';

let map: string;
let database: Database;

/** The real HTTP server (CSP, policies, problem+json) with only the staff app routes on it. */
async function server(distDir: string): Promise<{ app: FastifyInstance; routes: RouteWithPolicy[] }> {
  const { app, routes } = await createHttpServer({ config: loadConfig({}), database, authenticate: async () => undefined, logger: false });
  medewerkersAppRoutes(app, { distDir });
  await app.ready();
  return { app, routes };
}

beforeAll(async () => {
  database = await testDatabase();
  map = mkdtempSync(join(tmpdir(), 'loket-medewerkers-'));
  mkdirSync(join(map, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(map, 'dist', 'index.html'), INDEX);
  writeFileSync(join(map, 'dist', 'assets', 'app-1a2b.js'), 'console.log("medewerkers");');
  writeFileSync(join(map, 'geheim.txt'), 'niet voor het web');
});

afterAll(async () => {
  rmSync(map, { recursive: true, force: true });
  await database.close();
});

describe('medewerkers-app routes', () => {
  it('declares every route public and serves the app with the strict CSP, never cached', async () => {
    const { app, routes } = await server(join(map, 'dist'));
    const eigen = routes.filter((r) => r.url.startsWith('/medewerkers'));
    expect(eigen.map((r) => `${r.method} ${r.url}`).toSorted()).toEqual(['GET /medewerkers', 'GET /medewerkers/*', 'GET /medewerkers/assets/*']);
    for (const r of eigen) expect(r.policy).toEqual({ toegang: 'publiek' });

    const res = await app.inject({ method: 'GET', url: '/medewerkers/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.body).toBe(INDEX);
    await app.close();
  });

  it('answers every path of the app with index.html (the app routes itself) and redirects the bare prefix', async () => {
    const { app } = await server(join(map, 'dist'));
    for (const url of ['/medewerkers/inloggen', '/medewerkers/GM0384/gebruikers', '/medewerkers/GM0384/gebruikers/nieuw?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
    }
    const kaal = await app.inject({ method: 'GET', url: '/medewerkers' });
    expect(kaal.statusCode).toBe(301);
    expect(kaal.headers.location).toBe('/medewerkers/');
    await app.close();
  });

  it('serves hashed assets for a year, 404 for an unknown asset, and nothing outside dist', async () => {
    const { app } = await server(join(map, 'dist'));
    const js = await app.inject({ method: 'GET', url: '/medewerkers/assets/app-1a2b.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const weg = await app.inject({ method: 'GET', url: '/medewerkers/assets/bestaat-niet.js' });
    expect(weg.statusCode).toBe(404);
    expect(weg.headers['content-type']).toContain('application/problem+json');

    for (const url of ['/medewerkers/assets/..%2f..%2fgeheim.txt', '/medewerkers/assets/%2e%2e/%2e%2e/geheim.txt', '/medewerkers/..%2fgeheim.txt']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).not.toBe(500);
      expect(res.body, url).not.toContain('niet voor het web');
    }
    await app.close();
  });

  it('answers 503 problem+json that says to build the app when dist is missing', async () => {
    const { app } = await server(join(map, 'nog-niet-gebouwd'));
    for (const url of ['/medewerkers/', '/medewerkers/GM0384/teams', '/medewerkers/assets/app-1a2b.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 503, type: 'urn:loket:problem:medewerkers-app-niet-gebouwd' });
      expect(res.json().detail).toContain('npm run build');
    }
    await app.close();
  });
});
