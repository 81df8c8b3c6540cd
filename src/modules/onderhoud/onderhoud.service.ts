import type { Klok } from '../../klok.ts';
import type { AuditService, Context } from '../audit/audit.service.ts';
import { SESSIE_IDLE_MS } from '../auth/auth.service.ts';
import type { OnderhoudRepository } from './onderhoud.repository.ts';

const DAG_MS = 24 * 60 * 60 * 1000;

/** Login data: six months (VNG Selectielijst 2020, category 19.24, citing the BIO). */
export function aanmeldgegevensBewarenTot(nu: Date): Date {
  const grens = new Date(nu);
  grens.setUTCMonth(grens.getUTCMonth() - 6);
  return grens;
}

/** Month partitions of the logs made ahead of the current month (ADR 0026). */
export const LOGMAANDEN_VOORUIT = 2;

/** The current month (UTC) and `vooruit` months after it, as YYYY-MM-01. */
export function komendeMaanden(nu: Date, vooruit = LOGMAANDEN_VOORUIT): string[] {
  return Array.from({ length: vooruit + 1 }, (_, i) => new Date(Date.UTC(nu.getUTCFullYear(), nu.getUTCMonth() + i, 1)).toISOString().slice(0, 10));
}

export interface OpruimResultaat {
  sessies: number;
  idempotentie: number;
  /** Login records destroyed, by dropping whole months (ADR 0026). */
  aanmeldgegevens: number;
  /** Month partitions of the logs made (`gemaakt`) and dropped (`vernietigd`) in this run. */
  logmaanden: { gemaakt: string[]; vernietigd: string[] };
  /** Residents whose e-mail and telephone were erased (one year after their zaak closed; ADR 0013). */
  contactgegevens: number;
  /** Persons of klantcontacten erased (one year after the contact; ADR 0033). */
  klantcontactPersonen: number;
  /** Remarks on web pages deleted (two years after they came in; ADR 0039). */
  paginafeedback: number;
  /** Questions after closing whose e-mail hash (after 30 days) or answer text (after a year) was erased (ADR 0052). */
  kto: number;
  /** E-mails whose sender's (or addressee's) name and address were erased (one year after receipt; ADR 0047). */
  mailAfzenders: number;
  /** Residents of callback requests erased (one year after the request was handled; ADR 0048). */
  contactverzoekPersonen: number;
  /** Appointments whose resident's name, e-mail and phone were erased (3 months after; ADR 0045). */
  afspraakPersonen: number;
  /** Concepts of the melding form past their expiry, with their photos (ADR 0055). */
  meldingConcepten: number;
  /** Followers of meldingen erased (one year after the melding closed; ADR 0055). */
  meldingVolgers: number;
  /** Terms the category suggestion learnt from closed meldingen, after the rebuild (ADR 0075). */
  meldingTermen: number;
  /** Sign-ups for the inwonerspanel not confirmed within 7 days, erased (ADR 0068). */
  panelAanmeldingen: number;
  /** Drafts of forms deleted (30 days after their last change, receipts 7 days after submitting; ADR 0064). */
  formulierConcepten: number;
  /** Resident logins, sessions and one-time links past their time (ADR 0077). */
  inwonerSessies: number;
}

/** What housekeeping needs of the rest: the gemeenten, and the zaken, klantcontacten and contactverzoeken retention per gemeente. */
export interface OnderhoudDeps {
  repository: OnderhoudRepository;
  audit: AuditService;
  klok: Klok;
  embedded: boolean;
  gemeenten: { lijst(): Promise<{ code: string }[]> };
  zaken: { ruimContactgegevensOp(context: Context, gemeente: string): Promise<number> };
  klantcontacten: { ruimPersoonsgegevensOp(context: Context, gemeente: string): Promise<number> };
  paginafeedback: { verwijderVerlopen(): Promise<number> };
  kto: { verwijderVerlopen(): Promise<number> };
  enquetes: { verwijderVerlopen(): Promise<number> };
  mailintake: { ruimAfzendersOp(context: Context, gemeente: string): Promise<number> };
  contactverzoeken: { ruimPersoonsgegevensOp(context: Context, gemeente: string): Promise<number> };
  afspraken?: { ruimPersoonsgegevensOp(context: Context, gemeente: string): Promise<number> };
  meldingformulier?: { ruimVerlopenOp(nu: string): Promise<number> };
  meldingen?: { ruimVolgersOp(context: Context, gemeente: string): Promise<number> };
  /** The words the category suggestion learns from closed meldingen, counted afresh (ADR 0075). */
  meldingTermen?: { herbouw(context: Context, gemeente: string): Promise<number> };
  formulieren?: { verwijderVerlopen(): Promise<number> };
  /** Resident logins under way, sessions and one-time links past their time (ADR 0077). */
  inwoners?: { verwijderVerlopen(): Promise<number> };
}

