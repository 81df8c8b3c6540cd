import { Command } from 'commander';
import { ProblemError } from '../http/problem.ts';
import type { KpiDefinitie } from '../modules/kpi/kpi.definitie.ts';
import type { KpiWaarde } from '../modules/kpi/kpi.service.ts';
import { GebruiksFout, gemeenteOptie, metCliLoket, toon } from './cli.shared.ts';

const getal = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });

function eenheid(d: Pick<KpiDefinitie, 'eenheid'>, n: number): string {
  if (d.eenheid === 'procent') return `${getal(n)}%`;
  if (d.eenheid === 'werkdagen') return `${getal(n)} ${n === 1 ? 'werkdag' : 'werkdagen'}`;
  if (d.eenheid === 'seconden') return `${getal(n)} ${n === 1 ? 'seconde' : 'seconden'}`;
  if (d.eenheid === 'euro') return `€ ${getal(n)}`;
  return getal(n);
}

/** The value in a few Dutch lines. */
export function uitleg(w: KpiWaarde): string {
  const d = w.definitie;
  const regels = [
    `${d.naam.nl} (${d.code}, versie ${d.versie})`,
    `Gemeente ${w.gemeente}, ${w.periode.van} tot en met ${w.periode.tot}${w.zaaktype ? `, zaaktype ${w.zaaktype}` : ''}${w.wachtrij ? `, wachtrij ${w.wachtrij}` : ''}${w.team ? `, team ${w.team}` : ''}${w.peildatum ? `, stand op ${w.peildatum}` : ''}${w.voorlopig ? ' (voorlopig: de periode loopt nog)' : ''}.`,
  ];
  if (w.status === 'bekend' && w.waarde !== null) {
    const [een, meer] = d.module === 'kcc' ? ['gesprek', 'gesprekken'] : ['zaak', 'zaken'];
    const breuk = w.teller !== null ? ` (${w.teller} van ${w.noemer})` : ` (${w.noemer} ${w.noemer === 1 ? een : meer})`;
    regels.push(`Waarde: ${eenheid(d, w.waarde)}${d.eenheid === 'aantal' ? '' : breuk}${w.inBehandeling ? `; ${w.inBehandeling} nog in behandeling` : ''}.`);
  } else {
    regels.push(`Waarde: niet bekend. ${w.reden ?? ''}`.trimEnd());
  }
  if (w.norm) regels.push(`Norm: ${eenheid(d, w.norm.waarde)} (${w.norm.bron})${w.normGehaald === null ? '' : w.normGehaald ? ', gehaald' : ', niet gehaald'}.`);
  if (d.teller) regels.push(`Teller: ${d.teller}`);
  regels.push(`Noemer: ${d.noemer}`, `Periode: ${d.periode.regel}`, ...d.uitsluitingen.map((u) => `  - ${u}`));
  for (const u of w.uitsplitsing ?? []) regels.push(`  ${u.zaaktype ?? u.wachtrij ?? u.team ?? ''}: ${u.waarde === null ? `niet bekend (${u.reden ?? ''})` : eenheid(d, u.waarde)}${u.teller === null ? '' : ` (${u.teller} van ${u.noemer})`}`);
  return regels.join('\n');
}

export function kpiCommando(): Command {
  const gemeente = gemeenteOptie().makeOptionMandatory(false);
  return new Command('kpi')
    .description('Een KPI over een periode, nu berekend uit de gegevens (of: loket kpi lijst)')
    .argument('<code>', 'de code van de KPI, bijvoorbeeld email-binnen-5-werkdagen; "lijst" toont alle definities')
    .addOption(gemeente)
    .option('--periode <periode>', 'JJJJ, JJJJ-Qn, JJJJ-MM, JJJJ-Www of JJJJ-MM-DD')
    .option('--zaaktype <code>', 'alleen zaken van dit zaaktype')
    .option('--per-zaaktype', 'ook een waarde per zaaktype')
    .option('--wachtrij <naam>', 'alleen gesprekken in deze wachtrij (KCC-maten van de telefonie)')
    .option('--per-wachtrij', 'ook een waarde per wachtrij (KCC-maten van de telefonie)')
    .option('--team <id>', 'alleen het werk van dit team (maten met de uitsplitsing team)')
    .option('--per-team', 'ook een waarde per team (maten met de uitsplitsing team)')
    .option('--json', 'uitvoer als JSON')
    .action(async (code: string, o: { gemeente?: string; periode?: string; zaaktype?: string; perZaaktype?: boolean; wachtrij?: string; perWachtrij?: boolean; team?: string; perTeam?: boolean; json?: boolean }) => {
      if (code === 'lijst') {
        const definities = await metCliLoket((cli) => cli.services.kpi.definities());
        toon(o.json === true, definities, definities.map((d) => `${d.code} (versie ${d.versie}): ${d.naam.nl}`).join('\n'));
        return;
      }
      if (!o.gemeente) throw new GebruiksFout('geef --gemeente, bijvoorbeeld --gemeente GM0384');
      if (!o.periode) throw new GebruiksFout('geef --periode, bijvoorbeeld --periode 2026-Q1');
      const { gemeente: g, periode, zaaktype, wachtrij, team } = o;
      if ([o.perZaaktype, o.perWachtrij, o.perTeam].filter(Boolean).length > 1) throw new GebruiksFout('kies één van --per-zaaktype, --per-wachtrij en --per-team');
      const waarde = await metCliLoket(async (cli) => {
        if (!(await cli.services.gemeenten.opCode(g))) throw new GebruiksFout(`gemeente ${g} bestaat niet in deze installatie`);
        try {
          return await cli.services.kpi.waarde(g, code, { periode, zaaktype, wachtrij, team, uitsplitsing: o.perZaaktype ? 'zaaktype' : o.perWachtrij ? 'wachtrij' : o.perTeam ? 'team' : undefined }, '');
        } catch (error) {
          if (!(error instanceof ProblemError) || error.status >= 500) throw error;
          throw new GebruiksFout((error.invalidParams ?? []).map((p) => `${p.name.replace('periodeVan', 'periode')}: ${p.reason}`).join(' ') || (error.detail ?? error.title));
        }
      });
      toon(o.json === true, waarde, uitleg(waarde));
    });
}
