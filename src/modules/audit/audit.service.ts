import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../http/policy.ts';
import type { Klok } from '../../klok.ts';
import type { AuditRegel, AuditRepository } from './audit.repository.ts';

/** Who did it, from where, in which trace: taken from the request (or the CLI). */
export interface Context {
  actorType: 'gebruiker' | 'token' | 'anoniem' | 'cli' | 'systeem';
  actorId: string | null;
  actorNaam: string | null;
  herkomst: string | null;
  traceId: string;
  /** Gemeenten where the actor is beheerder; undefined for the CLI and the system (all). */
  beheerderIn?: readonly string[];
}

export function contextVan(request: FastifyRequest, principal: Principal | undefined = request.principal): Context {
  return {
    actorType: principal?.type ?? 'anoniem',
    actorId: principal?.id ?? null,
    actorNaam: principal?.naam ?? null,
    herkomst: request.ip,
    traceId: request.id,
    beheerderIn:
      principal?.type === 'token'
        ? principal.rollen.includes('beheerder') ? [principal.gemeente] : []
        : Object.entries(principal?.rollen ?? {}).filter(([, rollen]) => rollen.includes('beheerder')).map(([gemeente]) => gemeente),
  };
}

export function cliContext(): Context {
  return { actorType: 'cli', actorId: null, actorNaam: 'loket-cli', herkomst: 'cli', traceId: randomBytes(16).toString('hex') };
}

export function systeemContext(): Context {
  return { actorType: 'systeem', actorId: null, actorNaam: 'loket', herkomst: null, traceId: randomBytes(16).toString('hex') };
}

export interface Gebeurtenis {
  gemeente: string | null;
  actie: string;
  objectType?: string;
  objectId?: string;
  resultaat?: AuditRegel['resultaat'];
  details?: Record<string, unknown>;
}

export interface Verwerking {
  gemeente: string;
  naam: string;
  verwerkingsactiviteit: string;
  grondslag: string;
  betrokkeneType: string;
  betrokkeneIds: string[];
  status?: 'ok' | 'fout';
}

/** Writes the audit log (who did what) and the processing log (whose personal data was used). */
export function auditService(deps: { repository: AuditRepository; klok: Klok }) {
  const { repository, klok } = deps;
  return {
    log: (context: Context, g: Gebeurtenis): Promise<void> =>
      repository.voegToe({
        gemeente: g.gemeente,
        tijdstip: klok.nu().toISOString(),
        actorType: context.actorType,
        actorId: context.actorId,
        actorNaam: context.actorNaam,
        actie: g.actie,
        objectType: g.objectType ?? null,
        objectId: g.objectId ?? null,
        resultaat: g.resultaat ?? 'gelukt',
        herkomst: context.herkomst,
        traceId: context.traceId,
        details: g.details ?? {},
      }),
    /** One processing-log record per data subject (no user identity: that is in the audit log, same trace). */
    verwerking: (context: Context, v: Verwerking): Promise<void> => {
      const nu = klok.nu().toISOString();
      return repository.voegVerwerkingenToe(
        v.betrokkeneIds.map((id) => ({
          gemeente: v.gemeente,
          traceId: context.traceId,
          spanId: randomBytes(8).toString('hex'),
          naam: v.naam,
          verwerkingsactiviteit: v.verwerkingsactiviteit,
          grondslag: v.grondslag,
          betrokkeneType: v.betrokkeneType,
          betrokkeneId: id,
          status: v.status ?? 'ok',
          beginOp: nu,
          eindOp: nu,
        })),
      );
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;

/** Processing activity for staff accounts (register of processing activities, AVG art. 30). */
export const VERWERKING_PERSONEELSACCOUNTS = {
  verwerkingsactiviteit: 'loket:verwerkingsactiviteit:medewerkeraccounts',
  grondslag: 'AVG art. 6 lid 1 sub b en c (uitvoering arbeidsovereenkomst; BIO2 toegangsbeheer)',
  betrokkeneType: 'medewerker',
} as const;
