import { notFound, type ProblemError } from '../../http/problem.ts';

export const productOnbekend = (): ProblemError => notFound('Dit product bestaat niet in deze gemeente.');
export const zaaktypeOnbekend = (): ProblemError => notFound('Dit zaaktype bestaat niet in deze gemeente.');
