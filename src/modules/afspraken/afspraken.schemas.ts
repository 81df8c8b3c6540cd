import { z } from 'zod';
import { TELEFOONNUMMER } from '../../http/contactvelden.ts';
import { TALEN } from '../../i18n/i18n.ts';
import { schoneNaam } from '../../tekst.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { productCode } from '../producten/producten.schemas.ts';

const datum = z.iso.date('Geen geldige datum (JJJJ-MM-DD).');
const moment = z.iso.datetime({ offset: true, error: 'Geen geldig tijdstip (ISO 8601, bijvoorbeeld 2026-03-30T08:00:00Z).' });

export const beschikbaarheidQuery = z.strictObject({
  product: productCode.describe('De code van het product'),
  van: datum.describe('De eerste dag (JJJJ-MM-DD, tijd in Nederland)'),
  tot: datum.describe('De laatste dag (JJJJ-MM-DD), hoogstens 6 weken na van'),
});

const ambtenaarSchema = z.object({ id: z.string(), naam: z.string() }).meta({ id: 'Ambtenaar' });

export const tijdvakSchema = z
  .object({
    start: z.string().describe('Begin (ISO 8601, UTC)'),
    eind: z.string().describe('Eind (ISO 8601, UTC)'),
    vrij: z.number().int().describe('Hoeveel plaatsen er nog vrij zijn'),
    locatie: z.string().describe('Id van de locatie'),
    ambtenaren: z.array(ambtenaarSchema).optional().describe('Alleen bij een plechtigheid: de ambtenaren die dan vrij zijn'),
  })
  .meta({ id: 'Tijdvak' });

export const beschikbaarheidSchema = z.array(tijdvakSchema).meta({ id: 'Beschikbaarheid' });

export const afspraakInvoer = z
  .strictObject({
    product: productCode,
    start: moment,
    naam: z.string().trim().min(1, 'Vul uw naam in.').max(200, 'Hoogstens 200 tekens.').overwrite(schoneNaam),
    email: z.email('Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.').max(254, 'Hoogstens 254 tekens.'),
    telefoon: z
      .string()
      .trim()
      .regex(TELEFOONNUMMER, 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.')
      .optional(),
    ambtenaar: z.uuid('Dit is geen geldige id.').optional().describe('Alleen bij een plechtigheid: de gekozen ambtenaar'),
    locatie: z.uuid('Dit is geen geldige id.').optional().describe('De locatie, als het product op meer plaatsen kan'),
    taal: z.enum(TALEN).default('nl').describe('De taal van de mails'),
  })
  .meta({ id: 'AfspraakInvoer' });
export type AfspraakInvoer = z.output<typeof afspraakInvoer>;

export const verzetInvoer = z
  .strictObject({
    start: moment,
    ambtenaar: z.uuid('Dit is geen geldige id.').optional(),
    locatie: z.uuid('Dit is geen geldige id.').optional(),
  })
  .meta({ id: 'AfspraakVerzetten' });

export const afspraakSchema = z
  .object({
    id: z.string(),
    product: z.string(),
    productNaam: z.string(),
    start: z.string(),
    eind: z.string(),
    status: z.enum(['gepland', 'geannuleerd', 'ingecheckt', 'geholpen', 'niet-verschenen']),
    locatie: z.object({ naam: z.string(), adres: z.string() }),
    balie: z.string(),
    ambtenaar: ambtenaarSchema.nullable(),
    naam: z.string().nullable(),
    email: z.string().nullable(),
    telefoon: z.string().nullable(),
    taal: z.enum(TALEN),
    beheerUrl: z.string().optional().describe('Alleen direct na het maken: de geheime link om te verzetten of af te zeggen'),
  })
  .meta({ id: 'Afspraak' });

export const afspraakTokenParams = z.strictObject({
  gemeente: gemeenteCode,
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Deze link klopt niet.'),
});
