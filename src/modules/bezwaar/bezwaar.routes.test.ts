import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';

// Today is Thursday 2026-06-18 (Amsterdam) for every test in this file.
let loket: TestLoket;
beforeAll(async () => {
  loket = await testLoket({ nu: '2026-06-18T10:00:00Z' });
});
afterAll(async () => loket.close());

const get = (url: string) => loket.app.inject({ method: 'GET', url });
const fouten = (body: { invalidParams?: { name: string; code: string; reason: string }[] }) =>
  Object.fromEntries((body.invalidParams ?? []).map((p) => [p.name, p.reason]));

describe('GET /api/v1/bezwaartermijnen', () => {
  it('computes the terms without logging in, with the explanation per term', async () => {
    const res = await get('/api/v1/bezwaartermijnen?bekendmaking=2026-03-02&ontvangen=2026-03-20');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      bekendmaking: '2026-03-02',
      ontvangen: '2026-03-20',
      verzonden: null,
      commissie: false,
      bezwaartermijnEinde: '2026-04-13',
      tijdig: true,
      premature: false,
      laat: false,
      tijdigPerPost: false,
      beslistermijnStart: '2026-04-14',
      beslistermijnNorm: 'P6W',
      beslistermijnEinde: '2026-05-26',
      verdagingWeken: 0,
      opgeschorteDagen: 0,
    });
    expect(body.uitleg.map((s: { termijn: string; artikel: string }) => `${s.termijn} ${s.artikel}`)).toEqual(['bezwaartermijn Awb 6:7 en 6:8', 'beslistermijn Awb 7:10']);
    expect(body.uitleg[1].verschoven).toEqual([{ datum: '2026-05-25', reden: 'feestdag', naam: 'Tweede Pinksterdag' }]);
  });

  it('takes the postmark, the commissie, the verdaging and a herstel period', async () => {
    const post = (await get('/api/v1/bezwaartermijnen?bekendmaking=2026-03-09&ontvangen=2026-04-28&verzonden=2026-04-20')).json();
    expect(post).toMatchObject({ bezwaartermijnEinde: '2026-04-20', tijdig: true, tijdigPerPost: true, laat: false });
    const lang = (await get('/api/v1/bezwaartermijnen?bekendmaking=2026-03-02&ontvangen=2026-03-20&commissie=true&verdaagd=true')).json();
    expect(lang).toMatchObject({ beslistermijnNorm: 'P12W', verdagingWeken: 6, beslistermijnOorspronkelijk: '2026-07-06', beslistermijnEinde: '2026-08-17' });
    const herstel = (await get('/api/v1/bezwaartermijnen?bekendmaking=2026-03-02&ontvangen=2026-03-20&herstelVerzocht=2026-04-20&hersteld=2026-05-04')).json();
    expect(herstel).toMatchObject({ opgeschorteDagen: 13, beslistermijnEinde: '2026-06-08' });
    // Still open: counted up to and including today, 18 June: 21 April – 18 June is 59 days; 25 May + 59 = 23 July.
    const open = (await get('/api/v1/bezwaartermijnen?bekendmaking=2026-03-02&ontvangen=2026-03-20&herstelVerzocht=2026-04-20')).json();
    expect(open).toMatchObject({ opgeschorteDagen: 59, beslistermijnEinde: '2026-07-23' });
    const vroeg = (await get('/api/v1/bezwaartermijnen?bekendmaking=2026-03-02&ontvangen=2026-02-27')).json();
    expect(vroeg).toMatchObject({ premature: true, tijdig: true, laat: false });
  });

  it('names every invalid parameter at once, in Dutch', async () => {
    const res = await get('/api/v1/bezwaartermijnen?bekendmaking=2025-02-30&ontvangen=20-03-2026&commissie=ja&verdaagd=misschien&onbekend=1');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const f = fouten(res.json());
    expect(Object.keys(f).toSorted()).toEqual(['query.bekendmaking', 'query.commissie', 'query.onbekend', 'query.ontvangen', 'query.verdaagd'].toSorted());
    expect(f['query.bekendmaking']).toBe('"2025-02-30" bestaat niet als datum.');
    expect(f['query.ontvangen']).toMatch(/JJJJ-MM-DD/);

    const leeg = await get('/api/v1/bezwaartermijnen');
    expect(leeg.statusCode).toBe(400);
    expect(Object.keys(fouten(leeg.json())).toSorted()).toEqual(['query.bekendmaking', 'query.ontvangen']);
  });

  it('refuses a bekendmaking or receipt in the future and facts that contradict each other, all at once', async () => {
    const res = await get('/api/v1/bezwaartermijnen?bekendmaking=2026-06-19&ontvangen=2026-06-20&verzonden=2026-06-21&hersteld=2026-06-01');
    expect(res.statusCode).toBe(400);
    const f = fouten(res.json());
    expect(f['query.bekendmaking']).toBe('De bekendmaking (2026-06-19) ligt na vandaag (2026-06-18). De bezwaartermijn begint pas de dag na de bekendmaking.');
    expect(f['query.ontvangen']).toMatch(/na vandaag/);
    expect(f['query.verzonden']).toMatch(/poststempel .* ligt na de ontvangst/i);
    expect(f['query.herstelVerzocht']).toMatch(/om herstel/);
    // Today is fine.
    expect((await get('/api/v1/bezwaartermijnen?bekendmaking=2026-06-18&ontvangen=2026-06-18')).statusCode).toBe(200);
    const herstel = await get('/api/v1/bezwaartermijnen?bekendmaking=2026-03-02&ontvangen=2026-03-20&herstelVerzocht=2026-03-19&hersteld=2026-03-18');
    expect(Object.keys(fouten(herstel.json())).toSorted()).toEqual(['query.hersteld', 'query.herstelVerzocht'].toSorted());
  });
});

