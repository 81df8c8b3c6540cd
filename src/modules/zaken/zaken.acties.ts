/**
 * The staff actions on a zaak. Each runs in the frame `wijzig` (zaken.kern.ts): it appends
 * events in one transaction, recomputes the stored projection from the whole history, bumps the
 * version, and answers the zaak as the actor now sees it (never a 404 after a committed change).
 */
import { createHash, randomUUID } from 'node:crypto';
import { badRequest, conflict, type InvalidParam } from '../../http/problem.ts';
import { heeftRecht, type Recht } from '../../http/rechten.ts';
import { datumTekst, type Taal } from '../../i18n/i18n.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Gemeente } from '../gemeenten/gemeenten.repository.ts';
import type { ZaaktypeRecord } from '../zaaktypen/zaaktypen.repository.ts';
import { alOpgeschort, eindstatusViaAfsluiting, zaakNietAfgeslotenVoorHeropenen, geenEmail, geenRecht, nietOpgeschort, ongeldig, statusNietOpVolgorde, zaakAfgesloten, zaakNietGevonden } from './zaken.errors.ts';
import type { GebeurtenisInhoud } from './zaken.gebeurtenis.ts';
import type { Projectie } from './zaken.projectie.ts';
import { zakenRegistratie, type BijRegistratie, type NieuweZaakInvoer, type SysteemDocument } from './zaken.registratie.ts';
import type { Betrokkene, ZaakRij } from './zaken.repository.ts';
import type { RelatieSoort } from './zaken.gebeurtenis.ts';
import { auteur, GEEN_WIJZIGING, magBehandelen, nieuweVolgcode, VERWERKING_ZAKEN, volgcodeHash, volgcodeUitTekst, type Wie, type Wijziging, type ZakenKern } from './zaken.kern.ts';
import { binnenMaxVerlenging } from './zaken.projectie.ts';
import { dagenTussen } from '../termijnen/kalender.ts';

/** How far from the receipt a zaak's term may start (a bezwaar can come in long before or after the bezwaartermijn ends). */
const MAX_STARTVERSCHIL_DAGEN = 366;
import type { ZakenWerkvoorraad } from './zaken.werkvoorraad.ts';

/** The step of an assignment: the same for one zaak and for each zaak of a bulk assignment. */
const toewijzing =
  (medewerker: { id: string; naam: string } | null, team: { id: string } | undefined) =>
  async (w: Wijziging) => {
    const gegevens = {
      team: team?.id ?? w.voor.teamId,
      behandelaar: medewerker?.id ?? null,
      behandelaarNaam: medewerker?.naam ?? null,
      vorigTeam: w.voor.teamId,
      vorigeBehandelaar: w.voor.behandelaarId,
    };
    await w.voegToe({ soort: 'toewijzing', gegevens, extern: false });
    return { team: gegevens.team, behandelaar: gegevens.behandelaar };
  };

/** What a procedure step adds to the zaak's history: notes, messages, extensions of the term (the previous end is filled in). */
export type ProcedureInhoud =
  | (Extract<GebeurtenisInhoud, { soort: 'notitie' | 'bericht' }> & { extern: boolean })
  | { soort: 'verlenging'; gegevens: { duur: string; reden: string }; extern: boolean };

/** The locked zaak as a procedure step sees it; `transactie` is for the module's own tables only. */
export interface ProcedureZaak {
  zaak: Readonly<ZaakRij>;
  zaaktype: ZaaktypeRecord;
  betrokkene: Betrokkene | undefined;
  /** The zaak's term and state before this step. */
  termijn: Projectie;
  vandaag: string;
  nu: string;
  transactie: Transaction<DB>;
}

export interface ProcedureUitkomst {
  gebeurtenissen: ProcedureInhoud[];
  documenten?: SysteemDocument[];
  /** `zonderNaAfsluiten`: not a closing to ask the resident about (a melding merged into another, ADR 0074). */
  afsluiten?: { resultaattype: string; toelichting?: string | undefined; zonderNaAfsluiten?: boolean };
  details: Record<string, unknown>;
}

