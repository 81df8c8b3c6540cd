import { z } from 'zod';

export const gemeenteCode = z
  .string()
  .regex(/^GM[0-9]{4}$/, 'Een gemeentecode is GM met vier cijfers, bijvoorbeeld GM0384.')
  .describe('CBS-gemeentecode, bijvoorbeeld GM0384');

export const gemeenteSchema = z
  .object({
    code: gemeenteCode,
    naam: z.string(),
    slug: z.string().describe('Deel van het webadres van de inwonerpagina’s, bijvoorbeeld diemen'),
  })
  .meta({ id: 'Gemeente' });

export const gemeentenLijstSchema = z.object({ items: z.array(gemeenteSchema) }).meta({ id: 'GemeentenLijst' });

/** Path parameters of every per-gemeente route. */
export const gemeenteParams = z.strictObject({ gemeente: gemeenteCode });
