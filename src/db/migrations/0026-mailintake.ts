import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * E-mail intake (ADR 0046): the addresses at which a gemeente receives mail, every message
 * received (one row per Message-ID per gemeente: delivering it twice adds nothing), its
 * attachments (taken into the zaak as documents, or refused with the reason), and the answers
 * staff send in the same thread. The zaak and the klantcontact stay their modules' (ADR 0012,
 * 0033): a message keeps their ids and the zaak number. The outbox gets the thread headers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    -- An address of a gemeente's intake: 'info@diemen.nl', or '@diemen.nl' for every address of
    -- that domain. Stored in lower case; one address belongs to one gemeente.
    create table mail_intake_adres (
      gemeente text not null references gemeente(code),
      adres text not null check (adres = lower(adres) and adres ~ '^[^@\\s]*@[^@\\s]+$'),
      aangemaakt_op timestamptz not null,
      primary key (gemeente, adres)
    )`,
    `
    create unique index mail_intake_adres_uniek on mail_intake_adres (adres)`,
    `
    -- A message in a zaak's thread: received ('in') or answered by staff ('uit'). The Message-ID is
    -- unique per gemeente: a second delivery of the same message finds its row and adds nothing.
    create table mail_bericht (
      gemeente text not null references gemeente(code),
      id uuid not null,
      message_id text not null,
      richting text not null check (richting in ('in', 'uit')),
      zaak_id uuid,
      zaak_identificatie text,
      klantcontact_id uuid,
      -- The outbox message of an answer.
      bericht_id uuid,
      in_reply_to text,
      "references" text[] not null default '{}',
      van_naam text,
      van_adres text,
      aan text not null default '',
      onderwerp text not null default '',
      tekst text not null default '',
      -- The HTML body after sanitize-html (scripts, event handlers, remote content removed).
      html text,
      grootte integer not null check (grootte >= 0),
      -- 'smtp' (the listener), 'import' (loket mail import), 'antwoord' (an answer by staff).
      via text not null check (via in ('smtp', 'import', 'antwoord')),
      -- When it was received, and where that moment came from: the topmost Received: header,
      -- the Date: header, the import, or the SMTP session.
      ontvangen_op timestamptz not null,
      ontvangstdatum date not null,
      ontvangstdatum_bron text not null check (ontvangstdatum_bron in ('received', 'date', 'import', 'smtp', 'antwoord')),
      geregistreerd_op timestamptz not null,
      primary key (gemeente, id),
      foreign key (gemeente, zaak_id) references zaak(gemeente, id),
      foreign key (gemeente, klantcontact_id) references klantcontact(gemeente, id)
    )`,
    `
    create unique index mail_bericht_message_id on mail_bericht (gemeente, message_id)`,
    `
    create index mail_bericht_zaak on mail_bericht (gemeente, zaak_id, ontvangen_op)`,
    `
    -- An attachment of a received message: taken in as a zaak document, or refused with the
    -- reason (dangerous or unknown type, too large); a refused one keeps name, size and hash.
    create table mail_bijlage (
      gemeente text not null,
      mail_id uuid not null,
      volgnummer integer not null check (volgnummer >= 1),
      bestandsnaam text not null,
      opgegeven_type text not null,
      grootte integer not null check (grootte >= 0),
      sha256 text not null,
      document_id uuid,
      geweigerd_reden text,
      check ((document_id is null) <> (geweigerd_reden is null)),
      primary key (gemeente, mail_id, volgnummer),
      foreign key (gemeente, mail_id) references mail_bericht(gemeente, id)
    )`,
    `
    -- The outbox: an answer goes out in the resident's thread.
    alter table bericht add column in_reply_to text`,
    `
    alter table bericht add column "references" text[]`,
    `
    -- False for a message a person wrote (an answer by staff): sent without Auto-Submitted.
    alter table bericht add column automatisch boolean not null default true`,
  ]);
}
