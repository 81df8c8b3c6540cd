import { Command } from 'commander';
import { ProblemError } from '../http/problem.ts';
import { bezwaarUitkomst, dwangsomUitkomst, klachtUitkomst, leesBezwaarVraag, type BezwaarUitkomst, type DwangsomUitkomst, type KlachtUitkomst } from '../modules/bezwaar/bezwaar.service.ts';
import { kalenderdag } from '../modules/termijnen/kalender.ts';
import { GebruiksFout, toon } from './cli.shared.ts';

// Pure computations: no database is opened (like `loket termijn` without --gemeente).

/** A checked question, or a GebruiksFout (exit 2) with every reason on one line. */
function gebruik<T>(lees: () => T): T {
  try {
    return lees();
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    throw new GebruiksFout((error.invalidParams ?? []).map((p) => `${p.name}: ${p.reason}`).join(' '));
  }
}

/** Required arguments are checked here, so a missing one gets a Dutch message (exit 2) like every other mistake. */
function verplicht(gebruikt: string, waarden: Record<string, string | undefined>, volledig = `loket bezwaar ${gebruikt}`): void {
  const ontbreekt = Object.entries(waarden)
    .filter(([, waarde]) => waarde === undefined)
    .map(([naam]) => `<${naam}>`);
  if (ontbreekt.length > 0) throw new GebruiksFout(`${ontbreekt.join(' en ')} ${ontbreekt.length === 1 ? 'ontbreekt' : 'ontbreken'}. Gebruik: ${volledig}`);
}

/** The explanation per term in Dutch; the last line is the beslistermijnEinde alone. */
export function bezwaarUitleg(t: BezwaarUitkomst): string {
  const regels = t.uitleg.map((stap) => `${stap.artikel}: ${stap.tekst}`);
  regels.push(`Laatste dag van de bezwaartermijn: ${t.bezwaartermijnEinde}.`);
  if (t.premature) regels.push('Let op: voorbarig ingediend, vóór de bezwaartermijn begon (Awb 6:10). Dat is geen fout; beoordeel of het besluit toen al tot stand was gekomen.');
  if (t.tijdigPerPost) regels.push('Op tijd: per post vóór het einde van de termijn verzonden en binnen een week daarna ontvangen (Awb 6:9 lid 2).');
  else if (t.tijdig) regels.push('Het bezwaarschrift is op tijd ingediend (Awb 6:9).');
  if (t.laat) regels.push('Let op: te laat ingediend (Awb 6:11). Of de termijnoverschrijding verschoonbaar is, beoordeelt en noteert de behandelaar.');
  regels.push(`Laatste dag om te beslissen: ${t.beslistermijnEinde}.`, t.beslistermijnEinde);
  return regels.join('\n');
}

/** The explanation in Dutch; the last line is the amount owed so far, in euros. */
export function dwangsomUitleg(d: DwangsomUitkomst): string {
  const regels = d.uitleg.map((stap) => `${stap.artikel}: ${stap.tekst}`);
  if (d.dagenTotStart !== null) regels.push(`Let op: de dwangsom begint over ${d.dagenTotStart} ${d.dagenTotStart === 1 ? 'dag' : 'dagen'} (${d.eersteDag}) als er dan nog niet is beslist.`);
  regels.push(String(d.bedrag));
  return regels.join('\n');
}

/** The explanation per term; the last line is the afhandeltermijnEinde alone. */
export function klachtUitleg(k: KlachtUitkomst): string {
  const regels = k.uitleg.map((stap) => `${stap.artikel}: ${stap.tekst}`);
  regels.push(`Niet behandelen melden uiterlijk: ${k.nietBehandelenMeldenUiterlijk}.`, `Laatste dag om af te handelen: ${k.afhandeltermijnEinde}.`, k.afhandeltermijnEinde);
  return regels.join('\n');
}

