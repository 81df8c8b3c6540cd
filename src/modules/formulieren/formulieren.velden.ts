/**
 * What a resident may answer, pure (no database): each field kind's check and normal form, the
 * conditions (which steps and fields are shown, given the answers so far) and the answers that
 * count (those of shown fields only). The pages, the service and the tests all use these.
 */
import type { Definitie, Stap, Veld, Voorwaarde } from './formulieren.schemas.ts';
import { tekstMax } from './formulieren.schemas.ts';

export interface Adres {
  postcode: string;
  huisnummer: string;
}
/** A stored answer: text (also numbers, dates, choices, yes/no), the values of a multiple choice, an address. */
export type Antwoord = string | string[] | Adres;
export type Antwoorden = Record<string, Antwoord>;

/** Why an answer is refused; the text is `fout.<code>` in i18n/<taal>/formulieren.json. */
export type FoutCode =
  | 'verplicht'
  | 'verplicht-keuze'
  | 'te-kort'
  | 'te-lang'
  | 'geen-getal'
  | 'te-klein'
  | 'te-groot'
  | 'geen-datum'
  | 'datum-niet-in-verleden'
  | 'datum-niet-in-toekomst'
  | 'geen-keuze'
  | 'email'
  | 'telefoon'
  | 'postcode'
  | 'huisnummer'
  | 'bsn'
  | 'bsn-elfproef'
  | 'iban'
  | 'iban-controle'
  | 'toestemming'
  | 'verplicht-bestand'
  | 'bestand-leeg'
  | 'bestand-te-groot'
  | 'bestand-soort'
  | 'bestand-beschadigd';

export interface VeldFout {
  /** The field's id. */
  veld: string;
  /** The id of the input the error summary links to (an address: its postcode or huisnummer). */
  invoer: string;
  code: FoutCode;
  /** Values in the text, e.g. { max: 200 }. */
  waarden?: Record<string, number>;
}

/** A form's fields as they came in: name → text. */
export type Invoer = Record<string, string | undefined>;

/** The BSN check (elfproef): 9 digits, 9×d1 + 8×d2 + … + 2×d8 − d9 divisible by 11, not all zeros. */
export function elfproef(bsn: string): boolean {
  if (!/^[0-9]{9}$/.test(bsn) || bsn === '000000000') return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += Number(bsn[i]) * (9 - i);
  som -= Number(bsn[8]);
  return som % 11 === 0;
}

/** The IBAN check (ISO 13616, mod 97 = 1) of an IBAN without spaces, in capitals. */
export function ibanControle(iban: string): boolean {
  const herschikt = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const teken of herschikt) {
    const getal = /[0-9]/.test(teken) ? teken : String(teken.charCodeAt(0) - 55);
    for (const cijfer of getal) rest = (rest * 10 + Number(cijfer)) % 97;
  }
  return rest === 1;
}

