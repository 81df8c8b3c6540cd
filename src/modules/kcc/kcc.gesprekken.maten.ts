/**
 * The telephony measures of the KCC (issue 11, ADR 0031): their definitions in one declaration
 * (`KpiDefinitie` of the KPI register, ADR 0029) and one tested query
 * (`kccGesprekkenRepository.tellingen`). Each measure answers per group (a period and/or a
 * queue) in a neutral shape `{teller, noemer, waarde | null, nietBekend?}`; `kccKpis` hands them
 * to the register (`loket kpi`, `GET …/kpis/{code}/waarden`), which asks for one period at a time.
 */
import type { KpiDefinitie, KpiMaat, KpiMeting, KpiVersheid } from '../kpi/kpi.definitie.ts';
import type { DagRollup } from '../kpi/kpi.dagrollup.ts';
import { percentielUitHistogram, telHistogramOp } from '../kpi/kpi.histogram.ts';
import { plusDagen, plusMaanden } from '../termijnen/kalender.ts';
import type { GesprekkenSelectie, Gesprekstelling, KccGesprekkenRepository, Periodesoort } from './kcc.gesprekken.repository.ts';
import type { GesprekEmmer, KccGesprekkenRollupRepository } from './kcc.gesprekken.rollup.repository.ts';

const PERIODE: KpiDefinitie['periode'] = {
  datum: 'begin',
  regel: 'De datum waarop het gesprek begon, in Nederlandse tijd (Europe/Amsterdam), ligt in de periode. Een gesprek om 00:30 op de 1e van de maand hoort bij die maand; een dag waarop de klok verzet wordt telt 23 of 25 uur.',
};
const NOEMER =
  'Binnenkomende gesprekken met afloop beantwoord of opgehangen, behalve gesprekken die binnen 5 seconden zijn opgehangen (wachttijd_s kleiner dan 5).';
const UITSLUITINGEN = [
  'Gesprekken buiten openingstijd tellen niet mee.',
  'Wie binnen 5 seconden ophangt (wachttijd_s 0 tot en met 4), telt niet mee: dat is meestal een verkeerd nummer of een misser, geen wachtende inwoner.',
  'Een gesprek telt één keer, ook als het daarna is doorverbonden.',
];
const EIGENAAR = 'Klantcontactcentrum';

export const KCC_GESPREKKEN_DEFINITIES = {
  binnen30s: {
    code: 'kcc-binnen-30s',
    versie: 1,
    naam: { nl: '% binnenkomende gesprekken binnen 30 seconden beantwoord', en: '% of incoming calls answered within 30 seconds' },
    doel:
      'Laten zien of inwoners die bellen snel iemand aan de lijn krijgen. Indicator 2.1.1 van het programma Samen besturen (Diemen): 71,4% in 2022 en 73,1% in 2023, streefwaarde 70–80% (begroting 2023).',
    teller: 'Gesprekken met afloop beantwoord en een wachttijd van 30 seconden of minder (wachttijd_s ≤ 30).',
    noemer: NOEMER,
    periode: PERIODE,
    uitsluitingen: [...UITSLUITINGEN, 'De waarde is 100 × teller / noemer, afgerond op één decimaal (een 5 wordt naar boven afgerond).'],
    eenheid: 'procent',
    richting: 'hoger-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'kcc',
    // Not (yet) on the public servicenormen page, which shows its measures per zaaktype (ADR 0032).
    publiek: false,
    uitsplitsingen: ['wachtrij'],
  },
  afhaakpercentage: {
    code: 'kcc-afhaakpercentage',
    versie: 1,
    naam: { nl: 'Afhaakpercentage', en: 'Abandonment rate' },
    doel: 'Laten zien hoeveel bellers ophangen voordat iemand opneemt, omdat ze te lang moeten wachten.',
    teller: 'Gesprekken met afloop opgehangen na een wachttijd van 5 seconden of meer (wachttijd_s ≥ 5).',
    noemer: NOEMER,
    periode: PERIODE,
    uitsluitingen: [...UITSLUITINGEN, 'De waarde is 100 × teller / noemer, afgerond op één decimaal (een 5 wordt naar boven afgerond).'],
    eenheid: 'procent',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'kcc',
    publiek: false,
    uitsplitsingen: ['wachtrij'],
  },
  wachttijdGemiddeld: {
    code: 'kcc-wachttijd-gemiddeld',
    versie: 1,
    naam: { nl: 'Gemiddelde wachttijd van beantwoorde gesprekken', en: 'Average wait of answered calls' },
    doel: 'Laten zien hoe lang een beller gemiddeld wacht voordat iemand opneemt.',
    teller: 'De wachttijden (wachttijd_s) van de beantwoorde gesprekken bij elkaar opgeteld, in seconden.',
    noemer: 'Gesprekken met afloop beantwoord.',
    periode: PERIODE,
    uitsluitingen: ['Opgehangen gesprekken en gesprekken buiten openingstijd tellen niet mee.', 'De waarde is teller / noemer in seconden, afgerond op één decimaal (een 5 wordt naar boven afgerond).'],
    eenheid: 'seconden',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'kcc',
    publiek: false,
    uitsplitsingen: ['wachtrij'],
  },
  wachttijdP90: {
    code: 'kcc-wachttijd-p90',
    versie: 1,
    naam: { nl: 'Wachttijd van beantwoorde gesprekken (90e percentiel)', en: 'Wait of answered calls (90th percentile)' },
    doel: 'Laten zien hoe lang de langste wachttijden zijn: 90% van de beantwoorde bellers wachtte zo lang of korter.',
    teller: null,
    noemer: 'Gesprekken met afloop beantwoord.',
    periode: PERIODE,
    uitsluitingen: [
      'Opgehangen gesprekken en gesprekken buiten openingstijd tellen niet mee.',
      'Het 90e percentiel is een werkelijk voorkomende wachttijd: de kleinste waarde waarbij minstens 90% van de beantwoorde gesprekken even lang of korter wachtte.',
    ],
    eenheid: 'seconden',
    richting: 'lager-is-beter',
    norm: null,
    eigenaar: EIGENAAR,
    module: 'kcc',
    publiek: false,
    uitsplitsingen: ['wachtrij'],
  },
} satisfies Record<string, KpiDefinitie>;

