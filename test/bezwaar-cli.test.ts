import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOmgeving } from './cli-proces.ts';

// `loket bezwaar …` as a user runs it: a child process that must not touch a database (a data
// dir that does not exist and a database that cannot be reached: touching either fails).
const cli = cliOmgeving('loket-bezwaar-');
const geenDatabase = { LOKET_DATA_DIR: join(tmpdir(), `loket-bestaat-niet-${process.pid}`), DATABASE_URL: 'postgres://niemand@127.0.0.1:1/geen' };
const loket = (...args: string[]) => cli.loketMet(geenDatabase, ...args);
const laatsteRegel = (tekst: string) => tekst.trimEnd().split('\n').at(-1);

describe('loket bezwaar termijnen', () => {
  it('prints the beslistermijnEinde on the last line, with the explanation above it', async () => {
    // Bezwaartermijn ends on Tweede Kerstdag 2025, extended to Monday 29 December; 6 weeks from there.
    const r = await loket('bezwaar', 'termijnen', '2025-11-14', '2025-12-29');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(laatsteRegel(r.stdout)).toBe('2026-02-09');
    expect(r.stdout).toContain('Awb 6:7 en 6:8: De bezwaartermijn is zes weken');
    expect(r.stdout).toContain('2025-12-26 Tweede Kerstdag');
    expect(r.stdout).toContain('op tijd ingediend');
    const vol = await loket('bezwaar', 'termijnen', '2026-03-02', '2026-03-20', '--commissie', '--verdaagd');
    expect(laatsteRegel(vol.stdout)).toBe('2026-08-17');
    expect(existsSync(geenDatabase.LOKET_DATA_DIR)).toBe(false);
  }, 60_000);

  it('gives JSON with --json: the 6:9 post case, a premature and a late bezwaar', async () => {
    const post = await loket('bezwaar', 'termijnen', '2026-03-09', '2026-04-28', '--verzonden', '2026-04-20', '--json');
    expect(post.code, post.stderr).toBe(0);
    const body = JSON.parse(post.stdout);
    expect(body).toMatchObject({ bezwaartermijnEinde: '2026-04-20', tijdig: true, tijdigPerPost: true, premature: false, laat: false, beslistermijnEinde: '2026-06-01' });
    expect(body.uitleg.map((s: { termijn: string }) => s.termijn)).toEqual(['bezwaartermijn', 'posttermijn', 'beslistermijn']);
    const vroeg = await loket('bezwaar', 'termijnen', '2026-03-02', '2026-02-27');
    expect(vroeg.stdout).toContain('voorbarig ingediend');
    expect(laatsteRegel(vroeg.stdout)).toBe('2026-05-26');
    const laat = JSON.parse((await loket('bezwaar', 'termijnen', '2026-03-02', '2026-04-20', '--json', '--herstel-verzocht', '2026-04-21', '--hersteld', '2026-04-28')).stdout);
    // Late: from the day after receipt; herstel stands the clock still 22–27 April, 6 days: 1 June + 6 = Sunday 7 June, so Monday 8 June.
    expect(laat).toMatchObject({ tijdig: false, laat: true, beslistermijnStart: '2026-04-21', opgeschorteDagen: 6, beslistermijnEinde: '2026-06-08' });
  }, 60_000);

  it('exits 2 with one clear Dutch line on bad usage', async () => {
    for (const [args, melding] of [
      [['2025-02-30', '2025-03-01'], /^loket: bekendmaking: "2025-02-30" bestaat niet als datum\.$/],
      [['2025-02-03', '03-03-2025'], /^loket: ontvangen: .*JJJJ-MM-DD/],
      [['2025-02-03'], /^loket: <ontvangen> ontbreekt\. Gebruik: loket bezwaar termijnen/],
      [[], /^loket: <bekendmaking> en <ontvangen> ontbreken\./],
      [['2999-01-01', '2999-01-02'], /bekendmaking: De bekendmaking \(2999-01-01\) ligt na vandaag .* ontvangen: .*na vandaag/],
      [['2025-02-03', '2025-02-10', '--verzonden', '2025-02-11'], /verzonden: Het poststempel \(2025-02-11\) ligt na de ontvangst/],
      [['2025-02-03', '2025-02-10', '--onbekend'], /unknown option/],
    ] as const) {
      const r = await loket('bezwaar', 'termijnen', ...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(melding);
      expect(r.stdout).toBe('');
    }
  }, 120_000);
});

describe('loket klacht termijnen', () => {
  it('prints the afhandeltermijnEinde on the last line; JSON with --json; exit 2 on bad usage', async () => {
    const r = await loket('klacht', 'termijnen', '2026-04-13', '--verdaagd');
    expect(r.code, r.stderr).toBe(0);
    expect(laatsteRegel(r.stdout)).toBe('2026-06-22');
    expect(r.stdout).toContain('Niet behandelen melden uiterlijk: 2026-05-11.');
    const json = JSON.parse((await loket('klacht', 'termijnen', '2026-04-13', '--commissie', '--json')).stdout);
    expect(json).toMatchObject({ commissie: true, afhandeltermijnEinde: '2026-06-22', nietBehandelenMeldenUiterlijk: '2026-05-11' });
    const fout = await loket('klacht', 'termijnen', '2026-04-31');
    expect(fout.code).toBe(2);
    expect(fout.stderr).toBe('loket: ontvangen: "2026-04-31" bestaat niet als datum.\n');
  }, 60_000);
});

describe('loket bezwaar dwangsom', () => {
  it('prints the amount on the last line, and exits 2 on bad dates', async () => {
    const r = await loket('bezwaar', 'dwangsom', '2026-05-26', '2026-06-01', '--beslist', '2026-07-06');
    expect(r.code, r.stderr).toBe(0);
    expect(laatsteRegel(r.stdout)).toBe('532');
    expect(r.stdout).toContain('Awb 4:18');
    const json = JSON.parse((await loket('bezwaar', 'dwangsom', '2026-05-26', '2026-06-01', '--beslist', '2026-07-28', '--json')).stdout);
    expect(json).toMatchObject({ eersteDag: '2026-06-16', dagen: 42, bedrag: 1442, maximumBereikt: true });
    const fout = await loket('bezwaar', 'dwangsom', '2026-05-26', '2026-06-31');
    expect(fout.code).toBe(2);
    expect(fout.stderr).toMatch(/^loket: ingebrekestelling: "2026-06-31" bestaat niet als datum\.\n$/);
  }, 60_000);
});
