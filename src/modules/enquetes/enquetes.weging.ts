/**
 * Weighting a survey to the population (issue 15, ADR 0038): raking (iterative proportional
 * fitting, Deming & Stephan 1940, as R's `survey::rake`) to the population margins of a few
 * characteristics, optional trimming, Kish's effective sample size and design effect, and per
 * question the weighted and unweighted shares with 95% Wilson intervals on the effective sample
 * size of those who answered it. Pure: no database, no clock, no files.
 */

/** One weighting characteristic: its categories, their population shares (summing to 1) and per respondent the index of its category. */
export interface Kenmerk {
  naam: string;
  categorieen: readonly string[];
  /** Population share per category (same order as `categorieen`), each > 0, summing to 1. */
  marges: ArrayLike<number>;
  /** Per respondent the index into `categorieen`; every category has at least one respondent. */
  codes: ArrayLike<number>;
}

export interface RakingOpties {
  /** Largest weight relative to the mean weight 1 (> 1); without it no trimming. */
  maxGewicht?: number;
  /** Largest difference between a weighted share and its margin (default 1e-6). */
  tolerantie?: number;
  /** Most iterations, each a pass over every characteristic (default 100). */
  maxIteraties?: number;
}

export interface Raking {
  /** Per respondent the weight, scaled to mean 1. */
  gewichten: Float64Array;
  /** Iterations done (each one pass over every characteristic). */
  iteraties: number;
  /** Every weighted share within the tolerance of its margin (and, with trimming, no weight above the cap). */
  geconvergeerd: boolean;
  /** Largest difference between a weighted share and its margin at the end. */
  grootsteAfwijking: number;
}

export const TOLERANTIE = 1e-6;
export const MAX_ITERATIES = 100;
/** Two-sided 95%: the 0.975 quantile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

/** Sum of the weights per category of one characteristic. */
function somPerCategorie(k: Kenmerk, w: Float64Array, som: Float64Array): void {
  som.fill(0);
  const codes = k.codes;
  for (let i = 0; i < w.length; i++) {
    const c = codes[i] as number;
    som[c] = (som[c] as number) + (w[i] as number);
  }
}

/** Largest |weighted share − margin| over every category of every characteristic. */
function afwijking(kenmerken: readonly Kenmerk[], w: Float64Array, sommen: readonly Float64Array[]): number {
  let totaal = 0;
  for (let i = 0; i < w.length; i++) totaal += w[i] as number;
  let grootste = 0;
  kenmerken.forEach((k, j) => {
    const som = sommen[j] as Float64Array;
    somPerCategorie(k, w, som);
    for (let c = 0; c < som.length; c++) grootste = Math.max(grootste, Math.abs((som[c] as number) / totaal - (k.marges[c] as number)));
  });
  return grootste;
}

/**
 * Rakes weights (starting at 1) to the margins: per iteration, for each characteristic in turn,
 * every respondent's weight is multiplied by margin / weighted share of its category. After each
 * iteration the shares of every characteristic are compared with their margins; the raking stops
 * when all are within the tolerance, or after the most iterations.
 *
 * With `maxGewicht` (trimming, ADR 0038): an iteration whose result has a weight above the cap
 * (relative to the mean) clips those weights to the cap, and the next iteration rakes again from
 * the clipped weights; it has converged only when the margins are met and no weight is above the
 * cap. When the cap cannot be met within the iterations, the weights of the last raking are
 * returned (margins met, some weights above the cap) with `geconvergeerd: false`.
 */
