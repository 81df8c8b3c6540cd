/**
 * Open-data CSV as Loket writes it (RFC 4180 quoting, CRLF, numbers with a decimal point), UTF-8
 * with a byte order mark so spreadsheet programs read the accents, and CSV as others write it
 * (`csvRecords`, `leesCsvKop`, `utf8OfFouteRegel`). Pure.
 */

export type CsvCel = string | number | boolean | null | undefined;

/** One cell: empty for null, `ja`/`nee` for a boolean, quoted when it holds a quote, the separator or a line break. */
function cel(waarde: CsvCel, scheidingsteken: string): string {
  if (waarde === null || waarde === undefined) return '';
  const tekst = typeof waarde === 'boolean' ? (waarde ? 'ja' : 'nee') : String(waarde);
  return tekst.includes('"') || tekst.includes(scheidingsteken) || /[\r\n]/.test(tekst) ? `"${tekst.replaceAll('"', '""')}"` : tekst;
}

/** The rows (the first the header) as one CSV text with a BOM, each row ended by CRLF. */
export function naarCsvTekst(rijen: readonly (readonly CsvCel[])[], scheidingsteken: ',' | ';' = ','): string {
  return `\uFEFF${rijen.map((r) => r.map((w) => cel(w, scheidingsteken)).join(scheidingsteken)).join('\r\n')}\r\n`;
}

// Reading CSV (the KCC call records, the survey files): one reader for every module.

/** One record of a CSV text. */
export interface CsvRecord {
  /** Line number where the record starts. */
  regel: number;
  velden: string[];
  /** Why the record could not be split into fields (quotes), if so. */
  fout?: string;
  /** Where the next record starts: position in the text and line number. */
  volgende: { pos: number; regel: number };
}

const isSpatie = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * The records of a CSV text from a position: per record its first line number and its fields.
 * Unquoted fields are taken as they are (a quote inside one is an ordinary character); a quoted
 * field (spaces before the quote are allowed) ends at a quote that is not doubled, which must be
 * followed by the separator or the end of the line, and may run over line ends.
 */
export function* csvRecords(tekst: string, sep: string, vanaf: number, eersteRegel: number): Generator<CsvRecord> {
  let pos = vanaf;
  let regel = eersteRegel;
  const lengte = tekst.length;
  while (pos < lengte) {
    const start = regel;
    let eind = tekst.indexOf('\n', pos);
    if (eind === -1) eind = lengte;
    const lijn = tekst.charCodeAt(eind - 1) === 13 ? tekst.slice(pos, eind - 1) : tekst.slice(pos, eind);
    if (!lijn.includes('"')) {
      pos = eind + 1;
      regel++;
      yield { regel: start, velden: lijn.split(sep), volgende: { pos, regel } };
      continue;
    }
    // Quotes: walk character by character.
    const velden: string[] = [];
    let i = pos;
    let fout: string | undefined;
    for (;;) {
      let veld = '';
      let j = i;
      while (isSpatie(tekst[j])) j++;
      if (tekst[j] === '"') {
        i = j + 1;
        let dicht = false;
        while (i < lengte) {
          const c = tekst[i];
          if (c === '"') {
            if (tekst[i + 1] === '"') {
              veld += '"';
              i += 2;
              continue;
            }
            dicht = true;
            i++;
            break;
          }
          if (c === '\n') regel++;
          veld += c;
          i++;
        }
        velden.push(veld);
        if (!dicht) {
          fout = 'Een waarde begint met een aanhalingsteken (") maar wordt niet afgesloten.';
          i = lengte;
          break;
        }
        // After the closing quote: spaces, then the separator or the end of the line.
        while (isSpatie(tekst[i])) i++;
        const regeleinde = i >= lengte || tekst[i] === '\n' || (tekst[i] === '\r' && (i + 1 >= lengte || tekst[i + 1] === '\n'));
        if (!regeleinde && tekst[i] !== sep) {
          fout = `Na een afsluitend aanhalingsteken (") hoort ${sep === ',' ? 'een komma' : 'een puntkomma'} of het einde van de regel.`;
          const rest = tekst.indexOf('\n', i);
          i = rest === -1 ? lengte : rest;
          break;
        }
      } else {
        while (i < lengte && tekst[i] !== sep && tekst[i] !== '\n') veld += tekst[i++];
        if (veld.endsWith('\r') && (i >= lengte || tekst[i] === '\n')) veld = veld.slice(0, -1);
        velden.push(veld);
      }
      if (i < lengte && tekst[i] === sep) {
        i++;
        continue;
      }
      if (tekst[i] === '\r') i++;
      break;
    }
    // i is at the line end ("\n") or the end of the text.
    pos = i + 1;
    regel++;
    yield fout === undefined ? { regel: start, velden, volgende: { pos, regel } } : { regel: start, velden, fout, volgende: { pos, regel } };
  }
}

/** The header of a CSV text (a BOM already removed): read with `,` and with `;`, the one that splits it into more fields wins (a tie: `,`). */
export function leesCsvKop(tekst: string): { sep: ',' | ';'; velden: string[]; volgende: { pos: number; regel: number } } {
  const pogingen = ([',', ';'] as const).map((sep) => {
    const eerste = csvRecords(tekst, sep, 0, 1).next();
    return eerste.done ? { sep, velden: [] as string[], volgende: { pos: tekst.length, regel: 2 } } : { sep, velden: eerste.value.velden, volgende: eerste.value.volgende };
  });
  const [komma, puntkomma] = pogingen as [(typeof pogingen)[0], (typeof pogingen)[0]];
  return puntkomma.velden.length > komma.velden.length ? puntkomma : komma;
}

const strikteUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text when they are UTF-8; otherwise the line (1-based) of the first byte that is not. */
export function utf8OfFouteRegel(bytes: Uint8Array): string | { fouteRegel: number } {
  try {
    return strikteUtf8.decode(bytes);
  } catch {
    const tekst = new TextDecoder('utf-8').decode(bytes);
    const plek = tekst.indexOf('\uFFFD');
    return { fouteRegel: plek === -1 ? 1 : tekst.slice(0, plek).split('\n').length };
  }
}
