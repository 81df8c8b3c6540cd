import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { createLoket } from '../server.ts';
import { cliOmgeving } from '../../test/cli-proces.ts';

// `loket adressen import` as an operator runs it (a child process on PGlite, or PostgreSQL with
// DATABASE_URL); the gazetteer geocoder then finds the addresses on the same database.
const cli = cliOmgeving('loket-adressen-cli-');
const loket = cli.loket;

describe('loket adressen import', () => {
  it('stores the good lines, reports bad ones by line number, is idempotent, and refuses a file without the columns', async () => {
    expect((await loket('demo', '--json', '--zonder-zaken')).code).toBe(0);
    const bestand = join(cli.map, 'adressen.csv');
    writeFileSync(
      bestand,
      [
        'postcode;huisnummer;straat;woonplaats;lat;lon',
        '1111 xa;40;Testlaan;Diemen;52.3401;4.9612',
        '1111XA;42;Testlaan;Diemen;52.3402;4.9614',
        '0111XA;1;Testlaan;Diemen;52.34;4.96',
        '1111XB;x;Testlaan;Diemen;52.34;4.96',
        '1111XC;2;Testlaan;Diemen;91;4.96',
        '1111XD;2;;Diemen;52.34;4.96',
        '',
      ].join('\n'),
    );
    const eerste = await loket('adressen', 'import', bestand, '--gemeente', 'GM0384', '--json');
    expect(eerste.code, eerste.stderr).toBe(0);
    const uitkomst = JSON.parse(eerste.stdout) as { gelezen: number; nieuw: number; bijgewerkt: number; ongewijzigd: number; fouten: { regel: number; reden: string }[] };
    expect(uitkomst).toMatchObject({ gelezen: 6, nieuw: 2, bijgewerkt: 0, ongewijzigd: 0 });
    expect(uitkomst.fouten.map((f) => f.regel)).toEqual([4, 5, 6, 7]);
    expect(uitkomst.fouten[0]?.reden).toMatch(/postcode/);

    // Again: nothing new, nothing changed (the text form names the bad lines).
    const tweede = await loket('adressen', 'import', bestand, '--gemeente', 'GM0384');
    expect(tweede.code, tweede.stderr).toBe(0);
    expect(tweede.stdout).toMatch(/^Gelezen: 6, nieuw: 0, bijgewerkt: 0, ongewijzigd: 2, fouten: 4\.\nRegel 4: /);

    // A moved point is updated.
    writeFileSync(bestand, 'postcode,huisnummer,toevoeging,straat,woonplaats,lat,lon\n1111XA,42,,Testlaan,Diemen,52.3403,4.9615\n');
    expect(JSON.parse((await loket('adressen', 'import', bestand, '--gemeente', 'GM0384', '--json')).stdout)).toMatchObject({ nieuw: 0, bijgewerkt: 1 });

    writeFileSync(bestand, 'postcode,huisnummer,straat\n1111XA,1,Testlaan\n');
    for (const args of [
      ['adressen', 'import', bestand, '--gemeente', 'GM0384'],
      ['adressen', 'import', join(cli.map, 'bestaat-niet.csv'), '--gemeente', 'GM0384'],
      ['adressen', 'import', bestand, '--gemeente', 'Diemen'],
    ]) {
      const fout = await loket(...args);
      expect(fout.code, args.join(' ')).toBe(2);
      expect(fout.stderr).toMatch(/^loket: /);
    }
    expect((await loket('adressen', 'import', bestand, '--gemeente', 'GM0384')).stderr).toMatch(/mist de kolommen woonplaats, lat, lon.*niets opgeslagen/);

    const database = await openDatabase({ databaseUrl: cli.databaseUrl, dataDir: cli.databaseUrl ? undefined : cli.dataDir });
    const app = await createLoket({ config: loadConfig({ LOKET_TERMIJNBEWAKING_MINUTEN: '0', LOKET_OPRUIMEN_UREN: '0' }), database, werkers: false, logger: false });
    try {
      const { geocoder } = app.services;
      expect(geocoder.soort).toBe('lokaal');
      expect(await geocoder.opPostcode('GM0384', '1111XA', 42)).toEqual([{ postcode: '1111XA', huisnummer: 42, toevoeging: '', straat: 'Testlaan', woonplaats: 'Diemen', lat: 52.3403, lon: 4.9615 }]);
      expect(await geocoder.opPostcode('GM0437', '1111XA', 42)).toEqual([]);
      expect((await geocoder.zoekStraat('GM0384', 'testl', undefined, 10)).map((a) => a.huisnummer)).toEqual([40, 42]);
      expect((await geocoder.zoekStraat('GM0384', 'TESTLAAN', 40, 10)).map((a) => a.huisnummer)).toEqual([40]);
      // The demo's own gazetteer (approximate data) is there, with a toevoeging.
      expect((await geocoder.opPostcode('GM0384', '1111AA', 5, 'a'))[0]).toMatchObject({ straat: 'Burgemeester Bickerstraat', toevoeging: 'A' });
      expect(await geocoder.zoekStraat('GM0384', '%', undefined, 10)).toEqual([]);
    } finally {
      await app.close();
      await database.close();
    }
  }, 180_000);
});
