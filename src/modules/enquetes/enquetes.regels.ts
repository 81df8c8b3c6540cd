/**
 * The pure rules of the inwonerspanel and its surveys (ADR 0068): reading the sign-up form and a
 * filled-in survey into values or field errors, and which questions apply (conditions). No database.
 */
import { maskeer } from '../paginafeedback/paginafeedback.regels.ts';
import { CATEGORIEEN, MAX_OPEN, waarden, type Definitie, type Kenmerknaam, type Vraag } from './enquetes.schemas.ts';

export type Velden = Record<string, string | string[] | undefined>;
export type Antwoorden = Record<string, string | string[]>;

const eerste = (w: string | string[] | undefined): string => (Array.isArray(w) ? (w[0] ?? '') : (w ?? '')).trim();
const alle = (w: string | string[] | undefined): string[] => (Array.isArray(w) ? w : w === undefined ? [] : [w]).map((x) => x.trim()).filter(Boolean);

/** The form field of a question. */
export const veldnaam = (vraag: string): string => `v-${vraag}`;

// ---- Sign-up ----

export interface Aanmelding {
  email: string;
  leeftijdsgroep: string;
  geslacht: string;
  wijk: string;
  opleiding: string;
}
export type AanmeldVeld = 'email' | Kenmerknaam | 'toestemming';
export interface AanmeldFout {
  veld: AanmeldVeld;
  code: 'verplicht' | 'ongeldig';
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** The sign-up form: an e-mail address, the four characteristics (wijken: the gemeente's), and consent. */
export function leesAanmelding(velden: Velden, wijken: readonly string[]): { aanmelding: Aanmelding } | { fouten: AanmeldFout[] } {
  const fouten: AanmeldFout[] = [];
  const email = eerste(velden.email);
  if (!email) fouten.push({ veld: 'email', code: 'verplicht' });
  else if (email.length > 254 || !EMAIL.test(email)) fouten.push({ veld: 'email', code: 'ongeldig' });
  const kies = (veld: Kenmerknaam, mogelijk: readonly string[]): string => {
    const w = eerste(velden[veld]);
    if (!mogelijk.includes(w)) fouten.push({ veld, code: 'verplicht' });
    return w;
  };
  const leeftijdsgroep = kies('leeftijdsgroep', CATEGORIEEN.leeftijdsgroep);
  const geslacht = kies('geslacht', CATEGORIEEN.geslacht);
  const wijk = kies('wijk', wijken);
  const opleiding = kies('opleiding', CATEGORIEEN.opleiding);
  if (eerste(velden.toestemming) !== 'ja') fouten.push({ veld: 'toestemming', code: 'verplicht' });
  if (fouten.length > 0) return { fouten };
  return { aanmelding: { email, leeftijdsgroep, geslacht, wijk, opleiding } };
}

// ---- Answers ----

export interface AntwoordFout {
  vraag: string;
  code: 'verplicht' | 'ongeldig' | 'te-lang';
}

/** Whether a question applies, given the answers to the questions before it. */
export function geldt(vraag: Vraag, antwoorden: Antwoorden): boolean {
  if (!vraag.voorwaarde) return true;
  const eerder = antwoorden[vraag.voorwaarde.vraag];
  const gegeven = eerder === undefined ? [] : Array.isArray(eerder) ? eerder : [eerder];
  return gegeven.some((a) => vraag.voorwaarde?.antwoorden.includes(a));
}

/**
 * A filled-in survey: per question that applies its answer (a value, several for multiple choice,
 * a text for an open question, masked), or every error at once. A question that does not apply
 * (its condition not met) is left out, whatever was filled in; an unanswered optional question too.
 */
export function leesAntwoorden(definitie: Definitie, velden: Velden): { antwoorden: Antwoorden } | { fouten: AntwoordFout[] } {
  const antwoorden: Antwoorden = {};
  const fouten: AntwoordFout[] = [];
  for (const vraag of definitie.vragen) {
    if (!geldt(vraag, antwoorden)) continue;
    const veld = velden[veldnaam(vraag.id)];
    if (vraag.soort === 'open') {
      const tekst = eerste(veld).replace(/\r\n?/g, '\n');
      if ([...tekst].length > MAX_OPEN) fouten.push({ vraag: vraag.id, code: 'te-lang' });
      else if (tekst) antwoorden[vraag.id] = maskeer(tekst).slice(0, MAX_OPEN);
      else if (vraag.verplicht) fouten.push({ vraag: vraag.id, code: 'verplicht' });
      continue;
    }
    const mogelijk = waarden(vraag);
    const gekozen = vraag.soort === 'meerkeuze' ? [...new Set(alle(veld))] : alle(veld).slice(0, 1);
    if (gekozen.some((g) => !mogelijk.includes(g))) fouten.push({ vraag: vraag.id, code: 'ongeldig' });
    else if (gekozen.length === 0) {
      if (vraag.verplicht) fouten.push({ vraag: vraag.id, code: 'verplicht' });
    } else antwoorden[vraag.id] = vraag.soort === 'meerkeuze' ? mogelijk.filter((m) => gekozen.includes(m)) : (gekozen[0] as string);
  }
  return fouten.length > 0 ? { fouten } : { antwoorden };
}