export type GesprekMaat = keyof typeof KCC_GESPREKKEN_DEFINITIES;

/** A computed number; `waarde` null with `nietBekend` (the reason, B1 Dutch) when it cannot be computed. */
export interface Meting {
  teller: number | null;
  noemer: number;
  waarde: number | null;
  nietBekend?: string;
}

/** A measurement of one group: a period (its first day; null: the whole range) and a queue (null: all). */
export interface GroepMeting extends Meting {
  periode: string | null;
  wachtrij: string | null;
}

/**
 * a / b rounded half away from zero to one decimal, exactly (a, b whole numbers, a ≥ 0, b > 0):
 * the number of tenths is floor((20a + b) / 2b), computed on integers well below 2^53.
 */
export function eenDecimaal(a: number, b: number): number {
  return Math.floor((20 * a + b) / (2 * b)) / 10;
}

function geenGesprekken(t: Gesprekstelling): string {
  if (t.totaal === 0) return 'Er zijn in deze periode geen gesprekken.';
  return `Er zijn in deze periode geen gesprekken die meetellen: van de ${t.totaal} gesprekken ${t.buitenOpeningstijd === 1 ? 'was er 1' : `waren er ${t.buitenOpeningstijd}`} buiten openingstijd en ${t.kortOpgehangen === 1 ? 'is er 1' : `zijn er ${t.kortOpgehangen}`} binnen 5 seconden opgehangen.`;
}

function geenBeantwoord(t: Gesprekstelling): string {
  return t.totaal === 0 ? 'Er zijn in deze periode geen gesprekken.' : `Er is in deze periode geen gesprek beantwoord (${t.totaal} ${t.totaal === 1 ? 'gesprek' : 'gesprekken'} in totaal).`;
}

const procent = (teller: number, t: Gesprekstelling): Meting =>
  t.noemer === 0 ? { teller, noemer: 0, waarde: null, nietBekend: geenGesprekken(t) } : { teller, noemer: t.noemer, waarde: eenDecimaal(100 * teller, t.noemer) };

