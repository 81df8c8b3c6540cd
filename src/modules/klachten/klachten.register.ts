/**
 * The yearly klachtenregister (Awb 9:12a, ADR 0060): per gemeente and year of receipt, counted
 * from the klachten themselves, anonymised (no names, no texts, no zaak numbers). Staff see the
 * counts per team as they are; the public page and the open data hide small counts per team with
 * secondary suppression (klachten.onderdrukking.ts).
 */
import type { KlachtCategorie, KlachtUitkomst } from '../../db/schema.ts';
import { onderdruk } from './klachten.onderdrukking.ts';
import type { RegisterRij } from './klachten.repository.ts';

export const CATEGORIEEN: readonly KlachtCategorie[] = ['bejegening', 'informatie', 'bereikbaarheid', 'termijn', 'dienstverlening', 'anders'];
export const UITKOMSTEN: readonly (KlachtUitkomst | 'open')[] = ['gegrond', 'deels-gegrond', 'ongegrond', 'informeel-opgelost', 'niet-behandeld', 'open'];

export interface Klachtenregister {
  jaar: number;
  totaal: number;
  perCategorie: { categorie: KlachtCategorie; aantal: number }[];
  /** `aantal` null: hidden (fewer than five, or hidden so a small count cannot be worked out). */
  perTeam: { team: string; aantal: number | null }[];
  /** Some team counts are hidden; with an empty `perTeam` no team could be shown at all. */
  teamsVerborgen: boolean;
  uitkomsten: { uitkomst: KlachtUitkomst | 'open'; aantal: number }[];
  afgehandeld: number;
  /** Of the completed klachten: within the legal term (9:11; for "niet behandelen" the four weeks of 9:8). */
  binnenTermijn: { aantal: number; percentage: number | null };
  /** Of the completed klachten: resolved informally (9:5). */
  informeelOpgelost: { aantal: number; percentage: number | null };
  /** Verbetermaatregelen taken on after these klachten (not dropped). */
  maatregelen: number;
}

const procent = (teller: number, noemer: number) => (noemer === 0 ? null : Math.round((1000 * teller) / noemer) / 10);

/** The register of one year; `openbaar` hides small counts per team. */
export function maakRegister(jaar: number, rijen: readonly RegisterRij[], opties: { openbaar: boolean }): Klachtenregister {
  const tel = <T>(sleutel: (r: RegisterRij) => T, waarde: T) => rijen.filter((r) => sleutel(r) === waarde).length;
  const teams = [...new Set(rijen.map((r) => r.teamNaam))].toSorted((a, b) => a.localeCompare(b, 'nl'));
  const perTeamVol = teams.map((team) => ({ sleutel: team, waarde: tel((r) => r.teamNaam, team) }));
  const onderdrukt = opties.openbaar ? onderdruk(perTeamVol) : { cellen: perTeamVol, verborgen: false };
  const afgehandeld = rijen.filter((r) => r.uitkomst !== null);
  const binnen = afgehandeld.filter((r) => r.binnenTermijn === true).length;
  const informeel = afgehandeld.filter((r) => r.uitkomst === 'informeel-opgelost').length;
  return {
    jaar,
    totaal: rijen.length,
    perCategorie: CATEGORIEEN.map((categorie) => ({ categorie, aantal: tel((r) => r.categorie, categorie) })),
    perTeam: onderdrukt.cellen.map((c) => ({ team: c.sleutel, aantal: c.waarde })),
    teamsVerborgen: onderdrukt.verborgen,
    uitkomsten: UITKOMSTEN.map((uitkomst) => ({ uitkomst, aantal: tel((r) => r.uitkomst ?? 'open', uitkomst) })),
    afgehandeld: afgehandeld.length,
    binnenTermijn: { aantal: binnen, percentage: procent(binnen, afgehandeld.length) },
    informeelOpgelost: { aantal: informeel, percentage: procent(informeel, afgehandeld.length) },
    maatregelen: rijen.reduce((s, r) => s + r.maatregelen, 0),
  };
}

/** The register as CSV rows (open data): one row per figure, hidden counts empty. */
export function registerCsvRijen(r: Klachtenregister): (string | number | null)[][] {
  return [
    ['jaar', 'onderdeel', 'sleutel', 'aantal', 'percentage'],
    [r.jaar, 'totaal', '', r.totaal, null],
    ...r.perCategorie.map((c) => [r.jaar, 'categorie', c.categorie, c.aantal, null]),
    ...r.perTeam.map((t) => [r.jaar, 'team', t.team, t.aantal, null]),
    ...r.uitkomsten.map((u) => [r.jaar, 'uitkomst', u.uitkomst, u.aantal, null]),
    [r.jaar, 'afgehandeld', '', r.afgehandeld, null],
    [r.jaar, 'binnen-termijn', '', r.binnenTermijn.aantal, r.binnenTermijn.percentage],
    [r.jaar, 'informeel-opgelost', '', r.informeelOpgelost.aantal, r.informeelOpgelost.percentage],
    [r.jaar, 'maatregelen', '', r.maatregelen, null],
  ];
}
