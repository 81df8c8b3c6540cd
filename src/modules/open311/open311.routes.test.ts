import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { alle, leesXml, tekstVan, type XmlElement } from '../../../test/xml.ts';

// Contract tests written from the Open311 GeoReport v2 specification (open311.github.io,
// GeoReport/v2/index.md, Service_Discovery.md) and FixMyStreet's Open311 client (perllib/Open311.pm:
// a form post of requests.xml, reading <service_requests><request><service_request_id>, and
// polling servicerequestupdates.xml for <service_requests_updates><request_update>).

let loket: TestLoket;
let beheerder: Ingelogd;
let behandelaar: Ingelogd;
let sleutel: string;
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const XML = /^text\/xml; charset=utf-8/;
const JSON_TYPE = /^application\/json; charset=utf-8/;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
  const res = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/open311-sleutels', headers: beheerder.headers, payload: { naam: 'FixMyStreet' } });
  expect(res.statusCode).toBe(201);
  sleutel = res.json().sleutel;
});
afterAll(async () => loket.close());

const vorm = (velden: Record<string, string>) => new URLSearchParams(velden).toString();

/** A report as FixMyStreet's Open311::send_service_request posts it. */
function fmsMelding(extra: Record<string, string> = {}): Record<string, string> {
  return {
    jurisdiction_id: 'diemen.nl',
    api_key: sleutel,
    lat: '52.335',
    long: '4.99',
    email: 'jan.jansen@example.org',
    description: 'title:  Container vol\n\ndetail: De glasbak bij het winkelcentrum is vol.\n\nurl: https://fms.example/report/1\n\nSubmitted via FixMyStreet\n',
    service_code: 'container-vol',
    first_name: 'Jan',
    last_name: 'Jansen',
    phone: '06 12345678',
    media_url: 'https://fms.example/photo/1.jpeg',
    'attribute[container_nummer]': 'GLS-1234',
    'attribute[soort_afval]': 'glas',
    // FixMyStreet sends attributes of its own too; unknown ones are ignored.
    'attribute[fixmystreet_id]': '1',
    ...extra,
  };
}

async function post(velden: Record<string, string>, formaat = 'xml') {
  return loket.app.inject({ method: 'POST', url: `/open311/v2/requests.${formaat}`, headers: FORM, payload: vorm(velden) });
}

function fouten(body: string): { code: string | undefined; description: string | undefined }[] {
  const wortel = leesXml(body);
  expect(wortel.naam).toBe('errors');
  return alle(wortel, 'error').map((e) => ({ code: tekstVan(e, 'code'), description: tekstVan(e, 'description') }));
}