/** Each measure from the counts of one group. Pure. */
export const METEN: Record<GesprekMaat, (t: Gesprekstelling) => Meting> = {
  binnen30s: (t) => procent(t.binnen30s, t),
  afhaakpercentage: (t) => procent(t.afgehaakt, t),
  wachttijdGemiddeld: (t) =>
    t.beantwoord === 0
      ? { teller: 0, noemer: 0, waarde: null, nietBekend: geenBeantwoord(t) }
      : { teller: t.wachttijdBeantwoord, noemer: t.beantwoord, waarde: eenDecimaal(t.wachttijdBeantwoord, t.beantwoord) },
  wachttijdP90: (t) =>
    t.p90Beantwoord === null ? { teller: null, noemer: 0, waarde: null, nietBekend: geenBeantwoord(t) } : { teller: null, noemer: t.beantwoord, waarde: t.p90Beantwoord },
};

/** The first day of the period of one size that holds `dag` (ISO weeks start on Monday). */
export function periodeBegin(dag: string, per: Periodesoort): string {
  if (per === 'week') return plusDagen(dag, -((new Date(`${dag}T00:00:00Z`).getUTCDay() + 6) % 7));
  if (per === 'maand') return `${dag.slice(0, 7)}-01`;
  if (per === 'jaar') return `${dag.slice(0, 4)}-01-01`;
  return dag;
}

/** The first days of the periods of one size that overlap van–tot. */
export function periodes(van: string, tot: string, per: Periodesoort): string[] {
  const volgende = (d: string) => (per === 'dag' ? plusDagen(d, 1) : per === 'week' ? plusDagen(d, 7) : per === 'maand' ? plusMaanden(d, 1) : plusMaanden(d, 12));
  const lijst: string[] = [];
  for (let d = periodeBegin(van, per); d <= tot; d = volgende(d)) lijst.push(d);
  return lijst;
}

const leeg = (periode: string | null, wachtrij: string | null = null): Gesprekstelling => ({
  periode,
  wachtrij,
  totaal: 0,
  noemer: 0,
  binnen30s: 0,
  afgehaakt: 0,
  kortOpgehangen: 0,
  buitenOpeningstijd: 0,
  beantwoord: 0,
  wachttijdBeantwoord: 0,
  p90Beantwoord: null,
});

/**
 * The counts of a selection from the rollup's buckets (added up per queue and period), in the
 * groups the live query makes: per period (with `per`) or one row for van–tot (always there), each
 * for all queues and, with `perWachtrij`, per queue. Counts add up; the wait histograms add up,
 * and the p90 is read from the sum exactly as percentile_disc reads the sorted waits. Pure.
 */
export function telEmmersOp(emmers: readonly GesprekEmmer[], v: Pick<GesprekkenSelectie, 'per' | 'perWachtrij'>): Gesprekstelling[] {
  const groepen = new Map<string, { t: Gesprekstelling; hist: number[] }>();
  const groep = (periode: string | null, wachtrij: string | null) => {
    const sleutel = `${periode ?? ''}|${wachtrij ?? ''}`;
    let g = groepen.get(sleutel);
    if (!g) groepen.set(sleutel, (g = { t: leeg(periode, wachtrij), hist: [] }));
    return g;
  };
  if (!v.per) groep(null, null);
  for (const e of emmers) {
    const periode = v.per ? e.periode : null;
    for (const g of v.perWachtrij ? [groep(periode, null), groep(periode, e.wachtrij)] : [groep(periode, null)]) {
      g.t.totaal += e.totaal;
      g.t.noemer += e.noemer;
      g.t.binnen30s += e.binnen30s;
      g.t.afgehaakt += e.afgehaakt;
      g.t.kortOpgehangen += e.kortOpgehangen;
      g.t.buitenOpeningstijd += e.buitenOpeningstijd;
      g.t.beantwoord += e.beantwoord;
      g.t.wachttijdBeantwoord += e.wachttijdSom;
      telHistogramOp(g.hist, e.wachttijd);
    }
  }
  return [...groepen.values()].map(({ t, hist }) => ({ ...t, p90Beantwoord: percentielUitHistogram(hist, 0.9) }));
}

const LIVE: KpiVersheid = { bron: 'live', reden: null, rollupBijgewerktOp: null, herberekend: [] };

/** The telephony rollup (ADR 0066): kept current by the job, its buckets read on `lezen`. */
export interface KccGesprekkenRollup {
  dagRollup: DagRollup;
  repository: KccGesprekkenRollupRepository;
}

/**
 * The measures on one database. Every answer has a row for all queues of each period (every period
 * of van–tot, also one without calls: "niet bekend"), then with `perWachtrij` a row per queue that
 * had calls in it; periods in order, all queues (null) first, then the queues by name. With a
 * rollup, the counts come from its buckets when it is current for the period (ADR 0066), else from
 * the live query; `versheid` says which.
 */
