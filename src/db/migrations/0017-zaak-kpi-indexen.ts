import type { Kysely } from 'kysely';
import { runStatements } from '../statements.ts';

/**
 * Indexes for the zaken measures of the KPI register (ADR 0029) and the public servicenormen page
 * (ADR 0032). Every measure selects the zaken of one gemeente by the day they were closed or
 * received; without these, each value read the whole zaak table of every gemeente (a parallel
 * sequential scan: 2.3 s for the page at a million zaken, BENCHMARKS.md). The INCLUDE columns
 * are those the queries read, so a value is an index-only scan. They add no column that changes
 * on a zaak update which was not indexed before (afgesloten_op and uiterlijke_einddatum are in
 * the queue indexes already; kanaal, ontvangstdatum and zaaktype_id never change).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index zaak_afgesloten_op on zaak (gemeente, afgesloten_op) include (zaaktype_id, uiterlijke_einddatum, ontvangstdatum) where afgesloten_op is not null`,
    `create index zaak_ontvangstdatum on zaak (gemeente, ontvangstdatum) include (zaaktype_id, kanaal, afgesloten_op)`,
  ]);
}
