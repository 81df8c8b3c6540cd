import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The knowledge base's typo tolerance by a word list instead of trigrams over article text
 * (issue 11, ADR 0088).
 *
 * `kennis_woord` holds, per gemeente, every lexeme (Dutch stem without accents) of the articles'
 * full-text vectors with the number of articles that contain it. The search corrects a typed word
 * that begins no lexeme to the nearest lexeme by trigrams (a small table, its own trigram index)
 * and then runs a plain full-text query. Statement triggers with transition tables keep it up to
 * date on every write to `kennisartikel` (also bulk writes outside the app): one upsert of the
 * net change per lexeme, in key order (so concurrent writers lock the same rows in the same
 * order), then the lexemes no article has any more are removed.
 *
 * `zoektekst` (title, onderwerp and keywords for the trigram search) and its index are dropped:
 * nothing reads them any more. `kopvector` gets a GIN index: the search's any-word second try and
 * its one- or two-letter words look at title, onderwerp and keywords only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table kennis_woord (
      gemeente text not null references gemeente(code),
      woord text not null,
      -- No check >= 0: the upsert's proposed row carries the net change, which may be negative.
      artikelen integer not null,
      primary key (gemeente, woord)
    )`,
    `
    -- The words that begin with a typed stem: one range in byte order (whatever the collation).
    create index kennis_woord_begin on kennis_woord (gemeente, woord text_pattern_ops)`,
    `
    -- The words close to a typo.
    create index kennis_woord_trigrammen on kennis_woord using gin (woord gin_trgm_ops) with (fastupdate = off)`,
    `
    create function kennis_woorden_tellen() returns trigger language plpgsql as $$
    declare
      gemeenten text[] := '{}';
      vectoren tsvector[] := '{}';
      tellers integer[] := '{}';
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        select gemeenten || coalesce(array_agg(o.gemeente), '{}'), vectoren || coalesce(array_agg(o.zoekvector), '{}'), tellers || coalesce(array_agg(-1), '{}')
        into gemeenten, vectoren, tellers from oud o;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        select gemeenten || coalesce(array_agg(n.gemeente), '{}'), vectoren || coalesce(array_agg(n.zoekvector), '{}'), tellers || coalesce(array_agg(1), '{}')
        into gemeenten, vectoren, tellers from nieuw n;
      end if;
      insert into kennis_woord (gemeente, woord, artikelen)
      select a.gemeente, l.woord, sum(a.teller)
      from unnest(gemeenten, vectoren, tellers) as a(gemeente, vector, teller), unnest(tsvector_to_array(a.vector)) as l(woord)
      group by a.gemeente, l.woord
      having sum(a.teller) <> 0
      order by a.gemeente, l.woord
      on conflict (gemeente, woord) do update set artikelen = kennis_woord.artikelen + excluded.artikelen;
      if tg_op in ('UPDATE', 'DELETE') then
        delete from kennis_woord k
        using (select distinct o.gemeente, l.woord from oud o, unnest(tsvector_to_array(o.zoekvector)) as l(woord)) w
        where k.gemeente = w.gemeente and k.woord = w.woord and k.artikelen = 0;
      end if;
      return null;
    end $$`,
    `create trigger kennis_woorden_invoegen after insert on kennisartikel referencing new table as nieuw for each statement execute function kennis_woorden_tellen()`,
    `create trigger kennis_woorden_wijzigen after update on kennisartikel referencing old table as oud new table as nieuw for each statement execute function kennis_woorden_tellen()`,
    `create trigger kennis_woorden_verwijderen after delete on kennisartikel referencing old table as oud for each statement execute function kennis_woorden_tellen()`,
    `
    insert into kennis_woord (gemeente, woord, artikelen)
    select a.gemeente, l.woord, count(*) from kennisartikel a, unnest(tsvector_to_array(a.zoekvector)) as l(woord) group by a.gemeente, l.woord`,
    `
    -- The search's second try and its one- or two-letter words look at title, onderwerp and keywords only.
    create index kennisartikel_kopvector on kennisartikel using gin (kopvector)`,
    `drop index kennisartikel_zoektekst`,
    `alter table kennisartikel drop column zoektekst`,
  ]);
}
