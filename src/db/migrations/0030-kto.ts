import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * A question after every case (KTO, issue 15, ADR 0052). `kto_instelling`: per zaaktype (code)
 * whether the question is asked, its form and the sample rate. `kto_vraag`: one row per zaak that
 * got the question (primary key (gemeente, zaak_id): never two questions for one zaak), with the
 * hash of the one-time token and of the resident's e-mail address (for "at most once per 30
 * days"), never the address itself. `kto_antwoord`: the answer, written once (a second answer
 * finds the row there and changes nothing). A later reopen request of meldingen can refer to
 * (gemeente, zaak_id) of the answer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table kto_instelling (
      gemeente text not null references gemeente (code),
      zaaktype text not null check (length(zaaktype) between 1 and 100),
      actief boolean not null,
      vorm text not null check (vorm in ('score-5', 'score-10', 'ja-nee')),
      steekproef smallint not null check (steekproef between 0 and 100),
      primary key (gemeente, zaaktype)
    )`,
    `create table kto_vraag (
      gemeente text not null references gemeente (code),
      zaak_id uuid not null,
      zaaktype text not null,
      identificatie text not null,
      vorm text not null check (vorm in ('score-5', 'score-10', 'ja-nee')),
      taal text not null check (taal in ('nl', 'en')),
      email_hash text not null,
      token_hash text not null,
      gesteld_op timestamptz not null,
      primary key (gemeente, zaak_id),
      unique (gemeente, token_hash)
    )`,
    'create index kto_vraag_email on kto_vraag (gemeente, email_hash, gesteld_op)',
    `create table kto_antwoord (
      gemeente text not null,
      zaak_id uuid not null,
      beantwoord_op timestamptz not null,
      score smallint not null check (score between 0 and 10),
      tevreden boolean not null,
      punt text not null check (length(punt) between 1 and 40),
      toelichting text check (length(toelichting) between 1 and 2000),
      primary key (gemeente, zaak_id),
      foreign key (gemeente, zaak_id) references kto_vraag (gemeente, zaak_id) on delete cascade
    )`,
    'create index kto_antwoord_op on kto_antwoord (gemeente, beantwoord_op)',
  ]);
}
