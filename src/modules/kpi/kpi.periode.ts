/**
 * Periods of the KPI register: a year, quarter, month, ISO week or day, as inclusive calendar
 * days (YYYY-MM-DD, Europe/Amsterdam). Pure.
 */
import { dagenTussen, leesDatum, OngeldigeDatum, plusDagen, plusMaanden } from '../termijnen/kalender.ts';

export interface Periode {
  van: string;
  tot: string;
}

export class OngeldigePeriode extends Error {}

const pad = (n: number, lengte = 2) => String(n).padStart(lengte, '0');

/** Monday of ISO week 1 of a year: the week with 4 January in it. */
function maandagWeek1(jaar: number): string {
  const vier = `${jaar}-01-04`;
  const weekdag = (new Date(`${vier}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return plusDagen(vier, -weekdag);
}

/** Reads `YYYY`, `YYYY-Qn`, `YYYY-MM`, `YYYY-Www` (ISO week) or `YYYY-MM-DD`. */
export function leesPeriode(tekst: string): Periode {
  let m = /^(\d{4})$/.exec(tekst);
  const jaar = (s: string | undefined) => {
    const j = Number(s);
    if (j < 1900 || j > 2999) throw new OngeldigePeriode(`Het jaar ${s} kan niet: kies een jaar van 1900 tot 2999.`);
    return j;
  };
  if (m) {
    const j = jaar(m[1]);
    return { van: `${j}-01-01`, tot: `${j}-12-31` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(tekst);
  if (m) {
    const j = jaar(m[1]);
    const van = `${j}-${pad((Number(m[2]) - 1) * 3 + 1)}-01`;
    return { van, tot: plusDagen(plusMaanden(van, 3), -1) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(tekst);
  if (m) {
    const j = jaar(m[1]);
    const maand = Number(m[2]);
    if (maand < 1 || maand > 12) throw new OngeldigePeriode(`Maand ${m[2]} bestaat niet.`);
    const van = `${j}-${pad(maand)}-01`;
    return { van, tot: plusDagen(plusMaanden(van, 1), -1) };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(tekst);
  if (m) {
    const j = jaar(m[1]);
    const week = Number(m[2]);
    const weken = dagenTussen(maandagWeek1(j), maandagWeek1(j + 1)) / 7;
    if (week < 1 || week > weken) throw new OngeldigePeriode(`Week ${m[2]} bestaat niet in ${j}: dat jaar heeft ${weken} weken.`);
    const van = plusDagen(maandagWeek1(j), (week - 1) * 7);
    return { van, tot: plusDagen(van, 6) };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(tekst)) {
    try {
      const dag = leesDatum(tekst);
      return { van: dag, tot: dag };
    } catch (error) {
      if (error instanceof OngeldigeDatum) throw new OngeldigePeriode(error.message);
      throw error;
    }
  }
  throw new OngeldigePeriode(`"${tekst}" is geen periode. Gebruik JJJJ, JJJJ-Qn, JJJJ-MM, JJJJ-Www of JJJJ-MM-DD.`);
}

/** A period size of a series (a trend): each period a whole day, ISO week, month, quarter or year. */
export type Periodegrootte = 'dag' | 'week' | 'maand' | 'kwartaal' | 'jaar';
export const PERIODEGROOTTES = ['dag', 'week', 'maand', 'kwartaal', 'jaar'] as const satisfies readonly Periodegrootte[];

/** The first day of the period of size `per` that holds `dag`. */
function beginVan(dag: string, per: Periodegrootte): string {
  if (per === 'week') return plusDagen(dag, -((new Date(`${dag}T00:00:00Z`).getUTCDay() + 6) % 7));
  if (per === 'maand') return `${dag.slice(0, 7)}-01`;
  if (per === 'kwartaal') return `${dag.slice(0, 5)}${pad(Math.floor((Number(dag.slice(5, 7)) - 1) / 3) * 3 + 1)}-01`;
  if (per === 'jaar') return `${dag.slice(0, 4)}-01-01`;
  return dag;
}

const volgende = (d: string, per: Periodegrootte) =>
  per === 'dag' ? plusDagen(d, 1) : per === 'week' ? plusDagen(d, 7) : per === 'maand' ? plusMaanden(d, 1) : per === 'kwartaal' ? plusMaanden(d, 3) : plusMaanden(d, 12);

/**
 * The periods of size `per` that overlap van–tot, each cut to van–tot (a first or last period may
 * be partial: a series over 10 March–9 June per month starts with 10–31 March). In order.
 */
export function deelPeriode(p: Periode, per: Periodegrootte): Periode[] {
  const lijst: Periode[] = [];
  for (let begin = beginVan(p.van, per); begin <= p.tot; begin = volgende(begin, per)) {
    const eind = plusDagen(volgende(begin, per), -1);
    lijst.push({ van: begin < p.van ? p.van : begin, tot: eind > p.tot ? p.tot : eind });
  }
  return lijst;
}

/** The last `aantal` periods of size `per` up to and including `vandaag` (the current one partial). */
export function laatstePerioden(vandaag: string, per: Periodegrootte, aantal: number): Periode {
  const huidig = beginVan(vandaag, per);
  const terug = aantal - 1;
  const van =
    per === 'dag' ? plusDagen(huidig, -terug) : per === 'week' ? plusDagen(huidig, -7 * terug) : plusMaanden(huidig, -(per === 'maand' ? 1 : per === 'kwartaal' ? 3 : 12) * terug);
  return { van, tot: vandaag };
}
