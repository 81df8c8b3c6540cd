import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The logs become monthly range partitions (ADR 0026, following ADR 0024):
 * - `audit_log`: the events of one gemeente. `gemeente` is required and the primary key is
 *   `(gemeente, tijdstip, id)`; partitioned by month on `tijdstip`.
 * - `installatie_log` (new): the installation-wide events that were written to `audit_log` without
 *   a gemeente. Partitioned by list on `actie`: the login records (`aanmelden`, `afmelden`,
 *   `overal-afmelden`) go to `installatie_log_aanmelding`, partitioned by month on `tijdstip`,
 *   whose months are dropped after six months (VNG Selectielijst 2020, 19.24); everything else
 *   (demo loading, retention runs) to `installatie_log_overig`, which is kept. Primary key
 *   `(actie, tijdstip, id)`. Its ids come from the same sequence as `audit_log`'s.
 * - `verwerking_log`: primary key `(gemeente, begin_op, id)`, partitioned by month on `begin_op`.
 *
 * Each monthly-partitioned table has a DEFAULT partition `<table>_standaard`, so a row is never
 * refused for want of its month; `maak_logmaand` moves such rows into their month when it makes it.
 * Every row of the old tables is copied with its id (the migration counts them), and the months
 * they fall in are made, plus the current month and two ahead.
 *
 * Append-only: the row trigger on each parent is cloned to every partition; a TRUNCATE trigger is
 * not, so every partition gets its own. Logs are no longer destroyed row by row: the DELETE
 * exception of `weiger_wijziging` (0003) goes, and retention drops a whole month through
 * `vernietig_logmaand`, which checks the table's term against the database's clock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create or replace function weiger_wijziging() returns trigger language plpgsql as $$
    begin
      raise exception 'tabel % is alleen-toevoegen', tg_table_name;
    end $$`,

    // The old tables step aside (with their indexes and sequences, whose names the new ones take).
    `alter table audit_log rename to audit_log_0012`,
    `alter index audit_log_pkey rename to audit_log_0012_pkey`,
    `alter index audit_log_gemeente_tijd rename to audit_log_0012_gemeente_tijd`,
    `alter sequence audit_log_id_seq rename to audit_log_0012_id_seq`,
    `alter table verwerking_log rename to verwerking_log_0012`,
    `alter index verwerking_log_pkey rename to verwerking_log_0012_pkey`,
    `alter index verwerking_log_gemeente_tijd rename to verwerking_log_0012_gemeente_tijd`,
    `alter index verwerking_log_trace rename to verwerking_log_0012_trace`,
    `alter sequence verwerking_log_id_seq rename to verwerking_log_0012_id_seq`,

    `create sequence audit_log_id_seq as bigint`,
    `create table audit_log (
      id bigint not null default nextval('audit_log_id_seq'),
      gemeente text not null references gemeente(code),
      tijdstip timestamptz not null default now(),
      actor_type text not null,
      actor_id text,
      actor_naam text,
      actie text not null,
      object_type text,
      object_id text,
      resultaat text not null,
      herkomst text,
      trace_id text,
      details jsonb not null default '{}'::jsonb,
      primary key (gemeente, tijdstip, id)
    ) partition by range (tijdstip)`,
    `alter sequence audit_log_id_seq owned by audit_log.id`,
    `create trigger audit_log_alleen_toevoegen before update or delete on audit_log
      for each row execute function weiger_wijziging()`,
    `create trigger audit_log_geen_truncate before truncate on audit_log
      for each statement execute function weiger_wijziging()`,

    `create table installatie_log (
      id bigint not null default nextval('audit_log_id_seq'),
      tijdstip timestamptz not null default now(),
      actor_type text not null,
      actor_id text,
      actor_naam text,
      actie text not null,
      object_type text,
      object_id text,
      resultaat text not null,
      herkomst text,
      trace_id text,
      details jsonb not null default '{}'::jsonb,
      primary key (actie, tijdstip, id)
    ) partition by list (actie)`,
    `create index installatie_log_object on installatie_log (object_type, object_id, tijdstip desc)`,
    `create table installatie_log_aanmelding partition of installatie_log
      for values in ('aanmelden', 'afmelden', 'overal-afmelden') partition by range (tijdstip)`,
    `create table installatie_log_overig partition of installatie_log default`,
    `create trigger installatie_log_alleen_toevoegen before update or delete on installatie_log
      for each row execute function weiger_wijziging()`,
    `create trigger installatie_log_geen_truncate before truncate on installatie_log
      for each statement execute function weiger_wijziging()`,
    `create trigger installatie_log_aanmelding_geen_truncate before truncate on installatie_log_aanmelding
      for each statement execute function weiger_wijziging()`,
    `create trigger installatie_log_overig_geen_truncate before truncate on installatie_log_overig
      for each statement execute function weiger_wijziging()`,

    `create sequence verwerking_log_id_seq as bigint`,
    `create table verwerking_log (
      id bigint not null default nextval('verwerking_log_id_seq'),
      gemeente text not null references gemeente(code),
      trace_id text not null,
      span_id text not null,
      naam text not null,
      verwerkingsactiviteit text not null,
      grondslag text not null,
      betrokkene_type text not null,
      betrokkene_id text not null,
      status text not null,
      begin_op timestamptz not null,
      eind_op timestamptz not null,
      primary key (gemeente, begin_op, id)
    ) partition by range (begin_op)`,
    `alter sequence verwerking_log_id_seq owned by verwerking_log.id`,
    `create index verwerking_log_trace on verwerking_log (trace_id)`,
    `create trigger verwerking_log_alleen_toevoegen before update or delete on verwerking_log
      for each row execute function weiger_wijziging()`,
    `create trigger verwerking_log_geen_truncate before truncate on verwerking_log
      for each statement execute function weiger_wijziging()`,

    // The DEFAULT partitions: a row whose month was not made yet waits here (ADR 0026).
    `create table audit_log_standaard partition of audit_log default`,
    `create trigger audit_log_standaard_geen_truncate before truncate on audit_log_standaard
      for each statement execute function weiger_wijziging()`,
    `create table verwerking_log_standaard partition of verwerking_log default`,
    `create trigger verwerking_log_standaard_geen_truncate before truncate on verwerking_log_standaard
      for each statement execute function weiger_wijziging()`,
    `create table installatie_log_aanmelding_standaard partition of installatie_log_aanmelding default`,
    `create trigger installatie_log_aanmelding_standaard_geen_truncate before truncate on installatie_log_aanmelding_standaard
      for each statement execute function weiger_wijziging()`,

    /*
     * Makes the partition of one month (UTC) of a monthly-partitioned log, named
     * <table>_YYYY_MM, with its TRUNCATE guard; false when it exists. PostgreSQL refuses a new
     * partition while the DEFAULT partition holds rows of its range, so then the default is
     * detached, replaced by an empty one, and its rows are inserted again through the parent
     * (each into its month, or into the new default), all in this one transaction: no row is
     * deleted or lost. One caller at a time (advisory lock), so that nodes may run it together.
     */
    `create function maak_logmaand(ouder text, maand date) returns boolean language plpgsql as $$
    declare
      van timestamptz := date_trunc('month', maand::timestamp) at time zone 'UTC';
      tot timestamptz := (date_trunc('month', maand::timestamp) + interval '1 month') at time zone 'UTC';
      naam text := ouder || '_' || to_char(date_trunc('month', maand::timestamp), 'YYYY_MM');
      standaard text := ouder || '_standaard';
      kolom text;
      kolommen text;
      wachtend boolean;
    begin
      perform pg_advisory_xact_lock(hashtext('loket.logmaand'));
      if to_regclass(format('public.%I', naam)) is not null then
        return false;
      end if;
      select a.attname into strict kolom
        from pg_partitioned_table p join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
        where p.partrelid = format('public.%I', ouder)::regclass and p.partstrat = 'r';
      execute format('select exists (select 1 from %I where %I >= $1 and %I < $2)', standaard, kolom, kolom) into wachtend using van, tot;
      if wachtend then
        execute format('alter table %I detach partition %I', ouder, standaard);
        execute format('alter table %I rename to %I', standaard, standaard || '_oud');
        execute format('create table %I partition of %I default', standaard, ouder);
        execute format('create trigger %I before truncate on %I for each statement execute function weiger_wijziging()', standaard || '_geen_truncate', standaard);
      end if;
      execute format('create table %I partition of %I for values from (%L) to (%L)', naam, ouder, van, tot);
      execute format('create trigger %I before truncate on %I for each statement execute function weiger_wijziging()', naam || '_geen_truncate', naam);
      if wachtend then
        select string_agg(quote_ident(attname), ', ' order by attnum) into kolommen
          from pg_attribute where attrelid = format('public.%I', ouder)::regclass and attnum > 0 and not attisdropped;
        execute format('insert into %I (%s) select %s from %I', ouder, kolommen, kolommen, standaard || '_oud');
        execute format('drop table %I', standaard || '_oud');
      end if;
      return true;
    end $$`,

    /*
     * Destroys one month of a log whose retention is by age, by dropping its partition, and
     * returns how many rows it held; null (and nothing dropped) while the month is not past the
     * term by the database's clock. Only a month of a table with a term here can go: today only
     * the login records, six months (VNG Selectielijst 2020, 19.24).
     */
    `create function vernietig_logmaand(partitie text) returns bigint language plpgsql as $$
    declare
      ouder text;
      term interval;
      tot timestamptz;
      aantal bigint;
    begin
      perform pg_advisory_xact_lock(hashtext('loket.logmaand'));
      select p.relname into ouder
        from pg_inherits i
          join pg_class c on c.oid = i.inhrelid
          join pg_class p on p.oid = i.inhparent
        where c.oid = to_regclass(format('public.%I', partitie));
      term := case ouder when 'installatie_log_aanmelding' then interval '6 months' end;
      if term is null or partitie !~ ('^' || ouder || '_[0-9]{4}_[0-9]{2}$') then
        raise exception 'logmaand %: geen maand van een log met een bewaartermijn', partitie;
      end if;
      tot := (to_date(right(partitie, 7), 'YYYY_MM') + interval '1 month') at time zone 'UTC';
      if tot > now() - term then
        return null;
      end if;
      execute format('select count(*) from %I', partitie) into aantal;
      execute format('drop table %I', partitie);
      return aantal;
    end $$`,

    // The months of the existing rows, and the current month with two ahead.
    `select maak_logmaand('audit_log', m) from (
      select distinct (date_trunc('month', tijdstip at time zone 'UTC'))::date as m from audit_log_0012 where gemeente is not null
      union select (date_trunc('month', now() at time zone 'UTC') + n * interval '1 month')::date from generate_series(0, 2) as n
    ) as maanden`,
    `select maak_logmaand('installatie_log_aanmelding', m) from (
      select distinct (date_trunc('month', tijdstip at time zone 'UTC'))::date as m from audit_log_0012
        where gemeente is null and actie in ('aanmelden', 'afmelden', 'overal-afmelden')
      union select (date_trunc('month', now() at time zone 'UTC') + n * interval '1 month')::date from generate_series(0, 2) as n
    ) as maanden`,
    `select maak_logmaand('verwerking_log', m) from (
      select distinct (date_trunc('month', begin_op at time zone 'UTC'))::date as m from verwerking_log_0012
      union select (date_trunc('month', now() at time zone 'UTC') + n * interval '1 month')::date from generate_series(0, 2) as n
    ) as maanden`,

    `insert into audit_log (id, gemeente, tijdstip, actor_type, actor_id, actor_naam, actie, object_type, object_id, resultaat, herkomst, trace_id, details)
      select id, gemeente, tijdstip, actor_type, actor_id, actor_naam, actie, object_type, object_id, resultaat, herkomst, trace_id, details
      from audit_log_0012 where gemeente is not null`,
    `insert into installatie_log (id, tijdstip, actor_type, actor_id, actor_naam, actie, object_type, object_id, resultaat, herkomst, trace_id, details)
      select id, tijdstip, actor_type, actor_id, actor_naam, actie, object_type, object_id, resultaat, herkomst, trace_id, details
      from audit_log_0012 where gemeente is null`,
    `insert into verwerking_log (id, gemeente, trace_id, span_id, naam, verwerkingsactiviteit, grondslag, betrokkene_type, betrokkene_id, status, begin_op, eind_op)
      select id, gemeente, trace_id, span_id, naam, verwerkingsactiviteit, grondslag, betrokkene_type, betrokkene_id, status, begin_op, eind_op
      from verwerking_log_0012`,
    `select setval('audit_log_id_seq', coalesce((select max(id) from audit_log_0012), 0) + 1, false)`,
    `select setval('verwerking_log_id_seq', coalesce((select max(id) from verwerking_log_0012), 0) + 1, false)`,

    // Every row must have arrived before the old tables go.
    `do $$
    begin
      if (select count(*) from audit_log_0012) <> (select count(*) from audit_log) + (select count(*) from installatie_log)
        or (select count(*) from verwerking_log_0012) <> (select count(*) from verwerking_log) then
        raise exception 'logmaanden: niet elke logregel is overgezet';
      end if;
    end $$`,
    `drop table audit_log_0012`,
    `drop table verwerking_log_0012`,
  ]);
}
