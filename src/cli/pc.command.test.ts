import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOmgeving } from '../../test/cli-proces.ts';
import { begroting2024, jaarstukken2023 } from '../modules/planning-control/fixtures/hoofdstuk.fixture.ts';

// `loket pc …` as a user runs it: a child process on PGlite in a temporary data dir, or on a
// fresh PostgreSQL database when DATABASE_URL is set.
const root = join(import.meta.dirname, '../..');
const cli = cliOmgeving('loket-pc-cli-');
const loket = cli.loket;

const bestand = (naam: string, inhoud: unknown): string => {
  const pad = join(cli.map, naam);
  writeFileSync(pad, typeof inhoud === 'string' ? inhoud : JSON.stringify(inhoud));
  return pad;
};
// Ouder-Amstel: the demo loads P&C chapters for Diemen only, so versions here start at 1.
const oa = <T extends object>(h: T): T => ({ ...h, gemeente: 'GM0437' });
const EXPORT = ['pc', 'export', '--gemeente', 'GM0437', '--jaar', '2023', '--soort', 'jaarstukken', '--programma', 'samen-besturen'];

// The gemeenten, and Diemen's published chapters, for every test; each test imports its own document.
beforeAll(async () => {
  const demo = await loket('demo');
  if (demo.code !== 0) throw new Error(`loket demo: ${demo.stderr}`);
}, 120_000);

