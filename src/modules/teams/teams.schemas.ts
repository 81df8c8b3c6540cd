import { z } from 'zod';
import { paginaQuery } from '../../http/pagination.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { schoneNaam } from '../../tekst.ts';

const naam = z.string().overwrite(schoneNaam).min(1, 'Vul een naam in.').max(100, 'Deze naam is te lang (hoogstens 100 tekens).');
const omschrijving = z.string().trim().max(1000, 'Deze omschrijving is te lang (hoogstens 1000 tekens).');

export const teamSchema = z
  .object({
    id: z.uuid(),
    naam: z.string(),
    omschrijving: z.string(),
    leden: z.array(z.object({ id: z.uuid(), naam: z.string() })),
    versie: z.number().int(),
  })
  .meta({ id: 'Team' });

export const nieuwTeamBody = z.strictObject({ naam, omschrijving: omschrijving.optional() }).meta({ id: 'NieuwTeam' });
export const teamWijzigingBody = z
  .strictObject({ naam: naam.optional(), omschrijving: omschrijving.optional() })
  .refine((b) => b.naam !== undefined || b.omschrijving !== undefined, 'Geef minstens naam of omschrijving op.')
  .meta({ id: 'TeamWijziging' });
export const ledenBody = z.strictObject({ gebruikers: z.array(z.uuid('Dit is geen geldige id.')).max(500, 'Hoogstens 500 leden.') }).meta({ id: 'TeamLeden' });
export const teamParams = z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen geldige id.') });
export const teamsQuery = paginaQuery
  .extend({ lid: z.union([z.literal('ik'), z.uuid('Dit is geen geldige id.')]).optional().describe("Alleen de teams van deze medewerker; 'ik': de ingelogde medewerker") })
  .strict();
