/**
 * The pure rules of the question after closing (ADR 0052): the answer options of each form, what
 * counts as satisfied, and reading the answer form into an answer or field errors. No database.
 */
import type { KtoVorm } from '../../db/schema.ts';
import { maskeer } from '../paginafeedback/paginafeedback.regels.ts';
import type { NieuwAntwoord } from './kto.repository.ts';

export const KTO_VORMEN = ['score-5', 'score-10', 'ja-nee'] as const satisfies readonly KtoVorm[];
export const MAX_TOELICHTING = 2000;

/** What went well or not: one choice from a short list (texts in the `kto` catalogue). */
export const PUNTEN = ['snelheid', 'duidelijkheid', 'bejegening', 'uitkomst', 'bereikbaarheid', 'anders'] as const;
export type Punt = (typeof PUNTEN)[number];

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

export type KtoFout = { veld: 'score' | 'punt' | 'toelichting'; code: 'verplicht' | 'te-lang' };

const tekstVan = (w: string | string[] | undefined): string => (Array.isArray(w) ? (w[0] ?? '') : (w ?? ''));

/**
 * The answer from the form fields, or every field error at once. The text is trimmed and its
 * e-mail addresses, account numbers and telephone numbers are masked (as page feedback does).
 */
export function leesAntwoord(vorm: KtoVorm, velden: Record<string, string | string[] | undefined>): { antwoord: NieuwAntwoord } | { fouten: KtoFout[] } {
  const fouten: KtoFout[] = [];
  const scoreTekst = tekstVan(velden.score).trim();
  const score = /^\d{1,2}$/.test(scoreTekst) ? Number(scoreTekst) : Number.NaN;
  if (!scores(vorm).includes(score)) fouten.push({ veld: 'score', code: 'verplicht' });
  const punt = tekstVan(velden.punt).trim();
  if (!(PUNTEN as readonly string[]).includes(punt)) fouten.push({ veld: 'punt', code: 'verplicht' });
  const toelichting = tekstVan(velden.toelichting).replace(/\r\n?/g, '\n').trim();
  if ([...toelichting].length > MAX_TOELICHTING) fouten.push({ veld: 'toelichting', code: 'te-lang' });
  if (fouten.length > 0) return { fouten };
  return { antwoord: { score, tevreden: isTevreden(vorm, score), punt, toelichting: toelichting ? maskeer(toelichting).slice(0, MAX_TOELICHTING) : null } };
}
