/**
 * The zaken rollup by closing day (ADR 0043): buckets per gemeente, day and zaaktype with the
 * number closed, the number closed within their deadline and the histogram of lead times in
 * whole werkdagen. Kept current by the job `kpi.rollups` (src/modules/kpi/kpi.rollup.job.ts),
 * which works the outbox the triggers on `zaak` fill; read by the measures zaken-binnen-norm,
 * zaken-doorlooptijd-mediaan and -p90 when it is current, which gives the same answer as their
 * live queries (zaken.kpi.rollup.test.ts checks that on random zaken).
 */
import { createHash } from 'node:crypto';
import type { Klok } from '../../klok.ts';
import type { KpiVersheid } from '../kpi/kpi.definitie.ts';
import { telHistogramOp } from '../kpi/kpi.histogram.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import { werkdagtelling } from './zaken.kpi.ts';
import type { Emmer, ZakenKpiRollupRepository } from './zaken.kpi.rollup.repository.ts';

/** Outbox rows a run takes per gemeente at a time. */
const PARTIJ = 5000;
/** At most this many recomputations of closed days are named in a value. */
const HERBEREKEND_MAX = 20;

/** Which closure days the werkdagen of a rollup were counted with (with the version of these rules). */
export function kalenderVingerafdruk(sluitingsdagen: ReadonlyMap<string, string>): string {
  return createHash('sha256')
    .update(`werkdagen-1|${[...sluitingsdagen.keys()].toSorted().join(',')}`)
    .digest('hex');
}

/** One group's totals over any buckets: sums, and the histograms added up. */
export interface Samengeteld {
  zaaktype: string | null;
  aantal: number;
  binnenNorm: number;
  doorlooptijd: number[];
}

/** The whole selection first (zaaktype null), then one per zaaktype that has zaken. */
export function telOp(emmers: readonly Emmer[]): Samengeteld[] {
  const geheel: Samengeteld = { zaaktype: null, aantal: 0, binnenNorm: 0, doorlooptijd: [] };
  const groepen = new Map<string | null, Samengeteld>([[null, geheel]]);
  const voegToe = (g: Samengeteld, e: Emmer) => {
    g.aantal += e.aantal;
    g.binnenNorm += e.binnenNorm;
    telHistogramOp(g.doorlooptijd, e.doorlooptijd);
  };
  for (const e of emmers) {
    let g = groepen.get(e.zaaktype);
    if (!g) groepen.set(e.zaaktype, (g = { zaaktype: e.zaaktype, aantal: 0, binnenNorm: 0, doorlooptijd: [] }));
    voegToe(g, e);
    voegToe(geheel, e);
  }
  return [...groepen.values()];
}

