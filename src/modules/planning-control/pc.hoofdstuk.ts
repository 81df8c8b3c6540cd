/**
 * A programme chapter as read from its published text: the contract between the importer
 * (pc.parser.ts), the register (pc.service.ts) and the exports. `loket pc import` prints exactly
 * this as JSON; docs/pc-import.md describes every field.
 */

export type PcSoort = 'begroting' | 'jaarstukken';

/** The unit a value was printed in. `bereik` is a range such as 70-80% (getal = the lower bound). */
export type PcEenheid = '%' | '€' | 'aantal' | 'rapportcijfer' | 'bereik' | null;

export interface PcWaarde {
  /** The column header as printed, e.g. "Realisatie 2022", "Begroting 2023". */
  kolom: string;
  /** The value as printed, footnote numbers removed (e.g. "NB", "40%", "€ 979", "7,0"). */
  tekst: string;
  /** The number in its unit (40% → 40; € 979 → 979); null for NB, nnb, n.v.t., niet beschikbaar. */
  getal: number | null;
  eenheid: PcEenheid;
  /** Upper bound for a range (70-80% → 80); absent otherwise. */
  tot?: number;
  /** For values without a number: NB | nnb | n.v.t. | niet beschikbaar, and the printed reason if any. */
  status?: string;
  reden?: string;
  /** Numbers of the footnotes attached to this value (glued to it, or to its column header). */
  voetnoten: number[];
  /** A remark printed after the value in the same cell ("18% corona jeugdmonitor 2021-2022" → "corona jeugdmonitor 2021-2022"). */
  toelichting?: string;
  /** The register's mark of a value computed from a KPI and accepted by the pc-adviseur (never the parser; ADR 0079). */
  berekend?: PcWaardeBerekend;
}

/** Where a computed value came from: the KPI and its definition as it was when the value was accepted. */
export interface PcWaardeBerekend {
  kpi: string;
  versie: number;
  naam: { nl: string; en: string };
  teller: string | null;
  noemer: string;
  regel: string;
  periode: { van: string; tot: string };
  /** The counts behind the value (teller null for a measure that is not a fraction). */
  aantallen: { teller: number | null; noemer: number };
  berekendOp: string;
}

/** An indicator's link to a KPI of the register, and which year a value's period is (ADR 0079). */
export interface PcIndicatorKpi {
  code: string;
  /** kolomjaar: the year printed in the realisation column; documentjaar: the document's year. */
  periode: 'kolomjaar' | 'documentjaar';
}

export interface PcIndicator {
  /** e.g. "1.1.1" or "2.1"; the indicator's own number as printed. */
  code: string;
  naam: string;
  soort: 'effect' | 'prestatie';
  /** BBV-verplicht ("(verplicht)" in the name). */
  verplicht: boolean;
  waarden: PcWaarde[];
  /**
   * What the register adds (never the parser): direction for the traffic light, link, source,
   * peildatum, explanation of a deviation. Kept inside the indicator so it moves with it when
   * indicators are added, removed or reordered (ADR 0017). Absent when nothing is known.
   */
  aanvulling?: PcIndicatorAanvulling;
}

export interface PcIndicatorAanvulling {
  /** hoger: a higher value is better; lager: a lower one; null: no traffic light. */
  richting: 'hoger' | 'lager' | null;
  /** Code of the doel, subdoel or activiteit, or "Algemeen"; null: follows from the indicator's code. */
  koppeling: string | null;
  bron: string | null;
  peildatum: string | null;
  /** Explanation of a deviation from the budget. */
  toelichting: string | null;
  /** The KPI that computes this indicator's realisation; absent when there is none. */
  kpi?: PcIndicatorKpi;
}

export interface PcFinancienRegel {
  naam: string;
  /** One amount per column, × eenheid; "-" is 0; null when the cell is empty. */
  bedragen: (number | null)[];
  /** The register's explanation of a deviation (never the parser); absent when none (ADR 0017). */
  toelichting?: string;
}

export type PcOordeel = 'klopt' | 'afrondingsverschil' | 'verschil';

export interface PcControle {
  /** The computed row, e.g. "Saldo structureel". */
  regel: string;
  kolom: string;
  /** What the document states (null when it states nothing). */
  document: number | null;
  berekend: number;
  /** document − berekend, in the table's unit (null when the document prints nothing). Absent only in chapters stored before ADR 0034. */
  verschil?: number | null;
  /**
   * klopt: equal; afrondingsverschil: |verschil| no larger than rounding to the document's unit can
   * explain (half a unit per summed cell plus half a unit for the total); verschil: anything else (ADR 0034).
   */
  oordeel?: PcOordeel;
  /** true for klopt and afrondingsverschil. */
  ok: boolean;
  /**
   * Which table the controle is about when it is not the main finance table: the title of a further
   * finance table (`financienOverig[].titel`), `overhevelingen` or `investeringen`. Absent for `financien`.
   */
  tabel?: string;
}

export interface PcHoofdstuk {
  gemeente: string;
  programma: string;
  soort: PcSoort;
  jaar: number;
  /** "Versie: Vastgesteld door Raad" and its date where the document prints them. */
  documentstatus?: { tekst: string; datum: string | null };
  portefeuillehouders: string[];
  concerndirecteuren: string[];
  /** "Visie / strategisch doel" and similar running text, paragraph by paragraph. */
  visie: string[];
  /** Other titled text sections (e.g. "Kaderstellende beleidsnota's", "Structurele gevolgen …"). */
  paragrafen: { titel: string; tekst: string[] }[];
  financien: { eenheid: number; kolommen: string[]; regels: PcFinancienRegel[] } | null;
  /** Further finance tables of the chapter (e.g. "Reserve Mobiliteitsfonds …"), present only when there are any. */
  financienOverig?: { titel: string; eenheid: number; kolommen: string[]; regels: PcFinancienRegel[] }[];
  controles: PcControle[];
  /** Proposed overhevelingen (budget carried over) and investeringen, where printed; amounts × financien.eenheid. */
  overhevelingen: { naam: string; bedrag: number; motivering: string }[];
  investeringen: { naam: string; bedragen: (number | null)[]; kolommen: string[] }[];
  doelen: { code: string; naam: string; subdoelen: { code: string; naam: string }[] }[];
  activiteiten: { code: string; naam: string; tekst: string }[];
  indicatoren: PcIndicator[];
  voetnoten: { nummer: number; tekst: string }[];
  /**
   * Every input line that did not end up in a field, with its (1-based) line number; `reden` says
   * why (e.g. a value that was not understood, a chart legend, a footnote number that does not exist).
   */
  waarschuwingen: { regel: number; tekst: string; reden?: string }[];
}