export function klachtCommando(): Command {
  const klacht = new Command('klacht').description('Termijnen van een klacht (Awb titel 9.1); opent geen database');
  klacht
    .command('termijnen')
    .description('Afhandeltermijn (9:11) en de termijn om te melden dat een klacht niet wordt behandeld (9:8)')
    .usage('<ontvangen> [opties]')
    .argument('[ontvangen]', 'dag van ontvangst van het klaagschrift, JJJJ-MM-DD (niet na vandaag)')
    .option('--commissie', 'een klachtadviescommissie behandelt de klacht: 10 in plaats van 6 weken')
    .option('--verdaagd', 'de afhandeling is verdaagd met vier weken (Awb 9:11 lid 2)')
    .option('--json', 'uitvoer als JSON, met de uitleg per termijn')
    .action((ontvangen: string | undefined, o: { commissie?: boolean; verdaagd?: boolean; json?: boolean }) => {
      verplicht('', { ontvangen }, 'loket klacht termijnen <ontvangen> [--commissie] [--verdaagd] [--json]');
      const uitkomst = gebruik(() => klachtUitkomst({ ontvangen: ontvangen ?? '', commissie: o.commissie, verdaagd: o.verdaagd }, kalenderdag(new Date())));
      toon(o.json === true, uitkomst, klachtUitleg(uitkomst));
    });
  return klacht;
}

export function bezwaarCommando(): Command {
  const bezwaar = new Command('bezwaar').description('Termijnen van bezwaar en dwangsom bij niet tijdig beslissen (Awb); opent geen database');

  bezwaar
    .command('termijnen')
    .description('Bezwaartermijn, tijdigheid en beslistermijn van een bezwaarschrift (Awb 6:7–6:11, 7:10)')
    .usage('<bekendmaking> <ontvangen> [opties]')
    .argument('[bekendmaking]', 'dag van bekendmaking van het besluit, JJJJ-MM-DD (niet na vandaag)')
    .argument('[ontvangen]', 'dag van ontvangst van het bezwaarschrift, JJJJ-MM-DD')
    .option('--verzonden <datum>', 'poststempel, bij verzending per post (Awb 6:9 lid 2)')
    .option('--commissie', 'een adviescommissie wordt ingeschakeld en dat is aangekondigd: 12 in plaats van 6 weken')
    .option('--verdaagd', 'de beslissing is verdaagd met zes weken (Awb 7:10 lid 3)')
    .option('--herstel-verzocht <datum>', 'dag waarop om herstel van een verzuim is gevraagd (Awb 6:6, 7:10 lid 2)')
    .option('--hersteld <datum>', 'dag waarop het verzuim is hersteld (zonder: nog open, geteld tot vandaag)')
    .option('--json', 'uitvoer als JSON, met de uitleg per termijn')
    .action((bekendmaking: string | undefined, ontvangen: string | undefined, o: { verzonden?: string; commissie?: boolean; verdaagd?: boolean; herstelVerzocht?: string; hersteld?: string; json?: boolean }) => {
      verplicht('termijnen <bekendmaking> <ontvangen> [--verzonden <datum>] [--commissie] [--verdaagd] [--json]', { bekendmaking, ontvangen });
      const vraag = { bekendmaking: bekendmaking ?? '', ontvangen: ontvangen ?? '', verzonden: o.verzonden, commissie: o.commissie, verdaagd: o.verdaagd, herstelVerzocht: o.herstelVerzocht, hersteld: o.hersteld };
      const invoer = gebruik(() => leesBezwaarVraag(vraag, kalenderdag(new Date())));
      const uitkomst = bezwaarUitkomst(invoer);
      toon(o.json === true, uitkomst, bezwaarUitleg(uitkomst));
    });

  bezwaar
    .command('dwangsom')
    .description('Vanaf wanneer en hoeveel dwangsom bij niet tijdig beslissen (Awb 4:17, 4:18)')
    .usage('<beslistermijnEinde> <ingebrekestelling> [opties]')
    .argument('[beslistermijnEinde]', 'laatste dag van de beslistermijn, JJJJ-MM-DD')
    .argument('[ingebrekestelling]', 'dag van ontvangst van de schriftelijke ingebrekestelling, JJJJ-MM-DD')
    .option('--beslist <datum>', 'dag waarop is beslist (zonder: geteld tot en met vandaag)')
    .option('--json', 'uitvoer als JSON, met de uitleg')
    .action((beslistermijnEinde: string | undefined, ingebrekestelling: string | undefined, o: { beslist?: string; json?: boolean }) => {
      verplicht('dwangsom <beslistermijnEinde> <ingebrekestelling> [--beslist <datum>] [--json]', { beslistermijnEinde, ingebrekestelling });
      const uitkomst = gebruik(() => dwangsomUitkomst({ beslistermijnEinde: beslistermijnEinde ?? '', ingebrekestelling: ingebrekestelling ?? '', beslist: o.beslist }, kalenderdag(new Date())));
      toon(o.json === true, uitkomst, dwangsomUitleg(uitkomst));
    });

  return bezwaar;
}
