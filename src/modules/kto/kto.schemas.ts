import { z } from 'zod';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { KTO_VORMEN } from './kto.regels.ts';

const zaaktype = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Een zaaktypecode is kort, met kleine letters, cijfers en streepjes, bijvoorbeeld e-mailvraag.');

export const ktoInstellingInvoer = z
  .strictObject({
    actief: z.boolean().describe('Krijgen inwoners na het afsluiten van een zaak van dit zaaktype de vraag?'),
    vorm: z.enum(KTO_VORMEN).describe('score-5 (1–5), score-10 (rapportcijfer 1–10) of ja-nee (tevreden ja/nee)'),
    steekproef: z.int().min(0).max(100).describe('Percentage van de afgesloten zaken dat de vraag krijgt (0–100)'),
  })
  .meta({ id: 'KtoInstellingInvoer' });

export const ktoInstellingSchema = ktoInstellingInvoer.extend({ zaaktype }).meta({ id: 'KtoInstelling' });
export const ktoInstellingenSchema = z.strictObject({ items: z.array(ktoInstellingSchema) }).meta({ id: 'KtoInstellingen' });
export const ktoInstellingParams = z.strictObject({ gemeente: gemeenteCode, zaaktype });
