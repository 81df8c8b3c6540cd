/**
 * What a KPI is (ADR 0029): a definition declared in code by the module that computes it, and
 * one tested query. Adding a measure is one `KpiMaat` in that module's list, registered in
 * `src/server.ts`; no new screen, route or table. A changed definition is a new `versie`: the
 * fingerprint of every declared version is in `kpi-definities.snapshot.txt`, and the register
 * refuses to run a version whose text differs from the one stored under the same number.
 */
import { createHash } from 'node:crypto';
import { KANALEN, KLANTCONTACT_KANALEN, type Kanaal, type KlantcontactKanaal } from '../../db/schema.ts';

/** The units a KPI's value can have. */
export const KPI_EENHEDEN = ['procent', 'werkdagen', 'aantal', 'seconden', 'euro'] as const;
export type KpiEenheid = (typeof KPI_EENHEDEN)[number];
export type KpiRichting = 'hoger-is-beter' | 'lager-is-beter';

/** Which date puts a case in a period (`begin`: the start of a telephone call, kcc module). */
export type KpiPeriodeDatum = 'afgesloten' | 'ontvangen' | 'gebeurtenis' | 'peildatum' | 'termijn' | 'begin';

/**
 * A breakdown a measure offers (the module's dimensions): zaaktype (zaken), wachtrij (telephone
 * queue, kcc), team (the team that did the work, for measures whose cases have one), categorie
 * (the category of a melding openbare ruimte, ADR 0074), locatie (the location of the balie, afspraken),
 * kanaal (the channel through which a zaak came in, ADR 0086, or of a klantcontact, ADR 0081) and
 * onderwerp (of a klantcontact, klantreizen, ADR 0081).
 */
export type KpiUitsplitsing = 'zaaktype' | 'wachtrij' | 'team' | 'categorie' | 'locatie' | 'kanaal' | 'onderwerp';
export const KPI_UITSPLITSINGEN = ['zaaktype', 'wachtrij', 'team', 'categorie', 'locatie', 'kanaal', 'onderwerp'] as const satisfies readonly KpiUitsplitsing[];
/** The channels a selection `kanaal` may name: those of zaken and those of klantcontacten (each measure reads its own). */
export type KpiKanaal = Kanaal | KlantcontactKanaal;
export const KPI_KANALEN: readonly [KpiKanaal, ...KpiKanaal[]] = [...KANALEN, ...KLANTCONTACT_KANALEN.filter((k): k is Exclude<KlantcontactKanaal, Kanaal> => !(KANALEN as readonly string[]).includes(k))];

export interface Tweetalig {
  nl: string;
  en: string;
}

export interface KpiDefinitie {
  /** Stable name in lower case with hyphens: `email-binnen-5-werkdagen`. */
  code: string;
  /** 1, 2, …: a change to anything below is a new version. */
  versie: number;
  naam: Tweetalig;
  /** Why we measure this (B1 Dutch). */
  doel: string;
  /** What is counted above the line; null for a measure that is not a fraction (a median, a count). */
  teller: string | null;
  /** What is counted below the line (the population). */
  noemer: string;
  periode: { datum: KpiPeriodeDatum; regel: string };
  uitsluitingen: string[];
  eenheid: KpiEenheid;
  richting: KpiRichting;
  /** The norm or target that applies unless the gemeente sets its own (kpi_norm), with its source. */
  norm: { waarde: number; bron: string } | null;
  /** The team that answers for the definition. */
  eigenaar: string;
  /** The module that computes it. */
  module: string;
  /** Shown on the public servicenormen page and readable without login. */
  publiek: boolean;
  uitsplitsingen: KpiUitsplitsing[];
}

/** The question a measure answers: one gemeente, one period (inclusive calendar days, Europe/Amsterdam). */
export interface KpiVraag {
  gemeente: string;
  van: string;
  tot: string;
  /** Today in Europe/Amsterdam: where "now" ends for open cases. */
  vandaag: string;
  /** The gemeente's closure days (termijnen module). */
  sluitingsdagen: ReadonlyMap<string, string>;
  /** Only this zaaktype (code); for measures with the breakdown zaaktype. */
  zaaktype?: string | undefined;
  /** Only this telephone queue; for measures with the breakdown wachtrij. */
  wachtrij?: string | undefined;
  /** Only this team (id); for measures with the breakdown team. */
  team?: string | undefined;
  /** Only this category (code) of meldingen; for measures with the breakdown categorie. */
  categorie?: string | undefined;
  /** Only this location of the balie (id); for measures with the breakdown locatie. */
  locatie?: string | undefined;
  /** Only zaken that came in through this channel; for measures with the breakdown kanaal. */
  kanaal?: KpiKanaal | undefined;
}

/** A computed number, or "niet bekend" with the reason. `groep` null is the whole selection. */
export type KpiMeting = { groep: { zaaktype: string } | { wachtrij: string } | { team: string } | { categorie: string } | { locatie: string } | { kanaal: string } | { onderwerp: string } | null } & (
  | {
      status: 'bekend';
      waarde: number;
      teller: number | null;
      noemer: number;
      /** Cases whose outcome is not known yet (e.g. e-mails still within their five werkdagen). */
      inBehandeling?: number;
    }
  | { status: 'niet-bekend'; reden: string; noemer: number; inBehandeling?: number }
);

