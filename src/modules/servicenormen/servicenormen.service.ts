import type { Klok } from '../../klok.ts';
import type { KpiDefinitie } from '../kpi/kpi.definitie.ts';
import type { Periode } from '../kpi/kpi.periode.ts';
import type { KpiService, KpiWaarde } from '../kpi/kpi.service.ts';
import { kalenderdag, plusDagen, plusMaanden } from '../termijnen/kalender.ts';
import type { ZaaktypeTermijn, ZaaktypenRepository } from '../zaaktypen/zaaktypen.repository.ts';

/** One public measure with its values over the last whole month and the last twelve whole months. */
export interface ServicenormKpi {
  definitie: KpiDefinitie;
  maand: KpiWaarde;
  jaar: KpiWaarde;
}

/** Everything the public servicenormen page of one gemeente shows. */
export interface Servicenormen {
  /** Today in Europe/Amsterdam. */
  vandaag: string;
  /** The last whole calendar month before today. */
  maand: Periode;
  /** The twelve whole calendar months that end with `maand`. */
  jaar: Periode;
  /** Per zaaktype the published version in force today: the term and how it may change. */
  producten: ZaaktypeTermijn[];
  /** The public measures of the KPI register, in the order the modules declare them. */
  kpis: ServicenormKpi[];
}

/** The last whole month before `vandaag` and the twelve whole months that end with it (inclusive days). */
export function afgelopenPerioden(vandaag: string): { maand: Periode; jaar: Periode } {
  const dezeMaand = `${vandaag.slice(0, 7)}-01`;
  const maand = { van: plusMaanden(dezeMaand, -1), tot: plusDagen(dezeMaand, -1) };
  return { maand, jaar: { van: plusMaanden(dezeMaand, -12), tot: maand.tot } };
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
      const { maand, jaar } = afgelopenPerioden(vandaag);
      const [producten, definities] = await Promise.all([zaaktypen.termijnenOp(gemeente, vandaag), kpi.definities({ publiek: true })]);
      const waarde = (definitie: KpiDefinitie, p: Periode) =>
        kpi.waarde(gemeente, definitie.code, {
          periodeVan: p.van,
          periodeTot: p.tot,
          uitsplitsing: definitie.uitsplitsingen.includes('zaaktype') ? 'zaaktype' : undefined,
        });
      const kpis = await Promise.all(
        definities.map(async (definitie) => {
          const [m, j] = await Promise.all([waarde(definitie, maand), waarde(definitie, jaar)]);
          return { definitie, maand: m, jaar: j };
        }),
      );
      return { vandaag, maand, jaar, producten, kpis };
    },
  };
}

export type ServicenormenService = ReturnType<typeof servicenormenService>;
