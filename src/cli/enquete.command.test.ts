import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOmgeving } from '../../test/cli-proces.ts';

// `loket enquete weeg` as a user runs it: a child process, no database (the data dir is never made).
const cli = cliOmgeving('loket-enquete-cli-');
const fixtures = join(import.meta.dirname, '..', 'modules', 'enquetes', 'fixtures');
let volgnummer = 0;
function bestand(naam: string, inhoud: string | Buffer): string {
  const pad = join(cli.map, `${++volgnummer}-${naam}`);
  writeFileSync(pad, inhoud);
  return pad;
}
const MARGES = 'kenmerk,categorie,aandeel\nleeftijd,jong,0.4\nleeftijd,oud,0.6\n';

describe('loket enquete weeg', () => {
  it('weighs the worked fixture and prints exactly the JSON of the issue, without a database', async () => {
    const antwoorden = join(cli.map, 'panel.csv');
    copyFileSync(join(fixtures, 'panel-1000.csv'), antwoorden);
    const r = await cli.loket('enquete', 'weeg', antwoorden, '--marges', join(fixtures, 'marges-leeftijd-geslacht.csv'), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const uit = JSON.parse(r.stdout);
    expect(Object.keys(uit)).toEqual(['respondenten', 'iteraties', 'geconvergeerd', 'effectieveSteekproef', 'designeffect', 'gewichten', 'resultaten']);
    expect(uit).toMatchObject({ respondenten: 1000, iteraties: 3, geconvergeerd: true });
    expect(uit.effectieveSteekproef).toBeCloseTo(860.36, 2);
    expect(uit.designeffect).toBeCloseTo(1.1623, 4);
    expect(uit.gewichten).toHaveLength(1000);
    expect(Object.keys(uit.gewichten[0])).toEqual(['respondent', 'gewicht']);
    expect(uit.gewichten[0].respondent).toBe('r0001');
    expect(uit.gewichten[0].gewicht).toBeCloseTo(1.8793, 4);
    expect(uit.resultaten).toHaveLength(1);
    const [ja, nee] = uit.resultaten[0].antwoorden;
    expect(Object.keys(uit.resultaten[0])).toEqual(['vraag', 'antwoorden']);
    expect(Object.keys(ja)).toEqual(['antwoord', 'ongewogen', 'gewogen', 'interval']);
    expect(ja).toMatchObject({ antwoord: 'ja', ongewogen: 0.686 });
    expect(ja.gewogen).toBeCloseTo(0.6555, 4);
    expect(ja.interval[0]).toBeCloseTo(0.6231, 4);
    expect(ja.interval[1]).toBeCloseTo(0.6865, 4);
    expect(nee.gewogen + ja.gewogen).toBeCloseTo(1, 12);
    expect(existsSync(cli.dataDir)).toBe(false);
  }, 60_000);

  it('prints a Dutch table without --json; semicolons, a BOM, quotes and unanswered questions', async () => {
    const antwoorden = bestand('a.csv', '\uFEFFrespondent;leeftijd;"Wat vindt u; eerlijk?";cijfer\r\n1;jong;goed;8\r\n2;oud;;10\r\n3;oud;slecht;\r\n');
    const r = await cli.loket('enquete', 'weeg', antwoorden, '--marges', bestand('m.csv', MARGES));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Gewogen naar leeftijd (raking): 3 respondenten, 1 iteratie, geconvergeerd.');
    expect(r.stdout).toContain('Vraag Wat vindt u; eerlijk?: 2 antwoorden');
    // Respondent 1 weighs 0.4/(1/3) = 1.2, respondents 2 and 3 weigh 0.6/(2/3) = 0.9: "goed" 1.2/2.1.
    expect(r.stdout).toMatch(/goed\s+50,0%\s+57,1%/);
    expect(r.stdout).toMatch(/Vraag cijfer: 2 antwoorden[^\n]*\n[^\n]*\n\s+8\s+50,0%\s+57,1%[^\n]*\n\s+10\s+50,0%\s+42,9%/);
  }, 60_000);

  it('--max-gewicht trims, and refuses a cap of 1 or less', async () => {
    const pad = join(fixtures, 'panel-1000.csv');
    const m = join(fixtures, 'marges-leeftijd-geslacht.csv');
    const r = await cli.loket('enquete', 'weeg', pad, '--marges', m, '--max-gewicht', '1.85', '--json');
    expect(r.code, r.stderr).toBe(0);
    const uit = JSON.parse(r.stdout);
    expect(uit.geconvergeerd).toBe(true);
    expect(Math.max(...uit.gewichten.map((g: { gewicht: number }) => g.gewicht))).toBeLessThanOrEqual(1.85 + 1e-9);
    const fout = await cli.loket('enquete', 'weeg', pad, '--marges', m, '--max-gewicht', '1');
    expect(fout.code).toBe(2);
    expect(fout.stderr).toContain('--max-gewicht is een getal groter dan 1');
  }, 60_000);

  it('exit 2 with the file, the line and the reason', async () => {
    const m = bestand('m.csv', MARGES);
    const r = await cli.loket('enquete', 'weeg', bestand('a.csv', 'respondent,leeftijd\nr1,jong\nr2,middel\nr3,\n'), '--marges', m, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${join(cli.map, `${volgnummer}-a.csv`)}, regel 3: leeftijd "middel" staat niet in ${m}; daar staan voor leeftijd: jong, oud.\n` +
        `${join(cli.map, `${volgnummer}-a.csv`)}, regel 4: Respondent r3 heeft geen waarde voor leeftijd.\n` +
        'loket: niet gewogen: 2 fouten in de bestanden.\n',
    );
    // Margins that do not sum to 1; a margin category without respondents.
    const som = await cli.loket('enquete', 'weeg', bestand('a.csv', 'respondent,leeftijd\nr1,jong\n'), '--marges', bestand('m.csv', 'kenmerk,categorie,aandeel\nleeftijd,jong,0.5\nleeftijd,oud,0.4\n'));
    expect(som.code).toBe(2);
    expect(som.stderr).toContain(`-m.csv, regel 3: De aandelen van leeftijd tellen op tot 0.9; dat moet 1 zijn (op 0.001 na).`);
    const leeg = await cli.loket('enquete', 'weeg', bestand('a.csv', 'respondent,leeftijd\nr1,jong\n'), '--marges', m);
    expect(leeg.code).toBe(2);
    expect(leeg.stderr).toContain(`${m}, regel 3: Geen enkele respondent in`);
    // A characteristic missing.
    const kenmerk = await cli.loket('enquete', 'weeg', bestand('a.csv', 'respondent,vraag\nr1,ja\n'), '--marges', m);
    expect(kenmerk.code).toBe(2);
    expect(kenmerk.stderr).toContain('regel 1: De kop mist het kenmerk leeftijd');
  }, 60_000);

  it('exit 2 for a file that is missing or not UTF-8, and without --marges', async () => {
    const m = bestand('m.csv', MARGES);
    const weg = await cli.loket('enquete', 'weeg', join(cli.map, 'bestaat-niet.csv'), '--marges', m);
    expect(weg.code).toBe(2);
    expect(weg.stderr).toMatch(/^loket: kan .*bestaat-niet\.csv niet lezen\n$/);
    const latin1 = await cli.loket('enquete', 'weeg', bestand('l.csv', Buffer.from('respondent,leeftijd\nr1,jong\nr\xe9,oud\n', 'latin1')), '--marges', m);
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toContain('l.csv, regel 3: bevat tekens die geen UTF-8 zijn.');
    const zonder = await cli.loket('enquete', 'weeg', m);
    expect(zonder.code).toBe(2);
    expect(zonder.stderr).toContain('--marges');
    expect(existsSync(cli.dataDir)).toBe(false);
  }, 60_000);
});
