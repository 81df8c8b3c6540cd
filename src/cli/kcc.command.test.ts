import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOmgeving } from '../../test/cli-proces.ts';

// `loket kcc gesprekken import` as a user runs it: a child process on PGlite in a temporary data
// dir, or on a fresh PostgreSQL database when DATABASE_URL is set.
const cli = cliOmgeving('loket-kcc-cli-');
const loket = cli.loket;
let volgnummer = 0;

const KOP = 'gesprek_id,wachtrij,begin,wachttijd_s,afloop,gespreksduur_s,doorverbonden_naar';
/** A file of this test's own (ids made unique per test: tests share the gemeente). */
function bestand(naam: string, inhoud: string): string {
  const pad = join(cli.map, `${++volgnummer}-${naam}`);
  writeFileSync(pad, inhoud);
  return pad;
}
const uniek = () => `c${++volgnummer}-${process.pid}`;

beforeAll(async () => {
  const r = await loket('gemeente', 'toevoegen', '--code', 'GM0384', '--naam', 'Diemen', '--slug', 'diemen');
  if (r.code !== 0) throw new Error(`loket gemeente toevoegen: ${r.stderr}`);
}, 120_000);

describe('loket kcc gesprekken import', () => {
  it('imports a file, prints exactly the JSON of the issue, and adds nothing the second time', async () => {
    const [a, b] = [uniek(), uniek()];
    const pad = bestand('g.csv', `\uFEFF${KOP}\r\n${a},Algemeen,2026-03-01 00:30,30,beantwoord,100,\r\n${b},Algemeen,2026-03-01 09:00,5,gemist,0,\r\n`);
    const eerste = await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0384', '--json');
    expect(eerste.code, eerste.stderr).toBe(0);
    expect(eerste.stdout).toBe(
      `${JSON.stringify({ gelezen: 2, nieuw: 1, alBekend: 0, fouten: [{ regel: 3, reden: 'afloop "gemist" kan niet; kies beantwoord, opgehangen of buiten-openingstijd.' }] })}\n`,
    );
    const tweede = await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0384', '--json');
    expect(JSON.parse(tweede.stdout)).toMatchObject({ gelezen: 2, nieuw: 0, alBekend: 1 });
    // Without --json: a line in Dutch, and each bad line.
    const tekst = await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0384');
    expect(tekst.code).toBe(0);
    expect(tekst.stdout).toBe('Gelezen: 2, nieuw: 0, al bekend: 1, fouten: 1.\nRegel 3: afloop "gemist" kan niet; kies beantwoord, opgehangen of buiten-openingstijd.\n');
  }, 120_000);

  it('--strikt: one bad line refuses the file, exit 2, nothing stored', async () => {
    const [a, b] = [uniek(), uniek()];
    const pad = bestand('s.csv', `${KOP}\n${a},Algemeen,2026-03-01T09:00:00Z,1,beantwoord,1,\n${b},Algemeen,2026-03-01T09:00:00Z,,beantwoord,1,\n`);
    const streng = await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0384', '--json', '--strikt');
    expect(streng.code).toBe(2);
    expect(JSON.parse(streng.stdout)).toEqual({ gelezen: 2, nieuw: 0, alBekend: 0, fouten: [{ regel: 3, reden: 'wachttijd_s is leeg; geef het aantal seconden (0 of meer).' }] });
    expect(streng.stderr).toMatch(/is geweigerd: 1 van de 2 regels klopt niet \(--strikt\)\. Er is niets opgeslagen\.\n$/);
    // Nothing was stored: without --strikt the good line is new.
    const los = await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0384', '--json');
    expect(JSON.parse(los.stdout)).toMatchObject({ nieuw: 1, alBekend: 0 });
  }, 120_000);

  it('refuses a wrong header with exit 2 and says what it should be', async () => {
    const pad = bestand('kop.csv', 'CallID;Queue;Start\n1;a;b\n');
    const r = await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0384', '--json');
    expect(r.code).toBe(2);
    const uit = JSON.parse(r.stdout);
    expect(uit).toMatchObject({ gelezen: 0, nieuw: 0, alBekend: 0, fouten: [{ regel: 1 }] });
    expect(uit.fouten[0].reden).toMatch(/^De kop mist de kolommen gesprek_id, wachtrij, begin/);
    expect(r.stderr).toMatch(/^loket: .*kop\.csv is geweigerd: De kop mist/);
  }, 120_000);

  it('reads other column names from a mapping file; a bad mapping file is a usage error', async () => {
    const a = uniek();
    const mapping = bestand('mapping.json', JSON.stringify({ kolommen: { gesprek_id: 'CallID', wachtrij: 'Queue', begin: 'Start', wachttijd_s: 'Wait', afloop: 'Result', gespreksduur_s: 'Talk', doorverbonden_naar: 'Transfer' } }));
    const pad = bestand('anders.csv', `CallID;Queue;Start;Wait;Result;Talk;Transfer\n${a};Vergunningen;2026-03-04T10:00:00+01:00;45;beantwoord;100;Team B\n`);
    const r = await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0384', '--json', '--mapping', mapping);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ gelezen: 1, nieuw: 1, alBekend: 0, fouten: [] });
    const fout = await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0384', '--mapping', bestand('fout.json', '{"kolommen": {"start": "Start"}}'));
    expect(fout.code).toBe(2);
    expect(fout.stderr).toMatch(/fout\.json: kolommen: /);
    const geenJson = await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0384', '--mapping', bestand('kapot.json', '{'));
    expect(geenJson.code).toBe(2);
    expect(geenJson.stderr).toMatch(/kapot\.json is geen JSON/);
  }, 120_000);

  it('exits 2 for bad usage and 1 for a gemeente that does not exist', async () => {
    const pad = bestand('leeg.csv', `${KOP}\n`);
    expect((await loket('kcc', 'gesprekken', 'import', pad)).code).toBe(2);
    expect((await loket('kcc', 'gesprekken', 'import', join(cli.map, 'bestaat-niet.csv'), '--gemeente', 'GM0384')).code).toBe(2);
    const onbekend = await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0999');
    expect(onbekend.code).toBe(1);
    expect(onbekend.stderr).toBe('loket: Gemeente GM0999 bestaat niet in deze installatie.\n');
  }, 120_000);

  it('the measures are read with loket kpi, per queue', async () => {
    const wachtrij = uniek();
    const pad = bestand('kpi.csv', `${KOP}\n${uniek()},${wachtrij},2026-05-01 00:30,30,beantwoord,100,\n${uniek()},${wachtrij},2026-05-01 10:00,31,beantwoord,100,\n${uniek()},${wachtrij},2026-05-01 10:00,4,opgehangen,0,\n`);
    expect((await loket('kcc', 'gesprekken', 'import', pad, '--gemeente', 'GM0384')).code).toBe(0);
    const r = await loket('kpi', 'kcc-binnen-30s', '--gemeente', 'GM0384', '--periode', '2026-05-01', '--wachtrij', wachtrij);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Gemeente GM0384, 2026-05-01 tot en met 2026-05-01, wachtrij ${wachtrij}.`);
    expect(r.stdout).toContain('Waarde: 50% (1 van 2).');
    const p90 = await loket('kpi', 'kcc-wachttijd-p90', '--gemeente', 'GM0384', '--periode', '2026-05-01', '--per-wachtrij', '--json');
    expect(p90.code, p90.stderr).toBe(0);
    expect(JSON.parse(p90.stdout).uitsplitsing).toEqual(expect.arrayContaining([expect.objectContaining({ wachtrij, waarde: 31, noemer: 2 })]));
  }, 120_000);
});
