import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface AuditRegel {
  gemeente: string | null;
  tijdstip: string;
  actorType: string;
  actorId: string | null;
  actorNaam: string | null;
  actie: string;
  objectType: string | null;
  objectId: string | null;
  resultaat: 'gelukt' | 'geweigerd' | 'mislukt';
  herkomst: string | null;
  traceId: string | null;
  details: Record<string, unknown>;
}

export interface VerwerkingRegel {
  gemeente: string;
  traceId: string;
  spanId: string;
  naam: string;
  verwerkingsactiviteit: string;
  grondslag: string;
  betrokkeneType: string;
  betrokkeneId: string;
  status: 'ok' | 'fout';
  beginOp: string;
  eindOp: string;
}

/** SQL for the append-only audit log and the processing log (Logboek Dataverwerkingen). */
export function auditRepository(db: Kysely<DB>) {
  return {
    voegToe: async (r: AuditRegel): Promise<void> => {
      await db
        .insertInto('audit_log')
        .values({
          gemeente: r.gemeente,
          tijdstip: r.tijdstip,
          actor_type: r.actorType,
          actor_id: r.actorId,
          actor_naam: r.actorNaam,
          actie: r.actie,
          object_type: r.objectType,
          object_id: r.objectId,
          resultaat: r.resultaat,
          herkomst: r.herkomst,
          trace_id: r.traceId,
          details: JSON.stringify(r.details),
        })
        .execute();
    },
    voegVerwerkingenToe: async (regels: VerwerkingRegel[]): Promise<void> => {
      if (regels.length === 0) return;
      await db
        .insertInto('verwerking_log')
        .values(
          regels.map((r) => ({
            gemeente: r.gemeente,
            trace_id: r.traceId,
            span_id: r.spanId,
            naam: r.naam,
            verwerkingsactiviteit: r.verwerkingsactiviteit,
            grondslag: r.grondslag,
            betrokkene_type: r.betrokkeneType,
            betrokkene_id: r.betrokkeneId,
            status: r.status,
            begin_op: r.beginOp,
            eind_op: r.eindOp,
          })),
        )
        .execute();
    },
    /** Audit entries of one gemeente, plus installation-wide entries (logins) about its staff. */
    auditPagina: async (gemeente: string, offset: number, limit: number) => {
      const base = db.selectFrom('audit_log').where((eb) =>
        eb.or([
          eb('gemeente', '=', gemeente),
          eb.and([
            eb('gemeente', 'is', null),
            eb('object_type', '=', 'gebruiker'),
            eb('object_id', 'in', eb.selectFrom('gebruiker_rol').select(sql<string>`gebruiker_id::text`.as('id')).where('gemeente', '=', gemeente)),
          ]),
        ]),
      );
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    verwerkingenPagina: async (gemeente: string, offset: number, limit: number) => {
      const base = db.selectFrom('verwerking_log').where('gemeente', '=', gemeente);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
