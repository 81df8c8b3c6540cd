/**
 * The `begin` of a call record (ADR 0031): ISO 8601 in the extended format, with an offset or `Z`,
 * or without one, and then a wall-clock time in Europe/Amsterdam. Pure; the Amsterdam offsets come
 * from the time zone data of Node (ICU), looked up once per UTC hour.
 *
 * - A time in the hour that is skipped when summer time starts (the last Sunday of March,
 *   02:00–02:59) never happened on a Dutch clock: it is refused, not guessed.
 * - A time in the hour that happens twice when summer time ends (the last Sunday of October,
 *   02:00–02:59) is read as the first of the two (still summer time, +02:00), as
 *   `Temporal`'s `disambiguation: 'compatible'` does. Both are on the same calendar day, so the
 *   measures (by day, week, month, year) do not depend on this choice.
 */

const UUR = 3_600_000;
const DAG = 24 * UUR;

const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });
const offsets = new Map<number, number>();

/** The offset of Europe/Amsterdam (milliseconds east of UTC) at an instant; Dutch offsets change on whole UTC hours since 1977. */
export function amsterdamOffset(utcMs: number): number {
  const uur = Math.floor(utcMs / UUR);
  const bekend = offsets.get(uur);
  if (bekend !== undefined) return bekend;
  const naam = OFFSET.formatToParts(new Date(uur * UUR)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(naam);
  if (!m) throw new Error(`Onverwachte tijdzone-aanduiding ${naam}`);
  const offset = m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  offsets.set(uur, offset);
  return offset;
}

/**
 * The instants at which Amsterdam clocks showed this wall-clock time (given as milliseconds of the
 * same fields read as UTC): none in the skipped hour, two in the repeated hour, else one.
 */
export function amsterdamMomenten(wandklokMs: number): number[] {
  const kandidaten = new Set([amsterdamOffset(wandklokMs - DAG), amsterdamOffset(wandklokMs + DAG)]);
  const momenten: number[] = [];
  for (const offset of kandidaten) {
    const utc = wandklokMs - offset;
    if (amsterdamOffset(utc) === offset && !momenten.includes(utc)) momenten.push(utc);
  }
  return momenten.toSorted((a, b) => a - b);
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/** Earliest and latest year taken: a call record outside these is a mistake in the export. */
const EERSTE_JAAR = 1980;
const LAATSTE_JAAR = 2999;

export type Begin = { moment: string } | { fout: string };

const dagenInMaand = (jaar: number, maand: number) => (maand === 2 ? (jaar % 4 === 0 && (jaar % 100 !== 0 || jaar % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(maand) ? 30 : 31);

/** The one instant of an Amsterdam wall-clock time, or the first of two, or undefined in the skipped hour. */
function amsterdamMoment(wandklokMs: number): number | undefined {
  const voor = amsterdamOffset(wandklokMs - DAG);
  // Almost always: no change of the clocks within a day either way, one candidate.
  if (voor === amsterdamOffset(wandklokMs + DAG) && amsterdamOffset(wandklokMs - voor) === voor) return wandklokMs - voor;
  return amsterdamMomenten(wandklokMs)[0];
}

/** Reads `begin`: the instant as a UTC ISO string, or the reason (B1 Dutch) it cannot be read. */
export function leesBegin(tekst: string): Begin {
  const m = ISO.exec(tekst);
  if (!m) {
    return { fout: `"${kort(tekst)}" is geen tijdstip. Schrijf het als 2026-03-01T09:15:00+01:00, 2026-03-01T08:15:00Z of 2026-03-01 09:15:00 (Nederlandse tijd).` };
  }
  const jaar = Number(m[1]);
  const maand = Number(m[2]);
  const dag = Number(m[3]);
  const uur = Number(m[4]);
  const minuut = Number(m[5]);
  const seconde = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (jaar < EERSTE_JAAR || jaar > LAATSTE_JAAR) return { fout: `Het jaar ${jaar} kan niet: een gesprek ligt tussen ${EERSTE_JAAR} en ${LAATSTE_JAAR}.` };
  if (uur > 23 || minuut > 59 || seconde > 59) return { fout: `De tijd ${m[4]}:${m[5]}${m[6] === undefined ? '' : `:${m[6]}`} bestaat niet.` };
  if (maand < 1 || maand > 12 || dag < 1 || dag > dagenInMaand(jaar, maand)) return { fout: `De datum ${m[1]}-${m[2]}-${m[3]} bestaat niet.` };
  const wandklok = Date.UTC(jaar, maand - 1, dag, uur, minuut, seconde, ms);
  if (m[8] !== undefined) return { moment: new Date(wandklok).toISOString() };
  if (m[9] !== undefined) {
    const offsetUur = Number(m[10]);
    const offsetMinuut = m[11] === undefined ? 0 : Number(m[11]);
    if (offsetUur > 14 || offsetMinuut > 59) return { fout: `De tijdzone ${m[9]}${m[10]}${m[11] === undefined ? '' : `:${m[11]}`} bestaat niet.` };
    const offset = (m[9] === '-' ? -1 : 1) * (offsetUur * 60 + offsetMinuut) * 60_000;
    return { moment: new Date(wandklok - offset).toISOString() };
  }
  const moment = amsterdamMoment(wandklok);
  if (moment === undefined) {
    return {
      fout: `${m[4]}:${m[5]} op ${dag} ${MAANDEN[maand - 1]} ${jaar} bestaat niet in Nederland: de klok ging die nacht van 2:00 naar 3:00 (zomertijd). Geef de tijd met tijdzone, bijvoorbeeld +01:00.`,
    };
  }
  return { moment: new Date(moment).toISOString() };
}

/** A value as it may be quoted in a reason: at most 40 characters. */
export function kort(tekst: string): string {
  return tekst.length > 40 ? `${tekst.slice(0, 40)}…` : tekst;
}
