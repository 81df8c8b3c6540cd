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

/**
 * Sum of the weights per category of one characteristic. Row i stands for `aantallen[i]`
 * respondents with the same weight (1 without `aantallen`); their weights are added one by one,
 * so the sums are bit for bit those over the respondents written out.
 */
function somPerCategorie(k: Kenmerk, w: Float64Array, som: Float64Array, aantallen: ArrayLike<number> | undefined): void {
  som.fill(0);
  const codes = k.codes;
  if (aantallen === undefined) {
    // One respondent per row (`rake`): the plain loop.
    for (let i = 0; i < w.length; i++) {
      const c = codes[i] as number;
      som[c] = (som[c] as number) + (w[i] as number);
    }
    return;
  }
  for (let i = 0; i < w.length; i++) {
    const c = codes[i] as number;
    const x = w[i] as number;
    let s = som[c] as number;
    const a = aantallen[i] as number;
    for (let j = 0; j < a; j++) s += x;
    som[c] = s;
  }
}

/** Sum of the weights of every respondent (rows counted `aantallen[i]` times, added one by one). */
function somAlle(w: Float64Array, aantallen: ArrayLike<number> | undefined): number {
  let totaal = 0;
  if (aantallen === undefined) {
    for (let i = 0; i < w.length; i++) totaal += w[i] as number;
    return totaal;
  }
  for (let i = 0; i < w.length; i++) {
    const x = w[i] as number;
    const a = aantallen[i] as number;
    for (let j = 0; j < a; j++) totaal += x;
  }
  return totaal;
}

/** Largest |weighted share − margin| over every category of every characteristic. */
function afwijking(kenmerken: readonly Kenmerk[], w: Float64Array, sommen: readonly Float64Array[], aantallen: ArrayLike<number> | undefined): number {
  const totaal = somAlle(w, aantallen);
  let grootste = 0;
  kenmerken.forEach((k, j) => {
    const som = sommen[j] as Float64Array;
    somPerCategorie(k, w, som, aantallen);
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
  return raken(aantal, undefined, kenmerken, opties);
}

/**
 * `rake` over groups of identical respondents (the survey report keeps one count per profile):
 * group i has `aantallen[i]` respondents, `codes` and the weights returned are per group. The
 * same raking, not a second one: every sum adds the respondents' weights one by one in the same
 * order, so each group's weight is bit for bit the weight `rake` gives its respondents when they
 * are written out group after group; only the multiplications are done once per group.
 */
export function rakeGroepen(aantallen: ArrayLike<number>, kenmerken: readonly Kenmerk[], opties: RakingOpties = {}): Raking {
  let aantal = 0;
  for (let i = 0; i < aantallen.length; i++) aantal += aantallen[i] as number;
  return raken(aantal, aantallen, kenmerken, opties);
}

function raken(aantal: number, aantallen: ArrayLike<number> | undefined, kenmerken: readonly Kenmerk[], opties: RakingOpties): Raking {
  const tolerantie = opties.tolerantie ?? TOLERANTIE;
  const maxIteraties = opties.maxIteraties ?? MAX_ITERATIES;
  const cap = opties.maxGewicht;
  if (cap !== undefined && !(cap > 1)) throw new RangeError('maxGewicht moet groter dan 1 zijn');
  const rijen = aantallen === undefined ? aantal : aantallen.length;
  const w = new Float64Array(rijen).fill(1);
  const sommen = kenmerken.map((k) => new Float64Array(k.categorieen.length));
  const factor = kenmerken.map((k) => new Float64Array(k.categorieen.length));
  let iteraties = 0;
  let geconvergeerd = false;
  if (aantal === 0) return { gewichten: w, iteraties: 0, geconvergeerd: true, grootsteAfwijking: 0 };
  let grootste = afwijking(kenmerken, w, sommen, aantallen);
  while (iteraties < maxIteraties) {
    iteraties++;
    kenmerken.forEach((k, j) => {
      const som = sommen[j] as Float64Array;
      const f = factor[j] as Float64Array;
      somPerCategorie(k, w, som, aantallen);
      for (let c = 0; c < som.length; c++) {
        if (!((som[c] as number) > 0)) throw new RangeError(`${k.naam}: categorie ${k.categorieen[c]} heeft geen respondenten`);
        f[c] = ((k.marges[c] as number) * aantal) / (som[c] as number);
      }
      const codes = k.codes;
      for (let i = 0; i < rijen; i++) w[i] = (w[i] as number) * (f[codes[i] as number] as number);
    });
    grootste = afwijking(kenmerken, w, sommen, aantallen);
    let boven = false;
    if (cap !== undefined) {
      const totaal = somAlle(w, aantallen);
      const grens = (cap * totaal) / aantal;
      for (let i = 0; i < rijen && !boven; i++) boven = (w[i] as number) > grens * (1 + 1e-12) && (aantallen === undefined || (aantallen[i] as number) > 0);
      // The last iteration keeps its raked weights (margins met); otherwise clip and rake again.
      if (boven && iteraties < maxIteraties) for (let i = 0; i < rijen; i++) if ((w[i] as number) > grens) w[i] = grens;
    }
    if (grootste <= tolerantie && !boven) {
      geconvergeerd = true;
      break;
    }
  }
  schaalNaarGemiddeldEen(w, aantal, aantallen);
  return { gewichten: w, iteraties, geconvergeerd, grootsteAfwijking: grootste };
}

function schaalNaarGemiddeldEen(w: Float64Array, aantal: number, aantallen: ArrayLike<number> | undefined): void {
  const totaal = somAlle(w, aantallen);
  if (!(totaal > 0)) return;
  const f = aantal / totaal;
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

/** A run of `aantal` respondents in a row with the same answer (`null`: not answered) and the same weight. */
export interface Antwoordgroep {
  antwoord: string | null;
  aantal: number;
  gewicht: number;
}

/**
 * Per question the weighted and unweighted share of each answer among the respondents who
 * answered it (`null` = not answered: left out of that question), with its Wilson interval.
 * Answers in Dutch order, numbers by value ("2" before "10").
 */
export function vraaguitkomst(vraag: string, antwoorden: readonly (string | null)[], w: ArrayLike<number>): Vraaguitkomst {
  return vraaguitkomstPerGroep(
    vraag,
    antwoorden.map((antwoord, i) => ({ antwoord, aantal: 1, gewicht: w[i] as number })),
  );
}

/**
 * `vraaguitkomst` over runs of respondents (the survey report keeps counts per profile, not one
 * row per respondent): the sums are taken respondent by respondent in the same order, so the
 * result is bit for bit that of `vraaguitkomst` over the runs written out, without building
 * arrays of one entry per respondent.
 */
export function vraaguitkomstPerGroep(vraag: string, groepen: Iterable<Antwoordgroep>): Vraaguitkomst {
  const per = new Map<string, { aantal: number; gewicht: number }>();
  let beantwoord = 0;
  let som = 0;
  let kwadraten = 0;
  for (const g of groepen) {
    if (g.antwoord === null || g.aantal <= 0) continue;
    const x = g.gewicht;
    let t = per.get(g.antwoord);
    if (t === undefined) {
      t = { aantal: 0, gewicht: 0 };
      per.set(g.antwoord, t);
    }
    let gewicht = t.gewicht;
    for (let k = 0; k < g.aantal; k++) {
      som += x;
      kwadraten += x * x;
      gewicht += x;
    }
    t.gewicht = gewicht;
    t.aantal += g.aantal;
    beantwoord += g.aantal;
  }
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
