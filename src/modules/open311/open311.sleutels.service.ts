import { randomUUID } from 'node:crypto';
import type { Klok } from '../../klok.ts';
import { nieuwGeheim } from '../api-tokens/api-tokens.service.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { sha256 } from '../auth/auth.service.ts';
import { sleutelOnbekend, verlooptInHetVerleden } from './open311.errors.ts';
import type { Open311SleutelsRepository } from './open311.sleutels.repository.ts';

type Rij = Awaited<ReturnType<Open311SleutelsRepository['opId']>> & {};
const presenteer = (s: Rij) => ({ id: s.id, naam: s.naam, verlooptOp: s.verloopt_op, ingetrokkenOp: s.ingetrokken_op, aangemaaktOp: s.aangemaakt_op });

/**
 * API keys of Open311 clients (ADR 0041): one per gemeente and client, shown once, stored as its
 * SHA-256 (made like API tokens, `nieuwGeheim`), no expiry unless one is given, revocable. A key
 * only lets its client post meldingen through /open311/v2/: it carries no roles.
 */
export function open311SleutelsService(deps: { repository: Open311SleutelsRepository; audit: AuditService; klok: Klok }) {
  const { repository, audit, klok } = deps;
  return {
    lijst: async (gemeente: string) => (await repository.lijst(gemeente)).map(presenteer),
    async maak(context: Context, gemeente: string, s: { naam: string; verlooptOp?: string | null | undefined }) {
      const nu = klok.nu();
      const verlooptOp = s.verlooptOp ? new Date(s.verlooptOp) : null;
      if (verlooptOp && verlooptOp <= nu) throw verlooptInHetVerleden();
      const id = randomUUID();
      const sleutel = nieuwGeheim('o311_');
      await repository.maak({ gemeente, id, naam: s.naam, hash: sha256(sleutel), verlooptOp: verlooptOp?.toISOString() ?? null, aangemaaktDoor: context.actorType === 'gebruiker' ? context.actorId : null, aangemaaktOp: nu.toISOString() });
      await audit.log(context, { gemeente, actie: 'open311-sleutel-aanmaken', objectType: 'open311-sleutel', objectId: id, details: { naam: s.naam, verlooptOp: verlooptOp?.toISOString() ?? null } });
      const rij = await repository.opId(gemeente, id);
      return { ...presenteer(rij as Rij), sleutel };
    },
    async trekIn(context: Context, gemeente: string, id: string) {
      if (!(await repository.opId(gemeente, id))) throw sleutelOnbekend();
      await repository.trekIn(gemeente, id, klok.nu().toISOString());
      await audit.log(context, { gemeente, actie: 'open311-sleutel-intrekken', objectType: 'open311-sleutel', objectId: id });
    },
    /** The client of a key that works now in this gemeente, or undefined. */
    controleer: (gemeente: string, sleutel: string) => repository.geldig(gemeente, sha256(sleutel), klok.nu().toISOString()),
  };
}

export type Open311SleutelsService = ReturnType<typeof open311SleutelsService>;
