import { z } from 'zod';
import { schoneNaam } from '../../tekst.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';
import { productCode } from '../producten/producten.schemas.ts';

const id = z.uuid('Dit is geen geldige id.');
const datum = z.iso.date('Geen geldige datum (JJJJ-MM-DD).');
const tijd = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Vul een tijd in als UU:MM, bijvoorbeeld 09:00.');
const naam = z.string().trim().min(1, 'Vul een naam in.').max(200, 'Hoogstens 200 tekens.').overwrite(schoneNaam);

export const locatieParams = z.strictObject({ gemeente: gemeenteCode, id });
export const balieParams = z.strictObject({ gemeente: gemeenteCode, id, balie: id });
export const sluitingParams = z.strictObject({ gemeente: gemeenteCode, id, sluiting: id });

const openingstijdSchema = z
  .strictObject({
    weekdag: z.number('Kies een dag.').int('Kies een dag van 1 (maandag) tot 7 (zondag).').min(1, 'Kies een dag van 1 (maandag) tot 7 (zondag).').max(7, 'Kies een dag van 1 (maandag) tot 7 (zondag).'),
    van: tijd.describe('Begin, plaatselijke tijd (UU:MM)'),
    tot: tijd.describe('Eind, plaatselijke tijd (UU:MM), na het begin'),
  })
  .meta({ id: 'Openingstijd' });

export const locatieInvoer = z
  .strictObject({
    naam,
    adres: z.string().trim().min(1, 'Vul een adres in.').max(300, 'Hoogstens 300 tekens.').overwrite(schoneNaam),
    openingstijden: z.array(openingstijdSchema).max(70, 'Hoogstens 70 blokken openingstijd.').describe('Per weekdag (1 = maandag) de blokken waarin de locatie open is; tijden op één dag overlappen niet'),
  })
  .meta({ id: 'AfspraakLocatieInvoer' });
export type LocatieInvoer = z.output<typeof locatieInvoer>;

export const balieInvoer = z
  .strictObject({
    naam,
    producten: z.array(productCode).max(100, 'Hoogstens 100 producten.').describe('De producten waarvoor inwoners aan deze balie een afspraak maken (de duur staat bij het product)'),
    actief: z.boolean('Kies ja of nee.').default(true).describe('Een balie die niet actief is, biedt geen tijden aan'),
  })
  .meta({ id: 'AfspraakBalieInvoer' });
export type BalieInvoer = z.output<typeof balieInvoer>;

export const sluitingInvoer = z
  .strictObject({
    van: datum.describe('De eerste gesloten dag'),
    tot: datum.describe('De laatste gesloten dag (dezelfde als van voor één dag)'),
    balie: id.optional().describe('Alleen deze balie; zonder: de hele locatie'),
    reden: z.string().trim().min(1, 'Vul een reden in.').max(200, 'Hoogstens 200 tekens.').overwrite(schoneNaam),
  })
  .meta({ id: 'AfspraakSluitingInvoer' });
export type SluitingInvoer = z.output<typeof sluitingInvoer>;

const balieSchema = z
  .object({ id: z.string(), locatieId: z.string(), naam: z.string(), actief: z.boolean(), producten: z.array(z.string()) })
  .meta({ id: 'AfspraakBalie' });

const sluitingSchema = z
  .object({ id: z.string(), locatieId: z.string(), balieId: z.string().nullable(), van: z.string(), tot: z.string(), reden: z.string() })
  .meta({ id: 'AfspraakSluiting' });

const openingstijdUit = z.object({ weekdag: z.number().int(), van: z.string(), tot: z.string() });
const locatieVelden = { id: z.string(), naam: z.string(), adres: z.string(), openingstijden: z.array(openingstijdUit).describe('Per weekdag (1 = maandag), op volgorde') };

export const locatieSchema = z.object(locatieVelden).meta({ id: 'AfspraakLocatie' });
export const locatieDetailSchema = z.object({ ...locatieVelden, balies: z.array(balieSchema), sluitingen: z.array(sluitingSchema) }).meta({ id: 'AfspraakLocatieDetail' });
export const locatiesSchema = z.object({ items: z.array(locatieSchema) }).meta({ id: 'AfspraakLocaties' });
export { balieSchema, sluitingSchema };
