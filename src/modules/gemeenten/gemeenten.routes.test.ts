import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';

let loket: TestLoket;

beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00Z' });
});
afterAll(async () => loket.close());

describe('gemeenten', () => {
  it('lists the gemeenten of the installation to anyone, with code, name and slug only', async () => {
    await laadDemo(loket);
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten' });
    expect(res.statusCode).toBe(200);
    // Without Amsterdam, which the other test may have stored first.
    expect({ items: res.json().items.filter((g: { code: string }) => g.code !== 'GM0363') }).toEqual({
      items: [
        { code: 'GM0384', naam: 'Diemen', slug: 'diemen' },
        { code: 'GM0437', naam: 'Ouder-Amstel', slug: 'ouder-amstel' },
        { code: 'GM0451', naam: 'Uithoorn', slug: 'uithoorn' },
      ],
    });
  });

  it('shows a gemeente as soon as it is stored, in the order of its code', async () => {
    await loket.services.gemeenten.bewaar({ code: 'GM0363', naam: 'Amsterdam', slug: 'amsterdam', domein: 'amsterdam.nl', thema: {} });
    const res = await loket.app.inject({ method: 'GET', url: '/api/v1/gemeenten' });
    expect(res.json().items[0]).toEqual({ code: 'GM0363', naam: 'Amsterdam', slug: 'amsterdam' });
  });
});
