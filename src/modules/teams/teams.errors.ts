import { badRequest, conflict, notFound, type ProblemError } from '../../http/problem.ts';

export const teamOnbekend = (): ProblemError => notFound('Dit team bestaat niet in deze gemeente.');
export const teamNaamBezet = (): ProblemError => conflict('team-bestaat', 'Er is al een team met deze naam in deze gemeente.');
/** Members that do not work for the gemeente, by their place in the list sent (`gebruikers.<n>`). */
export const onbekendeLeden = (plaatsen: number[]): ProblemError =>
  badRequest(plaatsen.map((n) => ({ name: `gebruikers.${n}`, code: 'onbekende-medewerker', reason: 'Deze medewerker werkt niet voor deze gemeente.' })));
export const ikZonderMedewerker = (): ProblemError =>
  badRequest([{ name: 'query.lid', code: 'geen-medewerker', reason: "'ik' kan alleen een ingelogde medewerker zijn, geen API-token." }]);
