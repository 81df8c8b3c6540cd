import { badRequest, conflict, notFound, type ProblemError } from '../../http/problem.ts';

export const productOnbekend = (): ProblemError => notFound('Dit product bestaat niet in deze gemeente.');
export const gemeenteOnbekend = (): ProblemError => notFound('Deze gemeente bestaat niet in deze installatie.');
export const productBestaat = (): ProblemError => conflict('product-bestaat', 'Er is al een product met deze code. Wijzig dat product.');
export const codeVast = (): ProblemError => badRequest([{ name: 'code', code: 'code-vast', reason: 'De code van een product verandert niet.' }]);
export const zaaktypeOnbekend = (): ProblemError =>
  badRequest([{ name: 'zaaktype', code: 'onbekend-zaaktype', reason: 'Dit zaaktype bestaat niet in deze gemeente.' }]);
