import { badRequest, conflict, notFound, ProblemError, type InvalidParam } from '../../http/problem.ts';

export const medewerkerOnbekend = (): ProblemError => notFound('Deze medewerker bestaat niet, of werkt niet voor deze gemeente.');
/** The password breaks the password rules (wachtwoord.ts): every broken rule at once. */
export const wachtwoordOngeldig = (fouten: InvalidParam[]): ProblemError => badRequest(fouten);
export const emailBestaat = (): ProblemError =>
  conflict('email-bestaat', 'Deze medewerker werkt al voor deze gemeente. Wijzig de rollen bij die medewerker.');
export const accountVanMeerGemeenten = (): ProblemError =>
  new ProblemError(403, 'account-van-meer-gemeenten', 'Geen toegang', {
    detail: 'Deze medewerker werkt ook voor een gemeente waar u geen beheerder bent. Vraag een beheerder van die gemeente of van de hele organisatie.',
  });
