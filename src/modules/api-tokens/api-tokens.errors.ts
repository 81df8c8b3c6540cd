import { badRequest, notFound, type ProblemError } from '../../http/problem.ts';

export const apiTokenOnbekend = (): ProblemError => notFound('Dit API-token bestaat niet in deze gemeente.');
export const geldigTotBuitenBereik = (): ProblemError =>
  badRequest([{ name: 'geldigTot', code: 'buiten-bereik', reason: 'Kies een datum in de toekomst, hoogstens een jaar vanaf nu.' }]);
