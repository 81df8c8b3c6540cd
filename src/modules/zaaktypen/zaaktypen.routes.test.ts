import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';

let loket: TestLoket;
let admin: Ingelogd;
let kcc: Ingelogd;
const basis = '/api/v1/gemeenten/GM0451/zaaktypen';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00Z' });
  await laadDemo(loket);
  admin = await logInAls(loket, 'beheerder@duoplus.demo');
  kcc = await logInAls(loket, 'kcc@duoplus.demo');
});
afterAll(async () => loket.close());

const afvalpas = {
  code: 'afvalpas',
  naam: { nl: 'Afvalpas', en: 'Waste pass' },
  omschrijving: { nl: 'U vraagt een nieuwe afvalpas aan.', en: 'You apply for a new waste pass.' },
  rechtsgrond: 'Afvalstoffenverordening',
  norm: '10wd',
  maxVerlenging: null,
  statustypen: [
    { naam: 'Ontvangen', naamEn: 'Received', tekst: { nl: 'Ontvangen', en: 'Received' } },
    { naam: 'Verstuurd', tekst: { nl: 'De pas is verstuurd.', en: 'The pass has been sent.' }, informeren: true },
  ],
  resultaattypen: [{ naam: 'Verstrekt', archiefnominatie: 'vernietigen', bewaartermijn: 'P1Y', selectielijstklasse: '6.3' }],
};

