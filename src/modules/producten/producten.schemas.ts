import { z } from 'zod';
import { TALEN } from '../../i18n/i18n.ts';
import { schoneNaam } from '../../tekst.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';

/** The themes products are grouped by on the public pages (their names are in src/i18n/<taal>/producten.json). */
export const THEMAS = ['reisdocumenten', 'rijbewijs', 'burgerlijke-stand', 'verhuizen-en-uittreksels', 'zorg-en-ondersteuning', 'parkeren', 'overig'] as const;
export type Thema = (typeof THEMAS)[number];

const tekst = (max: number, leeg = false) => {
  const basis = z.string().trim().max(max, `Hoogstens ${max} tekens.`);
  return leeg ? basis : basis.min(1, 'Vul dit in.');
};
const tweetalig = (max: number, leeg = false) => z.strictObject({ nl: tekst(max, leeg), en: tekst(max, leeg) });
const naam = z.strictObject({ nl: tekst(100).overwrite(schoneNaam), en: tekst(100).overwrite(schoneNaam) });

export const productCode = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Alleen kleine letters, cijfers en streepjes, bijvoorbeeld paspoort.')
  .max(60, 'Hoogstens 60 tekens.');

export const productParams = z.strictObject({ gemeente: gemeenteCode, code: productCode });

/** Runs a cross-field check whatever else is wrong: the fields it reads are read defensively. */
const altijd = (): boolean => true;

/** What a beheerder or webredacteur writes: texts in B1 Dutch and English. */
export const productInvoer = z
  .strictObject({
    code: productCode,
    naam,
    thema: z.enum(THEMAS),
    omschrijving: tweetalig(2000).describe('Wat het is, in B1-taal'),
    voorWie: tweetalig(1000).describe('Voor wie het is'),
    kosten: tweetalig(500).describe('Wat het kost, bijvoorbeeld "€ 84,40"; "Gratis" als het niets kost'),
    meenemen: tweetalig(1000, true).describe('Wat de inwoner meeneemt naar de balie'),
    hoeAanvragen: tweetalig(1000, true).describe('Hoe het aanvragen gaat, in stappen'),
    aanvragen: z.enum(['formulier', 'afspraak', 'beide']).describe('Online formulier, afspraak aan de balie, of allebei'),
    formulierUrl: z
      .union([z.url({ protocol: /^https?$/ }), z.string().regex(/^\/[a-z0-9-]+\/(en\/forms|formulieren)\/[a-z0-9]+(-[a-z0-9]+)*$/)], {
        error: 'Geen geldig webadres (http of https), en geen formulier van Loket zoals /diemen/formulieren/wmo-melding.',
      })
      .nullable()
      .default(null)
      .describe('Waar het online formulier begint: een webadres, of een formulier van Loket (/{slug}/formulieren/{code})'),
    zaaktype: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Dit is geen zaaktypecode.').nullable().default(null).describe('De code van het zaaktype erachter'),
    afspraakMinuten: z.int('Een heel aantal minuten.').min(5, 'Minstens 5 minuten.').max(240, 'Hoogstens 240 minuten.').nullable().default(null).describe('Hoe lang een afspraak duurt'),
    ambtenaarKiezen: z.boolean().default(false).describe('Een plechtigheid: de inwoner kiest een (trouw)ambtenaar, er is een ruimte nodig'),
    gepubliceerd: z.boolean().default(true),
  })
  // Checked also when other fields are wrong, so every problem is answered at once.
  .refine((p) => p.aanvragen === 'formulier' || p.afspraakMinuten !== null, { path: ['afspraakMinuten'], message: 'Vul in hoe lang een afspraak duurt.', when: altijd })
  .refine((p) => p.aanvragen !== 'formulier' || p.afspraakMinuten === null, { path: ['afspraakMinuten'], message: 'Alleen bij een afspraak aan de balie.', when: altijd })
  .refine((p) => !p.ambtenaarKiezen || p.aanvragen !== 'formulier', { path: ['ambtenaarKiezen'], message: 'Een ambtenaar kiezen kan alleen bij een afspraak.', when: altijd })
  .meta({ id: 'ProductInvoer' });
export type ProductInvoer = z.output<typeof productInvoer>;

const tweetaligUit = z.object({ nl: z.string(), en: z.string() });

/** A product as beheerders edit it (both languages). */
export const productSchema = z
  .object({
    code: z.string(),
    naam: tweetaligUit,
    thema: z.enum(THEMAS),
    omschrijving: tweetaligUit,
    voorWie: tweetaligUit,
    kosten: tweetaligUit,
    meenemen: tweetaligUit,
    hoeAanvragen: tweetaligUit,
    aanvragen: z.enum(['formulier', 'afspraak', 'beide']),
    formulierUrl: z.string().nullable(),
    zaaktype: z.string().nullable(),
    afspraakMinuten: z.number().int().nullable(),
    ambtenaarKiezen: z.boolean(),
    gepubliceerd: z.boolean(),
    revisie: z.number().int(),
    gewijzigdOp: z.string(),
  })
  .meta({ id: 'Product' });

export const productenSchema = z.object({ items: z.array(productSchema) }).meta({ id: 'Producten' });

export const taalQuery = z.strictObject({
  taal: z.enum(TALEN).default('nl').describe('De taal van de teksten: nl of en'),
});

/** A product as residents and other websites read it: texts in one language. */
export const publiekProductSchema = z
  .object({
    code: z.string(),
    naam: z.string(),
    thema: z.enum(THEMAS),
    themaNaam: z.string(),
    omschrijving: z.string(),
    voorWie: z.string(),
    kosten: z.string(),
    meenemen: z.string(),
    hoeAanvragen: z.string(),
    aanvragen: z.enum(['formulier', 'afspraak', 'beide']),
    afspraak: z.boolean().describe('Aan de balie te boeken (GET …/afspraken/beschikbaarheid)'),
    online: z.boolean().describe('Online aan te vragen'),
    afspraakMinuten: z.number().int().nullable(),
    ambtenaarKiezen: z.boolean(),
    zaaktype: z.string().nullable(),
    formulierUrl: z.string().nullable(),
    pagina: z.string().describe('De pagina van het product op de website van de gemeente'),
  })
  .meta({ id: 'PubliekProduct' });

export const publiekeProductenSchema = z.object({ items: z.array(publiekProductSchema) }).meta({ id: 'PubliekeProducten' });
