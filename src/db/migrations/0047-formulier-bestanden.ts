import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Files uploaded in a form (issue 14, ADR 0078). `formulier_bestand`: per draft and file field
 * the one file the resident sent, already checked (magic bytes, size, PDF/JPEG/PNG; a photo
 * re-encoded without metadata: zaken.bijlagen.ts). A new upload for the field replaces it. It goes
 * with its draft (on delete cascade: the housekeeping job's expiry deletes it too), and at submit
 * it becomes a document of the zaak through the zaken module and is deleted here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table formulier_bestand (
      gemeente text not null references gemeente (code),
      concept_id uuid not null,
      veld text not null check (length(veld) <= 40),
      bestandsnaam text not null check (length(bestandsnaam) between 1 and 210),
      mediatype text not null check (mediatype in ('application/pdf', 'image/jpeg', 'image/png')),
      grootte integer not null check (grootte > 0),
      inhoud bytea not null,
      aangemaakt_op timestamptz not null,
      primary key (gemeente, concept_id, veld),
      foreign key (gemeente, concept_id) references formulier_concept (gemeente, id) on delete cascade
    )`,
  ]);
}
