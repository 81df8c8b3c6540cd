import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metCliLoket } from '../src/cli/cli.shared.ts';
import { cliContext } from '../src/modules/audit/audit.service.ts';
import { testLoket } from './app.ts';
import { cliOmgeving } from './cli-proces.ts';

// `loket termijn` as a user runs it: a child process. Without --gemeente it must not touch a
// database; with one it reads the gemeente's closure days (PGlite in a temporary data dir, or a
// fresh PostgreSQL database when DATABASE_URL is set).
const cli = cliOmgeving('loket-termijn-');
const loket = (args: string[], env: Record<string, string> = {}) => cli.loketMet(env, ...args);

const laatsteRegel = (tekst: string) => tekst.trimEnd().split('\n').at(-1);

describe('loket termijn without a gemeente (no database)', () => {
  // A data dir that does not exist and a database that cannot be reached: touching either fails.
  const geenDatabase = { LOKET_DATA_DIR: join(tmpdir(), `loket-bestaat-niet-${process.pid}`), DATABASE_URL: 'postgres://niemand@127.0.0.1:1/geen' };

  it('prints the end date on the last line for the examples of the issue', async () => {
    for (const [start, duur, einde] of [
      ['2025-11-14', 'P6W', '2025-12-29'],
      ['2027-02-15', 'P6W', '2027-03-30'],
      ['2027-04-22', '5wd', '2027-04-30'],
      ['2026-12-24', 'P3D', '2026-12-29'],
      ['2026-01-31', 'P1M', '2026-03-02'],
    ] as const) {
      const r = await loket(['termijn', start, duur], geenDatabase);
      expect(r.code, r.stderr).toBe(0);
      expect(laatsteRegel(r.stdout)).toBe(einde);
      expect(r.stderr).toBe('');
    }
    expect(existsSync(geenDatabase.LOKET_DATA_DIR)).toBe(false);
  }, 60_000);

  it('explains in Dutch why the end moved', async () => {
    const r = await loket(['termijn', '2025-11-14', 'P6W'], geenDatabase);
    expect(r.stdout).toContain('Wettelijke termijn van 6 weken na vrijdag 14 november 2025');
    expect(r.stdout).toContain('Verschoven voorbij vrijdag 26 december 2025 (2025-12-26): feestdag (Tweede Kerstdag).');
    expect(r.stdout).toContain('Algemene termijnenwet');
    const werk = await loket(['termijn', '2027-04-22', '5wd'], geenDatabase);
    expect(werk.stdout).toContain('Overgeslagen: dinsdag 27 april 2027 (2027-04-27), feestdag (Koningsdag).');
  }, 30_000);

  it('gives the API shape with --json, and only JSON', async () => {
    const r = await loket(['termijn', '2027-02-15', 'P6W', '--json'], geenDatabase);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      startdatum: '2027-02-15',
      duur: 'P6W',
      soort: 'wettelijk',
      einddatum: '2027-03-30',
      kalendereinde: '2027-03-29',
      verschoven: [{ datum: '2027-03-29', reden: 'feestdag', naam: 'Tweede Paasdag' }],
      regel: expect.stringContaining('art. 1 en 2'),
      gemeente: null,
    });
  }, 30_000);

  it('exits 2 with one clear Dutch line on bad input', async () => {
    for (const [args, melding] of [
      [['2027-02-29', 'P6W'], /^loket: startdatum: "2027-02-29" bestaat niet als datum\.$/],
      [['14-11-2025', 'P6W'], /JJJJ-MM-DD/],
      [['2025-11-14', '6 weken'], /^loket: duur: "6 weken" is geen duur\. Gebruik P<n>D/],
      [['2025-11-14', 'P0D'], /geen duur/],
      [['2025-13-01', 'P6Y'], /startdatum: .*duur: /],
      [['2025-11-14'], /duur/],
      [['2025-11-14', 'P6W', '--gemeente', 'Diemen'], /gemeentecode is GM met vier cijfers/],
    ] as const) {
      const r = await loket(['termijn', ...args], geenDatabase);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(melding);
    }
  }, 60_000);
});