describe('loket pc', () => {
  it('imports JSON, exports the same data, and a re-import of the export exports the same again', async () => {
    const imp = await loket('pc', 'import', bestand('h.json', oa(jaarstukken2023())), '--json', '--gemeente', 'GM0437');
    expect(imp.code, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout)).toEqual(oa(jaarstukken2023()));
    expect(imp.stderr).toMatch(/versie 1 \(concept\) van jaarstukken 2023/);

    const exp = await loket(...EXPORT, '--format', 'json');
    expect(exp.code, exp.stderr).toBe(0);
    expect(JSON.parse(exp.stdout)).toEqual(JSON.parse(imp.stdout));

    const opnieuw = await loket('pc', 'import', bestand('export.json', exp.stdout), '--json', '--gemeente', 'GM0437', '--naam', 'Opnieuw');
    expect(opnieuw.code, opnieuw.stderr).toBe(0);
    expect(opnieuw.stderr).toMatch(/versie 2/);
    const tweede = await loket(...EXPORT, '--versie', '2');
    expect(tweede.stdout).toBe(exp.stdout);
  }, 120_000);

  it('imports a list of chapters as one version and exports them all without --programma', async () => {
    const ander = oa({ ...begroting2024(), programma: 'Veilig Diemen' });
    const imp = await loket('pc', 'import', bestand('lijst.json', [oa(begroting2024()), ander]), '--json', '--gemeente', 'GM0437');
    expect(imp.code, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout).programmas).toHaveLength(2);
    const exp = await loket('pc', 'export', '--gemeente', 'GM0437', '--jaar', '2024', '--soort', 'begroting');
    const document = JSON.parse(exp.stdout);
    expect(document.document).toMatchObject({ gemeente: 'GM0437', soort: 'begroting', jaar: 2024, versie: 1 });
    expect(document.programmas.map((h: { programma: string }) => h.programma)).toEqual(['Samen besturen', 'Veilig Diemen']);
  }, 180_000);

  it('writes CSV, HTML and PDF', async () => {
    // Diemen's jaarstukken 2023 from the demo.
    const EXPORT = ['pc', 'export', '--gemeente', 'GM0384', '--jaar', '2023', '--soort', 'jaarstukken', '--programma', 'samen-besturen'];
    const csv = await loket(...EXPORT, '--format', 'csv');
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^\uFEFFgemeente,document,jaar/);
    const html = await loket(...EXPORT, '--format', 'html', '--taal', 'en');
    expect(html.stdout).toContain('<html lang="en"');
    expect(html.stdout).toContain('<caption class="utrecht-table__caption" id="tabel-prestatie">Performance indicators</caption>');
    const pdf = join(cli.map, 'h.pdf');
    const r = await loket(...EXPORT, '--format', 'pdf', '--uit', pdf);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);

  it('refuses bad input with exit 1 and one line, storing nothing; bad usage exits 2', async () => {
    const h = jaarstukken2023();
    h.jaar = 2019;
    h.financien?.regels[2]?.bedragen.pop();
    const kapot = await loket('pc', 'import', bestand('kapot.json', oa(h)), '--json', '--gemeente', 'GM0437');
    expect(kapot.code).toBe(1);
    expect(kapot.stderr.trim()).toBe('loket: financien.regels.2.bedragen: Deze regel heeft 4 bedragen, de tabel heeft 5 kolommen.');
    const niets = await loket('pc', 'export', '--gemeente', 'GM0437', '--jaar', '2019', '--soort', 'jaarstukken');
    expect(niets.code).toBe(1);
    expect(niets.stderr).toMatch(/Dit document bestaat niet/);

    const onbekend = await loket('pc', 'import', bestand('h2.json', jaarstukken2023()), '--json', '--gemeente', 'GM0999');
    expect(onbekend.code).toBe(1);
    expect(onbekend.stderr).toMatch(/gemeente GM0999 bestaat niet/);
    const geenJson = await loket('pc', 'import', bestand('geen.json', 'Dit is geen JSON'), '--json', '--gemeente', 'GM0384');
    expect(geenJson.code).toBe(1);
    expect(geenJson.stderr).toMatch(/geen JSON/);

    for (const args of [['pc', 'export', '--gemeente', 'GM0384', '--soort', 'jaarstukken'], ['pc', 'export', '--gemeente', 'GM0384', '--jaar', '23', '--soort', 'jaarstukken'], ['pc', 'import', join(cli.map, 'bestaat-niet.txt'), '--gemeente', 'GM0384']]) {
      const r = await loket(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 120_000);

  it('imports the plain text of a published chapter: round trip text → JSON → store → export → import again', async () => {
    const kapot = await loket('pc', 'import', bestand('kapot.txt', 'Dit is geen programmahoofdstuk.\n'), '--gemeente', 'GM0384');
    expect(kapot.code).toBe(1);
    expect(kapot.stderr).toMatch(/^loket: regel \d+: /);
    expect(kapot.stderr.trim().split('\n')).toHaveLength(1);
    const seed = join(root, 'src/modules/planning-control/fixtures/000_2d6363b00e4d6664.txt');
    const imp = await loket('pc', 'import', seed, '--gemeente', 'GM0451');
    expect(imp.code, imp.stderr).toBe(0);
    const gelezen = JSON.parse(imp.stdout);
    expect(gelezen).toMatchObject({ gemeente: 'GM0451', programma: 'Samen besturen', soort: 'jaarstukken', jaar: 2023 });
    const args = ['pc', 'export', '--gemeente', 'GM0451', '--jaar', '2023', '--soort', 'jaarstukken', '--programma', 'samen-besturen'];
    const exp = await loket(...args);
    expect(JSON.parse(exp.stdout)).toEqual(gelezen);
    expect((await loket('pc', 'import', bestand('seed.json', exp.stdout), '--json', '--gemeente', 'GM0451')).code).toBe(0);
    expect((await loket(...args, '--versie', '2')).stdout).toBe(exp.stdout);
  }, 180_000);

  it('imports a whole document of several programmes: {document, programmas}; export → import --json round-trips; binary data and an empty file exit 1 with a line', async () => {
    // Three programmes of jaarstukken 2023 one after the other, as in the full document.
    const fixtures = join(root, 'src/modules/planning-control/fixtures');
    // Moved two years back (jaarstukken 2021): the tests of this file run at the same time, and another imports GM0451's 2023.
    const tekst = ['jaarstukken-2023-veilig-diemen.txt', '000_2d6363b00e4d6664.txt', 'corpus/01-sociaal-voetnoten-opsomming.txt']
      .map((f) => readFileSync(join(fixtures, f), 'utf8'))
      .join('\n')
      .replace(/\b20(1[5-9]|2[0-9])\b/g, (jaar) => String(Number(jaar) - 2));
    const imp = await loket('pc', 'import', bestand('jaarstukken.txt', tekst), '--gemeente', 'GM0451');
    expect(imp.code, imp.stderr).toBe(0);
    const gelezen = JSON.parse(imp.stdout);
    expect(gelezen.document).toMatchObject({ gemeente: 'GM0451', soort: 'jaarstukken', jaar: 2021 });
    expect(gelezen.programmas.map((h: { programma: string }) => h.programma)).toEqual(['Veilig Diemen', 'Samen besturen', 'Sociaal']);
    expect(imp.stderr).toMatch(/3 programma's/);
    const args = ['pc', 'export', '--gemeente', 'GM0451', '--jaar', '2021', '--soort', 'jaarstukken'];
    const exp = JSON.parse((await loket(...args)).stdout);
    expect(exp.programmas).toEqual(expect.arrayContaining(gelezen.programmas));
    const opnieuw = await loket('pc', 'import', bestand('document.json', JSON.stringify(exp)), '--json', '--gemeente', 'GM0451');
    expect(opnieuw.code, opnieuw.stderr).toBe(0);
    expect(JSON.parse(opnieuw.stdout).programmas).toEqual(exp.programmas);
    expect(JSON.parse((await loket(...args)).stdout).programmas).toEqual(exp.programmas);

    // A chapter cut off in the middle: stored, and the waarschuwing is named with its line.
    const afgebroken = readFileSync(join(fixtures, 'corpus/33-afgebroken-financien-zonder-saldo.txt'), 'utf8').replace(/\b2023\b/g, '2017').replace(/\b2022\b/g, '2016');
    const kort = await loket('pc', 'import', bestand('afgebroken.txt', afgebroken), '--gemeente', 'GM0451');
    expect(kort.code, kort.stderr).toBe(0);
    expect(kort.stderr).toMatch(/^1 waarschuwing \(zie "waarschuwingen" in de JSON\), de eerste: regel 76: de tekst houdt op in de financiële tabel na "Structurele baten"/m);
    expect(JSON.parse(kort.stdout).waarschuwingen).toHaveLength(1);

    for (const [naam, inhoud, reden] of [
      ['binair.txt', 'Jaarstukken 2023\n\u0000\u0001PK\u0003\u0004', /^loket: regel 2: binaire gegevens/],
      ['leeg.txt', '', /^loket: regel 1: het bestand is leeg/],
    ] as const) {
      const r = await loket('pc', 'import', bestand(naam, inhoud), '--gemeente', 'GM0451');
      expect(r.code, naam).toBe(1);
      expect(r.stderr).toMatch(reden);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 180_000);
});
