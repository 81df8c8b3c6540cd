/** The text given to the importer is not a programme chapter in the known layout, or breaks it. */
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