describe('GET /api/v1/klachttermijnen', () => {
  it('computes the 9:8 and 9:11 terms, with the commissie and the verdaging, and names every error', async () => {
    const gewoon = await get('/api/v1/klachttermijnen?ontvangen=2026-04-13');
    expect(gewoon.statusCode).toBe(200);
    expect(gewoon.json()).toMatchObject({ ontvangen: '2026-04-13', commissie: false, nietBehandelenMeldenUiterlijk: '2026-05-11', afhandeltermijnEinde: '2026-05-26', verdagingWeken: 0 });
    expect(gewoon.json().uitleg.map((s: { artikel: string }) => s.artikel)).toEqual(['Awb 9:8 lid 2', 'Awb 9:11']);
    // 10 weeks: Monday 22 June; plus 4 weeks verdaging: 20 July.
    expect((await get('/api/v1/klachttermijnen?ontvangen=2026-04-13&commissie=true&verdaagd=true')).json()).toMatchObject({ afhandeltermijnOorspronkelijk: '2026-06-22', afhandeltermijnEinde: '2026-07-20', verdagingWeken: 4 });
    const fout = await get('/api/v1/klachttermijnen?ontvangen=2026-06-19&verdaagd=ja');
    expect(fout.statusCode).toBe(400);
    expect(Object.keys(fouten(fout.json())).toSorted()).toEqual(['query.verdaagd']);
    const toekomst = await get('/api/v1/klachttermijnen?ontvangen=2026-06-19');
    expect(fouten(toekomst.json())['query.ontvangen']).toBe('De ontvangst (2026-06-19) ligt na vandaag (2026-06-18).');
  });
});

describe('GET /api/v1/dwangsommen', () => {
  it('computes from when and how much, without logging in', async () => {
    const res = await get('/api/v1/dwangsommen?beslistermijnEinde=2026-05-26&ingebrekestelling=2026-06-01&beslist=2026-06-11');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ beslist: '2026-06-11', eersteDag: '2026-06-16', dagen: 0, bedrag: 0, lopend: false });
    // No decision: 16–18 June so far.
    const lopend = (await get('/api/v1/dwangsommen?beslistermijnEinde=2026-05-26&ingebrekestelling=2026-06-01')).json();
    expect(lopend).toMatchObject({ beslist: null, peildatum: '2026-06-18', dagen: 3, bedrag: 69, lopend: true, laatsteDag: '2026-07-27', vaststellenUiterlijk: null });
    expect(lopend.uitleg.map((s: { artikel: string }) => s.artikel)).toEqual(['Awb 4:17 lid 3', 'Awb 4:17 lid 1 en 2']);
    const straks = (await get('/api/v1/dwangsommen?beslistermijnEinde=2026-06-01&ingebrekestelling=2026-06-15')).json();
    expect(straks).toMatchObject({ eersteDag: '2026-06-30', dagen: 0, dagenTotStart: 12 });
  });

  it('names every invalid parameter at once', async () => {
    const res = await get('/api/v1/dwangsommen?beslistermijnEinde=2026-13-01&ingebrekestelling=2026-07-01&beslist=2026-06-31');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(fouten(res.json())).toSorted()).toEqual(['query.beslist', 'query.beslistermijnEinde']);
    const toekomst = await get('/api/v1/dwangsommen?beslistermijnEinde=2026-05-26&ingebrekestelling=2026-07-01&beslist=2026-07-02');
    expect(Object.keys(fouten(toekomst.json())).toSorted()).toEqual(['query.beslist', 'query.ingebrekestelling']);
  });

  it('documents both routes in the OpenAPI document', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/bezwaartermijnen', '/klachttermijnen', '/dwangsommen']));
    expect(doc.components.schemas).toHaveProperty('Bezwaartermijnen');
    expect(doc.components.schemas).toHaveProperty('Dwangsom');
  });
});
