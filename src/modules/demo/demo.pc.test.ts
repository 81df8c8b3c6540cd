import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLoket, type TestLoket } from '../../../test/app.ts';
import { laadDemo } from '../../../test/demo.ts';
import { parseHoofdstuk } from '../planning-control/pc.parser.ts';
import { DEMO_PC_HOOFDSTUKKEN } from './demo.pc.ts';

// The published documents, in the P&C module's fixtures (its README names them).
const seeds = join(import.meta.dirname, '../planning-control/fixtures');

let loket: TestLoket;
beforeAll(async () => {
  loket = await testLoket({ nu: '2026-11-23T09:00:00.000Z' });
  await laadDemo(loket);
});
afterAll(() => loket.close());

describe('demo P&C data', () => {
  it('is what the importer reads from the published documents', () => {
    const bestanden = ['000_2d6363b00e4d6664.txt', '002_1e8329fce7cbac37.txt', '004_17b7bede72979279.txt'];
    const gelezen = bestanden.map((b) => parseHoofdstuk(readFileSync(join(seeds, b), 'utf8'), { gemeente: 'GM0384' }));
    expect(DEMO_PC_HOOFDSTUKKEN).toEqual(gelezen);
  });

  it('publishes the three chapters of Diemen as vastgesteld versions, once', async () => {
    await laadDemo(loket);
    const documenten = await loket.services.pc.documenten('GM0384', {});
    expect(documenten.map((d) => [d.soort, d.jaar, d.versies.map((v) => [v.volgnummer, v.status, v.vastgesteldOp])])).toEqual([
      ['programmabegroting', 2024, [[1, 'vastgesteld', '2023-11-09']]],
      ['jaarstukken', 2023, [[1, 'vastgesteld', null]]],
      ['programmabegroting', 2022, [[1, 'vastgesteld', null]]],
    ]);
    const get = (url: string) => loket.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    const jaarstukken = await get('/diemen/jaarstukken/2023/samen-besturen');
    expect(jaarstukken.statusCode).toBe(200);
    expect(jaarstukken.body).toContain('De datum van het raadsbesluit staat niet in het document.');
    // € 979 against € 939 budgeted, lower is better: within 10%.
    expect(jaarstukken.body).toMatch(/Apparaatskosten per inwoner.*?pc-licht--bijna/s);
    expect((await get('/diemen/begroting/2024/samen-besturen')).body).toContain('Vastgesteld door de gemeenteraad op 9 november 2023.');
    expect((await get('/diemen/begroting/2022/samen-besturen')).statusCode).toBe(200);
  });
});
