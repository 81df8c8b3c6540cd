import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../http/policy.ts';
import { bewaarTotCommit, inVerzoekTransactie, type Bundel } from '../../db/verzoek-transactie.ts';
import { heeftRecht } from '../../http/rechten.ts';
import type { Klok } from '../../klok.ts';
import type { AuditRegel, AuditRepository, VerwerkingRegel } from './audit.repository.ts';
import { willekeurigeBytes } from '../../willekeurig.ts';

/** Who did it, from where, in which trace: taken from the request (or the CLI). */
export interface Context {
  actorType: 'gebruiker' | 'token' | 'anoniem' | 'cli' | 'systeem';
  actorId: string | null;
  actorNaam: string | null;
  herkomst: string | null;
  traceId: string;
  /** Gemeenten where the actor holds the right `beheer`; undefined for the CLI and the system (all). */
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
        ? heeftRecht(principal.rollen, 'beheer') ? [principal.gemeente] : []
        : Object.entries(principal?.rollen ?? {}).filter(([, rollen]) => heeftRecht(rollen, 'beheer')).map(([gemeente]) => gemeente),
  };
}

export function cliContext(): Context {
  return { actorType: 'cli', actorId: null, actorNaam: 'loket-cli', herkomst: 'cli', traceId: randomBytes(16).toString('hex') };
}

export function systeemContext(): Context {
  return { actorType: 'systeem', actorId: null, actorNaam: 'loket', herkomst: null, traceId: randomBytes(16).toString('hex') };
}

export interface Auditregel {
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

/** At most this many processing-log rows in one INSERT. */
const MAX_REGELS_PER_INSERT = 1000;

/**
 * Writes processing-log rows of concurrent requests together (ADR 0016): the first caller's rows
 * go at once; while that INSERT is under way, new rows wait and go together in the next one. So
 * one request alone waits no longer than before, and under load there are fewer statements and
 * commits. Lossless: each caller's promise resolves only once its own rows are committed. When a
 * combined INSERT fails, each caller's rows are tried alone, so one bad row fails only its caller.
 */
export function gebundeldeSchrijver(schrijf: (regels: VerwerkingRegel[]) => Promise<void>): (regels: VerwerkingRegel[]) => Promise<void> {
  interface Wachtend {
    regels: VerwerkingRegel[];
    klaar: () => void;
    fout: (error: unknown) => void;
  }
  let wachtend: Wachtend[] = [];
  let bezig = false;
  async function alleen(w: Wachtend): Promise<void> {
    try {
      await schrijf(w.regels);
      w.klaar();
    } catch (error) {
      w.fout(error);
    }
  }
  async function pomp(): Promise<void> {
    bezig = true;
    while (wachtend.length > 0) {
      let aantal = 0;
      let tot = 0;
      while (tot < wachtend.length && (tot === 0 || aantal + (wachtend[tot]?.regels.length ?? 0) <= MAX_REGELS_PER_INSERT)) aantal += wachtend[tot++]?.regels.length ?? 0;
      const partij = wachtend.slice(0, tot);
      wachtend = wachtend.slice(tot);
      if (partij.length === 1) {
        await alleen(partij[0] as Wachtend);
        continue;
      }
      try {
        await schrijf(partij.flatMap((w) => w.regels));
        for (const w of partij) w.klaar();
      } catch {
        for (const w of partij) await alleen(w);
      }
    }
    bezig = false;
  }
  return (regels) => {
    // Inside a request's own transaction (ADR 0030) the rows belong to it: written there, at once.
    if (inVerzoekTransactie()) return regels.length === 0 ? Promise.resolve() : schrijf(regels);
    return new Promise<void>((klaar, fout) => {
      if (regels.length === 0) return klaar();
      wachtend.push({ regels, klaar, fout });
      if (!bezig) void pomp();
    });
  };
}

/**
 * Writes the audit log (who did what) and the processing log (whose personal data was used).
 * Inside a request transaction both are kept until its commit and then written together, in one
 * statement (ADR 0084): a zaak's entry and its processing-log row go out with the zaak's own
 * rows in one round trip, and nothing is written when the transaction rolls back.
 */
export function auditService(deps: { repository: AuditRepository; klok: Klok }) {
  const { repository, klok } = deps;
  const schrijfVerwerkingen = gebundeldeSchrijver((regels) => repository.voegVerwerkingenToe(regels));
  const totCommit: Bundel<{ log: AuditRegel } | { verwerkingen: VerwerkingRegel[] }> = {
    schrijf: (stukken) =>
      repository.voegSamenToe(
        stukken.flatMap((s) => ('log' in s ? [s.log] : [])),
        stukken.flatMap((s) => ('verwerkingen' in s ? s.verwerkingen : [])),
      ),
  };
  return {
    log: async (context: Context, g: Auditregel): Promise<void> => {
      const regel: AuditRegel = {
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
      };
      if (!bewaarTotCommit(totCommit, { log: regel })) await repository.voegToe(regel);
    },
    /** One processing-log record per data subject (no user identity: that is in the audit log, same trace). */
    verwerking: async (context: Context, v: Verwerking): Promise<void> => {
      const nu = klok.nu().toISOString();
      const regels: VerwerkingRegel[] = v.betrokkeneIds.map((id) => ({
        gemeente: v.gemeente,
        traceId: context.traceId,
        spanId: willekeurigeBytes(8).toString('hex'),
        naam: v.naam,
        verwerkingsactiviteit: v.verwerkingsactiviteit,
        grondslag: v.grondslag,
        betrokkeneType: v.betrokkeneType,
        betrokkeneId: id,
        status: v.status ?? 'ok',
        beginOp: nu,
        eindOp: nu,
      }));
      if (regels.length === 0) return;
      if (!bewaarTotCommit(totCommit, { verwerkingen: regels })) await schrijfVerwerkingen(regels);
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
