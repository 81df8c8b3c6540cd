import { badRequest, conflict, notFound, type InvalidParam, type ProblemError } from '../../http/problem.ts';

/** Start date and duration of a term that cannot be read: both reasons at once. */
export const termijnOngeldig = (fouten: InvalidParam[]): ProblemError => badRequest(fouten);
export const gemeenteOnbekend = (veld: string, gemeente: string): ProblemError =>
  badRequest([{ name: veld, code: 'onbekende-gemeente', reason: `De gemeente ${gemeente} bestaat niet in deze installatie.` }]);
export const sluitingsdagOnbekend = (datum: string): ProblemError => notFound(`Deze gemeente heeft geen sluitingsdag op ${datum}.`);
/** `wat`: "een feestdag (Koningsdag)", "een zaterdag", … */
export const alVrij = (datum: string, wat: string): ProblemError =>
  badRequest([{ name: 'datum', code: 'al-vrij', reason: `${datum} is al ${wat}; een sluitingsdag is dan niet nodig.` }]);
export const sluitingsdagBestaat = (datum: string): ProblemError => conflict('sluitingsdag-bestaat', `Deze gemeente heeft al een sluitingsdag op ${datum}.`);
