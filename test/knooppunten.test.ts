import { inject, afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gedeeldGeheim } from '../src/db/gedeeld-geheim.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { testLoket, tweedeKnooppunt, type TestLoket } from './app.ts';
import { testDatabase } from './database.ts';
import { laadDemo, logInAls } from './demo.ts';
import { METEEN, SLUITINGSDAG_4_MAART, VRAAG_2_MAART } from './knooppunten.ts';
import type { Ingelogd } from './login.ts';
import { gebruikerId, registreerZaak } from './zaken.ts';

/**
 * Two Loket nodes on one PostgreSQL database (issue 17, ADR 0023): what one node changes holds
 * on the other as soon as it is committed. PGlite is one process, so it has no second node.
 */
const opPglite = inject('loketTestDatabase').kind === 'pglite';

const GEHEIM = 'een-geheim-dat-elk-knooppunt-deelt-0123456789';
const sessie = (knooppunt: TestLoket, wie: Ingelogd) => knooppunt.app.inject({ method: 'GET', url: '/api/v1/sessie', headers: wie.headers });
const beheer = (id: string) => `/api/v1/gemeenten/GM0384/gebruikers/${id}`;

describe('a secret every node shares', () => {
  it('keeps a node without LOKET_FORMULIER_GEHEIM as it was until a node sets one; then refuses another or none', async () => {
    const database = await testDatabase();
    try {
      const vingerafdrukken = () => database.db.selectFrom('knooppunt_geheim').select(['naam', 'vingerafdruk']).execute();
      const willekeurig = await gedeeldGeheim(database.db, 'LOKET_FORMULIER_GEHEIM', undefined);
      expect(willekeurig).toMatch(/^[0-9a-f]{64}$/);
      expect(await gedeeldGeheim(database.db, 'LOKET_FORMULIER_GEHEIM', undefined)).not.toBe(willekeurig);
      expect(await vingerafdrukken()).toEqual([]);

      expect(await gedeeldGeheim(database.db, 'LOKET_FORMULIER_GEHEIM', GEHEIM)).toBe(GEHEIM);
      expect(await gedeeldGeheim(database.db, 'LOKET_FORMULIER_GEHEIM', GEHEIM)).toBe(GEHEIM);
      const [rij] = await vingerafdrukken();
      expect(rij?.vingerafdruk).toMatch(/^[0-9a-f]{64}$/);
      expect(rij?.vingerafdruk).not.toContain(GEHEIM);

      await expect(gedeeldGeheim(database.db, 'LOKET_FORMULIER_GEHEIM', `${GEHEIM}-anders`)).rejects.toThrow(/verschilt van het geheim dat andere knooppunten/);
      await expect(gedeeldGeheim(database.db, 'LOKET_FORMULIER_GEHEIM', undefined)).rejects.toThrow(/ontbreekt, maar andere knooppunten/);
    } finally {
      await database.close();
    }
  });
});

