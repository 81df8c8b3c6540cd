import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { cliContext } from '../modules/audit/audit.service.ts';
import { AdressenBestandFout } from '../modules/adressen/adressen.errors.ts';
import { GebruiksFout, gemeenteOptie, metCliLoket } from './cli.shared.ts';

/**
 * `loket adressen import <csv> --gemeente <code> [--json]`: the local gazetteer for geocoding
 * (ADR 0054). Exit 0 when the file was read (bad lines are reported with their line number and
 * skipped), 2 when it was refused as a whole, 1 when Loket could not do it. Idempotent.
 */
export function adressenCommando(): Command {
  const adressen = new Command('adressen').description('Adressen voor het meldingformulier (lokale gazetteer, zonder PDOK)');
  adressen
    .command('import')
    .description('Lees een CSV-bestand met adressen in; een adres dat er al is, wordt bijgewerkt of blijft zoals het is')
    .argument('<bestand>', 'CSV in UTF-8 met de kolommen postcode, huisnummer, toevoeging (mag ontbreken), straat, woonplaats, lat, lon (WGS84)')
    .addOption(gemeenteOptie())
    .option('--json', 'print de uitkomst als JSON: {"gelezen", "nieuw", "bijgewerkt", "ongewijzigd", "fouten": [{"regel", "reden"}]}')
    .action((bestand: string, o: { gemeente: string; json?: boolean }) =>
      metCliLoket(async (cli) => {
        let inhoud: Buffer;
        try {
          inhoud = readFileSync(bestand);
        } catch {
          throw new GebruiksFout(`kan ${bestand} niet lezen`);
        }
        let uitkomst;
        try {
          uitkomst = await cli.services.adressen.importeer(cliContext(), o.gemeente, inhoud);
        } catch (error) {
          if (error instanceof AdressenBestandFout) throw new GebruiksFout(`${bestand} is geweigerd: ${error.message} Er is niets opgeslagen.`);
          throw error;
        }
        if (o.json) process.stdout.write(`${JSON.stringify(uitkomst)}\n`);
        else {
          process.stdout.write(`Gelezen: ${uitkomst.gelezen}, nieuw: ${uitkomst.nieuw}, bijgewerkt: ${uitkomst.bijgewerkt}, ongewijzigd: ${uitkomst.ongewijzigd}, fouten: ${uitkomst.fouten.length}.\n`);
          for (const f of uitkomst.fouten) process.stdout.write(`Regel ${f.regel}: ${f.reden}\n`);
        }
      }),
    );
  return adressen;
}
