import { Command } from 'commander';
import { ProblemError } from '../http/problem.ts';
import { leesTermijnInvoer, termijnUitkomst, type TermijnUitkomst } from '../modules/termijnen/termijnen.service.ts';
import { leesDuur, type VrijeDag } from '../modules/termijnen/kalender.ts';
import { GebruiksFout, gemeenteOptie, metCliLoket, toon } from './cli.shared.ts';
import { DataDirInGebruik } from './data-dir-lock.ts';

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

/**
 * With a gemeente: its closure days come from the database. When a running Loket holds the
 * embedded database, that server is asked instead (GET /api/v1/termijnen, the same computation).
 */
async function metGemeente(startdatum: string, duur: string, gemeente: string): Promise<TermijnUitkomst> {
  try {
    return await metCliLoket((cli) => cli.services.termijnen.bereken({ startdatum, duur, gemeente }));
  } catch (error) {
    if (!(error instanceof DataDirInGebruik) || !error.adres) throw error;
    const antwoord = await fetch(`${error.adres}/api/v1/termijnen?${new URLSearchParams({ startdatum, duur, gemeente })}`);
    const inhoud = (await antwoord.json()) as TermijnUitkomst & { detail?: string; invalidParams?: { name: string; reason: string }[] };
    if (antwoord.ok) return inhoud;
    const reden = inhoud.invalidParams?.map((p) => `${p.name.replace(/^query\./, '')}: ${p.reason}`).join(' ') ?? inhoud.detail ?? `HTTP ${antwoord.status}`;
    throw new Error(reden, { cause: error });
  }
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
      const uitkomst = o.gemeente ? await metGemeente(startdatum, duurTekst, o.gemeente) : termijnUitkomst(invoer.startdatum, invoer.duur);
      toon(o.json === true, uitkomst, uitleg(uitkomst));
    });
}
