import { badRequest, conflict, notFound, ProblemError } from '../../http/problem.ts';

// Problems of page feedback, in plain Dutch.

export const gemeenteOnbekend = (): ProblemError => notFound('Deze gemeente bestaat niet in deze installatie.');
export const feedbackOnbekend = (): ProblemError => notFound('Deze reactie bestaat niet in deze gemeente.');
export const alAfgehandeld = (): ProblemError => conflict('al-afgehandeld', 'Deze reactie is al afgehandeld.');
export const teamsOnbekend = (fouten: { index: number; team: string }[]): ProblemError =>
  badRequest(fouten.map((f) => ({ name: `routes.${f.index}.team`, code: 'onbekend-team', reason: 'Dit team bestaat niet in deze gemeente.' })));

/** The fields of a posted remark that are not right (all at once). */
export const feedbackOngeldig = (fouten: { name: string; code: string; reason: string }[]): ProblemError =>
  badRequest(fouten, 'De reactie is niet opgeslagen: een of meer velden kloppen niet.');

/** A browser on another website than the gemeente's tried to post (CORS: only the website's own origins). */
export const herkomstNietToegestaan = (): ProblemError =>
  new ProblemError(403, 'herkomst-niet-toegestaan', 'Niet toegestaan', { detail: 'Reacties op pagina’s komen alleen van de website van de gemeente.' });
