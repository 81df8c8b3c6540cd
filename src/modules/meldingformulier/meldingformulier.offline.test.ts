import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';

// The service worker of the resident melding pages and its offline pages (ADR 0075).

let loket: TestLoket;
beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
});
afterAll(async () => {
  await loket?.close();
});

const haal = (url: string) => loket.app.inject({ method: 'GET', url });

describe('the melding pages’ service worker', () => {
  it('is served per gemeente with its shell and offline pages filled in, from our own origin only', async () => {
    const res = await haal('/diemen/melding-sw.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('var OFFLINE = {"nl":"/diemen/melding/offline","en":"/diemen/en/report/offline"};');
    expect(res.body).toMatch(/var SHELL = \[[^\]]*"\/static\/thema\/diemen\.css\?v=[^"]+"[^\]]*"\/static\/melding\/icoon-192\.png"/);
    expect(res.body).toMatch(/var VERSIE = '[A-Za-z0-9_-]+';/);
    expect(res.body).not.toMatch(/__SHELL__|__OFFLINE__|__VERSIE__|https?:\/\//);
    expect((await haal('/bestaat-niet/melding-sw.js')).statusCode).toBe(404);
  });

  it('every melding page registers it by a script of its own (no inline script), with the scope of its language', async () => {
    const nl = await haal('/diemen/melding');
    expect(nl.body).toMatch(/<script src="\/static\/melding\/sw-registreer\.js\?v=[^"]+" data-sw="\/diemen\/melding-sw\.js" data-scope="\/diemen\/melding" defer><\/script>/);
    expect((await haal('/diemen/en/report')).body).toContain('data-scope="/diemen/en/report"');
    const script = nl.body.match(/src="(\/static\/melding\/sw-registreer\.js\?v=[^"]+)"/)?.[1] ?? '';
    const registreer = await haal(script);
    expect(registreer.statusCode).toBe(200);
    expect(registreer.body).toContain('navigator.serviceWorker.register');
    expect(nl.body).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('has an offline page in nl and en', async () => {
    const nl = await haal('/diemen/melding/offline');
    expect(nl.statusCode).toBe(200);
    expect(nl.body).toContain('<h1 class="utrecht-heading-1 utrecht-heading-1--distanced">U bent offline</h1>');
    expect(nl.body).toContain('<html lang="nl"');
    const en = await haal('/diemen/en/report/offline');
    expect(en.body).toContain('You are offline</h1>');
    expect(en.body).toContain('<html lang="en"');
    expect((await haal('/bestaat-niet/melding/offline')).statusCode).toBe(404);
  });
});
