import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Forms that become zaken (issue 14, ADR 0064). `formulier`: a version of a form definition
 * (steps, fields, conditions; JSON checked by formulieren.schemas.ts) for one zaaktype version;
 * concept → gepubliceerd (never changes again) → ingetrokken (no new submissions). `formulier_concept`:
 * a resident's draft, found by the hash of the secret in its address, with its answers; it keeps
 * the form version it began with, expires (verloopt_op) and is deleted by the housekeeping job.
 * When submitted it keeps only the zaak it became (ingediend_zaak_id), so a second submit makes
 * no second zaak. `formulier_inzending`: the answers of a submitted form as structured data, one
 * row per zaak, kept as long as the zaak.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table formulier (
      gemeente text not null references gemeente (code),
      id uuid not null,
      code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      versie integer not null check (versie >= 1),
      zaaktype_id uuid not null,
      status text not null check (status in ('concept', 'gepubliceerd', 'ingetrokken')),
      definitie jsonb not null,
      revisie integer not null default 1,
      aangemaakt_op timestamptz not null,
      gewijzigd_op timestamptz not null,
      gepubliceerd_op timestamptz,
      ingetrokken_op timestamptz,
      primary key (gemeente, id),
      unique (gemeente, code, versie),
      foreign key (gemeente, zaaktype_id) references zaaktype (gemeente, id)
    )`,
    `create unique index formulier_een_concept on formulier (gemeente, code) where status = 'concept'`,
    `create table formulier_concept (
      gemeente text not null references gemeente (code),
      id uuid not null,
      formulier_id uuid not null,
      token_hash text not null,
      taal text not null check (taal in ('nl', 'en')),
      antwoorden jsonb not null default '{}',
      aangemaakt_op timestamptz not null,
      gewijzigd_op timestamptz not null,
      verloopt_op timestamptz not null,
      ingediend_op timestamptz,
      ingediend_zaak_id uuid,
      ingediend_identificatie text,
      primary key (gemeente, id),
      unique (gemeente, token_hash),
      foreign key (gemeente, formulier_id) references formulier (gemeente, id)
    )`,
    'create index formulier_concept_verloopt on formulier_concept (verloopt_op)',
    `create table formulier_inzending (
      gemeente text not null references gemeente (code),
      zaak_id uuid not null,
      formulier_id uuid not null,
      antwoorden jsonb not null,
      ingediend_op timestamptz not null,
      primary key (gemeente, zaak_id),
      foreign key (gemeente, formulier_id) references formulier (gemeente, id)
    )`,
  ]);
}
