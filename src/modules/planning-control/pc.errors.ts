import type { z } from 'zod';
import { badRequest, conflict, notFound, ProblemError } from '../../http/problem.ts';

// Problems of the P&C register, in plain Dutch.

export const gemeenteOnbekend = (code: string): ProblemError => notFound(`Gemeente ${code} bestaat niet in deze installatie.`);
export const versieOnbekend = (): ProblemError => notFound('Deze versie bestaat niet in deze gemeente.');
export const documentOnbekend = (): ProblemError => notFound('Dit document bestaat niet in deze gemeente.');
export const programmaOnbekend = (): ProblemError => notFound('Dit programma staat niet in deze versie.');
export const onderdeelOnbekend = (wat: string): ProblemError => notFound(`Deze ${wat} staat niet in dit programma.`);
export const versieVastgesteld = (): ProblemError =>
  conflict(
    'versie-vastgesteld',
    'Deze versie is vastgesteld door de raad en verandert niet meer. Maak een nieuwe versie (bijvoorbeeld een begrotingswijziging) en wijzig die.',
  );
export const versieNietConcept = (status: string): ProblemError =>
  conflict(
    'versie-niet-concept',
    `Een berekende waarde komt alleen in een conceptversie; deze versie is ${status}. Maak een nieuwe versie en neem de waarde daarin over.`,
  );
export const geenBerekening = (): ProblemError =>
  notFound('Deze waarde heeft geen berekening: koppel de indicator aan een KPI, en kies een realisatiekolom met een jaar.');
export const waardeNietBekend = (reden: string): ProblemError => conflict('waarde-niet-bekend', `Loket kan deze waarde niet berekenen: ${reden}`);
export const waardeVoorlopig = (tot: string): ProblemError =>
  conflict('periode-loopt-nog', `De periode loopt tot en met ${tot} en is nog niet voorbij: de waarde kan nog veranderen. Neem haar over als de periode voorbij is.`);
export const statusovergangOngeldig = (van: string, naar: string): ProblemError =>
  conflict('statusovergang', `Een versie met status ${van} kan niet naar status ${naar}. Volgorde: concept → aangeboden → vastgesteld.`);
export const ongeldig = (veld: string, reden: string, code = 'ongeldig'): ProblemError => badRequest([{ name: veld, code, reason: reden }]);

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

/**
 * The text given to the importer is not a programme chapter in the known layout, or breaks it.
 * Not an HTTP problem: the parser (pc.parser.ts) throws it, also for the CLI; the API turns it
 * into a 400 with `geenHoofdstuk`, `loket pc import` into one line on stderr.
 */
export class PcImportFout extends Error {
  /** The 1-based line number where the problem was found. */
  readonly regel: number;
  /** What is wrong, in Dutch, for the person importing the file. */
  readonly reden: string;

  constructor(regel: number, reden: string) {
    super(`regel ${regel}: ${reden}`);
    this.name = 'PcImportFout';
    this.regel = regel;
    this.reden = reden;
  }
}

/** A text that is not a chapter: a 400 naming the line, with `regel` and `reden` as extension members. */
export const geenHoofdstuk = (fout: PcImportFout): ProblemError =>
  new ProblemError(400, 'ongeldige-invoer', 'Ongeldige invoer', {
    detail: `De tekst is geen programmahoofdstuk dat Loket kan lezen (regel ${fout.regel}).`,
    invalidParams: [{ name: 'tekst', code: 'geen-hoofdstuk', reason: `Regel ${fout.regel}: ${fout.reden}` }],
    extra: { regel: fout.regel, reden: fout.reden },
  });
