import { z } from 'zod';
import { rolSchema } from '../auth/auth.schemas.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { schoneNaam } from '../../tekst.ts';

const naam = z.string().overwrite(schoneNaam).min(1, 'Vul een naam in.').max(200, 'Deze naam is te lang (hoogstens 200 tekens).');
const uniekeRollen = z.array(rolSchema).refine((r) => new Set(r).size === r.length, 'Kies elke rol maar één keer.');
const rollen = uniekeRollen.refine((r) => r.length > 0, 'Kies minstens één rol.');

export const gebruikerSchema = z
  .object({
    id: z.uuid(),
    naam: z.string(),
    email: z.string(),
    actief: z.boolean(),
    mfaIngesteld: z.boolean().describe('Heeft de medewerker de tweede stap (TOTP) ingesteld'),
    rollen: z.array(rolSchema).describe('Rollen in deze gemeente'),
    teams: z.array(z.object({ id: z.uuid(), naam: z.string() })),
    versie: z.number().int(),
  })
  .meta({ id: 'Gebruiker' });

export const nieuweGebruikerBody = z
  .strictObject({
    naam,
    email: z.email('Vul een geldig e-mailadres in, bijvoorbeeld naam@diemen.nl.').max(254, 'Dit e-mailadres is te lang.'),
    wachtwoord: z.string().describe('Tijdelijk wachtwoord: minstens 12 tekens, geen veelgebruikt wachtwoord'),
    rollen,
  })
  .meta({ id: 'NieuweGebruiker' });

export const gebruikerWijzigingBody = z
  .strictObject({ naam: naam.optional(), actief: z.boolean().optional() })
  .refine((b) => b.naam !== undefined || b.actief !== undefined, 'Geef minstens naam of actief op.')
  .meta({ id: 'GebruikerWijziging' });

export const rollenBody = z
  .strictObject({ rollen: uniekeRollen.describe('Leeg: de medewerker werkt niet meer voor deze gemeente (het account blijft bestaan)') })
  .meta({ id: 'GebruikerRollen' });

export const gebruikerParams = z.strictObject({ gemeente: gemeenteCode, id: z.uuid('Dit is geen geldige id.') });

export const zoekQuery = z.string().trim().max(100, 'Zoek met hoogstens 100 tekens.').optional();
