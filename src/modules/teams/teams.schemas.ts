import { z } from 'zod';
import { emailadres, telefoonnummer } from '../../http/contactvelden.ts';
import { paginaQuery } from '../../http/pagination.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { schoneNaam } from '../../tekst.ts';

const naam = z.string().overwrite(schoneNaam).min(1, 'Vul een naam in.').max(100, 'Deze naam is te lang (hoogstens 100 tekens).');
const omschrijving = z.string().trim().max(1000, 'Deze omschrijving is te lang (hoogstens 1000 tekens).');
/** How residents reach the team (shown on the tracking page); '' removes it. */
const telefoon = z.union([z.literal(''), telefoonnummer]).describe("Telefoonnummer voor inwoners; '' haalt het weg");
const email = z.union([z.literal(''), emailadres]).describe("E-mailadres voor inwoners; '' haalt het weg");

export const teamSchema = z
  .object({
    id: z.uuid(),
    naam: z.string(),
    omschrijving: z.string(),
    telefoon: z.string().describe("Voor inwoners; '' als het niet is opgegeven"),
    email: z.string().describe("Voor inwoners; '' als het niet is opgegeven"),
    leden: z.array(z.object({ id: z.uuid(), naam: z.string() })),
    versie: z.number().int(),
  })
  .meta({ id: 'Team' });

export const nieuwTeamBody = z.strictObject({ naam, omschrijving: omschrijving.optional(), telefoon: telefoon.optional(), email: email.optional() }).meta({ id: 'NieuwTeam' });
export const teamWijzigingBody = z
  .strictObject({ naam: naam.optional(), omschrijving: omschrijving.optional(), telefoon: telefoon.optional(), email: email.optional() })
  .refine((b) => Object.values(b).some((w) => w !== undefined), 'Geef minstens naam, omschrijving, telefoon of e-mail op.')
  .meta({ id: 'TeamWijziging' });
export const ledenBody = z.strictObject({ gebruikers: z.array(z.uuid('Dit is geen geldige id.')).max(500, 'Hoogstens 500 leden.') }).meta({ id: 'TeamLeden' });
export const teamParams = z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen geldige id.') });
export const teamsQuery = paginaQuery
  .extend({ lid: z.union([z.literal('ik'), z.uuid('Dit is geen geldige id.')]).optional().describe("Alleen de teams van deze medewerker; 'ik': de ingelogde medewerker") })
  .strict();
