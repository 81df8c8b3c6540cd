import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB, Rol } from '../../db/schema.ts';
import type { Berichten } from '../berichten/berichten.service.ts';
import { verouderd } from '../../http/etag.ts';
import type { Klok } from '../../klok.ts';
import { VERWERKING_PERSONEELSACCOUNTS, type AuditService, type Context } from '../audit/audit.service.ts';
import { controleerWachtwoord, hashWachtwoord } from '../auth/wachtwoord.ts';
import { accountVanMeerGemeenten, emailBestaat, medewerkerOnbekend, wachtwoordOngeldig } from './gebruikers.errors.ts';
import { schoneNaam } from '../../tekst.ts';
import type { GebruikerRecord, GebruikersRepository } from './gebruikers.repository.ts';

export interface NieuweGebruiker {
  naam: string;
  email: string;
  wachtwoord: string;
  rollen: Rol[];
}

/** Staff accounts per gemeente: create, change, roles, disable, reset the second factor. */
export function gebruikersService(deps: {
  repository: GebruikersRepository;
  audit: AuditService;
  klok: Klok;
  beeindigSessies: (gebruikerId: string) => Promise<unknown>;
  berichten?: Berichten;
}) {
  const { repository, audit, klok, berichten } = deps;

  const verwerkt = (context: Context, gemeente: string, naam: string, ids: string[]) =>
    audit.verwerking(context, { gemeente, naam, ...VERWERKING_PERSONEELSACCOUNTS, betrokkeneIds: ids });

  async function bestaand(gemeente: string, id: string): Promise<GebruikerRecord> {
    const gebruiker = await repository.opId(gemeente, id);
    if (!gebruiker) throw medewerkerOnbekend();
    return gebruiker;
  }

  /**
   * Name, active flag and second factor belong to the whole account, which may work for several
   * gemeenten: changing them needs beheerder rights in each of those.
   */
  async function magAccountWijzigen(context: Context, id: string): Promise<void> {
    if (!context.beheerderIn) return;
    const bevoegd = new Set(context.beheerderIn);
    const buiten = (await repository.gemeentenVan(id)).filter((g) => !bevoegd.has(g));
    if (buiten.length > 0) {
      throw accountVanMeerGemeenten();
    }
  }

  async function naWijziging(context: Context, gemeente: string, id: string, actie: string, details: Record<string, unknown>) {
    await audit.log(context, { gemeente, actie, objectType: 'gebruiker', objectId: id, details });
    await verwerkt(context, gemeente, actie, [id]);
    return bestaand(gemeente, id);
  }

  return {
    async lijst(context: Context, gemeente: string, offset: number, limit: number, zoek?: string) {
      const pagina = await repository.pagina(gemeente, offset, limit, zoek);
      await verwerkt(context, gemeente, 'medewerkers-bekijken', pagina.rows.map((g) => g.id));
      return pagina;
    },

    async haal(context: Context, gemeente: string, id: string) {
      const gebruiker = await bestaand(gemeente, id);
      await verwerkt(context, gemeente, 'medewerker-bekijken', [id]);
      return gebruiker;
    },

    /**
     * Gives the person with this e-mail address the roles in this gemeente. Without an account,
     * one is made with the temporary password; with an account that works only for other
     * gemeenten (staff identities are installation-wide: a Duo+ colleague), that account gets the
     * roles here and keeps its own password and name. Both look the same from this gemeente
     * (ADR 0003): the same answer, audit entry and mail, so nothing tells whether the account
     * existed elsewhere. An account that already works here is a 409 (the beheerder sees it anyway).
     * `nieuw` is for the CLI, which shows the temporary password only for a new account.
     */
    async maak(context: Context, gemeente: string, nieuw: NieuweGebruiker): Promise<{ gebruiker: GebruikerRecord; nieuw: boolean }> {
      // The password is checked in both cases, so a weak one does not tell them apart either.
      const fouten = controleerWachtwoord(nieuw.wachtwoord, { email: nieuw.email });
      if (fouten.length > 0) throw wachtwoordOngeldig(fouten);
      const bestaandId = await repository.idOpEmail(nieuw.email);
      if (bestaandId && (await repository.gemeentenVan(bestaandId)).includes(gemeente)) {
        throw emailBestaat();
      }
      const id = bestaandId ?? randomUUID();
      const naam = schoneNaam(nieuw.naam);
      const welkom = {
        gemeente,
        aan: nieuw.email,
        onderwerp: 'Uw toegang tot Loket',
        tekst: [
          'Beste medewerker,',
          '',
          'U heeft nu toegang tot Loket voor een gemeente waar u voor werkt.',
          'Is dit uw eerste account voor Loket? Uw beheerder geeft u het tijdelijke wachtwoord. Bij de eerste keer inloggen stelt u een authenticator-app in voor de tweede stap.',
          'Heeft u al een account voor Loket met dit e-mailadres? Log dan in zoals altijd. U kiest daarna de gemeente.',
          '',
          'Heeft u dit niet verwacht? Neem dan contact op met uw beheerder.',
        ].join('\n'),
      };
      // The roles (and the account) and the mail are stored together or not at all.
      const metMail = berichten ? (transactie: Transaction<DB>) => berichten.verstuur(welkom, { transactie }) : undefined;
      if (bestaandId) await repository.voegRollenToe(gemeente, id, nieuw.rollen, metMail);
      else await repository.maak({ id, naam, email: nieuw.email, wachtwoordHash: await hashWachtwoord(nieuw.wachtwoord), gemeente, rollen: nieuw.rollen }, metMail);
      return { gebruiker: await naWijziging(context, gemeente, id, 'medewerker-aanmaken', { rollen: nieuw.rollen }), nieuw: !bestaandId };
    },

    /** A staff member of this gemeente by e-mail address (the CLI's handle). */
    async opEmail(gemeente: string, email: string): Promise<GebruikerRecord> {
      const id = await repository.idOpEmail(email);
      return bestaand(gemeente, id ?? '00000000-0000-0000-0000-000000000000');
    },

    async wijzig(context: Context, gemeente: string, id: string, versie: number, wijziging: { naam?: string; actief?: boolean }) {
      await bestaand(gemeente, id);
      await magAccountWijzigen(context, id);
      if (!(await repository.wijzig(id, versie, wijziging, klok.nu().toISOString()))) throw verouderd();
      if (wijziging.actief === false) await deps.beeindigSessies(id);
      return naWijziging(context, gemeente, id, wijziging.actief === false ? 'medewerker-uitschakelen' : 'medewerker-wijzigen', wijziging);
    },

    /** Sets the roles in this gemeente; no roles means the account no longer works here (undefined). */
    async zetRollen(context: Context, gemeente: string, id: string, versie: number, rollen: Rol[]): Promise<GebruikerRecord | undefined> {
      await bestaand(gemeente, id);
      if (!(await repository.zetRollen(gemeente, id, versie, rollen, klok.nu().toISOString()))) throw verouderd();
      if (rollen.length > 0) return naWijziging(context, gemeente, id, 'medewerker-rollen', { rollen });
      await audit.log(context, { gemeente, actie: 'medewerker-uit-gemeente', objectType: 'gebruiker', objectId: id });
      await verwerkt(context, gemeente, 'medewerker-uit-gemeente', [id]);
      return undefined;
    },

    async herstelMfa(context: Context, gemeente: string, id: string, versie: number) {
      const gebruiker = await bestaand(gemeente, id);
      await magAccountWijzigen(context, id);
      if (!(await repository.herstelMfa(id, versie, klok.nu().toISOString()))) throw verouderd();
      await deps.beeindigSessies(id);
      await berichten?.verstuur({
        gemeente,
        aan: gebruiker.email,
        onderwerp: 'Uw tweede stap voor Loket is opnieuw ingesteld',
        tekst: [
          `Beste ${gebruiker.naam},`,
          '',
          'Een beheerder heeft de tweede stap (authenticator-app) van uw Loket-account opnieuw ingesteld. U bent overal uitgelogd.',
          'Bij de volgende keer inloggen stelt u uw app opnieuw in.',
          '',
          'Heeft u hier niet om gevraagd? Neem dan direct contact op met uw beheerder.',
        ].join('\n'),
      });
      return naWijziging(context, gemeente, id, 'medewerker-mfa-herstel', {});
    },
  };
}

export type GebruikersService = ReturnType<typeof gebruikersService>;
