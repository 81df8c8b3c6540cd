import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The knowledge-base search (ADR 0088) as one function, `kennis_zoeken(gemeente, woorden, onderwerp,
 * soort, limit)`, ranked by `ts_rank` instead of `ts_rank_cd` (issue 11, ADR 0094).
 *
 * PL/pgSQL keeps the plans of its statements per connection, and `plan_cache_mode =
 * force_generic_plan` makes them generic from the first call: a search no longer pays for parsing
 * and planning (0.3–0.6 ms of a search), and the second step (typo correction) runs in the same
 * call instead of a second statement. Each statement is simple enough that its generic plan is
 * the right one for any query: the full-text match through the GIN index of `zoekvector` or
 * `kopvector`, then a top-N sort of what matched.
 *
 * - One- or two-letter words only: the articles whose title, onderwerp or keywords (`kopvector`)
 *   have every word as a word beginning, by title, score 1.
 * - Otherwise step 1: every word as a word beginning (stemmed, without accents) in the full text
 *   (`zoekvector`); score 2 × `ts_rank(kopvector)` + 1 when title, onderwerp or keywords have every
 *   word, + 0.5 when only the answer completes them. When that fills `limit`, it is the answer.
 * - Step 2: each stem of three letters or more that begins no word of `kennis_woord` is a typo and
 *   becomes the closest word by trigrams (word similarity, similarity, the word in most articles);
 *   when the text is only stop words, the words themselves are the stems. The corrected words are
 *   searched as in step 1; when that still finds fewer than `limit` and there are several words,
 *   the articles with any of them in title, onderwerp or keywords follow at 0.5 × `ts_rank` (below
 *   0.5, so below every article with all words).
 *
 * `woorden` are letters and digits only (the repository makes sure), so nothing is query syntax.
 * Scores tie by title, then id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create function kennis_zoeken(p_gemeente text, p_woorden text[], p_onderwerp text, p_soort text, p_limit integer)
    returns table (id uuid, soort text, onderwerp text, titel text, url text, team_id uuid, team_naam text, herzien_op date, versie integer, fragment text, score double precision)
    language plpgsql stable
    set plan_cache_mode = force_generic_plan
    as $$
    declare
      v_alle tsquery := to_tsquery('loket_nl', (select string_agg(w || ':*', ' & ') from unnest(p_woorden) w));
      v_een tsquery;
      v_meer boolean := false;
      v_gecorrigeerd boolean := false;
      v_ids uuid[];
      v_scores double precision[];
    begin
      if (select max(length(w)) from unnest(p_woorden) w) < 3 then
        -- By title: when such short word beginnings are common ("a"), the first 500 titles hold the
        -- page; when they are not, the page comes from all matches, which are then few.
        select array_agg(k.id order by k.titel, k.id), array_agg(1::float8) into v_ids, v_scores from (
          select a.id, a.titel from (select a.id, a.titel, a.onderwerp, a.soort, a.kopvector from kennisartikel a where a.gemeente = p_gemeente order by a.titel, a.id limit 500) a
          where a.kopvector @@ v_alle
            and (p_onderwerp is null or lower(a.onderwerp) = lower(p_onderwerp)) and (p_soort is null or a.soort = p_soort)
          order by a.titel, a.id limit p_limit) k;
        if coalesce(cardinality(v_ids), 0) < p_limit then
          select array_agg(k.id order by k.titel, k.id), array_agg(1::float8) into v_ids, v_scores from (
            select a.id, a.titel from (select a.id, a.gemeente, a.titel, a.onderwerp, a.soort, a.kopvector from kennisartikel a where a.kopvector @@ v_alle offset 0) a
            where a.gemeente = p_gemeente
              and (p_onderwerp is null or lower(a.onderwerp) = lower(p_onderwerp)) and (p_soort is null or a.soort = p_soort)
            order by a.titel, a.id limit p_limit) k;
        end if;
      else
        loop
          select array_agg(k.id order by k.score desc, k.titel, k.id), array_agg(k.score order by k.score desc, k.titel, k.id) into v_ids, v_scores from (
            select a.id, a.titel, (ts_rank(a.kopvector, v_alle, 32) * 2 + case when a.kopvector @@ v_alle then 1 else 0.5 end)::float8 as score
            from (select a.id, a.gemeente, a.titel, a.onderwerp, a.soort, a.kopvector from kennisartikel a where a.zoekvector @@ v_alle offset 0) a
            where a.gemeente = p_gemeente
              and (p_onderwerp is null or lower(a.onderwerp) = lower(p_onderwerp)) and (p_soort is null or a.soort = p_soort)
            order by 3 desc, a.titel, a.id limit p_limit) k;
          exit when v_gecorrigeerd or coalesce(cardinality(v_ids), 0) >= p_limit;
          with getypt as (select tekst from unnest(p_woorden) as u(tekst)),
            gestemd as (select l.stam from getypt g cross join unnest(tsvector_to_array(to_tsvector('loket_nl', g.tekst))) as l(stam)),
            stammen as (select stam from gestemd union select lower(loket_unaccent(tekst)) from getypt where not exists (select from gestemd)),
            termen as (
              select quote_literal(case
                when length(s.stam) < 3 or exists (select from kennis_woord v where v.gemeente = p_gemeente and v.woord ~>=~ s.stam and v.woord ~<~ (s.stam || chr(1114111))) then s.stam
                else coalesce((
                  select v.woord from kennis_woord v
                  where v.gemeente = p_gemeente and v.woord % s.stam
                  order by word_similarity(s.stam, v.woord) desc, similarity(s.stam, v.woord) desc, v.artikelen desc, v.woord
                  limit 1), s.stam)
                end) || ':*' as term
              from stammen s)
          select string_agg(term, ' & ')::tsquery, string_agg(term, ' | ')::tsquery, count(*) > 1 into v_alle, v_een, v_meer from termen;
          v_gecorrigeerd := true;
        end loop;
        if coalesce(cardinality(v_ids), 0) < p_limit and v_meer then
          select array_agg(k.id order by k.score desc, k.titel, k.id), array_agg(k.score order by k.score desc, k.titel, k.id) into v_ids, v_scores from (
            select t.id, a.titel, max(t.score) as score from (
              select * from unnest(v_ids, v_scores) as u(id, score)
              union all (
                select a.id, (ts_rank(a.kopvector, v_een, 32) * 0.5)::float8 from (select a.id, a.gemeente, a.titel, a.onderwerp, a.soort, a.kopvector from kennisartikel a where a.kopvector @@ v_een offset 0) a
                where a.gemeente = p_gemeente
                  and (p_onderwerp is null or lower(a.onderwerp) = lower(p_onderwerp)) and (p_soort is null or a.soort = p_soort)
                order by 2 desc, a.titel, a.id limit p_limit)) t
            join kennisartikel a on a.gemeente = p_gemeente and a.id = t.id
            group by t.id, a.titel
            order by 3 desc, a.titel, t.id limit p_limit) k;
        end if;
      end if;
      return query
        select a.id, a.soort, a.onderwerp, a.titel, a.url, a.team_id, t.naam, a.herzien_op, a.versie, left(a.inhoud, 200), u.score
        from unnest(v_ids, v_scores) with ordinality as u(id, score, n)
        join kennisartikel a on a.gemeente = p_gemeente and a.id = u.id
        join team t on t.gemeente = a.gemeente and t.id = a.team_id
        order by u.n;
    end
    $$`,
  ]);
}
