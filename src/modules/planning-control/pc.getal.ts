/**
 * Dutch numbers and indicator values as printed in Diemen's programme chapters.
 *
 * - Thousands are grouped with dots, decimals follow a comma: `1.234` = 1234, `7,0` = 7,
 *   `-13.935` = -13935, `71,4` = 71.4. A dot followed by anything but exactly three digits is not a
 *   Dutch number (`1.5` is refused, not read as 1.5 or 15).
 * - Finance cells: `-` is 0, an empty cell is null.
 * - Indicator cells: `40%`, `19 %`, `€ 979`, ranges `70-80%`, rapportcijfers, statuses (NB, nnb,
 *   n.v.t., "Niet beschikbaar, <reden>") and footnote numbers glued to the value (`NB29`, `4%3`).
 * Pure functions; no I/O.
 */
import type { PcEenheid, PcWaarde } from './pc.hoofdstuk.ts';

/** One Dutch number (sign optional) as a regular-expression source, without anchors. */
export const GETAL_BRON = String.raw`-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?`;
const GETAL = new RegExp(`^${GETAL_BRON}$`);
/** An amount in a finance table: integers with thousands dots, or `-` for nothing. */
const BEDRAG = /^(?:-?(?:\d{1,3}(?:\.\d{3})+|\d+)|-)$/;

