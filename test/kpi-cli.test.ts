import { beforeAll, describe, expect, it } from 'vitest';
import { cliOmgeving } from './cli-proces.ts';

// `loket kpi` as a user runs it: a child process on its own database (PGlite in a temporary data
// dir, or a fresh PostgreSQL database when DATABASE_URL is set). The values themselves are tested
// beside their queries (src/modules/zaken/zaken.kpi.test.ts); this is the command around them.
const cli = cliOmgeving('loket-kpi-');

// Each command is a whole process (start, database, migration check): on a busy machine tens of
// seconds, so each test has its own time.
describe('loket kpi', () => {
  beforeAll(async () => {
    const gemeente = await cli.loket('gemeente', 'toevoegen', '--code', 'GM0384', '--naam', 'Diemen', '--slug', 'diemen');
    expect(gemeente.code, gemeente.stderr).toBe(0);
  }, 120_000);

  it('lists the definitions and gives one value as the issue prints it', async () => {
    const lijst = await cli.loket('kpi', 'lijst', '--json');
    expect(lijst.code, lijst.stderr).toBe(0);
    expect(JSON.parse(lijst.stdout).map((d: { code: string }) => d.code)).toContain('email-binnen-5-werkdagen');

    const json = await cli.loket('kpi', 'email-binnen-5-werkdagen', '--gemeente', 'GM0384', '--periode', '2025', '--json');
    expect(json.code, json.stderr).toBe(0);
    const waarde = JSON.parse(json.stdout);
    expect(waarde).toMatchObject({
      code: 'email-binnen-5-werkdagen',
      naam: 'E-mail binnen 5 werkdagen afgehandeld',
      gemeente: 'GM0384',
      periode: { van: '2025-01-01', tot: '2025-12-31' },
      waarde: null,
      teller: null,
      noemer: 0,
      eenheid: 'procent',
      status: 'niet-bekend',
      reden: expect.stringContaining('geen e-mailvragen'),
      definitie: { code: 'email-binnen-5-werkdagen', versie: 2 },
    });
    expect(Number.isNaN(Date.parse(waarde.berekendOp))).toBe(false);
  }, 120_000);

  it('prints a value in words', async () => {
    const tekst = await cli.loket('kpi', 'zaken-binnen-norm', '--gemeente', 'GM0384', '--periode', '2025-Q4');
    expect(tekst.code, tekst.stderr).toBe(0);
    expect(tekst.stdout).toContain('Zaken afgehandeld binnen de termijn (zaken-binnen-norm, versie 1)');
    expect(tekst.stdout).toContain('Waarde: niet bekend.');
  }, 120_000);

  it('gives a value per team for a measure with the team breakdown, and refuses it for one without', async () => {
    const json = await cli.loket('kpi', 'kcc-contactverzoeken-binnen-termijn', '--gemeente', 'GM0384', '--periode', '2025', '--per-team', '--json');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ code: 'kcc-contactverzoeken-binnen-termijn', team: null, status: 'niet-bekend', uitsplitsing: [], versheid: { bron: 'live' } });
    const fout = await cli.loket('kpi', 'zaken-binnen-norm', '--gemeente', 'GM0384', '--periode', '2025', '--per-team');
    expect(fout.code).toBe(2);
    expect(fout.stderr).toContain('team');
  }, 120_000);

  it('exits 2 with a message on a bad period, KPI or gemeente, or a missing period', async () => {
    for (const args of [
      ['kpi', 'zaken-binnen-norm', '--gemeente', 'GM0384', '--periode', '2025-13'],
      ['kpi', 'bestaat-niet', '--gemeente', 'GM0384', '--periode', '2025'],
      ['kpi', 'zaken-binnen-norm', '--gemeente', 'GM0999', '--periode', '2025'],
      ['kpi', 'zaken-binnen-norm', '--gemeente', 'GM0384'],
    ]) {
      const fout = await cli.loket(...args);
      expect(fout.code, args.join(' ')).toBe(2);
      expect(fout.stderr.length, args.join(' ')).toBeGreaterThan(0);
      expect(fout.stdout).toBe('');
    }
  }, 180_000);
});
