import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * The address of a zaak's resident (issue 11, ADR 0083), so the KCC finds a caller's zaken by
 * postcode and huisnummer: only what that needs — postcode (`1111AA`), huisnummer and the
 * toevoeging (capitals, `A-2`), no street or town. Kept on the betrokkene beside e-mail and
 * telephone and erased with them one year after the zaak closed (ADR 0013). Given only where a
 * resident gives their own address: a form's address field named as theirs, the KCC or staff
 * registering a zaak. The index finds every toevoeging at a number, or one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table betrokkene
      add column postcode text check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
      add column huisnummer integer check (huisnummer between 1 and 99999),
      add column huisnummertoevoeging text check (huisnummertoevoeging ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$' and length(huisnummertoevoeging) <= 10),
      add constraint betrokkene_adres_volledig check ((postcode is null) = (huisnummer is null) and (huisnummertoevoeging is null or postcode is not null))`,
    `create index betrokkene_adres on betrokkene (gemeente, postcode, huisnummer, huisnummertoevoeging) where postcode is not null`,
  ]);
}
