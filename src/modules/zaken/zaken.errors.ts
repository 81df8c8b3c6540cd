import { badRequest, conflict, notFound, ProblemError } from '../../http/problem.ts';

export const zaakNietGevonden = () => notFound('Deze zaak bestaat niet in deze gemeente, of u mag hem niet zien.');
export const zaakAfgesloten = () => conflict('zaak-afgesloten', 'Deze zaak is al afgesloten. Er kan niets meer aan veranderen.');
/** Only a closed zaak can be reopened (ADR 0074). */
export const zaakNietAfgeslotenVoorHeropenen = () => conflict('zaak-open', 'Deze zaak is niet afgesloten: er is niets te heropenen.');
export const statusNietOpVolgorde = (huidig: number) =>
  conflict('status-niet-op-volgorde', `Een status kan alleen vooruit: kies een status met een hoger volgnummer dan de huidige (${huidig}).`);
export const eindstatusViaAfsluiting = () =>
  conflict('eindstatus-via-afsluiting', 'De eindstatus zet u door de zaak af te sluiten met een resultaat.');
export const alOpgeschort = () => conflict('al-opgeschort', 'Deze zaak is al opgeschort. Beëindig eerst de opschorting.');
export const nietOpgeschort = () => conflict('niet-opgeschort', 'Deze zaak is niet opgeschort.');
export const ongeldig = (name: string, code: string, reason: string) => badRequest([{ name, code, reason }]);
export const geenRecht = (detail: string) => new ProblemError(403, 'geen-toegang', 'Geen toegang', { detail });
export const geenEmail = () =>
  conflict('geen-email', 'Van deze inwoner hebben we geen e-mailadres. Neem op een andere manier contact op, en leg dat vast in een notitie.');
