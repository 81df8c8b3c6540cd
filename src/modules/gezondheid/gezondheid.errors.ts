import { ProblemError } from '../../http/problem.ts';

/** `/health` and `/ready`: the database does not answer. */
export const databaseNietBeschikbaar = (): ProblemError =>
  new ProblemError(503, 'niet-beschikbaar', 'Niet beschikbaar', { detail: 'De database antwoordt niet.' });

/** `/ready`: this node is stopping (SIGTERM); its last requests finish, new ones belong elsewhere. */
export const knooppuntStopt = (): ProblemError =>
  new ProblemError(503, 'niet-gereed', 'Niet gereed', { detail: 'Dit knooppunt stopt; stuur nieuwe verzoeken naar een ander.' });

/** `/ready`: the database lacks migrations this version needs (run `loket migrate`, or start a node that migrates). */
export const migratiesOntbreken = (ontbrekend: readonly string[]): ProblemError =>
  new ProblemError(503, 'niet-gereed', 'Niet gereed', { detail: `Het databaseschema is niet bijgewerkt; ontbreekt: ${ontbrekend.join(', ')}.` });