describe.skipIf(opPglite)('two nodes on one database (PGlite is one process: no second node)', () => {
  let a: TestLoket;
  let b: TestLoket;
  let beheerder: Ingelogd;

  beforeAll(async () => {
    a = await testLoket({ nu: '2026-11-23T09:00:00Z', env: { LOKET_FORMULIER_GEHEIM: GEHEIM } });
    await laadDemo(a);
    b = await tweedeKnooppunt(a, { env: { LOKET_FORMULIER_GEHEIM: GEHEIM } });
    beheerder = await logInAls(a, 'beheerder@duoplus.demo');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Reads the session on B twice, so B keeps it. */
  async function bekendOpB(wie: Ingelogd): Promise<void> {
    expect((await sessie(b, wie)).statusCode).toBe(200);
    expect((await sessie(b, wie)).statusCode).toBe(200);
  }
  const geweigerdOpB = (wie: Ingelogd) => vi.waitFor(async () => expect((await sessie(b, wie)).statusCode).toBe(401), METEEN);

  it('refuses on B a session logged out on A, at once', async () => {
    const kcc = await logInAls(a, 'kcc@duoplus.demo');
    await bekendOpB(kcc);
    const uit = await a.app.inject({ method: 'DELETE', url: '/api/v1/sessie', headers: kcc.headers });
    expect(uit.statusCode).toBe(204);
    await geweigerdOpB(kcc);
  });

  it('refuses on B the sessions of an account disabled on A, and after an MFA reset on A', async () => {
    const etag = async (id: string) => (await a.app.inject({ method: 'GET', url: beheer(id), headers: beheerder.headers })).headers.etag as string;

    const behandelaar = await logInAls(a, 'behandelaar@diemen.demo');
    await bekendOpB(behandelaar);
    const id = await gebruikerId(a.database, 'behandelaar@diemen.demo');
    const herstel = await a.app.inject({ method: 'POST', url: `${beheer(id)}/mfa-herstel`, headers: { ...beheerder.headers, 'if-match': await etag(id) } });
    expect(herstel.statusCode, herstel.body).toBe(200);
    await geweigerdOpB(behandelaar);

    const teamleider = await logInAls(a, 'teamleider@diemen.demo');
    await bekendOpB(teamleider);
    const tid = await gebruikerId(a.database, 'teamleider@diemen.demo');
    const uit = await a.app.inject({ method: 'PATCH', url: beheer(tid), headers: { ...beheerder.headers, 'if-match': await etag(tid) }, payload: { actief: false } });
    expect(uit.statusCode, uit.body).toBe(200);
    await geweigerdOpB(teamleider);
  });

  it('counts on B a closure day added on A for the next deadline B computes', async () => {
    const kcc = await logInAls(a, 'kcc@duoplus.demo');
    // Monday 2 March 2026 + 5 werkdagen: Monday 9 March. B now keeps Diemen's closure days.
    const vraag = VRAAG_2_MAART;
    const eerste = await b.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/zaken', headers: kcc.headers, payload: vraag });
    expect(eerste.statusCode, eerste.body).toBe(201);
    expect(eerste.json().uiterlijkeEinddatum).toBe('2026-03-09');

    const dicht = await a.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/sluitingsdagen', headers: beheerder.headers, payload: SLUITINGSDAG_4_MAART });
    expect(dicht.statusCode, dicht.body).toBe(201);
    await vi.waitFor(async () => expect([...(await b.services.termijnen.sluitingsdagen('GM0384')).keys()]).toContain('2026-03-04'), METEEN);
    const tweede = await b.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/zaken', headers: kcc.headers, payload: vraag });
    expect(tweede.statusCode, tweede.body).toBe(201);
    expect(tweede.json().uiterlijkeEinddatum).toBe('2026-03-10');
  });

  it('shows on B a P&C version published on A', async () => {
    const pagina = '/diemen/jaarstukken/2023/samen-besturen';
    const opB = () => b.app.inject({ method: 'GET', url: pagina, headers: { accept: 'text/html' } });
    expect((await opB()).statusCode).toBe(200);
    // B keeps what it made for the vastgesteld version; the next one has another id.
    const pc = a.services.pc;
    const huidig = await pc.gepubliceerdeVersie('GM0384', 'jaarstukken', 2023);
    if (!huidig) throw new Error('de demo heeft geen jaarstukken 2023');
    const nieuw = await pc.nieuweVersie(cliContext(), 'GM0384', huidig.id, { naam: 'Correctie' });
    await pc.wijzigProgramma(cliContext(), 'GM0384', nieuw.id, 'samen-besturen', 1, { visie: ['Gecorrigeerde visie van de raad.'] });
    expect((await opB()).body).not.toContain('Gecorrigeerde visie van de raad.');
    await pc.wijzigVersie(cliContext(), 'GM0384', nieuw.id, 1, { status: 'aangeboden' });
    await pc.wijzigVersie(cliContext(), 'GM0384', nieuw.id, 2, { status: 'vastgesteld', vastgesteldOp: '2024-07-04' });
    expect((await opB()).body).toContain('Gecorrigeerde visie van de raad.');
  });

  it('takes on B a reply form shown by A (the same LOKET_FORMULIER_GEHEIM)', async () => {
    const kcc = await logInAls(a, 'kcc@duoplus.demo');
    const zaak = await registreerZaak(a.app, kcc, { zaaktype: 'klacht', onderwerp: 'Lang gewacht', kanaal: 'balie', ontvangstdatum: '2026-03-02', betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' } });
    const pad = `/diemen/zaken/${zaak.volgcode}`;
    const pagina = await a.app.inject({ method: 'GET', url: pad, headers: { accept: 'text/html' } });
    const formulier = /name="formulier" value="([^"]+)"/.exec(pagina.body)?.[1] ?? '';
    const res = await b.app.inject({
      method: 'POST',
      url: pad,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ tekst: 'Ik wacht al lang.', formulier }).toString(),
    });
    expect(res.statusCode, res.body).toBe(303);
  });

  it('refuses to start a node with another LOKET_FORMULIER_GEHEIM, or without one', async () => {
    await expect(tweedeKnooppunt(a, { env: { LOKET_FORMULIER_GEHEIM: 'een-ander-geheim-0123456789-0123456789' } })).rejects.toThrow(
      /LOKET_FORMULIER_GEHEIM verschilt van het geheim dat andere knooppunten op deze database gebruiken/,
    );
    await expect(tweedeKnooppunt(a)).rejects.toThrow(/LOKET_FORMULIER_GEHEIM ontbreekt, maar andere knooppunten op deze database gebruiken een vast geheim/);
  });
});

