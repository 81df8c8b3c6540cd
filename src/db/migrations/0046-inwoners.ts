import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Resident login and "Mijn zaken" (issue 14, ADR 0077).
 *
 * - `betrokkene.bsn_sleutel`: a keyed hash (HMAC-SHA-256 with LOKET_BSN_SLEUTEL, per gemeente) of
 *   the BSN of a resident who was logged in when the zaak was registered; never the BSN itself.
 *   It is deleted with the zaak (its retention).
 * - `inwoner_inlog`: a login that has gone to the OpenID provider and not come back yet: the hash
 *   of its `state`, its nonce and PKCE verifier; single use, 10 minutes.
 * - `inwoner_sessie`: a resident's session (its own cookie and table, never a staff session):
 *   the hash of the token, the BSN key, the BSN encrypted (for prefilling forms, AES-256-GCM),
 *   name and verified e-mail address; 30 minutes, then deleted.
 * - `inwoner_link`: a one-time link by e-mail ("stuur mij een link"): the hash of the token, the
 *   address, when it expires and when it was used; deleted a day after it expired.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table betrokkene add column bsn_sleutel text check (bsn_sleutel is null or length(bsn_sleutel) = 64)`,
    `create index betrokkene_bsn_sleutel on betrokkene (gemeente, bsn_sleutel) where bsn_sleutel is not null`,
    `create table inwoner_inlog (
      gemeente text not null references gemeente (code),
      state_hash text not null,
      nonce text not null,
      code_verifier text not null,
      taal text not null check (taal in ('nl', 'en')),
      verloopt_op timestamptz not null,
      primary key (gemeente, state_hash)
    )`,
    `create table inwoner_sessie (
      gemeente text not null references gemeente (code),
      id_hash text not null,
      soort text not null check (soort in ('oidc', 'email')),
      bsn_sleutel text check (bsn_sleutel is null or length(bsn_sleutel) = 64),
      bsn_versleuteld text,
      naam text not null default '' check (length(naam) <= 200),
      email text check (email is null or length(email) <= 254),
      aangemaakt_op timestamptz not null default now(),
      verloopt_op timestamptz not null,
      primary key (gemeente, id_hash),
      check (bsn_sleutel is not null or email is not null)
    )`,
    `create index inwoner_sessie_verloopt on inwoner_sessie (verloopt_op)`,
    `create table inwoner_link (
      gemeente text not null references gemeente (code),
      token_hash text not null,
      email text not null check (length(email) <= 254),
      aangemaakt_op timestamptz not null,
      verloopt_op timestamptz not null,
      gebruikt_op timestamptz,
      primary key (gemeente, token_hash)
    )`,
    `create index inwoner_link_email on inwoner_link (gemeente, lower(email), aangemaakt_op)`,
  ]);
}
