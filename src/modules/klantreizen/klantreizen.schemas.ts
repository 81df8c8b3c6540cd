import { z } from 'zod';

export const klantreisQuery = z.strictObject({
  email: z.email({ error: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.' }).max(320, 'Een e-mailadres is hoogstens 320 tekens.').describe('Het e-mailadres van de inwoner'),
});

const stapSchema = z.object({
  op: z.string(),
  soort: z.enum(['contact', 'zaak-ontvangen', 'status', 'bericht', 'reactie', 'afgesloten']).describe('contact: met het KCC; zaak-ontvangen, status, afgesloten: de zaak; bericht: aan de inwoner; reactie: van de inwoner'),
  kanaal: z.string().nullable(),
  tekst: z.string(),
  contact: z.object({ id: z.uuid(), onderwerp: z.string(), uitkomst: z.string(), herhaal: z.boolean().describe('Een tweede contact over hetzelfde onderwerp binnen 7 dagen (herhaalcontact)') }).nullable(),
  zaak: z.object({ id: z.uuid(), identificatie: z.string(), zaaktype: z.string(), onderwerp: z.string() }).nullable(),
});

export const klantreisSchema = z
  .object({
    email: z.string(),
    samenvatting: z.object({
      contacten: z.number().int(),
      herhaalcontacten: z.number().int(),
      zaken: z.number().int().describe('De zaken die de medewerker mag zien'),
      eersteAntwoordMediaanUren: z.number().nullable().describe('Mediaan van de tijd van registratie tot het eerste bericht aan de inwoner of de afsluiting, in uren'),
    }),
    stappen: z.array(stapSchema).describe('Oudste eerst'),
  })
  .meta({ id: 'Klantreis' });
