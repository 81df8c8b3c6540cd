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