/** Retention terms and housekeeping, run as a scheduled job every few hours (onderhoud.job.ts) and by `loket opruimen`. */
export function onderhoudService(deps: OnderhoudDeps) {
  const { repository, audit, klok } = deps;
  return {
    async ruimOp(context: Context): Promise<OpruimResultaat> {
      const nu = klok.nu();
      // Months first, so that rows waiting in a DEFAULT partition reach their month before retention looks.
      const gemaakt = await repository.maakLogmaanden(komendeMaanden(nu));
      const vernietigd = await repository.vernietigAanmeldmaanden(aanmeldgegevensBewarenTot(nu).toISOString());
      const resultaat = {
        sessies: await repository.verwijderVerlopenSessies(nu.toISOString(), new Date(nu.getTime() - SESSIE_IDLE_MS).toISOString()),
        idempotentie: await repository.verwijderIdempotentie(new Date(nu.getTime() - DAG_MS).toISOString()),
        aanmeldgegevens: vernietigd.reduce((som, v) => som + v.rijen, 0),
        logmaanden: { gemaakt, vernietigd: vernietigd.map((v) => v.partitie) },
        contactgegevens: 0,
        klantcontactPersonen: 0,
        paginafeedback: await deps.paginafeedback.verwijderVerlopen(),
        kto: await deps.kto.verwijderVerlopen(),
        mailAfzenders: 0,
        contactverzoekPersonen: 0,
        afspraakPersonen: 0,
        meldingConcepten: (await deps.meldingformulier?.ruimVerlopenOp(nu.toISOString())) ?? 0,
        meldingVolgers: 0,
        meldingTermen: 0,
        panelAanmeldingen: await deps.enquetes.verwijderVerlopen(),
        formulierConcepten: (await deps.formulieren?.verwijderVerlopen()) ?? 0,
        inwonerSessies: (await deps.inwoners?.verwijderVerlopen()) ?? 0,
      };
      // Per gemeente, each logged in its own audit log (zaken service).
      for (const gemeente of await deps.gemeenten.lijst()) {
        resultaat.contactgegevens += await deps.zaken.ruimContactgegevensOp(context, gemeente.code);
        resultaat.klantcontactPersonen += await deps.klantcontacten.ruimPersoonsgegevensOp(context, gemeente.code);
        resultaat.mailAfzenders += await deps.mailintake.ruimAfzendersOp(context, gemeente.code);
        resultaat.contactverzoekPersonen += await deps.contactverzoeken.ruimPersoonsgegevensOp(context, gemeente.code);
        resultaat.afspraakPersonen += (await deps.afspraken?.ruimPersoonsgegevensOp(context, gemeente.code)) ?? 0;
        resultaat.meldingVolgers += (await deps.meldingen?.ruimVolgersOp(context, gemeente.code)) ?? 0;
        resultaat.meldingTermen += (await deps.meldingTermen?.herbouw(context, gemeente.code)) ?? 0;
      }
      if (deps.embedded) await repository.vacuum();
      if (vernietigd.length > 0) {
        await audit.log(context, { gemeente: null, actie: 'bewaartermijn-vernietigen', details: { aanmeldgegevens: resultaat.aanmeldgegevens, maanden: resultaat.logmaanden.vernietigd } });
      }
      return resultaat;
    },
  };
}

export type OnderhoudService = ReturnType<typeof onderhoudService>;
