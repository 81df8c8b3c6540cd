import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import type { Rol } from '../db/schema.ts';
import { cliContext } from '../modules/audit/audit.service.ts';
import type { GebruikerRecord } from '../modules/gebruikers/gebruikers.repository.ts';
import { gemeenteOptie, openCliLoket, rollenOptie, toon, type CliLoket } from './cli.shared.ts';

const beschrijf = (g: GebruikerRecord) => `${g.naam} <${g.email}> ${g.actief ? 'actief' : 'uitgeschakeld'}, rollen: ${g.rollen.join(', ')}, tweede stap ${g.mfaIngesteld ? 'ingesteld' : 'nog niet ingesteld'}`;

async function metLoket<T>(werk: (cli: CliLoket) => Promise<T>): Promise<T> {
  const cli = await openCliLoket();
  try {
    return await werk(cli);
  } finally {
    await cli.close();
  }
}

export function gebruikerCommando(): Command {
  const gebruiker = new Command('gebruiker').description('Medewerkers (accounts, rollen, tweede stap)');

  gebruiker
    .command('toevoegen')
    .description('Maak een account met rollen in een gemeente; bestaat het e-mailadres al, dan krijgt dat account deze rollen erbij')
    .addOption(gemeenteOptie())
    .requiredOption('--email <email>', 'e-mailadres (inlognaam)')
    .requiredOption('--naam <naam>', 'volledige naam')
    .requiredOption('--rollen <rollen>', 'rollen, met komma’s: beheerder,teamleider,…', rollenOptie)
    .option('--wachtwoord <wachtwoord>', 'tijdelijk wachtwoord (zonder deze optie maakt Loket er een en toont het eenmalig)')
    .option('--json', 'uitvoer als JSON')
    .action((o: { gemeente: string; email: string; naam: string; rollen: Rol[]; wachtwoord?: string; json?: boolean }) =>
      metLoket(async ({ services }) => {
        const context = cliContext();
        const wachtwoord = o.wachtwoord ?? randomBytes(15).toString('base64url');
        const nieuw = !(await services.gebruikers.accountBestaat(o.email));
        const g = nieuw
          ? await services.gebruikers.maak(context, o.gemeente, { naam: o.naam, email: o.email, wachtwoord, rollen: o.rollen })
          : await services.gebruikers.koppel(context, o.gemeente, o.email, o.rollen);
        toon(
          Boolean(o.json),
          { ...g, nieuw, ...(nieuw && !o.wachtwoord ? { tijdelijkWachtwoord: wachtwoord } : {}) },
          nieuw
            ? `Account gemaakt: ${beschrijf(g)}${o.wachtwoord ? '' : `\nTijdelijk wachtwoord (eenmalig getoond): ${wachtwoord}`}\nBij de eerste keer inloggen stelt de medewerker de tweede stap in.`
            : `Bestaand account, rollen bijgewerkt: ${beschrijf(g)}`,
        );
      }),
    );

  gebruiker
    .command('rollen')
    .description('Leg de rollen van een medewerker in een gemeente vast (vervangt de huidige)')
    .addOption(gemeenteOptie())
    .requiredOption('--email <email>', 'e-mailadres')
    .requiredOption('--rollen <rollen>', 'rollen, met komma’s', rollenOptie)
    .option('--json', 'uitvoer als JSON')
    .action((o: { gemeente: string; email: string; rollen: Rol[]; json?: boolean }) =>
      metLoket(async ({ services }) => {
        const huidig = await services.gebruikers.opEmail(o.gemeente, o.email);
        const g = await services.gebruikers.zetRollen(cliContext(), o.gemeente, huidig.id, huidig.versie, o.rollen);
        toon(Boolean(o.json), g, `Rollen vastgelegd: ${beschrijf(g)}`);
      }),
    );

  gebruiker
    .command('uitschakelen')
    .description('Schakel een account uit; alle sessies eindigen direct')
    .addOption(gemeenteOptie())
    .requiredOption('--email <email>', 'e-mailadres')
    .option('--json', 'uitvoer als JSON')
    .action((o: { gemeente: string; email: string; json?: boolean }) =>
      metLoket(async ({ services }) => {
        const huidig = await services.gebruikers.opEmail(o.gemeente, o.email);
        const g = await services.gebruikers.wijzig(cliContext(), o.gemeente, huidig.id, huidig.versie, { actief: false });
        toon(Boolean(o.json), g, `Uitgeschakeld: ${beschrijf(g)}`);
      }),
    );

  gebruiker
    .command('mfa-herstel')
    .description('Laat de medewerker de tweede stap (authenticator-app) opnieuw instellen; alle sessies eindigen')
    .addOption(gemeenteOptie())
    .requiredOption('--email <email>', 'e-mailadres')
    .option('--json', 'uitvoer als JSON')
    .action((o: { gemeente: string; email: string; json?: boolean }) =>
      metLoket(async ({ services }) => {
        const huidig = await services.gebruikers.opEmail(o.gemeente, o.email);
        const g = await services.gebruikers.herstelMfa(cliContext(), o.gemeente, huidig.id, huidig.versie);
        toon(Boolean(o.json), g, `Tweede stap hersteld: ${beschrijf(g)}`);
      }),
    );

  return gebruiker;
}
