import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { vasteInsert } from '../../db/vaste-query.ts';
import { schrijfMetVolgende } from '../../db/verzoek-transactie.ts';

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

const auditKolommen = (r: AuditRegel) => ({
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
});

const verwerkingKolommen = (r: VerwerkingRegel) => ({
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
});

const AUDIT_KOLOMMEN = ['tijdstip', 'actor_type', 'actor_id', 'actor_naam', 'actie', 'object_type', 'object_id', 'resultaat', 'herkomst', 'trace_id', 'details'] as const;
const installatieInsert = vasteInsert('installatie_log', AUDIT_KOLOMMEN);
const auditInsert = vasteInsert('audit_log', ['gemeente', ...AUDIT_KOLOMMEN]);
const verwerkingInsert = vasteInsert('verwerking_log', ['gemeente', 'trace_id', 'span_id', 'naam', 'verwerkingsactiviteit', 'grondslag', 'betrokkene_type', 'betrokkene_id', 'status', 'begin_op', 'eind_op']);

/** SQL for the append-only audit log and the processing log (Logboek Dataverwerkingen). */
export function auditRepository(db: Kysely<DB>) {
  return {
    /** A row with a gemeente goes to that gemeente's audit_log; one without to installatie_log (ADR 0026). */
    voegToe: async (r: AuditRegel): Promise<void> => {
      if (r.gemeente === null) await db.insertInto('installatie_log').values(auditKolommen(r)).execute();
      else await db.insertInto('audit_log').values({ ...auditKolommen(r), gemeente: r.gemeente }).execute();
    },
    voegVerwerkingenToe: async (regels: VerwerkingRegel[]): Promise<void> => {
      if (regels.length === 0) return;
      await db.insertInto('verwerking_log').values(regels.map(verwerkingKolommen)).execute();
    },
    /**
     * Audit entries and processing-log rows of one transaction, in order, in as few statements as
     * may be (ADR 0084): the gemeenten's audit entries and the processing-log rows in one (a WITH
     * of two inserts), installation-wide entries in another.
     */
    voegSamenToe: async (audit: readonly AuditRegel[], verwerkingen: readonly VerwerkingRegel[]): Promise<void> => {
      const installatie = audit.filter((r) => r.gemeente === null).map(auditKolommen);
      const gemeenten = audit.flatMap((r) => (r.gemeente === null ? [] : [{ ...auditKolommen(r), gemeente: r.gemeente }]));
      const verwerking = verwerkingen.map(verwerkingKolommen);
      // Inside a request transaction these go out with its other kept writes, as one statement (ADR 0096).
      // Compiled once per number of rows (ADR 0098).
      if (installatie.length > 0) await schrijfMetVolgende(installatieInsert(db, installatie));
      if (gemeenten.length > 0) await schrijfMetVolgende(auditInsert(db, gemeenten));
      if (verwerking.length > 0) await schrijfMetVolgende(verwerkingInsert(db, verwerking));
    },
    /**
     * Audit entries of one gemeente, plus installation-wide entries (logins) about its staff,
     * newest first: two queries of at most offset + limit rows each (one of them a router query
     * under Citus, ADR 0024), merged here by (tijdstip, id).
     */
    auditPagina: async (gemeente: string, offset: number, limit: number) => {
      const eigen = db.selectFrom('audit_log').where('gemeente', '=', gemeente);
      const installatie = db
        .selectFrom('installatie_log')
        .where('object_type', '=', 'gebruiker')
        .where('object_id', 'in', db.selectFrom('gebruiker_rol').select(sql<string>`gebruiker_id::text`.as('id')).where('gemeente', '=', gemeente));
      const kolommen = ['id', 'tijdstip', 'actor_type', 'actor_id', 'actor_naam', 'actie', 'object_type', 'object_id', 'resultaat', 'herkomst', 'trace_id', 'details'] as const;
      const [a, b, na, nb] = await Promise.all([
        eigen.select(kolommen).orderBy('tijdstip', 'desc').orderBy('id', 'desc').limit(offset + limit).execute(),
        installatie.select(kolommen).orderBy('tijdstip', 'desc').orderBy('id', 'desc').limit(offset + limit).execute(),
        eigen.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        installatie.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const rows = [...a, ...b].toSorted((x, y) => (x.tijdstip === y.tijdstip ? y.id - x.id : x.tijdstip < y.tijdstip ? 1 : -1)).slice(offset, offset + limit);
      return { rows, total: Number(na.n) + Number(nb.n) };
    },
    verwerkingenPagina: async (gemeente: string, offset: number, limit: number) => {
      const base = db.selectFrom('verwerking_log').where('gemeente', '=', gemeente);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('begin_op', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
