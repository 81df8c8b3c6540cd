import { z } from 'zod';
import { BRIEF_GROEPEN } from '../../db/schema.ts';
import { TALEN } from '../../i18n/i18n.ts';
import { gemeenteCode } from '../gemeenten/gemeenten.schemas.ts';

export const volgbriefQuery = z.strictObject({
  taal: z.enum(TALEN).optional().describe('Taal van de brief en de link (nl of en); standaard de taal van de zaak'),
});

export const volgbriefBody = z
  .strictObject({
    volgcode: z
      .string()
      .trim()
      .min(1, 'Vul de volgcode in.')
      .max(100, 'Hoogstens 100 tekens.')
      .optional()
      .describe('De volgcode die u net kreeg (bij de registratie): de brief draagt die code en er komt geen nieuwe. Zonder: een nieuwe code (If-Match verplicht).'),
  })
  .meta({ id: 'VolgbriefMetCode' });

/** One line of a gemeente's own wording: trimmed, no control characters; empty or null is the default. */
const eigenTekst = (max: number, wat: string) =>
  z
    .string()
    .trim()
    .max(max, `Hoogstens ${max} tekens.`)
    .regex(/^[^\p{Cc}]*$/u, 'Gebruik geen regeleinden of stuurtekens.')
    .nullable()
    .transform((v) => (v ? v : null))
    .describe(`${wat} Leeg: de standaard.`);

export const briefTekstParams = z.strictObject({
  gemeente: gemeenteCode,
  groep: z.enum(BRIEF_GROEPEN, { error: `Kies een groep brieven: ${BRIEF_GROEPEN.join(', ')}.` }).describe('algemeen: elke brief; klachten: de brieven van de klachtprocedure; bezwaar: die van de bezwaarprocedure (beide vullen algemeen per veld aan)'),
  taal: z.enum(TALEN, { error: 'Kies nl of en.' }),
});

export const briefTekstBody = z
  .strictObject({
    inleiding: eigenTekst(1000, 'Een eerste zin onder de aanhef, bijvoorbeeld "Wij vinden het belangrijk dat u tevreden bent over onze dienstverlening."'),
    contact: eigenTekst(500, 'Een regel boven de groet: hoe de inwoner de gemeente bereikt, bijvoorbeeld "Vragen? Bel de klachtcoördinator via 14 020."'),
    ondertekening: eigenTekst(200, 'Wie ondertekent, boven de naam van de gemeente, bijvoorbeeld "Mevrouw A. Jansen, klachtcoördinator".'),
  })
  .meta({ id: 'BriefTekstInvoer' });

const briefTekstSchema = z
  .object({
    groep: z.enum(BRIEF_GROEPEN),
    taal: z.enum(TALEN),
    inleiding: z.string().nullable(),
    contact: z.string().nullable(),
    ondertekening: z.string().nullable(),
    gewijzigdOp: z.string().nullable().describe('Leeg: nooit ingesteld, de standaard geldt'),
  })
  .meta({ id: 'BriefTekst' });
export const briefTekstResponse = briefTekstSchema;
export const briefTekstenSchema = z.object({ items: z.array(briefTekstSchema) }).meta({ id: 'BriefTeksten' });
