import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../test/app.ts';
import { testDatabase } from '../../test/database.ts';
import { loadConfig } from '../config.ts';
import { createLoket } from '../server.ts';

let loket: TestLoket;
beforeAll(async () => {
  loket = await testLoket();
});
afterAll(async () => loket.close());

describe('HTTP conventions', () => {
  it('answers /health when the database answers', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes OpenAPI 3.0 with API-Version', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['api-version']).toBe('1.0.0');
    expect(res.json().openapi).toBe('3.0.3');
    expect(Object.keys(res.json().paths)).toContain('/gemeenten');
  });

  it('resolves every $ref of the OpenAPI document and documents every API route', async () => {
    const doc = (await loket.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref as string);
    const gedocumenteerd = Object.entries(doc.paths).flatMap(([pad, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} /api/v1${pad.replace(/\{(\w+)\}/g, ':$1')}`));
    const api = loket.routes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'OPTIONS' && r.url !== '/api/v1/openapi.json');
    for (const r of api) expect(gedocumenteerd, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url}`);
  });

  it('serves the API reference as a page without JavaScript', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/api-docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('POST /gemeenten/{gemeente}/gebruikers');
    expect(res.body).not.toContain('<script');
  });

  it('treats a trailing slash as not found, as problem+json', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('sends HSTS only over TLS (behind a trusted proxy)', async () => {
    const achterProxy = await testLoket({ env: { TRUST_PROXY: 'true' } });
    try {
      const tls = await achterProxy.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(tls.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      const http = await achterProxy.app.inject({ method: 'GET', url: '/health' });
      expect(http.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await achterProxy.close();
    }
  });

  it('answers /health with 503 problem+json when the database does not answer', async () => {
    const zonderDb = await testLoket();
    await zonderDb.database.close();
    const res = await zonderDb.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    await zonderDb.app.close();
  });

  it('sets security headers', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('het logboek', () => {
  it('keeps tracking codes and credentials out of the log', async () => {
    const regels: string[] = [];
    const database = await testDatabase();
    const metLog = await createLoket({
      config: loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000', LOKET_TERMIJNBEWAKING_MINUTEN: '0' }),
      database,
      logger: { level: 'info', stream: { write: (regel: string) => void regels.push(regel) } },
      werkers: false,
    });
    const code = 'abcdefghijklmnopqrstuvwxyz234567';
    try {
      await metLog.app.inject({ method: 'GET', url: `/diemen/zaken/${code}?x=1` });
      await metLog.app.inject({ method: 'GET', url: `/diemen/en/zaken/${code}` });
      await metLog.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: { authorization: 'Bearer geheim-token-123', cookie: '__Host-loket-sessie=geheime-sessie' } });
      const log = regels.join('');
      expect(log).toContain('/diemen/zaken/…?x=1');
      expect(log).toContain('/diemen/en/zaken/…');
      expect(log).toContain('/api/v1/sessie');
      expect(log).not.toContain(code);
      expect(log).not.toContain('geheim-token-123');
      expect(log).not.toContain('geheime-sessie');
    } finally {
      await metLog.close();
      await database.close();
    }
  });
});
