import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { testLoket, tweedeKnooppunt, type TestLoket } from './app.ts';
import { laadDemo, logInAls } from './demo.ts';
import { METEEN } from './knooppunten.ts';
import type { Ingelogd } from './login.ts';
import { registreerZaak } from './zaken.ts';

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

describe.skipIf(opPglite)('the public map on two nodes (cells kept per node, ADR 0076)', () => {
  let a: TestLoket;
  let b: TestLoket;
  let beheerder: Ingelogd;
  let behandelaar: Ingelogd;
  let sleutel: string;
  // One cell of the grid (4.96–4.97, 52.33–52.34): the box lies inside it.
  const BOX = '4.9605,52.3305,4.9695,52.3395';

  beforeAll(async () => {
    a = await testLoket({ nu: '2026-11-23T09:00:00Z' });
    await laadDemo(a);
    b = await tweedeKnooppunt(a);
    beheerder = await logInAls(a, 'beheerder@duoplus.demo');
    behandelaar = await logInAls(a, 'behandelaar@diemen.demo');
    sleutel = (await a.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/open311-sleutels', headers: beheerder.headers, payload: { naam: 'Kaarttest' } })).json().sleutel;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A melding made on A by Open311, with a reporter, a text and a phone number: its number. */
  async function meldOpA(serviceCode: string, lat: string, lon: string): Promise<string> {
    const velden = { jurisdiction_id: 'diemen.nl', api_key: sleutel, lat, long: lon, service_code: serviceCode, description: 'Geheime tekst van Piet Pietersen', first_name: 'Piet', last_name: 'Pietersen', email: 'piet.pietersen@example.org', phone: '06 98765432' };
    const res = await a.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(velden).toString() });
    expect(res.statusCode, res.body).toBe(200);
    return res.json()[0].service_request_id as string;
  }
  const kaartOpB = async () => {
    const res = await b.app.inject({ method: 'GET', url: `/api/v1/meldingen/openbaar?bbox=${BOX}` });
    expect(res.statusCode).toBe(200);
    return { ids: (res.json().features as { id: string }[]).map((f) => f.id), body: res.body };
  };

  it('a melding made on A shows on B at once; closed on A, it leaves B at once', async () => {
    const eerste = await meldOpA('gat-in-de-weg', '52.3351', '4.9651');
    // B keeps the cell now (read twice). B may have kept it already (the tests run in random
    // order): A's signal comes a moment after its answer, in the node's bundle (ADR 0090).
    await vi.waitFor(async () => expect((await kaartOpB()).ids).toEqual([eerste]), METEEN);
    expect((await kaartOpB()).ids).toEqual([eerste]);

    // A minute later, so "newest first" decides the order (with the same instant the zaak ids would).
    a.klok.verder(60_000);
    const tweede = await meldOpA('gat-in-de-weg', '52.3352', '4.9652');
    await vi.waitFor(async () => expect((await kaartOpB()).ids).toEqual([tweede, eerste]), METEEN);

    const zaak = (await a.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken?identificatie=${eerste}`, headers: behandelaar.headers })).json().items[0];
    const detail = await a.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken/${zaak.id}`, headers: behandelaar.headers });
    const resultaat = detail.json().zaaktypeVersie.resultaattypen[0].id;
    const dicht = await a.app.inject({ method: 'POST', url: `/api/v1/gemeenten/GM0384/zaken/${zaak.id}/afsluiting`, headers: { ...behandelaar.headers, 'if-match': detail.headers.etag as string }, payload: { resultaattype: resultaat } });
    expect(dicht.statusCode, dicht.body).toBe(200);
    await vi.waitFor(async () => expect((await kaartOpB()).ids).toEqual([tweede]), METEEN);
  });

  it('never serves personal data or a non-public category, from the database or the cache; a category taken off the map leaves B at once', async () => {
    const verborgen = await meldOpA('overlast-personen', '52.3361', '4.9661');
    const zichtbaar = await meldOpA('zwerfafval', '52.3362', '4.9662');
    for (let keer = 0; keer < 2; keer++) {
      const { ids, body } = await vi.waitFor(async () => {
        const k = await kaartOpB();
        expect(k.ids).toContain(zichtbaar);
        return k;
      }, METEEN);
      expect(ids).not.toContain(verborgen);
      expect(body).not.toMatch(/Piet|Pietersen|example\.org|98765432|Geheime/);
    }
    // A hand edit in the database takes the category off the public map: the trigger tells every node.
    await sql`update melding_categorie set openbaar = false where gemeente = 'GM0384' and code = 'zwerfafval'`.execute(a.database.db);
    await vi.waitFor(async () => expect((await kaartOpB()).ids).not.toContain(zichtbaar), METEEN);
  });
});

