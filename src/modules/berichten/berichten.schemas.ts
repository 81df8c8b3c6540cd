import { z } from 'zod';
import { paginaSchema } from '../../http/pagination.ts';
import { gemeenteParams } from '../gemeenten/gemeenten.schemas.ts';

export const berichtSchema = z
  .object({
    id: z.uuid(),
    aan: z.string().describe('E-mailadres van de ontvanger'),
    onderwerp: z.string(),
    tekst: z.string().describe('De tekst van het bericht (zonder opmaak)'),
    status: z
      .enum(['wachtend', 'verzonden', 'mislukt', 'niet-verzonden'])
      .describe('wachtend: nog te verzenden; verzonden; mislukt: na alle pogingen niet gelukt; niet-verzonden: deze installatie verstuurt geen e-mail (demo)'),
    pogingen: z.number().int().describe('Hoe vaak het verzenden is geprobeerd'),
    laatsteFout: z.string().nullable().describe('Het antwoord van de mailserver bij de laatste mislukte poging'),
    aangemaaktOp: z.iso.datetime(),
    verzondenOp: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Bericht', description: 'Een uitgaand e-mailbericht. Elk bericht wordt bewaard.' });

export const berichtenPaginaSchema = paginaSchema(berichtSchema, 'BerichtenPagina');

export const berichtParams = gemeenteParams.extend({ id: z.uuid('Een bericht-id is een UUID.') });
