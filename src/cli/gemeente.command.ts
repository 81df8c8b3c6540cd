import { Command, InvalidArgumentError, Option } from 'commander';
import { cliContext } from '../modules/audit/audit.service.ts';
import { metCliLoket, toon } from './cli.shared.ts';

/** First path segments Loket itself uses: a gemeente with such a slug could never be reached. */
const GERESERVEERDE_SLUGS = ['api', 'api-docs', 'health', 'static', 'medewerkers', 'en', 'open311'];

export function gemeenteCommando(): Command {
  const gemeente = new Command('gemeente').description('Gemeenten van deze installatie');
  gemeente
    .command('toevoegen')
    .description('Voeg een gemeente toe (of werk haar naam, slug en domein bij)')
    .addOption(
      new Option('--code <code>', 'CBS-gemeentecode, bijvoorbeeld GM0384').makeOptionMandatory().argParser((v: string) => {
        if (!/^GM[0-9]{4}$/.test(v)) throw new InvalidArgumentError('een gemeentecode is GM met vier cijfers, bijvoorbeeld GM0384');
        return v;
      }),
    )
    .requiredOption('--naam <naam>', 'naam, bijvoorbeeld Diemen')
    .addOption(
      new Option('--slug <slug>', 'deel van het webadres, bijvoorbeeld diemen').makeOptionMandatory().argParser((v: string) => {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v)) throw new InvalidArgumentError('een slug heeft alleen kleine letters, cijfers en streepjes');
        if (GERESERVEERDE_SLUGS.includes(v)) throw new InvalidArgumentError(`${v} is al een vast adres van Loket; kies een andere slug`);
        return v;
      }),
    )
    .option('--domein <domein>', 'domein van de gemeente, bijvoorbeeld diemen.nl')
    .option('--json', 'uitvoer als JSON')
    .action((o: { code: string; naam: string; slug: string; domein?: string; json?: boolean }) =>
      metCliLoket(async (cli) => {
        const bestaand = await cli.services.gemeenten.opCode(o.code);
        const anderMetSlug = await cli.services.gemeenten.opSlug(o.slug);
        if (anderMetSlug && anderMetSlug.code !== o.code) throw new Error(`de slug ${o.slug} is al van ${anderMetSlug.naam}`);
        // The domain is Open311's jurisdiction_id: one gemeente per domain (ADR 0041).
        const anderMetDomein = o.domein ? await cli.services.gemeenten.opDomein(o.domein) : undefined;
        if (anderMetDomein && anderMetDomein.code !== o.code) throw new Error(`het domein ${o.domein} is al van ${anderMetDomein.naam}`);
        const nieuw = await cli.services.gemeenten.bewaar({ code: o.code, naam: o.naam, slug: o.slug, domein: o.domein ?? null, thema: bestaand?.thema ?? {} });
        await cli.services.audit.log(cliContext(), { gemeente: o.code, actie: nieuw ? 'gemeente-toevoegen' : 'gemeente-wijzigen', objectType: 'gemeente', objectId: o.code });
        toon(Boolean(o.json), { code: o.code, naam: o.naam, slug: o.slug, nieuw }, `${nieuw ? 'Toegevoegd' : 'Bijgewerkt'}: ${o.code} ${o.naam} (/${o.slug}/)`);
      }),
    );
  return gemeente;
}
