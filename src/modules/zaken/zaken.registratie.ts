/**
 * How zaken come in and how Loket itself writes to them — the entries for other modules
 * (docs/zaken-api.md, "Service functions for other modules"): `registreer` (staff, or the
 * system on behalf of a web form) and `systeemGebeurtenis` (a note or message by the system,
 * e.g. the deadline watcher). Nothing outside the zaken module writes zaak tables (ADR 0012).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB, Kanaal, Vertrouwelijkheid } from '../../db/schema.ts';
import type { Adres } from '../../http/contactvelden.ts';
import { badRequest, type InvalidParam } from '../../http/problem.ts';
import { datumTekst, type Taal } from '../../i18n/i18n.ts';
import { leesDuur, OngeldigeDuur } from '../termijnen/kalender.ts';
import type { Gebeurtenis, SysteemInhoud } from './zaken.gebeurtenis.ts';
import { auteur, GEEN_WIJZIGING, nieuweVolgcode, VERWERKING_ZAKEN, volgcodeHash, type Systeem, type Wie, type ZakenKern } from './zaken.kern.ts';
import { mailAanInwoner, voornaam } from './zaken.mails.ts';
import { projecteer } from './zaken.projectie.ts';
import type { Betrokkene, ZaakQueries, ZaakRij } from './zaken.repository.ts';
import type { ZakenWerkvoorraad } from './zaken.werkvoorraad.ts';

export interface NieuweZaakInvoer {
  zaaktype: string;
  onderwerp: string;
  omschrijving?: string | undefined;
  kanaal: Kanaal;
  ontvangstdatum: string;
  vertrouwelijkheid?: Vertrouwelijkheid | undefined;
  team?: string | undefined;
  behandelaar?: string | undefined;
  betrokkene?:
    | {
        naam?: string | undefined;
        email?: string | undefined;
        telefoon?: string | undefined;
        /** The resident's own address (normalised, contactvelden.ts), only to find their zaken by it (ADR 0083). */
        adres?: Adres | undefined;
        taal: Taal;
      }
    | undefined;
  /**
   * The keyed hash of the BSN of the logged-in resident who registers the zaak (a web form, ADR
   * 0077): stored with the betrokkene, so the zaak shows in their "Mijn zaken". Never the BSN.
   */
  bsnSleutel?: string | undefined;
  /**
   * The receipt goes out in this e-mail thread (In-Reply-To, References): a zaak from a received
   * e-mail (ADR 0046), so the resident's reply to the receipt still names their first message.
   */
  draad?: { inReplyTo: string; references: string[] } | undefined;
  /**
   * More about the registration for its one audit entry (`zaak-aanmaken`), e.g. a melding's
   * category and source: the caller writes no entry of its own for the same act.
   */
  auditDetails?: Record<string, unknown> | undefined;
  /**
   * A norm for this zaak instead of the zaaktype's (`<n>wd`, `P<n>D|W|M`), with the reason, e.g. a
   * melding's category norm. Kept in the `aangemaakt` event; the deadline counts from it (ADR 0051).
   * For other modules only: the HTTP API does not offer it. With `startdatum` (zaaktypen whose
   * `termijnStart` is 'gebeurtenis') the term counts from the day after it instead of receipt: a
   * bezwaar's beslistermijn from the end of the bezwaartermijn (Awb 7:10 lid 1, ADR 0063).
   */
  norm?: { duur: string; reden: string; startdatum?: string | undefined } | undefined;
}

/**
 * Work of the calling module in the registration's transaction, after the zaak and its first event
 * are stored: its own rows (a bezwaar's contested besluit), or through `repo` and the zaken core a
 * change to another zaak (a conversion, ADR 0062). Throwing rolls the registration back.
 */
export type BijRegistratie = (
  zaak: { id: string; identificatie: string; uiterlijkeEinddatum: string },
  binnen: { repo: ZaakQueries; transactie: Transaction<DB> },
) => Promise<{ documenten: SysteemDocument[] } | void>;

