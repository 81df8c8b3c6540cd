import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import type { Rol } from '../db/schema.ts';
import { cliContext } from '../modules/audit/audit.service.ts';
import type { GebruikerRecord } from '../modules/gebruikers/gebruikers.repository.ts';
import type { GebruikersService } from '../modules/gebruikers/gebruikers.service.ts';
import { gemeenteOptie, metCliLoket, rollenOptie, toon, type CliLoket } from './cli.shared.ts';

const beschrijf = (g: GebruikerRecord) => `${g.naam} <${g.email}> ${g.actief ? 'actief' : 'uitgeschakeld'}, rollen: ${g.rollen.join(', ')}, tweede stap ${g.mfaIngesteld ? 'ingesteld' : 'nog niet ingesteld'}`;

/** Opens Loket for a command on one gemeente, which must exist. */
function metLoket<T>(gemeente: string, werk: (cli: CliLoket) => Promise<T>): Promise<T> {
  return metCliLoket(async (cli) => {
    if (!(await cli.services.gemeenten.opCode(gemeente))) throw new Error(`gemeente ${gemeente} bestaat niet in deze installatie (zie: loket gemeente toevoegen)`);
    return werk(cli);
  });
}

/** A command that changes one staff member, found by e-mail address in a gemeente. */
function wijzigOpEmail<O extends object>(
  command: Command,
  melding: string,
  wijzig: (gebruikers: GebruikersService, huidig: GebruikerRecord & { gemeente: string }, opties: O) => Promise<GebruikerRecord>,
): void {
  command
    .addOption(gemeenteOptie())
    .requiredOption('--email <email>', 'e-mailadres')
    .option('--json', 'uitvoer als JSON')
    .action((o: O & { gemeente: string; email: string; json?: boolean }) =>
      metLoket(o.gemeente, async ({ services }) => {
        const huidig = await services.gebruikers.opEmail(o.gemeente, o.email);
        const g = await wijzig(services.gebruikers, { ...huidig, gemeente: o.gemeente }, o);
        toon(Boolean(o.json), g, `${melding}: ${beschrijf(g)}`);
      }),
    );
}

export function gebruikerCommando(): Command {
  const gebruiker = new Command('gebruiker').description('Medewerkers (accounts, rollen, tweede stap)');

  gebruiker
    .command('toevoegen')
    .description('Maak een account met rollen in een gemeente; bestaat het e-mailadres al in een andere gemeente, dan krijgt dat account deze rollen erbij')
    .addOption(gemeenteOptie())
    .requiredOption('--email <email>', 'e-mailadres (inlognaam)')
    .requiredOption('--naam <naam>', 'volledige naam')
    .requiredOption('--rollen <rollen>', 'rollen, met komma’s: beheerder,teamleider,…', rollenOptie)
    .option('--wachtwoord <wachtwoord>', 'tijdelijk wachtwoord (zonder deze optie maakt Loket er een en toont het eenmalig)')
    .option('--json', 'uitvoer als JSON')
    .action((o: { gemeente: string; email: string; naam: string; rollen: Rol[]; wachtwoord?: string; json?: boolean }) =>
      metLoket(o.gemeente, async ({ services }) => {
        const context = cliContext();
        const wachtwoord = o.wachtwoord ?? randomBytes(15).toString('base64url');
        const { gebruiker: g, nieuw } = await services.gebruikers.maak(context, o.gemeente, { naam: o.naam, email: o.email, wachtwoord, rollen: o.rollen });
        toon(
          Boolean(o.json),
          { ...g, nieuw, ...(nieuw && !o.wachtwoord ? { tijdelijkWachtwoord: wachtwoord } : {}) },
          nieuw
            ? `Account gemaakt: ${beschrijf(g)}${o.wachtwoord ? '' : `\nTijdelijk wachtwoord (eenmalig getoond): ${wachtwoord}`}\nBij de eerste keer inloggen stelt de medewerker de tweede stap in.`
            : `Bestaand account, rollen in deze gemeente gegeven: ${beschrijf(g)}${o.wachtwoord ? '\nHet wachtwoord van een bestaand account verandert niet.' : ''}`,
        );
      }),
    );

  wijzigOpEmail(
    gebruiker.command('rollen').description('Leg de rollen van een medewerker in een gemeente vast (vervangt de huidige)').requiredOption('--rollen <rollen>', 'rollen, met komma’s', rollenOptie),
    'Rollen vastgelegd',
    async (gebruikers, g, o: { rollen: Rol[] }) => (await gebruikers.zetRollen(cliContext(), g.gemeente, g.id, g.versie, o.rollen)) ?? g,
  );
  wijzigOpEmail(
    gebruiker.command('uitschakelen').description('Schakel een account uit; alle sessies eindigen direct'),
    'Uitgeschakeld',
    (gebruikers, g) => gebruikers.wijzig(cliContext(), g.gemeente, g.id, g.versie, { actief: false }),
  );
  wijzigOpEmail(
    gebruiker.command('mfa-herstel').description('Laat de medewerker de tweede stap (authenticator-app) opnieuw instellen; alle sessies eindigen'),
    'Tweede stap hersteld',
    (gebruikers, g) => gebruikers.herstelMfa(cliContext(), g.gemeente, g.id, g.versie),
  );

  return gebruiker;
}
