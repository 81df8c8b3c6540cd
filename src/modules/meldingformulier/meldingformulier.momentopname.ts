import type { FormulierTokens } from '../zaakvolgen/zaakvolgen.formulier.ts';
import type { ConceptGegevens } from './meldingformulier.repository.ts';

/** What the check page showed: the concept's answers and its number of photos. */
export interface Momentopname {
  gegevens: ConceptGegevens;
  aantalFotos: number;
}

/** What the token signs: the concept's key and the answers (the token adds the gemeente). */
const code = (sleutel: string, inhoud: string) => `melding-controle\n${sleutel}\n${inhoud}`;

/**
 * The check page's snapshot of a concept (ADR 0100): its answers in the page's form, signed with
 * the form secret (a `FormulierTokens` token over gemeente, concept key and the answers), so the
 * last step sends what the resident checked without reading the concept again. A snapshot fits
 * one concept of one gemeente and expires with the token; the send itself still fails when the
 * concept is gone (sent, followed, expired).
 */
export function momentopnamen(tokens: FormulierTokens) {
  return {
    maak(gemeente: string, sleutel: string, opname: Momentopname): string {
      const inhoud = Buffer.from(JSON.stringify(opname)).toString('base64url');
      return `${inhoud}.${tokens.maak(gemeente, code(sleutel, inhoud))}`;
    },
    /** The snapshot of a field, when it is this concept's, signed and not expired; else undefined. */
    lees(gemeente: string, sleutel: string, veld: string): Momentopname | undefined {
      const punt = veld.indexOf('.');
      if (punt < 1) return undefined;
      const inhoud = veld.slice(0, punt);
      if (!tokens.klopt(gemeente, code(sleutel, inhoud), veld.slice(punt + 1))) return undefined;
      return JSON.parse(Buffer.from(inhoud, 'base64url').toString('utf8')) as Momentopname;
    },
  };
}

export type Momentopnamen = ReturnType<typeof momentopnamen>;
