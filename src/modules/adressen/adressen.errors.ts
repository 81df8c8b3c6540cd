import { badRequest, type ProblemError } from '../../http/problem.ts';

/** A gazetteer file refused as a whole (header, encoding): nothing is stored. */
export class AdressenBestandFout extends Error {}

export const gemeenteOnbekend = (gemeente: string): ProblemError => badRequest([{ name: 'gemeente', code: 'onbekende-gemeente', reason: `De gemeente ${gemeente} bestaat niet.` }]);
