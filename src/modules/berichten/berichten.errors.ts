import { notFound, type ProblemError } from '../../http/problem.ts';

export const berichtOnbekend = (): ProblemError => notFound();
