import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Rollups of the KCC measures (ADR 0066), the same design as the zaken rollup (ADR 0043,
 * migration 0024): buckets recomputed from the source, never incremented, kept current from the
 * shared outbox by the job `kpi.rollups`.
 *
 * - `kpi_rollup_werk.rollup`: which rollup an outbox row is for (the zaken triggers keep writing
 *   the default, `zaken-afgesloten`); each rollup works only its own rows.
 * - `kpi_kcc_gesprek_dag`: per gemeente, day (Europe/Amsterdam date of begin_op) and wachtrij the
 *   counts behind kcc-binnen-30s, kcc-afhaakpercentage and the waits, with the histogram of the
 *   waits of the answered calls in whole seconds (`wachttijd[i]` = answered calls that waited
 *   i − 1 seconds), so the p90 over any days and queues is exact.
 * - `kpi_kcc_gesprek_maand`: the same per calendar month, the sums of its days.
 * - `kpi_klantcontact_dag`: klantcontacten per day (Europe/Amsterdam date of `op`), kanaal and uitkomst.
 * - `kpi_contactverzoek_dag`: contactverzoeken per day of handling and team (null: to a named
 *   person; the key uses the nil UUID for it), and how many were handled on or before their deadline.
 *
 * Statement triggers on kcc_gesprek, klantcontact and contactverzoek append the days a change
 * touches to the outbox, in the change's own transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table kpi_rollup_werk add column rollup text not null default 'zaken-afgesloten'`,
    `create index kpi_rollup_werk_rollup_dag on kpi_rollup_werk (gemeente, rollup, dag)`,
    `
    create table kpi_kcc_gesprek_dag (
      gemeente text not null references gemeente(code),
      dag date not null,
      wachtrij text not null,
      totaal integer not null check (totaal > 0),
      noemer integer not null,
      binnen_30s integer not null,
      afgehaakt integer not null,
      kort_opgehangen integer not null,
      buiten_openingstijd integer not null,
      beantwoord integer not null,
      wachttijd_som bigint not null,
      wachttijd integer[] not null,
      berekend_op timestamptz not null,
      primary key (gemeente, dag, wachtrij)
    )`,
    `
    create table kpi_kcc_gesprek_maand (
      gemeente text not null references gemeente(code),
      maand date not null check (extract(day from maand) = 1),
      wachtrij text not null,
      totaal integer not null check (totaal > 0),
      noemer integer not null,
      binnen_30s integer not null,
      afgehaakt integer not null,
      kort_opgehangen integer not null,
      buiten_openingstijd integer not null,
      beantwoord integer not null,
      wachttijd_som bigint not null,
      wachttijd integer[] not null,
      berekend_op timestamptz not null,
      primary key (gemeente, maand, wachtrij)
    )`,
    `
    create table kpi_klantcontact_dag (
      gemeente text not null references gemeente(code),
      dag date not null,
      kanaal text not null,
      uitkomst text not null,
      aantal integer not null check (aantal > 0),
      berekend_op timestamptz not null,
      primary key (gemeente, dag, kanaal, uitkomst)
    )`,
    `
    create table kpi_contactverzoek_dag (
      gemeente text not null references gemeente(code),
      dag date not null,
      team_id uuid,
      aantal integer not null check (aantal > 0),
      binnen_termijn integer not null check (binnen_termijn between 0 and aantal),
      berekend_op timestamptz not null,
      -- The key needs a value where team_id has none (a request to a named person).
      team_sleutel uuid not null generated always as (coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid)) stored,
      primary key (gemeente, dag, team_sleutel)
    )`,
    // kcc_gesprek: an import inserts; a correction or the housekeeping may update or delete.
    `
    create function kpi_kcc_gesprek_werk() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        insert into kpi_rollup_werk (gemeente, dag, reden, rollup)
        select distinct o.gemeente, (o.begin_op at time zone 'Europe/Amsterdam')::date, case tg_op when 'DELETE' then 'gesprekken-verwijderd' else 'gesprekken-gewijzigd' end, 'kcc-gesprekken'
        from oud o;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into kpi_rollup_werk (gemeente, dag, reden, rollup)
        select distinct n.gemeente, (n.begin_op at time zone 'Europe/Amsterdam')::date, case tg_op when 'INSERT' then 'gesprekken-geimporteerd' else 'gesprekken-gewijzigd' end, 'kcc-gesprekken'
        from nieuw n;
      end if;
      return null;
    end $$`,
    `create trigger kpi_kcc_gesprek_werk_invoegen after insert on kcc_gesprek referencing new table as nieuw for each statement execute function kpi_kcc_gesprek_werk()`,
    `create trigger kpi_kcc_gesprek_werk_wijzigen after update on kcc_gesprek referencing old table as oud new table as nieuw for each statement execute function kpi_kcc_gesprek_werk()`,
    `create trigger kpi_kcc_gesprek_werk_verwijderen after delete on kcc_gesprek referencing old table as oud for each statement execute function kpi_kcc_gesprek_werk()`,
    `
    create function kpi_klantcontact_werk() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        insert into kpi_rollup_werk (gemeente, dag, reden, rollup)
        select distinct o.gemeente, (o.op at time zone 'Europe/Amsterdam')::date, case tg_op when 'DELETE' then 'klantcontact-verwijderd' else 'klantcontact-gewijzigd' end, 'klantcontacten'
        from oud o;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into kpi_rollup_werk (gemeente, dag, reden, rollup)
        select distinct n.gemeente, (n.op at time zone 'Europe/Amsterdam')::date, case tg_op when 'INSERT' then 'klantcontact-vastgelegd' else 'klantcontact-gewijzigd' end, 'klantcontacten'
        from nieuw n;
      end if;
      return null;
    end $$`,
    `create trigger kpi_klantcontact_werk_invoegen after insert on klantcontact referencing new table as nieuw for each statement execute function kpi_klantcontact_werk()`,
    `create trigger kpi_klantcontact_werk_wijzigen after update on klantcontact referencing old table as oud new table as nieuw for each statement execute function kpi_klantcontact_werk()`,
    `create trigger kpi_klantcontact_werk_verwijderen after delete on klantcontact referencing old table as oud for each statement execute function kpi_klantcontact_werk()`,
    // contactverzoek: only handled requests count, by the day of handling; most updates (status, attempts) change none of it.
    `
    create function kpi_contactverzoek_werk() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into kpi_rollup_werk (gemeente, dag, reden, rollup)
        select distinct n.gemeente, (n.afgehandeld_op at time zone 'Europe/Amsterdam')::date, 'contactverzoek-afgehandeld', 'contactverzoeken'
        from nieuw n where n.afgehandeld_op is not null;
      elsif tg_op = 'DELETE' then
        insert into kpi_rollup_werk (gemeente, dag, reden, rollup)
        select distinct o.gemeente, (o.afgehandeld_op at time zone 'Europe/Amsterdam')::date, 'contactverzoek-verwijderd', 'contactverzoeken'
        from oud o where o.afgehandeld_op is not null;
      else
        insert into kpi_rollup_werk (gemeente, dag, reden, rollup)
        select distinct w.gemeente, w.dag, w.reden, 'contactverzoeken' from (
          select o.gemeente, (o.afgehandeld_op at time zone 'Europe/Amsterdam')::date as dag, 'contactverzoek-gewijzigd' as reden
          from oud o join nieuw n on n.gemeente = o.gemeente and n.id = o.id
          where o.afgehandeld_op is not null and (n.afgehandeld_op is distinct from o.afgehandeld_op or n.uiterlijk_op <> o.uiterlijk_op or n.team_id is distinct from o.team_id)
          union all
          select n.gemeente, (n.afgehandeld_op at time zone 'Europe/Amsterdam')::date,
            case when o.afgehandeld_op is null then 'contactverzoek-afgehandeld' else 'contactverzoek-gewijzigd' end
          from oud o join nieuw n on n.gemeente = o.gemeente and n.id = o.id
          where n.afgehandeld_op is not null and (n.afgehandeld_op is distinct from o.afgehandeld_op or n.uiterlijk_op <> o.uiterlijk_op or n.team_id is distinct from o.team_id)
        ) w;
      end if;
      return null;
    end $$`,
    `create trigger kpi_contactverzoek_werk_invoegen after insert on contactverzoek referencing new table as nieuw for each statement execute function kpi_contactverzoek_werk()`,
    `create trigger kpi_contactverzoek_werk_wijzigen after update on contactverzoek referencing old table as oud new table as nieuw for each statement execute function kpi_contactverzoek_werk()`,
    `create trigger kpi_contactverzoek_werk_verwijderen after delete on contactverzoek referencing old table as oud for each statement execute function kpi_contactverzoek_werk()`,
  ]);
}
