import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo, logInAls } from '../../../test/demo.ts';
import type { Ingelogd } from '../../../test/login.ts';
import { berichtenRepository } from './berichten.repository.ts';

let loket: TestLoket;
let beheerder: Ingelogd;
const VAN_OUDER_AMSTEL = randomUUID();
const BASIS = '/api/v1/gemeenten/GM0384/berichten';

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-03-02T09:00:00.000Z' });
  await laadDemo(loket);
  beheerder = await logInAls(loket, 'beheerder@duoplus.demo');
  const repository = berichtenRepository(loket.database.db);
  const start = Date.parse('2026-03-01T08:00:00.000Z');
  for (let i = 1; i <= 25; i++) {
    await repository.voegToe({
      gemeente: 'GM0384',
      id: randomUUID(),
      aan: `inwoner${i}@example.org`,
      onderwerp: `Bericht ${i}`,
      tekst: `Tekst ${i}`,
      html: null,
      status: 'niet-verzonden',
      aangemaaktOp: new Date(start + i * 60_000).toISOString(),
    });
  }
  await repository.voegToe({
    gemeente: 'GM0437',
    id: VAN_OUDER_AMSTEL,
    aan: 'medewerker@ouder-amstel.example',
    onderwerp: 'Welkom bij Loket',
    tekst: 'Uw account is klaar.',
    html: null,
    status: 'wachtend',
    aangemaaktOp: '2026-03-01T10:00:00.000Z',
  });
  await repository.claim('GM0437', VAN_OUDER_AMSTEL, new Date('2026-03-01T10:00:01.000Z'), new Date('2026-03-01T10:05:01.000Z'));
  await repository.markeerVerzonden('GM0437', VAN_OUDER_AMSTEL, new Date('2026-03-01T10:00:02.000Z'));
});
afterAll(() => loket.close());

const get = (url: string, headers: Record<string, string> = beheerder.headers) => loket.app.inject({ method: 'GET', url, headers });

describe('GET /gemeenten/{gemeente}/berichten', () => {
  it('pages newest first with page, pageSize, total and links', async () => {
    const eerste = await get(BASIS);
    expect(eerste.statusCode).toBe(200);
    expect(eerste.json()).toMatchObject({ page: 1, pageSize: 20, total: 25 });
    expect(eerste.json().items).toHaveLength(20);
    expect(eerste.json().items[0]).toEqual({
      id: expect.any(String),
      aan: 'inwoner25@example.org',
      onderwerp: 'Bericht 25',
      tekst: 'Tekst 25',
      status: 'niet-verzonden',
      pogingen: 0,
      laatsteFout: null,
      aangemaaktOp: '2026-03-01T08:25:00.000Z',
      verzondenOp: null,
    });

    const tweede = await get(`${BASIS}?page=2&pageSize=10`);
    expect(tweede.statusCode).toBe(200);
    const body = tweede.json();
    expect(body.items.map((b: { onderwerp: string }) => b.onderwerp)).toEqual(
      [15, 14, 13, 12, 11, 10, 9, 8, 7, 6].map((i) => `Bericht ${i}`),
    );
    expect(body._links.self.href).toBe(`${BASIS}?page=2&pageSize=10`);
    expect(body._links.next.href).toBe(`${BASIS}?page=3&pageSize=10`);
    expect(body._links.prev.href).toBe(`${BASIS}?page=1&pageSize=10`);

    const laatste = (await get(`${BASIS}?page=3&pageSize=10`)).json();
    expect(laatste.items).toHaveLength(5);
    expect(laatste._links.next).toBeUndefined();
  });

  it('shows only the messages of the gemeente in the path', async () => {
    const body = (await get('/api/v1/gemeenten/GM0437/berichten')).json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: VAN_OUDER_AMSTEL, status: 'verzonden', pogingen: 1, verzondenOp: '2026-03-01T10:00:02.000Z' });
    expect((await get('/api/v1/gemeenten/GM0451/berichten')).json()).toMatchObject({ total: 0, items: [] });
  });

  it('lists every invalid paging parameter at once', async () => {
    const antwoord = await get(`${BASIS}?page=0&pageSize=101`);
    expect(antwoord.statusCode).toBe(400);
    expect(antwoord.json().invalidParams.map((p: { name: string }) => p.name).toSorted()).toEqual(['query.page', 'query.pageSize']);
  });

  it('is for beheerders only', async () => {
    const behandelaar = await logInAls(loket, 'behandelaar@diemen.demo');
    expect((await get(BASIS, behandelaar.headers)).statusCode).toBe(403);
    expect((await get(BASIS, {})).statusCode).toBe(401);
  });
});

describe('GET /gemeenten/{gemeente}/berichten/{id}', () => {
  it('answers one message of this gemeente', async () => {
    const antwoord = await get(`/api/v1/gemeenten/GM0437/berichten/${VAN_OUDER_AMSTEL}`);
    expect(antwoord.statusCode).toBe(200);
    expect(antwoord.json()).toMatchObject({ id: VAN_OUDER_AMSTEL, aan: 'medewerker@ouder-amstel.example', status: 'verzonden' });
  });

  it("answers 404 for another gemeente's message, even to a beheerder of both", async () => {
    const antwoord = await get(`${BASIS}/${VAN_OUDER_AMSTEL}`);
    expect(antwoord.statusCode).toBe(404);
    expect(antwoord.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(antwoord.json()).toMatchObject({ status: 404, type: 'urn:loket:problem:niet-gevonden' });
    expect(antwoord.body).not.toContain('ouder-amstel');
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const antwoord = await get(`${BASIS}/123`);
    expect(antwoord.statusCode).toBe(400);
    expect(antwoord.json().invalidParams[0]).toMatchObject({ name: 'params.id' });
  });
});
