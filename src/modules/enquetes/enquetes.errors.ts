import { badRequest, conflict, notFound, type InvalidParam, type ProblemError } from '../../http/problem.ts';

// Problems of survey weighting, in plain Dutch.

/** One reason a file cannot be used: the file (its name as given), the line (1: the header) and why. */
export interface Bestandsfout {
  bestand: string;
  regel: number;
  reden: string;
}

/**
 * The answers or the margins cannot be weighted: every reason found, each with its file and line.
 * Not an HTTP problem: `loket enquete weeg` prints each one and exits with 2.
 */
export class WegingBestandFout extends Error {
  readonly fouten: readonly Bestandsfout[];
  constructor(fouten: readonly Bestandsfout[]) {
    super(fouten.map((f) => `${f.bestand}, regel ${f.regel}: ${f.reden}`).join('\n'));
    this.fouten = fouten;
  }
}

// Problems of the inwonerspanel and its surveys (API), in plain Dutch.

export const enqueteOnbekend = (): ProblemError => notFound('Deze enquête bestaat niet in deze gemeente.');
export const enqueteNietInConcept = (): ProblemError => conflict('enquete-niet-in-concept', 'Deze enquête loopt al of is gesloten: de vragen kunnen niet meer veranderen.');
export const enqueteStatusFout = (nodig: string): ProblemError => conflict('enquete-status', `Dit kan alleen als de enquête ${nodig} is.`);

/** Margins that cannot be used: every problem at once, with its place. */
export const margesOngeldig = (fouten: InvalidParam[]): ProblemError => badRequest(fouten, 'De marges zijn niet opgeslagen: een of meer regels kloppen niet.');
