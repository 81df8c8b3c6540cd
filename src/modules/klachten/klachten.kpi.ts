/**
 * The measures of klachten in the KPI register (ADR 0029, ADR 0060): completed within the legal
 * term, resolved informally, gegrond — each over the klachten completed in the period, from the
 * klachten's own state (one query of klachten.repository.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { percentage, type KpiDefinitie, type KpiMaat, type KpiZaak } from '../kpi/kpi.definitie.ts';
import { zakenKpiRepository } from '../zaken/zaken.kpi.repository.ts';
import { klachtenRepository } from './klachten.repository.ts';

const gemeen: Pick<KpiDefinitie, 'periode' | 'eenheid' | 'norm' | 'eigenaar' | 'module' | 'publiek' | 'uitsplitsingen'> = {
  periode: { datum: 'afgesloten', regel: 'De dag waarop de klacht is afgehandeld (Europe/Amsterdam) ligt in de periode.' },
  eenheid: 'procent',
  norm: null,
  eigenaar: 'Concernstaf, klachtcoördinator',
  module: 'klachten',
  publiek: false,
  uitsplitsingen: [],
};

export const KLACHTEN_DEFINITIES = {
  binnenTermijn: {
    ...gemeen,
    code: 'klachten-binnen-wettelijke-termijn',
    versie: 1,
    naam: { nl: 'Klachten afgehandeld binnen de wettelijke termijn', en: 'Complaints handled within the legal term' },
    doel: 'Laten zien of wij klachten op tijd afhandelen, zoals de wet vraagt (Awb 9:11), en leren van klachten (programma Samen besturen, doel 7).',
    teller: 'Afgehandelde klachten waarvan de afhandeling binnen de termijn lag: zes weken na ontvangst, tien met een klachtadviescommissie, plus verdaging (hoogstens vier weken) en uitstel met schriftelijke instemming; bij niet behandelen de vier weken van Awb 9:8 lid 2.',
    noemer: 'Klachten die in de periode zijn afgehandeld (met elke uitkomst).',
    uitsluitingen: ['Klachten die nog open zijn, tellen niet mee.'],
    richting: 'hoger-is-beter',
  },
  informeel: {
    ...gemeen,
    code: 'klachten-informeel-opgelost',
    versie: 1,
    naam: { nl: 'Klachten informeel opgelost', en: 'Complaints resolved informally' },
    doel: 'Laten zien hoe vaak wij een klacht samen met de klager oplossen, zonder formele procedure (Awb 9:5).',
    teller: 'Afgehandelde klachten met de uitkomst informeel opgelost, met vastgelegde instemming van de klager.',
    noemer: 'Klachten die in de periode zijn afgehandeld (met elke uitkomst).',
    uitsluitingen: ['Klachten die nog open zijn, tellen niet mee.'],
    richting: 'hoger-is-beter',
  },
  gegrond: {
    ...gemeen,
    code: 'klachten-gegrond',
    versie: 1,
    naam: { nl: 'Gegronde klachten', en: 'Justified complaints' },
    doel: 'Laten zien hoe vaak een klager gelijk krijgt, om te leren waar ons werk beter kan.',
    teller: 'Klachten met de uitkomst gegrond of deels gegrond.',
    noemer: 'Klachten die in de periode zijn afgehandeld met een oordeel: gegrond, deels gegrond of ongegrond.',
    uitsluitingen: ['Informeel opgeloste en niet behandelde klachten hebben geen oordeel en tellen niet mee.'],
    richting: 'lager-is-beter',
  },
} satisfies Record<string, KpiDefinitie>;

type Telling = 'binnenTermijn' | 'informeel' | 'beoordeeld' | 'gegrond';

/** The klachten measures, on one database. */
export function klachtenKpis(db: Kysely<DB>): KpiMaat[] {
  const repository = klachtenRepository(db);
  const zaken = zakenKpiRepository(db);
  const leeg = 'Er zijn in deze periode geen klachten afgehandeld.';
  /** A measure: its teller and noemer as flags of a completed klacht (noemer null: every completed klacht). */
  const maat = (definitie: KpiDefinitie, teller: Telling, noemer: Telling | null): KpiMaat => ({
    definitie,
    async bereken(v) {
      const t = await repository.afgehandeld(v.gemeente, v.van, v.tot);
      return [percentage(null, t[teller], noemer === null ? t.afgehandeld : t[noemer], leeg)];
    },
    // The drill-down (ADR 0082): the same rows, with what a list shows of each klacht's zaak.
    async zaken(v, kijker) {
      const rijen = (await repository.afgehandeldRijen(v.gemeente, v.van, v.tot)).filter((r) => noemer === null || r[noemer]);
      const gegevens = await zaken.gegevens(v.gemeente, [...new Set(rijen.map((r) => r.zaakId))], kijker);
      return rijen.flatMap((r): KpiZaak[] => {
        const g = gegevens.get(r.zaakId);
        return g ? [{ ...g, zaaktype: r.zaaktype, datum: r.datum, teller: r[teller], waarde: null }] : [];
      });
    },
  });
  return [
    maat(KLACHTEN_DEFINITIES.binnenTermijn, 'binnenTermijn', null),
    maat(KLACHTEN_DEFINITIES.informeel, 'informeel', null),
    maat(KLACHTEN_DEFINITIES.gegrond, 'gegrond', 'beoordeeld'),
  ];
}