/** A calendar date from `dd-mm-jjjj`, `d/m/jjjj` or `jjjj-mm-dd`, as YYYY-MM-DD; undefined when it is not a real date. */
export function leesDatum(tekst: string): string | undefined {
  const iso = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/.exec(tekst);
  const nl = /^([0-9]{1,2})[-/. ]([0-9]{1,2})[-/. ]([0-9]{4})$/.exec(tekst);
  const [jaar, maand, dag] = iso ? [iso[1], iso[2], iso[3]] : nl ? [nl[3], nl[2], nl[1]] : [];
  if (!jaar || !maand || !dag) return undefined;
  const datum = `${jaar}-${maand.padStart(2, '0')}-${dag.padStart(2, '0')}`;
  const d = new Date(`${datum}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== datum || jaar < '1850' ? undefined : datum;
}

const POSTCODE = /^([1-9][0-9]{3}) ?([A-Za-z]{2})$/;

/** Whether a condition holds for these answers: the answer is (one of) the value(s); a multiple choice: one of its chosen values is. */
export function voldaan(voorwaarde: Voorwaarde | undefined, antwoorden: Antwoorden): boolean {
  if (!voorwaarde) return true;
  const a = antwoorden[voorwaarde.veld];
  const waarden = typeof voorwaarde.is === 'string' ? [voorwaarde.is] : voorwaarde.is;
  return Array.isArray(a) ? a.some((w) => waarden.includes(w)) : typeof a === 'string' && waarden.includes(a);
}

/**
 * The answers that count: those of fields that are shown, in the form's order. A field whose
 * condition no longer holds (the resident changed an earlier answer) loses its answer, and so do
 * the fields that depended on it.
 */
export function geldigeAntwoorden(definitie: Definitie, antwoorden: Antwoorden): Antwoorden {
  const uit: Antwoorden = {};
  for (const stap of definitie.stappen) {
    if (!voldaan(stap.toonAls, uit)) continue;
    for (const veld of stap.velden) {
      const a = antwoorden[veld.id];
      if (a !== undefined && voldaan(veld.toonAls, uit)) uit[veld.id] = a;
    }
  }
  return uit;
}

/** The indexes of the steps that are shown for these answers. */
export function zichtbareStappen(definitie: Definitie, antwoorden: Antwoorden): number[] {
  const geldig = geldigeAntwoorden(definitie, antwoorden);
  return definitie.stappen.flatMap((stap, i) => (voldaan(stap.toonAls, geldig) ? [i] : []));
}

/** The fields of a step that are shown for these answers. */
export function zichtbareVelden(stap: Stap, antwoorden: Antwoorden): Veld[] {
  return stap.velden.filter((v) => voldaan(v.toonAls, antwoorden));
}

type Uitkomst = { antwoord?: Antwoord; fout?: Omit<VeldFout, 'veld'> };

/** One field's answer from the form, checked; `vandaag` (YYYY-MM-DD, Amsterdam) for dates. */
export function leesVeld(veld: Veld, invoer: Invoer, vandaag: string): Uitkomst {
  const id = veld.id;
  const fout = (code: FoutCode, waarden?: Record<string, number>, invoerId = id): Uitkomst => ({ fout: { invoer: invoerId, code, ...(waarden ? { waarden } : {}) } });
  const ruw = (invoer[id] ?? '').trim();
  const leeg = (): Uitkomst => (veld.verplicht ? fout(veld.soort === 'keuze' || veld.soort === 'ja-nee' ? 'verplicht-keuze' : 'verplicht') : {});

  switch (veld.soort) {
    case 'meerkeuze': {
      const opties = veld.opties ?? [];
      const gekozen = opties.filter((o) => invoer[`${id}.${o.waarde}`] !== undefined).map((o) => o.waarde);
      const onbekend = Object.keys(invoer).some((k) => k.startsWith(`${id}.`) && !opties.some((o) => k === `${id}.${o.waarde}`));
      if (onbekend) return fout('geen-keuze', undefined, `${id}.${opties[0]?.waarde ?? ''}`);
      if (gekozen.length === 0) return veld.verplicht ? fout('verplicht-keuze', undefined, `${id}.${opties[0]?.waarde ?? ''}`) : {};
      return { antwoord: gekozen };
    }
    case 'adres': {
      const postcode = (invoer[`${id}.postcode`] ?? '').trim();
      const huisnummer = (invoer[`${id}.huisnummer`] ?? '').trim();
      if (!postcode && !huisnummer) return veld.verplicht ? fout('verplicht', undefined, `${id}.postcode`) : {};
      const p = POSTCODE.exec(postcode);
      if (!p || /^(SA|SD|SS)$/i.test(p[2] ?? '')) return fout('postcode', undefined, `${id}.postcode`);
      if (!/^[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,4})?$/.test(huisnummer)) return fout('huisnummer', undefined, `${id}.huisnummer`);
      return { antwoord: { postcode: `${p[1]} ${(p[2] ?? '').toUpperCase()}`, huisnummer } };
    }
    case 'bestand':
      // The name of the checked file (the service puts it here, never the posted text): the file is stored with the draft.
      if (ruw === '') return veld.verplicht ? fout('verplicht-bestand') : {};
      return { antwoord: ruw };
    case 'toestemming':
      if (ruw === '') return veld.verplicht ? fout('toestemming') : {};
      return ruw === 'ja' ? { antwoord: 'ja' } : fout('toestemming');
    default:
  }
  if (ruw === '') return leeg();

  switch (veld.soort) {
    case 'tekst':
    case 'lange-tekst': {
      const lengte = [...ruw].length;
      if (lengte > tekstMax(veld)) return fout('te-lang', { max: tekstMax(veld) });
      if (veld.min !== undefined && lengte < veld.min) return fout('te-kort', { min: veld.min });
      return { antwoord: veld.soort === 'tekst' ? ruw.replace(/\s+/g, ' ') : ruw.replace(/\r\n?/g, '\n') };
    }
    case 'getal': {
      if (!/^-?[0-9]{1,12}([.,][0-9]{1,6})?$/.test(ruw)) return fout('geen-getal');
      const getal = Number(ruw.replace(',', '.'));
      if (veld.min !== undefined && getal < veld.min) return fout('te-klein', { min: veld.min });
      if (veld.max !== undefined && getal > veld.max) return fout('te-groot', { max: veld.max });
      return { antwoord: String(getal) };
    }
    case 'datum': {
      const datum = leesDatum(ruw);
      if (!datum) return fout('geen-datum');
      if (veld.datum === 'verleden' && datum > vandaag) return fout('datum-niet-in-verleden');
      if (veld.datum === 'toekomst' && datum < vandaag) return fout('datum-niet-in-toekomst');
      return { antwoord: datum };
    }
    case 'keuze':
      return (veld.opties ?? []).some((o) => o.waarde === ruw) ? { antwoord: ruw } : fout('geen-keuze');
    case 'ja-nee':
      return ruw === 'ja' || ruw === 'nee' ? { antwoord: ruw } : fout('geen-keuze');
    case 'email':
      return ruw.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(ruw) ? { antwoord: ruw } : fout('email');
    case 'telefoon': {
      const kaal = ruw.replace(/[\s().-]/g, '');
      return /^(\+[1-9][0-9]{8,14}|0[0-9]{9})$/.test(kaal) ? { antwoord: kaal } : fout('telefoon');
    }
    case 'bsn': {
      const kaal = ruw.replace(/[\s.]/g, '');
      const bsn = /^[0-9]{8}$/.test(kaal) ? `0${kaal}` : kaal;
      if (!/^[0-9]{9}$/.test(bsn)) return fout('bsn');
      return elfproef(bsn) ? { antwoord: bsn } : fout('bsn-elfproef');
    }
    case 'iban': {
      const kaal = ruw.replace(/\s/g, '').toUpperCase();
      const vorm = kaal.startsWith('NL') ? /^NL[0-9]{2}[A-Z]{4}[0-9]{10}$/ : /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/;
      if (!vorm.test(kaal)) return fout('iban');
      return ibanControle(kaal) ? { antwoord: kaal } : fout('iban-controle');
    }
    default:
      return {};
  }
}

/**
 * The answers of one step from the form: the step's shown fields (given the earlier answers),
 * each checked; every problem at once. `antwoorden`: the step's fields' new answers (an
 * optional field left empty: none), `fouten` in the order of the fields.
 */
export function leesStap(stap: Stap, invoer: Invoer, eerder: Antwoorden, vandaag: string): { antwoorden: Antwoorden; fouten: VeldFout[] } {
  const antwoorden: Antwoorden = {};
  const fouten: VeldFout[] = [];
  for (const veld of zichtbareVelden(stap, eerder)) {
    const { antwoord, fout } = leesVeld(veld, invoer, vandaag);
    if (fout) fouten.push({ veld: veld.id, ...fout });
    else if (antwoord !== undefined) antwoorden[veld.id] = antwoord;
  }
  return { antwoorden, fouten };
}

/** The index of the first shown step with a required answer missing, or undefined when the form is complete. */
export function eersteOnvolledigeStap(definitie: Definitie, antwoorden: Antwoorden): number | undefined {
  const geldig = geldigeAntwoorden(definitie, antwoorden);
  for (const i of zichtbareStappen(definitie, geldig)) {
    const stap = definitie.stappen[i];
    if (stap && zichtbareVelden(stap, geldig).some((v) => v.verplicht && geldig[v.id] === undefined)) return i;
  }
  return undefined;
}
