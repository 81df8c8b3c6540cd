import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { isTaal, vertaler, type Taal } from '../i18n/i18n.ts';
import { cliContext } from '../modules/audit/audit.service.ts';
import type { PcHoofdstuk } from '../modules/planning-control/pc.hoofdstuk.ts';
import { PcImportFout } from '../modules/planning-control/pc.errors.ts';
import { PC_FORMATEN, pcInFormaat, type PcFormaat } from '../modules/planning-control/pc.formaten.ts';
import { slugVan } from '../modules/planning-control/pc.analyse.ts';
import { documentVan, isDocument, leesDocument } from '../modules/planning-control/pc.document.ts';
import { pcRegister } from '../modules/planning-control/pc.register.ts';
import { PC_DOCUMENTSOORTEN, type PcDocumentsoort } from '../modules/planning-control/pc.schemas.ts';
import { gemeenteThemaSchema } from '../modules/portaal/portaal.schemas.ts';
import { GebruiksFout, gemeenteOptie, metCliDatabase } from './cli.shared.ts';

/** A problem with the input or the gemeente: exit 1 with one line (`loket: …`), nothing stored. */
class PcCliFout extends Error {}

const soortOptie = (): Option =>
  new Option('--soort <soort>', `documentsoort: ${PC_DOCUMENTSOORTEN.join(', ')} (begroting = programmabegroting)`).argParser((v: string) => {
    const soort = v === 'begroting' ? 'programmabegroting' : v;
    if (!(PC_DOCUMENTSOORTEN as readonly string[]).includes(soort)) throw new InvalidArgumentError(`kies uit ${PC_DOCUMENTSOORTEN.join(', ')}`);
    return soort;
  });

const geheelGetal = (naam: string, min: number, max: number) => (v: string) => {
  if (!/^[0-9]+$/.test(v) || Number(v) < min || Number(v) > max) throw new InvalidArgumentError(`${naam} is een getal van ${min} tot ${max}`);
  return Number(v);
};

function lees(bestand: string): string {
  try {
    return readFileSync(bestand, 'utf8');
  } catch {
    throw new GebruiksFout(`kan ${bestand} niet lezen`);
  }
}

async function bestaandeGemeente(pc: ReturnType<typeof pcRegister>, code: string) {
  const gemeente = await pc.gemeenten.opCode(code);
  if (!gemeente) throw new PcCliFout(`gemeente ${code} bestaat niet in deze installatie (voeg haar toe met loket gemeente toevoegen)`);
  return gemeente;
}