/** What a system step sees of the locked zaak; `transactie` is for the caller's own tables and the outbox only. */
export interface SysteemZaak {
  zaak: Readonly<ZaakRij>;
  betrokkene: Betrokkene | undefined;
  /** The behandelaar, when assigned and still able to handle zaken. */
  behandelaar: { id: string; naam: string; email: string } | undefined;
  transactie: Transaction<DB>;
}

/**
 * A document the system adds with its entries (an e-mail's attachment): already checked by the
 * caller like an upload (zaken.documenten.ts); `id` chosen by the caller, who keeps it.
 */
export interface SysteemDocument {
  id: string;
  bestandsnaam: string;
  mediatype: string;
  inhoud: Buffer;
  extern: boolean;
}

export function zakenRegistratie(kern: ZakenKern, detail: ZakenWerkvoorraad['detail']) {
  const { deps, gemeenteVan, vandaag, wijzig, behandelaar: behandelaarOpId, volglink } = kern;
  const { repository, audit, klok, berichten } = deps;

  /**
   * Registers a zaak under the zaaktype version that applies today and mails the receipt with
   * the tracking link. Answers its id and number, the code and the link (once), without reading
   * the zaak back: for callers that need no more (a melding's intake, one statement fewer).
   */
  async function registreerKort(wie: Wie | Systeem, gemeenteCode: string, invoer: NieuweZaakInvoer, bij?: BijRegistratie) {
      const dag = vandaag();
      const gebruiker = 'gebruiker' in wie ? wie.gebruiker : null;
      const fouten: InvalidParam[] = [];
      const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(invoer.zaaktype);
      const zaaktype = isId ? await deps.zaaktypen.opId(gemeenteCode, invoer.zaaktype) : await deps.zaaktypen.geldendeVersie(gemeenteCode, invoer.zaaktype, dag);
      if (!zaaktype || zaaktype.status !== 'gepubliceerd') fouten.push({ name: 'zaaktype', code: 'onbekend-zaaktype', reason: 'Dit zaaktype bestaat niet of is niet gepubliceerd in deze gemeente.' });
      if (invoer.ontvangstdatum > dag) fouten.push({ name: 'ontvangstdatum', code: 'in-de-toekomst', reason: 'De ontvangstdatum kan niet in de toekomst liggen.' });
      const teamId = invoer.team ?? zaaktype?.standaardTeam ?? null;
      if (teamId === null && zaaktype) fouten.push({ name: 'team', code: 'team-vereist', reason: 'Dit zaaktype heeft geen standaardteam: kies een team.' });
      const team = teamId ? await repository.team(gemeenteCode, teamId) : undefined;
      if (teamId && !team) fouten.push({ name: 'team', code: 'onbekend-team', reason: 'Dit team bestaat niet in deze gemeente.' });
      let behandelaar: { id: string; naam: string } | null = null;
      if (invoer.behandelaar !== undefined) {
        const behandelaarId = invoer.behandelaar === 'ik' ? gebruiker : invoer.behandelaar;
        const medewerker = behandelaarId ? await behandelaarOpId(gemeenteCode, behandelaarId) : undefined;
        if (medewerker) behandelaar = medewerker;
        else fouten.push({ name: 'behandelaar', code: 'onbekende-behandelaar', reason: 'Deze medewerker werkt niet als behandelaar in deze gemeente.' });
      }
      if (invoer.norm !== undefined) {
        try {
          leesDuur(invoer.norm.duur);
        } catch (error) {
          if (!(error instanceof OngeldigeDuur)) throw error;
          fouten.push({ name: 'norm', code: 'ongeldige-norm', reason: error.message });
        }
        if (invoer.norm.startdatum !== undefined && zaaktype && zaaktype.termijnStart !== 'gebeurtenis') {
          fouten.push({ name: 'startdatum', code: 'startdatum-niet-toegestaan', reason: 'Bij dit zaaktype telt de termijn altijd vanaf de dag na ontvangst.' });
        }
      }
      if (fouten.length > 0 || !zaaktype || !team) throw badRequest(fouten);
      const gemeente = await gemeenteVan(gemeenteCode);
      const sluitingsdagen = await deps.sluitingsdagen(gemeenteCode);
      const id = randomUUID();
      const volgcode = nieuweVolgcode();
      const taal: Taal = invoer.betrokkene?.taal ?? 'nl';
      const nu = klok.nu().toISOString();
      const betrokkene: Betrokkene | null = invoer.betrokkene || invoer.bsnSleutel
        ? { naam: invoer.betrokkene?.naam ?? '', email: invoer.betrokkene?.email ?? null, telefoon: invoer.betrokkene?.telefoon ?? null, taal }
        : null;
      const aangemaakt: Gebeurtenis = {
        volgnummer: 1,
        soort: 'aangemaakt',
        gegevens: { status: 1, team: team.id, behandelaar: behandelaar?.id ?? null, kanaal: invoer.kanaal, zaaktype: zaaktype.code, zaaktypeVersie: zaaktype.versie, ...(invoer.norm ? { termijn: { norm: invoer.norm.duur, reden: invoer.norm.reden, ...(invoer.norm.startdatum ? { startdatum: invoer.norm.startdatum } : {}) } } : {}) },
        extern: true,
        ...auteur(wie),
        op: nu,
      };
      const projectie = projecteer({ ontvangstdatum: invoer.ontvangstdatum, norm: zaaktype.norm, gebeurtenissen: [aangemaakt], vandaag: dag, sluitingsdagen });
      // One transaction with the caller's work (`bij`) and the audit entries: the caller's own when
      // it has one open (a savepoint), else a new one, so a melding is BEGIN … COMMIT once (ADR 0084).
      const identificatie = await repository.inEenTransactie(async (repo, transactie) => {
        const jaar = Number(dag.slice(0, 4));
        const identificatie = `Z-${jaar}-${String(await repo.volgendNummer(gemeenteCode, jaar)).padStart(6, '0')}`;
        await repo.voegToe(
          gemeenteCode,
          {
            id,
            identificatie,
            zaaktypeId: zaaktype.id,
            onderwerp: invoer.onderwerp,
            omschrijving: invoer.omschrijving ?? '',
            kanaal: invoer.kanaal,
            ontvangstdatum: invoer.ontvangstdatum,
            registratieOp: nu,
            vertrouwelijkheid: invoer.vertrouwelijkheid ?? zaaktype.vertrouwelijkheid,
            teamId: team.id,
            behandelaarId: behandelaar?.id ?? null,
            statusVolgnummer: 1,
            oorspronkelijkeEinddatum: projectie.oorspronkelijkeEinddatum,
            uiterlijkeEinddatum: projectie.uiterlijkeEinddatum,
            volgcodeHash: volgcodeHash(volgcode),
            taal,
          },
          betrokkene,
          invoer.bsnSleutel ?? null,
          aangemaakt,
          invoer.betrokkene?.adres ?? null,
        );
        await audit.log(wie.context, { gemeente: gemeenteCode, actie: 'zaak-aanmaken', objectType: 'zaak', objectId: id, details: { identificatie, zaaktype: zaaktype.code, versie: zaaktype.versie, ...invoer.auditDetails } });
        if (betrokkene) await audit.verwerking(wie.context, { gemeente: gemeenteCode, naam: 'zaak-aanmaken', ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
        const erbij = bij ? await bij({ id, identificatie, uiterlijkeEinddatum: projectie.uiterlijkeEinddatum }, { repo, transactie }) : undefined;
        for (const d of erbij?.documenten ?? []) {
          const meta = { bestandsnaam: d.bestandsnaam, mediatype: d.mediatype, grootte: d.inhoud.length, sha256: createHash('sha256').update(d.inhoud).digest('hex') };
          await repo.voegDocumentToe(gemeenteCode, id, { id: d.id, ...meta, extern: d.extern, aangemaaktOp: nu, inhoud: d.inhoud, doorGebruiker: gebruiker });
          await repo.voegGebeurtenisToe(gemeenteCode, id, { soort: 'document', gegevens: { document: d.id, ...meta }, extern: d.extern, ...auteur(wie), op: nu });
        }
        if (betrokkene?.email) {
          const naam = voornaam(behandelaar?.naam ?? null);
          const waarden = {
            zaaktype: zaaktype.naam[taal].toLowerCase(),
            identificatie,
            onderwerp: invoer.onderwerp,
            ontvangstdatum: datumTekst(taal, invoer.ontvangstdatum),
            einddatum: datumTekst(taal, projectie.uiterlijkeEinddatum),
          };
          const extra = { link: volglink(gemeente, taal, volgcode), contact: naam ? { naam, team: team.naam } : null };
          const ontvangst = mailAanInwoner(gemeente, betrokkene, 'ontvangst', waarden, extra);
          await berichten.verstuur(invoer.draad ? { ...ontvangst, draad: invoer.draad } : ontvangst, { transactie });
        }
        return identificatie;
      });
      return { id, identificatie, volgcode, volglink: volglink(gemeente, taal, volgcode) };
  }

  return {
    registreerKort,

    /**
     * Registers a zaak (as `registreerKort`). By a staff member, or by the system (a web form:
     * `Systeem` with the form's name, e.g. 'Website (e-formulieren)'). Answers the zaak, the code
     * and the link once.
     */
    async registreer(wie: Wie | Systeem, gemeenteCode: string, invoer: NieuweZaakInvoer, bij?: BijRegistratie) {
      const { id, volgcode, volglink: link } = await registreerKort(wie, gemeenteCode, invoer, bij);
      const zaak = await detail(wie, gemeenteCode, id, { loggen: false, zojuist: true });
      return { zaak, volgcode, volglink: link };
    },

    /**
     * Notes and messages by the system on one zaak (open or closed), in the frame of every
     * change: the zaak is locked, `stap` sees it and decides — it may write its own tables and
     * queue mail in `transactie` — and returns the entries to add (and documents, each with its
     * `document` entry) and the audit details, or null to add nothing. The entries show the system's `naam` as author (none when null); the
     * audit entry is `actie`. Returns the
     * details, or null when nothing was added.
     */
    async systeemGebeurtenis(
      systeem: Systeem,
      gemeente: string,
      id: string,
      actie: string,
      stap: (z: SysteemZaak) => Promise<{ gebeurtenissen: SysteemInhoud[]; details: Record<string, unknown>; documenten?: SysteemDocument[] } | null>,
    ): Promise<Record<string, unknown> | null> {
      return wijzig(
        systeem,
        gemeente,
        id,
        null,
        actie,
        async (w) => {
          const behandelaar = w.rij.behandelaar_id ? await behandelaarOpId(gemeente, w.rij.behandelaar_id, w.repo) : undefined;
          const uitkomst = await stap({ zaak: w.rij, betrokkene: w.betrokkene, behandelaar, transactie: w.transactie });
          if (!uitkomst) return GEEN_WIJZIGING;
          for (const g of uitkomst.gebeurtenissen) await w.voegToe(g);
          for (const d of uitkomst.documenten ?? []) {
            const meta = { bestandsnaam: d.bestandsnaam, mediatype: d.mediatype, grootte: d.inhoud.length, sha256: createHash('sha256').update(d.inhoud).digest('hex') };
            await w.repo.voegDocumentToe(gemeente, id, { id: d.id, ...meta, extern: d.extern, aangemaaktOp: w.nu, inhoud: d.inhoud, doorGebruiker: null });
            await w.voegToe({ soort: 'document', gegevens: { document: d.id, ...meta }, extern: d.extern });
          }
          return uitkomst.details;
        },
        { ookAfgesloten: true },
      );
    },
  };
}
