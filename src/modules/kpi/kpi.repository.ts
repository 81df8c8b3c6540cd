import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { KpiDefinitie } from './kpi.definitie.ts';

export interface KpiNorm {
  kpi: string;
  geldigVanaf: string;
  waarde: number;
  bron: string;
}

/**
 * SQL of the KPI register: the stored definition versions (installation-wide) and the norms per
 * gemeente. `lezen` (Database.lezen) reads the norms: the read replica when a route reads inside
 * `request.lees` (the public servicenormen page, ADR 0028), the primary everywhere else.
 */
export function kpiRepository(db: Kysely<DB>, lezen: Kysely<DB> = db) {
  return {
    /**
     * Stores a definition version unless it is there; answers the fingerprint stored under that
     * code and version (the new one, or the one another process stored first).
     */
    async registreer(definitie: KpiDefinitie, vingerafdruk: string, op: string): Promise<string> {
      await db
        .insertInto('kpi_definitie')
        .values({ code: definitie.code, versie: definitie.versie, definitie: JSON.stringify(definitie), vingerafdruk, geregistreerd_op: op })
        .onConflict((oc) => oc.columns(['code', 'versie']).doNothing())
        .execute();
      const rij = await db.selectFrom('kpi_definitie').select('vingerafdruk').where('code', '=', definitie.code).where('versie', '=', definitie.versie).executeTakeFirstOrThrow();
      return rij.vingerafdruk;
    },

    /** Every stored version of one code, newest first. */
    versies: async (code: string) =>
      (await db.selectFrom('kpi_definitie').select(['definitie', 'geregistreerd_op']).where('code', '=', code).orderBy('versie', 'desc').execute()).map((r) => ({
        definitie: r.definitie as unknown as KpiDefinitie,
        geregistreerdOp: r.geregistreerd_op,
      })),

    /** The gemeente's norms, per KPI the newest first. */
    normen: async (gemeente: string, kpi?: string): Promise<KpiNorm[]> =>
      (
        await lezen
          .selectFrom('kpi_norm')
          .select(['kpi_code', 'geldig_vanaf', 'waarde', 'bron'])
          .where('gemeente', '=', gemeente)
          .$if(kpi !== undefined, (q) => q.where('kpi_code', '=', kpi ?? ''))
          .orderBy('kpi_code')
          .orderBy('geldig_vanaf', 'desc')
          .execute()
      ).map((r) => ({ kpi: r.kpi_code, geldigVanaf: r.geldig_vanaf, waarde: Number(r.waarde), bron: r.bron })),

    /** Adds a norm; false when the KPI already has one from that date. */
    voegNormToe: async (gemeente: string, norm: KpiNorm, door: string | null, op: string): Promise<boolean> => {
      const r = await db
        .insertInto('kpi_norm')
        .values({ gemeente, kpi_code: norm.kpi, geldig_vanaf: norm.geldigVanaf, waarde: norm.waarde, bron: norm.bron, aangemaakt_door: door, aangemaakt_op: op })
        .onConflict((oc) => oc.columns(['gemeente', 'kpi_code', 'geldig_vanaf']).doNothing())
        .returning('kpi_code')
        .executeTakeFirst();
      return r !== undefined;
    },
  };
}

export type KpiRepository = ReturnType<typeof kpiRepository>;
