/**
 * Reads call records from the telephony platform (docs/kcc-gesprekken.md, ADR 0031): UTF-8 text
 * (a BOM is skipped), a header on line 1, fields separated by `,` or `;` (whichever makes the
 * header fit), RFC 4180 quotes (`"a; b"`, `""` for a quote, line breaks inside quotes). Pure: no
 * database, no clock. A line that breaks a rule is reported with its line number in the file and
 * a reason in plain Dutch; the other lines are read. A header that does not fit refuses the file.
 */
import { z } from 'zod';
import { csvRecords, utf8OfFouteRegel, type CsvRecord } from '../../csv.ts';
import { heeftOngeldigTeken } from '../../tekst.ts';
import { GesprekkenBestandFout } from './kcc.gesprekken.errors.ts';
import { kort, leesBegin } from './kcc.gesprekken.tijd.ts';

export const KOLOMMEN = ['gesprek_id', 'wachtrij', 'begin', 'wachttijd_s', 'afloop', 'gespreksduur_s', 'doorverbonden_naar'] as const;
export type Kolom = (typeof KOLOMMEN)[number];

export const AFLOPEN = ['beantwoord', 'opgehangen', 'buiten-openingstijd'] as const;
export type Afloop = (typeof AFLOPEN)[number];

/** Which header name in the file holds each column (a column left out keeps its own name). */
export type Kolomnamen = Partial<Record<Kolom, string>>;

/** A call record as read from one line. */
export interface Gesprek {
  /** Line number in the file where the record starts (the header is line 1). */
  regel: number;
  gesprekId: string;
  wachtrij: string;
  /** UTC ISO 8601. */
  begin: string;
  wachttijdS: number;
  afloop: Afloop;
  gespreksduurS: number;
  doorverbondenNaar: string | null;
}

export interface Regelfout {
  regel: number;
  reden: string;
}

export interface GelezenGesprekken {
  /** Records read (lines with content after the header; a record with a line break inside quotes counts once). */
  gelezen: number;
  /** The good records, each gesprek_id once. */
  gesprekken: Gesprek[];
  /** Records that repeat an earlier record of the file exactly: already there, not stored twice. */
  herhaald: number;
  fouten: Regelfout[];
  scheidingsteken: ',' | ';';
}

/** Longest text in gesprek_id, wachtrij and doorverbonden_naar. */
export const MAX_TEKST = 200;
/** Largest number of seconds: what a PostgreSQL integer holds. */
const MAX_SECONDEN = 2_147_483_647;

