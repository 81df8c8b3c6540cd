/**
 * The deadline engine's calendar: Dutch public holidays (Algemene termijnenwet art. 3), statutory
 * terms (days, weeks, months; Atw art. 1 and 2) and service norms in werkdagen (also skipping a
 * gemeente's closure days). Pure functions on calendar dates written as YYYY-MM-DD; no clock, no
 * time zone: the caller decides which calendar day an event happened on (Europe/Amsterdam).
 */

export type Duur =
  | { soort: 'dagen' | 'weken' | 'maanden'; aantal: number }
  | { soort: 'werkdagen'; aantal: number };

/** Why a day does not count: a weekend day, a public holiday, or a gemeente's closure day. */
export interface VrijeDag {
  datum: string;
  reden: 'zaterdag' | 'zondag' | 'feestdag' | 'sluitingsdag';
  naam: string;
}

export interface Termijn {
  startdatum: string;
  duur: Duur;
  /** The last day of the term. */
  einddatum: string;
  /** For a statutory term: the day it would end without the Algemene termijnenwet. */
  kalendereinde: string | null;
  /** Every day the end moved past (statutory) or every day skipped while counting (werkdagen), with why. */
  verschoven: VrijeDag[];
  /** The rule that was applied, in words. */
  regel: string;
}

const DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAG_MS = 86_400_000;

export class OngeldigeDatum extends Error {}
export class OngeldigeDuur extends Error {}

/** Parses YYYY-MM-DD strictly (a real calendar day, years 1900–2999). */
export function leesDatum(tekst: string): string {
  const match = DATUM.exec(tekst);
  if (!match) throw new OngeldigeDatum(`"${tekst}" is geen datum in de vorm JJJJ-MM-DD.`);
  const [jaar, maand, dag] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const datum = new Date(Date.UTC(jaar, maand - 1, dag));
  if (jaar < 1900 || jaar > 2999 || datum.getUTCMonth() !== maand - 1 || datum.getUTCDate() !== dag) {
    throw new OngeldigeDatum(`"${tekst}" bestaat niet als datum.`);
  }
  return tekst;
}

/** Parses `P<n>D`, `P<n>W`, `P<n>M` (statutory) or `<n>wd` (werkdagen); n from 1 to 3660. */
export function leesDuur(tekst: string): Duur {
  const wettelijk = /^P(\d{1,4})([DWM])$/.exec(tekst);
  const werk = /^(\d{1,4})wd$/.exec(tekst);
  const aantal = Number(wettelijk?.[1] ?? werk?.[1]);
  if ((!wettelijk && !werk) || !Number.isInteger(aantal) || aantal < 1 || aantal > 3660) {
    throw new OngeldigeDuur(`"${tekst}" is geen duur. Gebruik P<n>D, P<n>W of P<n>M (wettelijke termijn) of <n>wd (werkdagen), met n van 1 tot 3660.`);
  }
  if (werk) return { soort: 'werkdagen', aantal };
  const soort = wettelijk?.[2] === 'D' ? 'dagen' : wettelijk?.[2] === 'W' ? 'weken' : 'maanden';
  return { soort, aantal };
}

export function schrijfDuur(duur: Duur): string {
  if (duur.soort === 'werkdagen') return `${duur.aantal}wd`;
  return `P${duur.aantal}${duur.soort === 'dagen' ? 'D' : duur.soort === 'weken' ? 'W' : 'M'}`;
}

// Dates as YYYY-MM-DD (years 1900–2999, see leesDatum) read and written by hand: the deadline of
// every new zaak counts days one by one, and a Date parsed from text and back costs more.
function alsDate(datum: string): Date {
  return new Date(Date.UTC(Number(datum.slice(0, 4)), Number(datum.slice(5, 7)) - 1, Number(datum.slice(8, 10))));
}

function alsTekst(datum: Date): string {
  if (Number.isNaN(datum.getTime())) throw new RangeError('Invalid time value');
  const maand = datum.getUTCMonth() + 1;
  const dag = datum.getUTCDate();
  return `${datum.getUTCFullYear()}-${maand < 10 ? '0' : ''}${maand}-${dag < 10 ? '0' : ''}${dag}`;
}

