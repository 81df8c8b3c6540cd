import type { z } from 'zod';
import { badRequest, conflict, notFound, type ProblemError } from '../../http/problem.ts';

/** Problems of the P&C register, in plain Dutch. */
export const pcFouten = {
  gemeenteOnbekend: (code: string): ProblemError => notFound(`Gemeente ${code} bestaat niet in deze installatie.`),
  versieOnbekend: (): ProblemError => notFound('Deze versie bestaat niet in deze gemeente.'),
  documentOnbekend: (): ProblemError => notFound('Dit document bestaat niet in deze gemeente.'),
  programmaOnbekend: (): ProblemError => notFound('Dit programma staat niet in deze versie.'),
  onderdeelOnbekend: (wat: string): ProblemError => notFound(`Deze ${wat} staat niet in dit programma.`),
  vastgesteld: (): ProblemError =>
    conflict(
      'versie-vastgesteld',
      'Deze versie is vastgesteld door de raad en verandert niet meer. Maak een nieuwe versie (bijvoorbeeld een begrotingswijziging) en wijzig die.',
    ),
  statusovergang: (van: string, naar: string): ProblemError =>
    conflict('statusovergang', `Een versie met status ${van} kan niet naar status ${naar}. Volgorde: concept → aangeboden → vastgesteld.`),
  ongeldig: (veld: string, reden: string, code = 'ongeldig'): ProblemError => badRequest([{ name: veld, code, reason: reden }]),
};

/** A Zod failure as a 400 with every problem at once, paths prefixed (e.g. "hoofdstuk.indicatoren.2.naam"). */
export function zodProbleem(error: z.ZodError, prefix = ''): ProblemError {
  return badRequest(
    error.issues.map((issue) => ({
      name: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'body',
      code: issue.code,
      reason: issue.message,
    })),
    'Het hoofdstuk klopt niet.',
  );
}

/** The database refused to change a vastgesteld version (trigger, SQLSTATE LK409). */
export function isVastgesteldFout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'LK409';
}