/** The answers of a node to `aantal` requests of one address on a public route, one after another. */
async function codes(knooppunt: TestLoket, aantal: number, remoteAddress = '127.0.0.1'): Promise<number[]> {
  const uit: number[] = [];
  for (let i = 0; i < aantal; i++) uit.push((await knooppunt.app.inject({ method: 'GET', url: '/api/v1/gemeenten', remoteAddress })).statusCode);
  return uit;
}

describe.skipIf(opPglite)('rate limits across two nodes (PGlite is one process: no second node)', () => {
  let a: TestLoket;
  let b: TestLoket;
  // Each node shares its counts only when asked (deelRateLimits), so what each knows is certain.
  const env = { LOKET_RATE_LIMIT: '40', LOKET_RATE_LIMIT_DELEN_MS: '1000000' };
  beforeAll(async () => {
    a = await testLoket({ env });
    b = await tweedeKnooppunt(a, { env });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('counts the requests of one address on A and B together, exactly once each node has shared (ADR 0093)', async () => {
    expect(await codes(a, 30)).toEqual(Array(30).fill(200));
    await a.deelRateLimits();
    expect(await codes(b, 1)).toEqual([200]);
    await b.deelRateLimits();
    // B now counts A's 30 and its own: 9 more make 40, the limit.
    expect(await codes(b, 9)).toEqual(Array(9).fill(200));
    expect(await codes(b, 20)).toEqual(Array(20).fill(429));
    // Another address has its own count.
    expect(await codes(b, 1, '192.0.2.7')).toEqual([200]);

    // A knows the 30 it shared and its own since; what B counted it sees at its next share. The
    // overshoot is bounded: A admits only what it gets before that share (here one request).
    expect(await codes(a, 1)).toEqual([200]);
    await b.deelRateLimits();
    await a.deelRateLimits();
    expect(await codes(a, 5)).toEqual(Array(5).fill(429));
    const [rij] = await a.database.db.selectFrom('rate_limit').select('aantal').where('sleutel', '=', 'GET /api/v1/gemeenten|127.0.0.1').execute();
    expect(rij?.aantal).toBe(61);
  });

  it('shares the counts left at a graceful stop', async () => {
    const c = await tweedeKnooppunt(a, { env });
    expect(await codes(c, 3, '192.0.2.8')).toEqual([200, 200, 200]);
    await c.close();
    const [rij] = await a.database.db.selectFrom('rate_limit').select('aantal').where('sleutel', '=', 'GET /api/v1/gemeenten|192.0.2.8').execute();
    expect(rij?.aantal).toBe(3);
  });
});
