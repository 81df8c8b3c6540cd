import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { testLoket, tweedeKnooppunt, type TestLoket } from './app.ts';
import { laadDemo, logInAls } from './demo.ts';
import { METEEN } from './knooppunten.ts';
import type { Ingelogd } from './login.ts';

/**
 * Two Loket nodes on one PostgreSQL database: the caches that keep a hot path to one statement
 * (issue 15's page-feedback intake, issue 12's public map, ADR 0023 and 0076) never answer with
 * what another node has changed. PGlite is one process, so it has no second node.
 */
const opPglite = inject('loketTestDatabase').kind === 'pglite';

describe.skipIf(opPglite)('caches of the hot paths on two nodes', () => {
  let a: TestLoket;
  let b: TestLoket;
  let beheerder: Ingelogd;

  beforeAll(async () => {
    a = await testLoket({ nu: '2026-11-23T09:00:00Z' });
    await laadDemo(a);
    b = await tweedeKnooppunt(a);
    beheerder = await logInAls(a, 'beheerder@duoplus.demo');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A remark on a page of `site`, posted to B as the website's script does. */
  const post = (site: string, pad = '/afval/grofvuil') =>
    b.app.inject({ method: 'POST', url: '/diemen/paginafeedback', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: site }, payload: new URLSearchParams({ pagina: `${site}${pad}`, gevonden: 'nee' }).toString() });

  it('page feedback: website domains and routing changed on A hold on B for the next post', async () => {
    const instellingen = (payload: object) => a.app.inject({ method: 'PUT', url: '/api/v1/gemeenten/GM0384/paginafeedback-instellingen', headers: beheerder.headers, payload });
    expect((await instellingen({ domeinen: ['www.diemen.nl'], routes: [] })).statusCode).toBe(200);
    // B keeps Diemen's intake now.
    expect((await post('https://www.diemen.nl')).statusCode).toBe(201);
    expect((await post('https://nieuw.diemen.nl')).statusCode).toBe(403);

    const teams = (await a.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/teams?pageSize=100', headers: beheerder.headers })).json().items as { id: string }[];
    const team = teams[0]?.id as string;
    expect((await instellingen({ domeinen: ['nieuw.diemen.nl'], routes: [{ patroon: '/afval/*', team }] })).statusCode).toBe(200);
    await vi.waitFor(async () => expect((await post('https://nieuw.diemen.nl')).statusCode).toBe(201), METEEN);
    expect((await post('https://www.diemen.nl')).statusCode).toBe(403);
    // The remark B took was routed by A's new rule.
    const lijst = await a.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/paginafeedback?pagina=${encodeURIComponent('https://nieuw.diemen.nl/afval/grofvuil')}`, headers: beheerder.headers });
    expect(lijst.json().items.map((i: { team: string | null }) => i.team)).toEqual([team]);
  });
});
