import { z } from 'zod';
import { KOLOMMEN, MAX_TEKST, type Kolom } from './kcc.gesprekken.csv.ts';

const kolomnaam = (kolom: Kolom) =>
  z
    .string()
    .trim()
    .min(1, 'Een kolomnaam is niet leeg.')
    .max(MAX_TEKST, `Een kolomnaam is hoogstens ${MAX_TEKST} tekens.`)
    .optional()
    .describe(`De naam van de kolom ${kolom} in de kop van het bestand, als die anders heet (zoals in het mappingbestand).`);

export const importQuery = z.strictObject({
  strikt: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Eén foute regel weigert het hele bestand: er wordt dan niets opgeslagen (400).'),
  ...(Object.fromEntries(KOLOMMEN.map((k) => [k, kolomnaam(k)])) as Record<Kolom, ReturnType<typeof kolomnaam>>),
});

export const importUitkomstSchema = z
  .strictObject({
    gelezen: z.number().int().describe('Gelezen regels na de kop'),
    nieuw: z.number().int().describe('Nu opgeslagen gesprekken'),
    alBekend: z.number().int().describe('Gesprekken die er al waren (zelfde gesprek_id), of die het bestand herhaalt: niet nog eens opgeslagen'),
    fouten: z
      .array(z.strictObject({ regel: z.number().int().describe('Regelnummer in het bestand (de kop is regel 1)'), reden: z.string() }))
      .describe('Regels die niet zijn ingelezen, met de reden'),
  })
  .meta({ id: 'GesprekkenImport' });
