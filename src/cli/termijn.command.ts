import { Command } from 'commander';
import { ProblemError } from '../http/problem.ts';
import { leesTermijnInvoer, termijnUitkomst, type TermijnUitkomst } from '../modules/termijnen/termijnen.service.ts';
import { leesDuur, type VrijeDag } from '../modules/termijnen/kalender.ts';
import { GebruiksFout, gemeenteOptie, metCliLoket, toon } from './cli.shared.ts';

const LANG = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dag = (datum: string) => `${LANG.format(new Date(`${datum}T00:00:00Z`))} (${datum})`;

const EENHEID = { dagen: ['dag', 'dagen'], weken: ['week', 'weken'], maanden: ['maand', 'maanden'], werkdagen: ['werkdag', 'werkdagen'] } as const;

function reden(vrij: VrijeDag): string {
  if (vrij.reden === 'feestdag') return `feestdag (${vrij.naam})`;
  if (vrij.reden === 'sluitingsdag') return `sluitingsdag van de gemeente (${vrij.naam})`;
  return 'weekend';
}

/** A few lines in Dutch that explain the outcome; the last line is the end date alone. */
export function uitleg(t: TermijnUitkomst): string {
  const duur = leesDuur(t.duur);
  const [een, meer] = EENHEID[duur.soort];
  const regels = [
    `${t.soort === 'wettelijk' ? 'Wettelijke termijn' : 'Servicenorm'} van ${duur.aantal} ${duur.aantal === 1 ? een : meer} na ${dag(t.startdatum)}${t.gemeente ? `, gemeente ${t.gemeente}` : ''}.`,
    t.regel,
  ];
  if (t.soort === 'wettelijk') {
    regels.push(`Zonder de Algemene termijnenwet zou de termijn eindigen op ${dag(t.kalendereinde ?? t.einddatum)}.`);
    for (const vrij of t.verschoven) regels.push(`  Verschoven voorbij ${dag(vrij.datum)}: ${reden(vrij)}.`);
  } else {
    if (!t.gemeente) regels.push('Zonder --gemeente tellen geen sluitingsdagen mee.');
    for (const vrij of t.verschoven) regels.push(`  Overgeslagen: ${dag(vrij.datum)}, ${reden(vrij)}.`);
  }
  regels.push(`Laatste dag van de termijn: ${dag(t.einddatum)}.`, t.einddatum);
  return regels.join('\n');
}

function gemeente() {
  const optie = gemeenteOptie().makeOptionMandatory(false);
  optie.description = 'tel bij werkdagen de sluitingsdagen van deze gemeente mee, bijvoorbeeld GM0384 (opent de database)';
  return optie;
}

export function termijnCommando(): Command {
  return new Command('termijn')
    .description('Bereken de laatste dag van een termijn (Algemene termijnenwet, of werkdagen met de sluitingsdagen van een gemeente)')
    .argument('<startdatum>', 'dag van de gebeurtenis (ontvangst, bekendmaking), JJJJ-MM-DD; de termijn begint de dag erna')
    .argument('<duur>', 'P<n>D, P<n>W of P<n>M (wettelijke termijn) of <n>wd (werkdagen), bijvoorbeeld P6W of 5wd')
    .addOption(gemeente())
    .option('--json', 'uitvoer als JSON (met elke verschoven of overgeslagen dag en de reden)')
    .action(async (startdatum: string, duurTekst: string, o: { gemeente?: string; json?: boolean }) => {
      let invoer: ReturnType<typeof leesTermijnInvoer>;
      try {
        invoer = leesTermijnInvoer({ startdatum, duur: duurTekst });
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        throw new GebruiksFout((error.invalidParams ?? []).map((p) => `${p.name}: ${p.reason}`).join(' '));
      }
      // Without a gemeente no closure days apply: pure computation, no database.
      const uitkomst = o.gemeente
        ? await metCliLoket((cli) => cli.services.termijnen.bereken({ startdatum, duur: duurTekst, gemeente: o.gemeente }))
        : termijnUitkomst(invoer.startdatum, invoer.duur);
      toon(o.json === true, uitkomst, uitleg(uitkomst));
    });
}
