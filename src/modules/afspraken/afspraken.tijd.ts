/**
 * Time for appointments: opening hours are local time in Europe/Amsterdam, slots are instants
 * (UTC). Pure functions, no clock.
 */

const ONDERDELEN = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const UUR = 3_600_000;
/** The offset per UTC hour, as asked: Amsterdam changes its offset only on a whole UTC hour (01:00). */
const verschilPerUur = new Map<number, number>();

/** How far Amsterdam is ahead of UTC at this instant, in milliseconds (1 or 2 hours). */
function verschilMs(utc: number): number {
  const uur = Math.floor(utc / UUR);
  const bekend = verschilPerUur.get(uur);
  if (bekend !== undefined) return bekend;
  const verschil = berekendVerschilMs(uur * UUR);
  // A few years of hours at most; a pure function of the hour, so forgetting costs only time.
  if (verschilPerUur.size >= 100_000) verschilPerUur.clear();
  verschilPerUur.set(uur, verschil);
  return verschil;
}

function berekendVerschilMs(utc: number): number {
  const d: Record<string, number> = {};
  for (const deel of ONDERDELEN.formatToParts(new Date(utc))) if (deel.type !== 'literal') d[deel.type] = Number(deel.value);
  return Date.UTC(d.year ?? 0, (d.month ?? 1) - 1, d.day ?? 1, d.hour ?? 0, d.minute ?? 0, d.second ?? 0) - Math.floor(utc / 1000) * 1000;
}

/** The instant (ms since the epoch) of a local date and time in Amsterdam, e.g. ('2026-03-30', '09:00'). */
export function lokaalNaarUtc(datum: string, tijd: string): number {
  const [j, m, d] = datum.split('-').map(Number);
  const [u, mi] = tijd.split(':').map(Number);
  const naief = Date.UTC(j ?? 0, (m ?? 1) - 1, d ?? 1, u ?? 0, mi ?? 0);
  // Twice: the first guess may sit on the other side of a change to or from summer time.
  const eerste = naief - verschilMs(naief);
  return naief - verschilMs(eerste);
}

/** The ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdag(datum: string): number {
  const dag = new Date(`${datum}T00:00:00Z`).getUTCDay();
  return dag === 0 ? 7 : dag;
}

/** The dates from `van` to `tot`, both included. */
export function dagen(van: string, tot: string): string[] {
  const uit: string[] = [];
  for (let t = Date.parse(`${van}T00:00:00Z`); t <= Date.parse(`${tot}T00:00:00Z`); t += 86_400_000) uit.push(new Date(t).toISOString().slice(0, 10));
  return uit;
}