/** Stores a checked document with the zaak and its `document` entry, inside a change. */
export async function voegDocumentIn(w: Wijziging, document: { id: string; bestandsnaam: string; mediatype: string; inhoud: Buffer; extern: boolean }, doorGebruiker: string | null) {
  const sha256 = createHash('sha256').update(document.inhoud).digest('hex');
  const meta = { bestandsnaam: document.bestandsnaam, mediatype: document.mediatype, grootte: document.inhoud.length, sha256 };
  await w.repo.voegDocumentToe(w.rij.gemeente, w.rij.id, { id: document.id, ...meta, extern: document.extern, aangemaaktOp: w.nu, inhoud: document.inhoud, doorGebruiker });
  await w.voegToe({ soort: 'document', gegevens: { document: document.id, ...meta }, extern: document.extern });
  return meta;
}

export function zakenActies(kern: ZakenKern, detail: ZakenWerkvoorraad['detail']) {
  const { deps, wijzig, wijzigIn, gemeenteVan, mailInwoner, behandelaarVan, teamVan, magZien, volglink } = kern;
  const { repository, audit } = deps;
  /** The zaak as the actor sees it right after their change. */
  const zojuist = (wie: Wie, gemeente: string, id: string) => detail(wie, gemeente, id, { loggen: false, zojuist: true });
  const registratie = zakenRegistratie(kern, detail);

  /** The closing step (end status, result, the resident told, the `naAfsluiten` port), for `sluitAf` and procedure steps. */
  async function sluitIn(w: Wijziging, gemeenteRec: Gemeente, invoer: { resultaattype: string; toelichting?: string | undefined; zonderNaAfsluiten?: boolean }) {
    const resultaattype = w.zaaktype.resultaattypen.find((r) => r.id === invoer.resultaattype);
    if (!resultaattype) throw ongeldig('resultaattype', 'onbekend-resultaattype', 'Dit resultaat hoort niet bij het zaaktype van deze zaak.');
    const eind = w.zaaktype.statustypen.at(-1);
    if (!eind) throw new Error('zaaktype zonder statustypen');
    if (w.voor.opgeschort) await w.voegToe({ soort: 'opschorting-einde', gegevens: { tot: w.vandaag, toelichting: '' }, extern: true });
    await w.voegToe({
      soort: 'resultaat',
      gegevens: { resultaattype: resultaattype.id, naam: resultaattype.naam, tekst: resultaattype.tekst, toelichting: invoer.toelichting ?? '', status: eind.volgnummer, volgnummer: eind.volgnummer },
      extern: true,
    });
    await mailInwoner(w, gemeenteRec, 'afsluiting', (taal) => ({ resultaat: resultaattype.tekst[taal] || eind.tekst[taal] }), { toelichting: invoer.toelichting });
    const b = w.betrokkene;
    if (invoer.zonderNaAfsluiten) return { resultaattype: resultaattype.id };
    await deps.naAfsluiten?.(
      { gemeente: gemeenteRec, zaakId: w.rij.id, identificatie: w.rij.identificatie, onderwerp: w.rij.onderwerp, zaaktype: w.zaaktype.code, inwoner: b ? { naam: b.naam, email: b.email, taal: b.taal } : null, team: w.rij.team_id, kanaal: w.rij.kanaal, op: w.nu },
      { transactie: w.transactie, berichten: deps.berichten },
    );
    return { resultaattype: resultaattype.id };
  }


  /** Refuses a generic term or closing action on a zaak whose procedure module owns them (`procedureVan`). */
  async function geenProcedure(w: Wijziging) {
    const reden = await deps.procedureVan?.(w.rij.gemeente, w.rij.id, w.transactie);
    if (reden) throw conflict('via-procedure', reden);
  }

  return {
    /** Claim (behandelaar 'ik'), assign or reassign; only those who lead assign others. */
    async wijsToe(wie: Wie, gemeente: string, id: string, versie: number, invoer: { behandelaar: string | null; team?: string | undefined }) {
      magBehandelen(wie);
      const zelf = invoer.behandelaar === 'ik' || (invoer.behandelaar !== null && invoer.behandelaar === wie.gebruiker);
      if (!zelf && !heeftRecht(wie.rollen, 'zakenLeiden')) throw geenRecht('Alleen een teamleider of beheerder wijst zaken toe aan anderen. U kunt een zaak wel zelf oppakken.');
      await wijzig(wie, gemeente, id, versie, 'zaak-toewijzen', async (w) => {
        const medewerker = await behandelaarVan(wie, gemeente, invoer.behandelaar, 'behandelaar', w.repo);
        const team = invoer.team ? await teamVan(gemeente, invoer.team, 'team', w.repo) : undefined;
        return toewijzing(medewerker, team)(w);
      });
      return zojuist(wie, gemeente, id);
    },

    /** Assigns several zaken at once (all or none), each in the frame of `wijzig`; no If-Match per zaak. */
    async wijsToeInBulk(wie: Wie, gemeente: string, invoer: { zaken: string[]; behandelaar: string | null; team?: string | undefined }) {
      const sluitingsdagen = await deps.sluitingsdagen(gemeente);
      const uniek = [...new Set(invoer.zaken)];
      const resultaat = await repository.transactie(async (repo, transactie) => {
        const medewerker = await behandelaarVan(wie, gemeente, invoer.behandelaar, 'behandelaar', repo);
        const team = invoer.team ? await teamVan(gemeente, invoer.team, 'team', repo) : undefined;
        // Every zaak is checked first, so the answer lists all that cannot be assigned.
        const fouten: InvalidParam[] = [];
        for (const [i, id] of uniek.entries()) {
          const rij = await repo.voorWijziging(gemeente, id);
          if (!rij || !(await magZien(wie, gemeente, rij, repo))) fouten.push({ name: `zaken.${i}`, code: 'onbekende-zaak', reason: 'Deze zaak bestaat niet in deze gemeente.' });
          else if (rij.afgesloten_op !== null) fouten.push({ name: `zaken.${i}`, code: 'zaak-afgesloten', reason: 'Deze zaak is al afgesloten.' });
        }
        if (fouten.length > 0) throw badRequest(fouten);
        const items: { id: string; versie: number }[] = [];
        for (const id of uniek) {
          const uitkomst = await wijzigIn(repo, transactie, wie, gemeente, id, null, toewijzing(medewerker, team), { sluitingsdagen });
          if (uitkomst !== GEEN_WIJZIGING) items.push({ id, versie: uitkomst.versie });
        }
        return items;
      });
      for (const item of resultaat) {
        await audit.log(wie.context, { gemeente, actie: 'zaak-toewijzen', objectType: 'zaak', objectId: item.id, details: { behandelaar: invoer.behandelaar, team: invoer.team ?? null, bulk: true } });
      }
      return { items: resultaat };
    },

    /** Moves the zaak forward to a status; an 'informeren' status mails the resident. */
    async zetStatus(wie: Wie, gemeente: string, id: string, versie: number, invoer: { statustype: number; toelichting?: string | undefined }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-status', async (w) => {
        const statustype = w.zaaktype.statustypen.find((s) => s.volgnummer === invoer.statustype);
        if (!statustype) throw ongeldig('statustype', 'onbekend-statustype', 'Dit zaaktype heeft geen status met dit volgnummer.');
        if (statustype.eindstatus) throw eindstatusViaAfsluiting();
        if (statustype.volgnummer <= w.voor.statusVolgnummer) throw statusNietOpVolgorde(w.voor.statusVolgnummer);
        const extern = statustype.informeren;
        await w.voegToe({ soort: 'status', gegevens: { volgnummer: statustype.volgnummer, naam: statustype.naam, tekst: statustype.tekst, toelichting: invoer.toelichting ?? '' }, extern });
        const geinformeerd = extern && (await mailInwoner(w, gemeenteRec, 'status', (taal) => ({ status: statustype.tekst[taal] }), { toelichting: invoer.toelichting }));
        return { status: statustype.volgnummer, geinformeerd };
      });
      return zojuist(wie, gemeente, id);
    },

    /** An internal note, or an external one the resident sees on the tracking page. */
    async voegNotitieToe(wie: Wie, gemeente: string, id: string, versie: number, invoer: { tekst: string; extern: boolean }) {
      const stap = async (w: Wijziging) => {
        await w.voegToe({ soort: 'notitie', gegevens: { tekst: invoer.tekst }, extern: invoer.extern });
        return { extern: invoer.extern };
      };
      await wijzig(wie, gemeente, id, versie, 'zaak-notitie', stap, { ookAfgesloten: true });
      return zojuist(wie, gemeente, id);
    },

    /** A message to the resident: mailed in their language and shown in the timeline. */
    async stuurBericht(wie: Wie, gemeente: string, id: string, versie: number, invoer: { tekst: string }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-bericht', async (w) => {
        if (!w.betrokkene?.email) throw geenEmail();
        await w.voegToe({ soort: 'bericht', gegevens: { tekst: invoer.tekst }, extern: true });
        await mailInwoner(w, gemeenteRec, 'bericht', () => ({ tekst: invoer.tekst }));
      });
      await audit.verwerking(wie.context, { gemeente, naam: 'zaak-bericht', ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
      return zojuist(wie, gemeente, id);
    },

    /**
     * Stops the clock (Awb 4:15), when the zaaktype allows it. The reason (what we need from the
     * resident) is an external timeline entry and is mailed to the resident with how to reply.
     */
    async schortOp(wie: Wie, gemeente: string, id: string, versie: number, invoer: { reden: string }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-opschorten', async (w) => {
        await geenProcedure(w);
        if (!w.zaaktype.opschortingToegestaan) throw ongeldig('reden', 'opschorting-niet-toegestaan', 'Bij dit zaaktype kan de termijn niet worden opgeschort.');
        if (w.voor.opgeschort) throw alOpgeschort();
        const geinformeerd = Boolean(w.betrokkene?.email);
        await w.voegToe({ soort: 'opschorting', gegevens: { reden: invoer.reden, van: w.vandaag, geinformeerd }, extern: true });
        await mailInwoner(w, gemeenteRec, 'opschorting', () => ({ reden: invoer.reden }));
        return { geinformeerd };
      });
      return zojuist(wie, gemeente, id);
    },

    /** Restarts the clock; the resident is mailed the new expected date. */
    async beeindigOpschorting(wie: Wie, gemeente: string, id: string, versie: number, invoer: { toelichting?: string | undefined }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-opschorting-beeindigen', async (w) => {
        if (!w.voor.opgeschort) throw nietOpgeschort();
        const geinformeerd = Boolean(w.betrokkene?.email);
        await w.voegToe({ soort: 'opschorting-einde', gegevens: { tot: w.vandaag, toelichting: invoer.toelichting ?? '', geinformeerd }, extern: true });
        const einddatum = w.projectie().uiterlijkeEinddatum;
        await mailInwoner(w, gemeenteRec, 'opschortingEinde', (taal) => ({ einddatum: datumTekst(taal, einddatum) }), { toelichting: invoer.toelichting });
        return { einddatum, geinformeerd };
      });
      return zojuist(wie, gemeente, id);
    },

    /** Extends the term (Awb 4:14, 7:10 lid 3, 9:11 lid 2) within the zaaktype's maximum; tells the resident. */
    async verleng(wie: Wie, gemeente: string, id: string, versie: number, invoer: { duur: string; reden: string }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      const sluitingsdagen = await deps.sluitingsdagen(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-verlengen', async (w) => {
        await geenProcedure(w);
        const max = w.zaaktype.maxVerlenging;
        if (!max) throw ongeldig('duur', 'verlenging-niet-toegestaan', 'Bij dit zaaktype kan de termijn niet worden verlengd.');
        const alle = [...w.voor.verlengingen.map((v) => v.duur), invoer.duur];
        if (!binnenMaxVerlenging(w.voor.termijnStart, w.voor.norm, alle, max, sluitingsdagen)) {
          const al = w.voor.verlengingen.length > 0 ? ` Er is al verlengd met ${w.voor.verlengingen.map((v) => v.duur).join(' + ')}.` : '';
          throw ongeldig('duur', 'verlenging-te-lang', `Zo lang verlengen mag niet: bij dit zaaktype mag de termijn in totaal hoogstens ${max} verlengd worden.${al}`);
        }
        const vorige = w.voor.uiterlijkeEinddatum;
        await w.voegToe({ soort: 'verlenging', gegevens: { duur: invoer.duur, reden: invoer.reden, vorigeEinddatum: vorige }, extern: true });
        const na = w.projectie();
        await mailInwoner(w, gemeenteRec, 'verlenging', (taal) => ({ reden: invoer.reden, einddatum: datumTekst(taal, na.uiterlijkeEinddatum), vorigeEinddatum: datumTekst(taal, vorige) }));
        return { duur: invoer.duur, einddatum: na.uiterlijkeEinddatum };
      });
      return zojuist(wie, gemeente, id);
    },

    /**
     * Records from which day the term counts (zaaktypen with `termijnStart` 'gebeurtenis': for a
     * bezwaar the end of the bezwaartermijn, Awb 7:10 lid 1) and/or which of the zaaktype's norms
     * applies (e.g. 12 weeks with an adviescommissie). Extensions (a verdaging, within the zaaktype's
     * maximum as before) and suspensions keep counting on top.
     * Every reason at once; nothing is changed on an error.
     */
    async stelTermijnVast(wie: Wie, gemeente: string, id: string, versie: number, invoer: { startdatum?: string | undefined; norm?: string | undefined; reden: string }) {
      magBehandelen(wie);
      await wijzig(wie, gemeente, id, versie, 'zaak-termijn-vastleggen', async (w) => {
        await geenProcedure(w);
        const fouten: InvalidParam[] = [];
        if (invoer.startdatum !== undefined) {
          if (w.zaaktype.termijnStart !== 'gebeurtenis') {
            fouten.push({ name: 'startdatum', code: 'startdatum-niet-toegestaan', reason: 'Bij dit zaaktype telt de termijn altijd vanaf de dag na ontvangst.' });
          } else if (Math.abs(dagenTussen(w.rij.ontvangstdatum, invoer.startdatum)) > MAX_STARTVERSCHIL_DAGEN) {
            fouten.push({ name: 'startdatum', code: 'startdatum-te-ver', reason: `De startdatum ligt meer dan een jaar van de ontvangst (${w.rij.ontvangstdatum}).` });
          }
        }
        const normen = [w.zaaktype.norm, ...w.zaaktype.normKeuze];
        if (invoer.norm !== undefined && !normen.includes(invoer.norm)) {
          fouten.push({ name: 'norm', code: 'norm-niet-toegestaan', reason: `Bij dit zaaktype kan de termijn alleen ${normen.join(' of ')} zijn.` });
        }
        const startdatum = invoer.startdatum ?? w.voor.termijnStart;
        const norm = invoer.norm ?? w.voor.norm;
        if (fouten.length > 0) throw badRequest(fouten);
        const gegevens = { startdatum, norm, reden: invoer.reden, vorigeEinddatum: w.voor.uiterlijkeEinddatum };
        await w.voegToe({ soort: 'termijn', gegevens, extern: false });
        return { ...gegevens, einddatum: w.projectie().uiterlijkeEinddatum };
      });
      return zojuist(wie, gemeente, id);
    },

    /** Closes with a result: sets the end status and the archive date; tells the resident. */
    async sluitAf(wie: Wie, gemeente: string, id: string, versie: number, invoer: { resultaattype: string; toelichting?: string | undefined }) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(wie, gemeente, id, versie, 'zaak-afsluiten', async (w) => {
        await geenProcedure(w);
        return sluitIn(w, gemeenteRec, invoer);
      });
      return zojuist(wie, gemeente, id);
    },

    /**
     * Reopens a closed zaak (ADR 0074): a `heropening` entry the resident sees, back at the first
     * status with a new term from today (`norm`, e.g. a melding's category norm; the zaak's own
     * norm when absent); the resident and the followers get the status mail. `bij` lets the
     * calling module write its own rows in the same transaction (the reopen request's decision).
     */
    async heropen(
      wie: Wie,
      gemeente: string,
      id: string,
      versie: number | null,
      invoer: { reden: string; toelichting?: string | undefined; norm?: string | undefined },
      bij?: (transactie: Transaction<DB>) => Promise<void>,
    ) {
      magBehandelen(wie);
      const gemeenteRec = await gemeenteVan(gemeente);
      await wijzig(
        wie,
        gemeente,
        id,
        versie,
        'zaak-heropenen',
        async (w) => {
          if (w.voor.afgeslotenOp === null) throw zaakNietAfgeslotenVoorHeropenen();
          const eerste = w.zaaktype.statustypen[0];
          if (!eerste) throw new Error('zaaktype zonder statustypen');
          const tekst = { nl: 'Wij hebben uw melding opnieuw in behandeling genomen.', en: 'We have taken up your report again.' };
          const norm = invoer.norm ?? w.voor.norm;
          const toelichting = invoer.toelichting ?? '';
          await w.voegToe({
            soort: 'heropening',
            gegevens: { status: eerste.volgnummer, naam: 'Heropend', tekst, norm, reden: invoer.reden, toelichting, vorigResultaat: w.voor.resultaattypeId },
            extern: true,
          });
          await bij?.(w.transactie);
          const geinformeerd = await mailInwoner(w, gemeenteRec, 'status', (taal) => ({ status: tekst[taal] }), { toelichting: toelichting || undefined });
          return { norm, einddatum: w.projectie().uiterlijkeEinddatum, geinformeerd };
        },
        { ookAfgesloten: true },
      );
      return zojuist(wie, gemeente, id);
    },

    /**
     * One step of a procedure module on a zaak (a bezwaar's verdaging, hearing or decision, ADR
     * 0063), by a staff member holding `recht`, in the frame of every change: the zaak is locked
     * and its version checked, `stap` sees it (and its current term) and writes its own tables in
     * `transactie`, then returns the entries to add — notes, messages, extensions of the term —,
     * documents (letters) and optionally the closing with a result, exactly as `sluitAf` does.
     * The procedure module checks what its law allows; this frame only records it.
     */
    async procedureStap(wie: Wie, gemeente: string, id: string, versie: number, recht: Recht, actie: string, stap: (z: ProcedureZaak) => Promise<ProcedureUitkomst>) {
      if (!heeftRecht(wie.rollen, recht)) throw geenRecht('U heeft niet het recht om deze stap te zetten.');
      const gemeenteRec = await gemeenteVan(gemeente);
      const details = await wijzig(wie, gemeente, id, versie, actie, async (w) => {
        const uitkomst = await stap({ zaak: w.rij, zaaktype: w.zaaktype, betrokkene: w.betrokkene, termijn: w.voor, vandaag: w.vandaag, nu: w.nu, transactie: w.transactie });
        for (const g of uitkomst.gebeurtenissen) {
          await w.voegToe(g.soort === 'verlenging' ? { ...g, gegevens: { ...g.gegevens, vorigeEinddatum: w.projectie().uiterlijkeEinddatum } } : g);
        }
        for (const d of uitkomst.documenten ?? []) await voegDocumentIn(w, d, wie.gebruiker);
        if (uitkomst.afsluiten) await sluitIn(w, gemeenteRec, uitkomst.afsluiten);
        return { ...uitkomst.details, einddatum: w.projectie().uiterlijkeEinddatum };
      });
      return { details: details ?? {}, zaak: await zojuist(wie, gemeente, id) };
    },

    /**
     * Converts a zaak that turns out to be another kind (an e-mail that is a bezwaar, a KCC
     * contact that is a klacht) into a new zaak of `zaaktype` (ADR 0062): registered with the
     * first zaak's receipt date (the terms count from it), channel, resident and confidentiality;
     * both zaken related ('vervolg') and noted; the first zaak closed with `resultaattype` when
     * given. All in one transaction, the first zaak's version checked. `bij` lets the module of
     * the new zaak's procedure store its own rows in the same transaction (a bezwaar's besluit).
     */
    async zetOm(
      wie: Wie,
      gemeente: string,
      id: string,
      versie: number,
      invoer: { zaaktype: string; onderwerp?: string | undefined; team?: string | undefined; reden: string; resultaattype?: string | undefined; norm?: NieuweZaakInvoer['norm'] },
      bij?: BijRegistratie,
    ) {
      magBehandelen(wie);
      const bron = await repository.opId(gemeente, id);
      if (!bron || !(await magZien(wie, gemeente, bron))) throw zaakNietGevonden();
      if (bron.afgesloten_op !== null) throw zaakAfgesloten();
      const bronZaaktype = await kern.zaaktypeVan(gemeente, bron.zaaktype_id);
      if (bronZaaktype.code === invoer.zaaktype) throw ongeldig('zaaktype', 'zelfde-zaaktype', 'De zaak heeft dit zaaktype al. Kies het zaaktype waarin u hem wilt omzetten.');
      const gemeenteRec = await gemeenteVan(gemeente);
      const sluitingsdagen = await deps.sluitingsdagen(gemeente);
      const betrokkene = await repository.betrokkene(gemeente, id);
      let bronIdentificatie = bron.identificatie;
      const nieuw = await registratie.registreerKort(
        wie,
        gemeente,
        {
          zaaktype: invoer.zaaktype,
          onderwerp: invoer.onderwerp ?? bron.onderwerp,
          omschrijving: bron.omschrijving,
          kanaal: bron.kanaal,
          ontvangstdatum: bron.ontvangstdatum,
          vertrouwelijkheid: bron.vertrouwelijkheid,
          team: invoer.team,
          betrokkene: betrokkene
            ? { naam: betrokkene.naam, email: betrokkene.email ?? undefined, telefoon: betrokkene.telefoon ?? undefined, adres: betrokkene.adres ?? undefined, taal: betrokkene.taal }
            : undefined,
          norm: invoer.norm,
        },
        async (zaak, binnen) => {
          const uitkomst = await wijzigIn(binnen.repo, binnen.transactie, wie, gemeente, id, versie, async (w) => {
            if (invoer.resultaattype !== undefined && !w.zaaktype.resultaattypen.some((r) => r.id === invoer.resultaattype)) {
              throw ongeldig('resultaattype', 'onbekend-resultaattype', 'Dit resultaat hoort niet bij het zaaktype van de zaak die u omzet.');
            }
            bronIdentificatie = w.rij.identificatie;
            await w.repo.voegRelatieToe(gemeente, id, zaak.id, 'vervolg', w.nu);
            await w.repo.voegRelatieToe(gemeente, zaak.id, id, 'vervolg', w.nu);
            await w.voegToe({ soort: 'relatie', gegevens: { zaak: zaak.id, identificatie: zaak.identificatie, soort: 'vervolg' }, extern: false });
            await w.voegToe({ soort: 'notitie', gegevens: { tekst: `Omgezet in zaak ${zaak.identificatie} (${invoer.zaaktype}): ${invoer.reden}` }, extern: false });
            if (invoer.resultaattype !== undefined) await sluitIn(w, gemeenteRec, { resultaattype: invoer.resultaattype, toelichting: `Omgezet in zaak ${zaak.identificatie}.` });
            return { zaak: zaak.id, identificatie: zaak.identificatie, zaaktype: invoer.zaaktype };
          }, { sluitingsdagen });
          if (uitkomst === GEEN_WIJZIGING) throw new Error('omzetten veranderde niets');
          await binnen.repo.voegGebeurtenisToe(gemeente, zaak.id, {
            soort: 'relatie',
            gegevens: { zaak: id, identificatie: bronIdentificatie, soort: 'vervolg' },
            extern: false,
            ...auteur(wie),
            op: kern.deps.klok.nu().toISOString(),
          });
          return bij?.(zaak, binnen);
        },
      );
      await audit.log(wie.context, { gemeente, actie: 'zaak-omzetten', objectType: 'zaak', objectId: id, details: { zaak: nieuw.id, identificatie: nieuw.identificatie, zaaktype: invoer.zaaktype, gesloten: invoer.resultaattype !== undefined } });
      return { zaak: await zojuist(wie, gemeente, nieuw.id), bron: await zojuist(wie, gemeente, id), volgcode: nieuw.volgcode, volglink: nieuw.volglink };
    },

    /** Relates two zaken of the same gemeente. */
    async voegRelatieToe(wie: Wie, gemeente: string, id: string, versie: number, invoer: { zaak: string; soort: RelatieSoort }) {
      magBehandelen(wie);
      const stap = async (w: Wijziging) => {
        if (invoer.zaak === id) throw ongeldig('zaak', 'zelfde-zaak', 'Een zaak kan niet aan zichzelf gerelateerd worden.');
        const andere = await w.repo.opId(gemeente, invoer.zaak);
        if (!andere || !(await magZien(wie, gemeente, andere, w.repo))) throw ongeldig('zaak', 'onbekende-zaak', 'Deze zaak bestaat niet in deze gemeente.');
        if ((await w.repo.relaties(gemeente, id)).some((r) => r.id === invoer.zaak)) throw ongeldig('zaak', 'al-gerelateerd', 'Deze zaken zijn al aan elkaar gerelateerd.');
        await w.repo.voegRelatieToe(gemeente, id, invoer.zaak, invoer.soort, w.nu);
        await w.voegToe({ soort: 'relatie', gegevens: { zaak: andere.id, identificatie: andere.identificatie, soort: invoer.soort }, extern: false });
        return { zaak: andere.id, soort: invoer.soort };
      };
      await wijzig(wie, gemeente, id, versie, 'zaak-relatie', stap, { ookAfgesloten: true });
      return zojuist(wie, gemeente, id);
    },

    /** Stores a checked document with the zaak (see zaken.documenten.ts for the checks). */
    async voegDocumentToe(wie: Wie, gemeente: string, id: string, versie: number, document: { bestandsnaam: string; mediatype: string; inhoud: Buffer; extern: boolean }) {
      magBehandelen(wie);
      const documentId = randomUUID();
      await wijzig(wie, gemeente, id, versie, 'zaak-document', async (w) => {
        await voegDocumentIn(w, { id: documentId, ...document }, wie.gebruiker);
        return { document: documentId, mediatype: document.mediatype, grootte: document.inhoud.length };
      });
      return { documentId, zaak: await zojuist(wie, gemeente, id) };
    },

    /**
     * A new tracking code for a resident who lost the link: the old code stops working, the
     * resident gets the new link by mail (when we have an address), and an internal timeline
     * entry records it. The new code and link are shown once to the caller (to pass on
     * otherwise when there is no address). Also on a closed zaak. With `brief` the code is for a
     * letter (ADR 0050, the brieven module makes it): the link in the letter's language (default
     * the zaak's), the entry says `brief`, and the processing log always records it.
     */
    async geefNieuweVolgcode(wie: Wie, gemeente: string, id: string, versie: number, opties: { brief?: { taal?: Taal } } = {}) {
      if (!heeftRecht(wie.rollen, 'volgcodeVernieuwen')) throw geenRecht('Alleen behandelaars, teamleiders, KCC-medewerkers en beheerders kunnen dit.');
      const gemeenteRec = await gemeenteVan(gemeente);
      const volgcode = nieuweVolgcode();
      let link = '';
      let taal = 'nl' as Taal;
      const stap = async (w: Wijziging) => {
        // A letter (ADR 0050) carries the link in the letter's language; otherwise the zaak's.
        taal = opties.brief?.taal ?? w.rij.taal;
        link = volglink(gemeenteRec, taal, volgcode);
        await w.repo.zetVolgcodeHash(gemeente, id, volgcodeHash(volgcode));
        const gemaild = await mailInwoner(w, gemeenteRec, 'volgcode', () => ({}), { link });
        await w.voegToe({ soort: 'volgcode', gegevens: { gemaild, ...(opties.brief ? { brief: taal } : {}) }, extern: false });
        return { gemaild };
      };
      const actie = opties.brief ? 'zaak-volgbrief' : 'zaak-volgcode';
      const details = await wijzig(wie, gemeente, id, versie, actie, stap, { ookAfgesloten: true });
      // A letter carries the resident's name and zaak: always a processing of personal data.
      if (details?.gemaild || opties.brief) await audit.verwerking(wie.context, { gemeente, naam: actie, ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
      return { zaak: await zojuist(wie, gemeente, id), volgcode, volglink: link, taal, gemeente: gemeenteRec };
    },

    /**
     * The tracking link of the code the caller was just given (ADR 0058: a letter at registration,
     * when the KCC has the code on screen): only while it is the zaak's current code. Nothing of
     * the zaak changes; the letter is recorded in the audit and processing logs.
     */
    async huidigeVolgcode(wie: Wie, gemeente: string, id: string, code: string, briefTaal: Taal | undefined) {
      if (!heeftRecht(wie.rollen, 'volgcodeVernieuwen')) throw geenRecht('Alleen behandelaars, teamleiders, KCC-medewerkers en beheerders kunnen dit.');
      const rij = await repository.opId(gemeente, id);
      if (!rij || !(await magZien(wie, gemeente, rij))) throw zaakNietGevonden();
      const volgcode = volgcodeUitTekst(code);
      if (volgcode === null || rij.volgcode_hash !== volgcodeHash(volgcode)) {
        throw ongeldig('volgcode', 'andere-volgcode', 'Deze code hoort niet (meer) bij deze zaak. Maak een brief met een nieuwe code.');
      }
      const gemeenteRec = await gemeenteVan(gemeente);
      const taal = briefTaal ?? rij.taal;
      await audit.log(wie.context, { gemeente, actie: 'zaak-volgbrief', objectType: 'zaak', objectId: id, details: { brief: taal, nieuweCode: false } });
      await audit.verwerking(wie.context, { gemeente, naam: 'zaak-volgbrief', ...VERWERKING_ZAKEN, betrokkeneIds: [id] });
      return { zaak: await zojuist(wie, gemeente, id), volgcode, volglink: volglink(gemeenteRec, taal, volgcode), taal, gemeente: gemeenteRec };
    },
  };
}
