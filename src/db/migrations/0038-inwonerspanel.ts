import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The inwonerspanel and its surveys (issue 15, ADR 0068). `panel_marge`: the population share per
 * category of each weighting characteristic, per gemeente. `panellid`: a member (e-mail address,
 * language, the four weighting characteristics), confirmed by double opt-in; leaving deletes the
 * row and, by cascade, its keys. `panel_sleutel`: hashes of the one-time links in mails (confirm,
 * leave, answer a survey), never the links. `enquete`: a survey and its definition (questions,
 * conditions, nl/en). `enquete_uitnodiging`: who was invited, when reminded, and only whether
 * they answered. `enquete_respons`: the answers with the weighting characteristics copied in and
 * the day of receipt, no reference to a member or an invitation: no join from answers to members.
 * `enquete_telling`: the same answers counted per profile, question and value (an open question:
 * value '""', only that it was answered; the respondents of a profile: question ''), updated in
 * the transaction that stores a response, so a report reads counts, not every response.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table panel_marge (
      gemeente text not null references gemeente (code),
      kenmerk text not null check (kenmerk in ('leeftijdsgroep', 'geslacht', 'wijk', 'opleiding')),
      categorie text not null check (length(categorie) between 1 and 100),
      aandeel double precision not null check (aandeel > 0 and aandeel <= 1),
      primary key (gemeente, kenmerk, categorie)
    )`,
    `create table panellid (
      gemeente text not null references gemeente (code),
      id uuid not null,
      email text not null check (length(email) between 3 and 254),
      taal text not null check (taal in ('nl', 'en')),
      leeftijdsgroep text not null check (length(leeftijdsgroep) between 1 and 100),
      geslacht text not null check (length(geslacht) between 1 and 100),
      wijk text not null check (length(wijk) between 1 and 100),
      opleiding text not null check (length(opleiding) between 1 and 100),
      aangemeld_op timestamptz not null,
      bevestigd_op timestamptz,
      primary key (gemeente, id)
    )`,
    'create unique index panellid_email on panellid (gemeente, lower(email))',
    `create table enquete (
      gemeente text not null references gemeente (code),
      id uuid not null,
      definitie jsonb not null,
      open_link boolean not null,
      herinnering_na_dagen smallint not null check (herinnering_na_dagen between 1 and 60),
      status text not null check (status in ('concept', 'lopend', 'gesloten')),
      aangemaakt_op timestamptz not null,
      gestart_op timestamptz,
      primary key (gemeente, id)
    )`,
    `create table enquete_uitnodiging (
      gemeente text not null,
      id uuid not null,
      enquete_id uuid not null,
      panellid_id uuid,
      uitgenodigd_op timestamptz not null,
      herinnerd_op timestamptz,
      beantwoord boolean not null default false,
      primary key (gemeente, id),
      unique (gemeente, enquete_id, panellid_id),
      foreign key (gemeente, enquete_id) references enquete (gemeente, id) on delete cascade,
      foreign key (gemeente, panellid_id) references panellid (gemeente, id) on delete set null (panellid_id)
    )`,
    'create index enquete_uitnodiging_herinnering on enquete_uitnodiging (gemeente, enquete_id) where not beantwoord and herinnerd_op is null',
    `create table panel_sleutel (
      gemeente text not null,
      token_hash text not null,
      panellid_id uuid not null,
      doel text not null check (doel in ('bevestigen', 'afmelden', 'enquete')),
      uitnodiging_id uuid,
      primary key (gemeente, token_hash),
      foreign key (gemeente, panellid_id) references panellid (gemeente, id) on delete cascade,
      foreign key (gemeente, uitnodiging_id) references enquete_uitnodiging (gemeente, id) on delete cascade
    )`,
    `create table enquete_respons (
      gemeente text not null,
      id uuid not null,
      enquete_id uuid not null,
      bron text not null check (bron in ('panel', 'open')),
      leeftijdsgroep text,
      geslacht text,
      wijk text,
      opleiding text,
      antwoorden jsonb not null,
      ontvangen_op date not null,
      primary key (gemeente, id),
      foreign key (gemeente, enquete_id) references enquete (gemeente, id) on delete cascade
    )`,
    'create index enquete_respons_enquete on enquete_respons (gemeente, enquete_id, bron)',
    `create table enquete_telling (
      gemeente text not null,
      enquete_id uuid not null,
      bron text not null check (bron in ('panel', 'open')),
      leeftijdsgroep text not null,
      geslacht text not null,
      wijk text not null,
      opleiding text not null,
      vraag text not null,
      waarde text not null,
      aantal integer not null check (aantal > 0),
      primary key (gemeente, enquete_id, bron, leeftijdsgroep, geslacht, wijk, opleiding, vraag, waarde),
      foreign key (gemeente, enquete_id) references enquete (gemeente, id) on delete cascade
    )`,
  ]);
}
