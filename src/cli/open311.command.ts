import { Command, InvalidArgumentError } from 'commander';
import { cliContext } from '../modules/audit/audit.service.ts';
import { GebruiksFout, metCliLoket } from './cli.shared.ts';

/** `--verloopt`: a last day (YYYY-MM-DD; the key works until 00:00 UTC after it) or an instant with an offset. */
function verloopt(waarde: string): string {
  const moment = /^\d{4}-\d{2}-\d{2}$/.test(waarde) ? new Date(Date.parse(`${waarde}T00:00:00Z`) + 24 * 60 * 60 * 1000) : /T.*(Z|[+-]\d{2}:\d{2})$/.test(waarde) ? new Date(waarde) : undefined;
  if (!moment || Number.isNaN(moment.getTime())) throw new InvalidArgumentError('geef een datum (JJJJ-MM-DD, de sleutel werkt die hele dag nog) of een tijdstip met tijdzone (2027-01-31T23:59:59Z)');
  return moment.toISOString();
}

/**
 * `loket open311 sleutel <gemeente-domein> <naam> [--verloopt <datum>]`: an API key for an
 * Open311 client (ADR 0041), through the same service as the staff API. The key is printed alone
 * on the last line of stdout, so a script can take it with `tail -n 1`; it is shown only now.
 */
export function open311Commando(): Command {
  const open311 = new Command('open311').description('Open311 GeoReport v2 (meldingen openbare ruimte)');
  open311
    .command('sleutel')
    .description('Maak een api_key voor een Open311-client van een gemeente (bijvoorbeeld FixMyStreet); zonder --verloopt verloopt hij niet')
    .argument('<gemeente-domein>', 'het domein van de gemeente (jurisdiction_id), bijvoorbeeld diemen.nl')
    .argument('<naam>', 'naam van de client, bijvoorbeeld FixMyStreet')
    .option('--verloopt <datum>', 'laatste dag (JJJJ-MM-DD) of tijdstip met tijdzone', verloopt)
    .action((domein: string, naam: string, o: { verloopt?: string }) =>
      metCliLoket(async (cli) => {
        const gemeente = await cli.services.gemeenten.opDomein(domein);
        if (!gemeente) throw new GebruiksFout(`geen gemeente met het domein ${domein} (zie loket gemeente toevoegen --domein)`);
        const schoon = naam.trim();
        if (schoon === '' || schoon.length > 100) throw new GebruiksFout('geef een naam van 1 tot 100 tekens');
        const sleutel = await cli.services.open311Sleutels.maak(cliContext(), gemeente.code, { naam: schoon, verlooptOp: o.verloopt ?? null });
        process.stdout.write(`Open311-sleutel voor ${schoon} bij ${gemeente.naam} (jurisdiction_id ${gemeente.domein ?? domein}), ${sleutel.verlooptOp ? `verloopt op ${sleutel.verlooptOp}` : 'verloopt niet'}. Hij is alleen nu te zien:\n${sleutel.sleutel}\n`);
      }),
    );
  return open311;
}
