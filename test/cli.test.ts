import { describe, expect, it } from 'vitest';
import { cliOmgeving } from './cli-proces.ts';

// The CLI as a user runs it: a child process on PGlite in a temporary data dir, or on a fresh
// PostgreSQL database when DATABASE_URL is set.
const cli = cliOmgeving('loket-cli-');
const loket = cli.loket;

describe('loket CLI', () => {
  it('has --help on every level (exit 0)', async () => {
    for (const args of [['--help'], ['gebruiker', '--help'], ['gebruiker', 'toevoegen', '--help'], ['gemeente', 'toevoegen', '--help']]) {
      const r = await loket(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: loket/);
    }
  }, 60_000);

  it('exits 2 with a one-line reason on bad usage', async () => {
    for (const args of [['onzin'], ['gebruiker', 'toevoegen', '--gemeente', 'GM0384'], ['gebruiker', 'rollen', '--gemeente', 'XX', '--email', 'a@b.nl', '--rollen', 'beheerder'], ['gemeente', 'toevoegen', '--code', 'GM0001', '--naam', 'X', '--slug', 'api']]) {
      const r = await loket(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^loket: /);
    }
  }, 60_000);

  it('loads the demo, adds users and changes them, with --json output', async () => {
    const demo = await loket('demo', '--json', '--zonder-zaken');
    expect(demo.code, demo.stderr).toBe(0);
    // Without zaken also without the KCC's demo data (demo.zaken.test.ts loads both).
    expect(JSON.parse(demo.stdout)).toEqual({ gemeenten: 3, gebruikers: 9, teams: 17, zaaktypen: 33, meldingCategorieen: 55, normen: 2, zaken: 0, kennisartikelen: 23, producten: 27, balies: 9, adressen: 23, formulieren: 12, gesprekken: 0, klantcontacten: 0, contactverzoeken: 0, bezwaren: 0, klachten: 0, panelleden: 0, enqueteAntwoorden: 0 });
    expect(JSON.parse((await loket('demo', '--json', '--zonder-zaken')).stdout)).toEqual({ gemeenten: 0, gebruikers: 0, teams: 0, zaaktypen: 0, meldingCategorieen: 0, normen: 0, zaken: 0, kennisartikelen: 0, producten: 0, balies: 0, adressen: 0, formulieren: 0, gesprekken: 0, klantcontacten: 0, contactverzoeken: 0, bezwaren: 0, klachten: 0, panelleden: 0, enqueteAntwoorden: 0 });

    const nieuw = await loket('gebruiker', 'toevoegen', '--gemeente', 'GM0437', '--email', 'ans@ouder-amstel.demo', '--naam', 'Ans Amstel', '--rollen', 'behandelaar,teamleider', '--json');
    expect(nieuw.code, nieuw.stderr).toBe(0);
    const ans = JSON.parse(nieuw.stdout);
    expect(ans).toMatchObject({ email: 'ans@ouder-amstel.demo', nieuw: true, rollen: ['behandelaar', 'teamleider'], mfaIngesteld: false });
    expect(ans.tijdelijkWachtwoord.length).toBeGreaterThanOrEqual(12);

    // An existing account gets roles in another gemeente too (a Duo+ colleague).
    const ook = await loket('gebruiker', 'toevoegen', '--gemeente', 'GM0451', '--email', 'ans@ouder-amstel.demo', '--naam', 'Ans Amstel', '--rollen', 'kcc-medewerker', '--json');
    expect(JSON.parse(ook.stdout)).toMatchObject({ id: ans.id, nieuw: false, rollen: ['kcc-medewerker'] });

    const rollen = await loket('gebruiker', 'rollen', '--gemeente', 'GM0437', '--email', 'ans@ouder-amstel.demo', '--rollen', 'beheerder', '--json');
    expect(JSON.parse(rollen.stdout).rollen).toEqual(['beheerder']);
    const herstel = await loket('gebruiker', 'mfa-herstel', '--gemeente', 'GM0437', '--email', 'ans@ouder-amstel.demo');
    expect(herstel.code).toBe(0);
    expect(herstel.stdout).toMatch(/Tweede stap hersteld/);
    const uit = await loket('gebruiker', 'uitschakelen', '--gemeente', 'GM0437', '--email', 'ans@ouder-amstel.demo', '--json');
    expect(JSON.parse(uit.stdout).actief).toBe(false);
  }, 180_000);

  it('exits 1 with the reason when the work cannot be done', async () => {
    // A gemeente of this test's own (not one of the demo's).
    const gemeente = await loket('gemeente', 'toevoegen', '--code', 'GM0363', '--naam', 'Amsterdam', '--slug', 'amsterdam', '--json');
    expect(gemeente.code).toBe(0);
    expect(JSON.parse(gemeente.stdout)).toMatchObject({ code: 'GM0363', nieuw: true });
    const zwak = await loket('gebruiker', 'toevoegen', '--gemeente', 'GM0363', '--email', 'zwak@amsterdam.demo', '--naam', 'Zwak', '--rollen', 'behandelaar', '--wachtwoord', 'password1234');
    expect(zwak.code).toBe(1);
    expect(zwak.stderr).toMatch(/wachtwoord: .*vaak gebruikt/);
    const onbekend = await loket('gebruiker', 'uitschakelen', '--gemeente', 'GM0363', '--email', 'niemand@amsterdam.demo');
    expect(onbekend.code).toBe(1);
    const geenGemeente = await loket('gebruiker', 'toevoegen', '--gemeente', 'GM0999', '--email', 'x@y.demo', '--naam', 'X', '--rollen', 'behandelaar');
    expect(geenGemeente.code).toBe(1);
    expect(geenGemeente.stderr).toMatch(/gemeente GM0999 bestaat niet/);
    const migrate = await loket('migrate', '--json');
    expect(migrate.code).toBe(0);
  }, 120_000);
});