export function zakenKpiRollup(deps: { repository: ZakenKpiRollupRepository; klok: Klok; sluitingsdagen: (gemeente: string) => Promise<ReadonlyMap<string, string>> }) {
  const { repository, klok } = deps;

  /** Builds the gemeente's rollup whole; deletes the outbox rows seen (all of them, read first). */
  async function herbouw(gemeente: string): Promise<void> {
    const werk = await repository.werk(gemeente);
    const sluitingsdagen = await deps.sluitingsdagen(gemeente);
    const vandaag = kalenderdag(klok.nu());
    const van = (await repository.vroegsteOntvangst(gemeente)) ?? vandaag;
    const tot = (await repository.laatsteSluitdag(gemeente)) ?? vandaag;
    const kalender = werkdagtelling(van < tot ? van : tot, tot, sluitingsdagen);
    await repository.herbouw(gemeente, kalender, kalenderVingerafdruk(sluitingsdagen), klok.nu().toISOString(), werk.map((w) => w.id));
  }

  /**
   * Works the gemeente's outbox: rebuilds whole when the rollup was never built or the closure
   * days changed, else recomputes each day named. Answers the days recomputed (0 for a rebuild).
   */
  async function werkGemeente(gemeente: string): Promise<{ herbouwd: boolean; dagen: number }> {
    const sluitingsdagen = await deps.sluitingsdagen(gemeente);
    const stand = await repository.stand(gemeente);
    if (!stand || stand.kalender !== kalenderVingerafdruk(sluitingsdagen)) {
      await herbouw(gemeente);
      return { herbouwd: true, dagen: 0 };
    }
    let dagen = 0;
    for (;;) {
      const werk = await repository.werk(gemeente, PARTIJ);
      if (werk.length === 0) break;
      const perDag = Map.groupBy(werk, (w) => w.dag);
      const vandaag = kalenderdag(klok.nu());
      for (const [dag, rijen] of perDag) {
        // A day that has ended is a closed period: when its totals change, say when and why.
        const reden = dag < vandaag ? [...new Set(rijen.map((w) => w.reden))].toSorted().join(', ') : null;
        const vroegste = (await repository.vroegsteOntvangst(gemeente, dag)) ?? dag;
        const kalender = werkdagtelling(vroegste < dag ? vroegste : dag, dag, sluitingsdagen);
        await repository.herberekenDag(gemeente, dag, kalender, klok.nu().toISOString(), rijen.map((w) => w.id), reden);
        dagen++;
      }
      if (werk.length < PARTIJ) break;
    }
    return { herbouwd: false, dagen };
  }

  return {
    herbouw,
    werkGemeente,

    /** One run of the job: every gemeente with work, without a rollup yet, or with changed closure days. Idempotent. */
    async werkAf(): Promise<{ gemeenten: number; herbouwd: number; dagen: number }> {
      const uit = { gemeenten: 0, herbouwd: 0, dagen: 0 };
      for (const gemeente of await repository.gemeenten()) {
        const r = await werkGemeente(gemeente);
        if (!r.herbouwd && r.dagen === 0) continue;
        uit.gemeenten++;
        uit.herbouwd += r.herbouwd ? 1 : 0;
        uit.dagen += r.dagen;
      }
      return uit;
    },

    /**
     * The buckets of each period (a value asks for one, a series for several) when the rollup is
     * current over all of them (built with today's closure days, no change waiting for those days),
     * each with its freshness; otherwise why not. Three statements however many periods.
     */
    async lees(v: { gemeente: string; perioden: readonly { van: string; tot: string }[]; zaaktype: string | undefined; sluitingsdagen: ReadonlyMap<string, string> }): Promise<{ emmers: Emmer[]; versheid: KpiVersheid }[] | { reden: string }> {
      const van = v.perioden.reduce((m, p) => (p.van < m ? p.van : m), v.perioden[0]?.van ?? '');
      const tot = v.perioden.reduce((m, p) => (p.tot > m ? p.tot : m), v.perioden[0]?.tot ?? '');
      const stand = await repository.leesStand(v.gemeente, van, tot);
      if (!stand) return { reden: 'De rollup van deze gemeente is nog niet opgebouwd.' };
      if (stand.kalender !== kalenderVingerafdruk(v.sluitingsdagen)) return { reden: 'De sluitingsdagen zijn gewijzigd; de rollup wordt opnieuw opgebouwd.' };
      const { wachtend } = stand;
      if (wachtend > 0) return { reden: `${wachtend} ${wachtend === 1 ? 'wijziging wacht' : 'wijzigingen wachten'} nog op verwerking in de rollup.` };
      const emmers = await repository.emmers(v.gemeente, v.perioden, v.zaaktype);
      const herberekend = await repository.herberekeningen(v.gemeente, v.perioden, HERBEREKEND_MAX);
      return emmers.map((e, i) => ({
        emmers: e,
        versheid: {
          bron: 'rollup',
          reden: null,
          rollupBijgewerktOp: e.reduce<string | null>((m, x) => (m === null || x.berekendOp > m ? x.berekendOp : m), null) ?? stand.opgebouwdOp,
          herberekend: herberekend[i] ?? [],
        },
      }));
    },
  };
}

export type ZakenKpiRollup = ReturnType<typeof zakenKpiRollup>;