export function plusDagen(datum: string, dagen: number): string {
  return alsTekst(new Date(alsDate(datum).getTime() + dagen * DAG_MS));
}

/** Whole days from `van` to `tot` (positive when `tot` is later). */
export function dagenTussen(van: string, tot: string): number {
  return Math.round((alsDate(tot).getTime() - alsDate(van).getTime()) / DAG_MS);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day. */
export function plusMaanden(datum: string, maanden: number): string {
  const d = alsDate(datum);
  const doel = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + maanden, 1));
  const laatste = new Date(Date.UTC(doel.getUTCFullYear(), doel.getUTCMonth() + 1, 0)).getUTCDate();
  doel.setUTCDate(Math.min(d.getUTCDate(), laatste));
  return alsTekst(doel);
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
export function paaszondag(jaar: number): string {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return alsTekst(new Date(Date.UTC(jaar, maand - 1, dag)));
}

const feestdagCache = new Map<number, Map<string, string>>();

/** The algemeen erkende feestdagen of the Algemene termijnenwet (art. 3) in a year: date → name. */
export function feestdagen(jaar: number): Map<string, string> {
  const bekend = feestdagCache.get(jaar);
  if (bekend) return bekend;
  const pasen = paaszondag(jaar);
  const koningsdag = alsDate(`${jaar}-04-27`).getUTCDay() === 0 ? `${jaar}-04-26` : `${jaar}-04-27`;
  const lijst: [string, string][] = [
    [`${jaar}-01-01`, 'Nieuwjaarsdag'],
    [plusDagen(pasen, 1), 'Tweede Paasdag'],
    [koningsdag, 'Koningsdag'],
    [`${jaar}-05-05`, 'Bevrijdingsdag'],
    [plusDagen(pasen, 39), 'Hemelvaartsdag'],
    [plusDagen(pasen, 50), 'Tweede Pinksterdag'],
    [`${jaar}-12-25`, 'Eerste Kerstdag'],
    [`${jaar}-12-26`, 'Tweede Kerstdag'],
  ];
  // Hemelvaartsdag can fall on 5 May (2005, 2016): one day, both names.
  const dagen = new Map<string, string>();
  for (const [datum, naam] of lijst.toSorted(([a], [b]) => a.localeCompare(b))) dagen.set(datum, dagen.has(datum) ? `${dagen.get(datum)} en ${naam}` : naam);
  feestdagCache.set(jaar, dagen);
  return dagen;
}

/** Closure days of a gemeente: date → name (e.g. "Brugdag"). */
export type Sluitingsdagen = ReadonlyMap<string, string>;

/** Why a day is not a working day, or null when it is one. Closure days only when given. */
export function vrijeDag(datum: string, sluitingsdagen?: Sluitingsdagen): VrijeDag | null {
  const feestdag = feestdagen(Number(datum.slice(0, 4))).get(datum);
  if (feestdag) return { datum, reden: 'feestdag', naam: feestdag };
  const weekdag = alsDate(datum).getUTCDay();
  if (weekdag === 6) return { datum, reden: 'zaterdag', naam: 'zaterdag' };
  if (weekdag === 0) return { datum, reden: 'zondag', naam: 'zondag' };
  const sluiting = sluitingsdagen?.get(datum);
  if (sluiting !== undefined) return { datum, reden: 'sluitingsdag', naam: sluiting };
  return null;
}

/**
 * The last day of a term that starts the day after `startdatum` (the event: receipt,
 * publication). Statutory terms (dagen, weken, maanden) follow the Algemene termijnenwet and
 * ignore closure days; werkdagen skip weekends, holidays and the given closure days.
 */
