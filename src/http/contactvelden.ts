import { z } from 'zod';

/**
 * The contact fields every API takes the same way (a resident's, a caller's, a team's): one
 * definition, so a number or address accepted in one place is accepted everywhere.
 */
/** A telephone number as residents write it: digits, spaces, brackets and dashes, an optional leading +. */
export const TELEFOONNUMMER = /^\+?[0-9 ()-]{6,20}$/;
export const telefoonnummer = z.string().trim().regex(TELEFOONNUMMER, 'Dit is geen geldig telefoonnummer.');
export const emailadres = z.email('Dit is geen geldig e-mailadres.').max(254, 'Hoogstens 254 tekens.');
