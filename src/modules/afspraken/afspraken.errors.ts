import { badRequest, conflict, notFound, type ProblemError } from '../../http/problem.ts';

export const gemeenteOnbekend = (): ProblemError => notFound('Deze gemeente bestaat niet in deze installatie.');
export const afspraakOnbekend = (): ProblemError => notFound('Deze afspraak bestaat niet. Misschien is de link niet helemaal overgenomen.');

export const productOnbekend = (veld = 'product'): ProblemError =>
  badRequest([{ name: veld, code: 'onbekend-product', reason: 'Dit product bestaat niet in deze gemeente.' }]);
export const productNietTeBoeken = (veld = 'product'): ProblemError =>
  badRequest([{ name: veld, code: 'geen-afspraak', reason: 'Voor dit product kunt u geen afspraak maken.' }]);
export const periodeOngeldig = (reden: string): ProblemError => badRequest([{ name: 'tot', code: 'ongeldige-periode', reason: reden }]);

/** One or more problems with the chosen time or official, answered together. */
export const ongeldigeKeuze = (problemen: { name: string; code: string; reason: string }[]): ProblemError => badRequest(problemen);

export const IN_VERLEDEN = { code: 'in-verleden', reason: 'Deze tijd is al voorbij. Kies een tijd in de toekomst.' } as const;
export const TE_VER_VOORUIT = { code: 'te-ver-vooruit', reason: 'U kunt hoogstens een jaar vooruit een afspraak maken.' } as const;
export const GESLOTEN = { code: 'buiten-openingstijden', reason: 'Op dit moment is de balie niet open. Kies een tijd uit de beschikbare tijden.' } as const;
export const NIET_OP_ROOSTER = { code: 'niet-op-rooster', reason: 'Op deze tijd begint geen afspraak. Kies een tijd uit de beschikbare tijden.' } as const;
export const AMBTENAAR_NODIG = { code: 'ambtenaar-nodig', reason: 'Kies een trouwambtenaar of BABS.' } as const;
export const AMBTENAAR_ONBEKEND = { code: 'onbekende-ambtenaar', reason: 'Deze ambtenaar bestaat niet, of werkt niet op deze dag.' } as const;
export const GEEN_AMBTENAAR = { code: 'geen-ambtenaar', reason: 'Bij dit product kiest u geen ambtenaar.' } as const;

export const teVeelAfspraken = (max: number): ProblemError =>
  badRequest([{ name: 'email', code: 'te-veel-afspraken', reason: `Met dit e-mailadres staan al ${max} afspraken open. Zeg eerst een afspraak af, of kom naar de afspraken die u al heeft.` }]);

export const tijdBezet = (): ProblemError => conflict('tijd-bezet', 'Deze tijd is net door iemand anders gekozen. Kies een andere tijd.');
export const ambtenaarBezet = (): ProblemError => conflict('ambtenaar-bezet', 'Deze ambtenaar is op deze tijd net door iemand anders gekozen. Kies een andere ambtenaar of tijd.');
export const alGemaakt = (): ProblemError => conflict('al-gemaakt', 'Deze afspraak is al gemaakt. In de e-mail die wij stuurden staat de link om hem te bekijken.');
export const nietMeerTeWijzigen = (): ProblemError => conflict('afspraak-voorbij', 'Deze afspraak is al geweest of afgezegd. U kunt hem niet meer wijzigen.');
export const ongeldigeStatus = (van: string, naar: string): ProblemError =>
  conflict('ongeldige-status', `Een afspraak met status ${van} kan niet naar ${naar}.`);

// The set-up by beheerders (ADR 0085).
export const locatieOnbekend = (): ProblemError => notFound('Deze locatie bestaat niet in deze gemeente.');
export const balieOnbekend = (): ProblemError => notFound('Deze balie bestaat niet op deze locatie.');
export const sluitingOnbekend = (): ProblemError => notFound('Deze sluiting bestaat niet op deze locatie.');
/** A change would leave planned appointments without a desk or outside the hours: refused (ADR 0085). */
export const afsprakenGepland = (aantal: number, eerste: string): ProblemError =>
  conflict(
    'afspraken-gepland',
    `${aantal === 1 ? 'Er staat nog 1 afspraak' : `Er staan nog ${aantal} afspraken`} die door deze wijziging niet meer past${aantal === 1 ? ` (op ${eerste})` : `en (de eerste op ${eerste})`}. Verzet of annuleer ${aantal === 1 ? 'die' : 'die afspraken'} eerst, of kies een andere datum.`,
  );
