import { badRequest, conflict, notFound, type ProblemError } from '../../http/problem.ts';

export const zaaktypeOnbekend = (): ProblemError => notFound('Dit zaaktype bestaat niet in deze gemeente.');
export const standaardTeamOnbekend = (): ProblemError =>
  badRequest([{ name: 'standaardTeam', code: 'onbekend-team', reason: 'Dit team bestaat niet in deze gemeente.' }]);
export const codeVast = (): ProblemError => badRequest([{ name: 'code', code: 'code-vast', reason: 'De code van een zaaktype verandert niet.' }]);
export const zaaktypeBestaat = (): ProblemError =>
  conflict('zaaktype-bestaat', 'Er is al een zaaktype met deze code. Maak een nieuwe versie van dat zaaktype.');
export const versieGepubliceerd = (): ProblemError =>
  conflict('zaaktype-gepubliceerd', 'Een gepubliceerde versie verandert niet meer. Maak een nieuwe versie.');
export const alGepubliceerd = (): ProblemError => conflict('zaaktype-gepubliceerd', 'Deze versie is al gepubliceerd.');
export const conceptBestaat = (): ProblemError =>
  conflict('concept-bestaat', 'Er is al een conceptversie van dit zaaktype. Werk die bij of publiceer hem eerst.');
export const nietDeNieuwste = (): ProblemError => conflict('niet-de-nieuwste', 'Maak een nieuwe versie vanuit de nieuwste versie van dit zaaktype.');
