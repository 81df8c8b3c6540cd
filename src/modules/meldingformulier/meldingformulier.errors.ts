/** The concept was gone when the melding was sent: sent already, followed instead, or expired (ADR 0100). */
export class ConceptWeg extends Error {
  constructor() {
    super('Dit concept bestaat niet meer: al verstuurd, gevolgd of verlopen.');
    this.name = 'ConceptWeg';
  }
}
