import { randomBytes, randomUUID } from 'node:crypto';
import type { Rol } from '../../db/schema.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { sha256 } from '../auth/auth.service.ts';
import { apiTokenOnbekend, geldigTotBuitenBereik } from './api-tokens.errors.ts';
import type { ApiTokensRepository } from './api-tokens.repository.ts';

/** A new secret for a machine client: a prefix plus 32 random bytes (base64url); store only its `sha256`. */
export function nieuwGeheim(voorvoegsel: string): string {
  return `${voorvoegsel}${randomBytes(32).toString('base64url')}`;
}

const MAX_GELDIGHEID_MS = 366 * 24 * 60 * 60 * 1000;

type Rij = Awaited<ReturnType<ApiTokensRepository['opId']>> & {};
const presenteer = (t: Rij) => ({
  id: t.id,
  naam: t.naam,
  rollen: t.rollen,
  geldigTot: t.verloopt_op,
  ingetrokkenOp: t.ingetrokken_op,
  aangemaaktOp: t.aangemaakt_op,
});

/** API tokens for machine clients: scoped to one gemeente and some roles, expiring, revocable. */
export function apiTokensService(deps: { repository: ApiTokensRepository; audit: AuditService; klok: Klok }) {
  const { repository, audit, klok } = deps;
  return {
    async lijst(gemeente: string, offset: number, limit: number) {
      const { rows, total } = await repository.pagina(gemeente, offset, limit);
      return { rows: rows.map(presenteer), total };
    },
    async maak(context: Context, gemeente: string, t: { naam: string; rollen: Rol[]; geldigTot: string }) {
      const nu = klok.nu();
      const tot = new Date(t.geldigTot);
      if (tot <= nu || tot.getTime() - nu.getTime() > MAX_GELDIGHEID_MS) {
        throw geldigTotBuitenBereik();
      }
      const id = randomUUID();
      const token = nieuwGeheim('loket_');
      await repository.maak({ gemeente, id, naam: t.naam, tokenHash: sha256(token), rollen: t.rollen, verlooptOp: tot.toISOString(), aangemaaktDoor: context.actorType === 'gebruiker' ? context.actorId : null, aangemaaktOp: nu.toISOString() });
      await audit.log(context, { gemeente, actie: 'api-token-aanmaken', objectType: 'api-token', objectId: id, details: { naam: t.naam, rollen: t.rollen, geldigTot: tot.toISOString() } });
      const rij = await repository.opId(gemeente, id);
      return { ...presenteer(rij as Rij), token };
    },
    async trekIn(context: Context, gemeente: string, id: string) {
      if (!(await repository.opId(gemeente, id))) throw apiTokenOnbekend();
      await repository.trekIn(gemeente, id, klok.nu().toISOString());
      await audit.log(context, { gemeente, actie: 'api-token-intrekken', objectType: 'api-token', objectId: id });
    },
  };
}

export type ApiTokensService = ReturnType<typeof apiTokensService>;
