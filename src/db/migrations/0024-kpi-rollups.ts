import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Rollups of the KPI register (ADR 0043), first for the zaken measures by closing day
 * (zaken-binnen-norm, zaken-doorlooptijd-mediaan, zaken-doorlooptijd-p90):
 *
 * - `kpi_zaak_afgesloten_dag`: per gemeente, closing day (Europe/Amsterdam) and zaaktype code the
 *   number of zaken closed, how many on or before their deadline, and the histogram of their lead
 *   times in whole werkdagen (`doorlooptijd[i]` = zaken with i − 1 werkdagen), so a median or p90
 *   over any days and zaaktypen is exact. A bucket is always recomputed from the zaken, never
 *   incremented: a job that runs twice writes the same rows.
 * - `kpi_zaak_afgesloten_maand`: the same per calendar month, the sums of its days (recomputed
 *   from the day buckets with them), so a value over whole months reads a row per month and
 *   zaaktype instead of one per day.
 * - `kpi_rollup_stand`: per gemeente and rollup, the calendar (closure days) its werkdagen were
 *   counted with and when it was last built whole; a different calendar means it is not current.
 * - `kpi_rollup_werk`: the outbox. Statement triggers on `zaak` append the closing days a change
 *   touches, in the change's own transaction (append-only: no row that two changes would lock);
 *   the rollup job recomputes those days and deletes the rows it saw.
 * - `kpi_rollup_herberekening`: a day before the change arrived (a closed period) whose bucket
 *   changed: when, why, and the totals before and after. Append-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table kpi_zaak_afgesloten_dag (
      gemeente text not null references gemeente(code),
      dag date not null,
      zaaktype text not null,
      aantal integer not null check (aantal > 0),
      binnen_norm integer not null check (binnen_norm between 0 and aantal),
      doorlooptijd integer[] not null,
      berekend_op timestamptz not null,
      primary key (gemeente, dag, zaaktype)
    )`,
    `
    create table kpi_zaak_afgesloten_maand (
      gemeente text not null references gemeente(code),
      maand date not null check (extract(day from maand) = 1),
      zaaktype text not null,
      aantal integer not null check (aantal > 0),
      binnen_norm integer not null check (binnen_norm between 0 and aantal),
      doorlooptijd integer[] not null,
      berekend_op timestamptz not null,
      primary key (gemeente, maand, zaaktype)
    )`,
    `
    create table kpi_rollup_stand (
      gemeente text not null references gemeente(code),
      rollup text not null,
      kalender text not null,
      opgebouwd_op timestamptz not null,
      primary key (gemeente, rollup)
    )`,
    `
    create table kpi_rollup_werk (
      gemeente text not null,
      id bigint generated always as identity,
      dag date not null,
      reden text not null,
      aangemeld_op timestamptz not null default now(),
      primary key (gemeente, id)
    )`,
    `create index kpi_rollup_werk_dag on kpi_rollup_werk (gemeente, dag)`,
    `
    create table kpi_rollup_herberekening (
      gemeente text not null references gemeente(code),
      rollup text not null,
      dag date not null,
      op timestamptz not null,
      reden text not null,
      voor jsonb not null,
      na jsonb not null,
      primary key (gemeente, rollup, dag, op)
    )`,
    `
    create trigger kpi_rollup_herberekening_alleen_toevoegen before update or delete on kpi_rollup_herberekening
      for each row execute function weiger_wijziging()`,
    `
    create function kpi_zaak_werk_na_invoegen() returns trigger language plpgsql as $$
    begin
      insert into kpi_rollup_werk (gemeente, dag, reden)
      select distinct n.gemeente, (n.afgesloten_op at time zone 'Europe/Amsterdam')::date, 'zaak-afgesloten'
      from nieuw n where n.afgesloten_op is not null;
      return null;
    end $$`,
    `
    create function kpi_zaak_werk_na_wijzigen() returns trigger language plpgsql as $$
    begin
      insert into kpi_rollup_werk (gemeente, dag, reden)
      select distinct w.gemeente, w.dag, w.reden from (
        select o.gemeente, (o.afgesloten_op at time zone 'Europe/Amsterdam')::date as dag,
          case when n.afgesloten_op is null then 'zaak-heropend' else 'zaak-gewijzigd' end as reden
        from oud o join nieuw n on n.gemeente = o.gemeente and n.id = o.id
        where o.afgesloten_op is not null
          and (n.afgesloten_op is distinct from o.afgesloten_op or n.uiterlijke_einddatum <> o.uiterlijke_einddatum
            or n.ontvangstdatum <> o.ontvangstdatum or n.zaaktype_id <> o.zaaktype_id)
        union all
        select n.gemeente, (n.afgesloten_op at time zone 'Europe/Amsterdam')::date,
          case when o.afgesloten_op is null then 'zaak-afgesloten' else 'zaak-gewijzigd' end
        from oud o join nieuw n on n.gemeente = o.gemeente and n.id = o.id
        where n.afgesloten_op is not null
          and (n.afgesloten_op is distinct from o.afgesloten_op or n.uiterlijke_einddatum <> o.uiterlijke_einddatum
            or n.ontvangstdatum <> o.ontvangstdatum or n.zaaktype_id <> o.zaaktype_id)
      ) w;
      return null;
    end $$`,
    `
    create function kpi_zaak_werk_na_verwijderen() returns trigger language plpgsql as $$
    begin
      insert into kpi_rollup_werk (gemeente, dag, reden)
      select distinct o.gemeente, (o.afgesloten_op at time zone 'Europe/Amsterdam')::date, 'zaak-verwijderd'
      from oud o where o.afgesloten_op is not null;
      return null;
    end $$`,
    `create trigger kpi_zaak_werk_invoegen after insert on zaak referencing new table as nieuw for each statement execute function kpi_zaak_werk_na_invoegen()`,
    `create trigger kpi_zaak_werk_wijzigen after update on zaak referencing old table as oud new table as nieuw for each statement execute function kpi_zaak_werk_na_wijzigen()`,
    `create trigger kpi_zaak_werk_verwijderen after delete on zaak referencing old table as oud for each statement execute function kpi_zaak_werk_na_verwijderen()`,
  ]);
}
