import { hash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Rol } from '../../db/schema.ts';
import type { Principal } from '../../http/policy.ts';
import { gedeeldeCache, KANAAL, type Signalen } from '../../db/signalen.ts';
import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { codeAlGebruikt, codeOnjuist, geblokkeerd, onjuist } from './auth.errors.ts';
import type { AuthRepository } from './auth.repository.ts';
import { dummyWachtwoordHash, klopWachtwoord } from './wachtwoord.ts';

export const SESSIE_IDLE_MS = 30 * 60 * 1000;
export const SESSIE_ABSOLUUT_MS = 12 * 60 * 60 * 1000;
export const AANMELD_MS = 10 * 60 * 1000;
/**
 * A session row read from the database is used again for this long without asking again (ADR 0016).
 * Ending a session (logout, logout everywhere, TOTP step, account disabled, MFA reset, expiry) and
 * a change of the account's roles or name drop it at once on every node (ADR 0023).
 */
export const SESSIE_CACHE_MS = 2_000;
const MAX_SESSIES_IN_CACHE = 10_000;
/** Failed attempts before the account is locked; each further failure doubles the wait (max 1 hour). */
export const POGINGEN_VOOR_BLOKKADE = 5;
const MAX_BLOKKADE_MS = 60 * 60 * 1000;
const TOTP_PERIODE = 30;

/** SHA-256 in hex, one shot (`crypto.hash`: no Hash object per call, on every Open311 key and form concept). */
export const sha256 = (waarde: string): string => hash('sha256', waarde, 'hex');
const nieuwToken = (): string => randomBytes(32).toString('base64url');

export function totpVoor(geheim: string, email: string): TOTP {
  return new TOTP({ issuer: 'Loket', label: email, algorithm: 'SHA1', digits: 6, period: TOTP_PERIODE, secret: Secret.fromBase32(geheim) });
}

export const nieuwTotpGeheim = (): string => new Secret({ size: 20 }).base32;

function perGemeente(rijen: readonly { gemeente: string; rol: Rol }[]): Record<string, Rol[]> {
  const result: Record<string, Rol[]> = {};
  for (const { gemeente, rol } of rijen) (result[gemeente] ??= []).push(rol);
  return result;
}

export interface AanmeldStap {
  sessieToken: string;
  csrfToken: string;
  stap: 'totp' | 'totp-instellen';
  geheim?: string;
  otpauthUri?: string;
}

