import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * What the deadline watcher sent (ADR 0014): one row per (zaak, kind of notice, deadline),
 * inserted in the transaction that queues the mails, so a notice goes out once even when the
 * watcher runs twice or restarts. A changed deadline is a new key, so a new notice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table termijn_melding (
      gemeente text not null,
      zaak_id uuid not null,
      soort text not null check (soort in ('waarschuwing', 'te-laat')),
      einddatum date not null,
      nieuwe_datum date,
      ontvangers jsonb not null default '[]',
      verstuurd_op timestamptz not null,
      primary key (gemeente, zaak_id, soort, einddatum),
      foreign key (gemeente, zaak_id) references zaak(gemeente, id) on delete cascade,
      check ((soort = 'te-laat') = (nieuwe_datum is not null))
    )`,
  ]);
}