describe('loket termijn --gemeente', () => {
  it("counts the gemeente's closure days in werkdagen, not in statutory terms", async () => {
    const demo = await loket(['demo', '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    // A closure day added through the service, as the API does it.
    const omgeving = { LOKET_DATA_DIR: process.env.LOKET_DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    Object.assign(process.env, { LOKET_DATA_DIR: cli.dataDir, DATABASE_URL: cli.databaseUrl ?? '', LOG_LEVEL: 'warn' });
    try {
      await metCliLoket((cli) => cli.services.termijnen.voegToe(cliContext(), 'GM0437', { datum: '2031-03-14', naam: 'Verhuizing gemeentehuis' }));
    } finally {
      Object.assign(process.env, { LOKET_DATA_DIR: omgeving.LOKET_DATA_DIR ?? '', DATABASE_URL: omgeving.DATABASE_URL ?? '' });
    }

    // Wed 12 March 2031 + 3 werkdagen: Thu 13, (Fri 14 closed, weekend) Mon 17, Tue 18.
    const met = await loket(['termijn', '2031-03-12', '3wd', '--gemeente', 'GM0437', '--json']);
    expect(met.code, met.stderr).toBe(0);
    expect(JSON.parse(met.stdout)).toMatchObject({ einddatum: '2031-03-18', gemeente: 'GM0437', soort: 'werkdagen' });
    expect(JSON.parse(met.stdout).verschoven).toContainEqual({ datum: '2031-03-14', reden: 'sluitingsdag', naam: 'Verhuizing gemeentehuis' });
    const tekst = await loket(['termijn', '2031-03-12', '3wd', '--gemeente', 'GM0437']);
    expect(tekst.stdout).toContain('sluitingsdag van de gemeente (Verhuizing gemeentehuis)');
    expect(laatsteRegel(tekst.stdout)).toBe('2031-03-18');
    expect(laatsteRegel((await loket(['termijn', '2031-03-12', '3wd'])).stdout)).toBe('2031-03-17');
    expect(laatsteRegel((await loket(['termijn', '2031-03-12', '3wd', '--gemeente', 'GM0451'])).stdout)).toBe('2031-03-17');
    // A statutory term of two days ends on the closure day all the same.
    expect(laatsteRegel((await loket(['termijn', '2031-03-12', 'P2D', '--gemeente', 'GM0437'])).stdout)).toBe('2031-03-14');

    const onbekend = await loket(['termijn', '2031-03-12', '3wd', '--gemeente', 'GM0999']);
    expect(onbekend.code).toBe(1);
    expect(onbekend.stderr.trimEnd()).toBe('loket: gemeente: De gemeente GM0999 bestaat niet in deze installatie.');
  }, 180_000);

  it('asks the running Loket that holds the embedded database', async () => {
    // A server on its own database, with a closure day, named in the lock file of a data dir.
    const { app, services, close } = await testLoket();
    try {
      await services.demo.laad(cliContext());
      await services.termijnen.voegToe(cliContext(), 'GM0451', { datum: '2031-03-14', naam: 'Studiedag' });
      const adres = await app.listen({ port: 0, host: '127.0.0.1' });
      const bezet = mkdtempSync(join(tmpdir(), 'loket-termijn-bezet-'));
      writeFileSync(join(bezet, 'loket.lock'), `${process.pid}\n${adres}\n`);
      const r = await loket(['termijn', '2031-03-12', '3wd', '--gemeente', 'GM0451', '--json'], { LOKET_DATA_DIR: bezet, DATABASE_URL: '' });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ einddatum: '2031-03-18', gemeente: 'GM0451' });
      const onbekend = await loket(['termijn', '2031-03-12', '3wd', '--gemeente', 'GM0999'], { LOKET_DATA_DIR: bezet, DATABASE_URL: '' });
      expect(onbekend.code).toBe(1);
      expect(onbekend.stderr.trimEnd()).toBe('loket: gemeente: De gemeente GM0999 bestaat niet in deze installatie.');
      rmSync(bezet, { recursive: true, force: true });
    } finally {
      await close();
    }
  }, 120_000);
});
