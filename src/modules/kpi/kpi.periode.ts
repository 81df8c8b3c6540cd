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
