import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The question after closing configured per zaaktype (issue 15, ADR 0086).
 *
 * `kto_instelling` gets the question text nl/en ('' = the standard text of the form), the choice
 * list "what went well or not" as `[{sleutel, nl, en}]` in the order shown (empty: not asked)
 * and whether the optional text is asked. Existing zaaktypen keep what they had: the standard
 * text, the six fixed options of 0030 and the text.
 *
 * `kto_antwoord.punt` may now be empty (a zaaktype without a choice list) and `punt_tekst` keeps
 * the Dutch label of the chosen option as it was when answered, so an answer keeps its meaning
 * after the list changes; the answers of 0030 get the label of their fixed option.
 *
 * `kto_vraag` keeps the zaak's team and channel at closing (for the satisfaction measure per team
 * and per channel) so the KPI query stays inside the kto tables; questions already asked get them
 * from their zaak.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table kto_instelling
      add column vraag_nl text not null default '' check (length(vraag_nl) <= 200),
      add column vraag_en text not null default '' check (length(vraag_en) <= 200),
      add column keuzes jsonb not null default '[
        {"sleutel": "snelheid", "nl": "Hoe snel het ging", "en": "How fast it went"},
        {"sleutel": "duidelijkheid", "nl": "Hoe duidelijk onze uitleg was", "en": "How clear our explanation was"},
        {"sleutel": "bejegening", "nl": "Hoe wij u behandelden", "en": "How we treated you"},
        {"sleutel": "uitkomst", "nl": "De uitkomst", "en": "The outcome"},
        {"sleutel": "bereikbaarheid", "nl": "Hoe goed wij bereikbaar waren", "en": "How easy it was to reach us"},
        {"sleutel": "anders", "nl": "Iets anders", "en": "Something else"}
      ]'::jsonb check (jsonb_typeof(keuzes) = 'array'),
      add column toelichting_vragen boolean not null default true`,
    `alter table kto_antwoord
      alter column punt drop not null,
      add column punt_tekst text check (length(punt_tekst) between 1 and 100)`,
    `update kto_antwoord set punt_tekst = case punt
      when 'snelheid' then 'Hoe snel het ging'
      when 'duidelijkheid' then 'Hoe duidelijk onze uitleg was'
      when 'bejegening' then 'Hoe wij u behandelden'
      when 'uitkomst' then 'De uitkomst'
      when 'bereikbaarheid' then 'Hoe goed wij bereikbaar waren'
      when 'anders' then 'Iets anders' end`,
    `alter table kto_vraag
      add column team_id uuid,
      add column kanaal text`,
    `update kto_vraag v set team_id = z.team_id, kanaal = z.kanaal from zaak z where z.gemeente = v.gemeente and z.id = v.zaak_id`,
  ]);
}
