import { badRequest, notFound, ProblemError, type InvalidParam } from '../../http/problem.ts';

export const klantcontactNietGevonden = (): ProblemError => notFound('Dit klantcontact bestaat niet in deze gemeente.');
export const onbekendeZaak = (i: number): InvalidParam => ({ name: `zaken.${i}`, code: 'onbekende-zaak', reason: 'Deze zaak bestaat niet in deze gemeente, of u mag haar niet zien.' });
export const opInDeToekomst = (): InvalidParam => ({ name: 'op', code: 'in-de-toekomst', reason: 'Een contact kan niet in de toekomst liggen.' });
export const ongeldigContact = (fouten: InvalidParam[]): ProblemError => badRequest(fouten);
/** A problem of the zaak registered from the contact (the zaken service's 400), its fields under `zaak.`. */
export const ongeldigeZaak = (fouten: InvalidParam[]): ProblemError => badRequest(fouten.map((f) => ({ ...f, name: `zaak.${f.name}` })));
export const geenRechtOpZaken = (): ProblemError =>
  new ProblemError(403, 'geen-toegang', 'Geen toegang', { detail: 'U mag geen zaken registreren of koppelen. Registreer het contact zonder zaak.' });
