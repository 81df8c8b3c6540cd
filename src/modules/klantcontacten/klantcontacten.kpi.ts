/**
 * The klantcontacten measures in the KPI register (ADR 0029): each a declaration and one query of
 * klantcontacten.repository.ts, read from the day rollup when it is current (ADR 0066).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DagRollup } from '../kpi/kpi.dagrollup.ts';
import { percentage, type KpiDefinitie, type KpiMaat, type KpiVersheid } from '../kpi/kpi.definitie.ts';
import { klantcontactenRepository } from './klantcontacten.repository.ts';
import { klantcontactenRollupRepository } from './klantcontacten.rollup.repository.ts';

export const KLANTCONTACT_DEFINITIES = {
  eerstelijnsOplossing: {
    code: 'kcc-eerstelijns-oplossing',
    versie: 1,
    naam: { nl: 'Telefoonvragen meteen opgelost', en: 'First-contact resolution (telephone)' },
    doel: 'Laten zien hoeveel inwoners die bellen meteen geholpen zijn, zonder doorverbinden, terugbelverzoek of zaak (programma Samen besturen, project 12: de meeste gesprekken handelt het KCC direct af).',
    teller: 'Telefonische klantcontacten met de uitkomst zelfstandig afgehandeld.',
    noemer: 'Telefonische klantcontacten die in de periode plaatsvonden, met welke uitkomst ook.',
    periode: { datum: 'gebeurtenis', regel: 'Het moment van het contact (Europe/Amsterdam) ligt in de periode.' },
    uitsluitingen: [
      'Alleen kanaal telefoon: contacten aan de balie, per e-mail, chat, brief en sociale media tellen niet.',
      'Een contact telt één keer, met de uitkomst die de medewerker vastlegde.',
      'Gesprekken die niet als klantcontact zijn vastgelegd (opgehangen in de wachtrij, buiten openingstijd) tellen niet; die staan in de gespreksgegevens van de telefooncentrale.',
      'Doorverbonden, een terugbelverzoek, een zaak, verwezen of niet afgehandeld: niet meteen opgelost, ook als het later snel klaar was.',
      'Klantcontacten hebben geen zaaktype: met een filter op zaaktype is de waarde niet bekend.',
    ],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: 'Klantcontactcentrum',
    module: 'klantcontacten',
    publiek: false,
    uitsplitsingen: [],
  },
} satisfies Record<string, KpiDefinitie>;

/** The klantcontacten measures, on one database; with the rollup (ADR 0066) they read it when it is current. */
export function klantcontactenKpis(db: Kysely<DB>, rollup?: DagRollup): KpiMaat[] {
  const repository = klantcontactenRepository(db);
  const emmers = klantcontactenRollupRepository(db);
  return [
    {
      definitie: KLANTCONTACT_DEFINITIES.eerstelijnsOplossing,
      async bereken(v) {
        if (v.zaaktype !== undefined) {
          return [{ groep: null, status: 'niet-bekend', reden: 'Klantcontacten hebben geen zaaktype: deze maat bestaat alleen voor alle contacten samen.', noemer: 0 }];
        }
        let versheid: KpiVersheid = { bron: 'live', reden: null, rollupBijgewerktOp: null, herberekend: [] };
        let telling: { teller: number; noemer: number } | undefined;
        if (rollup) {
          const r = await rollup.lees(v.gemeente, v.van, v.tot, () => emmers.emmers(v.gemeente, 'telefoon', 'zelfstandig-afgehandeld', v.van, v.tot));
          if ('reden' in r) versheid = { ...versheid, reden: r.reden };
          else {
            versheid = r.versheid;
            telling = { teller: r.emmers.reduce((s, e) => s + e.teller, 0), noemer: r.emmers.reduce((s, e) => s + e.noemer, 0) };
          }
        }
        const { teller, noemer } = telling ?? (await repository.aandeelUitkomst(v.gemeente, 'telefoon', 'zelfstandig-afgehandeld', v.van, v.tot));
        return { metingen: [percentage(null, teller, noemer, 'Er zijn in deze periode geen telefonische klantcontacten vastgelegd.')], versheid };
      },
    },
  ];
}