export function rake(aantal: number, kenmerken: readonly Kenmerk[], opties: RakingOpties = {}): Raking {
  const tolerantie = opties.tolerantie ?? TOLERANTIE;
  const maxIteraties = opties.maxIteraties ?? MAX_ITERATIES;
  const cap = opties.maxGewicht;
  if (cap !== undefined && !(cap > 1)) throw new RangeError('maxGewicht moet groter dan 1 zijn');
  const w = new Float64Array(aantal).fill(1);
  const sommen = kenmerken.map((k) => new Float64Array(k.categorieen.length));
  const factor = kenmerken.map((k) => new Float64Array(k.categorieen.length));
  let iteraties = 0;
  let geconvergeerd = false;
  if (aantal === 0) return { gewichten: w, iteraties: 0, geconvergeerd: true, grootsteAfwijking: 0 };
  let grootste = afwijking(kenmerken, w, sommen);
  while (iteraties < maxIteraties) {
    iteraties++;
    kenmerken.forEach((k, j) => {
      const som = sommen[j] as Float64Array;
      const f = factor[j] as Float64Array;
      somPerCategorie(k, w, som);
      for (let c = 0; c < som.length; c++) {
        if (!((som[c] as number) > 0)) throw new RangeError(`${k.naam}: categorie ${k.categorieen[c]} heeft geen respondenten`);
        f[c] = ((k.marges[c] as number) * aantal) / (som[c] as number);
      }
      const codes = k.codes;
      for (let i = 0; i < aantal; i++) w[i] = (w[i] as number) * (f[codes[i] as number] as number);
    });
    grootste = afwijking(kenmerken, w, sommen);
    let boven = false;
    if (cap !== undefined) {
      let totaal = 0;
      for (let i = 0; i < aantal; i++) totaal += w[i] as number;
      const grens = (cap * totaal) / aantal;
      for (let i = 0; i < aantal && !boven; i++) boven = (w[i] as number) > grens * (1 + 1e-12);
      // The last iteration keeps its raked weights (margins met); otherwise clip and rake again.
      if (boven && iteraties < maxIteraties) for (let i = 0; i < aantal; i++) if ((w[i] as number) > grens) w[i] = grens;
    }
    if (grootste <= tolerantie && !boven) {
      geconvergeerd = true;
      break;
    }
  }
  schaalNaarGemiddeldEen(w);
  return { gewichten: w, iteraties, geconvergeerd, grootsteAfwijking: grootste };
}

function schaalNaarGemiddeldEen(w: Float64Array): void {
  let totaal = 0;
  for (let i = 0; i < w.length; i++) totaal += w[i] as number;
  if (!(totaal > 0)) return;
  const f = w.length / totaal;
  for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) * f;
}

/** Kish's effective sample size (Σw)²/Σw² of the weights. */
export function effectieveSteekproef(w: ArrayLike<number>): number {
  let som = 0;
  let kwadraten = 0;
  for (let i = 0; i < w.length; i++) {
    const x = w[i] as number;
    som += x;
    kwadraten += x * x;
  }
  return kwadraten > 0 ? (som * som) / kwadraten : 0;
}

/** The 95% Wilson score interval for a share p on n (here the effective sample size); [0, 0] when n is 0. */
export function wilson(p: number, n: number, z = Z95): [number, number] {
  if (!(n > 0)) return [0, 0];
  const z2 = z * z;
  const noemer = 1 + z2 / n;
  const midden = (p + z2 / (2 * n)) / noemer;
  const half = (z / noemer) * Math.sqrt(Math.max(0, (p * (1 - p)) / n + z2 / (4 * n * n)));
  // At p = 0 (1) the lower (upper) bound is exactly 0 (1); rounding would leave 1e-17.
  return [p <= 0 ? 0 : Math.max(0, midden - half), p >= 1 ? 1 : Math.min(1, midden + half)];
}

export interface Antwoordaandeel {
  antwoord: string;
  /** Share among those who answered the question, unweighted. */
  ongewogen: number;
  /** Share among those who answered the question, weighted. */
  gewogen: number;
  /** 95% Wilson interval of the weighted share on the n_eff of those who answered. */
  interval: [number, number];
}

export interface Vraaguitkomst {
  vraag: string;
  /** Respondents who answered the question. */
  beantwoord: number;
  /** Kish's n_eff of those who answered. */
  effectieveSteekproef: number;
  antwoorden: Antwoordaandeel[];
}

const volgorde = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/**
 * Per question the weighted and unweighted share of each answer among the respondents who
 * answered it (`null` = not answered: left out of that question), with its Wilson interval.
 * Answers in Dutch order, numbers by value ("2" before "10").
 */
export function vraaguitkomst(vraag: string, antwoorden: readonly (string | null)[], w: ArrayLike<number>): Vraaguitkomst {
  const per = new Map<string, { aantal: number; gewicht: number }>();
  let beantwoord = 0;
  let som = 0;
  let kwadraten = 0;
  antwoorden.forEach((a, i) => {
    if (a === null) return;
    const x = w[i] as number;
    beantwoord++;
    som += x;
    kwadraten += x * x;
    const t = per.get(a) ?? { aantal: 0, gewicht: 0 };
    t.aantal++;
    t.gewicht += x;
    per.set(a, t);
  });
  const nEff = kwadraten > 0 ? (som * som) / kwadraten : 0;
  return {
    vraag,
    beantwoord,
    effectieveSteekproef: nEff,
    antwoorden: [...per.entries()]
      .toSorted(([a], [b]) => volgorde.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([antwoord, t]) => {
        const gewogen = t.gewicht / som;
        return { antwoord, ongewogen: t.aantal / beantwoord, gewogen, interval: wilson(gewogen, nEff) };
      }),
  };
}
