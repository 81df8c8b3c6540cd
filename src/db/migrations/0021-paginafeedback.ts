import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Page feedback for the gemeente's own website (issue 15, ADR 0039). Its configuration lives in
 * tables of its own (not in `gemeente`): the website's domains, from which a form may post and to
 * which a browser may be sent back, and the routing rules (URL pattern → team, in order; no match
 * → the webredactie). A remark is one row, written once; its handling is a row of its own in
 * `paginafeedback_afhandeling`, also written once (append-only: a remark is handled once). The
 * text is stored with e-mail addresses and telephone numbers masked; remarks are deleted two
 * years after they came in (onderhoud).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table paginafeedback_domein (
      gemeente text not null references gemeente (code),
      domein text not null check (domein ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$' and length(domein) <= 253),
      primary key (gemeente, domein)
    )`,
    `create table paginafeedback_route (
      gemeente text not null references gemeente (code),
      volgorde integer not null check (volgorde >= 1),
      patroon text not null check (length(patroon) between 1 and 500),
      team uuid not null,
      primary key (gemeente, volgorde),
      foreign key (gemeente, team) references team (gemeente, id) on delete cascade
    )`,
    `create table paginafeedback (
      gemeente text not null references gemeente (code),
      id uuid not null,
      ontvangen_op timestamptz not null,
      pagina text not null check (length(pagina) between 1 and 1000),
      gevonden boolean not null,
      vindbaarheid smallint check (vindbaarheid between 1 and 5),
      begrijpelijkheid smallint check (begrijpelijkheid between 1 and 5),
      volledigheid smallint check (volledigheid between 1 and 5),
      tekst text check (length(tekst) between 1 and 4000),
      team uuid,
      met_javascript boolean not null,
      primary key (gemeente, id)
    )`,
    'create index paginafeedback_pagina on paginafeedback (gemeente, pagina, ontvangen_op)',
    'create index paginafeedback_ontvangen on paginafeedback (gemeente, ontvangen_op)',
    `create table paginafeedback_afhandeling (
      gemeente text not null,
      feedback uuid not null,
      afgehandeld_op timestamptz not null,
      afgehandeld_door uuid,
      afhandeling text not null check (afhandeling in ('gecorrigeerd', 'aangevuld', 'herschreven-in-b1', 'geen-actie')),
      notitie text not null default '' check (length(notitie) <= 2000),
      primary key (gemeente, feedback),
      foreign key (gemeente, feedback) references paginafeedback (gemeente, id) on delete cascade
    )`,
  ]);
}
