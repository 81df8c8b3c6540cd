/**
 * P&C indicators filled from operations (ADR 0079). Pure: which values of a chapter can be
 * computed from a linked KPI (and over which period), and how a KPI value is written into a
 * value cell. The service asks the KPI register; the pages show the source.
 */
import type { PcEenheid, PcHoofdstuk, PcIndicatorKpi, PcWaarde, PcWaardeBerekend } from './pc.hoofdstuk.ts';

/** A realisation column with its calendar year ("Realisatie 2023", "Rekening 2022"). */
const REALISATIE = /realisatie|rekening/i;
const JAARTAL = /(?<!\d)(19|20|21)\d{2}(?!\d)/;

/** One value of a chapter that its KPI link can compute: where it is and over which period. */
export interface BerekenbareWaarde {
  /** 1-based place of the indicator in the chapter. */
  nr: number;
  code: string;
  naam: string;
  kpi: string;
  kolom: string;
  /** The calendar year the period rule gives, as inclusive dates (Europe/Amsterdam days). */
  periode: { van: string; tot: string };
  /** The value as it stands now. */
  huidig: PcWaarde;
}

/**
 * The year of a column by the period rule: `kolomjaar` the year printed in a realisation column's
 * header; `documentjaar` the document's own year, for the realisation column of that year only.
 * Undefined when the column is not a realisation column the rule covers.
 */
export function jaarVanKolom(kolom: string, regel: PcIndicatorKpi['periode'], documentjaar: number): number | undefined {
  if (!REALISATIE.test(kolom)) return undefined;
  const gedrukt = JAARTAL.exec(kolom)?.[0];
  if (regel === 'documentjaar') return gedrukt === undefined || Number(gedrukt) === documentjaar ? documentjaar : undefined;
  return gedrukt === undefined ? undefined : Number(gedrukt);
}

/** Every value of the chapter that a linked KPI computes, in the order of the indicators and their columns. */
export function berekenbareWaarden(h: PcHoofdstuk): BerekenbareWaarde[] {
  return h.indicatoren.flatMap((indicator, i) => {
    const koppeling = indicator.aanvulling?.kpi;
    if (!koppeling) return [];
    return indicator.waarden.flatMap((huidig) => {
      const jaar = jaarVanKolom(huidig.kolom, koppeling.periode, h.jaar);
      if (jaar === undefined) return [];
      return [{ nr: i + 1, code: indicator.code, naam: indicator.naam, kpi: koppeling.code, kolom: huidig.kolom, periode: { van: `${jaar}-01-01`, tot: `${jaar}-12-31` }, huidig }];
    });
  });
}

/** The KPI units as the P&C register prints values. */
const EENHEID: Record<string, { eenheid: PcEenheid; achter: string }> = {
  procent: { eenheid: '%', achter: '%' },
  aantal: { eenheid: 'aantal', achter: '' },
  euro: { eenheid: '€', achter: '' },
  werkdagen: { eenheid: 'aantal', achter: ' werkdagen' },
  seconden: { eenheid: 'aantal', achter: ' seconden' },
};

const opmaak = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, useGrouping: true });

/**
 * The value cell after accepting a computed value: the number in the KPI's unit, printed as the
 * documents print it (one decimal at most, "87,5%", "€ 979"), the footnotes kept, a status such as
 * NB and its reason gone (the value is known now), and the source recorded.
 */
export function metBerekendeWaarde(huidig: PcWaarde, getal: number, kpiEenheid: string, bron: PcWaardeBerekend): PcWaarde {
  const soort = EENHEID[kpiEenheid] ?? { eenheid: null, achter: '' };
  const afgerond = Math.round(getal * 10) / 10;
  const tekst = soort.eenheid === '€' ? `€ ${opmaak.format(afgerond)}` : `${opmaak.format(afgerond)}${soort.achter}`;
  const { status: _status, reden: _reden, tot: _tot, ...rest } = huidig;
  return { ...rest, tekst, getal: afgerond, eenheid: soort.eenheid, berekend: bron };
}