export function kccGesprekkenMaten(repository: KccGesprekkenRepository, rollup?: KccGesprekkenRollup) {
  async function metVersheid(v: GesprekkenSelectie): Promise<{ rijen: Gesprekstelling[]; versheid: KpiVersheid }> {
    let rijen: Gesprekstelling[] | undefined;
    let versheid = LIVE;
    if (rollup) {
      const r = await rollup.dagRollup.lees(v.gemeente, v.van, v.tot, () =>
        rollup.repository.emmers(v.gemeente, v.van, v.tot, { wachtrij: v.wachtrij, per: v.per }),
      );
      if ('reden' in r) versheid = { ...LIVE, reden: r.reden };
      else {
        versheid = r.versheid;
        rijen = telEmmersOp(r.emmers, v);
      }
    }
    rijen ??= await repository.tellingen(v);
    const gevuld = [...rijen];
    if (v.per) for (const p of periodes(v.van, v.tot, v.per)) if (!rijen.some((r) => r.periode === p && r.wachtrij === null)) gevuld.push(leeg(p));
    return {
      rijen: gevuld.toSorted((a, b) => (a.periode ?? '').localeCompare(b.periode ?? '') || (a.wachtrij === null ? (b.wachtrij === null ? 0 : -1) : b.wachtrij === null ? 1 : a.wachtrij.localeCompare(b.wachtrij))),
      versheid,
    };
  }
  const tellingen = async (v: GesprekkenSelectie): Promise<Gesprekstelling[]> => (await metVersheid(v)).rijen;
  const meet = (maat: GesprekMaat) => async (v: GesprekkenSelectie): Promise<GroepMeting[]> =>
    (await tellingen(v)).map((t) => ({ periode: t.periode, wachtrij: t.wachtrij, ...METEN[maat](t) }));
  return {
    tellingen,
    metVersheid,
    binnen30s: meet('binnen30s'),
    afhaakpercentage: meet('afhaakpercentage'),
    wachttijdGemiddeld: meet('wachttijdGemiddeld'),
    wachttijdP90: meet('wachttijdP90'),
    /** Every measure from one query: per code the measurements. */
    async alle(v: GesprekkenSelectie): Promise<Record<string, GroepMeting[]>> {
      const t = await tellingen(v);
      return Object.fromEntries(
        (Object.keys(KCC_GESPREKKEN_DEFINITIES) as GesprekMaat[]).map((maat) => [KCC_GESPREKKEN_DEFINITIES[maat].code, t.map((g) => ({ periode: g.periode, wachtrij: g.wachtrij, ...METEN[maat](g) }))]),
      );
    },
  };
}

export type KccGesprekkenMaten = ReturnType<typeof kccGesprekkenMaten>;

/** A measurement in the register's form: the row for all queues has no group, a queue's row `{wachtrij}`. */
function alsKpiMeting(g: GroepMeting): KpiMeting {
  const groep = g.wachtrij === null ? null : { wachtrij: g.wachtrij };
  if (g.waarde === null) return { groep, status: 'niet-bekend', reden: g.nietBekend ?? '', noemer: g.noemer };
  return { groep, status: 'bekend', waarde: g.waarde, teller: g.teller, noemer: g.noemer };
}

/** The telephony measures for the KPI register (ADR 0029): the whole selection and a row per queue. */
export function kccKpis(maten: KccGesprekkenMaten): KpiMaat[] {
  return (Object.keys(KCC_GESPREKKEN_DEFINITIES) as GesprekMaat[]).map((maat) => ({
    definitie: KCC_GESPREKKEN_DEFINITIES[maat],
    async bereken(v) {
      if (v.zaaktype !== undefined) {
        return [{ groep: null, status: 'niet-bekend', reden: 'Gesprekken van de telefooncentrale hebben geen zaaktype: deze maat bestaat per wachtrij of voor alle gesprekken samen.', noemer: 0 }];
      }
      const { rijen, versheid } = await maten.metVersheid({ gemeente: v.gemeente, van: v.van, tot: v.tot, wachtrij: v.wachtrij, perWachtrij: true });
      return { metingen: rijen.map((t) => alsKpiMeting({ periode: t.periode, wachtrij: t.wachtrij, ...METEN[maat](t) })), versheid };
    },
  }));
}