async function aantalMeldingen(): Promise<number> {
  const res = await loket.app.inject({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=diemen.nl&start_date=2026-01-01T00:00:00Z&end_date=2026-03-31T00:00:00Z' });
  return (res.json() as unknown[]).length;
}

describe('Open311 GeoReport v2: contract', () => {
  it('serves discovery as XML and JSON (Service_Discovery.md)', async () => {
    const xml = await loket.app.inject({ method: 'GET', url: '/open311/v2/discovery.xml' });
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toMatch(XML);
    const d = leesXml(xml.body);
    expect(d.naam).toBe('discovery');
    const endpoint = alle(d.kinderen.find((k) => k.naam === 'endpoints') as XmlElement, 'endpoint')[0];
    expect(tekstVan(endpoint, 'specification')).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(tekstVan(endpoint, 'url')).toBe('http://127.0.0.1:3000/open311/v2');
    expect(alle(endpoint?.kinderen.find((k) => k.naam === 'formats') as XmlElement, 'format').map((f) => f.tekst)).toEqual(['text/xml', 'application/json']);
    const json = await loket.app.inject({ method: 'GET', url: '/open311/v2/discovery.json' });
    expect(json.headers['content-type']).toMatch(JSON_TYPE);
    expect(json.json().endpoints[0]).toMatchObject({ type: 'production', formats: ['text/xml', 'application/json'] });
  });

  it('lists the services of a jurisdiction: sub categories, grouped by main category', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/open311/v2/services.xml?jurisdiction_id=diemen.nl' });
    expect(res.statusCode).toBe(200);
    const services = alle(leesXml(res.body), 'service');
    const container = services.find((s) => tekstVan(s, 'service_code') === 'container-vol');
    expect(container && Object.fromEntries(container.kinderen.map((k) => [k.naam, k.tekst]))).toEqual({
      service_code: 'container-vol',
      service_name: 'Container is vol',
      description: 'Een container voor restafval, papier, glas of plastic is vol of kapot.',
      metadata: 'true',
      type: 'realtime',
      keywords: 'container,vol,afvalbak,glasbak,papierbak,ondergrondse',
      group: 'Afval',
    });
    expect(services.map((s) => tekstVan(s, 'service_code'))).not.toContain('afval');
    expect(services.find((s) => tekstVan(s, 'service_code') === 'zwerfafval') && tekstVan(services.find((s) => tekstVan(s, 'service_code') === 'zwerfafval'), 'metadata')).toBe('false');
    // Ouder-Amstel has its own set (dead animals), Diemen not.
    const oa = await loket.app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=ouder-amstel.nl' });
    expect((oa.json() as { service_code: string }[]).map((s) => s.service_code)).toContain('dood-dier');
    expect(services.map((s) => tekstVan(s, 'service_code'))).not.toContain('dood-dier');
  });

  it('answers a missing jurisdiction with 400 and an unknown one with 404, as an error list', async () => {
    const geen = await loket.app.inject({ method: 'GET', url: '/open311/v2/services.xml' });
    expect(geen.statusCode).toBe(400);
    expect(fouten(geen.body)[0]?.code).toBe('400');
    const onbekend = await loket.app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=amsterdam.nl' });
    expect(onbekend.statusCode).toBe(404);
    expect(onbekend.json()).toEqual([{ code: 404, description: 'jurisdiction_id: er is geen gemeente met dit domein.' }]);
  });

  it('describes a service: its extra questions as attributes, in order', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/open311/v2/services/container-vol.xml?jurisdiction_id=diemen.nl' });
    expect(res.statusCode).toBe(200);
    const def = leesXml(res.body);
    expect(def.naam).toBe('service_definition');
    expect(tekstVan(def, 'service_code')).toBe('container-vol');
    const attributen = alle(def.kinderen.find((k) => k.naam === 'attributes') as XmlElement, 'attribute');
    expect(attributen.map((a) => [tekstVan(a, 'code'), tekstVan(a, 'datatype'), tekstVan(a, 'required'), tekstVan(a, 'order'), tekstVan(a, 'variable')])).toEqual([
      ['container_nummer', 'string', 'false', '1', 'true'],
      ['soort_afval', 'singlevaluelist', 'true', '2', 'true'],
    ]);
    const waarden = alle(attributen[1]?.kinderen.find((k) => k.naam === 'values') as XmlElement, 'value');
    expect(waarden.map((w) => [tekstVan(w, 'key'), tekstVan(w, 'name')])).toContainEqual(['glas', 'Glas']);
    const json = await loket.app.inject({ method: 'GET', url: '/open311/v2/services/lantaarnpaal-kapot.json?jurisdiction_id=diemen.nl' });
    expect(json.json().attributes.map((a: { code: string; datatype: string }) => [a.code, a.datatype])).toEqual([
      ['mastnummer', 'string'],
      ['aantal_lampen', 'number'],
    ]);
    expect((await loket.app.inject({ method: 'GET', url: '/open311/v2/services/bestaat-niet.xml?jurisdiction_id=diemen.nl' })).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'GET', url: '/open311/v2/services/zwerfafval.xml?jurisdiction_id=diemen.nl' })).statusCode).toBe(404);
    expect((await loket.app.inject({ method: 'GET', url: '/open311/v2/services/container-vol.html?jurisdiction_id=diemen.nl' })).statusCode).toBe(404);
  });

  it('takes a FixMyStreet form post of requests.xml: the melding is a zaak, committed, its id in the answer', async () => {
    const res = await post(fmsMelding());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(XML);
    const wortel = leesXml(res.body);
    expect(wortel.naam).toBe('service_requests');
    const request = alle(wortel, 'request')[0];
    const id = tekstVan(request, 'service_request_id');
    expect(id).toMatch(/^Z-2026-\d{6}$/);
    expect(tekstVan(request, 'token')).toBeUndefined();

    // The zaak in the staff queue: zaaktype melding-openbare-ruimte, team Openbare ruimte, the reporter as betrokkene.
    const lijst = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken?identificatie=${id}`, headers: behandelaar.headers });
    const [zaak] = lijst.json().items;
    expect(zaak).toMatchObject({ identificatie: id, zaaktype: { code: 'melding-openbare-ruimte' }, onderwerp: 'Container is vol', kanaal: 'app', team: { naam: 'Openbare ruimte' } });
    const detail = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken/${zaak.id}`, headers: behandelaar.headers });
    expect(detail.json().betrokkene).toMatchObject({ naam: 'Jan Jansen', email: 'jan.jansen@example.org', telefoon: '06 12345678' });
    expect(detail.json().omschrijving).toContain('De glasbak bij het winkelcentrum is vol.');

    // Read back through GET requests/{id}: open, no reporter, no free text.
    const terug = await loket.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.xml?jurisdiction_id=diemen.nl` });
    expect(terug.statusCode).toBe(200);
    const r = alle(leesXml(terug.body), 'request')[0];
    expect(tekstVan(r, 'service_request_id')).toBe(id);
    expect(tekstVan(r, 'status')).toBe('open');
    expect(tekstVan(r, 'service_code')).toBe('container-vol');
    expect(tekstVan(r, 'lat')).toBe('52.335');
    expect(tekstVan(r, 'long')).toBe('4.99');
    expect(tekstVan(r, 'requested_datetime')).toMatch(/^2026-03-02T\d{2}:\d{2}:\d{2}Z$/);
    expect(tekstVan(r, 'expected_datetime')).toMatch(/^2026-03-\d{2}T17:00:00\+01:00$/);
    expect(tekstVan(r, 'media_url')).toBe('https://fms.example/photo/1.jpeg');
    expect(terug.body).not.toMatch(/Jansen|jan\.jansen|12345678|glasbak/);

    // The audit log names the client as the actor of the melding: one entry, with the melding's facts.
    const log = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/audit-log?pageSize=100', headers: beheerder.headers });
    const regels = log.json().items.filter((a: { object: { id: string } }) => a.object.id === zaak.id);
    expect(regels).toHaveLength(1);
    expect(regels[0]).toMatchObject({ actie: 'zaak-aanmaken', actor: { type: 'systeem', naam: 'Open311: FixMyStreet' }, details: { zaaktype: 'melding-openbare-ruimte', melding: { categorie: 'container-vol', bron: 'open311', locatie: 'binnen' } } });
  });

  it('takes address_string instead of a coordinate, and answers JSON as a top-level array', async () => {
    const { lat: _lat, long: _long, ...zonder } = fmsMelding();
    const res = await post({ ...zonder, address_string: 'Wilhelminaplantsoen 1, Diemen' }, 'json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(JSON_TYPE);
    const [antwoord] = res.json();
    expect(antwoord.service_request_id).toMatch(/^Z-2026-/);
    const terug = await loket.app.inject({ method: 'GET', url: `/open311/v2/requests/${antwoord.service_request_id}.json?jurisdiction_id=diemen.nl` });
    expect(terug.json()[0]).toMatchObject({ address: 'Wilhelminaplantsoen 1, Diemen', status: 'open' });
    expect(terug.json()[0].lat).toBeUndefined();
  });

  it('accepts a point just over the boundary, with a notice; refuses one further out', async () => {
    const nabij = await post(fmsMelding({ lat: '52.344', long: '5.01' }), 'json');
    expect(nabij.statusCode).toBe(200);
    expect(nabij.json()[0].service_notice).toMatch(/gemeentegrens/);
    const voor = await aantalMeldingen();
    const buiten = await post(fmsMelding({ lat: '52.373', long: '4.893' }));
    expect(buiten.statusCode).toBe(400);
    expect(fouten(buiten.body)).toEqual([{ code: '400', description: expect.stringMatching(/^lat\/long: Deze plek ligt niet in de gemeente \(ongeveer 5348 meter/) }]);
    expect(await aantalMeldingen()).toBe(voor);
  });

  it('refuses a missing, wrong or revoked api_key with 403 before anything else, storing nothing', async () => {
    const voor = await aantalMeldingen();
    const { api_key: _weg, ...zonder } = fmsMelding();
    const geen = await post(zonder);
    expect(geen.statusCode).toBe(403);
    expect(fouten(geen.body)[0]?.code).toBe('403');
    expect((await post(fmsMelding({ api_key: 'o311_fout', service_code: 'bestaat-niet' }))).statusCode).toBe(403);
    // A key of Diemen does not work for Ouder-Amstel.
    expect((await post(fmsMelding({ jurisdiction_id: 'ouder-amstel.nl', lat: '52.3', long: '4.91' }))).statusCode).toBe(403);

    const nieuw = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/open311-sleutels', headers: beheerder.headers, payload: { naam: 'Tijdelijk', verlooptOp: '2026-03-02T10:00:00Z' } });
    expect(nieuw.json()).toMatchObject({ naam: 'Tijdelijk', verlooptOp: '2026-03-02T10:00:00.000Z', ingetrokkenOp: null });
    expect((await post(fmsMelding({ api_key: nieuw.json().sleutel }), 'json')).statusCode).toBe(200);
    const weg = await loket.app.inject({ method: 'DELETE', url: `/api/v1/gemeenten/GM0384/open311-sleutels/${nieuw.json().id}`, headers: beheerder.headers });
    expect(weg.statusCode).toBe(204);
    expect((await post(fmsMelding({ api_key: nieuw.json().sleutel }))).statusCode).toBe(403);
    const lijst = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/open311-sleutels', headers: beheerder.headers });
    expect(lijst.json().items.map((s: { naam: string; ingetrokkenOp: string | null }) => [s.naam, s.ingetrokkenOp !== null])).toEqual(
      expect.arrayContaining([
        ['FixMyStreet', false],
        ['Tijdelijk', true],
      ]),
    );
    expect(JSON.stringify(lijst.json())).not.toContain(sleutel);
    expect(await aantalMeldingen()).toBe(voor + 1);
  });

  it('answers an unknown service_code with 404 and bad fields with 400 listing each, storing nothing', async () => {
    const voor = await aantalMeldingen();
    expect((await post(fmsMelding({ service_code: 'bestaat-niet' }))).statusCode).toBe(404);
    const { lat: _lat, long: _long, ...zonderPlek } = fmsMelding();
    const geenPlek = await post(zonderPlek);
    expect(geenPlek.statusCode).toBe(400);
    expect(fouten(geenPlek.body).map((f) => f.description)).toEqual([expect.stringMatching(/^lat\/long: Geef de plek/)]);
    const veel = await post(
      fmsMelding({
        lat: 'noord',
        email: 'geen-adres',
        description: 'x'.repeat(4001),
        media_url: 'javascript:alert(1)',
        'attribute[soort_afval]': 'koelkast',
        'attribute[container_nummer]': '1234567',
      }),
    );
    expect(veel.statusCode).toBe(400);
    expect(fouten(veel.body).map((f) => f.description?.split(':')[0])).toEqual(['email', 'media_url', 'description', 'lat/long', 'attribute[container_nummer]', 'attribute[soort_afval]']);
    const { 'attribute[soort_afval]': _soort, ...zonderVerplicht } = fmsMelding();
    const vereist = await post(zonderVerplicht, 'json');
    expect(vereist.statusCode).toBe(400);
    expect(vereist.json()).toEqual([{ code: 400, description: 'attribute[soort_afval]: Beantwoord deze vraag.' }]);
    const { service_code: _code, ...zonderCode } = fmsMelding();
    expect((await post(zonderCode)).statusCode).toBe(400);
    expect(await aantalMeldingen()).toBe(voor);
  });

  it('never answers bad input with a 5xx: a body too large, another type, refused text, broken encoding', async () => {
    const groot = await loket.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: FORM, payload: vorm(fmsMelding({ description: 'x'.repeat(2 * 1024 * 1024) })) });
    expect(groot.statusCode).toBe(400);
    expect(fouten(groot.body)[0]?.description).toBe('Het verzoek is te groot.');
    const json = await loket.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(json.statusCode).toBe(400);
    const nul = await loket.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: FORM, payload: `${vorm(fmsMelding())}&description=a%00b` });
    expect(nul.statusCode).toBe(400);
    expect(fouten(nul.body)[0]?.description).toMatch(/description/);
    const kapot = await loket.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: FORM, payload: `${vorm(fmsMelding())}&description=%FF%FE` });
    expect(kapot.statusCode).toBe(400);
    const leeg = await loket.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: FORM, payload: '' });
    expect(leeg.statusCode).toBe(400);
    const onbekend = await loket.app.inject({ method: 'GET', url: '/open311/v2/bestaat-niet.xml' });
    expect(onbekend.statusCode).toBe(404);
    expect(fouten(onbekend.body)[0]?.code).toBe('404');
  });

  it('lists requests by window, service_code and status; ids override the rest; 90 days at most', async () => {
    const [a] = (await post(fmsMelding({ service_code: 'zwerfafval' }), 'json')).json();
    const [b] = (await post(fmsMelding({ service_code: 'overlast-personen' }), 'json')).json();
    const lijst = await loket.app.inject({ method: 'GET', url: '/open311/v2/requests.xml?jurisdiction_id=diemen.nl&service_code=zwerfafval' });
    expect(lijst.statusCode).toBe(200);
    const ids = alle(leesXml(lijst.body), 'request').map((r) => tekstVan(r, 'service_request_id'));
    expect(ids).toEqual([a.service_request_id]);
    // A category not on the public map is left out of the list; asked for by id it shows no place.
    const alleIds = (await loket.app.inject({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=diemen.nl' })).json().map((r: { service_request_id: string }) => r.service_request_id);
    expect(alleIds).toContain(a.service_request_id);
    expect(alleIds).not.toContain(b.service_request_id);
    const opId = await loket.app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=diemen.nl&service_request_id=${a.service_request_id},${b.service_request_id.toLowerCase()}&service_code=gat-in-de-weg` });
    expect(opId.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([a.service_request_id, b.service_request_id]);
    expect(opId.json()[1]).toMatchObject({ service_code: 'overlast-personen', status: 'open' });
    expect(opId.json()[1].lat).toBeUndefined();
    expect(opId.json()[1].address).toBeUndefined();

    const gesloten = (await loket.app.inject({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=diemen.nl&status=closed' })).json();
    expect(gesloten.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    expect(gesloten.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(a.service_request_id);
    const open = (await loket.app.inject({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=diemen.nl&status=open' })).json();
    expect(open.every((r: { status: string }) => r.status === 'open')).toBe(true);
    expect(open.map((r: { service_request_id: string }) => r.service_request_id)).toContain(a.service_request_id);
    const eerder = await loket.app.inject({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=diemen.nl&start_date=2026-01-01T00:00:00Z&end_date=2026-03-01T00:00:00Z' });
    expect(eerder.json()).toEqual([]);
    const teLang = await loket.app.inject({ method: 'GET', url: '/open311/v2/requests.xml?jurisdiction_id=diemen.nl&start_date=2025-01-01T00:00:00Z&end_date=2026-03-01T00:00:00Z' });
    expect(teLang.statusCode).toBe(400);
    expect(fouten(teLang.body)[0]?.description).toMatch(/90 dagen/);
    const onzin = await loket.app.inject({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=diemen.nl&start_date=gisteren&status=dicht' });
    expect(onzin.statusCode).toBe(400);
    expect(onzin.json()).toHaveLength(2);
    expect((await loket.app.inject({ method: 'GET', url: '/open311/v2/requests/Z-2026-999999.xml?jurisdiction_id=diemen.nl' })).statusCode).toBe(404);
  });

  it('maps the zaak status to open/closed and shows status changes in servicerequestupdates.xml (FixMyStreet)', async () => {
    const [m] = (await post(fmsMelding(), 'json')).json();
    const id: string = m.service_request_id;
    const zaak = (await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken?identificatie=${id}`, headers: behandelaar.headers })).json().items[0];
    loket.klok.verder(60_000);
    const ingepland = await loket.app.inject({ method: 'POST', url: `/api/v1/gemeenten/GM0384/zaken/${zaak.id}/statussen`, headers: { ...behandelaar.headers, 'if-match': `"${zaak.versie}"` }, payload: { statustype: 2 } });
    expect(ingepland.statusCode).toBe(200);
    loket.klok.verder(60_000);
    const opgelost = ingepland.json().zaaktypeVersie.resultaattypen.find((r: { naam: string }) => r.naam === 'Opgelost');
    const dicht = await loket.app.inject({ method: 'POST', url: `/api/v1/gemeenten/GM0384/zaken/${zaak.id}/afsluiting`, headers: { ...behandelaar.headers, 'if-match': ingepland.headers.etag as string }, payload: { resultaattype: opgelost.id } });
    expect(dicht.statusCode).toBe(200);

    const terug = (await loket.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json?jurisdiction_id=diemen.nl` })).json()[0];
    expect(terug).toMatchObject({ status: 'closed', status_notes: 'Het probleem is opgelost.', updated_datetime: dicht.json().afgeslotenOp.replace(/\.\d{3}Z$/, 'Z') });
    expect(terug.expected_datetime).toBeUndefined();

    const nu = loket.klok.nu().getTime();
    const van = new Date(nu - 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const tot = new Date(nu + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const updates = await loket.app.inject({ method: 'GET', url: `/open311/v2/servicerequestupdates.xml?start_date=${van}&end_date=${tot}&api_key=${encodeURIComponent(sleutel)}&jurisdiction_id=diemen.nl` });
    expect(updates.statusCode).toBe(200);
    const wortel = leesXml(updates.body);
    expect(wortel.naam).toBe('service_requests_updates');
    const voorDeze = alle(wortel, 'request_update').filter((u) => tekstVan(u, 'service_request_id') === id);
    expect(voorDeze.map((u) => [tekstVan(u, 'status'), tekstVan(u, 'description')])).toEqual([
      ['ACTION_SCHEDULED', 'Wij hebben het werk ingepland.'],
      ['FIXED', 'Het probleem is opgelost.'],
    ]);
    expect(new Set(voorDeze.map((u) => tekstVan(u, 'update_id'))).size).toBe(2);
    expect(voorDeze.every((u) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(tekstVan(u, 'updated_datetime') ?? ''))).toBe(true);
    // Outside the window: nothing; without a key: 403.
    const eerder = await loket.app.inject({ method: 'GET', url: `/open311/v2/servicerequestupdates.json?start_date=2026-02-01T00:00:00Z&end_date=2026-03-01T00:00:00Z&api_key=${encodeURIComponent(sleutel)}&jurisdiction_id=diemen.nl` });
    expect(eerder.json()).toEqual([]);
    expect((await loket.app.inject({ method: 'GET', url: `/open311/v2/servicerequestupdates.xml?start_date=${van}&end_date=${tot}&jurisdiction_id=diemen.nl` })).statusCode).toBe(403);
  });

  it('resolves tokens/{token}: the melding’s id gives its number', async () => {
    const [m] = (await post(fmsMelding(), 'json')).json();
    const zaak = (await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken?identificatie=${m.service_request_id}`, headers: behandelaar.headers })).json().items[0];
    const res = await loket.app.inject({ method: 'GET', url: `/open311/v2/tokens/${zaak.id}.xml?jurisdiction_id=diemen.nl` });
    expect(res.statusCode).toBe(200);
    const r = alle(leesXml(res.body), 'request')[0];
    expect([tekstVan(r, 'service_request_id'), tekstVan(r, 'token')]).toEqual([m.service_request_id, zaak.id]);
    expect((await loket.app.inject({ method: 'GET', url: '/open311/v2/tokens/onbekend.json?jurisdiction_id=diemen.nl' })).statusCode).toBe(404);
  });
});

describe('Open311 keys and melding categories for staff', () => {
  it('lets only beheerders manage keys', async () => {
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/open311-sleutels', headers: behandelaar.headers });
    expect(res.statusCode).toBe(403);
    const verleden = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/open311-sleutels', headers: beheerder.headers, payload: { naam: 'Oud', verlooptOp: '2020-01-01T00:00:00Z' } });
    expect(verleden.statusCode).toBe(400);
    expect((await loket.app.inject({ method: 'DELETE', url: '/api/v1/gemeenten/GM0437/open311-sleutels/00000000-0000-4000-8000-000000000000', headers: beheerder.headers })).statusCode).toBe(404);
  });

  it('versions categories: a new version is a concept until published, then Open311 serves it', async () => {
    const lijst = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0384/melding-categorieen', headers: behandelaar.headers });
    expect(lijst.statusCode).toBe(200);
    const zwerf = lijst.json().items.find((c: { code: string }) => c.code === 'zwerfafval');
    expect(zwerf).toMatchObject({ versie: 1, status: 'gepubliceerd', hoofdcategorie: 'afval', normWerkdagen: 5, openbaar: true });
    const { id: _id, versie: _v, status: _s, gepubliceerdOp: _g, revisie: _r, ...invoer } = zwerf;
    const concept = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/melding-categorieen', headers: beheerder.headers, payload: { ...invoer, naam: { nl: 'Zwerfvuil', en: 'Litter' }, geldigVanaf: null } });
    expect(concept.statusCode).toBe(201);
    expect(concept.json()).toMatchObject({ versie: 2, status: 'concept' });
    expect((await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/melding-categorieen', headers: beheerder.headers, payload: invoer })).statusCode).toBe(409);
    const namen = async () => (await loket.app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=diemen.nl' })).json().filter((s: { service_code: string }) => s.service_code === 'zwerfafval').map((s: { service_name: string }) => s.service_name);
    expect(await namen()).toEqual(['Zwerfafval']);
    const gepubliceerd = await loket.app.inject({ method: 'POST', url: `/api/v1/gemeenten/GM0384/melding-categorieen/${concept.json().id}/publicatie`, headers: { ...beheerder.headers, 'if-match': '"1"' } });
    expect(gepubliceerd.statusCode).toBe(200);
    expect(await namen()).toEqual(['Zwerfvuil']);
    const fout = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0384/melding-categorieen', headers: beheerder.headers, payload: { ...invoer, code: 'nieuw', team: null, normWerkdagen: null, vragen: [{ code: 'x', type: 'keuze', vraag: { nl: 'X', en: 'X' } }] } });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['normWerkdagen', 'team', 'vragen.0.waarden']);
  });
});

describe('the public map GET /api/v1/meldingen/openbaar (GeoJSON)', () => {
  it('shows open meldingen of public categories in the box: no reporter, no text, no address; closed and non-public ones left out', async () => {
    const [zichtbaar] = (await post(fmsMelding({ service_code: 'gat-in-de-weg', lat: '52.3301', long: '4.9601' }), 'json')).json();
    const [verborgen] = (await post(fmsMelding({ service_code: 'overlast-personen', lat: '52.3302', long: '4.9602' }), 'json')).json();
    const [dicht] = (await post(fmsMelding({ service_code: 'gat-in-de-weg', lat: '52.3303', long: '4.9603' }), 'json')).json();
    const zaak = (await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken?identificatie=${dicht.service_request_id}`, headers: behandelaar.headers })).json().items[0];
    const detail = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0384/zaken/${zaak.id}`, headers: behandelaar.headers });
    const resultaat = detail.json().zaaktypeVersie.resultaattypen[0].id;
    expect((await loket.app.inject({ method: 'POST', url: `/api/v1/gemeenten/GM0384/zaken/${zaak.id}/afsluiting`, headers: { ...behandelaar.headers, 'if-match': detail.headers.etag as string }, payload: { resultaattype: resultaat } })).statusCode).toBe(200);

    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/meldingen/openbaar?bbox=4.955,52.328,4.965,52.332' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    const kaart = res.json();
    expect(kaart).toMatchObject({ type: 'FeatureCollection', afgekapt: false });
    expect(kaart.features).toEqual([
      {
        type: 'Feature',
        id: zichtbaar.service_request_id,
        geometry: { type: 'Point', coordinates: [4.9601, 52.3301] },
        properties: { gemeente: 'GM0384', categorie: 'gat-in-de-weg', categorieNaam: { nl: 'Gat in de weg of het fietspad', en: 'Hole in the road or cycle path' }, hoofdcategorie: 'wegen-verkeer', status: 'open', ontvangenOp: expect.any(String) },
      },
    ]);
    expect(res.body).not.toContain(verborgen.service_request_id);
    expect(res.body).not.toMatch(/Jansen|example\.org|glasbak|fms\.example/);
    // A box elsewhere has none of them.
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/meldingen/openbaar?bbox=4.80,52.22,4.81,52.23' })).json().features).toEqual([]);
  });

  it('refuses a malformed, inverted or too large box with a 400', async () => {
    for (const bbox of ['4.9,52.3', 'a,b,c,d', '4.97,52.33,4.96,52.34', '4.0,52.0,5.0,53.0', '4.9,52.3,4.95,95']) {
      const res = await loket.app.inject({ method: 'GET', url: `/api/v1/meldingen/openbaar?bbox=${bbox}` });
      expect(res.statusCode, bbox).toBe(400);
      expect(res.json().invalidParams[0].name).toBe('query.bbox');
    }
    expect((await loket.app.inject({ method: 'GET', url: '/api/v1/meldingen/openbaar' })).statusCode).toBe(400);
  });
});