export function berekenTermijn(startdatum: string, duur: Duur, sluitingsdagen?: Sluitingsdagen): Termijn {
  leesDatum(startdatum);
  if (duur.soort === 'werkdagen') return telWerkdagen(startdatum, duur, sluitingsdagen);

  const kalendereinde = telOp(startdatum, duur);
  // Art. 1: a term that ends on a Saturday, Sunday or holiday runs to the next day that is none of these.
  const artikel1 = naarWerkdag(kalendereinde);
  const verschoven = artikel1.verschoven;
  let einde = artikel1.datum;
  // Art. 2: a term of at least three days contains at least two days that are none of these.
  const naArtikel1 = einde;
  if (dagenTussen(startdatum, kalendereinde) >= 3) {
    let werkdagen = 0;
    for (let dag = plusDagen(startdatum, 1); dag <= einde; dag = plusDagen(dag, 1)) if (!vrijeDag(dag)) werkdagen++;
    while (werkdagen < 2) {
      einde = plusDagen(einde, 1);
      const vrij = vrijeDag(einde);
      if (vrij) verschoven.push(vrij);
      else werkdagen++;
    }
  }
  return {
    startdatum,
    duur,
    einddatum: einde,
    kalendereinde,
    verschoven,
    regel:
      'Wettelijke termijn: begint de dag na de gebeurtenis; eindigt hij op een zaterdag, zondag of feestdag, dan loopt hij door tot de eerstvolgende dag die dat niet is (Algemene termijnenwet art. 1 en 2).' +
      (einde === naArtikel1 ? '' : ` Verlengd van ${naArtikel1} tot ${einde}: een termijn van drie dagen of meer bevat minstens twee dagen die geen zaterdag, zondag of feestdag zijn (art. 2).`),
  };
}

/** The day a statutory term of `duur` ends after `datum`, before the Algemene termijnenwet; a month end clamps. */
export function telOp(datum: string, duur: Duur): string {
  if (duur.soort === 'maanden') return plusMaanden(datum, duur.aantal);
  return plusDagen(datum, duur.soort === 'weken' ? duur.aantal * 7 : duur.aantal);
}

/** Moves an end date past Saturdays, Sundays and holidays (Algemene termijnenwet art. 1), saying which. */
export function naarWerkdag(datum: string): { datum: string; verschoven: VrijeDag[] } {
  const verschoven: VrijeDag[] = [];
  let dag = datum;
  for (let vrij = vrijeDag(dag); vrij; vrij = vrijeDag(dag)) {
    verschoven.push(vrij);
    dag = plusDagen(dag, 1);
  }
  return { datum: dag, verschoven };
}

/** The `aantal`-th working day after `datum` (skipping weekends, holidays and closure days), and the days skipped. */
export function telWerkdagenNa(datum: string, aantal: number, sluitingsdagen?: Sluitingsdagen): { datum: string; verschoven: VrijeDag[] } {
  const verschoven: VrijeDag[] = [];
  let dag = datum;
  for (let geteld = 0; geteld < aantal; ) {
    dag = plusDagen(dag, 1);
    const vrij = vrijeDag(dag, sluitingsdagen);
    if (vrij) verschoven.push(vrij);
    else geteld++;
  }
  return { datum: dag, verschoven };
}

function telWerkdagen(startdatum: string, duur: Duur, sluitingsdagen?: Sluitingsdagen): Termijn {
  const { datum, verschoven } = telWerkdagenNa(startdatum, duur.aantal, sluitingsdagen);
  return {
    startdatum,
    duur,
    einddatum: datum,
    kalendereinde: null,
    verschoven,
    regel: 'Servicenorm in werkdagen: telt vanaf de dag na de gebeurtenis en slaat weekenden, feestdagen en sluitingsdagen van de gemeente over.',
  };
}

/** The working days (not weekend, holiday or closure day) from `van` up to and including `tot`. */
export function werkdagenTussen(van: string, tot: string, sluitingsdagen?: Sluitingsdagen): number {
  let aantal = 0;
  for (let dag = van; dag <= tot; dag = plusDagen(dag, 1)) if (!vrijeDag(dag, sluitingsdagen)) aantal++;
  return aantal;
}

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const UUR_MS = 3_600_000;
/** The last hour asked for and its day: Amsterdam's offset is whole hours and changes on a whole UTC hour, so every instant of one UTC hour falls on one calendar day. */
let laatsteUur = { uur: Number.NaN, dag: '' };

/** The calendar day (YYYY-MM-DD) an instant falls on in Europe/Amsterdam: the day terms count in (e.g. the day of receipt). */
export function kalenderdag(moment: Date | string): string {
  const datum = typeof moment === 'string' ? new Date(moment) : moment;
  const uur = Math.floor(datum.getTime() / UUR_MS);
  if (uur !== laatsteUur.uur) laatsteUur = { uur, dag: AMSTERDAM.format(datum) };
  return laatsteUur.dag;
}
