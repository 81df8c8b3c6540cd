import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { createTransport, type SendMailOptions } from 'nodemailer';
import type { Config } from '../../config.ts';
import type { BerichtBijlage, BerichtStatus, DB } from '../../db/schema.ts';
import type { Pagina } from '../../http/pagination.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import type { Klok } from '../../klok.ts';
import type { BerichtenRepository, BerichtRij } from './berichten.repository.ts';

/** The job that sends one stored message; its data is only the message key. */
export const BERICHT_VERZENDEN = 'bericht.verzenden';

export interface BerichtOpdracht {
  gemeente: string;
  id: string;
}

export interface NieuwBericht {
  /** The id to store it under (default a new one): a caller that keeps the Message-ID (`messageIdVan`) chooses it. */
  id?: string;
  gemeente: string;
  aan: string;
  onderwerp: string;
  tekst: string;
  html?: string;
  /**
   * In a thread (e-mail intake, ADR 0047): sent with In-Reply-To and References, so the
   * resident's mail program shows it under their message.
   */
  draad?: { inReplyTo: string; references: string[] };
  /** False for a message a person wrote (an answer by staff): sent without `Auto-Submitted: auto-generated`. Default true. */
  automatisch?: boolean;
  /** Small files sent with it (an iCalendar file), stored with the message. */
  bijlagen?: BerichtBijlage[];
}

/**
 * The outbox as other modules use it (the port): queue a message, in the caller's transaction
 * when given, so a mail goes out only when the change that caused it commits (ADR 0006).
 */
export interface Berichten {
  verstuur(bericht: NieuwBericht, opties?: { transactie?: Transaction<DB> }): Promise<unknown>;
}

export interface Bericht {
  id: string;
  aan: string;
  onderwerp: string;
  tekst: string;
  status: BerichtStatus;
  pogingen: number;
  laatsteFout: string | null;
  aangemaaktOp: string;
  verzondenOp: string | null;
  /** The Message-ID it is (or will be) sent with: the same on every attempt. */
  messageId: string;
}

/** What sends mail: a nodemailer transport. */
export interface Mailer {
  sendMail(bericht: SendMailOptions): Promise<unknown>;
}

/** Nodemailer over SMTP to SMTP_URL, with timeouts that end an attempt well within its claim. */
export function smtpMailer(smtpUrl: string): Mailer {
  return createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
}

export interface BerichtenDeps {
  repository: BerichtenRepository;
  jobs: Pick<Jobs, 'send' | 'work'>;
  klok: Klok;
  /** Undefined without SMTP_URL (the demo): messages are only kept, as 'niet-verzonden'. */
  mailer: Mailer | undefined;
  config: Pick<Config, 'mailFrom'>;
}

/** How long one send attempt holds a message; longer than the mailer's timeouts together. */
const CLAIM_MS = 5 * 60_000;

/** The Message-ID of a stored message: its id at the domain of MAIL_FROM. */
export const messageIdVan = (id: string, mailFrom: string): string => `<${id}@${/@([^\s>]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'loket.invalid'}>`;

function naarBericht(rij: BerichtRij, mailFrom: string): Bericht {
  return {
    id: rij.id,
    aan: rij.aan,
    onderwerp: rij.onderwerp,
    tekst: rij.tekst,
    status: rij.status,
    pogingen: rij.pogingen,
    laatsteFout: rij.laatste_fout,
    aangemaaktOp: rij.aangemaakt_op,
    verzondenOp: rij.verzonden_op,
    messageId: messageIdVan(rij.id, mailFrom),
  };
}

/** An SMTP 5xx answer: the server refuses for good, so trying again does not help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500;
}

const foutTekst = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Outgoing mail through an outbox: every message is stored (and kept), then sent by a job that
 * carries only its key. The stored row is the source of truth for what was sent.
 */
