/**
 * A day rollup of the KPI register (ADR 0066, the design of ADR 0043 without a calendar): buckets
 * per gemeente and day, written by the module that owns the source (`DagBouwer`), kept current
 * from the shared outbox by the job `kpi.rollups`, and read by the measures only when current.
 * Buckets are always recomputed from the source, never incremented: a retried round writes the
 * same rows. A day before today whose totals change is a closed period recomputed late: the log
 * says when and why.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Klok } from '../../klok.ts';
import { kalenderdag } from '../termijnen/kalender.ts';
import type { KpiVersheid } from './kpi.definitie.ts';
import type { KpiRollupRepository } from './kpi.rollup.repository.ts';

/** Outbox rows a round takes per gemeente at a time. */
const PARTIJ = 5000;
/** At most this many recomputations of closed days are named in a value. */
const HERBEREKEND_MAX = 20;

/** How a module writes its buckets, inside the transaction the rollup opens. */
export interface DagBouwer {
  /** Deletes and writes every bucket of the gemeente from the source. */
  herbouw(trx: Kysely<DB>, gemeente: string, op: string): Promise<void>;
  /** Deletes and writes the buckets of one day (and what is summed from them, such as a month bucket). */
  bouwDag(trx: Kysely<DB>, gemeente: string, dag: string, op: string): Promise<void>;
  /** The totals of one day, as the recomputation log keeps them (compared before and after). */
  totaal(trx: Kysely<DB>, gemeente: string, dag: string): Promise<Record<string, number>>;
}

export function dagRollup(deps: { naam: string; repository: KpiRollupRepository; bouwer: DagBouwer; klok: Klok }) {
  const { naam, repository, bouwer, klok } = deps;

  async function herbouw(gemeente: string): Promise<void> {
    const werk = await repository.werk(gemeente, naam);
    await repository.transactie(async (trx) => {
      const op = klok.nu().toISOString();
      await bouwer.herbouw(trx, gemeente, op);
      await repository.zetStand(trx, gemeente, naam, op);
      await repository.verwijderWerk(trx, gemeente, werk.map((w) => w.id));
    });
  }

  /** Builds whole when never built, else recomputes each day the outbox names. Answers the days recomputed. */
  async function werkGemeente(gemeente: string): Promise<{ herbouwd: boolean; dagen: number }> {
    if (!(await repository.stand(gemeente, naam))) {
      await herbouw(gemeente);
      return { herbouwd: true, dagen: 0 };
    }
    let dagen = 0;
    for (;;) {
      const werk = await repository.werk(gemeente, naam, PARTIJ);
      if (werk.length === 0) break;
      const vandaag = kalenderdag(klok.nu());
      for (const [dag, rijen] of Map.groupBy(werk, (w) => w.dag)) {
        const laat = dag < vandaag ? [...new Set(rijen.map((w) => w.reden))].toSorted().join(', ') : null;
        await repository.transactie(async (trx) => {
          const op = klok.nu().toISOString();
          const voor = await bouwer.totaal(trx, gemeente, dag);
          await bouwer.bouwDag(trx, gemeente, dag, op);
          const na = await bouwer.totaal(trx, gemeente, dag);
          const veranderd = Object.keys({ ...voor, ...na }).some((k) => (voor[k] ?? 0) !== (na[k] ?? 0));
          if (laat !== null && veranderd) await repository.logHerberekening(trx, { gemeente, rollup: naam, dag, op, reden: laat, voor, na });
          await repository.verwijderWerk(trx, gemeente, rijen.map((w) => w.id));
        });
        dagen++;
      }
      if (werk.length < PARTIJ) break;
    }
    return { herbouwd: false, dagen };
  }

  return {
    naam,
    herbouw,
    werkGemeente,

    /** One round of the job: every gemeente without this rollup yet or with work in the outbox. Idempotent. */
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
     * The buckets of a period (read by `lees`) when the rollup is current there: built, and no
     * change waiting for a day of the period; with its freshness. Otherwise why not.
     */
    async lees<T extends { berekendOp: string }>(gemeente: string, van: string, tot: string, lees: () => Promise<T[]>): Promise<{ emmers: T[]; versheid: KpiVersheid } | { reden: string }> {
      const stand = await repository.leesStand(gemeente, naam, van, tot);
      if (!stand) return { reden: 'De rollup van deze gemeente is nog niet opgebouwd.' };
      const { wachtend } = stand;
      if (wachtend > 0) return { reden: `${wachtend} ${wachtend === 1 ? 'wijziging wacht' : 'wijzigingen wachten'} nog op verwerking in de rollup.` };
      const emmers = await lees();
      const herberekend = await repository.herberekeningen(gemeente, naam, van, tot, HERBEREKEND_MAX);
      const nieuwste = emmers.reduce<string | null>((m, e) => (m === null || e.berekendOp > m ? e.berekendOp : m), null);
      return { emmers, versheid: { bron: 'rollup', reden: null, rollupBijgewerktOp: nieuwste ?? stand.opgebouwdOp, herberekend } };
    },
  };
}

export type DagRollup = ReturnType<typeof dagRollup>;