/**
 * Where a value came from (ADR 0043): a rollup kept current by jobs, or a live query over the
 * operational data. `reden`: why the live query was used for a measure that has a rollup.
 */
export interface KpiVersheid {
  bron: 'rollup' | 'live';
  reden: string | null;
  /** Rollup: the newest bucket of the period was computed then (null: the period has none). */
  rollupBijgewerktOp: string | null;
  /** Days of the period that were recomputed after they had ended because late data arrived: when and why. */
  herberekend: { dag: string; op: string; reden: string }[];
}

/** What a measure answers: its rows, and (for measures with a rollup) where they came from. */
export interface KpiUitkomst {
  metingen: KpiMeting[];
  versheid: KpiVersheid;
}

/** Which part of a value the drill-down lists: the cases above the line, or all those counted. */
export type KpiDeel = 'teller' | 'noemer';
export const KPI_DELEN = ['teller', 'noemer'] as const satisfies readonly KpiDeel[];

/** Who asks for the zaken behind a value: restricted zaken only for those who see every confidential zaak, the zaak's team and its behandelaar. */
export interface KpiKijker {
  gebruiker: string | null;
  /** Sees the confidential zaken of every team (right vertrouwelijkeZakenZien). */
  alles: boolean;
}

/**
 * One case a measure counts (the drill-down, ADR 0082): a row of the same query as the value, so
 * the rows in the noemer number exactly the noemer and those with `teller` the teller. A zaak that
 * is counted twice (two suspensions) is two rows.
 */
export interface KpiZaak {
  id: string;
  identificatie: string;
  zaaktype: string;
  onderwerp: string;
  /** The day that puts the case in the period (the definition's `periode.datum`). */
  datum: string;
  /** Counted above the line; null for a measure that is not a fraction. */
  teller: boolean | null;
  /** The case's own amount for a measure of amounts (its lead time in werkdagen), else null. */
  waarde: number | null;
  ontvangstdatum: string;
  afgeslotenOp: string | null;
  uiterlijkeEinddatum: string;
  opgeschort: boolean;
  team: string;
  /** False: counted, but the asker may not see this confidential zaak (not listed). */
  zichtbaar: boolean;
}

/** A declaration and the query that computes it. */
export interface KpiMaat {
  definitie: KpiDefinitie;
  /** The whole selection (groep null) and, per breakdown, one row per group that has cases. */
  bereken(vraag: KpiVraag): Promise<KpiMeting[] | KpiUitkomst>;
  /**
   * Optional, for a series: the periods of one selection at once (the questions differ only in
   * `van` and `tot`), one answer per question in their order, each what `bereken` answers for it.
   */
  berekenReeks?(vragen: readonly KpiVraag[]): Promise<(KpiMeting[] | KpiUitkomst)[]>;
  /** For measures that count zaken: the rows of the noemer of the whole selection (the drill-down, ADR 0082). */
  zaken?(vraag: KpiVraag, kijker: KpiKijker): Promise<KpiZaak[]>;
}

/** The fingerprint of a definition: SHA-256 over its JSON with sorted keys. */
export function vingerafdruk(definitie: KpiDefinitie): string {
  return createHash('sha256').update(stabielJson(definitie)).digest('hex');
}

function stabielJson(waarde: unknown): string {
  if (Array.isArray(waarde)) return `[${waarde.map(stabielJson).join(',')}]`;
  if (waarde !== null && typeof waarde === 'object') {
    return `{${Object.keys(waarde)
      .toSorted()
      .map((k) => `${JSON.stringify(k)}:${stabielJson((waarde as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(waarde);
}

/** A percentage with one decimal, or "niet bekend" when nothing counts. */
export function percentage(groep: KpiMeting['groep'], teller: number, noemer: number, leeg: string): KpiMeting {
  if (noemer === 0) return { groep, status: 'niet-bekend', reden: leeg, noemer };
  return { groep, status: 'bekend', waarde: Math.round((1000 * teller) / noemer) / 10, teller, noemer };
}

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Refuses a list of measures with a malformed or doubled code (checked at start and in the tests). */
export function controleerMaten(maten: readonly KpiMaat[]): void {
  const gezien = new Set<string>();
  for (const { definitie: d } of maten) {
    if (!CODE.test(d.code)) throw new Error(`KPI-code "${d.code}" is geen kleine letters met streepjes.`);
    if (gezien.has(d.code)) throw new Error(`KPI-code "${d.code}" is twee keer gedeclareerd.`);
    if (!Number.isInteger(d.versie) || d.versie < 1) throw new Error(`KPI "${d.code}": versie moet 1 of hoger zijn.`);
    if (d.eenheid === 'procent' && d.teller === null) throw new Error(`KPI "${d.code}": een percentage heeft een teller.`);
    gezien.add(d.code);
  }
}
