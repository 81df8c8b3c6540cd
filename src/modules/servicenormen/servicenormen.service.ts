import type { Klok } from '../../klok.ts';
import type { KpiDefinitie } from '../kpi/kpi.definitie.ts';
import { leesPeriode, type Periode } from '../kpi/kpi.periode.ts';
import type { KpiService, KpiWaarde } from '../kpi/kpi.service.ts';
import { kalenderdag, plusDagen, plusMaanden } from '../termijnen/kalender.ts';
import type { ZaaktypeTermijn, ZaaktypenRepository } from '../zaaktypen/zaaktypen.repository.ts';

/** One public measure with its values over the last whole month, the last whole quarter and the last twelve whole months. */
export interface ServicenormKpi {
  definitie: KpiDefinitie;
  maand: KpiWaarde;
  kwartaal: KpiWaarde;
  jaar: KpiWaarde;
}

/** The three periods of the page, in the order of its columns. */
export const PERIODEN = ['maand', 'kwartaal', 'jaar'] as const;
export type PeriodeSoort = (typeof PERIODEN)[number];

/** Everything the public servicenormen page of one gemeente shows. */
export interface Servicenormen {
  /** Today in Europe/Amsterdam. */
  vandaag: string;
  /** The last whole calendar month before today. */
  maand: Periode;
  /** The last whole calendar quarter before today, with its name in the KPI register's notation (`2025-Q4`). */
  kwartaal: Periode & { naam: string };
  /** The twelve whole calendar months that end with `maand`. */
  jaar: Periode;
  /** Per zaaktype the published version in force today: the term and how it may change. */
  producten: ZaaktypeTermijn[];
  /** The public measures of the KPI register, in the order the modules declare them. */
  kpis: ServicenormKpi[];
}

/**
 * The last whole month before `vandaag`, the last whole quarter before it and the twelve whole
 * months that end with the month (inclusive days).
 */
export function afgelopenPerioden(vandaag: string): { maand: Periode; kwartaal: Periode & { naam: string }; jaar: Periode } {
  const dezeMaand = `${vandaag.slice(0, 7)}-01`;
  const maand = { van: plusMaanden(dezeMaand, -1), tot: plusDagen(dezeMaand, -1) };
  const ditKwartaal = Math.floor((Number(vandaag.slice(5, 7)) - 1) / 3) + 1;
  const jaar = Number(vandaag.slice(0, 4));
  const naam = ditKwartaal === 1 ? `${jaar - 1}-Q4` : `${jaar}-Q${ditKwartaal - 1}`;
  return { maand, kwartaal: { ...leesPeriode(naam), naam }, jaar: { van: plusMaanden(dezeMaand, -12), tot: maand.tot } };
}

/**
 * The public servicenormen page (issue 10, seed project 17): what a resident may expect per
 * zaaktype, and how often the gemeente managed it, computed now by the KPI register from the work
 * itself. Nothing is kept between requests; the caller runs it inside `request.lees`, so its reads
 * go to the read replica when there is one (ADR 0028).
 */
export function servicenormenService(deps: { kpi: KpiService; zaaktypen: Pick<ZaaktypenRepository, 'termijnenOp'>; klok: Klok }) {
  const { kpi, zaaktypen, klok } = deps;
  return {
    async pagina(gemeente: string): Promise<Servicenormen> {
      const vandaag = kalenderdag(klok.nu());
      const { maand, kwartaal, jaar } = afgelopenPerioden(vandaag);
      const [producten, definities] = await Promise.all([zaaktypen.termijnenOp(gemeente, vandaag), kpi.definities({ publiek: true })]);
      // The same call as `GET …/kpis/{kpi}/waarden`: by days, or by the register's name of a quarter.
      const waarde = (definitie: KpiDefinitie, p: { periodeVan: string; periodeTot: string } | { periode: string }) =>
        kpi.waarde(gemeente, definitie.code, { ...p, uitsplitsing: definitie.uitsplitsingen.includes('zaaktype') ? 'zaaktype' : undefined });
      const kpis = await Promise.all(
        definities.map(async (definitie) => {
          const [m, k, j] = await Promise.all([
            waarde(definitie, { periodeVan: maand.van, periodeTot: maand.tot }),
            waarde(definitie, { periode: kwartaal.naam }),
            waarde(definitie, { periodeVan: jaar.van, periodeTot: jaar.tot }),
          ]);
          return { definitie, maand: m, kwartaal: k, jaar: j };
        }),
      );
      return { vandaag, maand, kwartaal, jaar, producten, kpis };
    },
  };
}

export type ServicenormenService = ReturnType<typeof servicenormenService>;