export function pcCommando(): Command {
  const pc = new Command('pc').description('Planning en control: programmabegroting, voorjaarsnota en jaarstukken');

  pc.command('import')
    .description('Lees een hoofdstuk of een heel document met meerdere programma\'s (platte tekst, of JSON met --json) en sla het op als nieuwe conceptversie; print het resultaat als JSON')
    .argument('<bestand>', 'tekst van een gepubliceerd programmahoofdstuk of een hele begroting/jaarstukken (.txt), of JSON van loket pc export')
    .addOption(gemeenteOptie())
    .option('--json', 'het bestand is JSON: één hoofdstuk, een document {document, programmas} of een lijst hoofdstukken van hetzelfde document')
    .addOption(soortOptie())
    .option('--naam <naam>', 'naam van de nieuwe versie, bijvoorbeeld "Begrotingswijziging 1"')
    .action((bestand: string, o: { gemeente: string; json?: boolean; soort?: PcDocumentsoort; naam?: string }) =>
      // No job queue: only the database and the register (ADR 0035).
      metCliDatabase(async (cli) => {
        const tekst = lees(bestand);
        const pc = pcRegister(cli);
        await bestaandeGemeente(pc, o.gemeente);
        let hoofdstukken: unknown[];
        let document = false;
        let waarschuwingen: PcHoofdstuk['waarschuwingen'] = [];
        if (o.json) {
          let data: unknown;
          try {
            data = JSON.parse(tekst);
          } catch (error) {
            throw new PcCliFout(`${bestand} is geen JSON: ${error instanceof Error ? error.message : String(error)}`);
          }
          const programmas = isDocument(data) ? data.programmas : null;
          document = Array.isArray(data) || programmas !== null;
          hoofdstukken = programmas ?? (Array.isArray(data) ? data : [data]);
        } else {
          try {
            hoofdstukken = leesDocument(tekst, { gemeente: o.gemeente, bestandsnaam: basename(bestand) }).hoofdstukken;
          } catch (error) {
            if (error instanceof PcImportFout) throw new PcCliFout(`regel ${error.regel}: ${error.reden}`);
            throw error;
          }
          document = hoofdstukken.length > 1;
          waarschuwingen = (hoofdstukken as PcHoofdstuk[]).flatMap((h) => h.waarschuwingen);
        }
        const versie = await pc.service.importeer(cliContext(), o.gemeente, hoofdstukken, { soort: o.soort, naam: o.naam });
        // What was stored, read back: the same shape the export writes.
        // (only the imported chapter when there is one: the version's other programmes are not read again)
        const [enkel, ...meer] = hoofdstukken as PcHoofdstuk[];
        const alleen = enkel && meer.length === 0 ? { programma: slugVan(enkel.programma) } : {};
        const opgeslagen = await pc.service.export(o.gemeente, { soort: versie.soort, jaar: versie.jaar, volgnummer: versie.volgnummer, ...alleen });
        // in the order of the input (the version keeps the places programmes had in earlier versions)
        const geimporteerd = hoofdstukken.flatMap((h) => opgeslagen.filter((p) => p.hoofdstuk.programma === (h as PcHoofdstuk).programma));
        const uit = document ? documentVan(geimporteerd) : geimporteerd[0]?.hoofdstuk;
        process.stdout.write(`${JSON.stringify(uit, null, 2)}\n`);
        process.stderr.write(`Opgeslagen als versie ${versie.volgnummer} (concept) van ${versie.soort} ${versie.jaar}${document ? ` (${geimporteerd.length} programma's)` : ''}.\n`);
        // Lines the reader did not place, or that contradict something: counted here, listed in the JSON.
        const [eerste] = waarschuwingen;
        if (eerste) {
          const aantal = waarschuwingen.length === 1 ? '1 waarschuwing' : `${waarschuwingen.length} waarschuwingen`;
          process.stderr.write(`${aantal} (zie "waarschuwingen" in de JSON), de eerste: regel ${eerste.regel}: ${eerste.reden ?? eerste.tekst}\n`);
        }
      }),
    );

  pc.command('export')
    .description('Schrijf een opgeslagen hoofdstuk (of alle hoofdstukken van een versie) als JSON, CSV, HTML of PDF')
    .addOption(gemeenteOptie())
    .addOption(new Option('--jaar <jaar>', 'jaar van het document').makeOptionMandatory().argParser(geheelGetal('het jaar', 1900, 2200)))
    .addOption(soortOptie().makeOptionMandatory())
    .option('--programma <slug>', 'alleen dit programma, bijvoorbeeld samen-besturen')
    .addOption(new Option('--versie <nummer>', 'volgnummer van de versie (standaard de laatste)').argParser(geheelGetal('de versie', 1, 100_000)))
    .addOption(new Option('--format <format>', 'json, csv, html of pdf').choices(PC_FORMATEN).default('json'))
    .addOption(new Option('--taal <taal>', 'taal van html en pdf').choices(['nl', 'en']).default('nl'))
    .option('--uit <bestand>', 'schrijf naar dit bestand in plaats van naar stdout')
    .action((o: { gemeente: string; jaar: number; soort: PcDocumentsoort; programma?: string; versie?: number; format: PcFormaat; taal: string; uit?: string }) =>
      metCliDatabase(async (cli) => {
        const pc = pcRegister(cli);
        const gemeente = await bestaandeGemeente(pc, o.gemeente);
        const taal: Taal = isTaal(o.taal) ? o.taal : 'nl';
        const programmas = await pc.service.export(o.gemeente, { soort: o.soort, jaar: o.jaar, volgnummer: o.versie, programma: o.programma });
        if ((o.format === 'html' || o.format === 'pdf') && programmas.length !== 1) throw new GebruiksFout(`kies één programma met --programma voor ${o.format} (${programmas.map((p) => p.slug).join(', ')})`);
        const thema = gemeenteThemaSchema.safeParse(gemeente.thema);
        const ctx = {
          taal,
          t: vertaler(taal, 'portaal'),
          tp: vertaler(taal, 'planning-control'),
          gemeente: { naam: gemeente.naam, slug: gemeente.slug, thema: thema.success ? thema.data : {} },
          themaUrl: `/static/thema/${gemeente.slug}.css`,
          pagina: undefined,
          stylesheet: '/static/pc.css',
        };
        const [eerste] = programmas;
        // JSON of a whole version: the document shape that `loket pc import --json` reads back.
        const uit = o.format === 'json' && !o.programma ? `${JSON.stringify(documentVan(programmas), null, 2)}\n` : await pcInFormaat(o.format, o.programma && eerste ? eerste : programmas, ctx);
        if (o.uit) writeFileSync(o.uit, uit);
        else process.stdout.write(uit);
      }),
    );
  return pc;
}
