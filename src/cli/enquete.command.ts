import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { utf8OfFouteRegel } from '../csv.ts';
import { weegBestanden, wegingAlsJson, type Bestand, type Weging } from '../modules/enquetes/enquetes.bestanden.ts';
import { WegingBestandFout } from '../modules/enquetes/enquetes.errors.ts';
import { GebruiksFout } from './cli.shared.ts';

/** A file as UTF-8 text; a file that cannot be read or is no UTF-8 is a usage error (exit 2). */
function leesBestand(naam: string): Bestand {
  let bytes: Buffer;
  try {
    bytes = readFileSync(naam);
  } catch {
    throw new GebruiksFout(`kan ${naam} niet lezen`);
  }
  const tekst = utf8OfFouteRegel(bytes);
  if (typeof tekst !== 'string') {
    throw new GebruiksFout(`${naam}, regel ${tekst.fouteRegel}: bevat tekens die geen UTF-8 zijn. Sla het bestand op als UTF-8 (CSV UTF-8) en probeer het opnieuw.`);
  }
  return { naam, tekst };
}

const getal = (x: number, decimalen: number) => x.toLocaleString('nl-NL', { minimumFractionDigits: decimalen, maximumFractionDigits: decimalen });
const procent = (x: number) => `${getal(100 * x, 1)}%`;

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
function tabel(rijen: string[][]): string[] {
  const breedte = (rijen[0] ?? []).map((_, k) => Math.max(...rijen.map((r) => (r[k] ?? '').length)));
  return rijen.map((r) => `  ${r.map((cel, k) => (k === 0 ? cel.padEnd(breedte[k] ?? 0) : cel.padStart(breedte[k] ?? 0))).join('  ')}`.trimEnd());
}

/** The outcome as a readable Dutch text: the weighting, the margins reached, and per question the shares. */
export function wegingAlsTekst(w: Weging, maxGewicht?: number): string {
  const gewichten = w.gewichten.map((g) => g.gewicht);
  const regels = [
    `Gewogen naar ${w.kenmerken.map((k) => k.naam).join(', ')} (raking): ${w.respondenten} respondenten, ${w.iteraties} ${w.iteraties === 1 ? 'iteratie' : 'iteraties'}, ` +
      (w.geconvergeerd
        ? 'geconvergeerd.'
        : `NIET geconvergeerd (grootste afwijking van een marge ${w.grootsteAfwijking.toExponential(1)}${maxGewicht === undefined ? '' : `; kan het met een maximumgewicht van ${getal(maxGewicht, 2)}?`}).`),
    `Effectieve steekproef (Kish): ${getal(w.effectieveSteekproef, 1)}; designeffect ${getal(w.designeffect, 3)}. ` +
      `Gewichten (gemiddeld 1): kleinste ${getal(Math.min(...gewichten), 3)}, grootste ${getal(Math.max(...gewichten), 3)}${maxGewicht === undefined ? '' : ` (maximum ${getal(maxGewicht, 2)})`}.`,
  ];
  for (const k of w.kenmerken) {
    regels.push('', `Kenmerk ${k.naam}`, ...tabel([['Categorie', 'Bevolking', 'Ongewogen', 'Gewogen'], ...k.categorieen.map((c) => [c.categorie, procent(c.marge), procent(c.ongewogen), procent(c.gewogen)])]));
  }
  for (const r of w.resultaten) {
    regels.push('', `Vraag ${r.vraag}: ${r.beantwoord} ${r.beantwoord === 1 ? 'antwoord' : 'antwoorden'}, effectieve steekproef ${getal(r.effectieveSteekproef, 1)}`);
    if (r.antwoorden.length === 0) regels.push('  (niemand heeft deze vraag beantwoord)');
    else
      regels.push(
        ...tabel([
          ['Antwoord', 'Ongewogen', 'Gewogen', '95%-interval'],
          ...r.antwoorden.map((a) => [a.antwoord, procent(a.ongewogen), procent(a.gewogen), `${procent(a.interval[0])} – ${procent(a.interval[1])}`]),
        ]),
      );
  }
  return regels.join('\n');
}

const maxGewichtOptie = () =>
  new Option('--max-gewicht <x>', 'trim: geen gewicht boven x keer het gemiddelde (x > 1, bijvoorbeeld 3); daarna opnieuw wegen').argParser((v: string) => {
    const x = Number(v.replace(',', '.'));
    if (!/^[0-9]+([.,][0-9]+)?$/.test(v) || !(x > 1)) throw new InvalidArgumentError('--max-gewicht is een getal groter dan 1, bijvoorbeeld 3');
    return x;
  });

/** `loket enquete weeg`: weighting by raking without a database (ADR 0038). Exit 2 for a bad file or option. */
export function enqueteCommando(): Command {
  const enquete = new Command('enquete').description('Enquêtes en het inwonerspanel');
  enquete
    .command('weeg')
    .description('Weeg de antwoorden van een enquête naar de bevolking (raking naar marges), zonder database')
    .argument('<antwoorden>', 'CSV (, of ;) met de kolom respondent, een kolom per kenmerk uit de marges en een kolom per vraag (leeg = niet beantwoord)')
    .requiredOption('--marges <bestand>', 'CSV met de kolommen kenmerk,categorie,aandeel (per kenmerk samen 1)')
    .addOption(maxGewichtOptie())
    .option('--json', 'print {"respondenten", "iteraties", "geconvergeerd", "effectieveSteekproef", "designeffect", "gewichten", "resultaten"}')
    .action((antwoorden: string, o: { marges: string; maxGewicht?: number; json?: boolean }) => {
      const a = leesBestand(antwoorden);
      const m = leesBestand(o.marges);
      let w: Weging;
      try {
        w = weegBestanden(a, m, { maxGewicht: o.maxGewicht });
      } catch (error) {
        if (!(error instanceof WegingBestandFout)) throw error;
        for (const f of error.fouten) process.stderr.write(`${f.bestand}, regel ${f.regel}: ${f.reden}\n`);
        throw new GebruiksFout(`niet gewogen: ${error.fouten.length} ${error.fouten.length === 1 ? 'fout' : 'fouten'} in de bestanden.`);
      }
      process.stdout.write(o.json ? `${JSON.stringify(wegingAlsJson(w))}\n` : `${wegingAlsTekst(w, o.maxGewicht)}\n`);
    });
  return enquete;
}
