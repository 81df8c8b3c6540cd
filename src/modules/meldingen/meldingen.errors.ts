import { badRequest, conflict, notFound, type InvalidParam, type ProblemError } from '../../http/problem.ts';

export const categorieNietGevonden = (): ProblemError => notFound('Deze categorie bestaat niet in deze gemeente.');
export const categorieTeamOnbekend = (): ProblemError => badRequest([{ name: 'team', code: 'onbekend-team', reason: 'Dit team bestaat niet in deze gemeente.' }]);
export const categoriePartnerOnbekend = (): ProblemError => badRequest([{ name: 'partner', code: 'onbekende-partner', reason: 'Deze partner bestaat niet in deze gemeente.' }]);
export const hoofdcategorieOnbekend = (): ProblemError =>
  badRequest([{ name: 'hoofdcategorie', code: 'onbekende-hoofdcategorie', reason: 'Deze hoofdcategorie bestaat niet in deze gemeente.' }]);
export const categorieConceptBestaat = (): ProblemError =>
  conflict('concept-bestaat', 'Er is al een conceptversie van deze categorie. Publiceer die eerst.');
export const categorieAlGepubliceerd = (): ProblemError => conflict('categorie-gepubliceerd', 'Deze versie is al gepubliceerd.');

/** The melding could not be taken: every problem at once, each naming its field. */
export const ongeldigeMelding = (fouten: InvalidParam[]): ProblemError => badRequest(fouten);

/** Field problems of a melding (collected, then thrown at once with `ongeldigeMelding`). */
export const onbekendeCategorie = (): InvalidParam => ({ name: 'categorie', code: 'onbekende-categorie', reason: 'Deze categorie bestaat niet in deze gemeente.' });
export const geenLocatie = (): InvalidParam => ({ name: 'locatie', code: 'locatie-vereist', reason: 'Geef de plek: een coördinaat (lat en long) of een adres.' });
export const ongeldigeCoordinaat = (): InvalidParam => ({ name: 'locatie', code: 'ongeldige-locatie', reason: 'Geef lat en long allebei, als getallen in WGS84 (bijvoorbeeld lat 52.339, long 4.962).' });
export const buitenGemeente = (afstandM: number): InvalidParam => ({
  name: 'locatie',
  code: 'buiten-gemeente',
  reason: `Deze plek ligt niet in de gemeente (ongeveer ${afstandM} meter buiten de grens). Meld het bij de gemeente waar de plek ligt.`,
});
export const beschrijvingTeLang = (max: number): InvalidParam => ({ name: 'beschrijving', code: 'te-lang', reason: `De beschrijving is te lang (hoogstens ${max} tekens).` });
export const antwoordVereist = (code: string): InvalidParam => ({ name: `antwoorden.${code}`, code: 'antwoord-vereist', reason: 'Beantwoord deze vraag.' });
export const antwoordOngeldig = (code: string, reden: string): InvalidParam => ({ name: `antwoorden.${code}`, code: 'ongeldig-antwoord', reason: reden });

/** Staff and partners (ADR 0056). */
export const meldingNietGevonden = (): ProblemError => notFound('Deze melding bestaat niet in deze gemeente, of u mag hem niet zien.');
export const meldingAfgesloten = (): ProblemError => conflict('melding-afgesloten', 'Deze melding is al afgehandeld.');
export const geenPartner = (): ProblemError =>
  badRequest([{ name: 'partner', code: 'geen-partner', reason: 'Kies een partner: de categorie van deze melding heeft geen vaste partner.' }]);
/** A partner addressed by its id in the path (beheer): 404, as any resource that is not there. */
export const partnerNietGevonden = (): ProblemError => notFound('Deze partner bestaat niet in deze gemeente.');
export const partnerOnbekend = (): ProblemError => badRequest([{ name: 'partner', code: 'onbekende-partner', reason: 'Deze partner bestaat niet in deze gemeente.' }]);
export const partnerNaamBestaat = (): ProblemError => conflict('partner-bestaat', 'Er is al een partner met deze naam in deze gemeente.');
export const partnerLedenOngeldig = (fouten: InvalidParam[]): ProblemError => badRequest(fouten);
export const fotoOngeldig = (code: string, reden: string): ProblemError => badRequest([{ name: 'foto', code, reason: reden }]);