export function berichtenService(deps: BerichtenDeps) {
  const { repository, jobs, klok, mailer, config } = deps;

  /**
   * One send attempt. Claiming (one UPDATE … WHERE status = 'wachtend' and not held) before
   * sending means two runs of the same job never send at the same time, and a run after a
   * successful one finds 'verzonden' and does nothing. Throws when the job should be retried.
   */
  const verzend = async (opdracht: BerichtOpdracht, laatstePoging: boolean): Promise<void> => {
    if (!mailer) throw new Error('Zonder SMTP_URL worden berichten niet verzonden.');
    const { gemeente, id } = opdracht;
    const nu = klok.nu();
    const bericht = await repository.claim(gemeente, id, nu, new Date(nu.getTime() + CLAIM_MS));
    if (!bericht) {
      const huidig = await repository.opId(gemeente, id);
      // Another attempt holds it: try again later, when it is sent or released.
      if (huidig?.status === 'wachtend') throw new Error(`Bericht ${id} wordt al verzonden door een andere poging.`);
      return;
    }
    try {
      await mailer.sendMail({
        from: config.mailFrom,
        to: bericht.aan,
        subject: bericht.onderwerp,
        text: bericht.tekst,
        ...(bericht.html === null ? {} : { html: bericht.html }),
        ...(bericht.bijlagen.length === 0
          ? {}
          : { attachments: bericht.bijlagen.map((b) => ({ filename: b.naam, contentType: b.type, content: Buffer.from(b.inhoud, 'base64') })) }),
        // The same Message-ID on every attempt, so a receiver can drop a duplicate.
        messageId: messageIdVan(bericht.id, config.mailFrom),
        // In the resident's thread when it answers their mail (ADR 0047).
        ...(bericht.in_reply_to ? { inReplyTo: bericht.in_reply_to, references: bericht.references ?? [bericht.in_reply_to] } : {}),
        // What Loket writes itself is marked, so auto-responders do not answer it (RFC 3834).
        ...(bericht.automatisch ? { headers: { 'Auto-Submitted': 'auto-generated' } } : {}),
      });
    } catch (error) {
      const permanent = isPermanent(error);
      await repository.markeerFout(gemeente, id, foutTekst(error), permanent || laatstePoging ? 'mislukt' : 'wachtend');
      // A permanent refusal is final now; anything else goes back to the queue (its last attempt ends as failed).
      if (permanent) return;
      throw error;
    }
    await repository.markeerVerzonden(gemeente, id, klok.nu());
  };

  return {
    /**
     * Stores a message and, with SMTP configured, queues it for sending (in one transaction:
     * pass `transactie` to make it part of the caller's). Returns the stored message.
     */
    verstuur: async (invoer: NieuwBericht, opties: { transactie?: Transaction<DB> } = {}): Promise<Bericht> => {
      const rij = await repository.transactie(async (repo, transactie) => {
        const opgeslagen = await repo.voegToe({
          gemeente: invoer.gemeente,
          id: invoer.id ?? randomUUID(),
          aan: invoer.aan,
          onderwerp: invoer.onderwerp,
          tekst: invoer.tekst,
          html: invoer.html ?? null,
          inReplyTo: invoer.draad?.inReplyTo ?? null,
          references: invoer.draad?.references ?? null,
          automatisch: invoer.automatisch ?? true,
          bijlagen: invoer.bijlagen ?? [],
          status: mailer ? 'wachtend' : 'niet-verzonden',
          aangemaaktOp: klok.nu().toISOString(),
        });
        if (mailer) {
          const opdracht: BerichtOpdracht = { gemeente: invoer.gemeente, id: opgeslagen.id };
          await jobs.send(BERICHT_VERZENDEN, opdracht, { transaction: transactie });
        }
        return opgeslagen;
      }, opties.transactie);
      return naarBericht(rij, config.mailFrom);
    },

    lijst: async (gemeente: string, pagina: Pagina): Promise<{ items: Bericht[]; total: number }> => {
      const { rijen, totaal } = await repository.pagina(gemeente, (pagina.page - 1) * pagina.pageSize, pagina.pageSize);
      return { items: rijen.map((r) => naarBericht(r, config.mailFrom)), total: totaal };
    },

    opId: async (gemeente: string, id: string): Promise<Bericht | undefined> => {
      const rij = await repository.opId(gemeente, id);
      return rij && naarBericht(rij, config.mailFrom);
    },

    verzend,

    /**
     * Starts sending queued messages in this process (only with SMTP configured). The worker takes one
     * message at a time, so it looks every half second: a round of survey invitations or a day's
     * reminders goes out in minutes, not at one message per two seconds.
     */
    werk: async (): Promise<void> => {
      if (!mailer) return;
      await jobs.work<BerichtOpdracht>(BERICHT_VERZENDEN, (job) => verzend(job.data, job.lastAttempt), { pollingIntervalSeconds: 0.5 });
    },
  };
}

export type BerichtenService = ReturnType<typeof berichtenService>;
