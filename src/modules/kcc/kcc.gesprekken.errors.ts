import { badRequest, notFound, ProblemError } from '../../http/problem.ts';

// Problems of the call-record import, in plain Dutch.

/**
 * The file as a whole cannot be read: no UTF-8, or a header that does not name the columns.
 * Not an HTTP problem: the CSV reader (kcc.gesprekken.csv.ts) throws it, for the API and the CLI
 * alike; the API answers `bestandGeweigerd`, `loket kcc gesprekken import` prints it as the one
 * line in `fouten` and exits with 2. `regel` is the line it is about (1: the header).
 */
export class GesprekkenBestandFout extends Error {
  readonly regel: number;
  readonly reden: string;
  constructor(regel: number, reden: string) {
    super(`regel ${regel}: ${reden}`);
    this.regel = regel;
    this.reden = reden;
  }
}

export const gemeenteOnbekend = (code: string): ProblemError => notFound(`Gemeente ${code} bestaat niet in deze installatie.`);

/** The file was refused as a whole (the header, or `strikt` with bad lines): nothing is stored. */
export const bestandGeweigerd = (gelezen: number, fouten: readonly { regel: number; reden: string }[]): ProblemError => {
  const probleem = badRequest(
    fouten.map((f) => ({ name: `regel.${f.regel}`, code: f.regel === 1 && gelezen === 0 ? 'ongeldige-kop' : 'ongeldige-regel', reason: f.reden })),
    gelezen === 0 && fouten[0]?.regel === 1
      ? 'De kop van het bestand klopt niet. Er is niets opgeslagen.'
      : `${fouten.length} van de ${gelezen} regels ${fouten.length === 1 ? 'klopt' : 'kloppen'} niet. Met strikt wordt dan het hele bestand geweigerd: er is niets opgeslagen.`,
  );
  return new ProblemError(probleem.status, 'gesprekken-geweigerd', 'Bestand geweigerd', {
    detail: probleem.detail ?? '',
    invalidParams: probleem.invalidParams ?? [],
    extra: { gelezen },
  });
};

/** The request body is CSV in another character set than UTF-8. */
export const geenUtf8Csv = (): ProblemError =>
  new ProblemError(415, 'mediatype-niet-ondersteund', 'Soort inhoud niet ondersteund', { detail: 'Stuur de gesprekken als text/csv in UTF-8 (charset=utf-8).' });

/** The mapping of column names does not fit its schema. */
export const mappingOngeldig = (fouten: { name: string; reason: string }[]): ProblemError =>
  badRequest(fouten.map((f) => ({ name: f.name, code: 'ongeldige-mapping', reason: f.reason })), 'De koppeling van kolomnamen klopt niet.');
