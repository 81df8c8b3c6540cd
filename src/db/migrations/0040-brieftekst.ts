import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Per-gemeente wording of letters (ADR 0071): `brief_tekst` holds, per gemeente, group of letters
 * (`algemeen` for every letter, or a procedure such as `klachten`) and language, an intro
 * sentence, a contact line and a signature line. Empty: the default (nothing added, signed with
 * the gemeente's name). A procedure's row overrides the general row field by field.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table brief_tekst (
      gemeente text not null references gemeente (code),
      groep text not null check (groep in ('algemeen','klachten','bezwaar')),
      taal text not null check (taal in ('nl','en')),
      inleiding text check (length(inleiding) between 1 and 1000),
      contact text check (length(contact) between 1 and 500),
      ondertekening text check (length(ondertekening) between 1 and 200),
      gewijzigd_op timestamptz not null,
      gewijzigd_door uuid,
      primary key (gemeente, groep, taal)
    )`,
  ]);
}