/** Reads a Dutch number; null when `tekst` is not one. */
export function leesGetal(tekst: string): number | null {
  const t = tekst.trim();
  if (!GETAL.test(t)) return null;
  const waarde = Number(t.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(waarde) ? waarde : null;
}

/** True when `token` is a finance amount (`-13.935`, `722`, `-`). */
export function isBedrag(token: string): boolean {
  return BEDRAG.test(token);
}

/** A finance cell: `-` is 0, an empty cell null; undefined when the text is not an amount. */
export function leesBedrag(tekst: string): number | null | undefined {
  const t = tekst.trim();
  if (t === '') return null;
  if (t === '-') return 0;
  if (!BEDRAG.test(t)) return undefined;
  return leesGetal(t) ?? undefined;
}

/** Formats an integer amount the way the finance tables print it (used by tests and docs). */
export function formatteerBedrag(bedrag: number): string {
  if (bedrag === 0) return '-';
  return formatteerGetal(bedrag, 0);
}

/** Formats a number the Dutch way: thousands dots, decimal comma, `decimalen` digits. */
export function formatteerGetal(getal: number, decimalen: number): string {
  const teken = getal < 0 ? '-' : '';
  const [heel = '0', breuk] = Math.abs(getal).toFixed(decimalen).split('.');
  const gegroepeerd = heel.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return teken + gegroepeerd + (breuk === undefined ? '' : `,${breuk}`);
}

export interface WaardeContext {
  /** The indicator's name: decides between rapportcijfer and aantal for a bare number. */
  naam?: string;
  /**
   * The footnote numbers that exist in the chapter. Digits glued to a value only count as a
   * footnote when they are in this set; without a set every glued number is accepted.
   */
  voetnoten?: ReadonlySet<number>;
}

export interface GelezenWaarde {
  waarde: PcWaarde;
  /** Set when the cell was not understood; the value then carries the printed text only. */
  fout?: string;
}

const STATUSSEN: [RegExp, string][] = [
  [/^n\.?\s?b\.?$/i, 'NB'],
  [/^n\.?n\.?b\.?$/i, 'nnb'],
  [/^n\.?v\.?t\.?$/i, 'n.v.t.'],
  [/^onbekend$/i, 'onbekend'],
  [/^-$/, '-'],
];
/** A value followed by "per <word>" ("per week", "per inwoner", "per 1.000 inwoners"). */
const PER = /^(.+?)\s+per\s+((?:\d{1,3}(?:\.\d{3})*\s+)?\p{L}+)$/u;
/** Two numbers separated by a slash: "14/215", "3/4". */
const VERHOUDING = new RegExp(`^${GETAL_BRON}\\/${GETAL_BRON}$`);
const VRIJE_STATUS = /^(niet beschikbaar|niet bekend|nog niet bekend|nog niet beschikbaar)\b[,.:;]?\s*(.*)$/i;

/** Names of indicators whose bare numbers between 1 and 10 are rapportcijfers. */
/** Also at the end of a compound word ("Cliënttevredenheid", "Klantwaardering", "eindcijfer"), but not "ontevreden". */
const CIJFER_NAAM = /(waardering|(?<!on)tevredenheid|(?<!on)tevreden|rapportcijfer|cijfer|beoordeling)\b/i;
const TELLING_NAAM = /^\s*(aantal|%|percentage|totaal)\b/i;

/**
 * Decides the unit of a bare number: a rapportcijfer when the indicator's name speaks of a
 * waardering/tevredenheid/rapportcijfer (and does not start with "Aantal" or "%"), and the value
 * lies between 1 and 10 with at most one decimal; otherwise an aantal.
 */
export function eenheidVoorKaalGetal(printed: string, getal: number, naam: string | undefined): PcEenheid {
  const hoogstensEenDecimaal = /^-?\d+(,\d)?$/.test(printed);
  if (naam !== undefined && CIJFER_NAAM.test(naam) && !TELLING_NAAM.test(naam) && hoogstensEenDecimaal && getal >= 1 && getal <= 10) {
    return 'rapportcijfer';
  }
  return 'aantal';
}

type Kern = Pick<PcWaarde, 'tekst' | 'getal' | 'eenheid' | 'tot' | 'status' | 'reden'>;

/** Reads a cell without footnote digits; null when it is not a value. */
function leesKern(tekst: string, naam: string | undefined): Kern | null {
  const t = tekst.replace(/\s+/g, ' ').trim();
  if (t === '') return null;
  // "€ 5 per inwoner", "14/215 per week": the value with its unit of time or count, as printed.
  const per = PER.exec(t);
  if (per) {
    const kern = leesKern(per[1] ?? '', naam);
    return kern && kern.status === undefined ? { ...kern, tekst: t } : null;
  }
  // "14/215": two numbers in one cell (a part of a whole, a count per capacity) are not one number.
  if (VERHOUDING.test(t)) return { tekst: t, getal: null, eenheid: null };
  for (const [patroon, status] of STATUSSEN) {
    if (patroon.test(t)) return { tekst: t, getal: null, eenheid: null, status };
  }
  const vrij = VRIJE_STATUS.exec(t);
  if (vrij) {
    const reden = (vrij[2] ?? '').trim();
    return { tekst: t, getal: null, eenheid: null, status: (vrij[1] ?? '').toLowerCase(), ...(reden ? { reden } : {}) };
  }
  const procent = new RegExp(`^(${GETAL_BRON})\\s?%$`).exec(t);
  if (procent) return { tekst: t, getal: leesGetal(procent[1] ?? ''), eenheid: '%' };
  const euro = new RegExp(`^(-?)\\s?€\\s?(${GETAL_BRON})$`).exec(t);
  if (euro) {
    const getal = leesGetal(euro[2] ?? '');
    if (getal === null) return null;
    return { tekst: t, getal: euro[1] === '-' ? -getal : getal, eenheid: '€' };
  }
  const bereik = new RegExp(`^(${GETAL_BRON})\\s?(%?)\\s?[-–]\\s?(${GETAL_BRON})\\s?(%?)$`).exec(t);
  if (bereik) {
    const van = leesGetal(bereik[1] ?? '');
    const tot = leesGetal(bereik[3] ?? '');
    // "2021-2022" without a unit is a period (a remark such as "jeugdmonitor 2021-2022"), not a value
    const periode = bereik[2] === '' && bereik[4] === '' && /^(?:19|20)\d{2}$/.test(bereik[1] ?? '') && /^(?:19|20)\d{2}$/.test(bereik[3] ?? '');
    if (van !== null && tot !== null && van <= tot && !periode) return { tekst: t, getal: van, eenheid: 'bereik', tot };
  }
  const getal = leesGetal(t);
  if (getal !== null) return { tekst: t, getal, eenheid: eenheidVoorKaalGetal(t, getal, naam) };
  return null;
}

function metVoetnoten(kern: Kern, kolom: string, voetnoten: number[]): PcWaarde {
  const waarde: PcWaarde = { kolom, tekst: kern.tekst, getal: kern.getal, eenheid: kern.eenheid, voetnoten };
  if (kern.tot !== undefined) waarde.tot = kern.tot;
  if (kern.status !== undefined) waarde.status = kern.status;
  if (kern.reden !== undefined) waarde.reden = kern.reden;
  return waarde;
}

/**
 * Reads one indicator cell as printed (footnote digits possibly glued on). Glued digits count as
 * a footnote only after a non-digit (`NB29`, `4%3`, `7,2%7`, `n.v.t.2`) or after a thousands
 * group that would otherwise be too long (`1.2345` = 1.234 with footnote 5, `€ 7.9023` = € 7.902
 * with footnote 3), and only when the
 * number is one of `context.voetnoten`. A bare number never loses digits (`723` stays 723).
 */
export function leesWaarde(tekst: string, kolom: string, context: WaardeContext = {}): GelezenWaarde {
  const t = tekst.replace(/\s+/g, ' ').trim();
  const direct = leesKern(t, context.naam);
  if (direct) return { waarde: metVoetnoten(direct, kolom, []) };

  let onbekend: number | null = null;
  for (let lengte = 1; lengte <= 3 && lengte < t.length; lengte++) {
    const voor = t.slice(0, -lengte);
    const cijfers = t.slice(-lengte);
    if (!/^[1-9]\d*$/.test(cijfers)) continue;
    const laatste = voor.at(-1) ?? '';
    const naNietCijfer = !/[\d\s,]/.test(laatste);
    const naDuizendtal = /^-?(?:€\s?)?\d{1,3}(\.\d{3})+$/.test(voor); // "1.2507", "€ 7.9023"
    if (!naNietCijfer && !naDuizendtal) continue;
    const kern = leesKern(voor, context.naam);
    if (!kern) continue;
    const nummer = Number(cijfers);
    if (context.voetnoten === undefined || context.voetnoten.has(nummer)) {
      return { waarde: metVoetnoten(kern, kolom, [nummer]) };
    }
    onbekend = nummer;
  }
  if (onbekend !== null) {
    return {
      waarde: { kolom, tekst: t, getal: null, eenheid: null, voetnoten: [] },
      fout: `"${t}": voetnoot ${onbekend} staat niet in de voetnoten van dit hoofdstuk`,
    };
  }
  return { waarde: { kolom, tekst: t, getal: null, eenheid: null, voetnoten: [] }, fout: `"${t}" is geen bekende waarde` };
}

/** True when a single whitespace-free token can be (the start of) a value cell. */
export function isWaardeToken(token: string): boolean {
  return leesWaarde(token, '').fout === undefined;
}

/** A free-text status without a reason, as a whole cell. */
const KALE_STATUS = /^(niet bekend|niet beschikbaar|nog niet bekend|nog niet beschikbaar)$/i;

/** Words that open a free-text status cell that runs to the end of the line (and beyond). */
const VRIJE_STATUS_BEGIN = /^(niet|nog)$/i;

/**
 * Splits the tail of a line into exactly `aantal` value cells. Tries the longest tail first
 * (the name may contain numbers, but never ends in a run of cells that fits); returns the prefix
 * (the name part) and the cells, or null when no tail of exactly `aantal` cells exists.
 * A free-text status ("Niet beschikbaar, …") normally takes the rest of the line as one cell;
 * only when no split works that way may it stand in an earlier column, ending where the rest of
 * the line is exactly the remaining cells ("Niet beschikbaar, de 7,0 7,2"). `open` is true when
 * that text does not end with a full stop (it continues on the next lines); `openIndex` is its column.
 */
export function splitsWaarden(regel: string, aantal: number): { voor: string; cellen: string[]; open: boolean; openIndex: number } | null {
  const tokens = regel.trim().split(/\s+/).filter((t) => t !== '');
  for (const metMidden of [false, true]) {
    for (let start = 0; start < tokens.length; start++) {
      const cellen = lexCellen(tokens.slice(start), metMidden ? aantal : undefined);
      if (cellen && cellen.cellen.length === aantal) {
        return { voor: tokens.slice(0, start).join(' '), cellen: cellen.cellen, open: cellen.open, openIndex: cellen.openIndex };
      }
    }
  }
  return null;
}

/**
 * One value cell (not a free-text status) starting at token i: "€ 979", "19 %", "40%", "14/215",
 * each optionally followed by "per <word>" ("per week", "per 1.000 inwoners"). Null when token i
 * does not start one. `eind` is the token after the cell.
 */
function eenCel(tokens: readonly string[], i: number): { tekst: string; eind: number } | null {
  const t = tokens[i] ?? '';
  const volgende = tokens[i + 1];
  let tekst: string;
  let eind: number;
  const kaal = [3, 2].find((m) => KALE_STATUS.test(tokens.slice(i, i + m).join(' ')) && i + m <= tokens.length);
  if (kaal !== undefined) return { tekst: tokens.slice(i, i + kaal).join(' '), eind: i + kaal };
  if (/^-?€$/.test(t) && volgende !== undefined && leesWaarde(`${t} ${volgende}`, '').fout === undefined) {
    // "€ 979" (a footnote could be glued to the number; leesWaarde decides later)
    tekst = `${t} ${volgende}`;
    eind = i + 2;
  } else if (volgende !== undefined && /^%\d{0,3}$/.test(volgende) && leesGetal(t) !== null) {
    tekst = `${t} ${volgende}`;
    eind = i + 2;
  } else if (t !== '' && isWaardeToken(t) && !/^per$/i.test(t)) {
    tekst = t;
    eind = i + 1;
  } else return null;
  if (/^per$/i.test(tokens[eind] ?? '') && tekst !== '-') {
    const een = tokens[eind + 1] ?? '';
    const twee = tokens[eind + 2] ?? '';
    if (/^\d{1,3}(?:\.\d{3})*$/.test(een) && /^\p{L}+$/u.test(twee)) return { tekst: `${tekst} per ${een} ${twee}`, eind: eind + 3 };
    if (/^\p{L}+$/u.test(een)) return { tekst: `${tekst} per ${een}`, eind: eind + 2 };
  }
  return { tekst, eind };
}

/**
 * Splits the tail of a line into exactly `aantal` value cells where a cell may be followed by a
 * remark in the same cell ("18% corona jeugdmonitor 2021-2022"): for rows that `splitsWaarden`
 * cannot split. A remark starts with a word in lower case or "(" (after the last cell also with a
 * capital) and runs until the rest of the line splits into the remaining cells (shortest remark first); the earliest start wins (the
 * shortest name). Free-text statuses are not combined with remarks. Null when no split exists.
 */
export function splitsWaardenMetOpmerking(regel: string, aantal: number): { voor: string; cellen: string[]; opmerkingen: (string | null)[] } | null {
  const tokens = regel.trim().split(/\s+/).filter((t) => t !== '');
  const vanaf = (p: number, nodig: number): { cellen: string[]; opmerkingen: (string | null)[] } | null => {
    if (nodig === 0) return p === tokens.length ? { cellen: [], opmerkingen: [] } : null;
    const cel = eenCel(tokens, p);
    if (!cel) return null;
    if (nodig === 1 && cel.eind === tokens.length) return { cellen: [cel.tekst], opmerkingen: [null] };
    const verder = vanaf(cel.eind, nodig - 1);
    if (verder) return { cellen: [cel.tekst, ...verder.cellen], opmerkingen: [null, ...verder.opmerkingen] };
    // a remark opens in lower case or with "("; after the last cell (nothing but the remark can
    // follow there) also with a capital ("31 Bron: eigen registratie")
    if (!/^[\p{Ll}(]/u.test(tokens[cel.eind] ?? '') && !(nodig === 1 && /^\p{Lu}/u.test(tokens[cel.eind] ?? ''))) return null;
    for (let q = cel.eind + 1; q <= tokens.length; q++) {
      const rest = nodig === 1 ? (q === tokens.length ? { cellen: [], opmerkingen: [] } : null) : vanaf(q, nodig - 1);
      if (rest) return { cellen: [cel.tekst, ...rest.cellen], opmerkingen: [tokens.slice(cel.eind, q).join(' '), ...rest.opmerkingen] };
    }
    return null;
  };
  for (let start = 0; start < tokens.length; start++) {
    const r = vanaf(start, aantal);
    if (r && r.opmerkingen.some((o) => o !== null)) return { voor: tokens.slice(0, start).join(' '), ...r };
  }
  return null;
}

/**
 * Lexes tokens into value cells; null when a token is not part of a value. Without `aantal` a
 * free-text status takes the rest of the tokens. With `aantal`, a free-text status that opens with
 * a capital ("Niet beschikbaar, …") before the last column ends where the remaining tokens are
 * exactly the remaining cells (longest text first).
 */
export function lexCellen(tokens: string[], aantal?: number): { cellen: string[]; open: boolean; openIndex: number } | null {
  const cellen: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] ?? '';
    const rest = tokens.slice(i).join(' ');
    // A bare status of two or three words ("niet bekend", "nog niet beschikbaar") followed by values: a cell of its own.
    for (const m of [2, 3]) {
      if (!VRIJE_STATUS_BEGIN.test(t) || !KALE_STATUS.test(tokens.slice(i, i + m).join(' ')) || i + m >= tokens.length) continue;
      const verder = lexCellen(tokens.slice(i + m), aantal === undefined ? undefined : aantal - cellen.length - 1);
      if (verder && (aantal === undefined || cellen.length + 1 + verder.cellen.length === aantal)) {
        return { cellen: [...cellen, tokens.slice(i, i + m).join(' '), ...verder.cellen], open: verder.open, openIndex: verder.open ? cellen.length + 1 + verder.openIndex : -1 };
      }
    }
    if (VRIJE_STATUS_BEGIN.test(t) && VRIJE_STATUS.test(rest)) {
      if (aantal !== undefined && cellen.length < aantal - 1 && /^\p{Lu}/u.test(t)) {
        for (let eind = tokens.length - 1; eind >= i + 2; eind--) {
          if (/^-?€$/.test(tokens[eind - 1] ?? '')) continue; // "€ 111" is one cell
          const verder = lexCellen(tokens.slice(eind));
          if (verder && cellen.length + 1 + verder.cellen.length === aantal) {
            const vrij = tokens.slice(i, eind).join(' ');
            const open = !vrij.endsWith('.');
            return {
              cellen: [...cellen, vrij, ...verder.cellen],
              open: open || verder.open,
              openIndex: open ? cellen.length : cellen.length + 1 + verder.openIndex,
            };
          }
        }
      }
      cellen.push(rest);
      // "niet bekend" is complete as it is; a status with the start of a reason continues until a full stop
      const open = !rest.endsWith('.') && !KALE_STATUS.test(rest);
      return { cellen, open, openIndex: open ? cellen.length - 1 : -1 };
    }
    const cel = eenCel(tokens, i);
    if (cel) {
      cellen.push(cel.tekst);
      i = cel.eind;
      continue;
    }
    return null;
  }
  return { cellen, open: false, openIndex: -1 };
}

