import { conflict, notFound, ProblemError } from '../../http/problem.ts';

/** A message larger than the intake takes (LOKET_MAIL_INTAKE_MAX_BYTES); nothing is stored. */
export const mailTeGroot = (max: number): ProblemError =>
  new ProblemError(413, 'te-groot', 'E-mail te groot', { detail: `Een e-mail mag hoogstens ${Math.floor(max / (1024 * 1024))} MB zijn, met bijlagen. Er is niets opgeslagen.` });
export const leegBericht = (): ProblemError => new ProblemError(400, 'leeg-bericht', 'Leeg bericht', { detail: 'Dit bestand heeft geen e-mailkoppen (RFC 5322). Er is niets opgeslagen.' });
export const gemeenteOnbekend = (): ProblemError => notFound('Deze gemeente bestaat niet.');
export const geenEmailbericht = (): ProblemError =>
  conflict('geen-e-mail', 'Deze zaak kwam niet per e-mail binnen, of het e-mailadres van de afzender is gewist. Stuur een bericht aan de inwoner met de actie berichten.');