const kolomnaam = z
  .string()
  .trim()
  .min(1, 'Een kolomnaam is niet leeg.')
  .max(MAX_TEKST, `Een kolomnaam is hoogstens ${MAX_TEKST} tekens.`)
  .refine((naam) => !/[\r\n"]/.test(naam), 'Een kolomnaam heeft geen regeleinde of aanhalingsteken.');

/**
 * The mapping file (`--mapping`): `{"kolommen": {"gesprek_id": "CallID", …}}`, each of Loket's
 * columns to the header name the platform uses. Two columns cannot read the same header name.
 */
export const mappingSchema = z
  .strictObject({
    kolommen: z.strictObject(Object.fromEntries(KOLOMMEN.map((k) => [k, kolomnaam.optional()])) as Record<Kolom, z.ZodOptional<typeof kolomnaam>>),
  })
  .superRefine((m, ctx) => {
    const gezien = new Map<string, string>();
    for (const [kolom, naam] of Object.entries(m.kolommen)) {
      if (naam === undefined) continue;
      const eerder = gezien.get(naam.toLowerCase());
      if (eerder) ctx.addIssue({ code: 'custom', path: ['kolommen', kolom], message: `De kolom "${naam}" is al gekoppeld aan ${eerder}.` });
      gezien.set(naam.toLowerCase(), kolom);
    }
  });
export type Mapping = z.output<typeof mappingSchema>;

interface Kop {
  sep: ',' | ';';
  /** Per Loket column, its position in the record. */
  positie: Record<Kolom, number>;
  /** Per Loket column, the name the file uses for it (for the reasons). */
  naam: Record<Kolom, string>;
  aantal: number;
  /** Where the first record after the header starts. */
  volgende: { pos: number; regel: number };
}

/** Reads the header with `,` and with `;` and takes the one that names the columns; else the file is refused. */
function leesKop(tekst: string, kolommen: Kolomnamen): Kop {
  const naam = Object.fromEntries(KOLOMMEN.map((k) => [k, kolommen[k]?.trim() ?? k])) as Record<Kolom, string>;
  const verwacht = KOLOMMEN.map((k) => naam[k]).join(',');
  const pogingen = ([',', ';'] as const).map((sep) => {
    const eerste = csvRecords(tekst, sep, 0, 1).next();
    const velden = eerste.done ? [] : eerste.value.velden.map((v) => v.trim());
    const laag = velden.map((v) => v.toLowerCase());
    const ontbreekt = KOLOMMEN.filter((k) => !laag.includes(naam[k].toLowerCase()));
    const dubbel = KOLOMMEN.filter((k) => laag.filter((v) => v === naam[k].toLowerCase()).length > 1);
    return { sep, velden, laag, ontbreekt, dubbel, volgende: eerste.done ? { pos: tekst.length, regel: 2 } : eerste.value.volgende };
  });
  const [komma, puntkomma] = pogingen as [(typeof pogingen)[0], (typeof pogingen)[0]];
  const beste =
    puntkomma.ontbreekt.length < komma.ontbreekt.length || (puntkomma.ontbreekt.length === komma.ontbreekt.length && puntkomma.velden.length > komma.velden.length)
      ? puntkomma
      : komma;
  if (beste.velden.every((v) => v === '')) {
    throw new GesprekkenBestandFout(1, `Regel 1 is leeg. Daar hoort de kop met de kolommen ${verwacht}.`);
  }
  if (beste.ontbreekt.length > 0) {
    const gevonden = beste.velden.filter(Boolean).map((v) => kort(v)).join(', ');
    throw new GesprekkenBestandFout(
      1,
      `De kop mist ${beste.ontbreekt.length === 1 ? 'de kolom' : 'de kolommen'} ${beste.ontbreekt.map((k) => naam[k]).join(', ')}. ` +
        `De kop moet zijn: ${verwacht} (gescheiden door komma's of puntkomma's). Gevonden: ${gevonden}.`,
    );
  }
  if (beste.dubbel.length > 0) {
    throw new GesprekkenBestandFout(1, `De kop noemt ${beste.dubbel.map((k) => naam[k]).join(', ')} meer dan één keer.`);
  }
  const positie = Object.fromEntries(KOLOMMEN.map((k) => [k, beste.laag.indexOf(naam[k].toLowerCase())])) as Record<Kolom, number>;
  return { sep: beste.sep, positie, naam, aantal: beste.velden.length, volgende: beste.volgende };
}

const GETAL = /^[0-9]+$/;

function seconden(waarde: string, kolom: string): number | string {
  if (waarde === '') return `${kolom} is leeg; geef het aantal seconden (0 of meer).`;
  if (GETAL.test(waarde)) {
    const n = Number(waarde);
    return n <= MAX_SECONDEN ? n : `${kolom} "${kort(waarde)}" is te groot.`;
  }
  if (/^-[0-9]+$/.test(waarde)) return `${kolom} is ${waarde}: een aantal seconden kan niet negatief zijn.`;
  if (/^-?[0-9]*[.,][0-9]+$/.test(waarde)) return `${kolom} is ${kort(waarde)}: geef hele seconden, zonder komma of punt.`;
  return `${kolom} "${kort(waarde)}" is geen aantal seconden.`;
}

function tekstveld(waarde: string, kolom: string, verplicht: boolean): string | null | { fout: string } {
  if (waarde === '') return verplicht ? { fout: `${kolom} is leeg.` } : null;
  if (heeftOngeldigTeken(waarde)) return { fout: `${kolom} bevat een teken dat niet mag (zoals een nul-teken).` };
  if (waarde.length > MAX_TEKST) return { fout: `${kolom} is langer dan ${MAX_TEKST} tekens.` };
  return waarde;
}

/** One record checked: the call, or every reason it cannot be read, as one text. */
function leesRecord(r: CsvRecord, kop: Kop): Gesprek | Regelfout {
  if (r.fout) return { regel: r.regel, reden: r.fout };
  if (r.velden.length !== kop.aantal) {
    const sep = kop.sep === ',' ? 'komma' : 'puntkomma';
    return {
      regel: r.regel,
      reden: `Deze regel heeft ${r.velden.length} ${r.velden.length === 1 ? 'veld' : 'velden'}, de kop heeft er ${kop.aantal}. Staat er een ${sep} in een waarde? Zet die waarde dan tussen aanhalingstekens (").`,
    };
  }
  const waarde = (k: Kolom) => (r.velden[kop.positie[k]] ?? '').trim();
  const redenen: string[] = [];
  const tekst = (k: Kolom, verplicht: boolean): string | null => {
    const t = tekstveld(waarde(k), kop.naam[k], verplicht);
    if (t !== null && typeof t === 'object') {
      redenen.push(t.fout);
      return null;
    }
    return t;
  };
  const getal = (k: Kolom): number => {
    const s = seconden(waarde(k), kop.naam[k]);
    if (typeof s === 'string') {
      redenen.push(s);
      return 0;
    }
    return s;
  };
  const gesprekId = tekst('gesprek_id', true);
  const wachtrij = tekst('wachtrij', true);
  const ruwBegin = waarde('begin');
  let begin = '';
  if (ruwBegin === '') redenen.push(`${kop.naam.begin} is leeg.`);
  else {
    const b = leesBegin(ruwBegin);
    if ('fout' in b) redenen.push(`${kop.naam.begin}: ${b.fout}`);
    else begin = b.moment;
  }
  const wachttijdS = getal('wachttijd_s');
  const ruweAfloop = waarde('afloop');
  const afloop = ruweAfloop.toLowerCase() as Afloop;
  if (!(AFLOPEN as readonly string[]).includes(afloop)) {
    redenen.push(
      ruweAfloop === ''
        ? `${kop.naam.afloop} is leeg; kies beantwoord, opgehangen of buiten-openingstijd.`
        : `${kop.naam.afloop} "${kort(ruweAfloop)}" kan niet; kies beantwoord, opgehangen of buiten-openingstijd.`,
    );
  }
  const gespreksduurS = getal('gespreksduur_s');
  const doorverbondenNaar = tekst('doorverbonden_naar', false);
  if (redenen.length > 0) return { regel: r.regel, reden: redenen.join(' ') };
  return { regel: r.regel, gesprekId: gesprekId as string, wachtrij: wachtrij as string, begin, wachttijdS, afloop, gespreksduurS, doorverbondenNaar };
}

const zelfde = (a: Gesprek, b: Gesprek) =>
  a.wachtrij === b.wachtrij && a.begin === b.begin && a.wachttijdS === b.wachttijdS && a.afloop === b.afloop && a.gespreksduurS === b.gespreksduurS && a.doorverbondenNaar === b.doorverbondenNaar;

/**
 * Reads a file of call records. Throws `GesprekkenBestandFout` when the header does not fit (the
 * whole file is refused); otherwise every record is either a call or a `Regelfout`. A gesprek_id
 * that comes back later in the file with the same data counts as already there (`herhaald`); with
 * other data it is an error on the later line.
 */
export function leesGesprekken(invoer: string, opties: { kolommen?: Kolomnamen } = {}): GelezenGesprekken {
  const tekst = invoer.charCodeAt(0) === 0xfeff ? invoer.slice(1) : invoer;
  const kop = leesKop(tekst, opties.kolommen ?? {});
  const gesprekken: Gesprek[] = [];
  const fouten: Regelfout[] = [];
  const eerder = new Map<string, Gesprek>();
  let gelezen = 0;
  let herhaald = 0;
  for (const r of csvRecords(tekst, kop.sep, kop.volgende.pos, kop.volgende.regel)) {
    // An empty line (also the line after a final line break) is no record.
    if (r.velden.length === 1 && r.velden[0]?.trim() === '' && !r.fout) continue;
    gelezen++;
    const g = leesRecord(r, kop);
    if (!('gesprekId' in g)) {
      fouten.push(g);
      continue;
    }
    const vorige = eerder.get(g.gesprekId);
    if (vorige) {
      if (zelfde(vorige, g)) herhaald++;
      else fouten.push({ regel: g.regel, reden: `${kop.naam.gesprek_id} ${kort(g.gesprekId)} staat ook op regel ${vorige.regel}, met andere gegevens.` });
      continue;
    }
    eerder.set(g.gesprekId, g);
    gesprekken.push(g);
  }
  return { gelezen, gesprekken, herhaald, fouten, scheidingsteken: kop.sep };
}

/**
 * The bytes of a file as text, when they are UTF-8; otherwise the file is refused, naming the
 * line of the first byte that is not (a file saved as Windows-1252, for instance).
 */
export function alsUtf8(bytes: Uint8Array): string {
  const uitkomst = utf8OfFouteRegel(bytes);
  if (typeof uitkomst === 'string') return uitkomst;
  const regel = uitkomst.fouteRegel;
  throw new GesprekkenBestandFout(regel, `Regel ${regel} bevat tekens die geen UTF-8 zijn. Sla het bestand op als UTF-8 (CSV UTF-8) en probeer het opnieuw.`);
}