// ---------------------------------------------------------------------------------------------
// Overhevelingen: "<naam> <bedrag> <motivering>" on one line

/** An amount in an overheveling line: integers with thousands dots, optionally decimals (`150`, `-45`, `1.250`). */
const LOS_BEDRAG = /^-?(?:\d{1,3}(?:\.\d{3})+|\d{1,3})(?:,\d+)?$/;
/** After a euro sign any integer is allowed (`€ 4500`, `€ 45.000`, `€ 45.000,50`). */
const EURO_BEDRAG = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

export interface BedragRegel {
  naam: string;
  /** The amount as printed, in the unit printed (`€`-amounts in whole euros). */
  bedrag: number;
  /** The amount was printed with a euro sign (`€ 45.000`). */
  euro: boolean;
  /** The text after the amount (the start of the motivation); "" when none. */
  rest: string;
}

/**
 * Reads a line "<naam> <bedrag> <rest>" of an overhevelingen table or item: the name starts with a
 * capital, the amount is `150`, `-45`, `1.250`, `€ 45.000` or `€45.000`, and the rest is empty or
 * starts with a capital or "(". A bare four-digit number without thousands dot is a year, never an
 * amount (`2024`). When several tokens qualify, the last one wins (names hold numbers more often
 * than motivations hold a number followed by a capitalised word). Null when the line is not one.
 * `vervolg`: the line continues a name wrapped on the line above, so it may start in lower case.
 */
