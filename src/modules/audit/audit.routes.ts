import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../http/app.ts';
import { pagina, paginaQuery, paginaSchema } from '../../http/pagination.ts';
import { beleid } from '../../http/rechten.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';
import type { AuditRepository } from './audit.repository.ts';

const tags = ['Logboeken'];

const auditRegelSchema = z
  .object({
    id: z.number().int(),
    tijdstip: z.iso.datetime(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), naam: z.string().nullable() }),
    actie: z.string(),
    object: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
    resultaat: z.string(),
    herkomst: z.string().nullable(),
    traceId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditRegel' });

const verwerkingSchema = z
  .object({
    id: z.number().int(),
    traceId: z.string(),
    spanId: z.string(),
    naam: z.string(),
    verwerkingsactiviteit: z.string(),
    grondslag: z.string(),
    betrokkene: z.object({ type: z.string(), id: z.string() }),
    status: z.string(),
    beginOp: z.iso.datetime(),
    eindOp: z.iso.datetime(),
  })
  .meta({ id: 'Verwerking' });

/** The audit log and the processing log of a gemeente, for beheerders (read only: both are append-only). */
export function auditRoutes(app: FastifyInstance, deps: { audit: AuditRepository }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${API_PREFIX}/gemeenten/:gemeente/audit-log`, {
    config: { policy: beleid('logboekenLezen') },
    schema: { tags, summary: 'Auditlog: wie deed wat, wanneer, met welk resultaat', params: gemeenteParams, querystring: paginaQuery, response: { 200: paginaSchema(auditRegelSchema, 'AuditLogPagina') } },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      const { rows, total } = await deps.audit.auditPagina(request.params.gemeente, (page - 1) * pageSize, pageSize);
      const items = rows.map((a) => ({
        id: a.id,
        tijdstip: a.tijdstip,
        actor: { type: a.actor_type, id: a.actor_id, naam: a.actor_naam },
        actie: a.actie,
        object: { type: a.object_type, id: a.object_id },
        resultaat: a.resultaat,
        herkomst: a.herkomst,
        traceId: a.trace_id,
        details: a.details,
      }));
      return pagina(request, request.query, items, total);
    },
  });

  r.get(`${API_PREFIX}/gemeenten/:gemeente/verwerkingen`, {
    config: { policy: beleid('logboekenLezen') },
    schema: { tags, summary: 'Logboek dataverwerkingen: welke persoonsgegevens zijn gebruikt, waarvoor en op welke grond', params: gemeenteParams, querystring: paginaQuery, response: { 200: paginaSchema(verwerkingSchema, 'VerwerkingenPagina') } },
    handler: async (request) => {
      const { page, pageSize } = request.query;
      const { rows, total } = await deps.audit.verwerkingenPagina(request.params.gemeente, (page - 1) * pageSize, pageSize);
      const items = rows.map((v) => ({
        id: v.id,
        traceId: v.trace_id,
        spanId: v.span_id,
        naam: v.naam,
        verwerkingsactiviteit: v.verwerkingsactiviteit,
        grondslag: v.grondslag,
        betrokkene: { type: v.betrokkene_type, id: v.betrokkene_id },
        status: v.status,
        beginOp: v.begin_op,
        eindOp: v.eind_op,
      }));
      return pagina(request, request.query, items, total);
    },
  });
}
