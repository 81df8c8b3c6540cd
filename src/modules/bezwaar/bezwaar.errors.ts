import { badRequest, type InvalidParam, type ProblemError } from '../../http/problem.ts';

/** Input for a term computation that cannot be used: every reason at once. */
export const bezwaarInvoerOngeldig = (fouten: InvalidParam[]): ProblemError => badRequest(fouten);
