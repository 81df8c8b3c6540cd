import { badRequest, conflict, notFound, ProblemError, type InvalidParam } from '../../http/problem.ts';

export const contactverzoekNietGevonden = (): ProblemError => notFound('Dit contactverzoek bestaat niet in deze gemeente.');
export const ongeldigContactverzoek = (fouten: InvalidParam[]): ProblemError => badRequest(fouten);
export const onbekendTeam = (): InvalidParam => ({ name: 'team', code: 'onbekend-team', reason: 'Dit team bestaat niet in deze gemeente.' });
export const onbekendeMedewerker = (): InvalidParam => ({ name: 'medewerker', code: 'onbekende-medewerker', reason: 'Deze medewerker werkt niet (meer) voor deze gemeente.' });
export const onbekendKlantcontact = (): InvalidParam => ({ name: 'klantcontact', code: 'onbekend-klantcontact', reason: 'Dit klantcontact bestaat niet in deze gemeente.' });
export const geenEmailVoorBevestiging = (): InvalidParam => ({
  name: 'bevestiging',
  code: 'geen-email',
  reason: 'Een bevestiging gaat per e-mail: vul het e-mailadres van de inwoner in, of zet bevestiging uit.',
});
export const nietVoorU = (): ProblemError =>
  new ProblemError(403, 'geen-toegang', 'Geen toegang', { detail: 'Dit contactverzoek is niet voor u of uw team. Alleen het team, de genoemde medewerker of een beheerder handelt het af.' });
export const statusIsVeranderd = (status: string): ProblemError =>
  conflict('status-veranderd', `Dit kan niet bij een contactverzoek met de status ${status}. Laad het verzoek opnieuw.`);
export const nogGeenPoging = (): ProblemError =>
  badRequest([{ name: 'status', code: 'geen-poging', reason: 'Niet bereikt kan pas na minstens één poging om de inwoner te bereiken.' }]);
