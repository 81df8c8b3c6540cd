import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOmgeving } from '../../test/cli-proces.ts';

// `loket mail import` as a user runs it: a child process on PGlite in a temporary data dir, or on
// a fresh PostgreSQL database when DATABASE_URL is set; the demo data gives the zaaktype e-mailvraag.
const cli = cliOmgeving('loket-mail-cli-');
const fixtures = join(import.meta.dirname, '..', 'modules', 'mailintake', 'fixtures');
const fixture = (naam: string) => join(fixtures, naam);

beforeAll(async () => {
  const r = await cli.loket('demo', '--zonder-zaken');
  if (r.code !== 0) throw new Error(`loket demo: ${r.stderr}`);
}, 180_000);

describe('loket mail import', () => {
  it('--json prints one object with the zaak and its dates; the same file again adds nothing', async () => {
    const eerste = await cli.loket('mail', 'import', fixture('gewoon.eml'), '--gemeente', 'GM0384', '--json');
    expect(eerste.code, eerste.stderr).toBe(0);
    expect(eerste.stdout.trim().split('\n')).toHaveLength(1);
    const uit = JSON.parse(eerste.stdout);
    expect(uit).toMatchObject({ nieuw: true, draad: false, dubbel: false, ontvangstdatumBron: 'received', zaak: { ontvangstdatum: '2026-03-02', uiterlijkeEinddatum: '2026-03-09' } });
    expect(uit.zaak.identificatie).toMatch(/^Z-\d{4}-\d{6}$/);
    const tweede = JSON.parse((await cli.loket('mail', 'import', fixture('gewoon.eml'), '--gemeente', 'GM0384', '--json')).stdout);
    expect(tweede).toMatchObject({ dubbel: true, nieuw: false, zaak: { identificatie: uit.zaak.identificatie } });
    // The reply lands on the same zaak.
    const reactie = JSON.parse((await cli.loket('mail', 'import', fixture('antwoord.eml'), '--gemeente', 'GM0384', '--json')).stdout);
    expect(reactie).toMatchObject({ draad: true, nieuw: false, zaak: { identificatie: uit.zaak.identificatie } });
  }, 120_000);

  it('dates by the topmost Received: across midnight in Amsterdam, and says which source it used', async () => {
    const r = await cli.loket('mail', 'import', fixture('received-middernacht.eml'), '--gemeente', 'GM0384', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ontvangstdatumBron: 'received', zaak: { ontvangstdatum: '2026-04-01', uiterlijkeEinddatum: '2026-04-09' } });
    const zonder = await cli.loket('mail', 'import', fixture('zonder-date.eml'), '--gemeente', 'GM0384');
    expect(zonder.code, zonder.stderr).toBe(0);
    expect(zonder.stdout).toMatch(/^Nieuwe zaak Z-\d{4}-\d{6}\.\nOntvangstdatum \d{4}-\d{2}-\d{2} \(volgens het moment van importeren \(geen bruikbare Received:- of Date:-kop\)\); uiterlijk klaar \d{4}-\d{2}-\d{2}\.\n$/);
    const exe = await cli.loket('mail', 'import', fixture('exe-als-pdf.eml'), '--gemeente', 'GM0384');
    expect(exe.stdout).toMatch(/\nBijlage factuur\.pdf geweigerd: Soort bestand niet ondersteund: De inhoud is geen PDF.*\nBijlage brief\.pdf opgenomen als document\.\n$/);
  }, 120_000);

  it('exits 2 on bad usage and 1 with a clear message when the message or gemeente is refused', async () => {
    const zonderGemeente = await cli.loket('mail', 'import', fixture('gewoon.eml'));
    expect(zonderGemeente.code).toBe(2);
    expect(zonderGemeente.stderr).toMatch(/--gemeente/);
    const weg = await cli.loket('mail', 'import', join(cli.map, 'bestaat-niet.eml'), '--gemeente', 'GM0384');
    expect(weg).toMatchObject({ code: 2, stderr: expect.stringMatching(/kan .*bestaat-niet\.eml niet lezen/) });
    const onbekend = await cli.loket('mail', 'import', fixture('gewoon.eml'), '--gemeente', 'GM9999');
    expect(onbekend).toMatchObject({ code: 1, stderr: 'loket: Deze gemeente bestaat niet.\n' });
    const groot = join(cli.map, 'groot.eml');
    copyFileSync(fixture('zonder-date.eml'), groot);
    writeFileSync(groot, Buffer.alloc(1024 * 1024, 'a'), { flag: 'a' });
    const teGroot = await cli.loketMet({ LOKET_MAIL_INTAKE_MAX_MB: '1' }, 'mail', 'import', groot, '--gemeente', 'GM0384', '--json');
    expect(teGroot).toMatchObject({ code: 1, stdout: '', stderr: 'loket: Een e-mail mag hoogstens 1 MB zijn, met bijlagen. Er is niets opgeslagen.\n' });
    const geenMail = join(cli.map, 'geen.eml');
    writeFileSync(geenMail, '\n\nzomaar tekst\n');
    expect(await cli.loket('mail', 'import', geenMail, '--gemeente', 'GM0384')).toMatchObject({ code: 1, stderr: expect.stringMatching(/geen e-mailkoppen/) });
  }, 120_000);
});

describe('loket mail adres', () => {
  it('lists the demo addresses and adds one; a taken address is refused', async () => {
    const lijst = await cli.loket('mail', 'adres', '--gemeente', 'GM0384');
    expect(lijst).toMatchObject({ code: 0, stdout: 'info@diemen.demo\n' });
    const erbij = await cli.loket('mail', 'adres', '@Diemen.example', '--gemeente', 'GM0384');
    expect(erbij).toMatchObject({ code: 0, stdout: '@diemen.example\ninfo@diemen.demo\n' });
    expect((await cli.loket('mail', 'adres', 'info@diemen.demo', '--gemeente', 'GM0437')).code).toBe(1);
    expect((await cli.loket('mail', 'adres', 'geen-adres', '--gemeente', 'GM0384')).code).toBe(2);
  }, 120_000);
});
