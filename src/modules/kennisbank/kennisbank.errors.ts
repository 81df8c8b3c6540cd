import { badRequest, conflict, notFound, ProblemError, type InvalidParam } from '../../http/problem.ts';

export const artikelNietGevonden = (): ProblemError => notFound('Dit kennisartikel bestaat niet in deze gemeente.');
export const meldingNietGevonden = (): ProblemError => notFound('Deze melding bestaat niet in deze gemeente, of u mag haar niet zien.');
export const ongeldigeInvoer = (fouten: InvalidParam[]): ProblemError => badRequest(fouten);
export const onbekendTeam = (veld = 'team'): InvalidParam => ({ name: veld, code: 'onbekend-team', reason: 'Dit team bestaat niet in deze gemeente.' });
export const nietUwTeam = (veld = 'team'): InvalidParam => ({ name: veld, code: 'niet-uw-team', reason: 'U kunt alleen artikelen van uw eigen teams schrijven.' });
export const geenEigenaar = (): ProblemError =>
  new ProblemError(403, 'geen-toegang', 'Geen toegang', { detail: 'Alleen het team dat eigenaar is van dit artikel (of een beheerder) past het aan of handelt meldingen af.' });
export const meldingAlAfgehandeld = (): ProblemError => conflict('melding-afgehandeld', 'Deze melding is al afgehandeld.');
export const onbekendeVersie = (): InvalidParam => ({
  name: 'gecorrigeerdInVersie',
  code: 'onbekende-versie',
  reason: 'Deze versie van het artikel bestaat niet, of is ouder dan de versie waarover gemeld is.',
});
