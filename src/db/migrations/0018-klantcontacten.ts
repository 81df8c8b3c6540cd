import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Klantcontacten (ADR 0033): every contact the KCC registers, on any channel, with its outcome,
 * optionally the person (minimal data, erased after a retention term) and links to zaken. A
 * contact does not change once registered; what happens to it later (the person's data erased)
 * is appended to its history. The zaken themselves stay the zaken module's (ADR 0012): a link
 * keeps the zaak number, so showing a contact never reads zaak tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table klantcontact (
      gemeente text not null references gemeente(code),
      id uuid not null,
      kanaal text not null check (kanaal in ('telefoon', 'balie', 'e-mail', 'chat', 'brief', 'sociale-media')),
      onderwerp text not null,
      vraag text not null default '',
      antwoord text not null default '',
      uitkomst text not null check (uitkomst in ('zelfstandig-afgehandeld', 'doorverbonden', 'contactverzoek-gemaakt', 'zaak-aangemaakt', 'verwezen', 'niet-afgehandeld')),
      -- When the contact took place (the call, the visit, the letter's arrival).
      op timestamptz not null,
      geregistreerd_op timestamptz not null,
      door_type text not null check (door_type in ('gebruiker', 'token', 'cli', 'systeem')),
      door_gebruiker uuid references gebruiker(id),
      door_naam text,
      primary key (gemeente, id)
    )`,
    `
    -- The list, newest first (keyset on op, id).
    create index klantcontact_op on klantcontact (gemeente, op desc, id desc)`,
    `
    -- The list per channel and the KCC measures (share per outcome of one channel in a period).
    create index klantcontact_kanaal_op on klantcontact (gemeente, kanaal, op desc, id desc) include (uitkomst)`,
    `
    -- The person the contact was with: only what is needed to call or mail back. Erased after the
    -- retention term by the housekeeping (the row goes; the history says when).
    create table klantcontact_persoon (
      gemeente text not null,
      klantcontact_id uuid not null,
      naam text not null default '',
      email text,
      telefoon text,
      primary key (gemeente, klantcontact_id),
      foreign key (gemeente, klantcontact_id) references klantcontact(gemeente, id)
    )`,
    `
    -- Zaken the contact was about or led to. The zaak number is kept with the link: zaak numbers
    -- never change, and the contact is shown without reading the zaken module's tables.
    create table klantcontact_zaak (
      gemeente text not null,
      klantcontact_id uuid not null,
      zaak_id uuid not null,
      zaak_identificatie text not null,
      -- True: the zaak was registered from this contact, in the same transaction.
      aangemaakt boolean not null default false,
      primary key (gemeente, klantcontact_id, zaak_id),
      foreign key (gemeente, klantcontact_id) references klantcontact(gemeente, id),
      foreign key (gemeente, zaak_id) references zaak(gemeente, id)
    )`,
    `
    create index klantcontact_zaak_zaak on klantcontact_zaak (gemeente, zaak_id)`,
    `
    -- What happened to a contact: registered, the person's data erased. Append-only.
    create table klantcontact_gebeurtenis (
      gemeente text not null,
      klantcontact_id uuid not null,
      volgnummer integer not null check (volgnummer >= 1),
      soort text not null check (soort in ('geregistreerd', 'persoon-gewist')),
      gegevens jsonb not null default '{}'::jsonb,
      door_gebruiker uuid references gebruiker(id),
      door_naam text,
      op timestamptz not null,
      primary key (gemeente, klantcontact_id, volgnummer),
      foreign key (gemeente, klantcontact_id) references klantcontact(gemeente, id)
    )`,
    `
    create trigger klantcontact_gebeurtenis_alleen_toevoegen before update or delete on klantcontact_gebeurtenis
      for each row execute function weiger_wijziging()`,
    `
    create trigger klantcontact_gebeurtenis_geen_truncate before truncate on klantcontact_gebeurtenis
      for each statement execute function weiger_wijziging()`,
    `
    -- Finding a caller's zaken by e-mail address (the KCC's search), case-insensitive.
    create index betrokkene_email on betrokkene (gemeente, lower(email)) where email is not null`,
  ]);
}
