/**
 * What a KPI is (ADR 0029): a definition declared in code by the module that computes it, and
 * one tested query. Adding a measure is one `KpiMaat` in that module's list, registered in
 * `src/server.ts`; no new screen, route or table. A changed definition is a new `versie`: the
 * fingerprint of every declared version is in `kpi-definities.snapshot.txt`, and the register
 * refuses to run a version whose text differs from the one stored under the same number.
 */
import { createHash } from 'node:crypto';

/** The units a KPI's value can have. */
export const KPI_EENHEDEN = ['procent', 'werkdagen', 'aantal', 'seconden', 'euro'] as const;
export type KpiEenheid = (typeof KPI_EENHEDEN)[number];
export type KpiRichting = 'hoger-is-beter' | 'lager-is-beter';

/** Which date puts a case in a period (`begin`: the start of a telephone call, kcc module). */
export type KpiPeriodeDatum = 'afgesloten' | 'ontvangen' | 'gebeurtenis' | 'peildatum' | 'termijn' | 'begin';

/**
 * A breakdown a measure offers (the module's dimensions): zaaktype (zaken), wachtrij (telephone
 * queue, kcc), team (the team that did the work, for measures whose cases have one), categorie
 * (the category of a melding openbare ruimte, ADR 0074), locatie (the location of the balie, afspraken).
 */
export type KpiUitsplitsing = 'zaaktype' | 'wachtrij' | 'team' | 'categorie' | 'locatie';
export const KPI_UITSPLITSINGEN = ['zaaktype', 'wachtrij', 'team', 'categorie', 'locatie'] as const satisfies readonly KpiUitsplitsing[];

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
}

/** A computed number, or "niet bekend" with the reason. `groep` null is the whole selection. */
export type KpiMeting = { groep: { zaaktype: string } | { wachtrij: string } | { team: string } | { categorie: string } | { locatie: string } | null } & (
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

/** A declaration and the query that computes it. */
export interface KpiMaat {
  definitie: KpiDefinitie;
  /** The whole selection (groep null) and, per breakdown, one row per group that has cases. */
  bereken(vraag: KpiVraag): Promise<KpiMeting[] | KpiUitkomst>;
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
