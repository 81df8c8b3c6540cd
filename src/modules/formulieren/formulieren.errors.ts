import { badRequest, conflict, notFound, type ProblemError } from '../../http/problem.ts';

export const formulierOnbekend = (): ProblemError => notFound('Dit formulier bestaat niet in deze gemeente.');
export const zaaktypeOnbekend = (): ProblemError =>
  badRequest([{ name: 'zaaktype', code: 'onbekend-zaaktype', reason: 'Deze zaaktypeversie bestaat niet in deze gemeente.' }]);
export const zaaktypeNietGepubliceerd = (): ProblemError =>
  conflict('zaaktype-niet-gepubliceerd', 'Publiceer eerst de zaaktypeversie van dit formulier: een ingediend formulier wordt een zaak van die versie.');
export const codeVast = (): ProblemError => badRequest([{ name: 'code', code: 'code-vast', reason: 'De code van een formulier verandert niet.' }]);
export const formulierBestaat = (): ProblemError =>
  conflict('formulier-bestaat', 'Er is al een formulier met deze code. Maak een nieuwe versie van dat formulier.');
export const versieGepubliceerd = (): ProblemError =>
  conflict('formulier-gepubliceerd', 'Een gepubliceerde versie verandert niet meer. Maak een nieuwe versie.');
export const nietGepubliceerd = (): ProblemError => conflict('formulier-niet-gepubliceerd', 'Alleen een gepubliceerde versie kan worden ingetrokken.');
export const conceptBestaat = (): ProblemError =>
  conflict('concept-bestaat', 'Er is al een conceptversie van dit formulier. Werk die bij of publiceer hem eerst.');
export const nietDeNieuwste = (): ProblemError => conflict('niet-de-nieuwste', 'Maak een nieuwe versie vanuit de nieuwste versie van dit formulier.');