describe('zaaktypen', () => {
  it('lists the demo zaaktypen to staff who work with zaken', async () => {
    const res = await loket.app.inject({ method: 'GET', url: `${basis}?status=gepubliceerd`, headers: kcc.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((z: { code: string }) => z.code)).toEqual([
      'aanvraag-beschikking',
      'bezwaar',
      'bezwaar-adviescommissie',
      'e-mailvraag',
      'huwelijk-melding',
      'klacht',
      'melding-openbare-ruimte',
      'parkeervergunning',
      'rijbewijs-verlengen',
      'vraag',
      'wmo-melding',
    ]);
    const klacht = res.json().items.find((z: { code: string }) => z.code === 'klacht');
    expect(klacht).toMatchObject({ norm: 'P6W', maxVerlenging: 'P4W', verlengingToegestaan: true, opschortingToegestaan: false, status: 'gepubliceerd', versie: 1 });
    expect(klacht.statustypen.at(-1)).toMatchObject({ naam: 'Afgehandeld', eindstatus: true });
    expect(klacht.resultaattypen.find((r: { naam: string }) => r.naam === 'Gegrond')).toMatchObject({ archiefnominatie: 'vernietigen', bewaartermijn: 'P5Y', selectielijstklasse: '13.1' });
    expect((await loket.app.inject({ method: 'POST', url: basis, headers: kcc.headers, payload: afvalpas })).statusCode).toBe(403);
  });

  it('drafts, edits and publishes a version; a published version never changes; a change is a new version', async () => {
    // In Ouder-Amstel, so the list of Uithoorn's published zaaktypen stays the demo's.
    const basis = '/api/v1/gemeenten/GM0437/zaaktypen';
    const concept = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: afvalpas });
    expect(concept.statusCode, concept.body).toBe(201);
    expect(concept.json()).toMatchObject({ code: 'afvalpas', versie: 1, status: 'concept', revisie: 1, geldigVanaf: null });
    // A step's English name is optional: empty when not given.
    expect(concept.json().statustypen.map((s: { naamEn: string }) => s.naamEn)).toEqual(['Received', '']);
    const id = concept.json().id;
    const dubbel = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: afvalpas });
    expect(dubbel.statusCode).toBe(409);
    const gewijzigd = await loket.app.inject({ method: 'PUT', url: `${basis}/${id}`, headers: { ...admin.headers, 'if-match': '"1"' }, payload: { ...afvalpas, norm: '5wd' } });
    expect(gewijzigd.statusCode).toBe(200);
    expect(gewijzigd.json()).toMatchObject({ norm: '5wd', revisie: 2 });
    expect((await loket.app.inject({ method: 'PUT', url: `${basis}/${id}`, headers: { ...admin.headers, 'if-match': '"1"' }, payload: afvalpas })).statusCode).toBe(412);
    // A concept cannot take zaken yet.
    const vroeg = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0437/zaken', headers: kcc.headers, payload: { zaaktype: 'afvalpas', onderwerp: 'Pas kwijt', kanaal: 'web', ontvangstdatum: '2026-03-02', team: gewijzigd.json().standaardTeam ?? undefined } });
    expect(vroeg.statusCode).toBe(400);
    const gepubliceerd = await loket.app.inject({ method: 'POST', url: `${basis}/${id}/publicatie`, headers: { ...admin.headers, 'if-match': '"2"' } });
    expect(gepubliceerd.statusCode, gepubliceerd.body).toBe(200);
    expect(gepubliceerd.json()).toMatchObject({ status: 'gepubliceerd', geldigVanaf: '2026-03-02' });
    expect((await loket.app.inject({ method: 'PUT', url: `${basis}/${id}`, headers: { ...admin.headers, 'if-match': '"3"' }, payload: afvalpas })).statusCode).toBe(409);

    const teams = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten/GM0437/teams', headers: admin.headers });
    const team = teams.json().items[0].id;
    const zaak = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0437/zaken', headers: kcc.headers, payload: { zaaktype: 'afvalpas', onderwerp: 'Pas kwijt', kanaal: 'web', ontvangstdatum: '2026-03-02', team } });
    expect(zaak.statusCode, zaak.body).toBe(201);
    expect(zaak.json().zaaktype.versie).toBe(1);

    const v2 = await loket.app.inject({ method: 'POST', url: `${basis}/${id}/versies`, headers: admin.headers });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ code: 'afvalpas', versie: 2, status: 'concept', norm: '5wd' });
    expect((await loket.app.inject({ method: 'POST', url: `${basis}/${id}/versies`, headers: admin.headers })).statusCode).toBe(409);
    const aangepast = await loket.app.inject({
      method: 'PUT',
      url: `${basis}/${v2.json().id}`,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { ...afvalpas, norm: '3wd', statustypen: [...afvalpas.statustypen.slice(0, 1), { naam: 'Gemaakt', tekst: { nl: 'Gemaakt', en: 'Made' } }, afvalpas.statustypen[1]] },
    });
    expect(aangepast.statusCode).toBe(200);
    expect((await loket.app.inject({ method: 'POST', url: `${basis}/${v2.json().id}/publicatie`, headers: { ...admin.headers, 'if-match': '"2"' } })).statusCode).toBe(200);

    // The running zaak keeps version 1; a new zaak gets version 2.
    const oud = await loket.app.inject({ method: 'GET', url: `/api/v1/gemeenten/GM0437/zaken/${zaak.json().id}`, headers: kcc.headers });
    expect(oud.json().zaaktypeVersie).toMatchObject({ versie: 1, norm: '5wd' });
    expect(oud.json().statussen).toHaveLength(2);
    const nieuw = await loket.app.inject({ method: 'POST', url: '/api/v1/gemeenten/GM0437/zaken', headers: kcc.headers, payload: { zaaktype: 'afvalpas', onderwerp: 'Pas kapot', kanaal: 'web', ontvangstdatum: '2026-03-02', team } });
    expect(nieuw.json().zaaktype.versie).toBe(2);
    const lijst = await loket.app.inject({ method: 'GET', url: `${basis}?alleVersies=true`, headers: kcc.headers });
    expect(lijst.json().items.filter((z: { code: string }) => z.code === 'afvalpas').map((z: { versie: number }) => z.versie)).toEqual([1, 2]);
    const laatste = await loket.app.inject({ method: 'GET', url: basis, headers: kcc.headers });
    expect(laatste.json().items.filter((z: { code: string }) => z.code === 'afvalpas').map((z: { versie: number }) => z.versie)).toEqual([2]);
  });

  it('refuses invalid definitions with every problem at once', async () => {
    const res = await loket.app.inject({
      method: 'POST',
      url: basis,
      headers: admin.headers,
      payload: {
        ...afvalpas,
        code: 'Afval Pas',
        norm: 'zes weken',
        maxVerlenging: 'P0W',
        statustypen: [afvalpas.statustypen[0]],
        resultaattypen: [
          { naam: 'A', archiefnominatie: 'vernietigen', selectielijstklasse: '6.3' },
          { naam: 'B', archiefnominatie: 'blijvend_bewaren', bewaartermijn: 'P5Y', selectielijstklasse: 'x' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual([
      'code',
      'maxVerlenging',
      'norm',
      'resultaattypen.0.bewaartermijn',
      'resultaattypen.1.bewaartermijn',
      'resultaattypen.1.selectielijstklasse',
      'statustypen',
    ]);
    const team = await loket.app.inject({ method: 'POST', url: basis, headers: admin.headers, payload: { ...afvalpas, code: 'ander', standaardTeam: '00000000-0000-4000-8000-000000000000' } });
    expect(team.statusCode).toBe(400);
    expect(team.json().invalidParams[0]).toMatchObject({ name: 'standaardTeam', code: 'onbekend-team' });
  });
});
