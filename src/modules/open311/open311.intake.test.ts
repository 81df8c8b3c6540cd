import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import { statementsVan } from '../../../test/statements.ts';

/**
 * What one melding costs in round trips to PostgreSQL (issue 12, bench/meldingen-intake, ADR
 * 0084): every statement of `POST /open311/v2/requests.json`, from the first read to the commit
 * and the map's signal after it. The count does not depend on the machine's load, so it guards
 * the intake's speed where a timed test could not. PostgreSQL only (PGlite has no round trips).
 */
const opPglite = inject('loketTestDatabase').kind === 'pglite';

/** Statements per melding through Open311 (20 before ADR 0084, 10 before ADR 0090, 9 before ADR 0093, 8 before the team was kept per node, 7 before ADR 0096): the number, then every write. */
const MAX_STATEMENTS = 2;
/** Statements of the resident form's last step (24 before ADR 0084, 13 before ADR 0090, 12 before ADR 0093, 11 before the team was kept per node, 10 before ADR 0096, 4 before the photos were counted with the concept): the concept (with the number of its photos, which are read only when there are any), the number, every write. */
const MAX_FORMULIER = 3;

/**
 * Every write of the melding (zaak, resident, first event, melding, receipt mail, audit, and for the
 * form the concept's deletion) in one statement, which is its own transaction: no BEGIN, COMMIT
 * or savepoint is needed (ADR 0096); no NOTIFY of the request's own: the map's signal goes after
 * the commit in the node's bundle of signals (ADR 0090).
 */
function eenTransactie(statements: readonly string[], tabellen: readonly string[]): void {
  const schrijvend = statements.filter((s) => /^(with|insert|update|delete)\b/i.test(s));
  expect(schrijvend).toHaveLength(1);
  for (const tabel of tabellen) expect(schrijvend[0], tabel).toMatch(new RegExp(`(insert into|delete from) "${tabel}"`));
  expect(statements.filter((s) => /^(begin|commit)\b/i.test(s))).toEqual([]);
  expect(statements.filter((s) => /savepoint/i.test(s))).toEqual([]);
  expect(statements.filter((s) => /pg_notify/.test(s))).toEqual([]);
  // The public rate limit is counted on the node and shared later, for many requests at once (ADR 0093).
  expect(statements.filter((s) => /rate_limit/.test(s))).toEqual([]);
}

describe.skipIf(opPglite)('Open311 intake: statements per melding', () => {
  let loket: TestLoket;
  let sleutel: string;

  beforeAll(async () => {
    // The node shares its rate-limit counts on its own timer (every 100 ms); not during a count here.
    loket = await testLoket({ nu: '2026-03-02T09:00:00Z', env: { LOKET_RATE_LIMIT_DELEN_MS: '1000000' } });
    await laadDemo(loket);
    const beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
    sleutel = (await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/open311-sleutels', headers: beheerder.headers, payload: { naam: 'Telling' } })).json().sleutel;
  });
  afterAll(async () => loket?.close());

  const post = (i: number) =>
    loket.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        jurisdiction_id: 'diemen.nl',
        api_key: sleutel,
        lat: '52.335',
        long: '4.99',
        description: `Melding ${i}: het ligt hier al een paar dagen.`,
        service_code: 'container-vol',
        'attribute[container_nummer]': 'GLS-1234',
        'attribute[soort_afval]': 'glas',
        first_name: 'Jan',
        last_name: 'Jansen',
        email: 'jan.jansen@example.org',
      }).toString(),
    });

  it('takes at most 2 statements, its writes in one, and commits before it answers', async () => {
    // The first ones fill the node's caches and open the pool's connections; the pause lets the
    // signals of the set-up (the new key, ADR 0090: sent on in bundles after the commit) arrive,
    // which drop what they name from the caches, before the count.
    expect((await post(0)).statusCode).toBe(200);
    await new Promise((klaar) => setTimeout(klaar, 500));
    expect((await post(0)).statusCode).toBe(200);
    const { uitkomst: res, statements } = await statementsVan(() => post(1));
    expect(res.statusCode).toBe(200);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(MAX_STATEMENTS);
    eenTransactie(statements, ['zaak', 'betrokkene', 'zaak_gebeurtenis', 'melding', 'bericht', 'audit_log', 'verwerking_log']);
    // Committed: another connection sees it.
    const id = (res.json() as { service_request_id: string }[])[0]?.service_request_id;
    const terug = await loket.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json?jurisdiction_id=diemen.nl` });
    expect(terug.statusCode).toBe(200);
  });

  const verstuur = (url: string, velden: Record<string, string>) =>
    loket.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: new URLSearchParams(velden).toString() });

  /** A concept of the resident form up to its last step (description, category, an address of the demo gazetteer): its path. */
  async function concept(beschrijving: string): Promise<string> {
    const pad = String((await verstuur('/diemen/melding', { beschrijving })).headers.location).replace(/\/categorie$/, '');
    expect((await verstuur(`${pad}/categorie`, { categorie: 'zwerfafval' })).headers.location).toBe(`${pad}/waar`);
    const zoek = await loket.app.inject({ method: 'GET', url: `${pad}/waar?postcode=1111AA&huisnummer=3`, headers: { accept: 'text/html' } });
    const adres = /name="adres" value="([^"]+)"/.exec(zoek.body)?.[1] ?? '';
    expect((await verstuur(`${pad}/waar`, { adres })).headers.location).toBe(`${pad}/dubbel`);
    expect((await verstuur(`${pad}/contact`, { email: 'inwoner@example.nl', telefoon: '', toestemming: 'ja' })).statusCode).toBe(303);
    return pad;
  }

  it("the resident form's last step: at most 3 statements, its writes in one with the concept's deletion", async () => {
    expect((await verstuur(`${await concept('Rommel bij de bank')}/controle`, {})).statusCode).toBe(200);
    const pad = await concept('Weer rommel bij de bank');
    const { uitkomst: res, statements } = await statementsVan(() => verstuur(`${pad}/controle`, {}));
    expect(res.statusCode, res.body).toBe(200);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(MAX_FORMULIER);
    eenTransactie(statements, ['zaak', 'betrokkene', 'zaak_gebeurtenis', 'melding', 'melding_concept', 'bericht', 'audit_log', 'verwerking_log']);
  });
});