/** Staff login (password, then TOTP), sessions and API-token authentication. */
export function authService(deps: { repository: AuthRepository; audit: AuditService; klok: Klok; signalen: Signalen }) {
  const { repository, audit, klok, signalen } = deps;

  type SessieRij = NonNullable<Awaited<ReturnType<AuthRepository['sessieOpHash']>>>;
  /** Recently read sessions by id hash, emptied on every node by a signal (`sessie:<hash>`, `gebruiker:<id>`). */
  const sessies = gedeeldeCache<SessieRij>({
    signalen,
    kanaal: KANAAL.sessie,
    ms: SESSIE_CACHE_MS,
    max: MAX_SESSIES_IN_CACHE,
    raakt: (signaal, idHash, rij) => signaal === `sessie:${idHash}` || signaal === `gebruiker:${rij.gebruiker_id}`,
  });
  const sessieOpHash = (idHash: string) => sessies.haal(idHash, () => repository.sessieOpHash(idHash));

  /**
   * Runs a change that ends sessions, dropping the matching ones from this node's cache before and
   * after it (the change itself signals the other nodes).
   */
  async function zonder(past: (rij: SessieRij, idHash: string) => boolean, wijziging: () => Promise<unknown>): Promise<void> {
    const vergeet = () => sessies.vergeet((idHash, rij) => past(rij, idHash));
    vergeet();
    try {
      await wijziging();
    } finally {
      vergeet();
    }
  }
  const verwijderSessie = (idHash: string) => zonder((_, h) => h === idHash, () => repository.verwijderSessie(idHash));
  const verwijderSessiesVan = (gebruikerId: string) => zonder((rij) => rij.gebruiker_id === gebruikerId, () => repository.verwijderSessiesVan(gebruikerId));

  async function mislukt(gebruiker: { id: string; mislukte_pogingen: number }, context: Context, reden: string): Promise<void> {
    const pogingen = gebruiker.mislukte_pogingen + 1;
    const nu = klok.nu();
    const extra = pogingen - POGINGEN_VOOR_BLOKKADE;
    const tot = extra >= 0 ? new Date(nu.getTime() + Math.min(MAX_BLOKKADE_MS, 60_000 * 2 ** extra)).toISOString() : null;
    await repository.registreerMislukking(gebruiker.id, pogingen, tot);
    await audit.log(context, { gemeente: null, actie: 'aanmelden', objectType: 'gebruiker', objectId: gebruiker.id, resultaat: 'geweigerd', details: { reden, pogingen, geblokkeerdTot: tot } });
  }

  async function nieuweSessie(gebruikerId: string, mfaVoltooid: boolean) {
    const sessieToken = nieuwToken();
    const csrfToken = nieuwToken();
    const nu = klok.nu();
    await repository.maakSessie({
      idHash: sha256(sessieToken),
      gebruikerId,
      mfaVoltooid,
      csrfToken,
      nu: nu.toISOString(),
      verlooptOp: new Date(nu.getTime() + (mfaVoltooid ? SESSIE_ABSOLUUT_MS : AANMELD_MS)).toISOString(),
    });
    return { sessieToken, csrfToken };
  }

  return {
    /** Step 1: e-mail and password. Starts a half-way session that only allows the TOTP step. */
    async meldAan(email: string, wachtwoord: string, context: Context): Promise<AanmeldStap> {
      const gebruiker = await repository.gebruikerOpEmail(email);
      if (!gebruiker) {
        await klopWachtwoord(await dummyWachtwoordHash(), wachtwoord);
        await audit.log(context, { gemeente: null, actie: 'aanmelden', resultaat: 'geweigerd', details: { reden: 'onbekend e-mailadres' } });
        throw onjuist();
      }
      const nu = klok.nu();
      if (gebruiker.geblokkeerd_tot && new Date(gebruiker.geblokkeerd_tot) > nu) throw geblokkeerd(new Date(gebruiker.geblokkeerd_tot), nu);
      const klopt = await klopWachtwoord(gebruiker.wachtwoord_hash, wachtwoord);
      if (!klopt) {
        await mislukt(gebruiker, context, 'verkeerd wachtwoord');
        throw onjuist();
      }
      if (!gebruiker.actief) {
        await audit.log(context, { gemeente: null, actie: 'aanmelden', objectType: 'gebruiker', objectId: gebruiker.id, resultaat: 'geweigerd', details: { reden: 'account uitgeschakeld' } });
        throw onjuist();
      }
      const { sessieToken, csrfToken } = await nieuweSessie(gebruiker.id, false);
      if (gebruiker.totp_bevestigd && gebruiker.totp_geheim) return { sessieToken, csrfToken, stap: 'totp' };
      const geheim = gebruiker.totp_geheim ?? nieuwTotpGeheim();
      if (!gebruiker.totp_geheim) await repository.zetTotpGeheim(gebruiker.id, geheim);
      return { sessieToken, csrfToken, stap: 'totp-instellen', geheim, otpauthUri: totpVoor(geheim, gebruiker.email).toString() };
    },

    /** Step 2: the TOTP code. Ends the half-way session and starts a new, full one (new id). */
    async bevestigTotp(principal: Principal, code: string, context: Context): Promise<{ sessieToken: string; csrfToken: string }> {
      if (principal.type !== 'gebruiker') throw onjuist();
      const gebruiker = await repository.gebruikerOpId(principal.id);
      if (!gebruiker?.totp_geheim || !gebruiker.actief) throw onjuist();
      const nu = klok.nu();
      if (gebruiker.geblokkeerd_tot && new Date(gebruiker.geblokkeerd_tot) > nu) throw geblokkeerd(new Date(gebruiker.geblokkeerd_tot), nu);
      const delta = totpVoor(gebruiker.totp_geheim, gebruiker.email).validate({ token: code, timestamp: nu.getTime(), window: 1 });
      const stap = Math.floor(nu.getTime() / 1000 / TOTP_PERIODE) + (delta ?? 0);
      if (delta === null) {
        await mislukt(gebruiker, context, 'verkeerde code');
        throw codeOnjuist();
      }
      // A right code that was used before (within its 30 seconds): say so, the user did nothing wrong.
      if (!(await repository.gebruikTotpStap(gebruiker.id, stap))) {
        await mislukt(gebruiker, context, 'code al gebruikt');
        throw codeAlGebruikt();
      }
      await verwijderSessie(principal.sessieHash);
      const sessie = await nieuweSessie(gebruiker.id, true);
      await audit.log({ ...context, actorType: 'gebruiker', actorId: gebruiker.id, actorNaam: gebruiker.naam }, {
        gemeente: null,
        actie: 'aanmelden',
        objectType: 'gebruiker',
        objectId: gebruiker.id,
        details: { totpIngesteld: !gebruiker.totp_bevestigd },
      });
      return sessie;
    },

    /** The principal behind a session cookie or bearer token; undefined when invalid or expired. */
    async vanSessie(token: string): Promise<Principal | undefined> {
      const idHash = sha256(token);
      const sessie = await sessieOpHash(idHash);
      if (!sessie || !sessie.actief) return undefined;
      const nu = klok.nu();
      const idle = nu.getTime() - new Date(sessie.laatst_actief_op).getTime();
      if (new Date(sessie.verloopt_op) <= nu || idle > SESSIE_IDLE_MS) {
        await verwijderSessie(idHash);
        return undefined;
      }
      // Touch at most once a minute: keeps the idle timeout without a write on every request.
      if (idle > 60_000) {
        await repository.raakSessieAan(idHash, nu.toISOString());
        sessie.laatst_actief_op = nu.toISOString();
      }
      return {
        type: 'gebruiker',
        id: sessie.gebruiker_id,
        naam: sessie.naam,
        email: sessie.email,
        rollen: perGemeente(sessie.rollen ?? []),
        sessieHash: idHash,
        csrfToken: sessie.csrf_token,
        mfaVoltooid: sessie.mfa_voltooid,
        verlooptOp: sessie.verloopt_op,
      };
    },

    async vanApiToken(token: string): Promise<Principal | undefined> {
      const rij = await repository.tokenOpHash(sha256(token));
      if (!rij || rij.ingetrokken_op || new Date(rij.verloopt_op) <= klok.nu()) return undefined;
      return { type: 'token', id: rij.id, naam: rij.naam, gemeente: rij.gemeente, rollen: rij.rollen };
    },

    async meldAf(principal: Principal, context: Context, overal: boolean): Promise<void> {
      if (principal.type !== 'gebruiker') return;
      if (overal) await verwijderSessiesVan(principal.id);
      else await verwijderSessie(principal.sessieHash);
      await audit.log(context, { gemeente: null, actie: overal ? 'overal-afmelden' : 'afmelden', objectType: 'gebruiker', objectId: principal.id });
    },

    /** Ends every session of a user (disabling an account, resetting MFA). */
    beeindigSessies: (gebruikerId: string) => verwijderSessiesVan(gebruikerId),
  };
}

export type AuthService = ReturnType<typeof authService>;