describe.skipIf(opPglite)('what every melding intake reads, kept per node (ADR 0084)', () => {
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

  /** An Open311 post to B with `sleutel` for `jurisdictie`: its status. */
  const postOpB = async (sleutel: string, jurisdictie = 'diemen.nl') =>
    (
      await b.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ jurisdiction_id: jurisdictie, api_key: sleutel, lat: '52.335', long: '4.99', service_code: 'zwerfafval', description: 'Zakken bij de bank.' }).toString(),
      })
    ).statusCode;

  it('an Open311 key revoked on A is refused on B at once, though B kept it', async () => {
    const nieuw = await a.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/open311-sleutels', headers: beheerder.headers, payload: { naam: 'Intrekken' } });
    expect(nieuw.statusCode).toBe(201);
    const { id, sleutel } = nieuw.json() as { id: string; sleutel: string };
    // B keeps the key now (used twice).
    expect(await postOpB(sleutel)).toBe(200);
    expect(await postOpB(sleutel)).toBe(200);
    const weg = await a.app.inject({ method: 'DELETE', url: `/api/v1/gemeenten/GM0384/open311-sleutels/${id}`, headers: beheerder.headers });
    expect(weg.statusCode).toBe(204);
    await vi.waitFor(async () => expect(await postOpB(sleutel)).toBe(403), METEEN);
  });

  it("a gemeente's domain changed by hand in the database holds on B at once (statement trigger)", async () => {
    const sleutel = (await a.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/open311-sleutels', headers: beheerder.headers, payload: { naam: 'Domein' } })).json().sleutel as string;
    expect(await postOpB(sleutel)).toBe(200);
    await sql`update gemeente set domein = 'nieuw.diemen.nl' where code = 'GM0384'`.execute(a.database.db);
    await vi.waitFor(async () => expect(await postOpB(sleutel)).toBe(404), METEEN);
    expect(await postOpB(sleutel, 'nieuw.diemen.nl')).toBe(200);
    // Back as it was: the tests of this block run in random order.
    await sql`update gemeente set domein = 'diemen.nl' where code = 'GM0384'`.execute(a.database.db);
    await vi.waitFor(async () => expect(await postOpB(sleutel)).toBe(200), METEEN);
  });

  it("a team's phone number changed on A shows on B's tracking page at once, though B kept the team", async () => {
    const kcc = await logInAls(a, 'kcc@duoplus.demo');
    const zaak = await registreerZaak(b.app, kcc, { zaaktype: 'klacht', onderwerp: 'Telefoonnummer', kanaal: 'balie', ontvangstdatum: '2026-11-20', betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' } });
    const detail = (await b.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken/${zaak.id}`, headers: kcc.headers })).json() as { team: { id: string } };
    const pagina = async () => (await b.app.inject({ method: 'GET', url: `/diemen/zaken/${zaak.volgcode}`, headers: { accept: 'text/html' } })).body;
    // B keeps the team now (read for the registration and the page).
    expect(await pagina()).not.toContain('020 555 1234');
    const teamUrl = `/api/v1/gemeenten/GM0384/teams/${detail.team.id}`;
    const etag = (await a.app.inject({ method: 'GET', url: teamUrl, headers: beheerder.headers })).headers.etag as string;
    const wijzig = await a.app.inject({ method: 'PATCH', url: teamUrl, headers: { ...beheerder.headers, 'if-match': etag }, payload: { telefoon: '020 555 1234' } });
    expect(wijzig.statusCode, wijzig.body).toBe(200);
    await vi.waitFor(async () => expect(await pagina()).toContain('020 555 1234'), METEEN);
  });
});
