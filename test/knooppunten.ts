/**
 * What the tests of several nodes share (test/knooppunten.test.ts: nodes in one process;
 * test/cluster.test.ts: processes behind HAProxy).
 */

/**
 * "At once": a NOTIFY reaches the other node a moment after the commit, well within this; before
 * ADR 0023 the other node kept sessions for 2 s and closure days for 5 s.
 */
export const METEEN = { timeout: 1_000, interval: 5 };

/**
 * An e-mail question received Monday 2 March 2026: + 5 werkdagen is Monday 9 March, and
 * Tuesday 10 March once Wednesday 4 March is a closure day of Diemen.
 */
export const VRAAG_2_MAART = {
  zaaktype: 'e-mailvraag',
  onderwerp: 'Vraag over afval',
  kanaal: 'e-mail',
  ontvangstdatum: '2026-03-02',
  betrokkene: { naam: 'Anna de Vries', email: 'anna@example.nl', taal: 'nl' },
};
export const SLUITINGSDAG_4_MAART = { datum: '2026-03-04', naam: 'Verhuizing' };
