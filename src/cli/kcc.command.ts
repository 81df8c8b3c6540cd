import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { cliContext } from '../modules/audit/audit.service.ts';
import { mappingSchema, type Kolomnamen } from '../modules/kcc/kcc.gesprekken.csv.ts';
import { GebruiksFout, gemeenteOptie, metCliLoket } from './cli.shared.ts';

function leesBestand(bestand: string): Buffer {
  try {
    return readFileSync(bestand);
  } catch {
    throw new GebruiksFout(`kan ${bestand} niet lezen`);
  }
}

/** The mapping file (docs/kcc-gesprekken.md): `{"kolommen": {"gesprek_id": "CallID", …}}`. */
function leesMapping(bestand: string): Kolomnamen {
  let data: unknown;
  try {
    data = JSON.parse(leesBestand(bestand).toString('utf8'));
  } catch (error) {
    if (error instanceof GebruiksFout) throw error;
    throw new GebruiksFout(`${bestand} is geen JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const mapping = mappingSchema.safeParse(data);
  if (!mapping.success) {
    throw new GebruiksFout(`${bestand}: ${mapping.error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ')}`);
  }
  return mapping.data.kolommen;
}

/**
 * `loket kcc gesprekken import`: the call records of the telephony platform, through the same
 * service as the API. Exit 0 when the file was read (bad lines are reported and skipped), 2 when
 * it was refused as a whole (nothing stored), 1 when Loket could not do it.
 */
export function kccCommando(): Command {
  const kcc = new Command('kcc').description('Klantcontactcentrum');
  const gesprekken = new Command('gesprekken').description('Gesprekken van de telefooncentrale (servicelevels)');
  kcc.addCommand(gesprekken);

  gesprekken
    .command('import')
    .description('Lees een CSV-bestand met gesprekken van de telefooncentrale in (zie docs/kcc-gesprekken.md); een gesprek dat er al is, wordt niet nog eens opgeslagen')
    .argument('<bestand>', 'CSV in UTF-8 met de kolommen gesprek_id, wachtrij, begin, wachttijd_s, afloop, gespreksduur_s, doorverbonden_naar')
    .addOption(gemeenteOptie())
    .option('--json', 'print de uitkomst als JSON: {"gelezen", "nieuw", "alBekend", "fouten": [{"regel", "reden"}]}')
    .option('--strikt', 'één foute regel weigert het hele bestand: niets opgeslagen, exitcode 2')
    .option('--mapping <bestand>', 'JSON-bestand met andere kolomnamen: {"kolommen": {"gesprek_id": "CallID", …}}')
    .action((bestand: string, o: { gemeente: string; json?: boolean; strikt?: boolean; mapping?: string }) =>
      metCliLoket(async (cli) => {
        const inhoud = leesBestand(bestand);
        const kolommen = o.mapping ? leesMapping(o.mapping) : undefined;
        const { geweigerd, ...uitkomst } = await cli.services.kccGesprekken.importeer(cliContext(), o.gemeente, inhoud, { strikt: o.strikt === true, kolommen });
        if (o.json) process.stdout.write(`${JSON.stringify({ gelezen: uitkomst.gelezen, nieuw: uitkomst.nieuw, alBekend: uitkomst.alBekend, fouten: uitkomst.fouten })}\n`);
        else {
          process.stdout.write(`Gelezen: ${uitkomst.gelezen}, nieuw: ${uitkomst.nieuw}, al bekend: ${uitkomst.alBekend}, fouten: ${uitkomst.fouten.length}.\n`);
          for (const f of uitkomst.fouten) process.stdout.write(`Regel ${f.regel}: ${f.reden}\n`);
        }
        if (geweigerd) {
          const kop = uitkomst.gelezen === 0 && uitkomst.fouten[0]?.regel === 1;
          throw new GebruiksFout(
            kop || uitkomst.gelezen === 0
              ? `${bestand} is geweigerd: ${uitkomst.fouten[0]?.reden ?? ''} Er is niets opgeslagen.`
              : `${bestand} is geweigerd: ${uitkomst.fouten.length} van de ${uitkomst.gelezen} regels ${uitkomst.fouten.length === 1 ? 'klopt' : 'kloppen'} niet (--strikt). Er is niets opgeslagen.`,
          );
        }
      }),
    );
  return kcc;
}