export function splitsBedragRegel(regel: string, vervolg = false): BedragRegel | null {
  const tokens = regel.trim().split(/\s+/).filter((t) => t !== '');
  let beste: BedragRegel | null = null;
  for (let k = 1; k < tokens.length; k++) {
    let token = tokens[k] ?? '';
    let eind = k + 1;
    let euro = false;
    let teken = 1;
    if (/^-?€$/.test(token) && k + 1 < tokens.length) {
      teken = token.startsWith('-') ? -1 : 1;
      token = tokens[k + 1] ?? '';
      eind = k + 2;
      euro = true;
    } else if (/^-?€/.test(token)) {
      teken = token.startsWith('-') ? -1 : 1;
      token = token.replace(/^-?€/, '');
      euro = true;
    }
    if (!euro && /^-?€$/.test(tokens[k - 1] ?? '')) continue; // the number of "€ 45.000": read with its sign
    if (!(euro ? EURO_BEDRAG : LOS_BEDRAG).test(token)) continue;
    const volgende = tokens[eind];
    if (volgende !== undefined && !/^[\p{Lu}(]/u.test(volgende)) continue;
    const naam = tokens
      .slice(0, k)
      .join(' ')
      .replace(/\s*[:\-–]$/, '')
      .trim();
    if (naam === '' || !(vervolg || /^\p{Lu}/u.test(naam))) continue;
    const getal = leesGetal(token);
    if (getal === null) continue;
    beste = { naam, bedrag: teken * getal, euro, rest: tokens.slice(eind).join(' ') };
  }
  return beste;
}
