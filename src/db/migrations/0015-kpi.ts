import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The KPI register (ADR 0029). A definition is a declaration in code; every version a process
 * has run with is kept here with its fingerprint, so a value can always name the definition it
 * used, also after the code moved on to a newer version. A norm or target is per gemeente and
 * dated: the one that applies to a period is the newest that started on or before its last day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `
    create table kpi_definitie (
      code text not null,
      versie integer not null check (versie >= 1),
      definitie jsonb not null,
      vingerafdruk text not null,
      geregistreerd_op timestamptz not null default now(),
      primary key (code, versie)
    )`,
    `
    create table kpi_norm (
      gemeente text not null references gemeente(code),
      kpi_code text not null,
      geldig_vanaf date not null,
      waarde double precision not null,
      bron text not null,
      aangemaakt_op timestamptz not null default now(),
      aangemaakt_door uuid,
      primary key (gemeente, kpi_code, geldig_vanaf)
    )`,
  ]);
}
