/**
 * The pure rules of the question after closing (ADR 0052, ADR 0086): the answer options of each
 * form, what counts as satisfied, the question as a zaaktype configures it, and reading the answer
 * form into an answer or field errors. No database.
 */
import type { KtoKeuze, KtoVorm } from '../../db/schema.ts';
import type { Taal, Vertaal } from '../../i18n/i18n.ts';
import { maskeer } from '../paginafeedback/paginafeedback.regels.ts';
import type { NieuwAntwoord } from './kto.repository.ts';

export const KTO_VORMEN = ['score-5', 'score-10', 'ja-nee'] as const satisfies readonly KtoVorm[];
export const MAX_TOELICHTING = 2000;
export const MAX_VRAAG = 200;
export const MAX_KEUZETEKST = 100;
export const MAX_KEUZES = 12;

/**
 * What went well or not, for a zaaktype that sets no list of its own: the six options of the first
 * version (migration 0054 gives existing zaaktypen the same list).
 */
export const STANDAARD_KEUZES: readonly KtoKeuze[] = [
  { sleutel: 'snelheid', nl: 'Hoe snel het ging', en: 'How fast it went' },
  { sleutel: 'duidelijkheid', nl: 'Hoe duidelijk onze uitleg was', en: 'How clear our explanation was' },
  { sleutel: 'bejegening', nl: 'Hoe wij u behandelden', en: 'How we treated you' },
  { sleutel: 'uitkomst', nl: 'De uitkomst', en: 'The outcome' },
  { sleutel: 'bereikbaarheid', nl: 'Hoe goed wij bereikbaar waren', en: 'How easy it was to reach us' },
  { sleutel: 'anders', nl: 'Iets anders', en: 'Something else' },
];

/** What a zaaktype asks besides the score: its own question text (null: the form's standard text), the choice list and the optional text. */
export interface KtoOpzet {
  vraag: { nl: string; en: string } | null;
  /** In the order shown; empty: no choice is asked. */
  keuzes: KtoKeuze[];
  toelichtingVragen: boolean;
}

export const STANDAARD_OPZET: KtoOpzet = { vraag: null, keuzes: [...STANDAARD_KEUZES], toelichtingVragen: true };

/** The values of the score field: 1–5, 1–10, or ja (1) / nee (0). */
export function scores(vorm: KtoVorm): number[] {
  if (vorm === 'ja-nee') return [1, 0];
  const max = vorm === 'score-5' ? 5 : 10;
  return Array.from({ length: max }, (_, i) => i + 1);
}

/** Satisfied: ja; 4 or 5 of 5; 7 or more of 10 (the usual "voldoende" of a Dutch rapportcijfer). */
export function isTevreden(vorm: KtoVorm, score: number): boolean {
  if (vorm === 'ja-nee') return score === 1;
  return vorm === 'score-5' ? score >= 4 : score >= 7;
}

/**
 * The question as the resident reads it: the zaaktype's own text, else the standard text of the
 * form from the `kto` catalogue (`t`, in language `taal`; passed in so the staff app can import
 * these rules without the server's catalogues).
 */
export function vraagtekst(t: Vertaal, taal: Taal, vorm: KtoVorm, opzet: KtoOpzet): string {
  return opzet.vraag?.[taal] ?? t(`score.${vorm}`);
}

export type KtoFout = { veld: 'score' | 'punt' | 'toelichting'; code: 'verplicht' | 'te-lang' };

const tekstVan = (w: string | string[] | undefined): string => (Array.isArray(w) ? (w[0] ?? '') : (w ?? ''));

/**
 * The answer from the form fields, or every field error at once. The choice must be one of the
 * zaaktype's list (when it has one); the answer keeps its key and its Dutch label (ADR 0086). The
 * text (when asked) is trimmed and its e-mail addresses, account numbers and telephone numbers are
 * masked (as page feedback does); a text the zaaktype does not ask for is not kept.
 */
export function leesAntwoord(vorm: KtoVorm, opzet: KtoOpzet, velden: Record<string, string | string[] | undefined>): { antwoord: NieuwAntwoord } | { fouten: KtoFout[] } {
  const fouten: KtoFout[] = [];
  const scoreTekst = tekstVan(velden.score).trim();
  const score = /^\d{1,2}$/.test(scoreTekst) ? Number(scoreTekst) : Number.NaN;
  if (!scores(vorm).includes(score)) fouten.push({ veld: 'score', code: 'verplicht' });
  const sleutel = tekstVan(velden.punt).trim();
  const keuze = opzet.keuzes.find((k) => k.sleutel === sleutel);
  if (opzet.keuzes.length > 0 && !keuze) fouten.push({ veld: 'punt', code: 'verplicht' });
  const toelichting = opzet.toelichtingVragen ? tekstVan(velden.toelichting).replace(/\r\n?/g, '\n').trim() : '';
  if ([...toelichting].length > MAX_TOELICHTING) fouten.push({ veld: 'toelichting', code: 'te-lang' });
  if (fouten.length > 0) return { fouten };
  return {
    antwoord: {
      score,
      tevreden: isTevreden(vorm, score),
      punt: keuze?.sleutel ?? null,
      puntTekst: keuze?.nl ?? null,
      toelichting: toelichting ? maskeer(toelichting).slice(0, MAX_TOELICHTING) : null,
    },
  };
}
